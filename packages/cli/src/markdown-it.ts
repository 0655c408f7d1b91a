// `@journey-maps/cli/markdown-it`: the plugin VS Code's Markdown preview uses, for markdown-it based
// docs sites. markdown-it renders synchronously, so the pictures are drawn first:
//
//   const { journeyMarkdownIt, drawMarkdownJourneys } = require('@journey-maps/cli/markdown-it');
//   const pictures = await drawMarkdownJourneys(source, 'docs/guide.md');
//   const html = markdownit().use(journeyMarkdownIt, { pictures: () => pictures }).render(source);
import path from 'node:path';
import { journeyBlocks } from '@journey/interchange';
import type { BlockPictures } from '@journey/markdown-it';
import type { Theme } from '@journey/preview';

export { journeyFences as journeyMarkdownIt, blockHtml } from '@journey/markdown-it';
export type { BlockPictures } from '@journey/markdown-it';

/**
 * The pictures of every ```journey block of `markdown`, the text of the file at `markdownPath` (which
 * `file=` paths and the inline blocks' data files are relative to): what `journeyMarkdownIt` shows.
 */
export async function drawMarkdownJourneys(markdown: string, markdownPath: string, options: { theme?: Theme } = {}): Promise<BlockPictures[]> {
    const { markdownBlockPictures } = await import('./commands/index.js');
    return markdownBlockPictures(path.resolve(markdownPath), journeyBlocks(markdown), { theme: options.theme ?? 'light' });
}
