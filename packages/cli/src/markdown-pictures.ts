import path from 'node:path';
import type { JourneyBlock } from '@journey/interchange';
import type { BlockPictures } from '@journey/markdown-it';
import type { Theme } from '@journey/preview';
import { markdownBlockMaps } from './commands/render-markdown.js';

/** The fonts a Markdown page shows the map in: the reader's own; the layout's widths fit them (text-metrics.ts). */
const PAGE_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * The pictures of a Markdown file's journey blocks for @journey/markdown-it: the maps `journey render
 * DOC.md` draws, as SVG styled by attributes only (a strict CSP keeps it whole), in one theme. VS Code's
 * Markdown preview calls this through the CLI bundle it ships (dist/cli/commands.cjs).
 */
export async function markdownBlockPictures(markdownPath: string, blocks: readonly JourneyBlock[], options: { theme: Theme }): Promise<BlockPictures[]> {
    const { attributeStyledSvg } = await import('@journey/png-pdf');
    const drawn = await markdownBlockMaps(markdownPath, blocks, { io: { cwd: path.dirname(markdownPath), env: process.env } });
    return drawn.map(({ layouts, problems }) => ({
        maps: layouts.map(layout => ({ name: layout.name, title: layout.title, svg: attributeStyledSvg(layout, { theme: options.theme, fontFamily: PAGE_FONTS }) })),
        problems,
    }));
}
