#!/usr/bin/env node
// The whole test suite, as README.md and CI run it: build, then every vitest project, then one
// closing line with the totals ("N passed, N failed") read from the runner's JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false }).status ?? 1;

// The real editors the tests drive (Neovim, code-server + Chromium): installed by the project's own
// script, idempotent and instant when present.
if (run('bash', ['scripts/install-test-deps.sh']) !== 0) {
    console.error('journey tests: could not install the test editors (scripts/install-test-deps.sh); their tests will fail.');
}

if (run('npm', ['run', 'build']) !== 0) {
    console.error('journey tests: the build failed, so no test ran.');
    console.log('0 passed, 1 failed');
    process.exit(1);
}

// The tests are TypeScript too: a type error in a test is a failure even if vitest would run it.
const typecheckFailed = run('npx', ['tsc', '-b']) !== 0;
if (typecheckFailed) {
    console.error('journey tests: type errors (npx tsc -b); counted as one failure.');
}

const reportFile = 'test-results/vitest.json';
mkdirSync(`${root}test-results`, { recursive: true });
rmSync(`${root}${reportFile}`, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
try {
    const report = JSON.parse(readFileSync(`${root}${reportFile}`, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    if (status !== 0 && failed === 0) {
        failed = 1; // the runner failed outside any test (a suite that did not load, an unhandled error)
    }
} catch {
    failed = Math.max(failed, 1);
}
if (typecheckFailed) {
    failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
