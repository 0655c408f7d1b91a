// The few tests that need the real `journey` process (the built binary, packages/cli/bin/journey.cjs):
// its exit code as the shell sees it, stdout and stderr as separate streams, a pipe on stdin, a
// terminal (`script`), another user's permissions, and the bundle saying what the program says in
// process. Everything else about the commands runs in process (runJourneyInProcess), in the unit project.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateJourney } from '../../bench/generate-journey.mjs';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { runJourneyInProcess } from '../support/journey-in-process.js';
import { journeyBin, repoRoot, runJourney, scratchWorkspaces } from '../support/journey-process.js';
import * as ci from './ci-fixtures.js';
import { FIXABLE_FILES, FIXABLE_REPORT, OUT_OF_RANGE, OUT_OF_RANGE_REPORT } from './eslint-fixtures.js';

const workspace = scratchWorkspaces();

/** "today" is fixed so that date rules cannot change the output between runs. */
const TODAY = ['--today', '2026-11-25'];
const ESC = '\u001b[';
const ERASE = '\r\u001b[2K';

describe('the built binary: exit codes and streams', () => {
    it('exits 1 on problems with the report on stdout only, 0 when clean with nothing printed', () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const problems = runJourney(['lint', ...TODAY], ws.root);
        expect(problems.status).toBe(1);
        expect(problems.stdout).toContain('\u2716 2 problems (1 error, 1 warning)');
        expect(problems.stderr).toBe('');
        ws.write('renewal.journey', RENEWAL_CLEAN);
        expect(runJourney(['lint', ...TODAY], ws.root)).toEqual({ status: 0, stdout: '', stderr: '' });
    });

    it('exits 2 on a usage error with one line on stderr and nothing on stdout', () => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        for (const args of [['lint', '--no-such-option'], ['lint', 'no-such-folder'], ['frobnicate']]) {
            const run = runJourney(args, ws.root);
            expect(run.status).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr).toMatch(/^journey: [^\n]+\n$/);
        }
    });

    it('answers --version and --help with exit 0 on stdout', () => {
        const version = runJourney(['--version']);
        expect(version).toEqual({ status: 0, stdout: `${JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')).version}\n`, stderr: '' });
        const help = runJourney(['--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('lint');
        expect(help.stderr).toBe('');
    });
});

describe('the built binary on a FIFO (only regular files are read)', () => {
    /** The binary with a short timeout: a regression that opens the FIFO waits for a writer forever. */
    const bounded = (args: string[], cwd: string) => {
        const run = spawnSync(process.execPath, [journeyBin, ...args], {
            cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, timeout: 20_000,
        });
        return { error: run.error?.message, status: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    const NOT_REGULAR = 'is a FIFO, not a regular file; journey reads only regular files\n';

    it('lint FIFO and render of a file whose folder holds one: one line, exit 2, no hang', () => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS, 'maps/renewal.journey': RENEWAL_CLEAN });
        expect(spawnSync('mkfifo', [ws.path('maps/x.journey')]).status).toBe(0);
        expect(bounded(['lint', 'maps/x.journey'], ws.root)).toEqual({ error: undefined, status: 2, stdout: '', stderr: `journey: maps/x.journey ${NOT_REGULAR}` });
        expect(bounded(['render', 'maps/renewal.journey', '-o', 'map.svg'], ws.root)).toEqual({ error: undefined, status: 2, stdout: '', stderr: `journey: maps/x.journey ${NOT_REGULAR}` });
        expect(existsSync(ws.path('map.svg'))).toBe(false);
    });
});

describe.skipIf(process.getuid?.() !== 0)('journey lint with unreadable folders (run as nobody)', () => {
    // As root every folder is readable: drop to the `nobody` user (65534), who can read the scratch files.
    // `nobody` runs a copy of the built CLI in a folder it can read: the checkout may sit in one it cannot
    // (a clone in a `mktemp -d` folder is 0700).
    const copy = mkdtempSync(path.join(tmpdir(), 'journey-cli-copy-'));
    chmodSync(copy, 0o755);
    for (const file of ['bin/journey.cjs', 'dist/journey.cjs', 'dist/commands.cjs', 'dist/elk.cjs']) {
        cpSync(path.join(path.dirname(path.dirname(journeyBin)), file), path.join(copy, file));
    }
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    const asNobody = (args: string[], cwd: string) => spawnSync(
        'setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(copy, 'bin/journey.cjs'), ...args],
        { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } },
    );

    it.each([['.'], ['locked'], ['**/*.journey']])('exits 2 naming the folder it cannot read (%s), not a silent subset', async pattern => {
        const ws = workspace({ 'ok/personas.journey': PERSONAS, 'locked/renewal.journey': RENEWAL_WITH_PROBLEMS });
        chmodSync(ws.root, 0o755);
        chmodSync(ws.path('locked'), 0o000);
        const run = asNobody(['lint', pattern], ws.root);
        chmodSync(ws.path('locked'), 0o755);
        if (run.error) {
            return; // no setpriv here
        }
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('journey: cannot read the folder locked: EACCES\n');
        expect(run.status).toBe(2);
    });
});


describe('the built binary on a terminal: colour', () => {
    // `script` gives the command a terminal; its transcript turns \n into \r\n.
    const onTerminal = (args: string[], cwd: string) => spawnSync('script', ['-qec', [process.execPath, journeyBin, ...args, '--no-progress'].map(arg => `'${arg}'`).join(' '), '/dev/null'], {
        cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
    });

    it('colours only on a terminal, and never with --no-color', () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const coloured = onTerminal(['lint'], ws.root);
        if (coloured.error) {
            return; // no `script` here
        }
        expect(coloured.stdout).toMatch(/\u001b\[31merror *\u001b\[39m/);
        const plain = onTerminal(['lint', '--no-color'], ws.root);
        expect(plain.stdout).not.toContain('\u001b[');
        expect(plain.stdout.replace(/\r\n/g, '\n')).toBe(runJourney(['lint'], ws.root).stdout);
        // Machine formats are never coloured, terminal or not.
        expect(onTerminal(['lint', '--format', 'github'], ws.root).stdout).not.toContain('\u001b[');
    });

});

describe('the built binary and ESLint\'s habits', () => {
    /** The built `journey` with `input` piped to its stdin, the environment as runJourney makes it. */
    const piped = (args: string[], cwd: string, input: string, env: NodeJS.ProcessEnv = {}) => {
        const run = spawnSync(process.execPath, [journeyBin, ...args], {
            cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, timeout: 60_000,
        });
        return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };

    it('lints a pipe with --stdin --stdin-filename: the persona of another file resolves, exit 1 on errors, 0 when clean', () => {
        const ws = workspace({ 'shared/personas.journey': PERSONAS, 'maps/renewal.journey': RENEWAL_WITH_PROBLEMS });
        const args = ['lint', ...TODAY, '--stdin', '--stdin-filename', 'maps/renewal.journey'];
        expect(piped(args, ws.root, OUT_OF_RANGE)).toEqual({ status: 1, stdout: OUT_OF_RANGE_REPORT('maps/renewal.journey'), stderr: '' });
        expect(piped(args, ws.root, RENEWAL_CLEAN)).toEqual({ status: 0, stdout: '', stderr: '' });
        expect(piped([...args, 'maps'], ws.root, RENEWAL_CLEAN).status).toBe(1);
        expect(piped(['lint', '--stdin', '--fix'], ws.root, RENEWAL_CLEAN)).toMatchObject({ status: 2, stdout: '' });
        expect(readFileSync(ws.path('maps/renewal.journey'), 'utf8')).toBe(RENEWAL_WITH_PROBLEMS);
    });

    it('writes the report to -o FILE and prints nothing', () => {
        const ws = workspace(FIXABLE_FILES);
        expect(runJourney(['lint', ...TODAY, '-o', 'reports/journey.txt'], ws.root)).toEqual({ status: 1, stdout: '', stderr: '' });
        expect(readFileSync(ws.path('reports/journey.txt'), 'utf8')).toBe(FIXABLE_REPORT);
        expect(runJourney(['lint', ...TODAY, '-o', 'personas.journey/r.txt'], ws.root)).toEqual({
            status: 2, stdout: '', stderr: 'journey: cannot write the report to personas.journey/r.txt: personas.journey is a file, not a folder\n',
        });
    });

    it('reads FORCE_COLOR and NO_COLOR from its environment (the rules of both: eslint-habits.test.ts, in process)', () => {
        const ws = workspace(FIXABLE_FILES);
        const coloured = (env: NodeJS.ProcessEnv) => runJourney(['lint', ...TODAY], ws.root, env).stdout.includes(ESC);
        expect(coloured({ FORCE_COLOR: '1' })).toBe(true);
        expect(coloured({ NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    });

    it('on a terminal: colour, unless NO_COLOR', () => {
        const ws = workspace(FIXABLE_FILES);
        const onTerminal = (env: NodeJS.ProcessEnv) => spawnSync('script', ['-qec', [process.execPath, journeyBin, 'lint', '--no-progress', ...TODAY].map(arg => `'${arg}'`).join(' '), '/dev/null'], {
            cwd: ws.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm', ...env },
        });
        const coloured = onTerminal({});
        expect(coloured.error, 'util-linux `script` runs the command on a terminal').toBeUndefined();
        expect(coloured.stdout).toContain(`${ESC}31merror${ESC}39m`);
        const plain = onTerminal({ NO_COLOR: '1' });
        expect(plain.stdout.replace(/\r\n/g, '\n')).toBe(FIXABLE_REPORT);
    });
});

describe('the built binary and the CI formats', () => {
    it('offers the CI formats and writes what the program writes in process', async () => {
        const help = runJourney(['lint', '--help']);
        expect(help.status).toBe(0);
        expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "stylish", "json", "sarif", "github", "gitlab", "junit", "markdown", default: "stylish")');
        const root = realpathSync(workspace(ci.mixedWorkspaceFiles()).root);
        for (const format of ci.CI_FORMATS) {
            const binary = runJourney(['lint', '--format', format, '--info', ...ci.TODAY], root);
            expect(binary).toEqual(await runJourneyInProcess(['lint', ...ci.TODAY, '--format', format, '--info'], { cwd: root }));
        }
    });
});

describe('the built binary with stderr on a terminal: the progress line', () => {
    /**
     * A few generated maps. The progress line waits 400 ms before it shows; here it shows at once
     * (JOURNEY_PROGRESS_DELAY_MS=0), so that these tests never depend on how fast the machine lints.
     * The delay itself is tested on a test clock (progress.test.ts).
     */
    const generatedWorkspace = () => workspace(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [
        `map_${i}.journey`,
        generateJourney({ stages: 3, touchpoints: 6, seed: i, name: `map_${i}` }).text,
    ])));

    /** Runs journey with stderr on a terminal (`script` makes one) and stdout in a file. */
    const onTerminal = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
        const command = `'${process.execPath}' '${journeyBin}' ${args.map(arg => `'${arg}'`).join(' ')} > stdout.txt`;
        const run = spawnSync('script', ['-qec', command, '/dev/null'], {
            cwd, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '', FORCE_COLOR: '', JOURNEY_PROGRESS_DELAY_MS: '0', ...env },
        });
        expect(run.error, 'util-linux `script` runs the command on a terminal').toBeUndefined();
        return { terminal: run.stdout, stdout: readFileSync(`${cwd}/stdout.txt`, 'utf8') };
    };

    it('shows how far it is on stderr, erases it at the end, and leaves stdout as without a terminal', () => {
        const ws = generatedWorkspace();
        const run = onTerminal(['lint', '--format', 'json', '--today', '2026-11-25'], ws.root);
        expect(run.terminal).toMatch(/journey: parsing files \d+\/8 \(\d+%\)/);
        expect(run.terminal).toContain('journey: checking files 8/8 (100%)');
        expect(run.terminal.endsWith(ERASE)).toBe(true);
        const piped = runJourney(['lint', '--format', 'json', '--today', '2026-11-25'], ws.root);
        expect(piped.stderr).toBe('');
        expect(run.stdout).toBe(piped.stdout);
    });

    it('shows none with --no-progress, or in CI', () => {
        const ws = generatedWorkspace();
        expect(onTerminal(['lint', '--format', 'json', '--no-progress'], ws.root).terminal).toBe('');
        expect(onTerminal(['lint', '--format', 'json'], ws.root, { CI: 'true' }).terminal).toBe('');
    });
});
