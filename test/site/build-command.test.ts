import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { repoRoot, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();
const TODAY = '2026-12-01';

/** Every file of a folder, relative path → text. */
function readTree(folder: string): Map<string, string> {
    const files = new Map<string, string>();
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) {
            const file = path.join(entry.parentPath, entry.name);
            files.set(path.relative(folder, file).split(path.sep).join('/'), readFileSync(file, 'utf8'));
        }
    }
    return files;
}

const examples = path.join(repoRoot, 'examples');

describe('journey build', () => {
    it('writes an index, a page per journey and per persona, the reports and the assets', async () => {
        const out = workspace().path('site');
        const run = await journeyInProcess(['build', examples, '-o', out, '--today', TODAY]);
        expect(run.stderr).toMatch(/^journey: built .*index\.html: 5 journeys, 6 personas, \d+ files\.\n$/);
        expect(run.status).toBe(0);
        const files = [...readTree(out).keys()];
        expect(files).toEqual(expect.arrayContaining([
            'index.html', 'assets/site.css', 'assets/site.js', 'personas/index.html', 'reports/index.html',
            'journeys/fleet_renewal.html', 'journeys/fleet_renewal_future.html', 'journeys/renewal.html', 'personas/olivia.html', 'personas/dana.html',
        ]));
        const journey = readFileSync(path.join(out, 'journeys/fleet_renewal.html'), 'utf8');
        expect(journey).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="journey"');
        // The future state links back to its current state, and the current state to its future.
        expect(readFileSync(path.join(out, 'journeys/fleet_renewal_future.html'), 'utf8')).toContain('href="fleet_renewal.html"');
        expect(journey).toContain('href="fleet_renewal_future.html"');
    });

    it('gives the same bytes for the same input, and only relative links to files of the site', async () => {
        const first = workspace().path('a');
        const second = workspace().path('b');
        expect((await journeyInProcess(['build', examples, '-o', first, '--today', TODAY])).status).toBe(0);
        expect((await journeyInProcess(['build', examples, '-o', second, '--today', TODAY])).status).toBe(0);
        const a = readTree(first);
        const b = readTree(second);
        expect([...b.keys()]).toEqual([...a.keys()]);
        for (const [file, text] of a) {
            expect(b.get(file), file).toBe(text);
        }
        for (const [file, text] of a) {
            if (!file.endsWith('.html')) {
                continue;
            }
            const targets = [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map(match => match[1].replace(/&amp;/g, '&'));
            for (const target of targets) {
                expect(target, `${file}: ${target}`).not.toMatch(/^(?:[a-z]+:|\/)/i);
                const [where] = target.split('#');
                if (where !== '') {
                    expect(a.has(path.posix.normalize(path.posix.join(path.posix.dirname(file), where))), `${file} links to ${target}`).toBe(true);
                }
            }
        }
    });

    it('allows scripts and styles by a nonce only, the same one on every element', async () => {
        const out = workspace().path('site');
        await journeyInProcess(['build', examples, '-o', out, '--today', TODAY]);
        for (const [file, text] of readTree(out)) {
            if (!file.endsWith('.html')) {
                continue;
            }
            const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1];
            expect(csp, file).toMatch(/^default-src 'none'; script-src 'nonce-([A-Za-z0-9+/=]+)'; style-src 'nonce-\1'; img-src data:; base-uri 'none'; form-action 'none'$/);
            const nonce = /'nonce-([^']+)'/.exec(csp!)![1];
            const elements = [...text.matchAll(/<(script|style|link)\b[^>]*>/g)].map(match => match[0]);
            expect(elements.length, file).toBeGreaterThan(0);
            for (const element of elements) {
                expect(element, file).toContain(`nonce="${nonce}"`);
            }
            expect(text, file).not.toMatch(/\sstyle="|\son[a-z]+="/);
        }
    });

    it('escapes every text of the maps', async () => {
        const files = workspace({
            'maps/evil.journey': `persona evil "<img src=x onerror=alert(1)>" {
    need know "<script>alert('need')</script>" importance 5
}
team ops "Ops & <b>co</b>"
journey hack "</title><script>alert(1)</script>" {
    persona evil
    owner ops
    stage s "\\"><svg onload=alert(1)>" {
        touchpoint t "<iframe src=javascript:alert(1)>" {
            emotion -2 "<u>sad</u>"
            serves evil.know
        }
        pain p "<script>pain()</script>" at t severity 4
        opportunity o "</td><script>x()</script>" for p
    }
    unknown "<script>unknown()</script>"
}
`,
        });
        const out = files.path('site');
        const run = await journeyInProcess(['build', files.path('maps'), '-o', out, '--today', TODAY]);
        expect(run.status).toBe(0);
        for (const [file, text] of readTree(out)) {
            if (file.endsWith('.html')) {
                expect(text, file).not.toMatch(/<script>alert|<img src=x|<iframe|<svg onload|<u>sad|<b>co|<script>pain|<script>x\(|<script>unknown/);
            }
        }
        expect(readFileSync(path.join(out, 'journeys/hack.html'), 'utf8')).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('writes one self-contained file with --single-file', async () => {
        const out = workspace().path('one');
        const run = await journeyInProcess(['build', examples, '-o', out, '--single-file', '--today', TODAY]);
        expect(run.status).toBe(0);
        expect([...readTree(out).keys()].filter(file => !file.startsWith('.'))).toEqual(['index.html']);
        const text = readFileSync(path.join(out, 'index.html'), 'utf8');
        expect(text).toContain('data-page="journeys/fleet_renewal.html"');
        expect(text).toContain('href="#page=journeys%2Ffleet_renewal.html"');
        expect(text).not.toMatch(/\s(?:href|src)="(?!#)/);
    });

    it('writes --single-file to a file of its own name, and never over a file it did not write', async () => {
        const files = workspace({ 'maps/a.journey': 'journey first "First" {\n    stage s "S" {\n        touchpoint t "T"\n    }\n}\n', 'notes.html': '<p>mine</p>' });
        const out = files.path('out/maps.html');
        const run = await journeyInProcess(['build', files.path('maps'), '--single-file', '-o', out]);
        expect(run.stderr).toMatch(/^journey: built .*out\/maps\.html: 1 journey, 0 personas, 1 file \(single file\)\.\n$/);
        expect(run.status).toBe(0);
        expect(readFileSync(out, 'utf8')).toContain('data-page="journeys/first.html"');
        // Its own file again: fine. Somebody else's: refused, and left as it was.
        expect((await journeyInProcess(['build', files.path('maps'), '--single-file', '-o', out])).status).toBe(0);
        const theirs = await journeyInProcess(['build', files.path('maps'), '--single-file', '-o', files.path('notes.html')]);
        expect(theirs.status).toBe(2);
        expect(theirs.stderr).toContain('exists and was not written by journey build');
        expect(readFileSync(files.path('notes.html'), 'utf8')).toBe('<p>mine</p>');
    });

    it('refuses a folder that holds other files, a file, or the maps themselves, and writes nothing', async () => {
        const files = workspace({ 'maps/a.journey': 'team ops "Ops"\n', 'mine/notes.txt': 'keep me', 'file.txt': 'x' });
        const notEmpty = await journeyInProcess(['build', files.path('maps'), '-o', files.path('mine')]);
        expect(notEmpty.status).toBe(2);
        expect(notEmpty.stderr).toContain('is not empty and was not written by journey build');
        expect(readdirSync(files.path('mine'))).toEqual(['notes.txt']);
        const aFile = await journeyInProcess(['build', files.path('maps'), '-o', files.path('file.txt')]);
        expect(aFile.status).toBe(2);
        expect(aFile.stderr).toContain('is a file, not a folder');
        const inputs = await journeyInProcess(['build', files.path('maps'), '-o', files.path('.')]);
        expect(inputs.status).toBe(2);
        expect(inputs.stderr).toContain('one of the maps being built');
        expect(readFileSync(files.path('file.txt'), 'utf8')).toBe('x');
    });

    it('rebuilds into its own folder, removing the pages of journeys that are gone', async () => {
        const files = workspace({
            'maps/a.journey': 'journey first "First" {\n    stage s "S" {\n        touchpoint t "T"\n    }\n}\n',
            'maps/b.journey': 'journey second "Second" {\n    stage s "S" {\n        touchpoint t "T"\n    }\n}\n',
        });
        const out = files.path('site');
        expect((await journeyInProcess(['build', files.path('maps'), '-o', out])).status).toBe(0);
        expect(existsSync(path.join(out, 'journeys/second.html'))).toBe(true);
        writeFileSync(files.path('maps/b.journey'), 'team ops "Ops"\n');
        expect((await journeyInProcess(['build', files.path('maps'), '-o', out])).status).toBe(0);
        expect(existsSync(path.join(out, 'journeys/second.html'))).toBe(false);
        expect(existsSync(path.join(out, 'journeys/first.html'))).toBe(true);
    });

    it('writes the site of files that do not parse, says which, and exits 1', async () => {
        const files = workspace({
            'maps/a.journey': 'journey first "First" {\n    stage s "S" {\n        touchpoint t "T" {\n            emotion\n        }\n    }\n}\n',
        });
        const out = files.path('site');
        const run = await journeyInProcess(['build', files.path('maps'), '-o', out]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('1 file does not parse (a.journey)');
        const index = readFileSync(path.join(out, 'index.html'), 'utf8');
        expect(index).toContain('Files that do not parse');
        expect(readFileSync(path.join(out, 'journeys/first.html'), 'utf8')).toContain('class="overlay-errors"');
    });
});
