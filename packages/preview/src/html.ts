import type { Layout } from './layout/index.js';
import { escapeXml, renderSvg, THEMES, type Theme } from './svg.js';

/**
 * Layout → a self-contained HTML page: the SVG inline, nothing loaded from anywhere, no script. The
 * Content Security Policy allows no script at all, data: images, and exactly two stylesheets: the
 * page's own and the map's (the SVG's <style>), each by the hash of its text ('sha256-…'). Neither
 * depends on the map, only on the theme, so their hashes are constants (`STYLE_HASHES`); the same map
 * gives the same bytes, and a style of any other text (injected, or a stylesheet changed without its
 * hash) is refused. test/preview/svg.test.ts recomputes the hashes from the page and names the right
 * value when a stylesheet changes.
 */

export interface HtmlOptions {
    theme?: Theme;
}

/** The CSP hash sources of the HTML page's stylesheets: the page's own (per theme) and the map's. */
export const STYLE_HASHES = {
    page: {
        light: 'sha256-Kf0EeEvjaITB8pd8M8QaiosaYn1sTZTHvj1LqizGQBs=',
        dark: 'sha256-h5TvphknE1WEDj8y2RBIEgR+HUVGmR/T8qDYX2ZucMw=',
    } satisfies Record<Theme, string>,
    /** The SVG's <style>: `\n${journeyStylesheet()}\n`, the same for both themes. */
    map: 'sha256-DWClFQRCB8beBLz10LB6Km8Or9gUAQhTuP6yLTsUldo=',
} as const;

export function renderHtml(layout: Layout, options: HtmlOptions = {}): string {
    const theme = options.theme ?? 'light';
    const colours = THEMES[theme];
    const csp = `default-src 'none'; style-src '${STYLE_HASHES.page[theme]}' '${STYLE_HASHES.map}'; img-src data:`;
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        // The hashes are base64 and the rest is ours: nothing here needs escaping.
        `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta name="color-scheme" content="${theme}">`,
        `<title>${escapeXml(layout.title)}</title>`,
        // The text from here to </style> is what STYLE_HASHES.page hashes.
        '<style>',
        `html,body{margin:0;background:${colours.background};color:${colours.foreground}}`,
        'main{overflow:auto}',
        'main>svg{display:block;max-width:none}',
        '</style>',
        '</head>',
        '<body>',
        '<main>',
        renderSvg(layout, { theme }).trimEnd(),
        '</main>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
