/** Pieces of `.journey` syntax, written the way the language reads them back. */

/** A string literal: `"` and `\` escaped, line breaks as `\n`. */
export function formatJourneyString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n')}"`;
}
