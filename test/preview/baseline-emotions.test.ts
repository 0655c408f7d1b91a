// The current state's emotion curve drawn faintly under a future state's (`layoutJourneyMap(future,
// { baseline: current })`): matched by touchpoint name, placed at the future touchpoint's x, on the
// same -3..+3 scale; when no touchpoint is in both, the current curve spread along the future's.
import type { JourneyMapModel } from '@journey/language';
import { buildViewModel, layoutJourneyMap, renderJourneySvg, renderSvg, StageLayoutCache, type Layout } from '@journey/preview';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleJourneys, HOSTILE, modelOf, SCRIPT } from './preview-helper.js';

/**
 * The example's future state names its touchpoints anew (it is a redesign), so none matches the
 * current state's by name. This is the future as it would read if it kept the names of the steps it
 * redesigns: eight renamed to their current-state counterparts; flex_terms, seasonal_scale and
 * reference_programme stay new (no baseline point), and the current state's steps it drops get none.
 */
const REDESIGNS: Record<string, string> = {
    review_meeting: 'renewal_quote',
    value_report: 'usage_export',
    market_check: 'competitor_demo',
    all_in_quote: 'comparison_request',
    e_signature: 'renewal_signed',
    planned_swap: 'bike_swap',
    consolidated_bill: 'first_invoice',
    named_csm: 'csm_checkin',
};

/** The model with its touchpoints renamed, everywhere the model names them. */
function renamed(model: JourneyMapModel, names: Record<string, string>): JourneyMapModel {
    const copy = structuredClone(model);
    const rename = (name: string) => names[name] ?? name;
    for (const stage of copy.stages) {
        for (const touchpoint of stage.touchpoints) {
            touchpoint.name = rename(touchpoint.name);
            for (const item of [...touchpoint.pains, ...touchpoint.opportunities]) {
                item.touchpoint = item.touchpoint && rename(item.touchpoint);
            }
        }
        for (const item of [...stage.pains, ...stage.opportunities]) {
            item.touchpoint = item.touchpoint && rename(item.touchpoint);
        }
    }
    for (const flow of copy.flows) {
        flow.from = rename(flow.from);
        flow.to = rename(flow.to);
    }
    return copy;
}

/** The model as if written for its first persona only: one curve, as before persona curves. */
function onePersona(model: JourneyMapModel): JourneyMapModel {
    const copy = structuredClone(model);
    copy.personas = copy.personas.slice(0, 1);
    for (const touchpoint of copy.stages.flatMap(stage => stage.touchpoints)) {
        touchpoint.personas = [copy.personas[0].name];
        touchpoint.byWritten = false;
    }
    return copy;
}

function emotionsByName(model: JourneyMapModel): Map<string, number> {
    return new Map(model.stages.flatMap(stage => stage.touchpoints.flatMap(tp => tp.emotion ? [[tp.name, tp.emotion.value] as const] : [])));
}

let current: JourneyMapModel;
let future: JourneyMapModel;
let redesign: JourneyMapModel;

beforeAll(async () => {
    const journeys = await exampleJourneys();
    const named = (name: string) => {
        const found = journeys.find(j => j.example === 'brightspoke-cx' && j.model.name === name);
        if (!found) {
            throw new Error(`no journey ${name} in examples/brightspoke-cx`);
        }
        return found.model;
    };
    current = named('fleet_renewal');
    future = named('fleet_renewal_future');
    redesign = renamed(future, REDESIGNS);
});

describe('baseline emotions (the current state under a future state)', () => {
    it('the example pair shares no touchpoint name (a redesign): the current state\'s curve is spread from the first touchpoint to the last', async () => {
        expect(future.state).toMatchObject({ kind: 'future', of: 'fleet_renewal' });
        expect(current.state.kind).toBe('current');
        const felt = current.stages.flatMap(stage => stage.touchpoints).filter(tp => tp.emotion);
        const view = buildViewModel(future, { baseline: current });
        expect(view.baseline?.alignment).toBe('spread');
        expect(view.baseline?.emotions.map(emotion => emotion.value)).toEqual(felt.map(tp => tp.emotion!.value));
        const layout = await layoutJourneyMap(future, { baseline: current });
        const points = layout.emotion!.baseline!.points;
        expect(points).toHaveLength(felt.length);
        // From the centre of the future's first touchpoint to its last, in the current state's order.
        const slots = layout.emotion!.points.map(point => point.x);
        expect(points[0].x).toBeCloseTo(Math.min(...slots, ...points.map(p => p.x)), 0);
        expect(points.map(point => point.x)).toEqual([...points.map(point => point.x)].sort((a, b) => a - b));
        for (const [index, point] of points.entries()) {
            expect(point.y).toBeCloseTo(layout.emotion!.zeroY - Math.max(-3, Math.min(3, felt[index].emotion!.value)) * layout.emotion!.unit, 1);
            expect(point.title).toContain(`Current state, ${felt[index].label}:`);
        }
        const svg = renderSvg(layout);
        expect(svg).toContain('class="journey-emotion-baseline-point"');
        expect(svg).toContain('>current state<');
    });

    it('places the current state\'s value of each touchpoint both have at the future touchpoint\'s x, on the same scale', async () => {
        const layout = await layoutJourneyMap(redesign, { baseline: current });
        const emotion = layout.emotion!;
        const baseline = emotion.baseline!;
        const was = emotionsByName(current);
        const matched = redesign.stages.flatMap(stage => stage.touchpoints).filter(tp => was.has(tp.name));
        expect(matched.map(tp => tp.name).sort()).toEqual(Object.values(REDESIGNS).sort());
        expect(baseline.points).toHaveLength(Object.keys(REDESIGNS).length);
        expect(baseline.points.map(p => p.touchpointId)).toEqual(matched.map(tp => `tp:fleet_renewal_future:${tp.name}`));
        for (const point of baseline.points) {
            const name = point.touchpointId!.split(':').at(-1)!;
            const value = was.get(name)!;
            expect(point.value).toBe(value);
            expect(point.y).toBe(emotion.zeroY - Math.max(-3, Math.min(3, value)) * emotion.unit);
            // The future's own point of that touchpoint: the same column.
            const own = emotion.points.find(p => p.touchpointId === point.touchpointId)!;
            expect(point.x).toBe(own.x);
            expect(point.y).toBeGreaterThanOrEqual(emotion.plot.y);
            expect(point.y).toBeLessThanOrEqual(emotion.plot.y + emotion.plot.height);
        }
        expect(baseline.polyline).toEqual(baseline.points.map(p => ({ x: p.x, y: p.y })));
        // The future draws a curve per persona (dana, priya): the legend names the current state, then them.
        expect(emotion.legend.map(entry => [entry.kind, entry.text.text])).toEqual([['baseline', 'current state'], ['persona', 'Dana Okafor'], ['persona', 'Priya Raman']]);
        expect((await layoutJourneyMap(onePersona(redesign), { baseline: current })).emotion!.legend.map(entry => [entry.kind, entry.text.text]))
            .toEqual([['baseline', 'current state'], ['journey', 'this journey']]);
        // The future's own curve is untouched.
        const plain = (await layoutJourneyMap(redesign)).emotion!;
        expect({ ...emotion, baseline: undefined, legend: [] }).toEqual({ ...plain, baseline: undefined, legend: [] });
        expect(emotion.legend.slice(1).map(entry => entry.title)).toEqual(plain.legend.map(entry => entry.title));
    });

    it('gives no baseline point to a touchpoint only the future has (nor to one only the current state has)', async () => {
        const layout = await layoutJourneyMap(redesign, { baseline: current });
        const ids = new Set(layout.emotion!.baseline!.points.map(p => p.touchpointId));
        for (const name of ['flex_terms', 'seasonal_scale', 'reference_programme']) {
            expect(ids.has(`tp:fleet_renewal_future:${name}`), name).toBe(false);
            expect(layout.emotion!.points.some(p => p.touchpointId === `tp:fleet_renewal_future:${name}`), name).toBe(true);
        }
        // Current-state touchpoints the redesign dropped: no id of theirs anywhere.
        for (const name of ['negotiation_call', 'gives_notice', 'bike_collection', 'g2_review']) {
            expect([...ids].some(id => id?.endsWith(`:${name}`)), name).toBe(false);
        }
    });

    it('draws a dashed faint polyline, hollow markers with a title, and the legend, in both themes', async () => {
        const layout = await layoutJourneyMap(onePersona(redesign), { baseline: current });
        for (const theme of ['light', 'dark'] as const) {
            const svg = renderSvg(layout, { theme });
            const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
            const all = (name: string) => Array.from(document.getElementsByTagName(name)) as Element[];
            const polylines = all('polyline').filter(p => p.getAttribute('class') === 'journey-emotion-baseline');
            expect(polylines).toHaveLength(1);
            const markers = all('g').filter(g => g.getAttribute('class') === 'journey-emotion-baseline-point');
            expect(markers).toHaveLength(8);
            const first = markers[0];
            expect(first.getAttribute('data-touchpoint')).toBe('tp:fleet_renewal_future:renewal_quote');
            expect(first.getElementsByTagName('title')[0].textContent).toBe('Current state: −2 (Let down)');
            const ys = markers.map(m => Number(m.getElementsByTagName('circle')[0].getAttribute('cy')));
            expect(ys).toEqual(layout.emotion!.baseline!.points.map(p => p.y));
            // Drawn under this journey's curve: before it in the document.
            expect(svg.indexOf('class="journey-emotion-baseline"')).toBeLessThan(svg.indexOf('class="journey-curve"'));
            expect(svg).toContain('>current state</text>');
            expect(svg).toContain('>this journey</text>');
            // Its colours are the theme's: the muted colour reads on either background.
            expect(svg).toMatch(/\.journey-emotion-baseline\{[^}]*stroke:var\(--journey-muted\)[^}]*stroke-dasharray/);
            expect(svg).toMatch(/\.journey-emotion-baseline-point circle\{fill:var\(--journey-background\);stroke:var\(--journey-muted\)/);
        }
    });

    it('draws nothing of it without a baseline', async () => {
        expect(buildViewModel(redesign).baseline).toBeUndefined();
        const layout = await layoutJourneyMap(redesign);
        expect(layout.emotion!.baseline).toBeUndefined();
        const svg = renderSvg(layout);
        expect(svg).not.toContain('class="journey-emotion-baseline');
        expect(svg).not.toContain('journey-legend-baseline');
        expect(svg).not.toContain('>current state<');
        // One persona's map without a baseline: one curve, no legend at all.
        const plain = renderSvg(await layoutJourneyMap(onePersona(redesign)));
        expect(plain).not.toContain('class="journey-emotion-legend');
    });

    it('is deterministic: the same bytes from a cold cache and a warm one', async () => {
        const a = await renderJourneySvg(redesign, { baseline: current });
        const b = await renderJourneySvg(structuredClone(redesign), { baseline: structuredClone(current), cache: new StageLayoutCache() });
        expect(b).toBe(a);
    });

    it('escapes the baseline\'s emotion labels, and clamps its values to the scale', async () => {
        const hostile = await modelOf(HOSTILE);
        const baseline = structuredClone(hostile);
        baseline.stages[0].touchpoints[0].emotion = { value: -7, label: `${SCRIPT} & "x"` };
        const layout: Layout = await layoutJourneyMap(hostile, { baseline });
        const emotion = layout.emotion!;
        expect(emotion.baseline!.points).toHaveLength(1);
        expect(emotion.baseline!.points[0].y).toBe(emotion.plot.y + emotion.plot.height);
        const svg = renderSvg(layout);
        expect(svg).not.toContain(SCRIPT);
        expect(svg).toContain('<title>Current state: −7 (&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;)</title>');
        expect(() => new DOMParser({ onError: level => { if (level !== 'warning') throw new Error(level); } }).parseFromString(svg, 'image/svg+xml')).not.toThrow();
    });

    it('draws the lane for the baseline alone when this journey gives no emotions, with only its legend entry', async () => {
        const silent = structuredClone(redesign);
        silent.stages.forEach(stage => stage.touchpoints.forEach(tp => { delete tp.emotion; }));
        const layout = await layoutJourneyMap(silent, { baseline: current });
        expect(layout.emotion!.points).toEqual([]);
        expect(layout.emotion!.baseline!.points).toHaveLength(8);
        expect(layout.emotion!.legend.map(entry => entry.kind)).toEqual(['baseline']);
        expect(layout.lanes.some(lane => lane.kind === 'emotions')).toBe(true);
    });
});
