import { sha256, toBase64 } from './hash.js';
import type { Layout } from './layout/index.js';
import { escapeXml, renderSvg, THEMES, type Theme } from './svg.js';

/**
 * Layout → a self-contained HTML page: the SVG inline, nothing loaded from anywhere, no script. The
 * Content Security Policy allows nothing but the page's own stylesheets (by nonce) and data: images.
 * The nonce is derived from the content, so the same map gives the same bytes; with no script allowed
 * at all, a predictable nonce gives an attacker nothing to use.
 */

export interface HtmlOptions {
    theme?: Theme;
}

export function renderHtml(layout: Layout, options: HtmlOptions = {}): string {
    const theme = options.theme ?? 'light';
    const nonce = toBase64(sha256(`journey-html:${theme}:${renderSvg(layout, { theme })}`)).slice(0, 24);
    const svg = renderSvg(layout, { theme, nonce });
    const colours = THEMES[theme];
    const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:`;
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        // The nonce is base64 and the rest is ours: nothing here needs escaping.
        `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta name="color-scheme" content="${theme}">`,
        `<title>${escapeXml(layout.title)}</title>`,
        `<style nonce="${nonce}">`,
        `html,body{margin:0;background:${colours.background};color:${colours.foreground}}`,
        'main{overflow:auto}',
        'main>svg{display:block;max-width:none}',
        '</style>',
        '</head>',
        '<body>',
        '<main>',
        svg.trimEnd(),
        '</main>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
