// action.yml, the GitHub Action other repositories use: its metadata checked against the action
// schema, and its steps executed as the runner executes them, on a fixture repository, installing
// @journey-maps/cli from a registry (a local one serving the tarball `npm pack` makes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateAction } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAction, runCompositeAction, type ActionRun } from '../support/composite-action.js';
import { copyExamplesReviewedToday, repoRoot } from '../support/journey-process.js';
import { startLocalRegistry, type LocalRegistry } from '../support/local-registry.js';
import { packOnce, type PackResult } from '../support/packed-cli.js';

const actionText = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
const cliVersion: string = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version;
const RULE_PAGE = 'https://github.com/journey-maps/journey/blob/main/docs/rules/';

let scratch: string;
let packed: PackResult;
let registry: LocalRegistry;
let runs = 0;

beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'journey-action-'));
    packed = packOnce('packages/cli');
    registry = await startLocalRegistry([packed.tarball]);
}, 120_000);

afterAll(async () => {
    await registry?.close();
    rmSync(scratch, { recursive: true, force: true });
});

/** A team's repository: the example maps, plus whatever a test adds. */
function fixtureRepository(extra: Record<string, string> = {}): string {
    const root = path.join(scratch, `repo-${++runs}`);
    copyExamplesReviewedToday('examples/spec', path.join(root, 'maps'));
    for (const [file, text] of Object.entries(extra)) {
        writeFileSync(path.join(root, file), text);
    }
    spawnSync('git', ['init', '-q', root]);
    return root;
}

function runAction(workspace: string, inputs: Record<string, string>): Promise<ActionRun> {
    const runnerTemp = mkdtempSync(path.join(scratch, 'runner-temp-'));
    return runCompositeAction({
        actionPath: repoRoot,
        workspace,
        runnerTemp,
        inputs,
        // The job's npm points at the registry that has the package (on GitHub: registry.npmjs.org).
        env: { npm_config_registry: registry.url, npm_config_cache: path.join(scratch, 'npm-cache'), npm_config_update_notifier: 'false' },
    });
}

const BROKEN = 'journey checkout "Checkout" {\n    persona nobody\n}\n';

describe('action.yml', () => {
    it('is valid action metadata (the schema GitHub\'s action.yml follows)', () => {
        const { errors } = validateAction(actionText);
        expect(errors).toEqual([]);
        // The validator sees mistakes: a composite step without `shell`.
        expect(validateAction(actionText.replace('      shell: bash\n', '')).errors.length).toBeGreaterThan(0);
    });

    it('has the inputs the README documents, and passes them to scripts only through the environment', () => {
        const action = readAction(repoRoot);
        expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'max-warnings', 'upload-sarif', 'version', 'config', 'working-directory', 'site', 'pages']);
        expect(action.runs.using).toBe('composite');
        for (const step of action.runs.steps) {
            // `${{ }}` pasted into a script is how workflow injection happens.
            expect(step.run ?? '', step.name).not.toContain('${{');
        }
        const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
        for (const input of Object.keys(action.inputs)) {
            expect(readme, `README documents the input ${input}`).toContain(`\`${input}\``);
        }
    });
});

// Each run has a repository and a RUNNER_TEMP of its own, so the runs go at once: one after the other,
// each npm install and journey process kept only one core busy. On a machine busy with other work they
// take as long together as one after the other, so each test may take that long (the file's time).
describe.concurrent('the action run on a repository', { timeout: 120_000 }, () => {
    it('installs the CLI of its own version from the registry, annotates, summarises and fails on errors', async ({ expect }) => {
        const run = await runAction(fixtureRepository({ 'maps/checkout.journey': BROKEN }), { paths: 'maps' });
        expect(run.steps.map(step => [step.name, step.outcome])).toEqual([
            ['Install the journey CLI', 'success'],
            ['Lint the journey maps', 'success'],
            ['Build the site of the maps', 'skipped'],
            ['Upload the site for GitHub Pages', 'skipped'],
            ['Upload the SARIF report to code scanning', 'skipped'],
            ['Fail on errors or too many warnings', 'failure'],
        ]);
        expect(run.failed).toBe(true);
        expect(run.outputs['exit-code']).toBe('1');
        expect(registry.requests).toContain(`GET /-/${path.basename(packed.tarball)}`);
        expect(run.steps[0].stdout).toContain(`journey ${cliVersion} (@journey-maps/cli@${cliVersion})`);
        // The log has the annotations GitHub turns into comments on the pull request.
        expect(run.steps[1].stdout).toMatch(/^::error file=maps\/checkout\.journey,line=2,col=13,endLine=2,endColumn=19,title=unresolved-reference::Unknown persona `nobody`/m);
        expect(run.steps.at(-1)!.stdout).toContain('::error title=journey lint::The journey maps have errors; the job summary lists every finding.');
        // The job summary: totals, a table per file, each rule linked to its page.
        expect(run.summary).toMatch(/^### journey lint\n\n\*\*\d+ errors?, \d+ warnings?\*\* in 2 of 3 files\n/);
        expect(run.summary).toContain('| `maps/checkout.journey` | 1 |');
        expect(run.summary).toContain('#### `maps/checkout.journey`');
        expect(run.summary).toContain(`[unresolved-reference](${RULE_PAGE}unresolved-reference.md)`);
        expect(run.summary).toContain(`[value-gap](${RULE_PAGE}value-gap.md)`);
    });

    it('passes with warnings by default, and fails when they are more than max-warnings', async ({ expect }) => {
        const [allowed, strict] = await Promise.all([
            runAction(fixtureRepository(), { paths: 'maps' }),
            runAction(fixtureRepository(), { paths: 'maps', 'max-warnings': '0' }),
        ]);
        expect(allowed.failed).toBe(false);
        expect(allowed.outputs['exit-code']).toBe('0');
        expect(allowed.steps.at(-1)!.stdout).toContain('journey lint: no errors, warnings within the limit.');
        expect(allowed.summary).toContain('**0 errors, 1 warning** in 1 of 2 files');

        expect(strict.failed).toBe(true);
        expect(strict.outputs['exit-code']).toBe('1');
        expect(strict.steps.at(-1)!.stdout).toContain('The journey maps have errors, or more than 0 warnings');
    });

    it('writes SARIF for code scanning when asked, and hands it to the upload step', async ({ expect }) => {
        const run = await runAction(fixtureRepository(), { paths: 'maps', 'upload-sarif': 'true', format: 'stylish' });
        const upload = run.steps.find(step => step.name === 'Upload the SARIF report to code scanning')!;
        expect(upload.outcome).toBe('success');
        expect(upload.uses).toEqual({ action: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: run.outputs['sarif-file'], category: 'journey' } });
        const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'journey', version: cliVersion });
        expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('value-gap');
        // `format` decides the log: stylish here, not annotations.
        expect(run.steps[1].stdout).toContain('maps/renewal.journey\n');
        expect(run.steps[1].stdout).not.toContain('::warning');
    });

    it('takes paths and globs over several lines, in a working directory, with a config', async ({ expect }) => {
        const root = fixtureRepository({ 'journey.config.json': '{ "rules": { "value-gap": "off" } }\n' });
        const run = await runAction(path.dirname(root), {
            'working-directory': path.basename(root), paths: 'maps/shared.journey\nmaps/*.journey', config: 'journey.config.json', 'max-warnings': '0',
        });
        expect(run.failed, run.log).toBe(false);
        expect(run.summary).toContain('No problems in 2 files');
    });

    it('says in the summary and the log that journey could not run, with its exit code', async ({ expect }) => {
        const run = await runAction(fixtureRepository(), { paths: 'no-such-folder' });
        expect(run.failed).toBe(true);
        expect(run.outputs['exit-code']).toBe('2');
        expect(run.steps[1].stderr).toContain('journey: ');
        expect(run.summary).toContain('journey lint could not run (exit code 2)');
        expect(run.steps.at(-1)!.stdout).toContain('::error title=journey lint::journey lint could not run (exit code 2)');
    });

    it('builds the site of the maps and hands it to the GitHub Pages upload, whatever lint found', async ({ expect }) => {
        const run = await runAction(fixtureRepository({ 'maps/checkout.journey': BROKEN }), { paths: 'maps', site: '_site', pages: 'true' });
        const build = run.steps.find(step => step.name === 'Build the site of the maps')!;
        expect(build.outcome, run.log).toBe('success');
        const siteDir = run.outputs['site-dir'];
        expect(siteDir).toMatch(/\/_site$/);
        expect(readFileSync(path.join(siteDir, 'index.html'), 'utf8')).toContain('Olivia replaces her operations tool');
        expect(readFileSync(path.join(siteDir, 'journeys/checkout.html'), 'utf8')).toContain('Unknown persona `nobody`');
        const upload = run.steps.find(step => step.name === 'Upload the site for GitHub Pages')!;
        expect(upload.uses).toEqual({ action: 'actions/upload-pages-artifact@v3', with: { path: siteDir } });
        // The lint errors still fail the job after the site is built.
        expect(run.steps.at(-1)!.outcome).toBe('failure');
    });

    it('installs the version asked for, also as a tarball', async ({ expect }) => {
        const run = await runAction(fixtureRepository(), { paths: 'maps', version: packed.tarball });
        expect(run.failed, run.log).toBe(false);
        expect(run.steps[0].stdout).toContain(`journey ${cliVersion} (${packed.tarball})`);
    });
});
