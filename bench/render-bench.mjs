#!/usr/bin/env node
// The preview's layout cost on a large map (npm run bench; needs npm run build). In one process:
//   (a) baseline: plain ELK layered on the whole map as one graph, stages as `elk.partitioning`
//       partitions (what the spec's first idea would cost);
//   (b) the preview from cold: view model, per-stage ELK layouts composed into bands, SVG;
//   (c) the same after one touchpoint's label changed (warm cache: one stage laid out again).
// Each is measured after a warm-up of both ways on a small map (so neither pays for compiling ELK's
// code); the best of --runs runs counts (the machine may be shared). Target: b ≤ 0.2 × a, and c < b.
// Options: --stages N --touchpoints N --seed N --runs N --skip-baseline
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateJourney } from './generate-journey.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = file => import(pathToFileURL(path.join(root, file)).href);
const { createJourneyServices, buildJourneyMapModels } = await load('packages/language/out/index.js');
const preview = await load('packages/preview/out/index.js');
const { EmptyFileSystem, URI } = await import('langium');
const ElkModule = (await import('elkjs/lib/elk.bundled.js')).default;
const Elk = ElkModule.default ?? ElkModule;

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
};
const generated = generateJourney({ stages: option('--stages', 40), touchpoints: option('--touchpoints', 500), seed: option('--seed', 1) });
const skipBaseline = args.includes('--skip-baseline');

const { shared } = createJourneyServices({ ...EmptyFileSystem });
const document = shared.workspace.LangiumDocumentFactory.fromString(generated.text, URI.parse('memory:///bench.journey'));
shared.workspace.LangiumDocuments.addDocument(document);
await shared.workspace.DocumentBuilder.build([document], { validation: false });
const [model] = buildJourneyMapModels(document.parseResult.value, { year: 2026, month: 11, day: 23 });
const view = preview.buildViewModel(model);
console.log(`map: ${view.stages.length} stages, ${view.touchpoints.length} touchpoints, ${view.edges.length} flows `
    + `(${view.edges.filter(e => e.back).length} loops back)`);

const ms = value => `${value.toFixed(0)} ms`;
const time = async run => {
    const start = performance.now();
    const result = await run();
    return { ms: performance.now() - start, result };
};
const runs = option('--runs', 3);
const best = list => Math.min(...list.map(r => r.ms));
const show = list => list.map(r => ms(r.ms)).join(', ');

/** (a)'s graph: the whole map, stages as partitions, the same node sizes and spacing as the preview. */
function partitionedGraph(v) {
    const stageOf = new Map(v.touchpoints.map(tp => [tp.id, tp.stageIndex]));
    return {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.edgeRouting': 'ORTHOGONAL',
            'elk.partitioning.activate': 'true', 'elk.spacing.nodeNode': '20', 'elk.layered.spacing.nodeNodeBetweenLayers': '28',
            'elk.edgeLabels.placement': 'CENTER',
        },
        children: v.touchpoints.map(tp => ({
            id: tp.id, ...preview.touchpointNodeSize(tp), layoutOptions: { 'elk.partitioning.partition': String(stageOf.get(tp.id)) },
        })),
        // ELK 0.12.1 throws a NullPointerException with partitioning when the graph has cycles, so loops
        // back are given reversed (which is what its cycle breaking would do with them anyway).
        edges: v.edges.map(edge => ({
            id: edge.id,
            sources: [edge.back ? edge.to : edge.from],
            targets: [edge.back ? edge.from : edge.to],
            ...(edge.label ? { labels: [{ text: edge.label, width: 120, height: 16 }] } : {}),
        })),
    };
}

const elk = new Elk();
const render = async (m, cache) => preview.renderSvg(await preview.layoutJourney(preview.buildViewModel(m), { elk, cache }));

// Warm-up, not timed: both ways once on a small map, so that neither measurement pays for compiling ELK.
{
    const small = generateJourney({ stages: 6, touchpoints: 60, extraForward: 8, loopsBack: 5, seed: 99 });
    const { shared: s } = createJourneyServices({ ...EmptyFileSystem });
    const d = s.workspace.LangiumDocumentFactory.fromString(small.text, URI.parse('memory:///warmup.journey'));
    s.workspace.LangiumDocuments.addDocument(d);
    await s.workspace.DocumentBuilder.build([d], { validation: false });
    const [m] = buildJourneyMapModels(d.parseResult.value, { year: 2026, month: 11, day: 23 });
    await elk.layout(partitionedGraph(preview.buildViewModel(m)));
    await render(m, new preview.StageLayoutCache());
}

// (a) One ELK run on the whole map, stages as partitions.
const baseline = [];
if (!skipBaseline) {
    const graph = JSON.stringify(partitionedGraph(view));
    for (let i = 0; i < Math.min(runs, 2); i++) {
        baseline.push(await time(() => elk.layout(JSON.parse(graph))));
    }
    console.log(`(a) ELK layered + partitioning, one graph:    ${ms(best(baseline))}  [runs: ${show(baseline)}]`);
}

// (b) The preview from cold: an empty cache each run.
const cold = [];
let cache;
for (let i = 0; i < runs; i++) {
    cache = new preview.StageLayoutCache();
    cold.push(await time(() => render(model, cache)));
}
console.log(`(b) preview, cold (view model + layout + SVG): ${ms(best(cold))}  [runs: ${show(cold)}; ${cache.misses} stage layouts, SVG ${(cold[0].result.length / 1024).toFixed(0)} KiB]`);

// (c) One touchpoint's label edited (longer, so its node grows): only its stage is laid out again.
const warm = [];
let misses = 0;
for (let i = 0; i < runs; i++) {
    const edited = structuredClone(model);
    const touchpoint = edited.stages[(7 + i * 13) % edited.stages.length].touchpoints[i % 3];
    touchpoint.label = `${touchpoint.label}, now with a much longer label that wraps onto more lines`;
    const before = cache.misses;
    warm.push(await time(() => render(edited, cache)));
    misses = Math.max(misses, cache.misses - before);
}
console.log(`(c) preview, after editing one label (warm):   ${ms(best(warm))}  [runs: ${show(warm)}; at most ${misses} stage layout(s) recomputed]`);

const a = best(baseline);
const b = best(cold);
const c = best(warm);
const ratios = [];
if (baseline.length > 0) {
    ratios.push(`b/a = ${(b / a).toFixed(3)} (target ≤ 0.2)`);
}
ratios.push(`c/b = ${(c / b).toFixed(3)} (target < 1)`);
console.log(ratios.join(', '));
const ok = (baseline.length === 0 || b <= 0.2 * a) && c < b;
console.log(ok ? 'render-bench: targets met.' : 'render-bench: TARGETS MISSED.');
process.exitCode = ok ? 0 : 1;
