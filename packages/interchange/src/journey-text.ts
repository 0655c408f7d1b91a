/** Pieces of `.journey` syntax, written the way the language reads them back. */

/** A string literal: `"` and `\` escaped, line breaks as `\n`. */
export function formatJourneyString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n')}"`;
}

/**
 * A number as the grammar writes it: no exponent, no float noise (`4.7 - 3` is `1.7`), every digit
 * written kept (15 significant digits are what a double holds exactly).
 */
export function formatNumber(value: number): string {
    const rounded = Number(value.toPrecision(15));
    if (Object.is(rounded, -0) || rounded === 0) {
        return '0';
    }
    const text = String(rounded);
    return /e/i.test(text) ? rounded.toFixed(20).replace(/\.?0+$/, '') : text;
}
