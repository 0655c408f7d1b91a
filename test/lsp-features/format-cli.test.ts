// `journey format` as a process: print one file, --check, --write (CRLF and BOM kept), and files with
// syntax errors never touched.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

const MESSY = 'team   marketing "Marketing"\njourney j "J" { persona   p\n  stage s "S" { touchpoint t "T" { channel web } }\n}';
const FORMATTED = 'team marketing "Marketing"\njourney j "J" {\n    persona p\n    stage s "S" {\n        touchpoint t "T" { channel web }\n    }\n}\n';

describe('journey format', () => {
    test('prints one file formatted, writes nothing', async () => {
        const ws = workspace({ 'a.journey': MESSY });
        const run = await journeyInProcess(['format', 'a.journey'], ws.root);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(FORMATTED);
        expect(readFileSync(ws.path('a.journey'), 'utf8')).toBe(MESSY);
    });

    test('without --check or --write, more than one file is a usage error', async () => {
        const ws = workspace({ 'a.journey': MESSY, 'b.journey': FORMATTED });
        const run = await journeyInProcess(['format', '.'], ws.root);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('journey: without --check or --write, format prints one file; 2 files were given\n');
    });

    test('--check lists the files that are not formatted and exits 1; 0 when all are', async () => {
        const ws = workspace({ 'maps/a.journey': MESSY, 'maps/b.journey': FORMATTED, 'c.journey': FORMATTED });
        const run = await journeyInProcess(['format', '--check'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('not formatted: maps/a.journey\n');
        expect(run.stderr).toBe('journey: 1 file is not formatted; run `journey format --write` to fix.\n');
        expect(readFileSync(ws.path('maps/a.journey'), 'utf8')).toBe(MESSY);
        const clean = await journeyInProcess(['format', '--check', 'maps/b.journey', 'c.journey'], ws.root);
        expect(clean.status).toBe(0);
        expect(clean.stdout).toBe('');
    });

    test('--write rewrites in place, keeping CRLF and a byte order mark; a second run changes nothing', async () => {
        const ws = workspace({ 'a.journey': `\uFEFF${MESSY.replace(/\n/g, '\r\n')}`, 'b.journey': FORMATTED });
        const run = await journeyInProcess(['format', '--write', '.'], ws.root);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('formatted: a.journey\n');
        expect(readFileSync(ws.path('a.journey'), 'utf8')).toBe(`\uFEFF${FORMATTED.replace(/\n/g, '\r\n')}`);
        expect(readFileSync(ws.path('b.journey'), 'utf8')).toBe(FORMATTED);
        const again = await journeyInProcess(['format', '--write', '.'], ws.root);
        expect(again.status).toBe(0);
        expect(again.stdout).toBe('');
        expect((await journeyInProcess(['format', '--check', '.'], ws.root)).status).toBe(0);
    });

    test('files with syntax errors are never touched: their errors on stderr, exit 1, the others still formatted', async () => {
        const broken = 'team   marketing "Marketing"\njourney j "J" {\n  stage s "S" {';
        const ws = workspace({ 'broken.journey': broken, 'ok.journey': MESSY });
        const run = await journeyInProcess(['format', '--write', '.'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('formatted: ok.journey\n');
        expect(run.stderr).toContain('broken.journey');
        expect(run.stderr).toMatch(/3:\d+ +error +.* +syntax/);
        expect(run.stderr).toContain('journey: 1 file with syntax errors left unformatted.');
        expect(readFileSync(ws.path('broken.journey'), 'utf8')).toBe(broken);
        expect(readFileSync(ws.path('ok.journey'), 'utf8')).toBe(FORMATTED);

        const single = await journeyInProcess(['format', 'broken.journey'], ws.root);
        expect(single.status).toBe(1);
        expect(single.stdout).toBe('');
    });

    test('an invalid calendar date is a syntax error too', async () => {
        const ws = workspace({ 'a.journey': 'source s "Survey" survey 2026-02-30' });
        const run = await journeyInProcess(['format', '--check', 'a.journey'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('syntax');
    });

    test('--check and --write together, and missing paths, are usage errors', async () => {
        const ws = workspace({ 'a.journey': FORMATTED });
        expect(await journeyInProcess(['format', '--check', '--write', 'a.journey'], ws.root)).toMatchObject({ status: 2, stderr: 'journey: use either --check or --write, not both\n' });
        expect(await journeyInProcess(['format', 'nope.journey'], ws.root)).toMatchObject({ status: 2, stderr: 'journey: no such file or directory: nope.journey\n' });
    });
});
