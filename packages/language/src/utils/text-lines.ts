// Facts about the text of one document that fixes ask for once per finding. Found for the whole text,
// they are kept for the last text asked about: finding them again for each finding took time quadratic
// in the size of a file with many findings (20,000 personas without needs: 90 s).

let last: { text: string; lines?: string[]; lineEnding?: string } | undefined;

function factsOf(text: string): NonNullable<typeof last> {
    if (last?.text !== text) {
        last = { text };
    }
    return last;
}

/** The `line`-th line (0-based) of `text`, lines ending at `\n` or `\r\n`; '' past the end. */
export function lineOfText(text: string, line: number): string {
    const facts = factsOf(text);
    facts.lines ??= text.split(/\r?\n/);
    return facts.lines[line] ?? '';
}

/** The line ending a text uses: CRLF when it has any, else LF. */
export function lineEndingOf(text: string): string {
    const facts = factsOf(text);
    facts.lineEnding ??= text.includes('\r\n') ? '\r\n' : '\n';
    return facts.lineEnding;
}
