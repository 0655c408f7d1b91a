import { existsSync, readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

const PERSONAS = `persona olivia "Olivia, Operations Manager" {
    need fast "Be productive within one week" importance 4
}
channel email "Email" online
`;

const TWO_JOURNEYS = `journey first "The first journey" {
    persona olivia
    stage one "Stage one" {
        touchpoint a "Reads the email" { channel email serves fast emotion 1 "Pleased" }
    }
}

journey second "The second journey" {
    persona olivia
    stage two "Stage two" {
        touchpoint b "Calls support" { emotion -2 "Annoyed" }
    }
}
`;

function wellFormed(svg: string): void {
    const problems: string[] = [];
    new DOMParser({ onError: (level, message) => { problems.push(`${level}: ${message}`); } }).parseFromString(svg, 'image/svg+xml');
    expect(problems).toEqual([]);
}

describe('journey render', () => {
    it('draws a future state with its current state\'s curve from another file, and without it on --no-current-state', async () => {
        const ws = workspace({
            'maps/personas.journey': PERSONAS,
            'maps/today.journey': `journey today "Today" { persona olivia state current
    stage s "Stage" { touchpoint a "Email" { emotion -2 "Let down" } touchpoint b "Call" { emotion -1 } } }\n`,
            'maps/tomorrow.journey': `journey tomorrow "Tomorrow" { persona olivia state future of today
    stage s "Stage" { touchpoint a "Email" { emotion 2 } touchpoint c "Chat" { emotion 1 } } }\n`,
        });
        const run = await journeyInProcess(['render', 'maps/tomorrow.journey', '--today', '2026-11-23'], ws.root);
        expect(run.status).toBe(0);
        wellFormed(run.stdout);
        // By name: `a` is in both; `b` only today, `c` only tomorrow.
        expect([...run.stdout.matchAll(/<g class="journey-emotion-baseline-point" data-touchpoint="([^"]*)"/g)].map(m => m[1])).toEqual(['tp:tomorrow:a']);
        expect(run.stdout).toContain('<title>Current state: −2 (Let down)</title>');
        expect(run.stdout).toContain('>current state</text>');
        const without = await journeyInProcess(['render', 'maps/tomorrow.journey', '--today', '2026-11-23', '--no-current-state'], ws.root);
        expect(without.status).toBe(0);
        expect(without.stdout).not.toContain('<g class="journey-emotion-baseline-point"');
        expect(without.stdout).not.toContain('>current state</text>');
        // Its own curve is drawn all the same.
        const ownPoints = (svg: string) => [...svg.matchAll(/<g class="journey-emotion[^"]*" data-id="([^"]*)"/g)].map(m => m[1]);
        expect(ownPoints(without.stdout)).toEqual(['emotion:tomorrow:a', 'emotion:tomorrow:c']);
        expect(ownPoints(run.stdout)).toEqual(ownPoints(without.stdout));
        // A current state draws no baseline of its own.
        const today = await journeyInProcess(['render', 'maps/today.journey', '--today', '2026-11-23'], ws.root);
        expect(today.stdout).not.toContain('<g class="journey-emotion-baseline-point"');
        const help = await journeyInProcess(['render', '--help'], ws.root);
        expect(help.stdout).toContain('--no-current-state');
    });

    it('prints the first journey as SVG, with names from the other files of the folder, and says there were several', async () => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS, 'maps/journeys.journey': TWO_JOURNEYS });
        const run = await journeyInProcess(['render', 'maps/journeys.journey', '--today', '2026-11-23'], ws.root);
        expect(run.status).toBe(0);
        expect(run.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        wellFormed(run.stdout);
        expect(run.stdout).toContain('data-id="journey:first"');
        expect(run.stdout).toContain('Personas: Olivia, Operations Manager');
        expect(run.stdout).toContain('Channel: Email (online)');
        expect(run.stdout).not.toContain('data-id="journey:second"');
        expect(run.stderr).toContain('2 journeys');
        expect(run.stderr).toContain('--journey');
    });

    it('picks a journey with --journey and writes HTML or SVG by the extension of -o', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'journeys.journey': TWO_JOURNEYS });
        const html = await journeyInProcess(['render', 'journeys.journey', '--journey', 'second', '-o', 'map.html', '--theme', 'dark'], ws.root);
        expect(html).toMatchObject({ status: 0, stdout: '', stderr: '' });
        const page = readFileSync(ws.path('map.html'), 'utf8');
        expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(page).toContain('Content-Security-Policy');
        expect(page).toContain('data-id="journey:second"');
        expect(page).toContain('data-theme="dark"');
        expect(page).not.toContain('<script');

        const svg = await journeyInProcess(['render', 'journeys.journey', '--journey', 'first', '--output', 'out/map.svg'], ws.root);
        expect(svg.status).toBe(2);
        expect(svg.stderr).toContain('cannot write out/map.svg');
        const written = await journeyInProcess(['render', 'journeys.journey', '--journey', 'first', '-o', 'map.svg'], ws.root);
        expect(written).toMatchObject({ status: 0, stdout: '', stderr: '' });
        wellFormed(readFileSync(ws.path('map.svg'), 'utf8'));
        expect(readFileSync(ws.path('map.svg'), 'utf8')).toBe((await journeyInProcess(['render', 'journeys.journey'], ws.root)).stdout);
    });

    it('exits 1 with the syntax errors on stderr and writes nothing when the file does not parse', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'broken.journey': 'journey broken "Broken" {\n    stage s "S" {\n        touchpoint t "T" {\n}\n' });
        const run = await journeyInProcess(['render', 'broken.journey', '-o', 'map.svg'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('broken.journey');
        expect(run.stderr).toMatch(/error .*syntax/);
        expect(run.stderr).toContain('nothing rendered');
        expect(existsSync(ws.path('map.svg'))).toBe(false);
    });

    it('exits 2 (usage) for an unknown journey and writes nothing', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'journeys.journey': TWO_JOURNEYS });
        const run = await journeyInProcess(['render', 'journeys.journey', '--journey', 'third', '-o', 'map.html'], ws.root);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('no journey `third`');
        expect(run.stderr).toContain('`first`, `second`');
        expect(existsSync(ws.path('map.html'))).toBe(false);
    });

    it('exits 2 on usage errors: missing file, bad theme, bad date, unknown output type', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'journeys.journey': TWO_JOURNEYS });
        expect(await journeyInProcess(['render', 'nope.journey'], ws.root)).toMatchObject({ status: 2, stdout: '' });
        expect((await journeyInProcess(['render', 'journeys.journey', '--theme', 'pink'], ws.root)).status).toBe(2);
        expect((await journeyInProcess(['render', 'journeys.journey', '--today', '2026-02-30'], ws.root)).status).toBe(2);
        const jpeg = await journeyInProcess(['render', 'journeys.journey', '-o', 'map.jpg'], ws.root);
        expect(jpeg.status).toBe(2);
        expect(jpeg.stderr).toContain('.svg, .html, .png or .pdf');
        expect((await journeyInProcess(['render'], ws.root)).status).toBe(2);
    });

    it('renders an example whose personas live in a sibling folder, from the repository root', async () => {
        const run = await journeyInProcess(['render', 'examples/brightspoke-cx/journeys/fleet-renewal.journey', '--today', '2026-11-23']);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('Dana');
        expect(run.stdout).toContain('data-id="tp:fleet_renewal:renewal_quote"');
        expect(run.stdout).toContain('data-id="flow:fleet_renewal:negotiation_call-&gt;comparison_request"');
        wellFormed(run.stdout);
    });
});
