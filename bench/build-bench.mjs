#!/usr/bin/env node
// `journey build` (issue 17; npm run bench, needs npm run build): the real command in child processes,
// spawn to exit, against `journey lint` of the same workspace measured in the same run (the runs
// interleaved, so both see the same machine). Median with min–max over --runs (default 5). Printed,
// never asserted (the machine may be shared).
//
//   journey build, 1 MB workspace, vs lint of the same: ≤ 3 × (lint reads and checks every file; build
//     does that and draws every map with ELK and writes every page)
//   journey build, 8 MB workspace, vs lint of the same: ≤ 3 ×
//   build 8 MB / build 1 MB, time: ≤ 9 (linear in the maps drawn, or better)
// The workspaces: size-bench's (bench/generate-journey.mjs journeys of 500 touchpoints, ~201 KB a file):
// 1 and 8 MB (5 and 40 journeys, every one a large map). A fresh output folder each run.
//
// --quick (development only): 2 runs, the 8 MB workspace a quarter of the size. Options: --runs N
//
// Measured 2026-12-02 on this 2-core machine (5 runs; lint 1 MB ~1.1 s, 8 MB ~5.3 s), after each page was
// made as soon as its map was laid out (first figures: before, when every layout was held to the end):
//   build 1.0 MB (5 maps of 500 touchpoints)   5.4 s (5.2–5.9) = 4.77 × lint (6.04 ×)   goal ≤ 3:  not met
//   build 8.1 MB (40 such maps)               30.3 s (29.6–32.8) = 5.77 × lint (5.28 ×) goal ≤ 3:  not met
//   build 8 MB / 1 MB                          5.61 (4.61)                          goal ≤ 9:  met
//   peak RSS of the 8 MB build: 587 MB (979 MB before; lint of the same: ~320 MB).
// Where the time goes (8 MB, --cpu-prof): ELK 17 s of 35 s, the collector 7.6 s, the rest parsing,
// models and pages. Laying maps out in worker threads did not help here: 12 maps took 7.8 s in two
// threads and 6.8 s in one (V8's collector and compiler threads already use the second core), so
// the maps are laid out one after another.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JOURNEY, benchOptions, median, peakRssRunner, resultLine, spread, writeWorkspace } from './bench-common.mjs';

const { quick, runs: RUNS } = benchOptions();
const scratch = mkdtempSync(path.join(tmpdir(), 'journey-build-bench-'));
const run = peakRssRunner(scratch, 'build bench');
const one = writeWorkspace(path.join(scratch, 'ws-1'), 1);
const eight = writeWorkspace(path.join(scratch, 'ws-8'), quick ? 2 : 8);
const mb = bytes => `${(bytes / 1e6).toFixed(1)} MB`;
const lint = folder => [JOURNEY, 'lint', '--no-progress', '--format', 'json', folder];
const build = (folder, out) => [JOURNEY, 'build', '--no-progress', folder, '-o', out];

console.log(`build bench (issue 17), ${RUNS} runs${quick ? '  [--quick: the 8 MB workspace a quarter of the size; development only]' : ''}; rows:`);
console.log('  build 1 MB vs lint 1 MB; build 8 MB vs lint 8 MB; build 8 MB / build 1 MB');
console.log(`  workspaces: ${one.files.length} files ${mb(one.bytes)}, ${eight.files.length} files ${mb(eight.bytes)}`);

const t = { lint1: [], build1: [], lint8: [], build8: [], rss8: [] };
for (let i = 0; i < RUNS; i++) {
    t.lint1.push(run('lint 1 MB', lint(one.folder)).ms);
    t.build1.push(run('build 1 MB', build(one.folder, path.join(scratch, `site-1-${i}`))).ms);
    t.lint8.push(run('lint 8 MB', lint(eight.folder)).ms);
    const built = run('build 8 MB', build(eight.folder, path.join(scratch, `site-8-${i}`)));
    t.build8.push(built.ms);
    t.rss8.push(built.rss);
    rmSync(path.join(scratch, `site-1-${i}`), { recursive: true, force: true });
    rmSync(path.join(scratch, `site-8-${i}`), { recursive: true, force: true });
    console.log(`  run ${i + 1}: lint 1 MB ${t.lint1[i].toFixed(0)} ms, build 1 MB ${t.build1[i].toFixed(0)} ms, lint ${mb(eight.bytes)} ${t.lint8[i].toFixed(0)} ms,`
        + ` build ${t.build8[i].toFixed(0)} ms (peak ${(built.rss / 1e6).toFixed(0)} MB)`);
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\nresults, ${RUNS} runs (median, min–max); build ${mb(eight.bytes)} peak RSS ${spread(t.rss8.map(v => v / 1e6), 'MB')}`);
console.log(resultLine(`journey build, ${mb(one.bytes)}`, spread(t.build1), median(t.build1) / median(t.lint1), `journey lint of the same (${spread(t.lint1)})`, 3));
console.log(resultLine(`journey build, ${mb(eight.bytes)}`, spread(t.build8), median(t.build8) / median(t.lint8), `journey lint of the same (${spread(t.lint8)})`, 3));
console.log(resultLine(`build ${mb(eight.bytes)} / build ${mb(one.bytes)}, time`, spread(t.build8), median(t.build8) / median(t.build1), `build ${mb(one.bytes)}`, 9));
