// @vitest-environment happy-dom
import { createPanZoom, MAX_ZOOM, MIN_ZOOM } from '@journey/preview/browser';
import { describe, expect, it } from 'vitest';

/** A viewport of 800 × 600 holding a canvas of the given size (happy-dom has no layout: sizes are set). */
function mapOf(width: number, height: number) {
    const viewport = document.createElement('div');
    const canvas = document.createElement('div');
    viewport.append(canvas);
    document.body.append(viewport);
    Object.defineProperties(viewport, { clientWidth: { value: 800 }, clientHeight: { value: 600 } });
    Object.defineProperties(canvas, { scrollWidth: { value: width }, scrollHeight: { value: height } });
    return { viewport, canvas };
}

describe('pan and zoom (@journey/preview/browser)', () => {
    it('zooms keeping the point under the pointer where it is', () => {
        const { viewport, canvas } = mapOf(2000, 1000);
        const panZoom = createPanZoom({ viewport, canvas, state: { zoom: 1, scrollX: 100, scrollY: 50 } });
        // The canvas point under viewport (200, 150) before: ((200 + 100) / 1, (150 + 50) / 1) = (300, 200).
        panZoom.zoomTo(2, 200, 150);
        expect(panZoom.state).toEqual({ zoom: 2, scrollX: 300 * 2 - 200, scrollY: 200 * 2 - 150 });
        expect(canvas.style.transform).toBe('translate(-400px, -250px) scale(2)');
    });

    it('keeps the zoom within its bounds, and fits the whole map', () => {
        const { viewport, canvas } = mapOf(4000, 600);
        const changes: number[] = [];
        const label = document.createElement('span');
        const panZoom = createPanZoom({ viewport, canvas, zoomLabel: label, onChange: state => changes.push(state.zoom) });
        panZoom.zoomTo(100);
        expect(panZoom.state.zoom).toBe(MAX_ZOOM);
        panZoom.zoomTo(0);
        expect(panZoom.state.zoom).toBe(MIN_ZOOM);
        panZoom.fit();
        expect(panZoom.state).toEqual({ zoom: 800 / 4000, scrollX: 0, scrollY: 0 });
        expect(label.textContent).toBe('20%');
        expect(changes.at(-1)).toBe(0.2);
    });

    it('fits the map\'s width from the top, never below the readable zoom asked for, never past 100 %', () => {
        const wide = mapOf(1000, 3000);
        const fitted = createPanZoom({ ...wide, state: { zoom: 2, scrollX: 40, scrollY: 90 } });
        fitted.fitWidth(0.6);
        expect(fitted.state).toEqual({ zoom: 0.8, scrollX: 0, scrollY: 0 }); // 800 / 1000, and the whole height scrolls
        const huge = mapOf(4000, 600);
        const readable = createPanZoom(huge);
        readable.fitWidth(0.6);
        expect(readable.state.zoom).toBe(0.6); // not 0.2: the map scrolls sideways instead
        const narrow = mapOf(300, 200);
        const natural = createPanZoom(narrow);
        natural.fitWidth(0.6);
        expect(natural.state.zoom).toBe(1); // not enlarged
    });

    it('answers keys, but not while the reader types in a field', () => {
        const { viewport, canvas } = mapOf(1000, 1000);
        const input = document.createElement('input');
        document.body.append(input);
        const panZoom = createPanZoom({ viewport, canvas });
        document.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
        expect(panZoom.state.zoom).toBe(1.25);
        input.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true }));
        expect(panZoom.state.zoom).toBe(1.25);
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        expect(panZoom.state.scrollX).toBeGreaterThan(0);
        panZoom.dispose();
        document.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
        expect(panZoom.state.zoom).toBe(1.25);
    });
});

describe('pan and zoom: pointer, wheel, centring', () => {
    const at = (left: number, top: number, width: number, height: number) => () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

    it('pans only past 4 px of drag, with the `panning` class while it lasts, and reports the drag', () => {
        const { viewport, canvas } = mapOf(2000, 2000);
        const panZoom = createPanZoom({ viewport, canvas });
        const pointer = (type: string, x: number, y: number) => viewport.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true }));
        pointer('pointerdown', 100, 100);
        pointer('pointermove', 102, 102);
        expect(panZoom.dragged).toBe(false);
        expect(panZoom.state.scrollX).toBe(0);
        pointer('pointermove', 60, 80);
        expect(panZoom.dragged).toBe(true);
        expect(viewport.classList.contains('panning')).toBe(true);
        expect(panZoom.state).toMatchObject({ scrollX: 40, scrollY: 20 });
        pointer('pointerup', 60, 80);
        expect(viewport.classList.contains('panning')).toBe(false);
    });

    it('scrolls on the wheel, and zooms at the pointer with Ctrl', () => {
        const { viewport, canvas } = mapOf(2000, 2000);
        viewport.getBoundingClientRect = at(0, 0, 800, 600);
        const panZoom = createPanZoom({ viewport, canvas });
        viewport.dispatchEvent(new WheelEvent('wheel', { deltaX: 10, deltaY: 30, cancelable: true }));
        expect(panZoom.state).toEqual({ zoom: 1, scrollX: 10, scrollY: 30 });
        // happy-dom's WheelEvent takes no modifier keys or position from its init: set them on the event.
        const zoomWheel = new WheelEvent('wheel', { deltaY: -300, cancelable: true });
        Object.defineProperties(zoomWheel, { ctrlKey: { value: true }, clientX: { value: 200 }, clientY: { value: 100 } });
        viewport.dispatchEvent(zoomWheel);
        // The canvas point under (200, 100) stays there: (200 + 10, 100 + 30) at zoom 1.
        expect(panZoom.state.zoom).toBeCloseTo(Math.E);
        expect((200 + panZoom.state.scrollX) / panZoom.state.zoom).toBeCloseTo(210);
        expect((100 + panZoom.state.scrollY) / panZoom.state.zoom).toBeCloseTo(130);
    });

    it('centres an element of the canvas in the viewport', () => {
        const { viewport, canvas } = mapOf(2000, 2000);
        const element = document.createElement('div');
        canvas.append(element);
        viewport.getBoundingClientRect = at(0, 0, 800, 600);
        element.getBoundingClientRect = at(1000, 900, 100, 40);
        const panZoom = createPanZoom({ viewport, canvas });
        panZoom.centerOn(element);
        expect(panZoom.state).toEqual({ zoom: 1, scrollX: 1050 - 400, scrollY: 920 - 300 });
    });
});
