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
