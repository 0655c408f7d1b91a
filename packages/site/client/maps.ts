// The maps of a page: pan and zoom by the preview's own code (@journey/preview/browser, the same as
// the VS Code webview's), the toolbar's buttons and zoom label, the view remembered per page in
// sessionStorage (a live reload or Back keeps it), fit on first open; and the highlighted element a
// link names (`highlight=ID`), centred and announced.
import { createPanZoom, focusPersona, type PanZoom, type PanZoomState } from '@journey/preview/browser';
import { announce } from './announce.js';
import { load, save, storageKey } from './storage.js';


export interface SiteMap {
    viewport: HTMLElement;
    canvas: HTMLElement;
    panZoom: PanZoom;
}

const mapsOf = new WeakMap<ParentNode, SiteMap[]>();

/** The maps of a page (`root`), set up the first time they are asked for: the page must be shown by then (a hidden page has no size). */
export function mapsIn(root: ParentNode, page: string): SiteMap[] {
    let maps = mapsOf.get(root);
    if (!maps) {
        maps = [...root.querySelectorAll<HTMLElement>('[data-map-viewport]')].flatMap((viewport, index) => {
            const map = setUpMap(viewport, storageKey(`map-${index}`, page));
            return map ? [map] : [];
        });
        mapsOf.set(root, maps);
    }
    return maps;
}

function setUpMap(viewport: HTMLElement, key: string): SiteMap | undefined {
    const canvas = viewport.querySelector<HTMLElement>('[data-map-canvas]');
    if (!canvas) {
        return undefined;
    }
    const section = viewport.closest('.map-section') ?? viewport.parentElement ?? viewport;
    const label = section.querySelector<HTMLElement>('[data-zoom-level]');
    const saved = load<PanZoomState>(key);
    const restored = saved !== undefined && [saved.zoom, saved.scrollX, saved.scrollY].every(value => typeof value === 'number' && Number.isFinite(value)) && saved.zoom > 0;
    const state: PanZoomState = restored ? { zoom: saved.zoom, scrollX: saved.scrollX, scrollY: saved.scrollY } : { zoom: 1, scrollX: 0, scrollY: 0 };
    const panZoom = createPanZoom({
        viewport,
        canvas,
        state,
        zoomLabel: label,
        // Keys zoom and pan the map that has the focus: the arrows still scroll the page elsewhere, and
        // a single-file site's maps on hidden pages stay as they are.
        keyboard: viewport,
        onChange: view => save(key, { zoom: view.zoom, scrollX: view.scrollX, scrollY: view.scrollY }),
    });
    // A persona in the Feels legend: its curve followed, the others faded.
    canvas.addEventListener('click', event => {
        if (!panZoom.dragged) {
            focusPersona(event.target);
        }
    });
    for (const button of section.querySelectorAll<HTMLButtonElement>('button[data-zoom]')) {
        button.addEventListener('click', () => {
            switch (button.dataset.zoom) {
                case 'in': panZoom.zoomTo(panZoom.state.zoom * 1.25); break;
                case 'out': panZoom.zoomTo(panZoom.state.zoom / 1.25); break;
                case 'fit': panZoom.fit(); break;
                case 'reset': panZoom.reset(); break;
            }
        });
    }
    if (!restored) {
        panZoom.fit();
    }
    return { viewport, canvas, panZoom };
}

/**
 * Marks every element of the page's maps with `data-id` ID (none when `id` is undefined), centres the
 * first in its map and says so in the page's live region.
 */
export function highlight(root: HTMLElement, maps: readonly SiteMap[], id: string | undefined, centre: boolean): void {
    for (const element of root.querySelectorAll('.journey-highlight')) {
        element.classList.remove('journey-highlight');
    }
    if (id === undefined || id === '') {
        return;
    }
    let first: { map: SiteMap; element: Element } | undefined;
    for (const map of maps) {
        for (const element of map.canvas.querySelectorAll(`[data-id="${CSS.escape(id)}"]`)) {
            element.classList.add('journey-highlight');
            first ??= { map, element };
        }
    }
    if (!first) {
        announce(root, 'The highlighted element is not on this map.');
        return;
    }
    if (centre) {
        first.map.viewport.scrollIntoView({ block: 'nearest' });
        first.map.panZoom.centerOn(first.element);
    }
    const title = first.element.querySelector('title')?.textContent?.trim().split('\n')[0];
    announce(root, `Highlighted: ${title || id}`);
}
