#!/usr/bin/env node
// Issue 20's row (npm run bench; needs npm run build): a map as a picture, by the real `journey render`
// in a child process, against the SVG of the same map measured in the same run, interleaved. Median with
// min–max over --runs (default 5). Printed, never asserted (the machine may be shared).
//
//   journey render -o map.svg                 the baseline: load, lay out, write SVG
//   journey render -o map.png (--scale 1, 2)  + resvg (WebAssembly) with the map font
//   journey render -o map.pdf, --page a4      + SVGO's inlined styles, svg-to-pdfkit, PDFKit with the font subset
//
// on examples/brightspoke-cx's largest journey and on a generated 12-stage, 120-touchpoint map (28,000 pixels
// wide; a 500-touchpoint map is 114,000: past what a PNG holds, which journey render says, pointing to PDF or SVG).
// --quick (development only): 2 runs. Options: --runs N
//
// Measured 2026-12-03 on this 2-core machine (5 runs):
//   ebike-purchase-and-return  svg 748 ms (741–777); png 1974 ms = 2.64 × (+1226 ms, 948 kB, peak RSS 324 MB);
//     png --scale 2 3255 ms = 4.35 ×; pdf 1782 ms = 2.38 × (+1034 ms, 143 kB, peak RSS 207 MB); pdf --page a4 the same
//   generated, 120 touchpoints  svg 1287 ms; png 4192 ms = 3.26 × (2.3 MB); pdf 3168 ms = 2.46 ×
//   (resvg runs as WebAssembly: slower than its native build, and nothing native to install)
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JOURNEY, ROOT, benchOptions, median, peakRssRunner, spread } from './bench-common.mjs';
import { generateJourney } from './generate-journey.mjs';

const { runs: RUNS } = benchOptions();
const scratch = mkdtempSync(path.join(tmpdir(), 'journey-picture-bench-'));
const run = peakRssRunner(scratch, 'picture bench');

const large = path.join(scratch, 'large.journey');
writeFileSync(large, generateJourney({ stages: 12, touchpoints: 120, seed: 20, shape: 'branchy' }).text);
const maps = [
    ['ebike-purchase-and-return (19 touchpoints)', path.join(ROOT, 'examples/brightspoke-cx/journeys/ebike-purchase-and-return.journey')],
    ['generated, 12 stages and 120 touchpoints', large],
];
const OUTPUTS = [
    ['svg', ['-o', 'map.svg']],
    ['png', ['-o', 'map.png']],
    ['png --scale 2', ['-o', 'map2.png', '--scale', '2']],
    ['pdf', ['-o', 'map.pdf']],
    ['pdf --page a4', ['-o', 'a4.pdf', '--page', 'a4']],
];

console.log(`picture bench: journey render, ${RUNS} runs`);
for (const [label, file] of maps) {
    // The generated map is 28,000 pixels wide: at scale 2 its PNG would pass the 200-million-pixel limit.
    const outputs = file === large ? OUTPUTS.filter(([name]) => name !== 'png --scale 2') : OUTPUTS;
    const times = Object.fromEntries(outputs.map(([name]) => [name, []]));
    const rss = Object.fromEntries(outputs.map(([name]) => [name, []]));
    const sizes = {};
    for (let index = 0; index < RUNS; index++) {
        for (const [name, args] of outputs) {
            const result = run(`render ${name}`, [JOURNEY, 'render', file, '--today', '2026-12-01', ...args], scratch);
            times[name].push(result.ms);
            rss[name].push(result.rss);
            sizes[name] = statSync(path.join(scratch, args[1])).size;
        }
    }
    console.log(`  ${label}:`);
    for (const [name] of outputs) {
        const ratio = name === 'svg' ? '' : ` = ${(median(times[name]) / median(times.svg)).toFixed(2)} × svg (+${Math.round(median(times[name]) - median(times.svg))} ms)`;
        console.log(`    ${name.padEnd(14)} ${spread(times[name])}${ratio}, ${(sizes[name] / 1e3).toFixed(0)} kB, peak RSS ${spread(rss[name].map(value => value / 1e6), 'MB')}`);
    }
}
rmSync(scratch, { recursive: true, force: true });
