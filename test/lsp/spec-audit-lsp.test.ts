// Acceptance audit of `journey lsp --stdio` as any LSP client sees it: what an editor does that the
// other LSP tests do not (closing a modified file, typing a declaration's name, formatting a selection).
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { lspSessions } from '../support/lsp-client.js';

const start = lspSessions();

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${d.code} ${d.message}`);

describe('the workspace the server sees', () => {
    it('a modified file closed without saving counts again with its text on disk', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN });
        await client.initialize(ws.root);
        const renewal = await client.open(ws.path('renewal.journey'), RENEWAL_CLEAN);
        await client.diagnosticsFor(renewal, d => d.length === 0);
        const personas = await client.open(ws.path('personas.journey'), PERSONAS);
        await client.change(personas, 2, PERSONAS.replace('persona olivia', 'persona olga'));
        await client.diagnosticsFor(renewal, d => d.some(x => x.message.includes('Unknown persona `olivia`')));

        // The editor discards the change ("Don't Save"): the file on disk still declares olivia.
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: personas } });
        expect(await client.diagnosticsFor(renewal, d => d.length === 0, 10_000)).toEqual([]);
    });

    it('a new file closed without ever being saved leaves the workspace with its names', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        await client.initialize(ws.root);
        const renewal = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);
        await client.diagnosticsFor(renewal, d => d.some(x => x.code === 'unresolved-reference'));
        const draft = await client.open(ws.path('draft.journey'), 'channel emial "Typo mail" online\n');
        await client.diagnosticsFor(renewal, d => !d.some(x => x.code === 'unresolved-reference'));

        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: draft } });
        const after = await client.diagnosticsFor(renewal, d => d.some(x => x.code === 'unresolved-reference'), 10_000);
        expect(codes(after).filter(c => c.startsWith('unresolved-reference'))).toHaveLength(1);
    });
});

describe('declarations whose name is not written yet', () => {
    it('get the first syntax error only, never a rule about `undefined`', async () => {
        const text = 'journey "Olivia replaces her tool" {\n    persona olivia\n    stage "Research" {\n    }\n}\npersona "Ben" {\n}\n';
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': text });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), text);
        const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
        expect(codes(diagnostics).filter(message => message.includes('undefined'))).toEqual([]);
        // The file does not parse: its first mistake, and no finding from any rule.
        expect(diagnostics.map(d => [d.code, d.range.start])).toEqual([['syntax', { line: 0, character: 8 }]]);
    });

    it('a nameless need or touchpoint does not reach the journey-wide rules either: each file reports its syntax error alone', async () => {
        const personas = PERSONAS.replace('need fast_setup "Be productive', 'need "Be productive').replace('need clear_pricing "Know the total cost"', 'need clear_pricing');
        const renewal = RENEWAL_CLEAN.replace('touchpoint quote "Renewal quote arrives" { channel email serves clear_pricing', 'touchpoint "Renewal quote arrives" { channel email')
            .replace('\n}\n', '\n    flow kickoff -> kickoff\n}\n');
        const { ws, client } = start({ 'personas.journey': personas, 'renewal.journey': renewal });
        await client.initialize(ws.root);
        const personasUri = await client.open(ws.path('personas.journey'), personas);
        const uri = await client.open(ws.path('renewal.journey'), renewal);
        const diagnostics = [...await client.diagnosticsFor(uri, d => d.length > 0), ...await client.diagnosticsFor(personasUri, d => d.length > 0)];
        expect(codes(diagnostics).filter(message => /undefined/.test(message))).toEqual([]);
        expect(diagnostics.map(d => d.code)).toEqual(['syntax', 'syntax']);
    });
});

describe('format selection', () => {
    it('fixes the indentation of the selected lines, and touches nothing outside them', async () => {
        const text = RENEWAL_CLEAN.replace('    persona olivia', '  persona   olivia').replace('    stage notice', '      stage   notice');
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': text });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), text);
        await client.diagnosticsFor(uri);
        const line = text.split('\n').findIndex(l => l.includes('stage   notice'));
        const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
            options: { tabSize: 4, insertSpaces: true },
        });
        const after = TextDocument.applyEdits(TextDocument.create(uri, 'journey', 1, text), edits).split('\n');
        expect(after[line]).toBe('    stage notice "Renewal notice" {');
        // Outside the selection, nothing changed.
        expect(after.filter((_, i) => i !== line)).toEqual(text.split('\n').filter((_, i) => i !== line));
    });
});

describe('quick fixes, whatever the client sends back', () => {
    it('are found for a diagnostic the client sends without `data`, and are not offered for other kinds of action', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);
        const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'unresolved-reference'));
        const { data: _data, ...withoutData } = diagnostics.find(d => d.code === 'unresolved-reference')!;
        const ask = (only?: string[]) => client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: withoutData.range, context: { diagnostics: [withoutData], ...(only ? { only } : {}) },
        });
        expect((await ask()).map(action => action.title)).toEqual(['Change to `email`']);
        expect((await ask(['quickfix'])).map(action => action.title)).toEqual(['Change to `email`']);
        expect(await ask(['source.fixAll'])).toEqual([]);
        expect(await ask(['refactor'])).toEqual([]);
    });
});
