#!/usr/bin/env node
// What the Feels lane's curves cost (npm run bench; needs npm run build), on lsp-bench's large map
// (500 touchpoints, 40 stages, 3 personas), laid out and drawn to SVG with the stage layouts cached (as
// the preview does on every redraw after the first):
//   (a) baseline: one curve (no `by` line: every persona meets every touchpoint);
//   (b) a curve per persona: every other touchpoint has a `by` line naming one or two personas;
//   (c) the preview's *Current state* toggle, on render-bench's branchy map (500 touchpoints, whose
//       stages need ELK): a future state of it redrawn with its current state's curve beneath, and
//       (d) without it: what a click on the toggle costs, against (e), the same map laid out from cold
//       (an empty stage cache: ELK for every stage that is not a plain chain).
// Targets: b within 1.2 × a (the curves are arithmetic next to the layout; a and b differ by a few ms); c and d under 0.25 × e (the
// toggle never runs ELK again). Medians with min–max over --runs runs (default 5), runs interleaved.
import { performance } from 'node:perf_hooks';
import { benchOptions, builtModule, generateLargeJourney, median, spread, verdict } from './bench-common.mjs';
import { generateJourney } from './generate-journey.mjs';

const { createJourneyServices, buildJourneyMapModels } = await builtModule('packages/language/out/index.js');
const preview = await builtModule('packages/preview/out/index.js');
const { EmptyFileSystem, URI } = await import('langium');
const { runs } = benchOptions();

/** The journey map models of the files, built as one workspace. */
async function models(files) {
    const { shared } = createJourneyServices(EmptyFileSystem);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///bench/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return documents.flatMap(document => buildJourneyMapModels(document.parseResult.value, { year: 2026, month: 12, day: 1 }));
}

const { shared: declarations, journey } = generateLargeJourney(500, 40);
// Every other touchpoint met by two of the three personas (which two changes from one to the next).
const withBy = journey.replace(/^( {8}touchpoint tp_(\d+) "[^"]*" \{)$/gm, (line, _, index) =>
    Number(index) % 2 === 0 ? line : `${line}\n            by ${['persona_0', 'persona_1', 'persona_2'].filter((__, k) => (Number(index) + k) % 3 !== 0).join(', ')}`);
const [plain] = await models({ 'shared.journey': declarations, 'big.journey': journey });
const [perPersona] = await models({ 'shared.journey': declarations, 'big.journey': withBy });
const { text: generated } = generateJourney({ name: 'gen', seed: 7 });
const futureText = generated.replace(/^journey gen "/m, 'journey gen_future "')
    .replace('    state current', '    state future of gen').replace(/emotion (-?\d)/g, (_, value) => `emotion ${Math.min(3, Number(value) + 1)}`);
// The future file's own declarations are dropped (the current state's file has them).
const [current, redesign] = await models({ 'gen.journey': generated, 'future.journey': futureText.slice(futureText.search(/^journey /m)) });
if (redesign.state.kind !== 'future' || !preview.buildViewModel(redesign, { baseline: current }).baseline) {
    throw new Error('the future state of the bench map has no baseline');
}
const curves = preview.buildViewModel(perPersona).personaCurves;
if (preview.buildViewModel(plain).personaCurves || !curves || curves.length !== 3) {
    throw new Error('the bench maps are not what they should be: one curve for (a), three for (b)');
}

const cache = new preview.StageLayoutCache();
const draw = async (model, options = {}) => preview.renderSvg(await preview.layoutJourneyMap(model, { cache, ...options }));
// Warm: ELK's code compiled, every stage of every map in the cache.
for (let i = 0; i < 3; i++) {
    await draw(plain);
    await draw(perPersona);
    await draw(redesign, { baseline: current });
    await draw(redesign);
}

const cases = {
    'a one curve': () => draw(plain),
    'b per persona': () => draw(perPersona),
    'c toggle on': () => draw(redesign, { baseline: current }),
    'd toggle off': () => draw(redesign),
    'e cold layout': () => draw(redesign, { baseline: current, cache: new preview.StageLayoutCache() }),
};
const times = Object.fromEntries(Object.keys(cases).map(name => [name, []]));
for (let run = 0; run < runs; run++) {
    for (const [name, run_] of Object.entries(cases)) {
        const start = performance.now();
        await run_();
        times[name].push(performance.now() - start);
    }
}
console.log(`emotion curves: a–b lsp-bench's large map (500 touchpoints, 40 stages, 3 personas), c–e render-bench's branchy map (500 touchpoints); ${runs} runs each, interleaved; medians (min–max)`);
for (const [name, list] of Object.entries(times)) {
    console.log(`  ${name.padEnd(14)} ${spread(list)}`);
}
const ratio = (x, y) => median(times[x]) / median(times[y]);
console.log(`  per persona / one curve: ${ratio('b per persona', 'a one curve').toFixed(2)} ×  ${verdict(ratio('b per persona', 'a one curve'), 1.2)}`);
console.log(`  toggle on / cold layout: ${ratio('c toggle on', 'e cold layout').toFixed(2)} ×  ${verdict(ratio('c toggle on', 'e cold layout'), 0.25)}`);
console.log(`  toggle off / cold layout: ${ratio('d toggle off', 'e cold layout').toFixed(2)} ×  ${verdict(ratio('d toggle off', 'e cold layout'), 0.25)}`);
