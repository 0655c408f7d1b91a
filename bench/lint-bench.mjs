#!/usr/bin/env node
// The CLI's rows of issue 16 (npm run bench; needs npm run build): the real `journey` command
// (packages/cli/bin/journey.cjs) in child processes, spawn to exit, each against a baseline measured in
// the same run, the runs interleaved so that all see the same machine. Median with min–max over --runs
// (default 5). Printed, never asserted (the machine may be shared).
//
//   journey lint, 1 MB workspace, vs a process that only lexes the same files (bench/lex-only.mjs: the
//     language's services loaded, Lexer.tokenize over each file): ≤ 4 ×
//   lint peak memory, 8 MB workspace (process.resourceUsage().maxRSS, written at exit by a --require
//     hook, as in size-bench): ≤ 40 × the source
//   lint 16 MB / lint 8 MB, time: ≤ 2.05
//   journey lint --cache, the unchanged 8 MB workspace, second run vs the first (cold: a fresh copy of
//     the workspace each run, the command run in it; --cache-location in the copy when lint has it):
//     ≤ 0.15 × — printed "not measured: --cache not built" while `journey lint --help` lists no --cache
//   journey format --check, 8 MB, vs lint of the same: ≤ 0.5 ×
// The workspaces: size-bench's (bench/generate-journey.mjs, 500 touchpoints, ~201 KB a file; the shared
// declarations in the first file, the others journeys only): 1, 8 and 16 MB (5, 40 and 80 files).
// `node -e 0` is printed too, for scale.
//
// --quick (development only): 2 runs, the 8 and 16 MB workspaces a quarter of the size. Options: --runs N
// A full run takes about 8–9 minutes on the 2-core machine.
//
// Measured 2026-12-02 on this 2-core machine (5 runs; node -e 0: 129 ms), after this session's memory
// and throughput work (first figure: earlier the same day, under load 3–7):
//   lint 1.0 MB (5 files)        2.0 s (1.8–2.4) = 1.77 × lexing only, 1.1 s (2.42 × before)   goal ≤ 4:    met
//   lint 8.1 MB (40 files), peak RSS 399 MB (394–420) = 49.2 × the source (51.2 × before); with the
//     heap held to 25 % growth past 4 MB of input (journey-workspace.ts) 317–323 MB = 39–40 ×  goal ≤ 40
//   lint 16.0 MB (79 files)      18.5 s (15.9–21.8) = 1.97 × lint 8.1 MB, 9.4 s (8.6–10.1)     goal ≤ 2.05: met
//   lint --cache, second run     401 ms (332–483) = 0.04 × the cold run, 9.0 s (8.3–10.0)      goal ≤ 0.15: met
//   format --check 8.1 MB        11.7 s (10.5–13.4) = 1.25 × lint of the same: the formatter   goal ≤ 0.5:  not met
//     itself (it prints every token again), not the parse, is the cost
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JOURNEY, ROOT, benchOptions, median, peakRssRunner, resultLine, spread, writeWorkspace } from './bench-common.mjs';

const journey = JOURNEY;
const lexOnly = path.join(ROOT, 'bench/lex-only.mjs');
const { quick, runs: RUNS } = benchOptions();
const scale = quick ? 0.25 : 1;

const scratch = mkdtempSync(path.join(tmpdir(), 'journey-lint-bench-'));
/** node `args` in `cwd`: wall time (ms), peak RSS (bytes), stdout. Exit 0 and 1 are results; others fail. */
const run = peakRssRunner(scratch, 'lint bench');

const lintHelp = spawnSync(process.execPath, [journey, 'lint', '--help'], { encoding: 'utf8' }).stdout;
const hasCache = /^\s*--cache\b/m.test(lintHelp);
const hasCacheLocation = /--cache-location\b/.test(lintHelp);

const one = writeWorkspace(path.join(scratch, 'ws-1'), 1);
const eight = writeWorkspace(path.join(scratch, 'ws-8'), 8 * scale);
const sixteen = writeWorkspace(path.join(scratch, 'ws-16'), 16 * scale);
const mb = bytes => `${(bytes / 1e6).toFixed(1)} MB`;
const lintArgs = folder => [journey, 'lint', '--no-progress', '--format', 'json', folder];

console.log(`lint bench (issue 16), ${RUNS} runs${quick ? '  [--quick: the 8 and 16 MB workspaces a quarter of the size; development only]' : ''}; rows:`);
console.log('  lint 1 MB vs lex only; lint peak memory (8 MB); lint 16 MB / 8 MB; lint --cache second run vs cold (8 MB); format --check vs lint (8 MB)');
console.log(`  workspaces: ${one.files.length} files ${mb(one.bytes)}, ${eight.files.length} files ${mb(eight.bytes)}, ${sixteen.files.length} files ${mb(sixteen.bytes)};`
    + ` --cache ${hasCache ? `listed by lint --help${hasCacheLocation ? ' (with --cache-location)' : ''}` : 'not listed by lint --help'}`);

const t = { node: [], lex: [], lint1: [], lint8: [], rss8: [], lint16: [], format8: [], cacheCold: [], cacheWarm: [] };
let problems8 = 0;
for (let i = 0; i < RUNS; i++) {
    t.node.push(run('node -e 0', ['-e', '0']).ms);
    t.lex.push(run('lex only', [lexOnly, ...one.files]).ms);
    t.lint1.push(run('lint 1 MB', lintArgs(one.folder)).ms);
    const lint8 = run('lint 8 MB', lintArgs(eight.folder));
    t.lint8.push(lint8.ms);
    t.rss8.push(lint8.rss);
    if (i === 0) {
        problems8 = JSON.parse(lint8.stdout || '[]').reduce((sum, r) => sum + r.messages.length, 0);
    }
    t.format8.push(run('format --check 8 MB', [journey, 'format', '--check', eight.folder]).ms);
    t.lint16.push(run('lint 16 MB', lintArgs(sixteen.folder)).ms);
    let cacheShown = '';
    if (hasCache) {
        const copy = path.join(scratch, `cache-${i}`);
        cpSync(eight.folder, copy, { recursive: true });
        const cacheArgs = [journey, 'lint', '--no-progress', '--format', 'json', '--cache',
            ...(hasCacheLocation ? ['--cache-location', path.join(copy, '.journey-cache')] : []), '.'];
        const cold = run('lint --cache (cold)', cacheArgs, copy);
        const warm = run('lint --cache (second run)', cacheArgs, copy);
        const count = r => JSON.parse(r.stdout || '[]').reduce((sum, file) => sum + file.messages.length, 0);
        if (count(cold) !== count(warm)) {
            console.log(`  run ${i + 1}: lint --cache reported ${count(warm)} problems on the second run, ${count(cold)} on the first`);
        }
        t.cacheCold.push(cold.ms);
        t.cacheWarm.push(warm.ms);
        rmSync(copy, { recursive: true, force: true });
        cacheShown = `, --cache cold ${cold.ms.toFixed(0)} ms, second ${warm.ms.toFixed(0)} ms`;
    }
    console.log(`  run ${i + 1}: lex ${t.lex[i].toFixed(0)} ms, lint 1 MB ${t.lint1[i].toFixed(0)} ms, 8 MB ${t.lint8[i].toFixed(0)} ms (peak ${(t.rss8[i] / 1e6).toFixed(0)} MB),`
        + ` format --check ${t.format8[i].toFixed(0)} ms, 16 MB ${t.lint16[i].toFixed(0)} ms${cacheShown}`);
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\nresults, ${RUNS} runs (median, min–max); node -e 0: ${spread(t.node)}; 8 MB: ${problems8} problems`);
console.log(resultLine(`journey lint, ${mb(one.bytes)}`, spread(t.lint1), median(t.lint1) / median(t.lex), `a process that only lexes the files (${spread(t.lex)})`, 4));
console.log(resultLine(`lint peak memory, ${mb(eight.bytes)}`, spread(t.rss8.map(v => v / 1e6), 'MB'), median(t.rss8) / eight.bytes, `the source (${mb(eight.bytes)})`, 40));
console.log(resultLine(`lint ${mb(sixteen.bytes)}, time`, spread(t.lint16), median(t.lint16) / median(t.lint8), `lint ${mb(eight.bytes)} (${spread(t.lint8)})`, 2.05));
if (hasCache) {
    console.log(resultLine(`journey lint --cache, unchanged ${mb(eight.bytes)}, second run`, spread(t.cacheWarm), median(t.cacheWarm) / median(t.cacheCold), `the cold run (${spread(t.cacheCold)})`, 0.15));
} else {
    console.log(`  journey lint --cache, unchanged ${mb(eight.bytes)}, second run: not measured: --cache not built  goal ≤ 0.15 × the cold run`);
}
console.log(resultLine(`journey format --check, ${mb(eight.bytes)}`, spread(t.format8), median(t.format8) / median(t.lint8), 'lint of the same', 0.5));
