/**
 * Zoom and pan of a drawn map, in a browser: the VS Code webview's and the static site's (one code for
 * both). `canvas` (the SVG's container) is moved inside `viewport` by a CSS transform; the state is
 * the zoom and the offset of the viewport's top left corner in canvas pixels at that zoom.
 *
 *   wheel            scroll (Shift: sideways); Ctrl or ⌘ + wheel: zoom at the pointer
 *   drag             pan (past 4 px; the click that ends a drag is not a click: see `dragged`)
 *   + - 0 1 Home ←↑→↓  zoom in, out, fit, 100 %, top left, scroll (not while typing in a field)
 *
 * The only browser code of @journey/preview (`@journey/preview/browser`); the package's index never
 * loads it, so Node code never needs a DOM.
 */

export interface PanZoomState {
    zoom: number;
    scrollX: number;
    scrollY: number;
}

export interface PanZoomOptions {
    viewport: HTMLElement;
    canvas: HTMLElement;
    /** Where to start (default: 100 %, top left); the object is the one kept up to date. */
    state?: PanZoomState;
    /** Told after every change (to save it, or show the zoom). */
    onChange?: (state: PanZoomState) => void;
    /** Shows "NN%" (default: nothing). */
    zoomLabel?: HTMLElement | null;
    /** What listens for the keys (default: the document; a page with several maps gives each its viewport). */
    keyboard?: HTMLElement | Document;
}

export interface PanZoom {
    readonly state: PanZoomState;
    /** Zooms keeping the point (x, y) of the viewport where it is (default: its centre). */
    zoomTo(zoom: number, x?: number, y?: number): void;
    /** The whole map in view. */
    fit(): void;
    /**
     * The map's width in view, from the top, but never smaller than `minZoom` (text stays readable; the
     * map then scrolls sideways) nor larger than 100 %.
     */
    fitWidth(minZoom: number): void;
    /** 100 %, top left. */
    reset(): void;
    setState(state: PanZoomState): void;
    /** Scrolls so that an element of the canvas is in the middle of the viewport. */
    centerOn(element: Element): void;
    /** Whether the pointer was dragged since it went down (a click then is the end of a pan). */
    readonly dragged: boolean;
    dispose(): void;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 5;
const DRAG_THRESHOLD = 4;
const KEY_STEP = 60;

const clamp = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

export function createPanZoom(options: PanZoomOptions): PanZoom {
    const { viewport, canvas } = options;
    const state: PanZoomState = options.state ?? { zoom: 1, scrollX: 0, scrollY: 0 };
    let dragged = false;
    const disposers: Array<() => void> = [];
    const listen = <K extends keyof HTMLElementEventMap>(target: HTMLElement | Document, type: K, handler: (event: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
        target.addEventListener(type, handler as EventListener, opts);
        disposers.push(() => target.removeEventListener(type, handler as EventListener, opts));
    };

    const apply = () => {
        canvas.style.transform = `translate(${-state.scrollX}px, ${-state.scrollY}px) scale(${state.zoom})`;
        if (options.zoomLabel) {
            options.zoomLabel.textContent = `${Math.round(state.zoom * 100)}%`;
        }
        options.onChange?.(state);
    };

    const zoomTo = (zoom: number, x = viewport.clientWidth / 2, y = viewport.clientHeight / 2) => {
        const next = clamp(zoom);
        const contentX = (x + state.scrollX) / state.zoom;
        const contentY = (y + state.scrollY) / state.zoom;
        state.zoom = next;
        state.scrollX = contentX * next - x;
        state.scrollY = contentY * next - y;
        apply();
    };

    const fit = () => {
        // The canvas's size at zoom 1 (its layout box is not transformed).
        const width = canvas.scrollWidth;
        const height = canvas.scrollHeight;
        if (width === 0 || height === 0 || viewport.clientWidth === 0) {
            return;
        }
        state.zoom = clamp(Math.min(viewport.clientWidth / width, viewport.clientHeight / height));
        state.scrollX = 0;
        state.scrollY = 0;
        apply();
    };

    const fitWidth = (minZoom: number) => {
        const width = canvas.scrollWidth;
        if (width === 0 || viewport.clientWidth === 0) {
            return;
        }
        state.zoom = clamp(Math.max(minZoom, Math.min(1, viewport.clientWidth / width)));
        state.scrollX = 0;
        state.scrollY = 0;
        apply();
    };

    const reset = () => {
        state.zoom = 1;
        state.scrollX = 0;
        state.scrollY = 0;
        apply();
    };

    const centerOn = (element: Element) => {
        const box = element.getBoundingClientRect();
        const frame = viewport.getBoundingClientRect();
        // Where the element's centre is on the canvas now, in viewport pixels, moved to the viewport's centre.
        state.scrollX += box.left + box.width / 2 - (frame.left + frame.width / 2);
        state.scrollY += box.top + box.height / 2 - (frame.top + frame.height / 2);
        apply();
    };

    listen(viewport, 'wheel', event => {
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
            const box = viewport.getBoundingClientRect();
            zoomTo(state.zoom * Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top);
        } else {
            state.scrollX += event.shiftKey ? event.deltaY : event.deltaX;
            state.scrollY += event.shiftKey ? 0 : event.deltaY;
            apply();
        }
    }, { passive: false });

    listen(viewport, 'pointerdown', event => {
        if (event.button !== 0 && event.button !== 1) {
            return;
        }
        const start = { x: event.clientX, y: event.clientY, scrollX: state.scrollX, scrollY: state.scrollY };
        dragged = false;
        const move = (e: PointerEvent) => {
            const dx = e.clientX - start.x;
            const dy = e.clientY - start.y;
            if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) {
                return;
            }
            if (!dragged) {
                dragged = true;
                viewport.setPointerCapture?.(event.pointerId);
                viewport.classList.add('panning');
            }
            state.scrollX = start.scrollX - dx;
            state.scrollY = start.scrollY - dy;
            apply();
        };
        const up = () => {
            viewport.removeEventListener('pointermove', move);
            viewport.removeEventListener('pointerup', up);
            viewport.removeEventListener('pointercancel', up);
            viewport.classList.remove('panning');
            // The click that ends a drag is not a click on an element.
            setTimeout(() => { dragged = false; }, 0);
        };
        viewport.addEventListener('pointermove', move);
        viewport.addEventListener('pointerup', up);
        viewport.addEventListener('pointercancel', up);
    });

    listen(options.keyboard ?? viewport.ownerDocument, 'keydown', event => {
        if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
            return;
        }
        switch (event.key) {
            case '+': case '=': zoomTo(state.zoom * 1.25); break;
            case '-': zoomTo(state.zoom / 1.25); break;
            case '0': fit(); break;
            case '1': zoomTo(1); break;
            case 'Home': state.scrollX = 0; state.scrollY = 0; apply(); break;
            case 'ArrowLeft': state.scrollX -= KEY_STEP; apply(); break;
            case 'ArrowRight': state.scrollX += KEY_STEP; apply(); break;
            case 'ArrowUp': state.scrollY -= KEY_STEP; apply(); break;
            case 'ArrowDown': state.scrollY += KEY_STEP; apply(); break;
            default: return;
        }
        event.preventDefault();
    });

    apply();
    return {
        state,
        zoomTo,
        fit,
        fitWidth,
        reset,
        setState(next) {
            state.zoom = clamp(next.zoom);
            state.scrollX = next.scrollX;
            state.scrollY = next.scrollY;
            apply();
        },
        centerOn,
        get dragged() {
            return dragged;
        },
        dispose() {
            disposers.splice(0).forEach(dispose => dispose());
        },
    };
}

/** Keys typed into a field are the field's. */
function isTyping(target: EventTarget | null): boolean {
    const element = target as HTMLElement | null;
    return Boolean(element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName ?? '')));
}
