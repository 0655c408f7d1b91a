import { fenceAttributes, fencedBlocks } from './markdown-fences.js';

/**
 * A ```` ```journey ```` block of a Markdown file: journey text of its own, or (`file=PATH`, relative to
 * the Markdown file) a .journey file to draw; `journey=NAME` draws that journey only.
 */
export interface JourneyBlock {
    /** The line (1-based) of the block's first line of text in the Markdown file. */
    line: number;
    /** The block's text: journey text, or empty for a `file=` block. */
    text: string;
    file?: string;
    journey?: string;
}

/**
 * The journey blocks of a Markdown text, in order. The inline ones of one Markdown file are one
 * workspace (a block can use the personas and channels another declares), as the CLI
 * (`journey render DOC.md`) and the Markdown preview both read them.
 */
export function journeyBlocks(markdown: string): JourneyBlock[] {
    return fencedBlocks(markdown, 'journey').map(block => {
        const attributes = fenceAttributes(block.attributes);
        return {
            line: block.line,
            text: block.text,
            ...(attributes.file !== undefined ? { file: attributes.file } : {}),
            ...(attributes.journey !== undefined ? { journey: attributes.journey } : {}),
        };
    });
}

/** The name an inline block's text is loaded under: beside the Markdown file, so its `data "…"` paths read from there. */
export function inlineBlockPath(markdownPath: string, block: Pick<JourneyBlock, 'line'>): string {
    return `${markdownPath}.line-${block.line}.journey`;
}
