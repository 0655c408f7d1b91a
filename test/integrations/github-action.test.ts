// action.yml, the GitHub Action other repositories use: its metadata checked against the action
// schema, and its steps executed as the runner executes them, on a fixture repository, installing
// @journey-maps/cli from a registry (a local one serving the tarball `npm pack` makes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
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

function runAction(workspace: string, inputs: Record<string, string>, job: { env?: NodeJS.ProcessEnv; token?: string } = {}): Promise<ActionRun> {
    const runnerTemp = mkdtempSync(path.join(scratch, 'runner-temp-'));
    return runCompositeAction({
        actionPath: repoRoot,
        workspace,
        runnerTemp,
        inputs,
        token: job.token,
        env: {
            // The job's npm points at the registry that has the package (on GitHub: registry.npmjs.org).
            npm_config_registry: registry.url, npm_config_cache: path.join(scratch, 'npm-cache'), npm_config_update_notifier: 'false',
            // Not a pull request, and no GitHub API, unless a test says so (not the CI's own, when these tests run on GitHub).
            GITHUB_EVENT_PATH: '', GITHUB_API_URL: 'http://127.0.0.1:9', GITHUB_REPOSITORY: 'journey-maps/example',
            ...job.env,
        },
    });
}

function git(root: string, ...args: string[]): void {
    const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A repository with history: the maps committed on main, then a branch that changes an emotion and adds a touchpoint. */
function repositoryWithBranch(): string {
    const root = fixtureRepository();
    git(root, 'symbolic-ref', 'HEAD', 'refs/heads/main');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'maps');
    git(root, 'checkout', '-q', '-b', 'feature');
    const file = path.join(root, 'maps/renewal.journey');
    const text = readFileSync(file, 'utf8');
    const edited = text
        .replace('emotion -1 "Confused by per-seat add-ons"', 'emotion 2 "Clear at last"')
        .replace('touchpoint kickoff "Kick-off workshop" {', 'touchpoint welcome "Welcome email" { channel email owner success }\n        touchpoint kickoff "Kick-off workshop" {');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    git(root, 'commit', '-q', '-am', 'clearer pricing');
    return root;
}

interface ApiRequest { method: string; url: string; authorization?: string; body?: { body?: string } }
interface FakeComment { id: number; body: string; user: { login: string } }

/** GitHub's issue comments API, as much as the action uses, recording every request; `fail` answers them all with an error. */
async function fakeGitHubApi(options: { comments?: FakeComment[]; fail?: { status: number; message: string } } = {}) {
    const comments = options.comments ?? [];
    const requests: ApiRequest[] = [];
    let nextId = 1000;
    const readBody = async (request: IncomingMessage) => {
        let text = '';
        for await (const chunk of request) text += String(chunk);
        return text ? JSON.parse(text) : undefined;
    };
    const server = createServer(async (request, response) => {
        const body = await readBody(request);
        requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body });
        const send = (status: number, value: unknown) => {
            response.writeHead(status, { 'content-type': 'application/json' });
            response.end(JSON.stringify(value));
        };
        if (options.fail) return send(options.fail.status, { message: options.fail.message });
        const url = new URL(request.url!, 'http://localhost');
        if (url.pathname === '/repos/journey-maps/example/issues/7/comments' && request.method === 'GET') {
            const perPage = Number(url.searchParams.get('per_page') ?? 30);
            const page = Number(url.searchParams.get('page') ?? 1);
            return send(200, comments.slice((page - 1) * perPage, page * perPage));
        }
        if (url.pathname === '/repos/journey-maps/example/issues/7/comments' && request.method === 'POST') {
            const comment = { id: nextId++, body: body.body, user: { login: 'github-actions[bot]' } };
            comments.push(comment);
            return send(201, { ...comment, html_url: `https://github.com/journey-maps/example/pull/7#issuecomment-${comment.id}` });
        }
        const patch = /^\/repos\/journey-maps\/example\/issues\/comments\/(\d+)$/.exec(url.pathname);
        const comment = patch && comments.find(candidate => candidate.id === Number(patch[1]));
        if (comment && request.method === 'PATCH') {
            comment.body = body.body;
            return send(200, comment);
        }
        return send(404, { message: 'Not Found' });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        comments,
        close: () => new Promise<void>(resolve => server.close(() => resolve())),
    };
}

function pullRequestEvent(number = 7): string {
    const file = path.join(mkdtempSync(path.join(scratch, 'event-')), 'event.json');
    writeFileSync(file, JSON.stringify({ action: 'synchronize', number, pull_request: { number, base: { ref: 'main' } } }));
    return file;
}

const MARKER = '<!-- journey-diff -->';

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
        expect(Object.keys(action.inputs)).toEqual([
            'paths', 'format', 'max-warnings', 'upload-sarif', 'version', 'config', 'working-directory', 'site', 'pages', 'diff', 'comment', 'github-token',
        ]);
        expect(action.runs.using).toBe('composite');
        for (const step of action.runs.steps) {
            // `${{ }}` pasted into a script is how workflow injection happens.
            expect(step.run ?? '', step.name).not.toContain('${{');
        }
        const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
        for (const input of Object.keys(action.inputs)) {
            expect(readme, `README documents the input ${input}`).toContain(`\`${input}\``);
        }
        for (const output of Object.keys(action.outputs)) {
            expect(readme, `README documents the output ${output}`).toContain(`\`${output}\``);
        }
        // A diff needs the base revision's history in the checkout.
        expect(readme).toContain('fetch-depth: 0');
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
            ['Compare the maps with the base revision', 'skipped'],
            ['Comment the diff on the pull request', 'skipped'],
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

    it('with diff: writes what the change does to the maps into the summary and the outputs, and lints as before', async ({ expect }) => {
        const run = await runAction(repositoryWithBranch(), { paths: 'maps', diff: 'main' });
        expect(run.failed, run.log).toBe(false);
        expect(run.steps.map(step => [step.name, step.outcome])).toEqual([
            ['Install the journey CLI', 'success'],
            ['Lint the journey maps', 'success'],
            ['Build the site of the maps', 'skipped'],
            ['Upload the site for GitHub Pages', 'skipped'],
            ['Upload the SARIF report to code scanning', 'skipped'],
            ['Compare the maps with the base revision', 'success'],
            ['Comment the diff on the pull request', 'success'],
            ['Fail on errors or too many warnings', 'success'],
        ]);
        const markdown = readFileSync(run.outputs['diff-markdown'], 'utf8');
        expect(run.outputs['diff-markdown']).toMatch(/journey-diff\.md$/);
        expect(markdown).toMatch(/^### journey diff `main` → `working tree`/);
        expect(markdown).toContain('welcome');
        // The lint summary, then the diff.
        expect(run.summary).toContain('### journey lint');
        expect(run.summary.indexOf('### journey diff')).toBeGreaterThan(run.summary.indexOf('### journey lint'));
        expect(run.summary).toContain(markdown);
        const json = JSON.parse(readFileSync(run.outputs['diff-json'], 'utf8'));
        expect(json.changed).toBe(true);
        expect(run.outputs['diff-changed']).toBe('true');
        // Not a pull request: nothing to comment on, and no request.
        expect(run.steps[6].stdout).toContain('not a pull request, no comment');
    });

    it('with diff: no change in meaning is diff-changed false; globs are compared as their folders', async ({ expect }) => {
        const [same, globs] = await Promise.all([
            runAction(repositoryWithBranch(), { paths: 'maps', diff: 'HEAD', comment: 'false' }),
            // journey diff itself takes no patterns (a revision's files are listed by path).
            runAction(repositoryWithBranch(), { paths: 'maps/*.journey\nmaps/**/shared.journey', diff: 'main', comment: 'false' }),
        ]);
        expect(same.failed, same.log).toBe(false);
        expect(same.outputs['diff-changed']).toBe('false');
        expect(JSON.parse(readFileSync(same.outputs['diff-json'], 'utf8')).changed).toBe(false);
        expect(same.steps.find(step => step.name === 'Comment the diff on the pull request')!.outcome).toBe('skipped');

        expect(globs.failed, globs.log).toBe(false);
        expect(globs.outputs['diff-changed']).toBe('true');
        expect(readFileSync(globs.outputs['diff-markdown'], 'utf8')).toContain('welcome');
    });

    it('with diff: a base the checkout does not have fails the diff step, saying why, after lint', async ({ expect }) => {
        const run = await runAction(repositoryWithBranch(), { paths: 'maps', diff: 'no-such-revision' });
        expect(run.failed).toBe(true);
        const diff = run.steps.find(step => step.name === 'Compare the maps with the base revision')!;
        expect(diff.outcome).toBe('failure');
        expect(diff.stdout).toContain('::error title=journey diff::journey diff could not compare the maps with no-such-revision');
        expect(diff.stdout).toContain('fetch-depth: 0');
        expect(run.summary).toContain('### journey lint');
        expect(run.summary).toContain('journey diff could not compare the maps with `no-such-revision`');
    });

    it('on a pull request: posts one comment with the marker, then updates it at the next push', async ({ expect }) => {
        // A busy pull request: a hundred comments of others first, so that ours is on the second page.
        const others = Array.from({ length: 100 }, (_, index) => ({ id: index + 1, body: `Looks good ${index}`, user: { login: 'reviewer' } }));
        const api = await fakeGitHubApi({ comments: others });
        try {
            const root = repositoryWithBranch();
            const job = { token: 'ghs_test-token', env: { GITHUB_API_URL: api.url, GITHUB_EVENT_PATH: pullRequestEvent() } };
            const first = await runAction(root, { paths: 'maps', diff: 'main' }, job);
            expect(first.failed, first.log).toBe(false);
            const markdown = readFileSync(first.outputs['diff-markdown'], 'utf8');
            expect(api.requests.map(request => `${request.method} ${request.url}`)).toEqual([
                'GET /repos/journey-maps/example/issues/7/comments?per_page=100&page=1',
                'GET /repos/journey-maps/example/issues/7/comments?per_page=100&page=2',
                'POST /repos/journey-maps/example/issues/7/comments',
            ]);
            expect(api.requests.every(request => request.authorization === 'Bearer ghs_test-token')).toBe(true);
            expect(api.requests[2].body).toEqual({ body: `${MARKER}\n${markdown}` });
            expect(first.steps.find(step => step.name === 'Comment the diff on the pull request')!.stdout).toContain('commented on pull request #7');

            // The next push: another change, the same comment updated, no second one.
            writeFileSync(path.join(root, 'maps/renewal.journey'), readFileSync(path.join(root, 'maps/renewal.journey'), 'utf8').replace('"Welcome email"', '"Welcome call"'));
            git(root, 'commit', '-q', '-am', 'a call');
            api.requests.length = 0;
            const second = await runAction(root, { paths: 'maps', diff: 'main' }, job);
            expect(second.failed, second.log).toBe(false);
            const ours = api.comments.filter(comment => comment.body.startsWith(MARKER));
            expect(ours).toHaveLength(1);
            expect(api.requests.map(request => `${request.method} ${request.url}`)).toEqual([
                'GET /repos/journey-maps/example/issues/7/comments?per_page=100&page=1',
                'GET /repos/journey-maps/example/issues/7/comments?per_page=100&page=2',
                `PATCH /repos/journey-maps/example/issues/comments/${ours[0].id}`,
            ]);
            expect(ours[0].body).toBe(`${MARKER}\n${readFileSync(second.outputs['diff-markdown'], 'utf8')}`);
            expect(ours[0].body).toContain('Welcome call');
            expect(api.comments).toHaveLength(101);
            expect(second.steps.find(step => step.name === 'Comment the diff on the pull request')!.stdout).toContain('updated the comment on pull request #7');
        } finally {
            await api.close();
        }
    });

    it('on a pull request without permission to comment (a fork\'s): warns and goes on, the summary has the diff', async ({ expect }) => {
        const api = await fakeGitHubApi({ fail: { status: 403, message: 'Resource not accessible by integration' } });
        try {
            const run = await runAction(repositoryWithBranch(), { paths: 'maps', diff: 'main', 'github-token': 'ghs_read-only' }, {
                env: { GITHUB_API_URL: api.url, GITHUB_EVENT_PATH: pullRequestEvent() },
            });
            expect(run.failed, run.log).toBe(false);
            const comment = run.steps.find(step => step.name === 'Comment the diff on the pull request')!;
            expect(comment.outcome).toBe('success');
            expect(comment.stdout).toMatch(/^::warning title=journey diff::Could not comment the diff on the pull request \(GET .*HTTP 403 Resource not accessible by integration\)/m);
            expect(api.requests).toHaveLength(1);
            // The github-token input, not the job's token.
            expect(api.requests[0].authorization).toBe('Bearer ghs_read-only');
            expect(run.summary).toContain('### journey diff `main`');
            expect(run.steps.at(-1)!.outcome).toBe('success');
        } finally {
            await api.close();
        }
    });

    it('with comment: false, on a pull request: no request to the API', async ({ expect }) => {
        const api = await fakeGitHubApi();
        try {
            const run = await runAction(repositoryWithBranch(), { paths: 'maps', diff: 'main', comment: 'false' }, {
                token: 'ghs_test-token', env: { GITHUB_API_URL: api.url, GITHUB_EVENT_PATH: pullRequestEvent() },
            });
            expect(run.failed, run.log).toBe(false);
            expect(run.summary).toContain('### journey diff');
            expect(api.requests).toEqual([]);
        } finally {
            await api.close();
        }
    });
});
