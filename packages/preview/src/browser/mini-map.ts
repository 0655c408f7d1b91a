import { renderMiniMap, type MiniMapPart } from '../minimap.js';
import type { Layout } from '../layout/index.js';
import type { PanZoom } from './pan-zoom.js';

/**
 * The mini-map of a big map: its outline in a corner (`host`), with the rectangle of what the viewport
 * shows; a click or a drag on it brings that part into view. Shown only while the map does not fit the
 * viewport at the zoom chosen.
 */
export interface MiniMap {
    /** After the maps were drawn: `layouts` in the order of the canvas's `svg.journey` elements. */
    draw(layouts: readonly Layout[]): void;
    /** After a pan, zoom or resize: the in-view rectangle, and whether the mini-map is wanted at all. */
    sync(): void;
    dispose(): void;
}

/** Its largest width, and its largest height as a share of the viewport's. */
const MAX_WIDTH = 200;
const MAX_HEIGHT_SHARE = 0.4;
/** Shown when the map at its zoom is this much larger than the viewport, in width or height. */
const OVERFLOW = 1.05;

export function createMiniMap(host: HTMLElement, viewport: HTMLElement, canvas: HTMLElement, panZoom: PanZoom): MiniMap {
    let scale = 0;
    let size = { width: 0, height: 0 };
    let view: SVGRectElement | null = null;

    const sync = () => {
        const { zoom, scrollX, scrollY } = panZoom.state;
        const wanted = scale > 0 && (size.width * zoom > viewport.clientWidth * OVERFLOW || size.height * zoom > viewport.clientHeight * OVERFLOW);
        host.hidden = !wanted;
        if (wanted && view) {
            // The viewport in canvas pixels at 100 %, clipped to the map.
            const x = Math.max(0, scrollX / zoom);
            const y = Math.max(0, scrollY / zoom);
            view.setAttribute('x', String(x));
            view.setAttribute('y', String(y));
            view.setAttribute('width', String(Math.max(0, Math.min(size.width, (scrollX + viewport.clientWidth) / zoom) - x)));
            view.setAttribute('height', String(Math.max(0, Math.min(size.height, (scrollY + viewport.clientHeight) / zoom) - y)));
        }
    };

    const draw = (layouts: readonly Layout[]) => {
        const zoom = panZoom.state.zoom;
        const origin = canvas.getBoundingClientRect();
        const svgs = [...canvas.querySelectorAll(':scope > svg.journey')];
        // Where each map is in the canvas at 100 % (the canvas is scaled by the zoom).
        const parts: MiniMapPart[] = layouts.flatMap((layout, index) => {
            const box = svgs[index]?.getBoundingClientRect();
            return box ? [{ layout, x: (box.left - origin.left) / zoom, y: (box.top - origin.top) / zoom }] : [];
        });
        size = { width: canvas.scrollWidth, height: canvas.scrollHeight };
        scale = parts.length > 0 && size.width > 0 && size.height > 0
            ? Math.min(MAX_WIDTH / size.width, (viewport.clientHeight * MAX_HEIGHT_SHARE) / size.height) : 0;
        // The map's own text never goes in: only numbers, so innerHTML carries nothing of the document.
        host.innerHTML = scale > 0 ? renderMiniMap(parts, size.width, size.height, scale) : '';
        view = host.querySelector('rect.journey-minimap-view');
        sync();
    };

    /** Centres the viewport on the point of the mini-map under the pointer. */
    const bringIntoView = (event: PointerEvent) => {
        const picture = host.querySelector('svg');
        if (!picture || scale === 0) {
            return;
        }
        const box = picture.getBoundingClientRect();
        const { zoom } = panZoom.state;
        const x = (event.clientX - box.left) / scale;
        const y = (event.clientY - box.top) / scale;
        panZoom.setState({ zoom, scrollX: x * zoom - viewport.clientWidth / 2, scrollY: y * zoom - viewport.clientHeight / 2 });
    };
    let pressed = false;
    const down = (event: PointerEvent) => {
        pressed = true;
        host.setPointerCapture?.(event.pointerId);
        bringIntoView(event);
        event.preventDefault();
        event.stopPropagation();
    };
    const move = (event: PointerEvent) => {
        if (pressed) {
            bringIntoView(event);
        }
    };
    const up = () => {
        pressed = false;
    };
    host.addEventListener('pointerdown', down);
    host.addEventListener('pointermove', move);
    host.addEventListener('pointerup', up);
    host.addEventListener('pointercancel', up);
    const resized = new ResizeObserver(() => sync());
    resized.observe(viewport);

    return {
        draw,
        sync,
        dispose() {
            host.removeEventListener('pointerdown', down);
            host.removeEventListener('pointermove', move);
            host.removeEventListener('pointerup', up);
            host.removeEventListener('pointercancel', up);
            resized.disconnect();
        },
    };
}
