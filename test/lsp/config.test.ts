import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from '../support/fixtures.js';
import { runJourney } from '../support/journey-process.js';
import { lspSessions } from '../support/lsp-client.js';

const start = lspSessions();

describe('journey.config.json in the language server', () => {
    it('gives the editor the same diagnostics as the CLI for the same workspace and configuration', async () => {
        const config = JSON.stringify({ rules: { 'need-not-served': 'error', 'stage-without-touchpoints': 'off' } });
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS, 'journey.config.json': config });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_WARNINGS);
        const fromServer = await client.diagnosticsFor(uri, d => d.length > 0);

        const lint = runJourney(['lint', '--format', 'json'], ws.root);
        const fromCli = (JSON.parse(lint.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; line: number; column: number }> }>)
            .find(result => result.filePath === ws.path('renewal.journey'))!.messages;
        expect(fromCli.map(m => [m.ruleId, m.severity])).toEqual([['need-not-served', 2]]);
        expect(fromServer.map(d => [d.code, d.severity === 1 ? 2 : d.severity === 2 ? 1 : 0, d.range.start.line + 1, d.range.start.character + 1]))
            .toEqual(fromCli.map(m => [m.ruleId, m.severity, m.line, m.column]));
    });

    it('shows problems of a bad configuration on the file itself and keeps the defaults', async () => {
        const bad = '{\n  "rules": {\n    "need-not-served": "loud"\n  }\n}\n';
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS, 'journey.config.json': bad });
        await client.initialize(ws.root);
        const configUri = pathToFileURL(ws.path('journey.config.json')).href;
        const configDiagnostics = await client.diagnosticsFor(configUri, d => d.length > 0);
        expect(configDiagnostics).toHaveLength(1);
        expect(configDiagnostics[0].message).toContain('rule "need-not-served" has severity "loud"');
        expect(configDiagnostics[0].range.start).toEqual({ line: 2, character: 23 });
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_PROBLEMS);
        const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
        expect(diagnostics.find(d => d.code === 'need-not-served')?.severity).toBe(2);
    });

    it('validates every document again when the configuration changes on disk', async () => {
        const { ws, client } = start({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), RENEWAL_WITH_WARNINGS);
        await client.diagnosticsFor(uri, d => d.length === 2);

        writeFileSync(ws.path('journey.config.json'), JSON.stringify({ rules: { 'need-not-served': 'off' } }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: pathToFileURL(ws.path('journey.config.json')).href, type: 1 }],
        });
        const after = await client.diagnosticsFor(uri, d => d.length === 1);
        expect(after.map(d => d.code)).toEqual(['stage-without-touchpoints']);
    });
});
