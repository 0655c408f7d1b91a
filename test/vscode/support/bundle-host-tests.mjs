// Bundles the extension-host mocha suite (test/vscode/host) for VS Code to load: index.cjs (the runner)
// and extension.suite.cjs (the tests). Plain .mjs so that the desktop runner (test/vscode/electron/run.mjs,
// run by node without a build step) and the code-server tests share it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Writes the bundle into `outdir` and returns the runner's path. */
export async function bundleHostSuite(repoRoot, outdir) {
    mkdirSync(outdir, { recursive: true });
    await build({
        entryPoints: {
            index: join(repoRoot, 'test/vscode/host/index.ts'),
            'extension.suite': join(repoRoot, 'test/vscode/host/extension.suite.ts'),
        },
        outdir,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha'],
        logLevel: 'warning',
    });
    return join(outdir, 'index.cjs');
}
