// A real third-party LSP client: Neovim (Debian's 0.7) runs `journey lsp --stdio` on the example
// workspace, waits for diagnostics, asks for completion and a definition, and writes what it got to a
// JSON file (test/lsp-features/neovim/init.lua). Nothing here is skipped: without nvim the test fails
// and says how to install it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { journeyBin, repoRoot, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

interface NeovimReport {
    steps: string[];
    error?: string;
    diagnostics: Array<{ lnum: number; col: number; severity: number; code: string; message: string }>;
    capabilities: Record<string, boolean>;
    completion: Array<{ label: string; kind: number; detail?: string }>;
    completion_error?: string;
    definition: Array<{ uri: string; line: number; character: number }>;
}

function findNvim(): string {
    const found = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' });
    const nvim = found.stdout.trim();
    if (found.status !== 0 || !nvim) {
        throw new Error('nvim is not installed: run scripts/install-test-deps.sh (it installs Debian\'s neovim), then run the tests again.');
    }
    return nvim;
}

/** 0-based line and character of `needle` (plus `delta`) in `text`. */
function at(text: string, needle: string, delta = 0): { line: number; character: number } {
    const offset = text.indexOf(needle);
    expect(offset, `\`${needle}\` in the file`).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('Neovim as the LSP client', () => {
    test('diagnostics, completion and go to definition over `journey lsp --stdio`', () => {
        const nvim = findNvim();
        expect(existsSync(journeyBin), 'the CLI is built (npm run build)').toBe(true);
        const ws = workspace();
        cpSync(path.join(repoRoot, 'examples/brightspoke-cx'), ws.root, { recursive: true });
        const file = ws.path('journeys/fleet-renewal.journey');
        // One typo, so that there is an error to wait for.
        const text = readFileSync(file, 'utf8').replace('channel video_call', 'channel video_cal');
        writeFileSync(file, text);
        const complete = at(text, 'serves total_cost_clarity', 'serves '.length);
        const definition = at(text, 'persona dana, priya', 'persona '.length + 1);
        const out = ws.path('nvim-report.json');

        const run = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', path.join(repoRoot, 'test/lsp-features/neovim/init.lua')], {
            cwd: ws.root,
            encoding: 'utf8',
            timeout: 90_000,
            env: {
                ...process.env,
                XDG_CONFIG_HOME: ws.path('.config'), XDG_DATA_HOME: ws.path('.data'), XDG_STATE_HOME: ws.path('.state'), XDG_CACHE_HOME: ws.path('.cache'),
                JOURNEY_NODE: process.execPath,
                JOURNEY_BIN: journeyBin,
                JOURNEY_ROOT: ws.root,
                JOURNEY_FILE: file,
                JOURNEY_OUT: out,
                JOURNEY_COMPLETE_AT: `${complete.line}:${complete.character}`,
                JOURNEY_DEFINITION_AT: `${definition.line}:${definition.character}`,
            },
        });
        expect(existsSync(out), `nvim wrote no report (status ${run.status}, signal ${run.signal})\n${run.stdout}\n${run.stderr}`).toBe(true);
        const report = JSON.parse(readFileSync(out, 'utf8')) as NeovimReport;
        expect(report.error).toBeUndefined();
        expect(report.steps).toEqual(['started', 'diagnostics', 'completion', 'definition']);

        // The typo is reported where it is, with the rule id and a did-you-mean.
        const typo = report.diagnostics.find(d => d.code === 'unresolved-reference');
        expect(typo, JSON.stringify(report.diagnostics)).toBeDefined();
        expect(typo!.lnum).toBe(at(text, 'channel video_cal').line);
        expect(typo!.message).toContain('video_call');
        expect(typo!.severity).toBe(1);

        expect(report.capabilities).toEqual({ completion: true, definition: true, formatting: true, rename: true });

        // `serves ` in a journey for dana and priya: their needs, nobody else's.
        expect(report.completion_error).toBeUndefined();
        const labels = report.completion.map(item => item.label).sort();
        expect(labels).toContain('total_cost_clarity');
        expect(labels).toContain('fleet_uptime');
        expect(labels.every(label => /^[a-z_]+(\.[a-z_]+)?$/.test(label))).toBe(true);
        const personaNeeds = (persona: string) => [...readFileSync(ws.path(`personas/${persona}.journey`), 'utf8').matchAll(/^\s*need (\w+)/gm)].map(m => m[1]);
        expect(labels).toEqual([...new Set([...personaNeeds('dana'), ...personaNeeds('priya')])].sort());
        expect(report.completion.find(item => item.label === 'fleet_uptime')!.detail).toContain('importance 5');

        // `dana` on the persona line → personas/dana.journey.
        expect(report.definition).toHaveLength(1);
        expect(report.definition[0].uri).toBe(pathToFileURL(ws.path('personas/dana.journey')).href);
        const dana = readFileSync(ws.path('personas/dana.journey'), 'utf8');
        expect(report.definition[0]).toMatchObject(at(dana, 'persona dana', 'persona '.length));
    });
});
