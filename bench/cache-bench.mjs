#!/usr/bin/env node
// Cache (issue 16, item 4; needs npm run build): `journey lint --cache` of an 8 MB workspace run twice,
// as the real CLI in a child process: the cold run (no cache file: every file parsed and checked, the
// cache written) against the second run (nothing changed: every result read from the cache, no file
// parsed). Goal: the second run ≤ 0.15 × the cold run. Median with min–max over --runs (default 5); each
// run starts without a cache. Also timed: a run after one file changed (the files that depend on it are
// checked again; today the whole workspace is loaded), and a lint without --cache. --quick: 2 runs of a
// workspace a tenth the size, for development only.
//
// The workspace is size-bench.mjs's: files of generated journeys (bench/generate-journey.mjs, 500
// touchpoints each), the shared declarations (teams, channels, metrics, the persona) in the first file.
//
// Measured 2026-12-02 on this 2-core machine, shared with other work (load average 5–8; 5 runs):
//   8.1 MB workspace (40 files)   without --cache 16.1 s (11.5–20.4), --cache cold 16.3 s (11.9–21.2),
//   nothing changed 0.54 s (0.44–0.70) = 0.033 × the cold run (goal ≤ 0.15 ×: met),
//   one file changed 10.7 s (9.1–20.8)
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { JOURNEY, benchOptions, writeWorkspace } from './bench-common.mjs';

const journey = JOURNEY;
const { quick, runs: RUNS } = benchOptions();
const TARGET_BYTES = (quick ? 0.8 : 8) * 1e6;
const GOAL = 0.15;

const scratch = mkdtempSync(path.join(tmpdir(), 'journey-cache-'));
const workspace = path.join(scratch, 'workspace');
const { bytes, files: written } = writeWorkspace(workspace, TARGET_BYTES / 1e6);
const files = written.length;
const cacheFile = path.join(scratch, '.journeycache');
const lastFile = path.join(workspace, readdirSync(workspace).sort().at(-1));

/** `journey lint ARGS` of the workspace; its wall time (ms), exit code and output. */
function lint(args) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [journey, 'lint', '--no-progress', '--format', 'json', ...args, workspace], {
        cwd: scratch, encoding: 'utf8', maxBuffer: 1 << 30,
    });
    const ms = performance.now() - started;
    if (result.status !== 0 && result.status !== 1) {
        console.error(`cache bench: journey lint ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.slice(0, 2000)}`);
        process.exit(1);
    }
    return { ms, status: result.status, stdout: result.stdout };
}

const times = { plain: [], cold: [], cached: [], oneChanged: [] };
let checked = false;
for (let run = 0; run < RUNS; run++) {
    rmSync(cacheFile, { force: true });
    const plain = lint([]);
    times.plain.push(plain.ms);
    const cold = lint(['--cache']);
    times.cold.push(cold.ms);
    const cached = lint(['--cache']);
    times.cached.push(cached.ms);
    if (!checked) {
        // The cache changes nothing but the time.
        if (cold.stdout !== plain.stdout || cached.stdout !== plain.stdout || cold.status !== plain.status || cached.status !== plain.status) {
            console.error('cache bench: the output with --cache differs from the output without it');
            process.exit(1);
        }
        checked = true;
    }
    appendFileSync(lastFile, `\nteam bench_${run} "Added by the cache bench"\n`);
    times.oneChanged.push(lint(['--cache']).ms);
}
rmSync(scratch, { recursive: true, force: true });

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = values => `${(median(values) / 1000).toFixed(2)} s (${(Math.min(...values) / 1000).toFixed(2)}–${(Math.max(...values) / 1000).toFixed(2)})`;
const ratio = median(times.cached) / median(times.cold);
console.log(`journey lint --cache of a ${(bytes / 1e6).toFixed(1)} MB workspace (${files} files), ${RUNS} runs (median, min–max)${quick ? '  [--quick: a tenth of the size]' : ''}`);
console.log(`  without --cache               ${spread(times.plain)}`);
console.log(`  --cache, cold (no cache file) ${spread(times.cold)}`);
console.log(`  --cache, nothing changed      ${spread(times.cached)} = ${ratio.toFixed(3)} × the cold run  goal ≤ ${GOAL} ×: ${ratio <= GOAL ? 'met' : 'not met'}`);
console.log(`  --cache, one file changed     ${spread(times.oneChanged)}`);
