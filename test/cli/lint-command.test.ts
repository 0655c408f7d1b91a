import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from '../support/fixtures.js';
import { journeyInProcess } from '../support/journey-in-process.js';
import { repoRoot, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

interface JsonMessage { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }
interface JsonResult { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }

describe('journey lint', () => {
    it('lints the examples folder from the repository root through npx', async () => {
        const run = await journeyInProcess(['lint', 'examples', '--format', 'json']);
        expect(run.stderr).toBe('');
        const results = JSON.parse(run.stdout) as JsonResult[];
        expect(results.length).toBeGreaterThanOrEqual(2);
        expect(results.reduce((sum, r) => sum + r.errorCount, 0)).toBe(0);
        expect(run.status).toBe(0);
    });

    it('exits 1 on errors and prints the ESLint JSON shape, files and messages sorted', async () => {
        const ws = workspace({ 'b/renewal.journey': RENEWAL_WITH_PROBLEMS, 'a/personas.journey': PERSONAS });
        const run = await journeyInProcess(['lint', '.', '--format', 'json'], ws.root);
        expect(run.status).toBe(1);
        const results = JSON.parse(run.stdout) as JsonResult[];
        expect(results.map(r => r.filePath)).toEqual([ws.path('a/personas.journey'), ws.path('b/renewal.journey')]);
        expect(results[0]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
        const renewal = results[1];
        expect(Object.keys(renewal)).toEqual(expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount']));
        expect(renewal.errorCount).toBe(1);
        expect(renewal.warningCount).toBe(1);
        expect(renewal.messages).toEqual([
            {
                ruleId: 'need-not-served', severity: 1, line: 2, column: 13, endLine: 2, endColumn: 19,
                message: expect.stringContaining('fast_setup'),
            },
            {
                ruleId: 'unresolved-reference', severity: 2, line: 6, column: 21, endLine: 6, endColumn: 26,
                message: expect.stringContaining('Did you mean `email`?'),
            },
        ]);
        for (const message of renewal.messages) {
            expect(Object.keys(message).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
        }
    });

    it('prints stylish output grouped by file with a summary, without colour when not on a terminal', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const run = await journeyInProcess(['lint'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).not.toContain('\u001b[');
        const lines = run.stdout.split('\n');
        expect(lines).toContain('renewal.journey');
        expect(lines.some(line => /^ {2}2:13 +warning +Need `olivia\.fast_setup`.* +need-not-served$/.test(line))).toBe(true);
        expect(lines.some(line => /^ {2}6:21 +error +Unknown channel `emial`.* +unresolved-reference$/.test(line))).toBe(true);
        expect(lines).toContain('\u2716 2 problems (1 error, 1 warning)');
        expect(run.stdout).not.toContain('personas.journey');
    });

    it('prints nothing and exits 0 for a clean workspace', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN });
        const run = await journeyInProcess(['lint', ws.root]);
        expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
    });

    it('honours --max-warnings and --quiet', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS });
        const plain = await journeyInProcess(['lint', '--format', 'json'], ws.root);
        expect(plain.status).toBe(0);
        expect((JSON.parse(plain.stdout) as JsonResult[]).reduce((sum, r) => sum + r.warningCount, 0)).toBe(2);

        expect((await journeyInProcess(['lint', '--max-warnings', '2'], ws.root)).status).toBe(0);
        const tooMany = await journeyInProcess(['lint', '--max-warnings', '1'], ws.root);
        expect(tooMany.status).toBe(1);
        expect(tooMany.stderr).toContain('too many warnings (2)');

        const quiet = await journeyInProcess(['lint', '--quiet', '--format', 'json'], ws.root);
        expect(quiet.status).toBe(0);
        expect((JSON.parse(quiet.stdout) as JsonResult[]).flatMap(r => r.messages)).toEqual([]);
        expect((await journeyInProcess(['lint', '--quiet'], ws.root)).stdout).toBe('');
    });

    it('gives byte-identical output across runs and never writes the files', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const before = readFileSync(ws.path('renewal.journey'));
        const first = await journeyInProcess(['lint', '--format', 'json'], ws.root);
        const second = await journeyInProcess(['lint', '--format', 'json'], ws.root);
        expect(second.stdout).toBe(first.stdout);
        expect((await journeyInProcess(['lint'], ws.root)).stdout).toBe((await journeyInProcess(['lint'], ws.root)).stdout);
        expect(readFileSync(ws.path('renewal.journey')).equals(before)).toBe(true);
    });

    it('expands globs and treats files given one by one as one workspace', async () => {
        const ws = workspace({ 'shared/personas.journey': PERSONAS, 'maps/renewal.journey': RENEWAL_CLEAN, 'notes.txt': 'not a map' });
        expect((await journeyInProcess(['lint', '**/*.journey'], ws.root)).status).toBe(0);
        expect((await journeyInProcess(['lint', 'shared/personas.journey', 'maps/renewal.journey'], ws.root)).status).toBe(0);
        // Without the personas file the persona is unknown.
        const alone = await journeyInProcess(['lint', 'maps/renewal.journey', '--format', 'json'], ws.root);
        expect(alone.status).toBe(1);
        expect((JSON.parse(alone.stdout) as JsonResult[])[0].messages.map(m => m.ruleId)).toContain('unresolved-reference');
    });

    it.each([
        [['lint', 'no-such-folder'], 'no such file or directory: no-such-folder'],
        [['lint', 'nothing/**/*.journey'], 'no .journey files match'],
        [['lint', '--no-such-option'], "unknown option '--no-such-option'"],
        [['lint', '--format', 'xml'], "argument 'xml' is invalid"],
        [['lint', '--today', '2026-02-30'], '--today takes a calendar date'],
        [['lint', '--max-warnings', 'many'], '--max-warnings takes a whole number'],
        [['frobnicate'], "unknown command 'frobnicate'"],
    ])('exits 2 with a one-line error for %j', async (args, expected) => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        const run = await journeyInProcess(args, ws.root);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(expected);
        expect(run.stderr.trim().split('\n')[0]).toMatch(/^journey: /);
    });

    it('answers --help and --version with exit 0', async () => {
        const help = await journeyInProcess(['--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('lint');
        const version = await journeyInProcess(['--version']);
        expect(version.status).toBe(0);
        expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')).version);
    });
});
