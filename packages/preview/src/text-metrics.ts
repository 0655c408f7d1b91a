/**
 * Text measurement without a DOM: widths estimated from the characters and the font size, the same
 * on every machine, so that a layout is reproducible byte for byte. The estimate is deliberately on
 * the wide side of common sans-serif fonts, so wrapped text stays inside its box.
 */

/** Width in em of characters that are narrower than average. */
const NARROW = new Map<string, number>([
    ...[...' .,:;|!\'`'].map(c => [c, 0.3] as const),
    ...[...'iljI'].map(c => [c, 0.3] as const),
    ...[...'ftr()[]{}"/\\-'].map(c => [c, 0.4] as const),
    ...[...'mwMW@%'].map(c => [c, 0.92] as const),
]);

/** Wide characters (CJK, Hangul, full-width forms, emoji and symbols) take a full em or more. */
function isWide(codePoint: number): boolean {
    return (codePoint >= 0x1100 && codePoint <= 0x115f)
        || (codePoint >= 0x2190 && codePoint <= 0x2bff) // arrows, symbols, dingbats (✓ ✗ ★ ▲ ⚠)
        || (codePoint >= 0x2e80 && codePoint <= 0xa4cf)
        || (codePoint >= 0xac00 && codePoint <= 0xd7a3)
        || (codePoint >= 0xf900 && codePoint <= 0xfaff)
        || (codePoint >= 0xfe30 && codePoint <= 0xfe4f)
        || (codePoint >= 0xff00 && codePoint <= 0xff60)
        || (codePoint >= 0xffe0 && codePoint <= 0xffe6)
        || codePoint >= 0x1f000;
}

function isCombining(codePoint: number): boolean {
    return (codePoint >= 0x0300 && codePoint <= 0x036f) || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || codePoint === 0x200d;
}

/** Estimated width in em of one character. */
function charWidth(char: string): number {
    const narrow = NARROW.get(char);
    if (narrow !== undefined) {
        return narrow;
    }
    const codePoint = char.codePointAt(0) ?? 0;
    if (isCombining(codePoint)) {
        return 0;
    }
    if (isWide(codePoint)) {
        return 1.05;
    }
    if (char >= 'A' && char <= 'Z') {
        return 0.7;
    }
    if (codePoint < 0x80) {
        return 0.58;
    }
    return 0.66;
}

export interface FontSpec {
    size: number;
    bold?: boolean;
}

/** The estimated width of `text` in pixels. */
export function textWidth(text: string, font: FontSpec): number {
    let ems = 0;
    for (const char of text) {
        ems += charWidth(char);
    }
    return ems * font.size * (font.bold ? 1.08 : 1);
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces where possible, inside a word only when
 * the word alone is too wide. Explicit line breaks are kept; runs of spaces collapse as SVG shows them.
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
        const words = paragraph.split(/[ \t]+/).filter(word => word.length > 0);
        let line = '';
        for (const word of words) {
            const candidate = line ? `${line} ${word}` : word;
            if (textWidth(candidate, font) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (line) {
                lines.push(line);
                line = '';
            }
            // A word too long for a line of its own is broken between characters.
            let rest = word;
            while (textWidth(rest, font) > maxWidth) {
                let cut = '';
                for (const char of rest) {
                    if (cut && textWidth(cut + char, font) > maxWidth) {
                        break;
                    }
                    cut += char;
                }
                lines.push(cut);
                rest = rest.slice(cut.length);
            }
            line = rest;
        }
        lines.push(line);
    }
    // Keep inner empty lines (an intended blank line), drop trailing ones.
    while (lines.length > 1 && lines[lines.length - 1] === '') {
        lines.pop();
    }
    return lines;
}
