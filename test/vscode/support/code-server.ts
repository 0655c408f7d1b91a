import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real VS Code for the tests: code-server 4.100.3 (VS Code 1.100.3 in a browser) with the freshly
 * packaged extension installed, on a scratch workspace, user data and extensions folder of its own.
 * `scripts/install-test-deps.sh` installs code-server and chromium (`npm test` runs it first).
 */

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const CODE_SERVER_VERSION = '4.100.3';
const cacheDir = process.env.JOURNEY_TEST_CACHE ?? join(homedir(), '.cache', 'journey-test');
export const codeServerBin = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.JOURNEY_TEST_CHROMIUM ?? '/usr/bin/chromium';

/** Why the real-editor tests cannot run here, or undefined when they can. */
export function missingTools(): string | undefined {
    const missing = [
        existsSync(codeServerBin) ? undefined : `code-server ${CODE_SERVER_VERSION} (${codeServerBin})`,
        existsSync(chromiumPath) ? undefined : `chromium (${chromiumPath})`,
    ].filter(Boolean);
    return missing.length > 0 ? `missing ${missing.join(' and ')}: run scripts/install-test-deps.sh` : undefined;
}

/** No gallery: nothing is looked up or downloaded, extensions come only from our .vsix files. */
const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' };

/**
 * A process run to its end, asynchronously: what takes seconds (packaging, installing an extension)
 * can then go on at the same time as other such work.
 */
export function runToEnd(command: string, args: readonly string[], options: SpawnOptions & { timeout?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', chunk => { stdout += String(chunk); });
        child.stderr!.on('data', chunk => { stderr += String(chunk); });
        const timer = options.timeout ? setTimeout(() => child.kill('SIGKILL'), options.timeout) : undefined;
        child.on('error', reject);
        child.on('close', status => {
            clearTimeout(timer);
            resolve({ status, stdout, stderr });
        });
    });
}

/** Packages the extension as it is built now; returns the .vsix path. */
export async function packageVsix(): Promise<string> {
    const result = await runToEnd(process.execPath, [join(repoRoot, 'scripts/package-vsix.mjs')], { cwd: repoRoot });
    if (result.status !== 0) {
        throw new Error(`npm run package:vsix failed:\n${result.stdout}\n${result.stderr}`);
    }
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages/vscode/package.json'), 'utf8')) as { version: string };
    return join(repoRoot, 'packages/vscode', `journey-${version}.vsix`);
}

export interface CodeServer {
    url: string;
    /** The scratch workspace folder (a copy of `examples/` unless told otherwise). */
    workspace: string;
    userDataDir: string;
    logs(): string;
    stop(): Promise<void>;
}

export interface CodeServerOptions {
    vsixFiles: string[];
    /** Files copied into the workspace: folder → destination inside it. */
    copy?: Array<[from: string, to: string]>;
    settings?: Record<string, unknown>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
    const base = mkdtempSync(join(tmpdir(), 'journey-vscode-'));
    const workspace = join(base, 'workspace');
    const userDataDir = join(base, 'user-data');
    const extensionsDir = join(base, 'extensions');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    for (const [from, to] of options.copy ?? [[join(repoRoot, 'examples'), '.']]) {
        cpSync(from, join(workspace, to), { recursive: true });
    }
    // No walkthrough, no trust dialog (both steal focus from Quick Open), nothing restored from an older run.
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'files.simpleDialog.enable': true,
        'window.dialogStyle': 'custom',
        'editor.minimap.enabled': false,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'workbench.editor.enablePreview': false,
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        // VS Code for the web (so code-server) saves after 1 s by default; a test of unsaved text then
        // passes or fails with the machine's speed.
        'files.autoSave': 'off',
        ...options.settings,
    }, null, 2));
    const config = join(base, 'config.yaml');
    writeFileSync(config, 'auth: none\ncert: false\n');

    // All the .vsix files in one command (`--install-extension` may be given more than once).
    const install = await runToEnd(codeServerBin, ['--config', config, ...options.vsixFiles.flatMap(vsix => ['--install-extension', vsix]), '--force',
        '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, timeout: 120_000 });
    if (install.status !== 0) {
        throw new Error(`installing ${options.vsixFiles.join(', ')} failed:\n${install.stdout}\n${install.stderr}`);
    }

    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(codeServerBin, [
        '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--ignore-last-opened',
    ], { env: { ...env, TMPDIR: base }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', chunk => { output += String(chunk); });
    child.stderr!.on('data', chunk => { output += String(chunk); });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
        if (child.exitCode !== null) {
            throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
        }
        const healthy = await fetch(`${url}/healthz`).then(r => r.ok, () => false);
        if (healthy) {
            break;
        }
        if (Date.now() > deadline) {
            child.kill('SIGKILL');
            throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }

    return {
        url: `${url}/?folder=${encodeURIComponent(workspace)}`,
        workspace,
        userDataDir,
        logs: () => output,
        stop: async () => {
            if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
                // code-server starts its own children (the extension host, our language server): end the group.
                try {
                    process.kill(-child.pid, 'SIGTERM');
                } catch {
                    child.kill('SIGTERM');
                }
                await new Promise<void>(resolve => {
                    const timer = setTimeout(() => {
                        try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
                        resolve();
                    }, 5_000);
                    child.once('exit', () => { clearTimeout(timer); resolve(); });
                });
            }
            rmSync(base, { recursive: true, force: true });
        },
    };
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
        });
    });
}
