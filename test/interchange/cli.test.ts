import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { repoRoot, scratchWorkspaces, type TempWorkspace } from '../support/journey-process.js';
import { mermaidMeaning, mermaidParse } from '../support/mermaid.js';

const FIXTURES = path.join(repoRoot, 'test/interchange/fixtures');
const fixture = (relative: string): string => readFileSync(path.join(FIXTURES, relative), 'utf8');

const workspace = scratchWorkspaces();

/** The spec's example workspace, copied to a scratch folder. */
function specWorkspace(): TempWorkspace {
    const ws = workspace();
    cpSync(path.join(repoRoot, 'examples/spec'), ws.path('spec'), { recursive: true });
    return ws;
}

const TWO_JOURNEYS = `persona p "P" { need n "N" }
journey first "First" {
    persona p
    stage s "S" { touchpoint t "T" { emotion 1 serves n } }
}
journey second "Second" {
    persona p
    stage s "S" { touchpoint u "U" { emotion -1 serves n } }
}
`;

describe('journey export', () => {
    it('prints JSON that validates against the shipped schema, naming the file relative to the current folder', async () => {
        const ws = specWorkspace();
        const run = await journeyInProcess(['export', 'spec/renewal.journey', '--format', 'json', '--today', '2026-11-02'], ws.root);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const document = JSON.parse(run.stdout);
        const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/journey-export.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
        expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
        expect(document.journeys[0]).toMatchObject({ name: 'renewal', file: 'spec/renewal.journey', reviewed: { stale: false } });
        expect(document.journeys[0].personas[0].needs).toHaveLength(2);
        expect(JSON.stringify(document)).not.toContain('"range"');
        const ranged = JSON.parse((await journeyInProcess(['export', 'spec/renewal.journey', '-f', 'json', '--ranges'], ws.root)).stdout);
        expect(ranged.journeys[0].range.start).toEqual({ line: 3, column: 1 });
    });

    it('writes a Mermaid diagram to -o, the format taken from its extension, and prints nothing', async () => {
        const ws = specWorkspace();
        const run = await journeyInProcess(['export', 'spec/renewal.journey', '-o', 'renewal.mmd'], ws.root);
        expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
        const diagram = readFileSync(ws.path('renewal.mmd'), 'utf8');
        expect(diagram.startsWith('journey\n    title Olivia replaces her operations tool\n')).toBe(true);
        expect(await mermaidParse(diagram)).toBe('journey');
    });

    it('writes CSV a CSV parser reads back', async () => {
        const ws = specWorkspace();
        const run = await journeyInProcess(['export', 'spec/renewal.journey', '--format', 'csv', '-o', 'renewal.csv'], ws.root);
        expect(run.status).toBe(0);
        const rows = parse(readFileSync(ws.path('renewal.csv'), 'utf8'), { bom: true, record_delimiter: '\r\n' }) as string[][];
        expect(rows.map(row => row[3])).toEqual(['Touchpoint', 'Renewal quote arrives', 'Visits the pricing page', 'Kick-off workshop']);
    });

    it('resolves names declared in sibling folders (journeys/ next to personas/)', async () => {
        const run = await journeyInProcess(['export', 'examples/brightspoke-cx/journeys/fleet-renewal.journey', '-f', 'json']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const [journey] = JSON.parse(run.stdout).journeys;
        expect(journey.personas.length).toBeGreaterThan(0);
        expect(journey.personas.every((persona: { needs: unknown[] }) => persona.needs.length > 0)).toBe(true);
    });

    it('--journey picks one; Mermaid takes the first of several and says so; an unknown name is a usage error', async () => {
        const ws = workspace({ 'two.journey': TWO_JOURNEYS });
        const both = JSON.parse((await journeyInProcess(['export', 'two.journey', '-f', 'json'], ws.root)).stdout);
        expect(both.journeys.map((j: { name: string }) => j.name)).toEqual(['first', 'second']);
        const second = await journeyInProcess(['export', 'two.journey', '-f', 'mermaid', '--journey', 'second'], ws.root);
        expect(second).toMatchObject({ status: 0, stderr: '' });
        expect(second.stdout).toContain('title Second');
        const first = await journeyInProcess(['export', 'two.journey', '-f', 'mermaid'], ws.root);
        expect(first.status).toBe(0);
        expect(first.stdout).toContain('title First');
        expect(first.stderr).toBe('journey: two.journey has 2 journeys (first, second); exporting `first`. Choose one with --journey NAME.\n');
        const unknown = await journeyInProcess(['export', 'two.journey', '-f', 'csv', '--journey', 'third'], ws.root);
        expect(unknown).toMatchObject({ status: 2, stdout: '' });
        expect(unknown.stderr).toBe('journey: no journey `third` in two.journey; it has `first`, `second`\n');
    });

    it('a syntax error: the diagnostics on stderr, exit 1, nothing written', async () => {
        const ws = workspace({ 'broken.journey': 'persona p "P" { need n "N" }\njourney j "J" {\n    persona p\n    stage s "S" {\n' });
        const run = await journeyInProcess(['export', 'broken.journey', '-f', 'json', '-o', 'out.json'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('broken.journey');
        expect(run.stderr).toMatch(/\d+:\d+ +error +.* +syntax/);
        expect(run.stderr).toContain('journey: broken.journey has syntax errors; nothing exported.');
        expect(existsSync(ws.path('out.json'))).toBe(false);
    });

    it('usage errors exit 2: no such file, no format, --ranges outside JSON, a bad format, a file without journeys', async () => {
        const ws = workspace({ 'personas.journey': 'persona p "P" { need n "N" }\n', 'two.journey': TWO_JOURNEYS });
        expect(await journeyInProcess(['export', 'missing.journey', '-f', 'json'], ws.root)).toMatchObject({ status: 2, stderr: 'journey: no such file: missing.journey\n' });
        expect(await journeyInProcess(['export', 'two.journey'], ws.root)).toMatchObject({ status: 2, stderr: 'journey: say which format: --format json|mermaid|csv\n' });
        expect(await journeyInProcess(['export', 'two.journey', '-f', 'csv', '--ranges'], ws.root)).toMatchObject({ status: 2, stderr: 'journey: --ranges applies to --format json only\n' });
        const bad = await journeyInProcess(['export', 'two.journey', '-f', 'yaml'], ws.root);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain("argument 'yaml' is invalid");
        expect(await journeyInProcess(['export', 'personas.journey', '-f', 'json'], ws.root)).toMatchObject({ status: 1, stderr: 'journey: personas.journey has no journey to export\n' });
    });
});

describe('journey import', () => {
    it('prints the .journey text of a Mermaid diagram; written with -o it lints without errors', async () => {
        const ws = workspace({ 'my-day.mmd': fixture('mermaid/docs-user-journey.mmd') });
        const run = await journeyInProcess(['import', 'my-day.mmd'], ws.root);
        expect(run).toMatchObject({ status: 0, stderr: '' });
        expect(run.stdout).toMatch(/^\/\/ Imported from the Mermaid journey diagram in my-day\.mmd by `journey import`:/);
        const written = await journeyInProcess(['import', 'my-day.mmd', '-o', 'my-day.journey'], ws.root);
        expect(written).toMatchObject({ status: 0, stdout: '', stderr: '' });
        expect(readFileSync(ws.path('my-day.journey'), 'utf8')).toBe(run.stdout);
        const lint = await journeyInProcess(['lint', 'my-day.journey', '--format', 'json'], ws.root);
        expect(lint.status).toBe(0);
        expect(JSON.parse(lint.stdout)[0].errorCount).toBe(0);
    });

    it('imports every journey block of a Markdown file', async () => {
        const ws = workspace({ 'notes.md': fixture('markdown/two-journeys.md') });
        const run = await journeyInProcess(['import', 'notes.md'], ws.root);
        expect(run.status).toBe(0);
        expect(run.stdout.match(/^journey \w+ /gm)).toEqual(['journey morning ', 'journey notes_2 ', 'journey evening ']);
    });

    it('Mermaid → journey → Mermaid through the CLI gives the diagram back', async () => {
        const original = fixture('mermaid/platform-go-shopping.mmd');
        const ws = workspace({ 'shopping.mmd': original });
        expect((await journeyInProcess(['import', 'shopping.mmd', '-o', 'shopping.journey'], ws.root)).status).toBe(0);
        const back = await journeyInProcess(['export', 'shopping.journey', '-f', 'mermaid'], ws.root);
        expect(back.status).toBe(0);
        const squeeze = (text: string) => text.split('\n').map(line => line.trim().replace(/\s*:\s*/g, ':')).filter(line => line && !line.startsWith('%%'));
        expect(squeeze(back.stdout)).toEqual(squeeze(original));
        expect(await mermaidMeaning(back.stdout)).toEqual(await mermaidMeaning(original));
    });

    it.each([
        ['flowchart.mmd', 'graph TD\n  A --> B\n', 1, 'this is a Mermaid `graph` diagram, not a `journey` diagram'],
        ['empty.mmd', '', 1, 'the diagram is empty'],
        ['seven.mmd', 'journey\n  section S\n    Great: 7: Me\n', 3, 'task `Great` has the score `7`'],
        ['no-colon.mmd', 'journey\n  section S\n    Fine: 3: Me\n    Make tea\n', 4, '`Make tea` is not a task (no colon)'],
    ])('%s: exit 1, FILE:LINE: message, nothing written', async (name, text, line, message) => {
        const ws = workspace({ [name]: text });
        const run = await journeyInProcess(['import', name, '-o', 'out.journey'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        const [first, second] = run.stderr.split('\n');
        expect(first.startsWith(`${name}:${line}: ${message}`)).toBe(true);
        expect(second).toBe(`journey: nothing imported from ${name}.`);
        expect(existsSync(ws.path('out.journey'))).toBe(false);
    });

    it('says on stderr what it leaves out as Mermaid does, and still imports', async () => {
        const ws = workspace({ 'd.mmd': 'journey\n  section S\n    Walk: 2: Me, , You\n' });
        const run = await journeyInProcess(['import', 'd.mmd'], ws.root);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('d.mmd:3: warning: task `Walk` has an empty actor name, left out\n');
        expect(run.stdout).toContain('by me, you');
    });

    it('a file that does not exist is a usage error', async () => {
        expect(await journeyInProcess(['import', 'nope.mmd'], workspace().root)).toMatchObject({ status: 2, stderr: 'journey: no such file: nope.mmd\n' });
    });
});

describe('journey import FILE.json', () => {
    it('turns a JSON export back into .journey text that exports the same JSON', async () => {
        const ws = specWorkspace();
        expect(await journeyInProcess(['export', 'spec/renewal.journey', '-f', 'json', '-o', 'renewal.json', '--today', '2026-11-20'], ws.root)).toMatchObject({ status: 0 });
        ws.write('imported/.keep', '');
        const imported = await journeyInProcess(['import', 'renewal.json', '-o', 'imported/renewal.journey'], ws.root);
        expect(imported).toEqual({ status: 0, stdout: '', stderr: '' });
        // On its own: every persona, team, channel, metric and source it uses is declared in it.
        const again = await journeyInProcess(['export', 'imported/renewal.journey', '-f', 'json', '--today', '2026-11-20'], ws.root);
        expect(again.status, again.stderr).toBe(0);
        const withoutFile = (json: string) => (JSON.parse(json) as { journeys: Array<Record<string, unknown>> }).journeys.map(({ file: _file, ...journey }) => journey);
        expect(withoutFile(again.stdout)).toEqual(withoutFile(readFileSync(ws.path('renewal.json'), 'utf8')));
    });

    it('says where JSON that is not an export goes wrong: exit 1, nothing written', async () => {
        const ws = workspace({ 'broken.json': '{"formatVersion": 1, "journeys": [{"name": "j", "label": "J", "personas": [], "stages": [{"name": "s"}]}]}\n' });
        expect(await journeyInProcess(['import', 'broken.json', '-o', 'out.journey'], ws.root)).toEqual({
            status: 1, stdout: '',
            stderr: 'broken.json: journeys[0].stages[0].label: expected a text, found nothing\njourney: nothing imported from broken.json.\n',
        });
        expect(existsSync(ws.path('out.journey'))).toBe(false);
    });
});
