import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { fenceAttributes, type JourneyBlock } from '@journey/interchange';
import { blockHtml, pendingBlockHtml, type BlockPictures } from './block-html.js';

export interface JourneyFenceOptions {
    /**
     * The pictures of the document's journey blocks (all of them, in order: the inline ones are one
     * workspace), or `undefined` while they are being drawn. Called while markdown-it renders, which is
     * synchronous: a host draws beforehand (a docs site's build) or draws now and renders again
     * when done (VS Code's Markdown preview).
     */
    pictures(blocks: readonly JourneyBlock[], env: unknown): readonly BlockPictures[] | undefined;
}

/**
 * The markdown-it plugin: a fenced block whose language is `journey` shows its maps instead of its
 * text. Every other fence is left to the renderer there was.
 */
export function journeyFences(md: MarkdownIt, options: JourneyFenceOptions): void {
    const fallback = md.renderer.rules.fence ?? ((tokens, index, renderOptions, _env, self) => self.renderToken(tokens, index, renderOptions));
    md.renderer.rules.fence = (tokens, index, renderOptions, env, self) => {
        if (!isJourneyFence(tokens[index])) {
            return fallback(tokens, index, renderOptions, env, self);
        }
        const fences = tokens.filter(isJourneyFence);
        const pictures = options.pictures(fences.map(blockOfToken), env);
        const own = pictures?.[fences.indexOf(tokens[index])];
        return own ? blockHtml(own) : pendingBlockHtml();
    };
}

function isJourneyFence(token: Token): boolean {
    return token.type === 'fence' && token.info.trim().split(/\s+/)[0].toLowerCase() === 'journey';
}

/** A fence token as the block `journeyBlocks` reads from the same Markdown. */
export function blockOfToken(token: Token): JourneyBlock {
    const attributes = fenceAttributes(token.info.trim().replace(/^\S+\s*/, ''));
    return {
        // token.map[0] is the fence's line (0-based); the block's text starts on the line after it.
        line: (token.map?.[0] ?? 0) + 2,
        text: token.content.replace(/\n$/, ''),
        ...(attributes.file !== undefined ? { file: attributes.file } : {}),
        ...(attributes.journey !== undefined ? { journey: attributes.journey } : {}),
    };
}
