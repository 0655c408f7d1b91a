#!/usr/bin/env node
// How long the `journey` command takes to start (npm run bench; needs npm run build): `--version`, a lint
// of one small file and a render of it, each against a bare `node -e 0` measured in the same run, the
// runs interleaved so that all four see the same machine. Median with min–max over --runs (default 7).
// Goals (issue 16): --version ≤ 1.8 × node, lint of one small file ≤ 4 × node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const journey = path.join(root, 'packages/cli/bin/journey.cjs');
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(5, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7);

const scratch = mkdtempSync(path.join(tmpdir(), 'journey-startup-'));
const file = path.join(scratch, 'signup.journey');
writeFileSync(file, [
    'persona ana "Ana" {', '    goal "Sign up quickly"', '}', '',
    'journey signup "Sign-up" {', '    persona ana', '    stage visit "Visit" {',
    '        touchpoint landing "Landing page" {', '            emotion 1', '        }', '    }', '}', '',
].join('\n'));

const measures = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'journey --version', args: [journey, '--version'], goal: 1.8 },
    { name: 'journey lint (one small file)', args: [journey, 'lint', '--no-progress', file], goal: 4 },
    { name: 'journey render (one small file)', args: [journey, 'render', file] },
];
const times = new Map(measures.map(measure => [measure.name, []]));
for (let run = 0; run < RUNS + 1; run++) {
    for (const measure of measures) {
        const started = performance.now();
        const result = spawnSync(process.execPath, measure.args, { cwd: scratch, encoding: 'utf8' });
        const elapsed = performance.now() - started;
        if (result.status !== 0 && result.status !== 1) {
            console.error(`startup bench: ${measure.name} failed (${result.status}): ${result.stderr}`);
            process.exit(1);
        }
        if (run > 0) {
            times.get(measure.name).push(elapsed); // the first round warms the file cache
        }
    }
}
rmSync(scratch, { recursive: true, force: true });

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const baseline = median(times.get('node -e 0'));
console.log(`journey start-up, ${RUNS} runs each (median, min–max), against node -e 0 in the same run:`);
for (const measure of measures) {
    const values = times.get(measure.name);
    const ratio = median(values) / baseline;
    const verdict = measure.goal ? `  goal ≤ ${measure.goal} ×: ${ratio <= measure.goal ? 'met' : 'not met'}` : '';
    console.log(`  ${measure.name.padEnd(34)} ${median(values).toFixed(0).padStart(5)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})  ${ratio.toFixed(2)} ×${verdict}`);
}
