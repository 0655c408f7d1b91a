#!/usr/bin/env node
// Bundles the static site's browser script (packages/site/client/site-client.ts, with the preview's
// pan and zoom) into packages/site/dist/site-client.js: one IIFE for the browser, which `journey build`
// writes as assets/site.js (or inline in a --single-file site). The CLI's bundle carries its text.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
    entryPoints: [`${root}packages/site/client/site-client.ts`],
    outfile: `${root}packages/site/dist/site-client.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
});
