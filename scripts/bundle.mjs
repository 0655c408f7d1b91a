#!/usr/bin/env node
// Bundles the CLI (which also carries the language server: `journey lsp`) into CommonJS files that load
// only what a run needs, so that no start pays to compile code it does not run:
//   dist/journey.cjs   the program: its options, help and version (commander);
//   dist/commands.cjs  the commands and the language, loaded when a command runs;
//   dist/elk.cjs       ELK (more than half of the code), loaded when a map is drawn;
//   dist/png-pdf.cjs   PNG and PDF drawing, loaded when one is asked for (fonts and WebAssembly in dist/picture-assets/);
//   dist/markdown-it.cjs  the markdown-it plugin for docs sites (`@journey-maps/cli/markdown-it`).
// That is what @journey-maps/cli ships (with bin/journey.cjs, README.md and the LICENSE copied in from
// the top level). Source maps only when asked for: JOURNEY_SOURCEMAP=1.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonRequiresInlined, noWoff2, requiredBeside } from './esbuild-plugins.mjs';
import { copyPictureAssets } from './picture-assets.mjs';
import { rawText } from './raw-text-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const cli = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'));
if (cli.version !== version) {
    console.error(`bundle: packages/cli/package.json says ${cli.version}, the workspace ${version}; make them one version.`);
    process.exit(1);
}
const sourcemap = Boolean(process.env.JOURNEY_SOURCEMAP);
copyFileSync(`${root}LICENSE`, `${root}packages/cli/LICENSE`);
// The schema of `journey diff --format json` ships with the CLI (the JSON's $schema names its home).
mkdirSync(`${root}packages/cli/schemas`, { recursive: true });
copyFileSync(`${root}schemas/journey-diff.schema.json`, `${root}packages/cli/schemas/journey-diff.schema.json`);
for (const file of ['journey.cjs.map', 'commands.cjs.map']) {
    rmSync(`${root}packages/cli/dist/${file}`, { force: true });
}

const ELK = 'elkjs/lib/elk.bundled.js';
/** The preview imports ELK when it first lays out; in the CLI that import is `require('./elk.cjs')`. */
const elkBeside = {
    name: 'elk-beside-the-bundle',
    setup(build) {
        build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './elk.cjs', external: true }));
    },
};
/**
 * The program loads the commands with `import('./commands/index.js')`: in the bundle, a `require` of
 * ./commands.cjs when the first command runs. (An `import()` of it would make Node read the whole file
 * once more to find its exports: 180 ms.)
 */
const commandsBeside = requiredBeside(/^\.\/commands\/index\.js$/, './commands.cjs');
/**
 * PNG and PDF (PDFKit, svg-to-pdfkit, resvg) are a bundle of their own, dist/png-pdf.cjs, required when
 * a picture is first drawn; their fonts and resvg's WebAssembly go to dist/picture-assets/.
 */
const picturesBeside = requiredBeside(/^@journey\/png-pdf$/, './png-pdf.cjs');
mkdirSync(`${root}packages/cli/dist`, { recursive: true });
copyPictureAssets(`${root}packages/cli/dist`);
copyFileSync(`${root}node_modules/${ELK}`, `${root}packages/cli/dist/elk.cjs`);

const bundle = (entry, outfile, plugins) => build({
    entryPoints: [entry.startsWith('/') ? entry : `${root}packages/cli/src/${entry}`],
    outfile: `${root}packages/cli/dist/${outfile}`,
    bundle: true,
    // Prefer ES modules: some packages' CommonJS entry is a UMD wrapper that esbuild cannot follow (jsonc-parser).
    mainFields: ['module', 'main'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: sourcemap ? 'linked' : false,
    // Whitespace and syntax only: names stay, so a stack trace still reads.
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    // Some dependencies are ESM that ask for `import.meta.url`; in CommonJS that is this file's URL.
    banner: { js: "const __journeyImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { JOURNEY_VERSION: JSON.stringify(version), 'import.meta.url': '__journeyImportMetaUrl' },
    plugins,
    metafile: true,
    logLevel: 'warning',
});
const builds = await Promise.all([
    bundle('main.ts', 'journey.cjs', [commandsBeside]),
    bundle('markdown-it.ts', 'markdown-it.cjs', [commandsBeside]),
    bundle('commands/index.ts', 'commands.cjs', [elkBeside, picturesBeside, rawText]),
    bundle(`${root}packages/png-pdf/src/index.ts`, 'png-pdf.cjs', [jsonRequiresInlined, noWoff2]),
]);
// The folders of the packages the bundle carries (a build record, not shipped): the package test checks engines.node against theirs.
const packageOf = input => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? [];
const bundled = [...new Set([...builds.flatMap(({ metafile }) => Object.keys(metafile.inputs)), `node_modules/${ELK}`].flatMap(packageOf))].sort();
writeFileSync(`${root}packages/cli/dist/bundled-packages.json`, `${JSON.stringify(bundled, null, 2)}\n`);
