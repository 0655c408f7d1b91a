#!/usr/bin/env node
// `npm run fuzz`: the property-based robustness tests (test/robustness/) at length, from a new seed each
// time (printed first, so that a failure can be run again: `npm run fuzz -- --seed N`).
// Options: --runs N (runs of each property; default 5000), --seed N.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = name => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
};
const runs = Number(option('runs') ?? 5000);
const seed = Number(option('seed') ?? randomInt(2 ** 31 - 1));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error('fuzz: --runs takes a whole number of runs, --seed a whole number');
    process.exit(2);
}
console.log(`fuzz: ${runs} runs of each property, seed ${seed} (again: npm run fuzz -- --runs ${runs} --seed ${seed})`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/robustness/'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, JOURNEY_FUZZ_RUNS: String(runs), JOURNEY_FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
