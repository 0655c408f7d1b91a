// The typical mistakes of test/language/syntax-mistakes.ts, typed into an editor of the real language
// server (`journey lsp --stdio`) on the brightspoke workspace: it publishes for the broken file exactly
// what the language reports in process (the CLI's view), and nothing once the mistake is taken back.
import type { Diagnostic } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempWorkspace } from '../support/journey-process.js';
import { LspTestClient } from '../support/lsp-client.js';
import { EditorWorkspace, MISTAKES, applyMistake, workspaceFiles } from '../language/syntax-mistakes.js';

const FILES = workspaceFiles();
const inProcess = new EditorWorkspace(FILES, { year: 2026, month: 11, day: 25 });
let ws: TempWorkspace;
let client: LspTestClient;
const versions = new Map<string, number>();

beforeAll(async () => {
    ws = new TempWorkspace(FILES);
    client = new LspTestClient();
    await client.initialize(ws.root);
    await inProcess.build();
}, 60_000);

afterAll(async () => {
    await client?.shutdown().catch(() => client.process.kill());
    ws?.dispose();
});

/** Sends the file's new text as an editor does: opened the first time, changed after. */
async function type(file: string, text: string): Promise<string> {
    const version = (versions.get(file) ?? 0) + 1;
    versions.set(file, version);
    if (version === 1) {
        return client.open(ws.path(file), text);
    }
    const uri = new URL(`file://${ws.path(file)}`).href;
    await client.change(uri, version, text);
    return uri;
}

const shown = (diagnostics: readonly Diagnostic[]) => diagnostics.map(d => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));

describe('journey lsp --stdio, one mistake at a time', () => {
    it.each(MISTAKES.map(mistake => [mistake.name, mistake] as const))('%s: the editor shows what the CLI reports', async (_name, mistake) => {
        const mutated = applyMistake(FILES[mistake.file], mistake);
        // The server works in its own process: both sides at once.
        const [inProcessResult, published] = await Promise.all([
            inProcess.typeInto(mistake.file, mutated),
            type(mistake.file, mutated).then(uri => client.diagnosticsFor(uri, d => d.length > 0)),
        ]);
        const expected = inProcessResult.get(mistake.file)!;
        expect(expected.length).toBeGreaterThan(0);
        expect(shown(published)).toEqual(shown(expected));

        const [, mended] = await Promise.all([
            inProcess.typeInto(mistake.file, FILES[mistake.file]),
            type(mistake.file, FILES[mistake.file]).then(uri => client.diagnosticsFor(uri, d => d.length === 0)),
        ]);
        expect(mended).toEqual([]);
    });
});
