import {
    buildViewModel, chainStageLayout, defaultElk, layoutJourney, readStageLayout, StageLayoutCache, stageGraphs,
    type StageGraphLayout, type ViewModel
} from '@journey/preview';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { generateJourney } from '../../bench/generate-journey.mjs';
import { exampleJourneys, modelOf } from './preview-helper.js';

// The chain fast path lays out stages of a plain shape (a chain, or touchpoints with no flows between
// them) without ELK. It must give what ELK gives: these tests lay out the same stage graphs both ways
// and compare every node, port and edge point.

const TOLERANCE = 1e-6;

/** ELK's own layout of a stage graph, the way layout gives stage graphs to ELK. */
async function elkStageLayout(graph: ElkNode): Promise<StageGraphLayout> {
    const elk = await defaultElk();
    const root = await elk.layout({ id: 'root', layoutOptions: { 'elk.algorithm': 'fixed' }, children: [structuredClone(graph)] });
    return readStageLayout(root.children![0]);
}

/** The largest difference between two stage layouts; Infinity when they do not have the same things. */
function difference(a: StageGraphLayout, b: StageGraphLayout): { value: number; at: string } {
    let worst = { value: 0, at: '' };
    const walk = (x: unknown, y: unknown, at: string) => {
        if (typeof x === 'number' && typeof y === 'number') {
            const value = Math.abs(x - y);
            if (value > worst.value) {
                worst = { value, at };
            }
            return;
        }
        if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
            worst = { value: Infinity, at };
            return;
        }
        const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
        for (const key of keys) {
            const [p, q] = [(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]];
            if (p === undefined || q === undefined) {
                worst = { value: Infinity, at: `${at}.${key}` };
                return;
            }
            walk(p, q, `${at}.${key}`);
        }
    };
    walk(a, b, '');
    return worst;
}

/** Compares the fast path with ELK on every stage of a view the fast path takes; returns how many. */
async function compareChainStages(view: ViewModel): Promise<number> {
    let compared = 0;
    for (const graph of stageGraphs(view)) {
        const fast = chainStageLayout(graph);
        if (!fast) {
            continue;
        }
        const diff = difference(fast, await elkStageLayout(graph));
        expect(diff.value, `${view.name}: ${graph.children!.map(c => c.id).join(' ')} differs at ${diff.at}`).toBeLessThanOrEqual(TOLERANCE);
        compared++;
    }
    return compared;
}

/**
 * Stages of chains with flows between them (into a stage's first touchpoint, out of its last), and a
 * stage of two alternatives: touchpoints with no flow between them.
 */
const CHAINS = `persona p "P" { need n "N" }
channel web "Website" online
team ops "Operations"
journey chains "Chains" {
    persona p
    stage one "One" {
        touchpoint a1 "A short one" { serves n }
        touchpoint a2 "A touchpoint with a much longer label that wraps onto three or more lines in its box" { channel web owner ops serves n }
        touchpoint a3 "Three" { channel web serves n }
    }
    stage two "Two" {
        touchpoint b1 "Only one here, with an owner" { owner ops serves n }
    }
    stage three "Three" {
        touchpoint c1 "First" { channel web owner ops serves n }
        touchpoint c2 "Second, with a label long enough to wrap" { serves n }
    }
    stage four "Four" {
        touchpoint d1 "Three flows lead here" { channel web owner ops serves n }
        touchpoint d2 "Last but two" { channel web serves n }
    }
    stage five "Five" {
        touchpoint e1 "One way" { channel web owner ops serves n }
        touchpoint e2 "Or another, with a longer label" { channel web owner ops serves n }
    }
    stage six "Six" {
        touchpoint f1 "Where both ways lead" { channel web owner ops serves n }
    }
    flow a1 -> a2 -> a3 -> b1 -> c1 -> c2 -> d1 -> d2
    flow a3 -> c1
    flow b1 -> d1
    flow a3 -> d1
    flow d2 -> e1 -> f1
    flow d2 -> e2 -> f1
}
`;

/** The same touchpoints without flow lines: one implied sequence in stage order. */
const NO_FLOWS = CHAINS.replace(/ {4}flow .*\n/g, '');

const HEIGHTS = [52, 55, 61.5, 70, 73, 88, 91, 106, 124, 142, 177];
let state = 11;
/** A small deterministic PRNG, for the shapes of stage graphs. */
function random(): number {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
}
const height = () => HEIGHTS[Math.floor(random() * HEIGHTS.length)];

describe('chain fast path', () => {
    it('gives ELK\'s layout for the chain stages of maps without flows and with flows between chains', async () => {
        for (const text of [CHAINS, NO_FLOWS]) {
            const view = buildViewModel(await modelOf(text));
            expect(await compareChainStages(view), view.name).toBe(view.stages.length);
        }
    });

    it('gives ELK\'s layout for the chain stages of the examples and of generated maps', async () => {
        let compared = 0;
        for (const { model } of await exampleJourneys()) {
            compared += await compareChainStages(buildViewModel(model));
        }
        const generated = generateJourney({ shape: 'chain-heavy', stages: 12, touchpoints: 36, extraForward: 0, loopsBack: 0, seed: 3 });
        compared += await compareChainStages(buildViewModel(await modelOf(generated.text)));
        expect(compared).toBeGreaterThan(5);
    }, 60_000);

    it('gives ELK\'s layout for chains of 1 to 14 touchpoints of any height, with up to 4 flows in and 4 out', async () => {
        const options = stageGraphs(buildViewModel(await modelOf(CHAINS)))[0].layoutOptions;
        let compared = 0;
        for (let run = 0; run < 160; run++) {
            const n = 1 + Math.floor(random() * 14);
            const ins = Math.floor(random() * 5);
            const outs = Math.floor(random() * 5);
            const children = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 184, height: height() }));
            const items: Array<{ edge: ElkExtendedEdge; port?: ElkPort }> = [];
            for (let i = 0; i + 1 < n; i++) {
                items.push({ edge: { id: `e${i}`, sources: [`n${i}`], targets: [`n${i + 1}`] } });
            }
            for (let k = 0; k < ins; k++) {
                items.push({ port: { id: `in${k}`, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } }, edge: { id: `ein${k}`, sources: [`in${k}`], targets: ['n0'] } });
            }
            for (let k = 0; k < outs; k++) {
                items.push({ port: { id: `out${k}`, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } }, edge: { id: `eout${k}`, sources: [`n${n - 1}`], targets: [`out${k}`] } });
            }
            // Flows in any order (the ports' order on a side follows it).
            for (let i = items.length - 1; i > 0; i--) {
                const j = Math.floor(random() * (i + 1));
                [items[i], items[j]] = [items[j], items[i]];
            }
            const graph: ElkNode = {
                id: 'stage', layoutOptions: options, children,
                ports: items.flatMap(item => item.port ? [item.port] : []),
                edges: items.map(item => item.edge),
            };
            const fast = chainStageLayout(graph);
            if (!fast) {
                // Only when ports would be closer than ELK's port spacing on the first or last node.
                const crowded = (count: number, height: number) => count > 0 && height / (count + 1) < 12;
                expect(crowded(ins, children[0].height) || crowded(outs, children[n - 1].height), JSON.stringify(graph)).toBe(true);
                continue;
            }
            const diff = difference(fast, await elkStageLayout(graph));
            expect(diff.value, `${JSON.stringify(graph)} differs at ${diff.at}`).toBeLessThanOrEqual(TOLERANCE);
            compared++;
        }
        expect(compared).toBeGreaterThan(120);
    }, 60_000);

    it('gives ELK\'s layout for 1 to 8 touchpoints with no flows between them, with up to 5 flows in and 5 out', async () => {
        const options = stageGraphs(buildViewModel(await modelOf(CHAINS)))[0].layoutOptions;
        let compared = 0;
        for (let run = 0; run < 120; run++) {
            const n = 1 + Math.floor(random() * 8);
            const children = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 184, height: height() }));
            // Flows in (and flows out) in the order of the touchpoints they end at, in and out mixed.
            const ins = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * n)).sort((a, b) => a - b);
            const outs = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * n)).sort((a, b) => a - b);
            const ports: ElkPort[] = [];
            const edges: ElkExtendedEdge[] = [];
            let i = 0;
            let o = 0;
            while (i < ins.length || o < outs.length) {
                if (o >= outs.length || (i < ins.length && random() < 0.5)) {
                    ports.push({ id: `in${i}`, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } });
                    edges.push({ id: `ein${i}`, sources: [`in${i}`], targets: [`n${ins[i]}`] });
                    i++;
                } else {
                    ports.push({ id: `out${o}`, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } });
                    edges.push({ id: `eout${o}`, sources: [`n${outs[o]}`], targets: [`out${o}`] });
                    o++;
                }
            }
            const graph: ElkNode = { id: 'stage', layoutOptions: options, children, ports, edges };
            const fast = chainStageLayout(graph);
            if (!fast) {
                continue;
            }
            const diff = difference(fast, await elkStageLayout(graph));
            expect(diff.value, `${JSON.stringify(graph)} differs at ${diff.at}`).toBeLessThanOrEqual(TOLERANCE);
            compared++;
        }
        expect(compared).toBeGreaterThan(100);
    }, 60_000);

    it('leaves every other stage to ELK: branches, labels, loops back, flows into or out of the middle', async () => {
        const cases: Record<string, string> = {
            branch: 'flow a1 -> a2 -> a3\n    flow a1 -> a3',
            label: 'flow a1 -> a2 "Goes on" -> a3',
            'loop back inside': 'flow a1 -> a2 -> a3 -> a2',
            'loop back into the stage': 'flow a1 -> a2 -> a3 -> b1 -> a1',
            'into the middle': 'flow a1 -> a2 -> a3\n    flow b1 -> a2',
            'out of the middle': 'flow a1 -> a2 -> a3\n    flow a2 -> b1',
            'out of order': 'flow a2 -> a1 -> a3',
            'flows in crossed, no flows inside': 'flow z1 -> a3\n    flow z1 -> a1',
            'two chains': 'flow a1 -> a2\n    flow a3 -> b1',
        };
        for (const [name, flows] of Object.entries({ ...cases, 'a chain (taken)': 'flow z1 -> a1 -> a2 -> a3 -> b1', 'flows in uncrossed (taken)': 'flow z1 -> a1\n    flow z1 -> a3' })) {
            const text = `persona p "P" { need n "N" }
journey other "Other" {
    persona p
    stage zero "Zero" {
        touchpoint z1 "Zero" { channel web owner ops serves n }
    }
    stage one "One" {
        touchpoint a1 "One" { channel web owner ops serves n }
        touchpoint a2 "Two" { channel web owner ops serves n }
        touchpoint a3 "Three" { channel web owner ops serves n }
    }
    stage two "Two" {
        touchpoint b1 "Four" { channel web owner ops serves n }
    }
    ${flows}
}
`;
            const graphs = stageGraphs(buildViewModel(await modelOf(text, { 'shared.journey': 'channel web "Website" online\nteam ops "Ops"\n' })));
            expect(chainStageLayout(graphs[1]) === undefined, name).toBe(!name.endsWith('(taken)'));
        }
    });

    it('does not change the layout of a map: the same with and without it', async () => {
        const views = [
            buildViewModel(await modelOf(CHAINS)),
            buildViewModel(await modelOf(NO_FLOWS)),
            ...(await exampleJourneys()).map(({ model }) => buildViewModel(model)),
        ];
        for (const view of views) {
            const cache = new StageLayoutCache();
            const fast = await layoutJourney(view, { cache });
            const slow = await layoutJourney(view, { cache: new StageLayoutCache(), chainFastPath: false });
            expect(fast, view.name).toEqual(slow);
        }
        const cache = new StageLayoutCache();
        await layoutJourney(buildViewModel(await modelOf(NO_FLOWS)), { cache });
        expect(cache.chains).toBe(6);
        expect(cache.misses).toBe(6);
    }, 60_000);
});
