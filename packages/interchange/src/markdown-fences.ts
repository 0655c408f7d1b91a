/** A fenced code block of a Markdown text. */
export interface FencedBlock {
    /** The block's text, its fence's indentation taken off. */
    text: string;
    /** The line (1-based) of the block's first line of text in the Markdown file. */
    line: number;
    /** What follows the language on the opening fence (```` ```journey file=a.journey ```` → `file=a.journey`), trimmed. */
    attributes: string;
}

/**
 * The fenced code blocks (CommonMark: ``` or ~~~, up to three spaces of indentation, closed by a fence
 * at least as long) whose info string starts with `language` (any case). An unclosed block runs to the
 * end, as CommonMark reads it; a byte order mark is ignored.
 */
export function fencedBlocks(markdown: string, language: string): FencedBlock[] {
    const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
    const blocks: FencedBlock[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)([^`]*)$/.exec(lines[i]);
        if (!open || (open[2][0] === '`' && lines[i].slice(open[0].indexOf(open[2]) + open[2].length).includes('`'))) {
            continue;
        }
        const [, indent, fence, info, rest] = open;
        const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
        let end = i + 1;
        while (end < lines.length && !close.test(lines[end])) {
            end++;
        }
        if (info.toLowerCase() === language) {
            const body = lines.slice(i + 1, end).map(line => line.replace(new RegExp(`^ {0,${indent.length}}`), ''));
            blocks.push({ text: body.join('\n'), line: i + 2, attributes: rest.trim() });
        }
        i = end;
    }
    return blocks;
}

/** `file=maps/a.journey journey=renewal` → { file: 'maps/a.journey', journey: 'renewal' }; values may be quoted. */
export function fenceAttributes(attributes: string): Record<string, string> {
    const result: Record<string, string> = {};
    for (const match of attributes.matchAll(/([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
        result[match[1]] = match[2] ?? match[3] ?? match[4];
    }
    return result;
}
