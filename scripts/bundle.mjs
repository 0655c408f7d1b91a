#!/usr/bin/env node
// Bundles the CLI (which also carries the language server: `journey lsp`) into one CommonJS file.
// One file starts fast and is what the VS Code extension ships as its server.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

await build({
    entryPoints: [`${root}packages/cli/src/main.ts`],
    outfile: `${root}packages/cli/dist/journey.cjs`,
    bundle: true,
    // Prefer ES modules: some packages' CommonJS entry is a UMD wrapper that esbuild cannot follow (jsonc-parser).
    mainFields: ['module', 'main'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    minifySyntax: true,
    legalComments: 'none',
    // Some dependencies are ESM that ask for `import.meta.url`; in CommonJS that is this file's URL.
    banner: { js: "const __journeyImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { JOURNEY_VERSION: JSON.stringify(version), 'import.meta.url': '__journeyImportMetaUrl' },
    logLevel: 'warning',
});
