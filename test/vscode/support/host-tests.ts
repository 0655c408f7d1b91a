import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleHostSuite } from './bundle-host-tests.mjs';
import { repoRoot, runToEnd } from './code-server.js';

/** Where the extension-host tests are built: inside the repository, so that `require('mocha')` finds it. */
export const hostTestsDir = join(repoRoot, '.tmp', 'vscode-host-tests');

/** Bundles test/vscode/host into hostTestsDir: index.cjs (the runner) and extension.suite.cjs (the tests). */
export async function bundleHostTests(): Promise<{ runner: string }> {
    return { runner: await bundleHostSuite(repoRoot, hostTestsDir) };
}

/** Packages the test payload extension (test/vscode/host/payload) as a .vsix. */
export async function packagePayload(): Promise<string> {
    const out = join(hostTestsDir, 'journey-host-tests.vsix');
    mkdirSync(hostTestsDir, { recursive: true });
    const result = await runToEnd('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository',
        '--skip-license', '--out', out], {
        cwd: join(repoRoot, 'test/vscode/host/payload'),
        env: { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false' },
    });
    if (result.status !== 0) {
        throw new Error(`packaging the test payload failed:\n${result.stdout}\n${result.stderr}`);
    }
    return out;
}
