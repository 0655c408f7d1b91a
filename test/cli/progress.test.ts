import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../packages/cli/src/progress.js';
import { generateJourney } from '../../bench/generate-journey.mjs';
import { runJourneyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';

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

describe('journey lint with stderr on a terminal (in process, on a test clock)', () => {
    /** A workspace of generated maps (the benchmark's generator). */
    const generated = (count: number) => workspace(Object.fromEntries(Array.from({ length: count }, (_, i) => [
        `map_${i}.journey`,
        generateJourney({ stages: 3, touchpoints: 6, seed: i, name: `map_${i}` }).text,
    ])));
    const ARGS = ['lint', '--format', 'json', '--today', '2026-11-25'];
    /** A clock that moves `step` ms each time it is read: the run "takes" as long as the test says. */
    const clock = (step: number) => {
        let time = 0;
        return () => (time += step);
    };
    const onTerminal = (args: string[], cwd: string, now: () => number, env: NodeJS.ProcessEnv = {}) =>
        runJourneyInProcess(args, { cwd, env, stderrTerminal: { columns: 120, now } });

    it('shows how far it is on stderr once the run takes a while, erases it at the end, and leaves stdout as without a terminal', async () => {
        const ws = generated(6);
        const run = await onTerminal(ARGS, ws.root, clock(1000));
        expect(run.stderr).toMatch(/journey: parsing files \d+\/6 \(\d+%\)/);
        expect(run.stderr).toContain('journey: checking files 6/6 (100%)');
        expect(run.stderr.endsWith(ERASE)).toBe(true);
        const piped = await runJourneyInProcess(ARGS, { cwd: ws.root });
        expect(piped.stderr).toBe('');
        expect(run.stdout).toBe(piped.stdout);
        expect(run.status).toBe(piped.status);
    });

    it('shows nothing when the run is quicker than the delay', async () => {
        const ws = generated(6);
        expect((await onTerminal(ARGS, ws.root, clock(0))).stderr).toBe('');
        expect((await onTerminal(ARGS, ws.root, clock(30))).stderr).toBe('');
    });

    it('shows none with --no-progress, or in CI, however long the run', async () => {
        const ws = generated(6);
        expect((await onTerminal([...ARGS, '--no-progress'], ws.root, clock(1000))).stderr).toBe('');
        expect((await onTerminal(ARGS, ws.root, clock(1000), { CI: 'true' })).stderr).toBe('');
        // CI=false (and an empty CI) is not CI.
        expect((await onTerminal(ARGS, ws.root, clock(1000), { CI: 'false' })).stderr).toContain('checking files 6/6');
    });
});
