// .pre-commit-hooks.yaml: checked by the pre-commit framework's own manifest validator, its hooks' entries
// run on a fixture repository as the framework runs them, and once through the real framework
// (`pre-commit try-repo`, Debian's pre-commit), which installs this repository as a `language: node`
// hook does: `npm install`, `npm pack` of the root, `npm install -g` of that tarball — whose dependency,
// @journey-maps/cli, comes from a local registry serving the tarball `npm pack` makes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExamplesReviewedToday, repoRoot } from '../support/journey-process.js';
import { startLocalRegistry, type LocalRegistry } from '../support/local-registry.js';
import { npmEnv, packOnce, type PackResult } from '../support/packed-cli.js';

interface Hook { id: string; name: string; entry: string; language: string; files: string; pass_filenames?: boolean; args?: string[] }

const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const cliVersion: string = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version;

/** Valid, but not in `journey format`'s layout. */
const UNFORMATTED = 'team   field_ops "Field operations"\nchannel  kiosk "Store kiosk"   offline\n';
const FORMATTED = 'team field_ops "Field operations"\nchannel kiosk "Store kiosk" offline\n';
const BROKEN = 'journey checkout "Checkout" {\n    persona nobody\n}\n';

let scratch: string;
let packed: PackResult;
let registry: LocalRegistry;
let frameworkRegistry: LocalRegistry;
/** `pre-commit try-repo` on a fixture repository: started first, as it takes longest (see below). */
let tryRepo: Promise<{ root: string; result: Awaited<ReturnType<typeof run>> }> | undefined;

beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'journey-pre-commit-'));
    packed = packOnce('packages/cli');
    // Everything else the hook's install needs (the repository's own devDependencies) is published.
    registry = await startLocalRegistry([packed.tarball], 'https://registry.npmjs.org/');
    // Most of this file's time is the framework installing the hook (an `npm install` of the repository's
    // devDependencies): it goes on while the other tests run, and its test waits for it. A registry of its
    // own, so that what the framework's install asked for is told apart from the other tests' installs.
    frameworkRegistry = await startLocalRegistry([packed.tarball], 'https://registry.npmjs.org/');
    tryRepo = runTryRepo();
}, 120_000);

afterAll(async () => {
    await tryRepo?.catch(() => undefined);
    await Promise.all([registry?.close(), frameworkRegistry?.close()]);
    rmSync(scratch, { recursive: true, force: true });
});

/** A process that a server in this process (the registry) can answer. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string; stdout: string }> {
    return new Promise(resolve => {
        const child = spawn(command, args, { cwd, env: npmEnv({ npm_config_registry: registry.url, npm_config_cache: path.join(scratch, 'npm-cache'), ...env }) });
        let stdout = '';
        let output = '';
        child.stdout.on('data', chunk => { stdout += String(chunk); output += String(chunk); });
        child.stderr.on('data', chunk => { output += String(chunk); });
        const timer = setTimeout(() => child.kill('SIGKILL'), 400_000);
        child.on('close', status => { clearTimeout(timer); resolve({ status, output, stdout }); });
    });
}

let fixtures = 0;
function fixtureRepository(extra: Record<string, string> = {}): string {
    const root = path.join(scratch, `repo-${++fixtures}`);
    copyExamplesReviewedToday('examples/spec', path.join(root, 'maps'));
    writeFileSync(path.join(root, 'notes.md'), '# not a map\n');
    for (const [file, text] of Object.entries(extra)) {
        writeFileSync(path.join(root, file), text);
    }
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, env: { ...process.env, ...GIT_IDENTITY } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'maps');
    return root;
}

const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'CX team', GIT_AUTHOR_EMAIL: 'cx@example.com', GIT_COMMITTER_NAME: 'CX team', GIT_COMMITTER_EMAIL: 'cx@example.com' };

/** The files pre-commit would hand a hook: the repository's files that match `files` (`--all-files`). */
function filesFor(hook: Hook, root: string): string[] {
    const listed = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    return listed.filter(file => new RegExp(hook.files).test(file)).sort();
}

describe('.pre-commit-hooks.yaml', () => {
    it('is a valid manifest for the pre-commit framework (its own validator)', () => {
        const validated = spawnSync('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], { cwd: repoRoot, encoding: 'utf8' });
        expect(validated.error, 'pre-commit is installed by scripts/install-test-deps.sh').toBeUndefined();
        expect(validated.status, validated.stdout + validated.stderr).toBe(0);
        // The validator sees mistakes.
        const broken = path.join(scratch, 'broken-hooks.yaml');
        writeFileSync(broken, '- id: journey-lint\n  entry: journey lint\n');
        expect(spawnSync('pre-commit', ['validate-manifest', broken], { encoding: 'utf8' }).status).not.toBe(0);
    });

    it('has journey-lint and journey-format, as `language: node` hooks on .journey files', () => {
        expect(hooks.map(hook => [hook.id, hook.language, hook.files])).toEqual([
            ['journey-lint', 'node', '\\.journey$'],
            ['journey-format', 'node', '\\.journey$'],
        ]);
        // Maps use names declared in other files: lint checks the whole workspace, not the changed files.
        expect(hooks[0].pass_filenames).toBe(false);
    });
});

describe('the hooks as the framework installs and runs them', () => {
    let prefix: string;

    beforeAll(async () => {
        // `npm pack` of the root, whose output pre-commit reads as the tarball's name: no lifecycle script may print.
        expect(rootManifest.scripts.prepack ?? rootManifest.scripts.prepare ?? rootManifest.scripts.postpack).toBeUndefined();
        expect(rootManifest.dependencies).toEqual({ '@journey-maps/cli': cliVersion });
        const destination = path.join(scratch, 'root-pack');
        mkdirSync(destination);
        const packedRoot = await run('npm', ['pack', '--pack-destination', destination], repoRoot);
        expect(packedRoot.status, packedRoot.output).toBe(0);
        expect(packedRoot.stdout).toBe(`${rootManifest.name}-${rootManifest.version}.tgz\n`);
        prefix = path.join(scratch, 'hook-env');
        const installed = await run('npm', ['install', '-g', path.join(destination, packedRoot.stdout.trim())], scratch, { npm_config_prefix: prefix });
        expect(installed.status, installed.output).toBe(0);
    }, 240_000);

    const runHook = (hook: Hook, root: string) => {
        const files = hook.pass_filenames === false ? [] : filesFor(hook, root);
        const [command, ...args] = hook.entry.split(' ');
        return run(command, [...args, ...(hook.args ?? []), ...files], root, { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` });
    };

    it('journey-lint passes a clean workspace and fails one with an error, whichever file has it', async () => {
        const clean = await runHook(hooks[0], fixtureRepository());
        expect(clean.status, clean.output).toBe(0);
        expect(clean.output).toContain('maps/renewal.journey');
        const broken = await runHook(hooks[0], fixtureRepository({ 'maps/checkout.journey': BROKEN }));
        expect(broken.status).toBe(1);
        expect(broken.output).toContain('Unknown persona `nobody`');
    });

    it('journey-format rewrites the files it is given into the canonical layout, and a second run changes nothing', async () => {
        const root = fixtureRepository({ 'maps/teams.journey': UNFORMATTED });
        expect(filesFor(hooks[1], root)).toEqual(['maps/renewal.journey', 'maps/shared.journey', 'maps/teams.journey']);
        const first = await runHook(hooks[1], root);
        expect(first.status, first.output).toBe(0);
        expect(first.output).toBe('formatted: maps/teams.journey\n');
        expect(readFileSync(path.join(root, 'maps/teams.journey'), 'utf8')).toBe(FORMATTED);
        const second = await runHook(hooks[1], root);
        expect(second).toMatchObject({ status: 0, output: '' });
    });
});

/** The real framework installs this repository as a hook and runs both hooks on a fixture repository. */
async function runTryRepo() {
    const root = fixtureRepository({ 'maps/teams.journey': UNFORMATTED });
    const result = await run('pre-commit', ['try-repo', repoRoot, '--all-files', '--color', 'never'], root, {
        PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home'), ...GIT_IDENTITY, npm_config_registry: frameworkRegistry.url,
        // npm's own cache, as the user's would be. Every tarball still comes through the local registry (which
        // proxies npmjs): the install is the repository's whole devDependencies, the bulk of this test's time.
        npm_config_cache: process.env.npm_config_cache,
    });
    return { root, result };
}

describe('the real pre-commit framework', () => {
    it('installs this repository as a hook and runs both hooks (`pre-commit try-repo`)', async () => {
        const { root, result } = await tryRepo!;
        expect(result.output).toMatch(/^journey lint\.+Passed$/m);
        // pre-commit fails a hook that changed files, so the author sees and stages the change.
        expect(result.output).toMatch(/^journey format\.+Failed$/m);
        expect(result.output).toContain('- files were modified by this hook');
        expect(result.status).toBe(1);
        expect(readFileSync(path.join(root, 'maps/teams.journey'), 'utf8')).toBe(FORMATTED);
        expect(frameworkRegistry.requests).toContain('GET /@journey-maps/cli');
    }, 420_000);
});
