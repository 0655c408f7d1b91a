#!/usr/bin/env node
// What an edit costs in a large workspace (npm run bench; needs npm run build). In process, with the
// services the language server runs: a workspace of one shared declarations file and many journey files
// of ~14 KB each (bench/generate-journey.mjs, 35 touchpoints in 5 stages), --mb in all (default 10).
// Measured, runs interleaved, median with min–max over --runs (default 7): the time from an edit of one
// journey file (a touchpoint's label: no exported name changes) to its diagnostics, and the same for a
// rename of its journey (an exported name changes), each against the same edit of the same file in a
// workspace of its own (the shared file and that journey), measured in the same run.
// Goal (issue 16): the large workspace ≤ 1.1 × the file alone. --quick (development only): 2 MB, 5 runs.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateJourney } from './generate-journey.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { createJourneyServices } = await import(pathToFileURL(path.join(root, 'packages/language/out/index.js')).href);
const { EmptyFileSystem, URI, TextDocument } = await import('langium');

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
};
const quick = args.includes('--quick'); // development only: a 2 MB workspace, 5 runs
const MEGABYTES = option('--mb', quick ? 2 : 10);
const RUNS = Math.max(5, option('--runs', quick ? 5 : 7));

/** The generated journey's declarations once, in their own file; each journey file holds only its journey. */
function journeyText(index) {
    const { text } = generateJourney({ stages: 5, touchpoints: 35, seed: index + 1, name: `journey_${index}` });
    const at = text.indexOf('\njourney ');
    return { shared: text.slice(0, at + 1), journey: text.slice(at + 1) };
}

async function workspaceOf(count) {
    const { shared: sharedServices, Journey } = createJourneyServices(EmptyFileSystem);
    Journey.validation.JourneySettings.today = { year: 2026, month: 11, day: 25 };
    const documents = [];
    const add = (name, text) => {
        const document = sharedServices.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/bench/${name}`));
        sharedServices.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        return document;
    };
    let bytes = 0;
    const first = journeyText(0);
    add('shared.journey', first.shared);
    for (let i = 0; i < count; i++) {
        const { journey } = i === 0 ? first : journeyText(i);
        bytes += journey.length;
        add(`journey_${i}.journey`, journey);
    }
    await sharedServices.workspace.DocumentBuilder.build(documents, { validation: true });
    const edited = documents[1];
    let version = 1;
    /** Replaces the edited file's text as an editor does, and waits for its diagnostics. */
    const edit = async text => {
        sharedServices.workspace.TextDocuments.set(TextDocument.create(edited.uri.toString(), 'journey', ++version, text));
        const started = performance.now();
        await sharedServices.workspace.DocumentBuilder.update([edited.uri], []);
        return performance.now() - started;
    };
    return { bytes, text: first.journey, edit, files: documents.length };
}

const perFile = journeyText(0).journey.length;
const count = Math.max(1, Math.round((MEGABYTES * 1024 * 1024) / perFile));
console.log(`edit bench: ${count} journey files of ${(perFile / 1024).toFixed(1)} KB (${MEGABYTES} MB) and the file alone; ${RUNS} runs each`);
const alone = await workspaceOf(1);
const large = await workspaceOf(count);
const edits = {
    'a touchpoint label': (text, run) => text.replace('"Stage 1:', `"Stage 1 (${run}):`),
    'the journey renamed': (text, run) => text.replace('journey journey_0 ', `journey journey_0_${run % 2} `),
};
const times = {};
for (const name of Object.keys(edits)) {
    times[name] = { alone: [], large: [] };
}
for (let run = 0; run <= RUNS; run++) {
    for (const [name, change] of Object.entries(edits)) {
        for (const [where, workspace] of [['alone', alone], ['large', large]]) {
            const elapsed = await workspace.edit(change(workspace.text, run));
            if (run > 0) {
                times[name][where].push(elapsed); // the first round warms the JIT
            }
        }
    }
}
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const shown = values => `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
for (const [name, { alone: a, large: l }] of Object.entries(times)) {
    const ratio = median(l) / median(a);
    console.log(`  edit: ${name.padEnd(20)} alone ${shown(a).padEnd(20)} in ${MEGABYTES} MB ${shown(l).padEnd(22)} ${ratio.toFixed(2)} ×  goal ≤ 1.1 ×: ${ratio <= 1.1 ? 'met' : 'not met'}`);
}
