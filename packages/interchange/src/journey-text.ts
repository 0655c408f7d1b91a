/** Pieces of `.journey` syntax, written the way the language reads them back. */

/** A string literal: `"` and `\` escaped, line breaks as `\n`. */
export function formatJourneyString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n')}"`;
}

/** A number as the grammar writes it: no exponent, no float noise (`4.7 - 3` is `1.7`). */
export function formatNumber(value: number): string {
    const rounded = Number(value.toFixed(6));
    return Object.is(rounded, -0) ? '0' : String(rounded);
}
