// `journey lint --cache` (issue 16, item 4): a file's findings are taken from the cache only when
// nothing they depend on changed (its bytes, the files that declare or use the names it uses or
// declares, the configuration, the version, the day), and they are then the same bytes an uncached run
// prints. Runs are in process; each counts the workspaces it loads (`createServices` calls): a run that
// reuses every file loads none.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createJourneyServices } from '@journey/language';
import fc from 'fast-check';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import type { JourneyServicePair } from '../../packages/cli/src/journey-workspace.js';
import { CACHE_FILE_NAME } from '../../packages/cli/src/lint-cache.js';
import { runCli } from '../../packages/cli/src/program.js';
import { LINT_FORMATS } from '../../packages/cli/src/format-names.js';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { emptyForReuse } from '../support/reusable-services.js';
import { scratchWorkspaces, type JourneyRun } from '../support/journey-process.js';
import { FIXABLE_FILES, FIXABLE_REPORT } from './eslint-fixtures.js';
import { CROSS_FILE_WORKSPACE } from '../support/cross-file-workspace.js';

const workspace = scratchWorkspaces();
const TODAY = ['--today', '2026-11-25'];

const idle: JourneyServicePair[] = [];

interface CountedRun extends JourneyRun {
    /** How many workspaces the run loaded (0: every result came from the cache). */
    loads: number;
    /** The files the run checked (validated), by path from the folder linted, in order. */
    checked: string[];
}

/** Where the validator of the services in use reports the files it checks. */
let onCheck: (uri: string) => void = () => undefined;
const watched = new WeakSet<object>();

function watchValidation(services: JourneyServicePair): JourneyServicePair {
    const validator = services.Journey.validation.DocumentValidator;
    if (!watched.has(validator)) {
        watched.add(validator);
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = (document, ...rest) => {
            onCheck(document.uri.fsPath);
            return validate(document, ...rest);
        };
    }
    return services;
}

/** `journey ARGS` in process, counting the workspaces it loads. */
async function journey(args: readonly string[], cwd: string, stdin = ''): Promise<CountedRun> {
    let stdout = '';
    let stderr = '';
    let loads = 0;
    const checked: string[] = [];
    onCheck = file => checked.push(path.relative(cwd, file).split(path.sep).join('/'));
    const lent: JourneyServicePair[] = [];
    const status = await runCli(args, {
        cwd, env: {}, isTTY: false,
        stdout: text => { stdout += text; },
        stderr: text => { stderr += text; },
        readStdin: async () => Buffer.from(stdin),
        createServices: () => {
            loads++;
            const services = watchValidation(idle.pop() ?? createJourneyServices({ ...NodeFileSystem }));
            lent.push(services);
            return services;
        },
    }).finally(async () => {
        for (const services of lent) {
            if (await emptyForReuse(services.shared)) {
                idle.push(services);
            }
        }
    });
    return { status, stdout, stderr, loads, checked };
}

/** Lints with the cache and without it: the same output and exit code. Returns the cached run. */
async function cachedMatchesUncached(root: string, args: readonly string[] = []): Promise<CountedRun> {
    const cached = await journey(['lint', '--cache', ...TODAY, ...args], root);
    const plain = await journey(['lint', ...TODAY, ...args], root);
    expect({ status: cached.status, stdout: cached.stdout, stderr: cached.stderr })
        .toEqual({ status: plain.status, stdout: plain.stdout, stderr: plain.stderr });
    return cached;
}

interface CacheFileData { version: string; key: string; entries: Record<string, { hash: string; fingerprint: string; messages: unknown[] }> }

function readCache(file: string): CacheFileData {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheFileData;
}

describe('journey lint --cache', () => {
    it('is described by journey lint --help', async () => {
        const help = await journey(['lint', '--help'], process.cwd());
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/--cache\s+reuse the results the cache file holds/);
        expect(help.stdout).toMatch(/--cache-location <path>\s+with --cache: the cache file, or a folder/);
    });

    it('writes .journeycache here and takes every result from it on a second run, in every format', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const first = await cachedMatchesUncached(ws.root);
        expect(first.loads).toBe(1);
        expect(first.status).toBe(1);
        const cache = readCache(ws.path(CACHE_FILE_NAME));
        expect(Object.keys(cache.entries)).toEqual(['personas.journey', 'renewal.journey']);
        expect(cache.entries['renewal.journey'].messages).toHaveLength(2);
        for (const format of LINT_FORMATS) {
            for (const extra of [[], ['--quiet'], ['--info']]) {
                const args = ['--format', format, ...extra];
                const again = await cachedMatchesUncached(ws.root, args);
                expect(again.loads, args.join(' ')).toBe(0);
            }
        }
        expect(readFileSync(ws.path(CACHE_FILE_NAME), 'utf8')).toBe(JSON.stringify(cache));
    });

    it('re-checks the files that use a declaration changed in another file', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN, 'other.journey': 'team other "Other"\n' });
        expect((await cachedMatchesUncached(ws.root)).status).toBe(0);
        ws.write('personas.journey', PERSONAS.replace('channel email', 'channel mail'));
        const broken = await cachedMatchesUncached(ws.root);
        expect(broken.loads).toBe(1);
        // The workspace is loaded whole, but only the changed file and the file that uses its names are checked again.
        expect(broken.checked).toEqual(['personas.journey', 'renewal.journey']);
        expect(broken.stdout).toContain('Unknown channel `email`');
        expect((await journey(['lint', '--cache', ...TODAY], ws.root)).loads).toBe(0);
        ws.write('personas.journey', PERSONAS);
        const mended = await cachedMatchesUncached(ws.root);
        expect(mended.loads).toBe(1);
        expect(mended.status).toBe(0);
        // A need renamed in the persona's file: the journey that serves it is checked again.
        ws.write('personas.journey', PERSONAS.replace('need fast_setup', 'need quick_setup'));
        const renamed = await cachedMatchesUncached(ws.root);
        expect(renamed.stdout).toContain('fast_setup');
    });

    it('re-checks the files whose KPIs are computed from a data file that changed, and not otherwise', async () => {
        const survey = (answers: number[]) => `Respondent,Recommend\n${answers.map((answer, index) => `r${index},${answer}`).join('\n')}\n`;
        const journeyText = RENEWAL_CLEAN.replace('serves fast_setup }', 'serves fast_setup evidence export\n            kpi nps from export column "Recommend" as nps target 0 }');
        expect(journeyText).not.toBe(RENEWAL_CLEAN);
        const ws = workspace({
            'personas.journey': `${PERSONAS}\nmetric nps "Net Promoter Score" scale -100 to 100\nsource export "Survey export" survey data "data/survey.csv"\n`,
            'renewal.journey': journeyText,
            'data/survey.csv': survey(Array.from({ length: 40 }, () => 10)),
        });
        const first = await cachedMatchesUncached(ws.root, ['--info']);
        expect(first.stdout).not.toMatch(/small-sample|off target/);
        expect((await journey(['lint', '--cache', '--info', ...TODAY], ws.root)).loads).toBe(0);
        // A new export with fewer, unhappier answers: the KPI is now off target and rests on a small sample.
        ws.write('data/survey.csv', survey([1, 2, 10]));
        const changed = await cachedMatchesUncached(ws.root, ['--info']);
        expect(changed.loads).toBe(1);
        expect(changed.checked).toContain('renewal.journey');
        expect(changed.stdout).toContain('small-sample');
        expect(changed.stdout).toMatch(/KPI `nps` is off target: -33\.33 \(computed from 3 answers\)/);
        ws.write('data/survey.csv', survey(Array.from({ length: 40 }, () => 10)));
        expect((await cachedMatchesUncached(ws.root, ['--info'])).stdout).not.toContain('small-sample');
        // The export removed: the source's data is unreadable, from the cache's point of view a change too.
        rmSync(ws.path('data/survey.csv'));
        expect((await cachedMatchesUncached(ws.root, ['--info'])).stdout).toContain('data-unreadable');
    });

    it('re-checks a file with an unknown name when a name is declared anywhere (its "did you mean" reads them all)', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const before = await cachedMatchesUncached(ws.root);
        expect(before.stdout).toContain('Did you mean `email`?');
        ws.write('z-more.journey', 'channel emiall "More email" online\n');
        const after = await cachedMatchesUncached(ws.root);
        expect(after.loads).toBe(1);
        expect(after.stdout).toContain('Did you mean `email` or `emiall`?');
        // A file that does not parse and mentions the name silences the finding.
        ws.write('z-more.journey', 'channel emial "Broken" online {\n');
        const silenced = await cachedMatchesUncached(ws.root);
        expect(silenced.stdout).not.toContain('Unknown channel');
    });

    it('re-checks the declarations of a name when a new file declares it too, and when that file goes', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN });
        await cachedMatchesUncached(ws.root);
        ws.write('a-teams.journey', 'team success "Another success team"\n');
        const duplicate = await cachedMatchesUncached(ws.root, ['--format', 'json']);
        expect(duplicate.loads).toBe(1);
        const results = JSON.parse(duplicate.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
        expect(results.find(result => result.filePath === ws.path('personas.journey'))!.messages.map(m => m.ruleId)).toContain('duplicate-name');
        rmSync(ws.path('a-teams.journey'));
        const alone = await cachedMatchesUncached(ws.root);
        expect(alone.loads).toBe(1);
        expect(alone.status).toBe(0);
        expect(Object.keys(readCache(ws.path(CACHE_FILE_NAME)).entries)).toEqual(['personas.journey', 'renewal.journey']);
    });

    it('is not used by a run of another configuration, another day or another version', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        await cachedMatchesUncached(ws.root);
        ws.write('journey.config.json', JSON.stringify({ rules: { 'need-not-served': 'off' } }));
        const configured = await cachedMatchesUncached(ws.root);
        expect(configured.loads).toBe(1);
        expect(configured.stdout).not.toContain('need-not-served');
        expect((await journey(['lint', '--cache', ...TODAY], ws.root)).loads).toBe(0);
        // Another day: the date rules may say otherwise.
        const tomorrow = await journey(['lint', '--cache', '--today', '2026-11-26'], ws.root);
        expect(tomorrow.loads).toBe(1);
        // With the date rules off, the day does not matter.
        ws.write('journey.config.json', JSON.stringify({ rules: { 'need-not-served': 'off', 'stale-map': 'off', 'plan-overdue': 'off', 'stale-evidence': 'off' } }));
        expect((await journey(['lint', '--cache', '--today', '2026-11-26'], ws.root)).loads).toBe(1);
        expect((await journey(['lint', '--cache', '--today', '2027-01-01'], ws.root)).loads).toBe(0);
        // A cache another version of journey wrote is rewritten.
        const file = ws.path(CACHE_FILE_NAME);
        const cache = readCache(file);
        writeFileSync(file, JSON.stringify({ ...cache, version: '0.0.1-other' }));
        expect((await journey(['lint', '--cache', ...TODAY], ws.root)).loads).toBe(1);
        expect(readCache(file).version).toBe(cache.version);
        expect((await journey(['lint', '--cache', ...TODAY], ws.root)).loads).toBe(0);
    });

    it('ignores a cache file that is corrupt or not a cache, and writes it anew', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const file = ws.path(CACHE_FILE_NAME);
        for (const junk of ['{"format": 1, "entries": ', '', 'null', '[1, 2]', '\u0000\u00ff binary']) {
            writeFileSync(file, junk);
            const run = await cachedMatchesUncached(ws.root);
            expect(run.loads).toBe(1);
            expect(run.stderr).toBe('');
            expect(Object.keys(readCache(file).entries)).toHaveLength(2);
        }
        // A folder where the cache file should be: read as no cache; it cannot be written, which is said on stderr.
        rmSync(file);
        mkdirSync(file);
        const noted = await journey(['lint', '--cache', ...TODAY], ws.root);
        const plain = await journey(['lint', ...TODAY], ws.root);
        expect({ status: noted.status, stdout: noted.stdout }).toEqual({ status: plain.status, stdout: plain.stdout });
        expect(noted.stderr).toMatch(/^journey: cannot write the cache \.journeycache: E[A-Z]+\n$/);
        rmSync(file, { recursive: true });
        await journey(['lint', '--cache', ...TODAY], ws.root);
        // An entry that is not well formed is as no entry: its file is checked again.
        const cache = readCache(file);
        cache.entries['renewal.journey'].messages = [['x']];
        writeFileSync(file, JSON.stringify(cache));
        const run = await cachedMatchesUncached(ws.root);
        expect(run.loads).toBe(1);
        expect((await journey(['lint', '--cache', ...TODAY], ws.root)).loads).toBe(0);
    });

    it('reads --cache-location as a file, or as a folder when it is one or ends with a separator; keys are relative', async () => {
        const ws = workspace({ 'maps/personas.journey': PERSONAS, 'maps/renewal.journey': RENEWAL_WITH_PROBLEMS });
        await journey(['lint', 'maps', '--cache', '--cache-location', 'tmp/lint-cache.json', ...TODAY], ws.root);
        expect(Object.keys(readCache(ws.path('tmp/lint-cache.json')).entries)).toEqual(['../maps/personas.journey', '../maps/renewal.journey']);
        await journey(['lint', 'maps', '--cache', '--cache-location', `new-folder${path.sep}`, ...TODAY], ws.root);
        expect(existsSync(ws.path(`new-folder/${CACHE_FILE_NAME}`))).toBe(true);
        mkdirSync(ws.path('existing'));
        await journey(['lint', 'maps', '--cache', '--cache-location', 'existing', ...TODAY], ws.root);
        expect(existsSync(ws.path(`existing/${CACHE_FILE_NAME}`))).toBe(true);
        expect((await journey(['lint', 'maps', '--cache', '--cache-location', 'existing', ...TODAY], ws.root)).loads).toBe(0);
        // A moved checkout keeps its cache: the paths in it are relative to its folder.
        const moved = `${ws.root}-moved`;
        cpSync(ws.root, moved, { recursive: true });
        try {
            const run = await journey(['lint', 'maps', '--cache', '--cache-location', 'existing', ...TODAY], moved);
            expect(run.loads).toBe(0);
            expect(run.stdout).toContain('maps/renewal.journey');
        } finally {
            rmSync(moved, { recursive: true, force: true });
        }
        expect((await journey(['lint', 'maps', '--cache', '--cache-location', 'x.journey'], ws.root)).status).toBe(2);
        expect((await journey(['lint', 'maps', '--cache', '-o', CACHE_FILE_NAME], ws.root)).status).toBe(2);
    });

    it('re-checks a file linted before in another workspace (another set of paths)', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN });
        await cachedMatchesUncached(ws.root);
        const alone = await cachedMatchesUncached(ws.root, ['renewal.journey']);
        expect(alone.loads).toBe(1);
        expect(alone.status).toBe(1);
        expect((await journey(['lint', '--cache', ...TODAY, 'renewal.journey'], ws.root)).loads).toBe(0);
        expect((await journey(['lint', '--cache', ...TODAY], ws.root)).loads).toBe(1);
    });

    it('caches files that do not parse or are not UTF-8 as any other, and ignores --stdin', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN.replace('stage notice', 'stage notice {') });
        ws.write('latin1.journey', Buffer.from('team caf\u00e9 "Caf\u00e9"\n', 'latin1'));
        await cachedMatchesUncached(ws.root);
        const again = await cachedMatchesUncached(ws.root, ['--format', 'json']);
        expect(again.loads).toBe(0);
        expect(again.stdout).toContain('"ruleId":"syntax"');
        rmSync(ws.path(CACHE_FILE_NAME));
        const stdin = await journey(['lint', '--cache', '--stdin', '--stdin-filename', 'renewal.journey', ...TODAY], ws.root, RENEWAL_CLEAN);
        expect(stdin.status).toBe(0);
        expect(stdin.loads).toBe(1);
        expect(existsSync(ws.path(CACHE_FILE_NAME))).toBe(false);
    });

    it('--fix fixes the files whose cached findings are fixable, as without the cache, and caches the result', async () => {
        const ws = workspace(FIXABLE_FILES);
        const plain = workspace(FIXABLE_FILES);
        const looked = await journey(['lint', '--cache'], ws.root);
        expect(looked.stdout).toContain('potentially fixable');
        const fixed = await journey(['lint', '--cache', '--fix'], ws.root);
        const fixedPlain = await journey(['lint', '--fix'], plain.root);
        expect(fixed.loads).toBeGreaterThan(0);
        const shown = (run: CountedRun) => ({ status: run.status, stdout: run.stdout, stderr: run.stderr });
        expect(shown(fixed)).toEqual(shown(fixedPlain));
        expect(fixed.stdout).toContain(FIXABLE_REPORT.trim().split('\n')[0]);
        for (const name of Object.keys(FIXABLE_FILES)) {
            expect(readFileSync(ws.path(name), 'utf8')).toBe(readFileSync(plain.path(name), 'utf8'));
        }
        // Nothing fixable is left: the next --fix takes everything from the cache.
        const again = await journey(['lint', '--cache', '--fix'], ws.root);
        expect(again.loads).toBe(0);
        expect(again).toMatchObject({ status: fixedPlain.status, stderr: '' });
        expect(again.stdout).toBe((await journey(['lint', '--fix'], plain.root)).stdout);
    });
});

// Random edits over a workspace of several files; after each, a lint with --cache prints what a lint
// without it prints.
const FILES = CROSS_FILE_WORKSPACE;
const NAMES = Object.keys(FILES);
/** The workspace's names, names it lacks, and misspellings (whose "did you mean" reads every name). */
const WORDS = ['olivia', 'ben', 'success', 'sales', 'email', 'phone', 'csat', 'survey', 'fast_setup', 'pricing', 'support', 'onboarding', 'helpdesk', 'nobody', 'emial', 'emiall', 'sucess', 'olivai'];

type Edit =
    | { kind: 'replace-word'; file: number; occurrence: number; word: string }
    | { kind: 'declare'; file: number; text: string }
    | { kind: 'refer'; file: number; line: number; text: string }
    | { kind: 'delete-line'; file: number; line: number }
    | { kind: 'break'; file: number; line: number; text: string }
    | { kind: 'restore'; file: number }
    | { kind: 'delete-file'; file: number }
    | { kind: 'add-file'; text: string }
    | { kind: 'remove-added' };

const ADDED = 'extra/added.journey';

const edit: fc.Arbitrary<Edit> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('replace-word' as const), file: fc.nat(NAMES.length - 1), occurrence: fc.nat(12), word: fc.constantFrom(...WORDS) }), weight: 4 },
    fc.record({
        kind: fc.constant('declare' as const), file: fc.nat(NAMES.length - 1),
        text: fc.tuple(fc.constantFrom(...WORDS), fc.nat(3)).map(([word, form]) =>
            [`team ${word} "T"`, `channel ${word} "C" online`, `persona ${word} "P" {\n    need support "N" importance 3\n}`, `metric ${word} "M" percent`][form]),
    }),
    fc.record({
        kind: fc.constant('refer' as const), file: fc.constantFrom(2, 3), line: fc.nat(20),
        text: fc.tuple(fc.constantFrom(...WORDS), fc.nat(3)).map(([word, form]) =>
            [`            channel ${word}`, `            serves ${word}`, `            owner ${word}`, `    persona ${word}`][form]),
    }),
    fc.record({ kind: fc.constant('delete-line' as const), file: fc.nat(NAMES.length - 1), line: fc.nat(22) }),
    fc.record({ kind: fc.constant('break' as const), file: fc.nat(NAMES.length - 1), line: fc.nat(22), text: fc.constantFrom('{', '}', 'touchpiont x "X"', '"', 'persona') }),
    fc.record({ kind: fc.constant('restore' as const), file: fc.nat(NAMES.length - 1) }),
    fc.record({ kind: fc.constant('delete-file' as const), file: fc.nat(NAMES.length - 1) }),
    fc.record({
        kind: fc.constant('add-file' as const),
        text: fc.tuple(fc.constantFrom(...WORDS), fc.nat(2)).map(([word, form]) => [`channel ${word} "C" online\n`, `team ${word} "T"\n`, `persona ${word} "P" {\n`][form]),
    }),
    fc.constant({ kind: 'remove-added' as const }),
);

function applyEdit(texts: Map<string, string>, change: Edit): void {
    if (change.kind === 'add-file') {
        texts.set(ADDED, change.text);
        return;
    }
    if (change.kind === 'remove-added') {
        texts.delete(ADDED);
        return;
    }
    const name = NAMES[change.file];
    if (change.kind === 'restore') {
        texts.set(name, FILES[name]);
        return;
    }
    if (change.kind === 'delete-file') {
        texts.delete(name);
        return;
    }
    const text = texts.get(name);
    if (text === undefined) {
        return;
    }
    const lines = text.split('\n');
    switch (change.kind) {
        case 'replace-word': {
            const matches = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].filter(match => WORDS.includes(match[0]));
            const match = matches[change.occurrence % Math.max(1, matches.length)];
            if (match) {
                texts.set(name, text.slice(0, match.index) + change.word + text.slice(match.index! + match[0].length));
            }
            return;
        }
        case 'declare':
            texts.set(name, `${text}${change.text}\n`);
            return;
        case 'refer':
        case 'break':
            lines.splice(Math.min(change.line, lines.length), 0, change.text);
            texts.set(name, lines.join('\n'));
            return;
        case 'delete-line':
            lines.splice(Math.min(change.line, lines.length - 1), 1);
            texts.set(name, lines.join('\n'));
            return;
    }
}

describe('journey lint --cache, property', () => {
    it('prints what an uncached lint prints after every step of random edit sequences', async () => {
        const ws = workspace();
        let run = 0;
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async edits => {
            // Each sequence in a folder of its own, with its own cache.
            const root = ws.path(`run-${run++}`);
            const texts = new Map(Object.entries(FILES));
            const written = new Set<string>();
            const sync = () => {
                for (const name of written) {
                    if (!texts.has(name)) {
                        rmSync(path.join(root, name));
                        written.delete(name);
                    }
                }
                for (const [name, text] of texts) {
                    const file = path.join(root, name);
                    if (!written.has(name) || readFileSync(file, 'utf8') !== text) {
                        mkdirSync(path.dirname(file), { recursive: true });
                        writeFileSync(file, text);
                        written.add(name);
                    }
                }
            };
            sync();
            await cachedMatchesUncached(root, ['--format', 'json', '--info']);
            for (const change of edits) {
                applyEdit(texts, change);
                sync();
                if (texts.size === 0) {
                    continue;
                }
                await cachedMatchesUncached(root, ['--format', 'json', '--info']);
            }
            // Nothing changed since the last run: every result from the cache.
            if (texts.size > 0) {
                expect((await journey(['lint', '--cache', ...TODAY, '--format', 'json', '--info'], root)).loads).toBe(0);
            }
        }), { numRuns: Number(process.env.JOURNEY_FUZZ_RUNS ?? 40), seed: process.env.JOURNEY_FUZZ_SEED === undefined ? 20261202 : Number(process.env.JOURNEY_FUZZ_SEED) });
    }, 240_000);
});
