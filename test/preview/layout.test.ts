import {
    buildViewModel, defaultElk, layoutJourney, StageLayoutCache, textWidth, type ElkLike, type Layout, type Point, type Rect, type ViewModel
} from '@journey/preview';
import { describe, expect, it } from 'vitest';
import { generateJourney } from '../../bench/generate-journey.mjs';
import { exampleJourneys, modelOf, ONE_TOUCHPOINT } from './preview-helper.js';

const EPSILON = 0.5;

function inside(inner: Rect, outer: Rect): boolean {
    return inner.x >= outer.x - EPSILON && inner.y >= outer.y - EPSILON
        && inner.x + inner.width <= outer.x + outer.width + EPSILON && inner.y + inner.height <= outer.y + outer.height + EPSILON;
}

function overlap(a: Rect, b: Rect): boolean {
    return a.x < b.x + b.width - EPSILON && b.x < a.x + a.width - EPSILON && a.y < b.y + b.height - EPSILON && b.y < a.y + a.height - EPSILON;
}

function onBoundary(p: Point, box: Rect): boolean {
    const withinX = p.x >= box.x - EPSILON && p.x <= box.x + box.width + EPSILON;
    const withinY = p.y >= box.y - EPSILON && p.y <= box.y + box.height + EPSILON;
    const onVertical = Math.abs(p.x - box.x) <= EPSILON || Math.abs(p.x - box.x - box.width) <= EPSILON;
    const onHorizontal = Math.abs(p.y - box.y) <= EPSILON || Math.abs(p.y - box.y - box.height) <= EPSILON;
    return (onVertical && withinY) || (onHorizontal && withinX);
}

/** Checks everything a layout promises; returns it for further checks. */
function checkLayout(view: ViewModel, layout: Layout): Layout {
    const name = view.name;
    // Stage bands: in stage order, side by side, not overlapping.
    expect(layout.stages.map(s => s.id), name).toEqual(view.stages.map(s => s.id));
    for (let i = 1; i < layout.stages.length; i++) {
        const previous = layout.stages[i - 1].band;
        expect(previous.x + previous.width, `${name}: band ${i - 1} ends before band ${i}`).toBeLessThanOrEqual(layout.stages[i].band.x);
    }
    for (const stage of layout.stages) {
        expect(stage.band.width).toBeGreaterThan(0);
        expect(inside(stage.header.box, stage.band), `${stage.id} header in its band`).toBe(true);
    }
    // Every touchpoint once, inside its stage's band and the graph area; no two node boxes overlap.
    expect(layout.nodes.map(n => n.id).sort(), name).toEqual(view.touchpoints.map(tp => tp.id).sort());
    const bandOf = new Map(layout.stages.map(s => [s.id, s.band]));
    const nodeBox = new Map(layout.nodes.map(n => [n.id, n.box]));
    for (const node of layout.nodes) {
        const band = bandOf.get(node.stageId)!;
        expect(node.box.x >= band.x - EPSILON && node.box.x + node.box.width <= band.x + band.width + EPSILON, `${node.id} inside its band`).toBe(true);
        expect(inside(node.box, layout.graph), `${node.id} inside the graph area`).toBe(true);
    }
    const sorted = [...layout.nodes].sort((a, b) => a.box.x - b.box.x);
    for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length && sorted[j].box.x < sorted[i].box.x + sorted[i].box.width; j++) {
            expect(overlap(sorted[i].box, sorted[j].box), `${sorted[i].id} and ${sorted[j].id} overlap`).toBe(false);
        }
    }
    // Edges: one per flow, starting on the source node's box and ending on the target's.
    expect(layout.edges.map(e => e.id), name).toEqual(view.edges.map(e => e.id));
    for (const edge of layout.edges) {
        expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
        expect(onBoundary(edge.points[0], nodeBox.get(edge.from)!), `${edge.id} starts on ${edge.from}: ${JSON.stringify(edge.points[0])} ${JSON.stringify(nodeBox.get(edge.from))}`).toBe(true);
        expect(onBoundary(edge.points[edge.points.length - 1], nodeBox.get(edge.to)!), `${edge.id} ends on ${edge.to}`).toBe(true);
        for (let i = 1; i < edge.points.length; i++) {
            const [a, b] = [edge.points[i - 1], edge.points[i]];
            expect(Math.abs(a.x - b.x) < EPSILON || Math.abs(a.y - b.y) < EPSILON, `${edge.id} is orthogonal`).toBe(true);
        }
        expect(edge.back, edge.id).toBe(view.edges.find(e => e.id === edge.id)!.back);
    }
    // Lanes: every item inside its stage's band (x), under its touchpoint when it has one, inside its lane (y).
    const slotOf = new Map(layout.stages.flatMap(s => s.slots.map(slot => [slot.touchpointId, slot] as const)));
    for (const lane of layout.lanes) {
        for (const item of lane.items) {
            const band = bandOf.get(item.stageId)!;
            expect(item.box.x >= band.x - EPSILON && item.box.x + item.box.width <= band.x + band.width + EPSILON, `${item.id} in its band`).toBe(true);
            expect(item.box.y >= lane.box.y - EPSILON && item.box.y + item.box.height <= lane.box.y + lane.box.height + EPSILON, `${item.id} in its lane`).toBe(true);
            if (item.touchpointId) {
                const slot = slotOf.get(item.touchpointId)!;
                expect(item.box.x >= slot.x - EPSILON && item.box.x + item.box.width <= slot.x + slot.width + EPSILON, `${item.id} under its touchpoint`).toBe(true);
            }
        }
    }
    for (let i = 1; i < layout.lanes.length; i++) {
        expect(layout.lanes[i - 1].box.y + layout.lanes[i - 1].box.height).toBeLessThanOrEqual(layout.lanes[i].box.y + EPSILON);
    }
    for (const stage of layout.stages) {
        const lastLane = layout.lanes[layout.lanes.length - 1];
        if (lastLane) {
            expect(stage.band.y + stage.band.height, `${stage.id} band reaches the last lane`).toBeGreaterThanOrEqual(lastLane.box.y + lastLane.box.height - EPSILON);
        }
        for (const slot of stage.slots) {
            expect(slot.x >= stage.band.x - EPSILON && slot.x + slot.width <= stage.band.x + stage.band.width + EPSILON, `${slot.touchpointId} column in its band`).toBe(true);
        }
    }
    // Emotion curve: a point per touchpoint with an emotion, in its column, on the -3..+3 axis.
    if (layout.emotion) {
        const { plot, zeroY, unit, points } = layout.emotion;
        expect(points.map(p => p.id)).toEqual(view.lanes.emotions.map(e => e.id).filter(id => points.some(p => p.id === id)));
        expect(points).toHaveLength(view.lanes.emotions.length);
        for (const point of points) {
            const slot = slotOf.get(point.touchpointId)!;
            expect(point.x).toBeGreaterThanOrEqual(slot.x);
            expect(point.x).toBeLessThanOrEqual(slot.x + slot.width);
            expect(point.y).toBeCloseTo(zeroY - Math.max(-3, Math.min(3, point.value)) * unit, 1);
            expect(point.y).toBeGreaterThanOrEqual(plot.y - EPSILON);
            expect(point.y).toBeLessThanOrEqual(plot.y + plot.height + EPSILON);
        }
        if (view.personaCurves) {
            // A curve per persona instead (persona-curves.test.ts): through exactly its touchpoints' points.
            expect(layout.emotion.polyline).toEqual([]);
            const pointAt = new Map(points.map(p => [p.touchpointId, p]));
            for (const [index, curve] of layout.emotion.personas!.entries()) {
                expect(curve.points.map(p => p.touchpointId)).toEqual(view.personaCurves[index].touchpointIds);
                expect(curve.polyline).toEqual(curve.points.map(p => ({ x: p.x, y: p.y })));
                for (const point of curve.points) {
                    expect(point.x).toBe(pointAt.get(point.touchpointId)!.x);
                    expect(point.y).toBe(pointAt.get(point.touchpointId)!.y);
                }
            }
        } else {
            expect(layout.emotion.personas).toBeUndefined();
            expect(layout.emotion.polyline).toEqual(points.map(p => ({ x: p.x, y: p.y })));
        }
        // The legend fits in its lane.
        const lane = layout.lanes.find(l => l.kind === 'emotions')!;
        for (const entry of layout.emotion.legend) {
            expect(entry.text.y).toBeLessThanOrEqual(lane.box.y + lane.box.height);
        }
    }
    // Text never wider than its box.
    const cards = [layout.header, ...layout.stages.map(s => s.header), ...layout.nodes, ...layout.lanes.flatMap(l => l.items),
        ...(layout.unknowns?.items ?? []), ...(layout.plans?.items ?? [])];
    for (const card of cards) {
        for (const line of card.lines) {
            expect(textWidth(line.text, { size: line.size, bold: line.bold }), `"${line.text}" fits ${card.id}`).toBeLessThanOrEqual(card.box.width - 16 + EPSILON);
            expect(line.y).toBeGreaterThan(card.box.y);
            expect(line.y).toBeLessThanOrEqual(card.box.y + card.box.height);
        }
    }
    // Everything inside the drawing: the cards, the bands, the graph area, the lanes, the sections, the flows.
    const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const card of cards) {
        expect(inside(card.box, drawing), `${card.id} inside the drawing`).toBe(true);
    }
    const areas: Array<[string, Rect]> = [
        ['the graph area', layout.graph],
        ...layout.stages.map(stage => [`${stage.id} band`, stage.band] as [string, Rect]),
        ...layout.lanes.map(lane => [lane.id, lane.box] as [string, Rect]),
        ...(['valueGap', 'unknowns', 'plans'] as const).flatMap(key => layout[key] ? [[key, layout[key]!.box] as [string, Rect]] : []),
    ];
    for (const [what, box] of areas) {
        expect(inside(box, drawing), `${what} inside the drawing`).toBe(true);
    }
    for (const edge of layout.edges) {
        expect(edge.points.every(p => inside({ ...p, width: 0, height: 0 }, drawing)), `${edge.id} inside the drawing`).toBe(true);
    }
    return layout;
}

describe('layout', () => {
    it('lays out every example: stage bands, nodes in their bands, no overlaps, edges on their nodes, lanes aligned', async () => {
        for (const { model } of await exampleJourneys()) {
            const view = buildViewModel(model);
            checkLayout(view, await layoutJourney(view, { cache: new StageLayoutCache() }));
        }
    });

    it('draws loops back between stages above the graph and forward jumps below it, through the gutters', async () => {
        const model = await modelOf(`persona p "P" { need n "N" }
journey jumps "Jumps" {
    persona p
    stage s1 "One" { touchpoint a "A" {} touchpoint b "B" {} }
    stage s2 "Two" { touchpoint c "C" {} }
    stage s3 "Three" { touchpoint d "D" {} }
    flow a -> b -> c -> d
    flow a -> d "Skips two stages"
    flow d -> a "Starts over"
    flow c -> b
    flow b -> a
}
`);
        const view = buildViewModel(model);
        const layout = checkLayout(view, await layoutJourney(view));
        const edge = (id: string) => layout.edges.find(e => e.id === id)!;
        const ys = (id: string) => edge(id).points.map(p => p.y);
        expect(Math.max(...ys('flow:jumps:a->d'))).toBeGreaterThan(layout.graph.y + layout.graph.height);
        expect(Math.min(...ys('flow:jumps:d->a'))).toBeLessThan(layout.graph.y);
        expect(edge('flow:jumps:d->a').back).toBe(true);
        expect(edge('flow:jumps:c->b').back).toBe(true);
        expect(edge('flow:jumps:b->a').back).toBe(true);
        expect(edge('flow:jumps:a->d').label?.lines.map(l => l.text).join(' ')).toBe('Skips two stages');
        // Vertical runs between bands stay in the gutters.
        const bands = layout.stages.map(s => s.band);
        for (const e of layout.edges) {
            for (let i = 1; i < e.points.length; i++) {
                const [a, b] = [e.points[i - 1], e.points[i]];
                if (a.x === b.x && (Math.min(a.y, b.y) < layout.graph.y || Math.max(a.y, b.y) > layout.graph.y + layout.graph.height)) {
                    expect(bands.some(band => a.x > band.x && a.x < band.x + band.width), `${e.id} runs vertically outside the graph only in a gutter`).toBe(false);
                }
            }
        }
    });

    it('lays out a journey without stages, saying in its header what draws the map', async () => {
        const view = buildViewModel(await modelOf('persona p "P" { need n "N" }\njourney j "Just started" {\n    persona p\n}\n'));
        const layout = checkLayout(view, await layoutJourney(view));
        expect(layout.stages).toEqual([]);
        expect(layout.header.lines.map(line => line.text).join(' ')).toContain('No stages yet: add stage NAME');
    });

    it('lays out a map of one stage with one touchpoint', async () => {
        const view = buildViewModel(await modelOf(ONE_TOUCHPOINT));
        const layout = checkLayout(view, await layoutJourney(view));
        expect(layout.nodes).toHaveLength(1);
        expect(layout.edges).toHaveLength(0);
        expect(layout.width).toBeGreaterThan(0);
    });

    it('lays out a generated map of 40 stages and 500 touchpoints', async () => {
        const generated = generateJourney({ stages: 40, touchpoints: 500 });
        const view = buildViewModel(await modelOf(generated.text));
        expect(view.touchpoints).toHaveLength(500);
        expect(view.stages).toHaveLength(40);
        expect(view.edges.length).toBeGreaterThanOrEqual(590);
        checkLayout(view, await layoutJourney(view, { cache: new StageLayoutCache() }));
    }, 120_000);

    it('lays out a generated map whose 600 flows join touchpoints anywhere (most over many stages)', async () => {
        const generated = generateJourney({ shape: 'scattered', stages: 40, touchpoints: 500 });
        const view = buildViewModel(await modelOf(generated.text));
        expect(view.edges).toHaveLength(600);
        const stageOf = new Map(view.touchpoints.map(tp => [tp.id, tp.stageIndex]));
        expect(view.edges.filter(e => Math.abs(stageOf.get(e.from)! - stageOf.get(e.to)!) > 1).length).toBeGreaterThan(500);
        checkLayout(view, await layoutJourney(view, { cache: new StageLayoutCache() }));
    }, 120_000);

    it('is deterministic, cached or not, and an edit lays out only the stage it is in', async () => {
        const generated = generateJourney({ stages: 8, touchpoints: 60, extraForward: 8, loopsBack: 6, seed: 7 });
        const model = await modelOf(generated.text);
        const cache = new StageLayoutCache();
        const cold = await layoutJourney(buildViewModel(model), { cache });
        expect(cache.misses).toBe(8);
        expect(await layoutJourney(buildViewModel(model), { cache: new StageLayoutCache() })).toEqual(cold);
        const warm = await layoutJourney(buildViewModel(model), { cache });
        expect(cache.misses).toBe(8);
        expect(warm).toEqual(cold);

        const edited = structuredClone(model);
        edited.stages[3].touchpoints[1].label += ' — with many more words, so that the label needs more lines in its box';
        const after = await layoutJourney(buildViewModel(edited), { cache });
        expect(cache.misses).toBe(9);
        expect(after).toEqual(await layoutJourney(buildViewModel(edited), { cache: new StageLayoutCache() }));
        const grown = after.nodes.find(n => n.id === `tp:generated:${edited.stages[3].touchpoints[1].name}`)!;
        const before = cold.nodes.find(n => n.id === grown.id)!;
        expect(grown.box.height).toBeGreaterThan(before.box.height);
    });

    it('uses the ELK instance it is given, once for all the stages it lays out; none for a map of plain chains', async () => {
        const elk = await defaultElk();
        let calls = 0;
        const counting: ElkLike = { layout: graph => { calls++; return elk.layout(graph); } };
        const generated = generateJourney({ stages: 8, touchpoints: 60, extraForward: 8, loopsBack: 6, seed: 7 });
        const cache = new StageLayoutCache();
        await layoutJourney(buildViewModel(await modelOf(generated.text)), { elk: counting, cache });
        expect(calls).toBe(1);
        expect(cache.misses - cache.chains).toBeGreaterThan(1);
        calls = 0;
        await layoutJourney(buildViewModel(await modelOf(ONE_TOUCHPOINT)), { elk: counting, cache: new StageLayoutCache() });
        expect(calls).toBe(0);
        await layoutJourney(buildViewModel(await modelOf(ONE_TOUCHPOINT)), { elk: counting, cache: new StageLayoutCache(), chainFastPath: false });
        expect(calls).toBe(1);
    });
});
