// @journey-maps/cli as a team installs it: the tarball `npm pack` makes, installed offline into a
// folder that holds nothing of this repository, and every command run from there.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/journey-process.js';
import { LspTestClient } from '../support/lsp-client.js';
import { emptyProject, npm, packOnce, type PackResult } from '../support/packed-cli.js';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const rootManifest = readJson(path.join(repoRoot, 'package.json'));
const cliManifest = readJson(path.join(repoRoot, 'packages/cli/package.json'));

let scratch: string;
let packed: PackResult;
let project: string;
let installedBin: string;

beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'journey-package-'));
    packed = packOnce('packages/cli');
    project = emptyProject(path.join(scratch, 'cx-maps'));
    const install = npm(['install', '--offline', '--save-dev', packed.tarball], project);
    expect(install.status, install.stderr).toBe(0);
    installedBin = path.join(project, 'node_modules/@journey-maps/cli/bin/journey.cjs');
    cpSync(path.join(repoRoot, 'examples/spec'), path.join(project, 'maps'), { recursive: true });
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * `journey ARGS` in the team's folder through the link npm made in node_modules/.bin, which is what
 * `npx journey` runs (`viaNpx` goes through npx itself, a second slower).
 */
function npxJourney(args: readonly string[], { viaNpx = false } = {}) {
    const [command, prefix] = viaNpx ? ['npx', ['--no-install', 'journey']] : [path.join(project, 'node_modules/.bin/journey'), []];
    const result = spawnSync(command, [...prefix, ...args], {
        cwd: project, encoding: 'utf8', timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', npm_config_update_notifier: 'false' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed tarball', () => {
    it('holds the bundled CLI, its launcher, README and LICENSE, and nothing else (no sources, no source maps)', () => {
        expect(packed.files.map(file => file.path).sort()).toEqual([
            'LICENSE', 'README.md', 'bin/journey.cjs', 'dist/commands.cjs', 'dist/elk.cjs', 'dist/journey.cjs', 'dist/markdown-it.cjs',
            'dist/picture-assets/DejaVu-LICENSE.txt', 'dist/picture-assets/DejaVuSans-Bold.ttf', 'dist/picture-assets/DejaVuSans-Oblique.ttf',
            'dist/picture-assets/DejaVuSans.ttf', 'dist/picture-assets/resvg.wasm', 'dist/png-pdf.cjs',
            'package.json', 'schemas/journey-diff.schema.json',
        ]);
        expect(readFileSync(path.join(repoRoot, 'packages/cli/LICENSE'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'));
        // Small enough to install in a CI step without a second thought: PNG and PDF are two thirds of it
        // (resvg's WebAssembly 2.5 MB, three faces of the map font 2.1 MB, PDFKit and SVGO 2 MB).
        expect(packed.size).toBeLessThan(4_000_000);
        expect(packed.unpackedSize).toBeLessThan(11_000_000);
    });

    it('is the public package: named, versioned with the workspace, with a bin and no runtime dependency (all of it is bundled)', () => {
        expect(cliManifest).toMatchObject({ name: '@journey-maps/cli', version: rootManifest.version, license: 'MIT', bin: { journey: 'bin/journey.cjs' } });
        expect(cliManifest.private).toBeUndefined();
        expect(cliManifest.dependencies ?? {}).toEqual({});
        expect(cliManifest.repository).toMatchObject({ url: 'git+https://github.com/journey-maps/journey.git', directory: 'packages/cli' });
    });

    it('says in engines.node exactly the Node.js the bundled code needs, and its launcher refuses older ones with that number', () => {
        const range: string = cliManifest.engines.node;
        const bundled: string[] = readJson(path.join(repoRoot, 'packages/cli/dist/bundled-packages.json'));
        expect(bundled).toEqual(expect.arrayContaining(['node_modules/langium', 'node_modules/elkjs', 'node_modules/vscode-languageserver']));
        const floors = bundled.map(folder => readJson(path.join(repoRoot, folder, 'package.json')).engines?.node as string | undefined)
            .filter((engines): engines is string => engines !== undefined);
        // Every bundled package runs wherever we say the CLI runs …
        for (const engines of floors) {
            expect(semver.subset(range, engines), `${range} within ${engines}`).toBe(true);
        }
        // … and we ask for no more than the strictest of them.
        const strictest = floors.map(engines => semver.minVersion(engines)!.version).sort(semver.compare).at(-1);
        expect(semver.minVersion(range)!.version).toBe(strictest);
        const launcher = readFileSync(path.join(repoRoot, 'packages/cli/bin/journey.cjs'), 'utf8');
        const [, major, minor] = /var required = \[(\d+), (\d+)\]/.exec(launcher)!;
        expect(`${major}.${minor}.0`).toBe(strictest);
    });
});

describe('Node.js versions', () => {
    const lock = readJson(path.join(repoRoot, 'package-lock.json'));
    const range: string = rootManifest.engines.node;

    it('every dependency in the lockfile, dev ones included, supports every Node.js the project says it supports (npm ci warns of none)', () => {
        const unsupported = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
            .filter(([, entry]) => entry.engines?.node !== undefined && !semver.subset(range, entry.engines.node))
            .map(([folder, entry]) => `${folder}: ${entry.engines!.node}`);
        expect(unsupported).toEqual([]);
    });

    it('the workspace packages say what the root says, and the CLI runs on all of it', () => {
        for (const folder of ['packages/language', 'packages/preview', 'packages/interchange', 'packages/png-pdf', 'packages/markdown-it']) {
            expect(readJson(path.join(repoRoot, folder, 'package.json')).engines, folder).toEqual({ node: range });
        }
        expect(semver.subset(range, cliManifest.engines.node)).toBe(true);
        expect(semver.satisfies(process.versions.node, range)).toBe(true);
    });

    it('the internal packages stay private: the CLI and the extension bundle them', () => {
        for (const folder of ['packages/language', 'packages/preview', 'packages/interchange', 'packages/png-pdf', 'packages/markdown-it', 'packages/vscode']) {
            expect(readJson(path.join(repoRoot, folder, 'package.json')).private, folder).toBe(true);
        }
    });
});

describe('installed in a folder of its own', () => {
    it('installed offline as one package, and `journey --version` is the package\'s', () => {
        expect(readJson(path.join(project, 'node_modules/@journey-maps/cli/package.json')).version).toBe(cliManifest.version);
        expect(existsSync(path.join(project, 'node_modules/@journey-maps/cli/node_modules'))).toBe(false);
        const version = npxJourney(['--version'], { viaNpx: true });
        expect(version).toMatchObject({ status: 0, stdout: `${cliManifest.version}\n` });
    });

    it('lints, with exit codes for CI', () => {
        const clean = npxJourney(['lint', 'maps', '--today', '2026-11-01', '--format', 'json'], { viaNpx: true });
        expect(clean.status).toBe(0);
        const results = JSON.parse(clean.stdout) as Array<{ filePath: string; errorCount: number }>;
        expect(results.map(result => path.relative(project, result.filePath)).sort()).toEqual(['maps/renewal.journey', 'maps/shared.journey']);
        writeFileSync(path.join(project, 'broken.journey'), 'journey j "J" {\n    persona nobody\n}\n');
        const broken = npxJourney(['lint', '.', '--today', '2026-11-01']);
        rmSync(path.join(project, 'broken.journey'));
        expect(broken.status).toBe(1);
        expect(broken.stdout).toContain('unresolved-reference');
    });

    it('renders SVG, HTML, PNG and PDF, formats, exports and imports', () => {
        const svg = npxJourney(['render', 'maps/renewal.journey']);
        expect(svg.status, svg.stderr).toBe(0);
        expect(svg.stdout).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg.stdout).toContain('Olivia replaces her operations tool');
        expect(npxJourney(['render', 'maps/renewal.journey', '-o', 'map.html']).status).toBe(0);
        expect(readFileSync(path.join(project, 'map.html'), 'utf8')).toContain('Content-Security-Policy');
        // PNG and PDF find their fonts and WebAssembly in the installed package, offline.
        const png = npxJourney(['render', 'maps/renewal.journey', '-o', 'map.png', '--scale', '2']);
        expect(png.status, png.stderr).toBe(0);
        expect(readFileSync(path.join(project, 'map.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
        const pdf = npxJourney(['render', 'maps/renewal.journey', '-o', 'map.pdf', '--page', 'a4']);
        expect(pdf.status, pdf.stderr).toBe(0);
        const pdfText = readFileSync(path.join(project, 'map.pdf')).toString('latin1');
        expect(pdfText.startsWith('%PDF-1.7')).toBe(true);
        expect(pdfText).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);

        const check = npxJourney(['format', '--check', 'maps']);
        expect(check.status, check.stderr).toBe(0);

        const mermaid = npxJourney(['export', 'maps/renewal.journey', '--format', 'mermaid']);
        expect(mermaid.status).toBe(0);
        expect(mermaid.stdout).toMatch(/^journey\n\s+title Olivia replaces her operations tool\n/);
        writeFileSync(path.join(project, 'diagram.mmd'), mermaid.stdout);
        const imported = npxJourney(['import', 'diagram.mmd']);
        expect(imported.status, imported.stderr).toBe(0);
        expect(imported.stdout).toContain('journey ');
        const json = npxJourney(['export', 'maps/renewal.journey', '--format', 'json']);
        expect(JSON.parse(json.stdout).journeys[0].name).toBe('renewal');
        expect(npxJourney(['export', 'maps/renewal.journey', '--format', 'csv']).stdout.split('\n')[0]).toContain('Journey,Stage,Phase,Touchpoint');
    });

    it('gives docs sites the markdown-it plugin: @journey-maps/cli/markdown-it draws the journey blocks of a Markdown file', () => {
        writeFileSync(path.join(project, 'guide.md'), '# Guide\n\n```journey file=maps/renewal.journey journey=renewal\n```\n\nText.\n');
        // markdown-it is the docs site's own; here the repository's copy stands in for it.
        const script = `
            const { readFileSync } = require('node:fs');
            const markdownit = require(${JSON.stringify(path.join(repoRoot, 'node_modules/markdown-it'))});
            const { journeyMarkdownIt, drawMarkdownJourneys } = require('@journey-maps/cli/markdown-it');
            (async () => {
                const source = readFileSync('guide.md', 'utf8');
                const pictures = await drawMarkdownJourneys(source, 'guide.md');
                process.stdout.write(markdownit().use(journeyMarkdownIt, { pictures: () => pictures }).render(source));
            })();`;
        const run = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8', timeout: 60_000 });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain('<figure class="journey-map" data-journey="renewal">');
        expect(run.stdout).toContain('Olivia replaces her operations tool');
        expect(run.stdout).toContain('<p>Text.</p>');
        expect(run.stdout).not.toMatch(/<style|\sstyle=/);
    });

    it('lists the rules', () => {
        const rules = npxJourney(['rules', '--format', 'json']);
        expect(rules.status).toBe(0);
        expect((JSON.parse(rules.stdout) as Array<{ id: string }>).map(rule => rule.id)).toContain('unresolved-reference');
    });

    it('runs the language server on stdio for any editor', async () => {
        const client = new LspTestClient(['lsp', '--stdio'], installedBin, project);
        try {
            const initialized = await client.initialize(project);
            expect(initialized.capabilities.completionProvider?.triggerCharacters).toEqual(['.', ' ', '>']);
            expect(initialized.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, renameProvider: { prepareProvider: true } });
            const file = path.join(project, 'maps/renewal.journey');
            const uri = await client.open(file, readFileSync(file, 'utf8').replace('persona olivia', 'persona olivai'));
            const diagnostics = await client.diagnosticsFor(uri, found => found.some(d => d.code === 'unresolved-reference'));
            expect(diagnostics.find(d => d.code === 'unresolved-reference')!.message).toContain('olivia');
        } finally {
            expect(await client.shutdown()).toBe(0);
        }
    });

    it('never tells a user to build a repository they do not have', () => {
        const outputs = [npxJourney(['--help']), npxJourney(['lint', '--help']), npxJourney(['render', 'missing.journey'])];
        for (const output of outputs) {
            expect(output.stdout + output.stderr).not.toMatch(/npm run build|repository root|checkout/i);
        }
        // An installation that lost its bundle says to install again, not to build.
        const copy = path.join(scratch, 'incomplete/node_modules/@journey-maps/cli');
        cpSync(path.join(project, 'node_modules/@journey-maps/cli'), copy, { recursive: true });
        rmSync(path.join(copy, 'dist'), { recursive: true });
        const run = spawnSync(process.execPath, [path.join(copy, 'bin/journey.cjs'), '--version'], { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^journey: this installation is incomplete \(.*dist\/journey\.cjs is missing\): install @journey-maps\/cli again\.\n$/);
        // The commands and ELK ship beside the program: without one, a command would fail halfway, so nothing starts.
        for (const part of ['commands.cjs', 'elk.cjs']) {
            const without = path.join(scratch, `without-${part}/node_modules/@journey-maps/cli`);
            cpSync(path.join(project, 'node_modules/@journey-maps/cli'), without, { recursive: true });
            rmSync(path.join(without, 'dist', part));
            const render = spawnSync(process.execPath, [path.join(without, 'bin/journey.cjs'), 'render', 'missing.journey'], { encoding: 'utf8' });
            expect(render.status, part).toBe(2);
            expect(render.stderr).toMatch(new RegExp(`^journey: this installation is incomplete \\(.*dist/${part.replace('.', '\\.')} is missing\\): install @journey-maps/cli again\\.\n$`));
        }
    });
});
