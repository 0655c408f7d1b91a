import { optimize } from 'svgo';
import { renderSvg, type Layout, type Theme } from '@journey/preview';

/**
 * The map's SVG with its stylesheet written onto the elements as presentation attributes (`fill="…"`)
 * by SVGO, which knows the cascade: no `<style>`, no `style=`. svg-to-pdfkit reads simple selectors
 * only (it would draw `.journey-card>rect` black), and a page whose CSP forbids inline styles (a docs
 * site, a Markdown preview) would drop both.
 */
export function attributeStyledSvg(layout: Layout, options: { theme?: Theme; fontFamily: string }): string {
    const svg = renderSvg(layout, { theme: options.theme, fixedStyle: { fontFamily: options.fontFamily } });
    return optimize(svg, {
        plugins: [
            { name: 'inlineStyles', params: { onlyMatchedOnce: false, removeMatchedSelectors: true } },
            'convertStyleToAttrs',
            // What is left matched nothing in this map.
            'removeStyleElement',
        ],
    }).data;
}
