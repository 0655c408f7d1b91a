#!/usr/bin/env node
// Editor latency on a large map (npm run bench:lsp; needs npm run build). Printed, not asserted.
// A generated workspace: shared declarations in one file, one journey with N touchpoints (default 2,000)
// in another. Measured:
//   - in process (the services the server runs): the first full build with validation, the
//     diagnostics after a one-character edit, completion in four places, hover, formatting, the map
//     model the preview draws;
//   - over LSP (`journey lsp --stdio` as a child process, what an editor waits for): diagnostics after
//     opening and after an edit, completion round trips, the preview's `journey/map` request.
// Options: --touchpoints N --stages N --runs N
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answerServerRequests, generateLargeJourney } from './bench-common.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { createJourneyServices, formatJourneyDocument, buildJourneyMapModels } = await import(pathToFileURL(path.join(root, 'packages/language/out/index.js')).href);
const { EmptyFileSystem, URI, TextDocument } = await import('langium');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
};
const TOUCHPOINTS = option('--touchpoints', 2000);
const STAGES = option('--stages', 40);
const RUNS = option('--runs', 20);

// ---- The generated workspace (bench/bench-common.mjs) ------------------------------------------------------

const { shared, journey } = generateLargeJourney(TOUCHPOINTS, STAGES);
const journeyLines = journey.split('\n');
const positionOf = (needle, delta = 0) => {
    const offset = journey.indexOf(needle);
    const before = journey.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
};
const middle = Math.floor(TOUCHPOINTS / 2);
const completionSpots = {
    'touchpoint members': { line: positionOf(`            action "Does thing ${middle}"`).line, character: 0 },
    'serves (needs in scope)': positionOf(`            serves need_${middle % 3}_${middle % 8}`, '            serves '.length),
    'channel (global names)': positionOf(`            channel channel_${middle % 12}`, '            channel '.length),
    'flow end (touchpoints)': positionOf('    flow tp_0 -> tp_1', '    flow tp_0 -> '.length),
};
const editAt = positionOf(`"Does thing ${middle}"`, 1);

console.log(`workspace: ${TOUCHPOINTS} touchpoints in ${STAGES} stages, ${journeyLines.length} lines (${(journey.length / 1024).toFixed(0)} KiB) + shared declarations`);

const stats = samples => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};
const time = async run => {
    const start = performance.now();
    const value = await run();
    return { ms: performance.now() - start, value };
};

// ---- In process ---------------------------------------------------------------------------------------------

{
    console.log('\nin process (the server\'s services, no transport):');
    const { shared: services, Journey } = createJourneyServices({ ...EmptyFileSystem });
    const factory = services.workspace.LangiumDocumentFactory;
    const documents = services.workspace.LangiumDocuments;
    const builder = services.workspace.DocumentBuilder;
    const sharedDoc = factory.fromString(shared, URI.parse('memory:///shared.journey'));
    let journeyDoc = factory.fromString(journey, URI.parse('memory:///big.journey'));
    documents.addDocument(sharedDoc);
    documents.addDocument(journeyDoc);
    const first = await time(() => builder.build([sharedDoc, journeyDoc], { validation: true }));
    console.log(`  first build with diagnostics: ${first.ms.toFixed(0)} ms (${journeyDoc.diagnostics.length} diagnostics)`);

    const edits = [];
    for (let i = 0; i < Math.min(RUNS, 10); i++) {
        const lines = [...journeyLines];
        lines[editAt.line] = lines[editAt.line].slice(0, editAt.character) + `x${i}` + lines[editAt.line].slice(editAt.character);
        const text = lines.join('\n');
        // What the server does on didChange: the open text document changes, the builder updates.
        services.workspace.TextDocuments.set(TextDocument.create(journeyDoc.uri.toString(), 'journey', i + 2, text));
        const { ms } = await time(() => builder.update([journeyDoc.uri], []));
        journeyDoc = documents.getDocument(journeyDoc.uri);
        edits.push(ms);
    }
    console.log(`  diagnostics after a one-character edit: ${stats(edits)}`);

    const completion = Journey.lsp.CompletionProvider;
    for (const [name, position] of Object.entries(completionSpots)) {
        const samples = [];
        let count = 0;
        for (let i = 0; i < RUNS; i++) {
            const { ms, value } = await time(() => completion.getCompletion(journeyDoc, { textDocument: { uri: journeyDoc.uri.toString() }, position }));
            samples.push(ms);
            count = value?.items.length ?? 0;
        }
        console.log(`  completion, ${name}: ${stats(samples)} (${count} items)`);
    }
    const hovers = [];
    for (let i = 0; i < RUNS; i++) {
        hovers.push((await time(() => Journey.lsp.HoverProvider.getHoverContent(journeyDoc, {
            textDocument: { uri: journeyDoc.uri.toString() }, position: completionSpots['serves (needs in scope)'],
        }))).ms);
    }
    console.log(`  hover on a need (counts the touchpoints serving it): ${stats(hovers)}`);
    const formats = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
        formats.push((await time(() => formatJourneyDocument(Journey, journeyDoc))).ms);
    }
    console.log(`  format the whole file: ${stats(formats)}`);
    const maps = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
        maps.push((await time(() => buildJourneyMapModels(journeyDoc.parseResult.value, { year: 2026, month: 11, day: 23 }))).ms);
    }
    console.log(`  the map model the preview draws (journey/map): ${stats(maps)}`);
}

// ---- Over LSP -----------------------------------------------------------------------------------------------

{
    console.log('\nover LSP (journey lsp --stdio, round trips as an editor sees them):');
    const server = spawn(process.execPath, [path.join(root, 'packages/cli/bin/journey.cjs'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', params => {
        waiters.splice(0).forEach(waiter => waiter(params));
    });
    answerServerRequests(connection);
    connection.listen();
    const diagnosticsFor = uri => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 120 s`)), 120_000);
        const wait = params => {
            if (params.uri === uri) {
                clearTimeout(timer);
                resolve(params);
            } else {
                waiters.push(wait);
            }
        };
        waiters.push(wait);
    });
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    // Documents the editor has open need not exist on disk.
    const sharedUri = pathToFileURL(path.join(root, '.tmp/lsp-bench/shared.journey')).href;
    const uri = pathToFileURL(path.join(root, '.tmp/lsp-bench/big.journey')).href;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: sharedUri, languageId: 'journey', version: 1, text: shared } });
    const opened = await time(async () => {
        const published = diagnosticsFor(uri);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: journey } });
        return published;
    });
    console.log(`  diagnostics after opening: ${opened.ms.toFixed(0)} ms (${opened.value.diagnostics.length} diagnostics)`);
    const edits = [];
    for (let version = 2; version < 2 + Math.min(RUNS, 10); version++) {
        const { ms } = await time(async () => {
            const published = diagnosticsFor(uri);
            await connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version },
                contentChanges: [{ range: { start: editAt, end: editAt }, text: 'x' }],
            });
            return published;
        });
        edits.push(ms);
    }
    console.log(`  diagnostics after typing one character: ${stats(edits)}`);
    for (const [name, position] of Object.entries(completionSpots)) {
        const samples = [];
        let count = 0;
        for (let i = 0; i < RUNS; i++) {
            const { ms, value } = await time(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }));
            samples.push(ms);
            count = value?.items?.length ?? 0;
        }
        console.log(`  completion, ${name}: ${stats(samples)} (${count} items)`);
    }
    const maps = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
        maps.push((await time(() => connection.sendRequest('journey/map', { uri }))).ms);
    }
    console.log(`  journey/map (the preview's model, ${(JSON.stringify(await connection.sendRequest('journey/map', { uri })).length / 1024).toFixed(0)} KiB of JSON): ${stats(maps)}`);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    server.kill();
}
