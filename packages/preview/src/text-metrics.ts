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

/**
 * The same for DejaVu Sans Bold: bold is not the regular face widened evenly (f, i, l, r, t gain some
 * 20 %, most letters 10–15 %), so a flat factor let bold titles run past their box.
 */
const BOLD_ASCII_WIDTHS = [
    0.349, 0.457, 0.521, 0.838, 0.696, 1.002, 0.873, 0.307, 0.458, 0.458, 0.523, 0.838, 0.380, 0.416, 0.380, 0.366, // space ! " # $ % & ' ( ) * + , - . /
    0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.581, // 0-9 : ; < = > ?
    1.000, 0.774, 0.763, 0.734, 0.831, 0.684, 0.684, 0.821, 0.837, 0.373, 0.373, 0.775, 0.638, 0.996, 0.837, 0.851, // @ A-O
    0.733, 0.851, 0.771, 0.721, 0.683, 0.813, 0.774, 1.104, 0.771, 0.725, 0.726, 0.458, 0.366, 0.458, 0.838, 0.500, // P-Z [ \ ] ^ _
    0.500, 0.675, 0.716, 0.593, 0.716, 0.679, 0.436, 0.716, 0.712, 0.343, 0.343, 0.666, 0.343, 1.042, 0.712, 0.688, // ` a-o
    0.716, 0.716, 0.494, 0.596, 0.479, 0.712, 0.652, 0.924, 0.646, 0.652, 0.583, 0.712, 0.366, 0.712, 0.838,        // p-z { | } ~
];

const PUNCTUATION = new Map<string, number>([
    ['‘', 0.32], ['’', 0.32], ['“', 0.52], ['”', 0.52], ['–', 0.5], ['—', 1.0], ['·', 0.318], ['…', 1.0],
    ['×', 0.838], ['−', 0.838], ['•', 0.59], ['°', 0.5],
]);

const BOLD_PUNCTUATION = new Map<string, number>([
    ['‘', 0.38], ['’', 0.38], ['“', 0.658], ['”', 0.658], ['–', 0.5], ['—', 1.0], ['·', 0.38], ['…', 1.0],
    ['×', 0.838], ['−', 0.838], ['•', 0.64], ['°', 0.5],
]);

/** Other characters in bold: the regular estimate widened by this much. */
const BOLD_FACTOR = 1.1;

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
function charWidth(char: string, bold: boolean): number {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && codePoint < 0x7f) {
        return (bold ? BOLD_ASCII_WIDTHS : ASCII_WIDTHS)[codePoint - 0x20];
    }
    const punctuation = (bold ? BOLD_PUNCTUATION : PUNCTUATION).get(char);
    if (punctuation !== undefined) {
        return punctuation;
    }
    return bold ? otherWidth(codePoint) * BOLD_FACTOR : otherWidth(codePoint);
}

function otherWidth(codePoint: number): number {
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
    return emsOf(text, 0, font.bold === true) * font.size;
}

/** `start` plus the widths in em of the characters of `text`, added left to right. */
function emsOf(text: string, start: number, bold: boolean): number {
    let ems = start;
    for (const char of text) {
        ems += charWidth(char, bold);
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
    const bold = font.bold === true;
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
        const words = paragraph.split(/[ \t]+/).filter(word => word.length > 0);
        let line = '';
        // The width in em of `line`, added up left to right as textWidth does: the same number.
        let lineEms = 0;
        for (const word of words) {
            const candidateEms = line ? emsOf(word, emsOf(' ', lineEms, bold), bold) : emsOf(word, 0, bold);
            if (candidateEms * font.size <= maxWidth) {
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
            lineEms = emsOf(rest, 0, bold);
        }
        lines.push(line);
    }
    // Keep inner empty lines (an intended blank line), drop trailing ones.
    while (lines.length > 1 && lines[lines.length - 1] === '') {
        lines.pop();
    }
    return lines;
}
