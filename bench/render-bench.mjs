#!/usr/bin/env node
// The preview's layout cost on a large map (npm run bench; needs npm run build). In one process:
//   (a) baseline: plain ELK layered on the whole map as one graph, stages as `elk.partitioning`
//       partitions (what the spec's first idea would cost);
//   (b) the preview from cold: view model, per-stage ELK layouts composed into bands, SVG;
//   (c) the same after one touchpoint's label changed (warm cache: one stage laid out again).
// Target: b ≤ 0.2 × a, and c < b. Options: --stages N --touchpoints N --seed N --skip-baseline
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

// (a) One ELK run on the whole map, stages as partitions, the same node sizes and spacing.
let baseline;
if (!skipBaseline) {
    const stageOf = new Map(view.touchpoints.map(tp => [tp.id, tp.stageIndex]));
    const graph = {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.edgeRouting': 'ORTHOGONAL',
            'elk.partitioning.activate': 'true', 'elk.spacing.nodeNode': '20', 'elk.layered.spacing.nodeNodeBetweenLayers': '28',
            'elk.edgeLabels.placement': 'CENTER',
        },
        children: view.touchpoints.map(tp => ({
            id: tp.id, ...preview.touchpointNodeSize(tp), layoutOptions: { 'elk.partitioning.partition': String(stageOf.get(tp.id)) },
        })),
        // ELK 0.12.1 throws a NullPointerException with partitioning when the graph has cycles, so loops
        // back are given reversed (which is what its cycle breaking would do with them anyway).
        edges: view.edges.map(edge => ({
            id: edge.id,
            sources: [edge.back ? edge.to : edge.from],
            targets: [edge.back ? edge.from : edge.to],
            ...(edge.label ? { labels: [{ text: edge.label, width: 120, height: 16 }] } : {}),
        })),
    };
    baseline = await time(() => new Elk().layout(graph));
    console.log(`(a) ELK layered + partitioning, one graph:   ${ms(baseline.ms)}`);
}

// (b) The preview from cold: a new ELK instance and an empty cache.
const cache = new preview.StageLayoutCache();
const elk = new Elk();
const render = async m => preview.renderSvg(await preview.layoutJourney(preview.buildViewModel(m), { elk, cache }));
const cold = await time(() => render(model));
const coldMisses = cache.misses;
console.log(`(b) preview, cold (view model + layout + SVG): ${ms(cold.ms)}  [${coldMisses} stage layouts, SVG ${(cold.result.length / 1024).toFixed(0)} KiB]`);

// (c) One touchpoint's label edited (longer, so its node grows): only its stage is laid out again.
const edited = structuredClone(model);
const touchpoint = edited.stages[Math.floor(edited.stages.length / 2)].touchpoints[0];
touchpoint.label = `${touchpoint.label}, now with a much longer label that wraps onto more lines`;
const warm = await time(() => render(edited));
console.log(`(c) preview, after editing one label (warm):  ${ms(warm.ms)}  [${cache.misses - coldMisses} stage layout(s) recomputed]`);

const ratios = [];
if (baseline) {
    ratios.push(`b/a = ${(cold.ms / baseline.ms).toFixed(3)} (target ≤ 0.2)`);
}
ratios.push(`c/b = ${(warm.ms / cold.ms).toFixed(3)} (target < 1)`);
console.log(ratios.join(', '));
const ok = (!baseline || cold.ms <= 0.2 * baseline.ms) && warm.ms < cold.ms;
console.log(ok ? 'render-bench: targets met.' : 'render-bench: TARGETS MISSED.');
process.exitCode = ok ? 0 : 1;
