// Data files in the language server, over the real `journey lsp --stdio`: a computed KPI's hover
// (value, n, left out, the spread), completion of the export's columns and of a column's values,
// go to definition from a column to the CSV's header, and findings that follow the CSV when it
// changes on disk (the editor's file watcher says so). The CSV is never written by the server.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompletionList, Hover, LocationLink } from 'vscode-languageserver-protocol';
import { lspSessions } from '../support/lsp-client.js';

const start = lspSessions();

const survey = (rows: Array<[string, string]>) => `Respondent,Touchpoint,How likely are you to recommend us?\n${rows.map(([touchpoint, answer], index) => `r${index},${touchpoint},${answer}`).join('\n')}\n`;
/** 40 answers: 30 on pricing_page (all 10) and 10 on kickoff (all 6). */
const BIG = survey([...Array.from({ length: 30 }, () => ['pricing_page', '10'] as [string, string]), ...Array.from({ length: 10 }, () => ['kickoff', '6'] as [string, string])]);

const SHARED = `team marketing "Marketing"
channel web "Website" online
metric nps "Net Promoter Score" scale -100 to 100
source q3 "Q3 survey" survey 2026-09-30 data "data/q3.csv"
persona olivia "Olivia" { need clear "Clear pricing" importance 3 }
`;

const KPI_LINE = '            kpi nps from q3 column "How likely are you to recommend us?" as nps where "Touchpoint" = "pricing_page" target 40';
const JOURNEY = `journey renewal "Olivia renews" {
    persona olivia
    trigger "Renewal"
    owner marketing
    reviewed 2026-11-20 every 90 days
    stage research "Research" {
        phase post-purchase
        touchpoint pricing_page "Pricing page" {
            channel web
            serves clear
${KPI_LINE}
        }
    }
}
`;

function position(text: string, needle: string, delta = 0) {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('data files in the language server', () => {
    it('re-checks the maps when their data file changes on disk, and never writes it', async () => {
        const { ws, client } = start({ 'shared.journey': SHARED, 'renewal.journey': JOURNEY, 'data/q3.csv': BIG });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), JOURNEY);
        const clean = await client.diagnosticsFor(uri);
        expect(clean.filter(d => d.severity! <= 2).map(d => d.code)).toEqual([]);
        // A new export with 3 answers on the pricing page, two of them detractors.
        const small = survey([['pricing_page', '2'], ['pricing_page', '3'], ['pricing_page', '10'], ['kickoff', '9']]);
        writeFileSync(ws.path('data/q3.csv'), small);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(ws.path('data/q3.csv')).href, type: 2 }] });
        const after = await client.diagnosticsFor(uri, d => d.some(diagnostic => diagnostic.code === 'small-sample'));
        expect(after.find(d => d.code === 'small-sample')!.message).toContain('rests on 3 answers');
        expect(after.find(d => d.code === 'kpi-off-target')?.message).toContain('-33.33 (computed from 3 answers)');
        // The export goes away: unreadable, on the source's path in shared.journey.
        const sharedUri = pathToFileURL(ws.path('shared.journey')).href;
        writeFileSync(ws.path('data/q3.csv'), BIG);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(ws.path('data/q3.csv')).href, type: 2 }] });
        await client.diagnosticsFor(uri, d => !d.some(diagnostic => diagnostic.code === 'small-sample'));
        expect(readFileSync(ws.path('data/q3.csv'), 'utf8')).toBe(BIG);
        expect(sharedUri).toMatch(/shared\.journey$/);
    });

    it('shows the computed value, n, left out and the spread on hover', async () => {
        const { ws, client } = start({ 'shared.journey': SHARED, 'renewal.journey': JOURNEY, 'data/q3.csv': BIG });
        await client.initialize(ws.root);
        const uri = await client.open(ws.path('renewal.journey'), JOURNEY);
        await client.diagnosticsFor(uri);
        const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: position(JOURNEY, 'kpi nps', 5) });
        const text = (hover.contents as { value: string }).value;
        expect(text).toContain('Value: 100 (computed)');
        expect(text).toContain('n = 30');
        expect(text).toContain('0 left out');
        expect(text).toContain('of 30 rows');
        expect(text).toMatch(/\| 10 \| 30 \| █{10} \|/);
        expect(text).toContain('**on target**');
    });

    it('completes the columns after `column "` and the values after `where "C" = "`, and goes from a column to its header', async () => {
        const { ws, client } = start({ 'shared.journey': SHARED, 'renewal.journey': JOURNEY, 'data/q3.csv': BIG });
        await client.initialize(ws.root);
        const typing = JOURNEY.replace(KPI_LINE, '            kpi nps from q3 column "');
        const uri = await client.open(ws.path('renewal.journey'), typing);
        await client.diagnosticsFor(uri);
        const columns = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: position(typing, 'column "', 'column "'.length) });
        expect(columns.items.map(item => item.label)).toEqual(['Respondent', 'Touchpoint', 'How likely are you to recommend us?']);
        expect(columns.items[2].textEdit).toMatchObject({ newText: 'How likely are you to recommend us?"' });

        const filtering = JOURNEY.replace(KPI_LINE, '            kpi nps from q3 column "How likely are you to recommend us?" as nps where "Touchpoint" = "');
        await client.change(uri, 2, filtering);
        const values = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: position(filtering, '= "', 3) });
        expect(values.items.map(item => [item.label, item.detail])).toEqual([['pricing_page', '30 rows of data/q3.csv'], ['kickoff', '10 rows of data/q3.csv']]);

        await client.change(uri, 3, JOURNEY);
        await client.diagnosticsFor(uri);
        const links = await client.connection.sendRequest<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: position(JOURNEY, '"How likely', 3) });
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(pathToFileURL(ws.path('data/q3.csv')).href);
        // The third header cell: after "Respondent," and "Touchpoint,".
        expect(links[0].targetSelectionRange.start).toEqual({ line: 0, character: 'Respondent,Touchpoint,'.length });
        const where = await client.connection.sendRequest<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: position(JOURNEY, '"Touchpoint"', 2) });
        expect(where[0].targetSelectionRange.start).toEqual({ line: 0, character: 'Respondent,'.length });
    });
});
