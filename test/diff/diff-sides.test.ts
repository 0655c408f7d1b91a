// The two sides of `journey diff`: git revisions of real repositories built in temporary folders, the
// working tree, and two folders; loadDiffSides called directly (no program, no bundle).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiffSide } from '@journey/diff';
import { parseCalendarDate } from '@journey/language';
import { CliError } from '../../packages/cli/src/cli-error.js';
import type { CommandIO } from '../../packages/cli/src/commands/lint-command.js';
import { loadDiffSides } from '../../packages/cli/src/diff/diff-sides.js';
import { repoRoot } from '../support/journey-process.js';

const today = parseCalendarDate('2026-11-15')!;
const renewal = readFileSync(path.join(repoRoot, 'examples/spec/renewal.journey'), 'utf8');
const shared = readFileSync(path.join(repoRoot, 'examples/spec/shared.journey'), 'utf8');

const folders: string[] = [];
afterAll(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-diff-sides-'));
    folders.push(folder);
    return folder;
}

function io(cwd: string): CommandIO {
    return { cwd, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, readStdin: async () => Buffer.alloc(0) };
}

/** A repository of its own: no system or global git configuration, a local author. */
class Repository {
    readonly root = tempFolder();

    constructor() {
        this.git('init', '-q', '-b', 'main');
        this.git('config', 'user.name', 'Journey Tests');
        this.git('config', 'user.email', 'tests@example.com');
        this.git('config', 'commit.gpgsign', 'false');
    }

    git(...args: string[]): string {
        return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
    }

    write(file: string, text: string): this {
        mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
        writeFileSync(path.join(this.root, file), text);
        return this;
    }

    remove(file: string): this {
        rmSync(path.join(this.root, file));
        return this;
    }

    commit(message: string): string {
        this.git('add', '-A');
        this.git('commit', '-q', '--allow-empty', '-m', message);
        return this.git('rev-parse', 'HEAD').trim();
    }
}

/** The renewal example in `maps/`, committed. */
function renewalRepository(): Repository {
    const repository = new Repository();
    repository.write('maps/shared.journey', shared).write('maps/renewal.journey', renewal).commit('renewal');
    return repository;
}

function journeyNames(side: DiffSide): string[] {
    return side.workspace.journeys.map(journey => journey.name);
}

function emotionOf(side: DiffSide, touchpoint: string): number | undefined {
    const found = side.workspace.journeys.flatMap(journey => journey.stages.flatMap(stage => stage.touchpoints)).find(candidate => candidate.name === touchpoint);
    return found?.emotion?.value;
}

/** A model with its URIs left out: what stays when only a file's name changed. */
function withoutUris(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value, (key, entry: unknown) => (key === 'uri' ? undefined : entry)));
}

async function usageError(run: Promise<unknown>): Promise<CliError> {
    const error = await run.then(() => undefined, (caught: unknown) => caught);
    expect(CliError.is(error), String(error)).toBe(true);
    expect((error as CliError).exitCode).toBe(2);
    return error as CliError;
}

describe('journey diff: a revision and the working tree', () => {
    it('sees an edit not committed on HEAD, with the same paths (and URIs) on both sides', async () => {
        const repository = renewalRepository();
        repository.write('maps/renewal.journey', renewal.replace('emotion -2 "Frustrated"', 'emotion 1 "Relieved"'));
        const sides = await loadDiffSides('HEAD', undefined, [], io(repository.root), { today });
        expect(sides.baseName).toBe('HEAD');
        expect(sides.headName).toBe('working tree');
        expect(emotionOf(sides.base, 'renewal_quote')).toBe(-2);
        expect(emotionOf(sides.head, 'renewal_quote')).toBe(1);
        expect(Object.values(sides.base.paths).sort()).toEqual(['maps/renewal.journey', 'maps/shared.journey']);
        expect(sides.head.paths).toEqual(sides.base.paths);
        expect(sides.base.broken).toEqual([]);
    });

    it('gives every finding with its path, journey, rule, severity, message and 1-based line', async () => {
        const repository = renewalRepository();
        const { base, head } = await loadDiffSides('main', undefined, [], io(repository.root), { today });
        expect(base.findings).toEqual(head.findings);
        expect(base.findings.length).toBeGreaterThan(0);
        const lines = renewal.split('\n');
        for (const finding of base.findings) {
            expect(['error', 'warning', 'info']).toContain(finding.severity);
            expect(finding.path).toMatch(/^maps\/(renewal|shared)\.journey$/);
            expect(finding.line).toBeGreaterThanOrEqual(1);
            if (finding.path === 'maps/renewal.journey') {
                expect(finding.journey).toBe('renewal');
            }
        }
        const kpi = base.findings.find(finding => finding.ruleId === 'kpi-off-target');
        expect(kpi).toBeDefined();
        expect(lines[kpi!.line - 1]).toContain('kpi conversion');
    });

    it('reads a working tree from a folder inside the repository, paths shown from the root', async () => {
        const repository = renewalRepository();
        const sides = await loadDiffSides('HEAD', undefined, [], io(path.join(repository.root, 'maps')), { today });
        expect(Object.values(sides.head.paths).sort()).toEqual(['maps/renewal.journey', 'maps/shared.journey']);
        expect(Object.values(sides.base.paths).sort()).toEqual(['maps/renewal.journey', 'maps/shared.journey']);
    });

    it('lists a file that does not parse as broken, on the side where it is broken', async () => {
        const repository = renewalRepository();
        repository.write('maps/renewal.journey', renewal.replace('stage research "Research" {', 'stage research "Research"'));
        const { base, head } = await loadDiffSides('HEAD', undefined, [], io(repository.root), { today });
        expect(base.broken).toEqual([]);
        expect(head.broken).toEqual(['maps/renewal.journey']);
        expect(head.findings.some(finding => finding.ruleId === 'syntax' && finding.severity === 'error')).toBe(true);
    });
});

describe('journey diff: two revisions', () => {
    it('compares two commits, by branch, sha and HEAD~1', async () => {
        const repository = renewalRepository();
        const first = repository.git('rev-parse', 'HEAD').trim();
        repository.write('maps/renewal.journey', renewal.replace('emotion -1 "Confused by per-seat add-ons"', 'emotion 2 "Clear at last"')).commit('clearer pricing');
        // The working tree changes again; two revisions never read it.
        repository.write('maps/renewal.journey', renewal.replace('emotion -1 "Confused by per-seat add-ons"', 'emotion -3 "Lost"'));
        for (const [base, head] of [['HEAD~1', 'HEAD'], [first, 'main'], [first.slice(0, 10), 'HEAD']]) {
            const sides = await loadDiffSides(base, head, [], io(repository.root), { today });
            expect(sides.baseName).toBe(base);
            expect(sides.headName).toBe(head);
            expect(emotionOf(sides.base, 'pricing_page')).toBe(-1);
            expect(emotionOf(sides.head, 'pricing_page')).toBe(2);
            expect(sides.head.paths).toEqual(sides.base.paths);
        }
        const againstWorkingTree = await loadDiffSides('HEAD~1', undefined, [], io(repository.root), { today });
        expect(emotionOf(againstWorkingTree.head, 'pricing_page')).toBe(-3);
    });

    it('sees a file added and one deleted between revisions', async () => {
        const repository = renewalRepository();
        repository.write('maps/extra.journey', 'team support "Support"\n').remove('maps/renewal.journey').commit('extra, renewal gone');
        const { base, head } = await loadDiffSides('HEAD~1', 'HEAD', [], io(repository.root), { today });
        expect(Object.values(base.paths).sort()).toEqual(['maps/renewal.journey', 'maps/shared.journey']);
        expect(Object.values(head.paths).sort()).toEqual(['maps/extra.journey', 'maps/shared.journey']);
        expect(journeyNames(base)).toEqual(['renewal']);
        expect(journeyNames(head)).toEqual([]);
        expect(head.workspace.teams.map(team => team.name)).toContain('support');
    });

    it('leaves out files outside the paths, at a revision and in the working tree', async () => {
        const repository = renewalRepository();
        repository.write('other/outside.journey', 'team outsiders "Outsiders"\n').write('mapsy/near.journey', 'team near "Near"\n')
            .write('maps/node_modules/dep.journey', 'team dep "Dep"\n').commit('outside');
        for (const head of ['HEAD', undefined]) {
            const sides = await loadDiffSides('HEAD', head, ['maps'], io(repository.root), { today });
            for (const side of [sides.base, sides.head]) {
                expect(Object.values(side.paths).sort()).toEqual(['maps/renewal.journey', 'maps/shared.journey']);
            }
        }
        const oneFile = await loadDiffSides('HEAD', 'HEAD', ['maps/shared.journey', 'other'], io(repository.root), { today });
        expect(Object.values(oneFile.base.paths).sort()).toEqual(['maps/shared.journey', 'other/outside.journey']);
        // Relative to the folder the command runs in.
        const fromMaps = await loadDiffSides('HEAD', undefined, ['shared.journey'], io(path.join(repository.root, 'maps')), { today });
        expect(Object.values(fromMaps.base.paths)).toEqual(['maps/shared.journey']);
        expect(Object.values(fromMaps.head.paths)).toEqual(['maps/shared.journey']);
    });

    it('gives a file renamed with git mv the same model (but for its URI) and its new path', async () => {
        const repository = renewalRepository();
        repository.git('mv', 'maps/renewal.journey', 'maps/olivia-renewal.journey');
        repository.commit('rename');
        const { base, head } = await loadDiffSides('HEAD~1', 'HEAD', [], io(repository.root), { today });
        expect(Object.values(head.paths).sort()).toEqual(['maps/olivia-renewal.journey', 'maps/shared.journey']);
        expect(withoutUris(head.workspace)).toEqual(withoutUris(base.workspace));
        expect(head.findings.map(finding => ({ ...finding, path: undefined }))).toEqual(base.findings.map(finding => ({ ...finding, path: undefined })));
    });

    it('uses the journey.config.json of each revision', async () => {
        const repository = new Repository();
        repository.write('journey.config.json', JSON.stringify({ rules: { 'kpi-off-target': 'off' } }))
            .write('maps/shared.journey', shared).write('maps/renewal.journey', renewal).commit('quiet');
        repository.write('journey.config.json', JSON.stringify({ rules: { 'kpi-off-target': 'error' } })).commit('loud');
        const { base, head } = await loadDiffSides('HEAD~1', 'HEAD', ['maps'], io(repository.root), { today });
        expect(base.findings.some(finding => finding.ruleId === 'kpi-off-target')).toBe(false);
        expect(head.findings.find(finding => finding.ruleId === 'kpi-off-target')?.severity).toBe('error');
        // The working tree's own configuration, found as lint finds it.
        repository.write('journey.config.json', JSON.stringify({ rules: { 'kpi-off-target': 'info' } }));
        const working = await loadDiffSides('HEAD~1', undefined, ['maps'], io(repository.root), { today });
        expect(working.base.findings.some(finding => finding.ruleId === 'kpi-off-target')).toBe(false);
        expect(working.head.findings.find(finding => finding.ruleId === 'kpi-off-target')?.severity).toBe('info');
        // --config: that file, for both sides.
        const explicit = await loadDiffSides('HEAD~1', 'HEAD', ['maps'], io(repository.root), { today, config: 'journey.config.json' });
        expect(explicit.base.findings.find(finding => finding.ruleId === 'kpi-off-target')?.severity).toBe('info');
        expect(explicit.head.findings.find(finding => finding.ruleId === 'kpi-off-target')?.severity).toBe('info');
    });

    it('uses the nearest configuration of the revision, and names a bad one by revision and path', async () => {
        const repository = new Repository();
        repository.write('journey.config.json', JSON.stringify({ rules: { 'kpi-off-target': 'error' } }))
            .write('maps/journey.config.json', JSON.stringify({ rules: { 'kpi-off-target': 'off' } }))
            .write('maps/shared.journey', shared).write('maps/renewal.journey', renewal).commit('nested');
        const { base } = await loadDiffSides('HEAD', 'HEAD', ['maps'], io(repository.root), { today });
        expect(base.findings.some(finding => finding.ruleId === 'kpi-off-target')).toBe(false);
        repository.write('maps/journey.config.json', '{ "rules": { "kpi-of-target": "off" } }').commit('typo');
        const error = await usageError(loadDiffSides('HEAD', undefined, ['maps'], io(repository.root), { today }));
        expect(error.message).toMatch(/^HEAD:maps\/journey\.config\.json:1:\d+: /);
    });

    /** main and a branch `feature` that diverged: the kickoff's emotion 1 → 3 on feature, a file added on main since (checked out: main). */
    function divergedRepository() {
        const repository = renewalRepository();
        repository.git('checkout', '-q', '-b', 'feature');
        repository.write('maps/renewal.journey', renewal.replace('emotion 1 serves fast_setup', 'emotion 3 serves fast_setup')).commit('feature');
        repository.git('checkout', '-q', 'main');
        repository.write('maps/later.journey', 'team later "Later"\n').commit('main moves on');
        return repository;
    }

    it('compares the merge base of A...B with B', async () => {
        const repository = divergedRepository();
        const range = await loadDiffSides('main...feature', undefined, [], io(repository.root), { today });
        expect(range.baseName).toBe('main (merge base with feature)');
        expect(range.headName).toBe('feature');
        expect(Object.values(range.base.paths)).not.toContain('maps/later.journey');
        expect(emotionOf(range.base, 'kickoff')).toBe(1);
        expect(emotionOf(range.head, 'kickoff')).toBe(3);
        const twoDots = await loadDiffSides('main..feature', undefined, [], io(repository.root), { today });
        expect(Object.values(twoDots.base.paths)).toContain('maps/later.journey');
        await expect(usageError(loadDiffSides('main...feature', 'HEAD', [], io(repository.root), { today }))).resolves.toHaveProperty('message', expect.stringContaining('is a range'));
    });

    it('--merge-base: the merge base of BASE and HEAD, against the working tree with its uncommitted work', async () => {
        const repository = divergedRepository();
        repository.git('checkout', '-q', 'feature');
        // Uncommitted on the branch: still compared, as git diff --merge-base main compares the working tree.
        repository.write('maps/renewal.journey', renewal.replace('emotion 1 serves fast_setup', 'emotion 2 serves fast_setup'));
        const sides = await loadDiffSides('main', undefined, [], io(repository.root), { today, mergeBase: true });
        expect(sides.baseName).toBe('main (merge base with HEAD)');
        expect(sides.headName).toBe('working tree');
        expect(Object.values(sides.base.paths)).not.toContain('maps/later.journey');
        expect(emotionOf(sides.base, 'kickoff')).toBe(1);
        expect(emotionOf(sides.head, 'kickoff')).toBe(2);
        // Without it, main is main as it is now: the file main added since is on BASE only.
        const plain = await loadDiffSides('main', undefined, [], io(repository.root), { today });
        expect(Object.values(plain.base.paths)).toContain('maps/later.journey');
        const twoRevisions = await loadDiffSides('main', 'feature', [], io(repository.root), { today, mergeBase: true });
        expect(twoRevisions.baseName).toBe('main (merge base with feature)');
        expect(emotionOf(twoRevisions.head, 'kickoff')).toBe(3);
        await expect(usageError(loadDiffSides('main...feature', undefined, [], io(repository.root), { today, mergeBase: true }))).resolves.toHaveProperty('message', expect.stringContaining('without --merge-base'));
    });
});

describe('journey diff: two folders', () => {
    it('loads each folder as a workspace of its own, paths relative to it', async () => {
        const root = tempFolder();
        for (const [folder, text] of [['a', renewal], ['b', renewal.replace('emotion -2 "Frustrated"', 'emotion 0 "Fine"')]]) {
            mkdirSync(path.join(root, folder, 'nested'), { recursive: true });
            writeFileSync(path.join(root, folder, 'x.journey'), text);
            writeFileSync(path.join(root, folder, 'nested', 'shared.journey'), shared);
        }
        const sides = await loadDiffSides('a', 'b/', [], io(root), { today });
        expect(sides.baseName).toBe('a');
        expect(sides.headName).toBe('b');
        expect(Object.values(sides.base.paths).sort()).toEqual(['nested/shared.journey', 'x.journey']);
        expect(Object.values(sides.head.paths).sort()).toEqual(['nested/shared.journey', 'x.journey']);
        expect(emotionOf(sides.base, 'renewal_quote')).toBe(-2);
        expect(emotionOf(sides.head, 'renewal_quote')).toBe(0);
        // Names resolve within each folder: no unresolved references.
        expect(sides.head.findings.some(finding => finding.ruleId === 'unresolved-reference')).toBe(false);
        const error = await usageError(loadDiffSides('a', 'b', ['x.journey'], io(root), { today }));
        expect(error.message).toContain('give no paths after them');
    });
});

describe('journey diff: errors', () => {
    it('outside a repository', async () => {
        const root = tempFolder();
        const error = await usageError(loadDiffSides('main', undefined, [], io(root), { today }));
        expect(error.message).toBe(`not a git repository: ${root}: run journey diff inside the repository, or give two folders (journey diff OLD_FOLDER NEW_FOLDER)`);
    });

    it('an unknown revision', async () => {
        const repository = renewalRepository();
        const error = await usageError(loadDiffSides('foo', undefined, [], io(repository.root), { today }));
        expect(error.message).toBe(`no revision \`foo\` in ${repository.root}: a branch, tag or commit, e.g. main or HEAD~1`);
        const head = await usageError(loadDiffSides('main', 'nope', [], io(repository.root), { today }));
        expect(head.message).toContain('no revision `nope`');
    });

    it('a revision that starts with - is a revision, never an option', async () => {
        const repository = renewalRepository();
        for (const revision of ['--output=written', '-h', '--all']) {
            const error = await usageError(loadDiffSides(revision, 'HEAD', [], io(repository.root), { today }));
            expect(error.message).toBe(`no revision \`${revision}\` in ${repository.root}: a branch, tag or commit, e.g. main or HEAD~1`);
        }
        expect(existsSync(path.join(repository.root, 'written'))).toBe(false);
    });

    it('a path outside the repository, and a pattern', async () => {
        const repository = renewalRepository();
        const outside = await usageError(loadDiffSides('HEAD', undefined, ['..'], io(repository.root), { today }));
        expect(outside.message).toContain('is outside the repository');
        const pattern = await usageError(loadDiffSides('HEAD', undefined, ['maps/*.journey'], io(repository.root), { today }));
        expect(pattern.message).toContain('not patterns');
    });

    it('git missing', async () => {
        const repository = renewalRepository();
        const saved = process.env.PATH;
        process.env.PATH = path.join(repository.root, 'no-git-here');
        try {
            const error = await usageError(loadDiffSides('HEAD', undefined, [], io(repository.root), { today }));
            expect(error.message).toContain('git was not found');
        } finally {
            process.env.PATH = saved;
        }
    });
});
