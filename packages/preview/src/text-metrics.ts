/**
 * Text measurement without a DOM: widths estimated from the characters and the font size, the same
 * on every machine, so that a layout is reproducible byte for byte. The estimate is on the wide side
 * of common sans-serif fonts, so wrapped text stays inside its box.
 */

/**
 * Widths in em of the printable ASCII characters, from DejaVu Sans: the widest of the common sans-serif
 * fonts (and the fallback of many Linux machines), so that Segoe UI, Helvetica, Arial or Roboto fit
 * in what is measured here.
 */
const ASCII_WIDTHS = [
    0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337, // space ! " # $ % & ' ( ) * + , - . /
    0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, // 0-9 : ; < = > ?
    1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, // @ A-O
    0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500, // P-Z [ \ ] ^ _
    0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, // ` a-o
    0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,        // p-z { | } ~
];

const PUNCTUATION = new Map<string, number>([
    ['‘', 0.32], ['’', 0.32], ['“', 0.52], ['”', 0.52], ['–', 0.5], ['—', 1.0], ['·', 0.318], ['…', 1.0],
    ['×', 0.838], ['−', 0.838], ['•', 0.59], ['°', 0.5],
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
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && codePoint < 0x7f) {
        return ASCII_WIDTHS[codePoint - 0x20];
    }
    const punctuation = PUNCTUATION.get(char);
    if (punctuation !== undefined) {
        return punctuation;
    }
    if (isCombining(codePoint) || codePoint < 0x20) {
        return 0;
    }
    if (isWide(codePoint)) {
        return 1.05;
    }
    // Accented Latin, Greek, Cyrillic and the like: as wide as the wider Latin letters.
    return 0.72;
}

export interface FontSpec {
    size: number;
    bold?: boolean;
}

/** The estimated width of `text` in pixels. */
export function textWidth(text: string, font: FontSpec): number {
    return emsOf(text, 0) * font.size * (font.bold ? 1.1 : 1);
}

/** `start` plus the widths in em of the characters of `text`, added left to right. */
function emsOf(text: string, start: number): number {
    let ems = start;
    for (const char of text) {
        ems += charWidth(char);
    }
    return ems;
}

/** Wrapped texts by font, width and text: a map is drawn again after every edit, with mostly the same texts. */
const wrapped = new Map<string, readonly string[]>();
const WRAPPED_MAX = 20_000;

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces where possible, inside a word only when
 * the word alone is too wide. Explicit line breaks are kept; runs of spaces collapse as SVG shows them.
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec): string[] {
    const key = `${font.size}|${font.bold ? 1 : 0}|${maxWidth}|${text}`;
    let lines = wrapped.get(key);
    if (!lines) {
        lines = wrap(text, maxWidth, font);
        if (wrapped.size >= WRAPPED_MAX) {
            wrapped.clear();
        }
        wrapped.set(key, lines);
    }
    return lines.slice();
}

function wrap(text: string, maxWidth: number, font: FontSpec): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
        const words = paragraph.split(/[ \t]+/).filter(word => word.length > 0);
        let line = '';
        // The width in em of `line`, added up left to right as textWidth does: the same number.
        let lineEms = 0;
        for (const word of words) {
            const candidateEms = line ? emsOf(word, emsOf(' ', lineEms)) : emsOf(word, 0);
            if (candidateEms * font.size * (font.bold ? 1.1 : 1) <= maxWidth) {
                line = line ? `${line} ${word}` : word;
                lineEms = candidateEms;
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
            lineEms = emsOf(rest, 0);
        }
        lines.push(line);
    }
    // Keep inner empty lines (an intended blank line), drop trailing ones.
    while (lines.length > 1 && lines[lines.length - 1] === '') {
        lines.pop();
    }
    return lines;
}
