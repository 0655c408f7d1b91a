#!/usr/bin/env node
// Builds the VS Code extension in packages/vscode from the workspace's packages:
//   dist/extension.cjs  the extension (CommonJS: VS Code requires it; `vscode` stays external)
//   dist/server.cjs     the language server (@journey/language, Langium is ESM-only: bundled to CommonJS)
//   media/preview.js    the preview webview's script (browser IIFE with @journey/preview and ELK)
//   media/elk-worker.js ELK's own worker script, which the preview lays out in (copied from elkjs)
//   dist/cli/           the journey CLI's bundles (scripts/bundle.mjs runs first), which
//                       "Journey: Compare with …" runs as `journey diff --format html`, and whose
//                       png-pdf.cjs (with picture-assets/) draws the preview's PNG and PDF exports
// and copies in what the manifest points to from the top level: the TextMate grammar, the
// journey.config.json schema and the LICENSE. The extension's version is the root's.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PICTURE_ASSET_FILES, PICTURE_ASSETS_FOLDER } from '../packages/png-pdf/out/assets.js';
import { requiredBeside } from './esbuild-plugins.mjs';
import { rawText } from './raw-text-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ext = `${root}packages/vscode/`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

const manifestPath = `${ext}package.json`;
const manifestText = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(manifestText);
if (manifest.version !== version) {
    manifest.version = version;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`packages/vscode/package.json: version set to the root's, ${version}`);
}

for (const [from, to] of [
    ['syntaxes/journey.tmLanguage.json', 'syntaxes/journey.tmLanguage.json'],
    ['schemas/journey.config.schema.json', 'schemas/journey.config.schema.json'],
    ['LICENSE', 'LICENSE'],
    ['node_modules/elkjs/lib/elk-worker.min.js', 'media/elk-worker.js'],
    ['packages/cli/dist/journey.cjs', 'dist/cli/journey.cjs'],
    ['packages/cli/dist/commands.cjs', 'dist/cli/commands.cjs'],
    ['packages/cli/dist/elk.cjs', 'dist/cli/elk.cjs'],
    ['packages/cli/dist/png-pdf.cjs', 'dist/cli/png-pdf.cjs'],
    ...Object.values(PICTURE_ASSET_FILES).map(file => [`packages/cli/dist/${PICTURE_ASSETS_FOLDER}/${file.name}`, `dist/cli/${PICTURE_ASSETS_FOLDER}/${file.name}`]),
]) {
    mkdirSync(`${ext}${to}`.replace(/[^/]+$/, ''), { recursive: true });
    copyFileSync(`${root}${from}`, `${ext}${to}`);
}

const common = {
    bundle: true,
    // Prefer ES modules: some packages' CommonJS entry is a UMD wrapper that esbuild cannot follow (jsonc-parser).
    mainFields: ['module', 'main'],
    sourcemap: 'linked',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
};

await Promise.all([
    build({
        ...common,
        entryPoints: [`${ext}src/extension.ts`],
        outfile: `${ext}dist/extension.cjs`,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        // PNG and PDF are drawn by the CLI's own bundle, loaded when first asked for.
        plugins: [rawText, requiredBeside(/^@journey\/png-pdf$/, './cli/png-pdf.cjs')],
    }),
    build({
        ...common,
        entryPoints: [`${ext}src/server.ts`],
        outfile: `${ext}dist/server.cjs`,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        // Some dependencies are ESM that ask for `import.meta.url`; in CommonJS that is this file's URL.
        banner: { js: "const __journeyImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
        define: { JOURNEY_VERSION: JSON.stringify(version), 'import.meta.url': '__journeyImportMetaUrl' },
    }),
    build({
        ...common,
        entryPoints: [`${ext}webview/preview.ts`],
        outfile: `${ext}media/preview.js`,
        platform: 'browser',
        format: 'iife',
        target: 'chrome120',
    }),
]);
