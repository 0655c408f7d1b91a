/**
 * Text inside Mermaid diagrams. Mermaid writes characters its grammar reserves as entity codes,
 * `#` + a decimal code point or an HTML entity name + `;` (`#35;` is `#`, `#quot;` is `"`); its
 * renderer turns them back into characters. Import decodes them; export encodes what must be.
 */

/** The HTML entity names Mermaid diagrams use in practice; others are kept as written. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
    amp: '&', apos: "'", quot: '"', lt: '<', gt: '>', nbsp: '\u00a0', num: '#', semi: ';', colon: ':',
    comma: ',', percnt: '%', commat: '@', excl: '!', quest: '?', lpar: '(', rpar: ')', lbrace: '{',
    rbrace: '}', lbrack: '[', rbrack: ']', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013',
    lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb',
    copy: '\u00a9', reg: '\u00ae', trade: '\u2122', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5',
    cent: '\u00a2', deg: '\u00b0', times: '\u00d7', divide: '\u00f7', middot: '\u00b7', bull: '\u2022',
    hearts: '\u2665', check: '\u2713', cross: '\u2717', rarr: '\u2192', larr: '\u2190', uarr: '\u2191',
    darr: '\u2193', harr: '\u2194', star: '\u2606', starf: '\u2605',
};

/** `Tea #9829;` → `Tea ♥`. Codes that are not printable characters, and unknown names, stay as written. */
export function decodeMermaidEntities(text: string): string {
    return text.replace(/#(\w+);/g, (whole, code: string) => {
        if (/^\+?\d+$/.test(code)) {
            const point = Number(code);
            const printable = point >= 0x20 && !(point >= 0x7f && point < 0xa0) && !(point >= 0xd800 && point < 0xe000) && point <= 0x10ffff;
            return printable ? String.fromCodePoint(point) : whole;
        }
        return Object.hasOwn(NAMED_ENTITIES, code) ? NAMED_ENTITIES[code] : whole;
    });
}

/** The entity code Mermaid reads as `character`. */
export function entityOf(character: string): string {
    return `#${character.codePointAt(0)};`;
}

/** Where a piece of text goes in a diagram: each place reserves other characters. */
export type MermaidTextPlace = 'title' | 'section' | 'task' | 'actor';

/**
 * Text Mermaid reads back as `text` in that place (after trimming, which Mermaid does too):
 * reserved characters become entity codes, a line break a space (Mermaid draws journey text with
 * `.text()`, so `<br>` would show as the characters `<br>`), and a task name that would start a
 * keyword (`section …`, `journey …`) gets its first letter as a code.
 */
export function encodeMermaidText(text: string, place: MermaidTextPlace): string {
    const reserved = place === 'title' ? /[#;]/ : place === 'actor' ? /[#;:,]/ : /[#;:]/;
    let encoded = '';
    const characters = [...text.trim().replace(/[^\S\r\n]*(?:\r\n?|\n)\s*/g, ' ')];
    characters.forEach((character, index) => {
        // `%` next to another `%` starts a comment or a directive (`%%{`) anywhere on a line.
        const percent = character === '%' && (characters[index - 1] === '%' || characters[index + 1] === '%' || (index === 0 && place === 'task'));
        encoded += reserved.test(character) || percent ? entityOf(character) : character;
    });
    if (place === 'task' && /^(journey\b|title\s|section\s|acc(Title|Descr)\b)/i.test(encoded)) {
        encoded = entityOf(encoded[0]) + encoded.slice(1);
    }
    if (place === 'title' && /(style|classDef).*:\S*#.*;/.test(encoded)) {
        // Mermaid drops the last `;` of such a line before parsing (a CSS colour in a style line).
        encoded = encoded.replace(/:/g, entityOf(':'));
    }
    return encoded;
}
