import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExportedLayouts, parsePreviewState, parseWebviewMessage } from '../../packages/vscode/src/webview-messages.js';
import { repoRoot } from './support/code-server.js';

const ext = join(repoRoot, 'packages/vscode');
const manifest = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));

describe('the extension manifest', () => {
    it('has the root\'s version and the identity and engine the marketplace needs', () => {
        const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
        expect(manifest).toMatchObject({
            name: 'journey', publisher: 'journey-maps', version: root.version, license: 'MIT',
            engines: { vscode: '^1.100.0' }, main: './dist/extension.cjs', icon: 'media/icon.png',
        });
        const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
        expect(lock.packages['node_modules/@types/vscode'].version).toBe('1.100.0');
        expect(lock.packages['node_modules/vscode-languageclient'].version).toBe('9.0.1');
    });

    it('points only at files the build produces or the package holds', () => {
        const paths = [
            manifest.icon, manifest.main,
            ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
            ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
            ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
        ];
        expect(paths.filter(path => !existsSync(join(ext, path)))).toEqual([]);
    });

    it('declares every command it registers, with the preview in the editor title and context menus', () => {
        const source = readFileSync(join(ext, 'src/extension.ts'), 'utf8');
        const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
        const registered = [...source.matchAll(/register\('([\w.]+)'/g)].map(m => m[1]);
        expect(declared).toEqual(expect.arrayContaining(registered));
        expect(declared).toEqual(expect.arrayContaining(['journey.export.svg', 'journey.export.png', 'journey.export.pdf', 'journey.export.html']));
        expect(manifest.contributes.menus['editor/title']).toContainEqual(expect.objectContaining({ command: 'journey.preview.openToSide', group: 'navigation' }));
        expect(manifest.contributes.menus['editor/context']).toContainEqual(expect.objectContaining({ command: 'journey.preview.openToSide' }));
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:journey', 'onWebviewPanel:journey.preview']));
    });

    it('offers Mermaid import anywhere and Mermaid, JSON and CSV export for journey editors only', () => {
        const titles = Object.fromEntries(manifest.contributes.commands
            .filter((c: { category: string }) => c.category === 'Journey')
            .map((c: { command: string; title: string }) => [c.command, c.title]));
        expect(titles).toMatchObject({
            'journey.import.mermaid': 'Import Mermaid Diagram or JSON Export\u2026',
            'journey.export.mermaid': 'Export as Mermaid\u2026',
            'journey.export.json': 'Export as JSON\u2026',
            'journey.export.csv': 'Export as CSV\u2026',
        });
        const source = readFileSync(join(ext, 'src/extension.ts'), 'utf8');
        for (const command of Object.keys(titles).filter(c => /^journey\.(import\.mermaid|export\.(mermaid|json|csv))$/.test(c))) {
            expect(source, `${command} is registered`).toContain(`register('${command}'`);
        }
        const palette = manifest.contributes.menus.commandPalette as Array<{ command: string; when?: string }>;
        const title = manifest.contributes.menus['editor/title'] as Array<{ command: string; when?: string; group?: string }>;
        for (const format of ['mermaid', 'json', 'csv']) {
            const command = `journey.export.${format}`;
            expect(palette.find(entry => entry.command === command)?.when).toBe('editorLangId == journey');
            const entry = title.find(e => e.command === command);
            expect(entry?.when).toMatch(/^editorLangId == journey\b/);
            // In the "..." menu, not among the title bar's icons.
            expect(entry?.group).not.toMatch(/^navigation/);
        }
        expect(palette.find(entry => entry.command === 'journey.import.mermaid')).toBeUndefined();
        // @journey/interchange is bundled into dist/extension.cjs, without Langium.
        expect(manifest.dependencies['@journey/interchange']).toBe('0.1.0');
        const bundle = readFileSync(join(ext, 'dist/extension.cjs'), 'utf8');
        expect(bundle).toContain('journey-export.schema.json');
        expect(bundle).not.toMatch(/langium/i);
    });

    it('ships the CLI that "Compare with…" runs and that draws PNG and PDF exports: the same bundles as the published package\'s', () => {
        const assets = ['DejaVu-LICENSE.txt', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans.ttf', 'resvg.wasm'].map(file => `picture-assets/${file}`);
        for (const file of ['journey.cjs', 'commands.cjs', 'elk.cjs', 'png-pdf.cjs', ...assets]) {
            expect(readFileSync(join(ext, 'dist/cli', file)).equals(readFileSync(join(ext, '../cli/dist', file))), file).toBe(true);
        }
        const run = spawnSync(process.execPath, [join(ext, 'dist/cli/journey.cjs'), 'diff', '--help'], { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain('--merge-base');
    });

    it('packages only the bundles and the files the manifest names (vsce ls)', () => {
        const result = spawnSync('npx', ['--no-install', 'vsce', 'ls', '--no-dependencies'], {
            cwd: ext, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' },
        });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout.trim().split('\n').sort()).toEqual([
            'CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli/commands.cjs', 'dist/cli/elk.cjs', 'dist/cli/journey.cjs',
            'dist/cli/picture-assets/DejaVu-LICENSE.txt', 'dist/cli/picture-assets/DejaVuSans-Bold.ttf', 'dist/cli/picture-assets/DejaVuSans-Oblique.ttf',
            'dist/cli/picture-assets/DejaVuSans.ttf', 'dist/cli/picture-assets/resvg.wasm', 'dist/cli/png-pdf.cjs',
            'dist/extension.cjs', 'dist/server.cjs', 'language-configuration.json', 'media/elk-worker.js', 'media/icon.png', 'media/markdown-journey.css', 'media/preview-dark.svg', 'media/preview-light.svg', 'media/preview.css', 'media/preview.js',
            'package.json', 'schemas/journey.config.schema.json', 'syntaxes/journey.tmLanguage.json',
        ]);
    }, 60_000);
});

describe('messages from the preview webview', () => {
    it('are accepted only in their exact shapes', () => {
        expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
        const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } };
        expect(parseWebviewMessage({ type: 'reveal', range })).toEqual({ type: 'reveal', range });
        expect(parseWebviewMessage({ type: 'exported', requestId: 1, format: 'png', data: 'iVBOR' }))
            .toEqual({ type: 'exported', requestId: 1, format: 'png', data: 'iVBOR' });
        expect(parseWebviewMessage({ type: 'exportRequest', format: 'pdf' })).toEqual({ type: 'exportRequest', format: 'pdf' });
    });

    it('hand over the layouts of a PNG or PDF export only with a theme and maps of a size', () => {
        const map = { name: 'renewal', title: 'Renewal', width: 800, height: 600, stages: [] };
        expect(parseExportedLayouts(JSON.stringify({ theme: 'dark', layouts: [map] }))).toEqual({ theme: 'dark', layouts: [map] });
        for (const bad of [
            'not json', '[]', JSON.stringify({ theme: 'dark', layouts: [] }), JSON.stringify({ theme: 'auto', layouts: [map] }),
            JSON.stringify({ theme: 'light', layouts: [{ ...map, width: -1 }] }), JSON.stringify({ theme: 'light', layouts: [{ ...map, height: 1e9 }] }),
            JSON.stringify({ theme: 'light', layouts: [{ ...map, name: 3 }] }), JSON.stringify({ theme: 'light', layouts: [map], script: 'x' }),
        ]) {
            expect(parseExportedLayouts(bad), bad).toBeUndefined();
        }
    });

    it('are dropped when anything is off: unknown types, extra keys, wrong types, negative or fractional positions', () => {
        const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } };
        for (const bad of [
            undefined, null, 'ready', [], {}, { type: 'command', command: 'workbench.action.terminal.new' },
            { type: 'ready', extra: 1 },
            { type: 'reveal' }, { type: 'reveal', range: { ...range, uri: 'file:///etc/passwd' } },
            { type: 'reveal', range: { start: { line: -1, character: 0 }, end: range.end } },
            { type: 'reveal', range: { start: { line: 1.5, character: 0 }, end: range.end } },
            { type: 'reveal', range: { start: { line: '1', character: 0 }, end: range.end } },
            { type: 'exported', requestId: 1, format: 'exe', data: '' },
            { type: 'exported', requestId: 1, format: 'svg', data: 42 },
            { type: 'exportRequest', format: 'exe' }, { type: 'exportRequest', format: 'png', target: '/etc/passwd' },
            { type: 'error', message: 'x'.repeat(100_000) },
        ]) {
            expect(parseWebviewMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
        }
    });

    it('restore state only with a URI; numbers fall back to defaults', () => {
        expect(parsePreviewState({ uri: 'file:///a.journey', zoom: 2, scrollX: 'x' })).toEqual({ uri: 'file:///a.journey', zoom: 2, scrollX: 0, scrollY: 0 });
        expect(parsePreviewState({ zoom: 2 })).toBeUndefined();
        expect(parsePreviewState(undefined)).toBeUndefined();
    });
});
