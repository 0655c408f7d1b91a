import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { commitAll, git, specRepository } from '../support/git-repository.js';
import { repoRoot, scratchWorkspaces } from '../support/journey-process.js';

/**
 * `journey diff` on real git repositories made in temporary folders: the examples committed on `main`,
 * then changed in the working tree or on a branch.
 */
const workspace = scratchWorkspaces();
const TODAY = '2026-12-01';

/** A repository with examples/spec as `maps/`, committed on main, and a way to edit a file of it. */
function repository() {
    const files = workspace();
    const root = specRepository(files);
    const edit = (file: string, from: string, to: string) => {
        const target = files.path(`maps/${file}`);
        const text = readFileSync(target, 'utf8');
        expect(text, `${from} in ${file}`).toContain(from);
        writeFileSync(target, text.replace(from, to));
    };
    return { root, files, edit };
}

const diff = (root: string, ...args: string[]) => journeyInProcess(['diff', ...args, '--today', TODAY], root);

describe('journey diff', () => {
    it('says in words what a change to the working tree does: an emotion, worse', async () => {
        const { root, edit } = repository();
        edit('renewal.journey', 'emotion -1 "Confused by per-seat add-ons"', 'emotion -3 "Confused by per-seat add-ons"');
        const run = await diff(root, 'main');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('journey diff main → working tree: 1 journey changed; 1 change (0 better, 1 worse)');
        expect(run.stdout).toMatch(/- Emotion at "Visits the pricing page" went from −1 to −3 \(worse\)/);
    });

    it('reads a path after one revision as a path, not as HEAD (as git does)', async () => {
        const { root, edit } = repository();
        edit('renewal.journey', 'owner sales', 'owner marketing');
        const run = await diff(root, 'main', 'maps');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain('journey diff main → working tree: 1 journey changed; 1 change');
    });

    it('finds no change in meaning in a reformatted file, a comment, or a file moved (and --exit-code says 0)', async () => {
        const { root, files } = repository();
        const renewal = readFileSync(files.path('maps/renewal.journey'), 'utf8');
        writeFileSync(files.path('maps/renewal.journey'), renewal.replace(/^ {4}/gm, '  ').replace(/\/\/.*$/gm, '// changed comment'));
        git(root, 'mv', 'maps/shared.journey', 'maps/declarations.journey');
        const run = await diff(root, 'main', '--exit-code');
        expect(run.stdout).toContain('No change in meaning.');
        expect(run.status).toBe(0);
    });

    it('exits 1 with --exit-code when the meaning changed, as git diff --exit-code', async () => {
        const { root, edit } = repository();
        edit('renewal.journey', 'owner sales', 'owner marketing');
        expect((await diff(root, 'main', '--exit-code')).status).toBe(1);
        expect((await diff(root, 'main')).status).toBe(0);
    });

    it('compares two revisions, and writes JSON that its schema accepts', async () => {
        const { root, edit } = repository();
        edit('renewal.journey', 'severity 4', 'severity 5');
        git(root, 'commit', '-q', '-am', 'worse pain');
        const run = await diff(root, 'HEAD~1', 'HEAD', '--format', 'json');
        expect(run.status, run.stderr).toBe(0);
        const json = JSON.parse(run.stdout);
        const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/journey-diff.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(json.journeys.flatMap((journey: { changes: Array<{ kind: string; direction: string }> }) => journey.changes.map(change => [change.kind, change.direction])))
            .toEqual([['severity', 'worse']]);
    });

    it('reports a file that does not parse as such, not as its journeys removed', async () => {
        const { root, edit } = repository();
        edit('renewal.journey', 'touchpoint renewal_quote "Renewal quote arrives" {', 'touchpoint renewal_quote "Renewal quote arrives {');
        const run = await diff(root, 'main');
        expect(run.stdout).toContain('On working tree, maps/renewal.journey has syntax errors');
        expect(run.stdout).not.toMatch(/removed/i);
    });

    it('keeps a pull-request comment of a 2,000-touchpoint change within GitHub\'s limit', async () => {
        const files = workspace();
        const journey = (emotion: number) => [
            'journey big "A big journey" {',
            ...Array.from({ length: 40 }, (_, s) => [
                `    stage s${s} "Stage ${s}" {`,
                ...Array.from({ length: 50 }, (_, t) => `        touchpoint t${s}_${t} "Touchpoint ${s}.${t} with a label long enough to weigh" {\n            emotion ${emotion}\n        }`),
                '    }',
            ].join('\n')),
            '}', '',
        ].join('\n');
        files.write('maps/big.journey', journey(1));
        const root = files.root;
        commitAll(root, 'big');
        writeFileSync(files.path('maps/big.journey'), journey(-2));
        const run = await diff(root, 'main', '--format', 'markdown');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout.length).toBeLessThanOrEqual(65_536);
        expect(run.stdout).toContain('2000 changes (0 better, 2000 worse)');
        expect(run.stdout).toMatch(/more lines? not shown/);
    }, 60_000);

    it('compares two folders', async () => {
        const files = workspace();
        for (const side of ['before', 'after']) {
            for (const name of ['renewal.journey', 'shared.journey']) {
                files.write(`${side}/${name}`, readFileSync(path.join(repoRoot, 'examples/spec', name), 'utf8'));
            }
        }
        const after = files.path('after/renewal.journey');
        writeFileSync(after, readFileSync(after, 'utf8').replace('emotion -2 "Frustrated"', 'emotion 1 "Relieved"'));
        const run = await diff(files.root, files.path('before'), files.path('after'));
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/\+ Emotion at "Renewal quote arrives" went from −2 to \+1 \(better\)/);
    });
});
