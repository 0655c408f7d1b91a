// A curve per persona in the Feels lane: when a journey has several personas and says (`by`) who meets
// a touchpoint, each persona's curve goes through exactly the touchpoints it meets, in its own colour
// and marker shape, with a legend; one persona (or no `by`), one curve as before.
import type { JourneyMapModel } from '@journey/language';
import {
    buildViewModel, fixedJourneyStylesheet, layoutJourneyMap, renderSvg, THEMES, type Layout, type PersonaCurveLayout
} from '@journey/preview';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleJourneys, modelOf, SCRIPT } from './preview-helper.js';

let ebike: JourneyMapModel;

beforeAll(async () => {
    ebike = (await exampleJourneys()).find(j => j.model.name === 'ebike_purchase')!.model;
});

/** Touchpoint ids (as the view model makes them) of the touchpoints with an emotion that `persona` meets. */
function metBy(model: JourneyMapModel, persona: string): string[] {
    return model.stages.flatMap(stage => stage.touchpoints)
        .filter(tp => tp.emotion && tp.personas.includes(persona))
        .map(tp => `tp:${model.name}:${tp.name}`);
}

function parse(svg: string) {
    const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return (name: string) => Array.from(document.getElementsByTagName(name)) as Element[];
}

const classes = (element: Element) => (element.getAttribute('class') ?? '').split(' ');

/** A journey for `count` personas: p1 meets every touchpoint, each other persona every other one. */
function manyPersonas(count: number): string {
    const names = Array.from({ length: count }, (_, i) => `p${i + 1}`);
    const personas = names.map(name => `persona ${name} "Persona ${name.toUpperCase()}, a role" { need n "A need" }`).join('\n');
    const touchpoints = Array.from({ length: 6 }, (_, i) => {
        const by = i % 2 === 0 ? names : names.filter((_, k) => k === 0 || k % 2 === 1);
        return `        touchpoint t${i} "Step ${i}" { by ${by.join(', ')} emotion ${(i % 7) - 3} serves ${names[0]}.n }`;
    }).join('\n');
    return `${personas}\njourney many "Many personas" {\n    persona ${names.join(', ')}\n    stage s "Stage" {\n${touchpoints}\n    }\n}\n`;
}

describe('a curve per persona', () => {
    it('the example has two personas and `by` lines: a curve each, through exactly the touchpoints it meets', async () => {
        expect(ebike.personas.map(p => p.name)).toEqual(['sam', 'jo']);
        const view = buildViewModel(ebike);
        expect(view.personaCurves?.map(curve => curve.persona)).toEqual(['sam', 'jo']);
        const sam = metBy(ebike, 'sam');
        const jo = metBy(ebike, 'jo');
        // Not the same touchpoints, and some met by both (no `by`: every persona of the journey).
        expect(sam).not.toEqual(jo);
        expect(sam.filter(id => jo.includes(id)).length).toBeGreaterThan(0);
        expect(view.personaCurves!.map(curve => curve.touchpointIds)).toEqual([sam, jo]);

        const layout = await layoutJourneyMap(ebike);
        const emotion = layout.emotion!;
        const pointAt = new Map(emotion.points.map(point => [point.touchpointId, point]));
        const slots = new Map(layout.stages.flatMap(stage => stage.slots).map(slot => [slot.touchpointId, slot]));
        expect(emotion.polyline).toEqual([]);
        expect(emotion.personas!.map(curve => curve.persona)).toEqual(['sam', 'jo']);
        for (const [curve, expected] of [[emotion.personas![0], sam], [emotion.personas![1], jo]] as const) {
            expect(curve.points.map(p => p.touchpointId)).toEqual(expected);
            // Its vertices are those touchpoints' points, none other: the column's centre, the value on the scale.
            expect(curve.polyline).toHaveLength(expected.length);
            for (const [index, id] of expected.entries()) {
                const slot = slots.get(id)!;
                const value = pointAt.get(id)!.value;
                expect(curve.polyline[index].x).toBe(Math.round((slot.x + slot.width / 2) * 100) / 100);
                expect(curve.polyline[index].y).toBeCloseTo(emotion.zeroY - Math.max(-3, Math.min(3, value)) * emotion.unit, 5);
                // The same point as the touchpoint's own.
                expect(curve.polyline[index]).toEqual({ x: pointAt.get(id)!.x, y: pointAt.get(id)!.y });
            }
        }
        // Where they share a stretch, the first is wider, drawn under the second: both colours show.
        expect(emotion.personas![0].width).toBeGreaterThan(emotion.personas![1].width);
        expect(emotion.personas![0].markerSize).toBeGreaterThan(emotion.personas![1].markerSize);
        expect(emotion.personas!.map(curve => [curve.slot, curve.marker, curve.dashed])).toEqual([[1, 'circle', false], [2, 'square', false]]);
        // A point's hover says whose feeling it is.
        const shared = sam.find(id => jo.includes(id))!;
        expect(pointAt.get(shared)!.title).toMatch(/ \(Sam Whitfield, Jo Brennan\)$/);
        expect(pointAt.get(sam.find(id => !jo.includes(id))!)!.title).toMatch(/ \(Sam Whitfield\)$/);
        expect(emotion.legend.map(entry => [entry.kind, entry.text.text, entry.title]))
            .toEqual(ebike.personas.map(p => ['persona', p.label.split(',')[0], p.label]));
    });

    it('draws each curve in its colour with its marker at each of its touchpoints, and the legend, in both themes', async () => {
        const layout = await layoutJourneyMap(ebike);
        const curves = layout.emotion!.personas!;
        for (const theme of ['light', 'dark'] as const) {
            const all = parse(renderSvg(layout, { theme }));
            const polylines = all('polyline').filter(p => classes(p).includes('journey-persona-curve'));
            expect(polylines.map(p => [p.getAttribute('data-persona'), p.getAttribute('class')]))
                .toEqual([['sam', 'journey-persona-curve journey-persona-1'], ['jo', 'journey-persona-curve journey-persona-2']]);
            for (const [index, polyline] of polylines.entries()) {
                expect(polyline.getAttribute('points')).toBe(curves[index].polyline.map(p => `${p.x},${p.y}`).join(' '));
                expect(Number(polyline.getAttribute('stroke-width'))).toBe(curves[index].width);
            }
            // Drawn in order: the wider first, under the narrower.
            expect(polylines.map(p => Number(p.getAttribute('stroke-width')))).toEqual([...curves.map(c => c.width)].sort((x, y) => y - x));
            expect(all('polyline').some(p => p.getAttribute('class') === 'journey-curve')).toBe(false);
            // In each touchpoint's emotion group (what a click reveals): a marker per persona meeting it.
            const groups = all('g').filter(g => classes(g).includes('journey-emotion'));
            expect(groups).toHaveLength(layout.emotion!.points.length);
            for (const group of groups) {
                const id = group.getAttribute('data-id')!.replace(/^emotion:/, 'tp:');
                const markers = Array.from(group.childNodes).filter((node): node is Element => (node as Element).getAttribute?.('class')?.includes('journey-persona-marker') ?? false);
                const expected = curves.filter(curve => curve.points.some(p => p.touchpointId === id));
                expect(markers.map(m => m.getAttribute('data-persona')), id).toEqual(expected.map(curve => curve.persona));
                // Circle for the first persona, square for the second: told apart without colour.
                expect(markers.map(m => m.tagName)).toEqual(expected.map(curve => curve.marker === 'circle' ? 'circle' : 'rect'));
                expect(group.getElementsByTagName('circle').length + group.getElementsByTagName('rect').length).toBe(markers.length);
            }
            const legend = all('g').filter(g => /^journey-legend-/.test(g.getAttribute('class') ?? ''));
            expect(legend.map(g => g.getElementsByTagName('text')[0].textContent)).toEqual(['Sam Whitfield', 'Jo Brennan']);
            expect(legend.map(g => g.getElementsByTagName('title')[0].textContent)).toEqual(ebike.personas.map(p => p.label));
            expect(legend.map(g => g.getElementsByTagName('line')[0].getAttribute('class'))).toEqual(['journey-persona-curve journey-persona-1', 'journey-persona-curve journey-persona-2']);
        }
    });

    it('one persona, or several without a `by` line: one curve, no legend', async () => {
        for (const text of [
            `persona a "A" { need n "N" }\njourney j "J" { persona a stage s "S" { touchpoint x "X" { emotion 1 serves n } touchpoint y "Y" { emotion -1 serves n } } }`,
            `persona a "A" { need n "N" }\npersona b "B" { need m "M" }\njourney j "J" { persona a, b stage s "S" { touchpoint x "X" { emotion 1 serves a.n, b.m } touchpoint y "Y" { emotion -1 } } }`,
        ]) {
            const model = await modelOf(text);
            expect(buildViewModel(model).personaCurves).toBeUndefined();
            const layout = await layoutJourneyMap(model);
            expect(layout.emotion!.personas).toBeUndefined();
            expect(layout.emotion!.polyline).toHaveLength(2);
            expect(layout.emotion!.legend).toEqual([]);
            const svg = renderSvg(layout);
            expect(svg).toContain('class="journey-curve"');
            expect(svg).not.toContain('<polyline class="journey-persona-curve');
            expect(svg).not.toContain('class="journey-emotion-legend"');
        }
    });

    it('a persona meeting one touchpoint gets its marker there and no line; one meeting none gets an empty curve', async () => {
        const model = await modelOf(`persona a "A" { need n "N" }\npersona b "B" { need m "M" }\npersona c "C" { need o "O" }
journey j "J" { persona a, b, c stage s "S" { touchpoint x "X" { by a emotion 1 serves a.n } touchpoint y "Y" { by a, b emotion -1 serves b.m } touchpoint z "Z" { by c serves c.o } } }`);
        const layout = await layoutJourneyMap(model);
        const [a, b, c] = layout.emotion!.personas!;
        expect([a.points.length, b.points.length, c.points.length]).toEqual([2, 1, 0]);
        const svg = renderSvg(layout);
        const all = parse(svg);
        expect(all('path').concat(all('rect'), all('circle')).filter(m => classes(m).includes('journey-persona-marker') && m.getAttribute('data-persona')).map(m => m.getAttribute('data-persona')).sort())
            .toEqual(['a', 'a', 'b']);
        // A line only where there are two points to join.
        expect(all('polyline').filter(p => classes(p).includes('journey-persona-curve')).map(p => p.getAttribute('data-persona'))).toEqual(['a']);
        // The legend still names all three: a reader sees that c feels nothing here.
        expect(layout.emotion!.legend.map(entry => entry.text.text)).toEqual(['A', 'B', 'C']);
    });

    it('gives eight personas six colours and shapes, then the same dashed; the lane grows to hold the legend', async () => {
        const layout: Layout = await layoutJourneyMap(await modelOf(manyPersonas(8)));
        const curves: PersonaCurveLayout[] = layout.emotion!.personas!;
        expect(curves.map(curve => curve.slot)).toEqual([1, 2, 3, 4, 5, 6, 1, 2]);
        expect(new Set(curves.slice(0, 6).map(curve => curve.marker)).size).toBe(6);
        expect(curves.map(curve => curve.dashed)).toEqual([false, false, false, false, false, false, true, true]);
        // Wider first, each under the next, down to the narrowest from the third on.
        const widths = curves.map(curve => curve.width);
        expect(widths).toEqual([...widths].sort((x, y) => y - x));
        expect(new Set(widths.slice(2)).size).toBe(1);
        expect(widths[0]).toBeGreaterThan(widths[1]);
        const lane = layout.lanes.find(l => l.kind === 'emotions')!;
        const legend = layout.emotion!.legend;
        expect(legend).toHaveLength(8);
        expect(legend.at(-1)!.text.y).toBeLessThan(lane.box.y + lane.box.height);
        const next = layout.lanes[layout.lanes.indexOf(lane) + 1];
        if (next) {
            expect(next.box.y).toBeGreaterThanOrEqual(lane.box.y + lane.box.height);
        }
        expect(renderSvg(layout)).toContain('journey-persona-curve journey-persona-1 journey-persona-dashed');
    });

    it('escapes persona labels in the legend and the curve\'s title', async () => {
        const model = await modelOf(`persona a "${SCRIPT}, x" { need n "N" }\npersona b "B & \\"c\\"" { need m "M" }
journey j "J" { persona a, b stage s "S" { touchpoint x "X" { by a emotion 1 serves a.n } touchpoint y "Y" { emotion -1 serves b.m } } }`);
        const svg = renderSvg(await layoutJourneyMap(model));
        expect(svg).not.toContain(SCRIPT);
        expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;, x</title>');
        expect(svg).toContain('<title>B &amp; &quot;c&quot;</title>');
        expect(() => new DOMParser({ onError: level => { if (level !== 'warning') throw new Error(level); } }).parseFromString(svg, 'image/svg+xml')).not.toThrow();
    });
});

// ---- Colours ---------------------------------------------------------------------------------------------------

const rgb = (hex: string) => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => { const [r, g, b] = rgb(hex).map(linear); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a: string, b: string) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };

/** Machado, Oliveira and Fernandes (2009), severity 1: how each colour looks with no L, M or S cones. */
const DICHROMACY: Record<string, number[][]> = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    'normal vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};

function lab(linearRgb: number[]): number[] {
    const [r, g, b] = linearRgb;
    const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
    const [fx, fy, fz] = xyz.map(t => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116));
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

function seenAs(hex: string, matrix: number[][]): number[] {
    const c = rgb(hex).map(linear);
    return lab(matrix.map(row => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))));
}

describe('the persona colours', () => {
    for (const theme of ['light', 'dark'] as const) {
        const palette = [1, 2, 3, 4, 5, 6].map(slot => THEMES[theme][`persona-${slot}`]);

        it(`${theme}: each stands out from the background (3:1, as WCAG asks of graphics)`, () => {
            for (const colour of palette) {
                expect(contrast(colour, THEMES[theme].background), colour).toBeGreaterThanOrEqual(3);
            }
        });

        it(`${theme}: any two stay apart (ΔE ≥ 15) for normal vision and under protanopia, deuteranopia and tritanopia`, () => {
            for (const [vision, matrix] of Object.entries(DICHROMACY)) {
                for (let i = 0; i < palette.length; i++) {
                    for (let j = i + 1; j < palette.length; j++) {
                        const [a, b] = [seenAs(palette[i], matrix), seenAs(palette[j], matrix)];
                        expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), `${vision}: ${palette[i]} vs ${palette[j]}`).toBeGreaterThanOrEqual(15);
                    }
                }
            }
        });

        it(`${theme}: written into the fixed stylesheet (PNG, PDF), with no var() left`, () => {
            const sheet = fixedJourneyStylesheet(theme, 'DejaVu Sans');
            expect(sheet).not.toContain('var(');
            palette.forEach((colour, index) => {
                expect(sheet).toContain(`.journey-persona-curve.journey-persona-${index + 1}{stroke:${colour}}`);
                expect(sheet).toContain(`.journey .journey-persona-marker.journey-persona-${index + 1}{fill:${colour}}`);
            });
        });
    }
});
