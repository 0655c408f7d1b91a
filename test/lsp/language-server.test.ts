import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { runJourney } from '../support/journey-process.js';
import { lspSessions } from '../support/lsp-client.js';

const start = lspSessions();

describe('journey lsp --stdio', () => {
    it('initializes and publishes diagnostics for two opened files, across files', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const init = await client.initialize(ws.root);
        expect(init.capabilities.textDocumentSync).toBeTruthy();

        const personasUri = await client.open(ws.path('personas.journey'), PERSONAS);
        const renewalUri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);

        const renewal = await client.diagnosticsFor(renewalUri, d => d.length > 0);
        expect(renewal.map(d => [d.code, d.severity, d.range.start.line, d.range.start.character])).toEqual([
            ['need-not-served', 2, 1, 12],
            ['unresolved-reference', 1, 5, 20],
        ]);
        // The persona comes from the other file: no unresolved `olivia`.
        expect(renewal.some(d => d.message.includes('olivia') && d.code === 'unresolved-reference')).toBe(false);
        expect(await client.diagnosticsFor(personasUri)).toEqual([]);
    });

    it('publishes the same diagnostics as `journey lint` for the same workspace', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);
        const fromServer = await client.diagnosticsFor(uri, d => d.length > 0);

        const lint = runJourney(['lint', '--format', 'json'], ws.root);
        const fromCli = (JSON.parse(lint.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>)
            .find(result => result.filePath === ws.path('renewal.journey'))!.messages;
        expect(fromServer.map(d => ({
            ruleId: d.code, severity: d.severity === 1 ? 2 : 1, message: d.message,
            line: d.range.start.line + 1, column: d.range.start.character + 1,
            endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        }))).toEqual(fromCli);
    });

    it('updates diagnostics as the document changes, without saving', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);
        await client.diagnosticsFor(uri, d => d.length === 2);
        await client.change(uri, 2, RENEWAL_CLEAN);
        expect(await client.diagnosticsFor(uri, d => d.length === 0)).toEqual([]);
    });

    it('exits cleanly on shutdown and exit', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS });
        await client.initialize(ws.root);
        expect(await client.shutdown()).toBe(0);
    });
});
