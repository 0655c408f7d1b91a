#!/usr/bin/env node
// `npm run test:electron`: the extension-host suite (test/vscode/host) in desktop VS Code, through
// @vscode/test-electron 2.5.2, for machines that have VS Code installed. It never downloads VS Code
// (this project's machines cannot): set VSCODE_EXECUTABLE to the `code` binary (1.100 or later).
// Without it the run is SKIPPED and says so; `npm test` covers the same suite inside code-server.
// Build first (npm run build): the extension runs from packages/vscode as an extension in development.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleHostSuite } from '../support/bundle-host-tests.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
    console.log('test:electron: SKIPPED: VSCODE_EXECUTABLE is not set. Point it at a desktop VS Code 1.100+ binary to run the extension-host');
    console.log('tests in Electron (@vscode/test-electron cannot download VS Code here). npm test runs the same suite inside code-server.');
    process.exit(0);
}
if (!existsSync(executable)) {
    console.error(`test:electron: VSCODE_EXECUTABLE=${executable} does not exist.`);
    process.exit(2);
}
if (!existsSync(join(root, 'packages/vscode/dist/extension.cjs'))) {
    console.error('test:electron: packages/vscode is not built; run npm run build first.');
    process.exit(2);
}

const out = join(root, '.tmp', 'vscode-host-tests');
await bundleHostSuite(root, out);

const { runTests } = await import('@vscode/test-electron');
const scratch = mkdtempSync(join(tmpdir(), 'journey-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'examples'), workspace, { recursive: true });
try {
    await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: join(root, 'packages/vscode'),
        extensionTestsPath: join(out, 'index.cjs'),
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
            `--user-data-dir=${join(scratch, 'user-data')}`],
    });
    console.log('test:electron: the extension-host tests passed in desktop VS Code.');
} catch (error) {
    console.error(`test:electron: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
} finally {
    rmSync(scratch, { recursive: true, force: true });
}
