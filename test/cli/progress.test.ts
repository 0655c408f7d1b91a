import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../packages/cli/src/progress.js';
import { generateJourney } from '../../bench/generate-journey.mjs';
import { journeyBin, runJourney, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();
const ERASE = '\r\u001b[2K';

describe('the progress line', () => {
    it('waits before it shows, redraws at most every interval, always shows the end, and erases itself', () => {
        let time = 0;
        const written: string[] = [];
        const progress = terminalProgress({ write: text => written.push(text), delayMs: 400, intervalMs: 100, now: () => time, columns: 120 });
        progress.report('checking files', 1, 10);
        time = 399;
        progress.report('checking files', 2, 10);
        expect(written).toEqual([]);
        progress.clear();
        expect(written).toEqual([]); // nothing drawn, nothing to erase
        time = 400;
        progress.report('checking files', 3, 10);
        time = 450;
        progress.report('checking files', 4, 10);
        time = 460;
        progress.report('checking files', 10, 10);
        time = 600;
        progress.report('checking files', 10, 10);
        progress.clear();
        expect(written).toEqual([
            `${ERASE}journey: checking files 3/10 (30%)`,
            `${ERASE}journey: checking files 10/10 (100%)`,
            `${ERASE}journey: checking files 10/10 (100%)`,
            ERASE,
        ]);
    });

    it('never wraps: the line is cut to the terminal width', () => {
        const written: string[] = [];
        const progress = terminalProgress({ write: text => written.push(text), delayMs: 0, columns: 25, now: () => 0 });
        progress.report('checking files', 120, 300);
        expect(written).toEqual([`${ERASE}journey: checking files`]);
    });
});

describe('journey lint on a terminal', () => {
    /** A workspace big enough that linting it takes well over the delay (about 2 s here). */
    const bigWorkspace = () => workspace(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [
        `map_${i}.journey`,
        generateJourney({ stages: 6, touchpoints: 30, seed: i, name: `map_${i}` }).text,
    ])));

    /** Runs journey with stderr on a terminal (`script` makes one) and stdout in a file. */
    const onTerminal = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
        const command = `'${process.execPath}' '${journeyBin}' ${args.map(arg => `'${arg}'`).join(' ')} > stdout.txt`;
        const run = spawnSync('script', ['-qec', command, '/dev/null'], {
            cwd, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '', FORCE_COLOR: '', ...env },
        });
        expect(run.error, 'util-linux `script` runs the command on a terminal').toBeUndefined();
        return { terminal: run.stdout, stdout: readFileSync(`${cwd}/stdout.txt`, 'utf8') };
    };

    it('shows how far it is on stderr, erases it at the end, and leaves stdout as without a terminal', () => {
        const ws = bigWorkspace();
        const run = onTerminal(['lint', '--format', 'json', '--today', '2026-11-25'], ws.root);
        expect(run.terminal).toMatch(/journey: parsing files \d+\/80 \(\d+%\)/);
        expect(run.terminal).toContain('journey: checking files 80/80 (100%)');
        expect(run.terminal.endsWith(ERASE)).toBe(true);
        const piped = runJourney(['lint', '--format', 'json', '--today', '2026-11-25'], ws.root);
        expect(piped.stderr).toBe('');
        expect(run.stdout).toBe(piped.stdout);
    }, 120_000);

    it('shows none with --no-progress, or in CI', () => {
        const ws = bigWorkspace();
        expect(onTerminal(['lint', '--format', 'json', '--no-progress'], ws.root).terminal).toBe('');
        expect(onTerminal(['lint', '--format', 'json'], ws.root, { CI: 'true' }).terminal).toBe('');
    }, 120_000);
});
