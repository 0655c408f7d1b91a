import type { Layout, Point } from './layout/index.js';
import { svgNumber as num } from './svg.js';

/**
 * The mini-map of drawn maps: a small SVG of their outline only (stage bands, touchpoint boxes, the
 * emotion curves), no text, at `scale` of their size. Pure: the browser part (browser/mini-map.ts)
 * puts it beside the viewport and draws the rectangle of what is in view over it.
 */

/** A map drawn at (x, y) of the canvas, in its pixels at 100 %. */
export interface MiniMapPart {
    layout: Layout;
    x: number;
    y: number;
}

/** The mini-map's picture of `parts`, `width` × `height` canvas pixels drawn at `scale`, with the in-view rectangle last (`journey-minimap-view`). */
export function renderMiniMap(parts: readonly MiniMapPart[], width: number, height: number, scale: number): string {
    const out: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="journey-minimap-picture" width="${num(width * scale)}" height="${num(height * scale)}" viewBox="0 0 ${num(width)} ${num(height)}" aria-hidden="true">`,
    ];
    for (const { layout, x, y } of parts) {
        out.push(`<g transform="translate(${num(x)} ${num(y)})">`);
        out.push(`<rect class="journey-minimap-map" x="0" y="0" width="${num(layout.width)}" height="${num(layout.height)}"/>`);
        layout.stages.forEach((stage, index) => out.push(box(stage.band, index % 2 === 0 ? 'journey-minimap-band' : 'journey-minimap-band-alt')));
        for (const node of layout.nodes) {
            out.push(box(node.box, 'journey-minimap-node'));
        }
        const curves: Point[][] = [layout.emotion?.polyline ?? [], ...(layout.emotion?.personas ?? []).map(curve => curve.polyline)];
        for (const curve of curves.filter(line => line.length > 1)) {
            out.push(`<polyline class="journey-minimap-curve" points="${curve.map(p => `${num(p.x)},${num(p.y)}`).join(' ')}"/>`);
        }
        out.push('</g>');
    }
    out.push('<rect class="journey-minimap-view" x="0" y="0" width="0" height="0"/>', '</svg>');
    return out.join('');
}

function box(rect: { x: number; y: number; width: number; height: number }, className: string): string {
    return `<rect class="${className}" x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}"/>`;
}
