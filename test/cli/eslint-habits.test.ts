// ESLint's habits where users reach for them: `lint -o FILE`, `lint --stdin [--stdin-filename PATH]`,
// `--color`/`--no-color` with NO_COLOR and FORCE_COLOR, ESLint's summary lines (fixable, hidden info),
// and one-line usage errors for render/export/import/format given a file of the wrong kind.
// In process (runJourneyInProcess) for every option and combination; a few runs of the built binary
// for what needs a real process: a pipe on stdin, exit codes, a file written, a terminal.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shouldColor, type ColorQuestion } from '../../packages/cli/src/color.js';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from '../support/fixtures.js';
import { journeyInProcess, runJourneyInProcess, type InProcessOptions } from '../support/journey-in-process.js';
import { scratchWorkspaces, type JourneyRun } from '../support/journey-process.js';
import { FIXABLE_FILES, FIXABLE_REPORT, NO_CHANNEL, NO_CHANNEL_MESSAGE, OUT_OF_RANGE, OUT_OF_RANGE_MESSAGE, OUT_OF_RANGE_REPORT, UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_MESSAGE } from './eslint-fixtures.js';

const workspace = scratchWorkspaces();

/** "today" is fixed so that date rules cannot change the output between runs. */
const TODAY = ['--today', '2026-11-25'];
const ESC = '\u001b[';

/** `journey lint --today … ARGS` in process. */
const lint = (args: readonly string[], options: InProcessOptions): Promise<JourneyRun> =>
    runJourneyInProcess(['lint', ...TODAY, ...args], options);

/** An error and a warning that `--fix` fixes (the suppression made a warning by the configuration). */
function fixableWorkspace() {
    return workspace(FIXABLE_FILES);
}

interface JsonResult { filePath: string; messages: Array<{ ruleId: string; severity: number; line: number; column: number }>; errorCount: number; warningCount: number; fixableErrorCount: number; fixableWarningCount: number }
const resultsOf = (stdout: string) => JSON.parse(stdout) as JsonResult[];

/** Every file under a folder, relative, sorted: to prove nothing was written. */
function listing(root: string): string[] {
    const files: string[] = [];
    const walk = (dir: string) => readdirSync(dir, { withFileTypes: true }).forEach(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : files.push(path.relative(root, full));
    });
    walk(root);
    return files.sort();
}

describe('the stylish summary', () => {
    it('says, as ESLint does, how many errors and warnings --fix would fix, and --fix fixes exactly those', async () => {
        const ws = fixableWorkspace();
        const run = await lint([], { cwd: ws.root });
        expect(run).toEqual({ status: 1, stdout: FIXABLE_REPORT, stderr: '' });
        // The counts are --fix's: it fixes these two and no other.
        const json = resultsOf((await lint(['--format', 'json'], { cwd: ws.root })).stdout);
        expect(json.map(result => [path.basename(result.filePath), result.fixableErrorCount, result.fixableWarningCount]))
            .toEqual([['oor.journey', 1, 0], ['personas.journey', 0, 0], ['sup.journey', 0, 1]]);
        const fixed = await lint(['--fix'], { cwd: ws.root });
        expect(fixed).toEqual({ status: 0, stdout: 'fixed oor.journey: 1 × emotion-out-of-range\nfixed sup.journey: 1 × unused-suppression\n', stderr: '' });
        expect(await lint([], { cwd: ws.root })).toEqual({ status: 0, stdout: '', stderr: '' });
    });

    it('counts only what is left to see: --quiet keeps the fixable errors, a problem without a safe fix adds no line', async () => {
        const ws = fixableWorkspace();
        const quiet = await lint(['--quiet'], { cwd: ws.root });
        expect(quiet).toEqual({ status: 1, stdout: OUT_OF_RANGE_REPORT('oor.journey'), stderr: '' });
        const unfixable = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const lines = (await lint([], { cwd: unfixable.root })).stdout.split('\n');
        expect(lines.slice(-4)).toEqual(['', '\u2716 2 problems (1 error, 1 warning)', '', '']);
        expect(lines.join('\n')).not.toContain('potentially fixable');
        // A file with syntax errors reports only them, and is never fixed: its fixable out-of-range emotion is not even reported.
        const broken = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': `${OUT_OF_RANGE}stage stray "S" {}\n` });
        const brokenRun = await lint([], { cwd: broken.root });
        expect(brokenRun.stdout).toContain('syntax');
        expect(brokenRun.stdout).not.toContain('emotion-out-of-range');
        expect(brokenRun.stdout).toContain('\u2716 1 problem (1 error, 0 warnings)');
        expect(brokenRun.stdout).not.toContain('potentially fixable');
    });

    it('says how many info findings it leaves out, and that --info shows them', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'oor.journey': OUT_OF_RANGE, 'sup.journey': UNUSED_SUPPRESSION, 'nochannel.journey': NO_CHANNEL });
        expect(await lint([], { cwd: ws.root })).toEqual({
            status: 1,
            stdout: `\noor.journey\n  8:79  error  ${OUT_OF_RANGE_MESSAGE}  emotion-out-of-range\n\n`
                + '\u2716 1 problem (1 error, 0 warnings)\n'
                + '  1 error and 0 warnings potentially fixable with the `--fix` option.\n'
                + '  2 info findings not shown; `--info` shows them (the editor shows them too).\n\n',
            stderr: '',
        });
        // With --info they are shown and counted as problems; no hint.
        const withInfo = await lint(['--info'], { cwd: ws.root });
        expect(withInfo.stdout).toBe(`\nnochannel.journey\n  4:20  info  ${NO_CHANNEL_MESSAGE}  touchpoint-without-channel\n\n`
            + `oor.journey\n  8:79  error  ${OUT_OF_RANGE_MESSAGE}  emotion-out-of-range\n\n`
            + `sup.journey\n  10:34  info  ${UNUSED_SUPPRESSION_MESSAGE}  unused-suppression\n\n`
            + '\u2716 3 problems (1 error, 0 warnings, 2 infos)\n'
            + '  1 error and 0 warnings potentially fixable with the `--fix` option.\n\n');
        // --quiet asked for errors only: no hint either.
        expect((await lint(['--quiet'], { cwd: ws.root })).stdout).toBe(OUT_OF_RANGE_REPORT('oor.journey'));
    });

    it('a run without errors or warnings prints just the hint, so the user sees why the editor shows more', async () => {
        const one = workspace({ 'personas.journey': PERSONAS, 'nochannel.journey': NO_CHANNEL });
        expect(await lint([], { cwd: one.root })).toEqual({ status: 0, stdout: '1 info finding not shown; `--info` shows it (the editor shows it too).\n', stderr: '' });
        const two = workspace({ 'personas.journey': PERSONAS, 'nochannel.journey': NO_CHANNEL, 'sup.journey': UNUSED_SUPPRESSION });
        expect(await lint([], { cwd: two.root })).toEqual({ status: 0, stdout: '2 info findings not shown; `--info` shows them (the editor shows them too).\n', stderr: '' });
        expect(await lint(['--quiet'], { cwd: two.root })).toEqual({ status: 0, stdout: '', stderr: '' });
        // Coloured on a terminal: dim, like the rule ids.
        expect((await lint([], { cwd: one.root, isTTY: true })).stdout).toBe(`${ESC}2m1 info finding not shown; \`--info\` shows it (the editor shows it too).${ESC}22m\n`);
        // Nothing at all to say: nothing printed.
        const clean = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN });
        expect(await lint([], { cwd: clean.root })).toEqual({ status: 0, stdout: '', stderr: '' });
    });

    it('other formats are unchanged: no hint, no fixable line', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'oor.journey': OUT_OF_RANGE, 'nochannel.journey': NO_CHANNEL });
        const github = await lint(['--format', 'github'], { cwd: ws.root });
        expect(github.stdout).toBe(`::error file=oor.journey,line=8,col=79,endLine=8,endColumn=80,title=emotion-out-of-range::${OUT_OF_RANGE_MESSAGE}\n`);
        const json = await lint(['--format', 'json'], { cwd: ws.root });
        expect(resultsOf(json.stdout).flatMap(result => result.messages.map(message => message.ruleId))).toEqual(['emotion-out-of-range']);
        expect(json.stdout).not.toContain('not shown');
    });
});

describe('journey lint -o, --output-file', () => {
    it('writes the report to FILE, making missing folders; stdout and stderr stay empty, the exit code is the same', async () => {
        const ws = fixableWorkspace();
        const printed = await lint([], { cwd: ws.root });
        expect(printed).toEqual({ status: 1, stdout: FIXABLE_REPORT, stderr: '' });
        for (const option of ['-o', '--output-file']) {
            const run = await lint([option, 'reports/lint/journey.txt'], { cwd: ws.root });
            expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
            expect(readFileSync(ws.path('reports/lint/journey.txt'), 'utf8')).toBe(FIXABLE_REPORT);
        }
        // --output-file=FILE, an absolute FILE, and the JSON format.
        const json = await lint([`--output-file=${ws.path('out/lint.json')}`, '--format', 'json'], { cwd: ws.root });
        expect(json).toEqual({ status: 1, stdout: '', stderr: '' });
        expect(readFileSync(ws.path('out/lint.json'), 'utf8')).toBe((await lint(['--format', 'json'], { cwd: ws.root })).stdout);
        // Warnings only: exit 0 as without -o; --max-warnings still says so on stderr.
        const warnings = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS });
        expect(await lint(['-o', 'r.txt'], { cwd: warnings.root })).toEqual({ status: 0, stdout: '', stderr: '' });
        expect(readFileSync(warnings.path('r.txt'), 'utf8')).toBe((await lint([], { cwd: warnings.root })).stdout);
        expect(await lint(['-o', 'r.txt', '--max-warnings', '1'], { cwd: warnings.root }))
            .toEqual({ status: 1, stdout: '', stderr: 'journey: too many warnings (2); the maximum allowed is 1.\n' });
    });

    it('writes an empty report as an empty file, so an earlier report never stays behind', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_CLEAN, 'report.txt': 'an old report\n' });
        expect(await lint(['-o', 'report.txt'], { cwd: ws.root })).toEqual({ status: 0, stdout: '', stderr: '' });
        expect(readFileSync(ws.path('report.txt'), 'utf8')).toBe('');
    });

    it('never colours the file unless --color says so, terminal and FORCE_COLOR or not', async () => {
        const ws = fixableWorkspace();
        for (const [isTTY, env] of [[true, {}], [false, { FORCE_COLOR: '1' }], [true, { FORCE_COLOR: '3' }]] as const) {
            expect(await lint(['-o', 'r.txt'], { cwd: ws.root, isTTY, env })).toEqual({ status: 1, stdout: '', stderr: '' });
            expect(readFileSync(ws.path('r.txt'), 'utf8')).toBe(FIXABLE_REPORT);
        }
        const coloured = await lint(['--color'], { cwd: ws.root });
        expect(coloured.stdout).toContain(`${ESC}31merror${ESC}39m`);
        expect(await lint(['-o', 'r.txt', '--color'], { cwd: ws.root, env: { NO_COLOR: '1' } })).toEqual({ status: 1, stdout: '', stderr: '' });
        expect(readFileSync(ws.path('r.txt'), 'utf8')).toBe(coloured.stdout);
    });

    it('with --fix, the "fixed" lines go where they go without -o: stdout for stylish, stderr for the other formats', async () => {
        const stylish = fixableWorkspace();
        expect(await lint(['--fix', '-o', 'r.txt'], { cwd: stylish.root }))
            .toEqual({ status: 0, stdout: 'fixed oor.journey: 1 × emotion-out-of-range\nfixed sup.journey: 1 × unused-suppression\n', stderr: '' });
        expect(readFileSync(stylish.path('r.txt'), 'utf8')).toBe('');
        const json = fixableWorkspace();
        expect(await lint(['--fix', '-o', 'r.json', '--format', 'json'], { cwd: json.root }))
            .toEqual({ status: 0, stdout: '', stderr: 'fixed oor.journey: 1 × emotion-out-of-range\nfixed sup.journey: 1 × unused-suppression\n' });
        expect(resultsOf(readFileSync(json.path('r.json'), 'utf8')).map(result => result.messages)).toEqual([[], [], []]);
    });

    it.each([
        [['-o', 'oor.journey'], 'journey: -o oor.journey is one of the files being linted; write the report to another file\n'],
        [['-o', 'maps/../oor.journey'], 'journey: -o maps/../oor.journey is one of the files being linted; write the report to another file\n'],
        [['-o', 'link-to-oor'], 'journey: -o link-to-oor is one of the files being linted (oor.journey by another name); write the report to another file\n'],
        [['personas.journey', '-o', 'oor.journey'], 'journey: -o oor.journey names a .journey file; write the report to another kind of file (a lint of its folder would read it as a map)\n'],
        [['-o', 'new/report.journey'], 'journey: -o new/report.journey names a .journey file; write the report to another kind of file (a lint of its folder would read it as a map)\n'],
        [['-o', 'maps'], 'journey: -o maps is a folder; name the file to write the report to\n'],
        [['-o', '.'], 'journey: -o . is a folder; name the file to write the report to\n'],
        [['--stdin', '--stdin-filename', 'maps/x.journey', '-o', 'maps/x.journey'], 'journey: -o maps/x.journey is one of the files being linted; write the report to another file\n'],
    ])('refuses %j with a one-line usage error before linting or writing anything', async (args, stderr) => {
        const ws = fixableWorkspace();
        mkdirSync(ws.path('maps'));
        symlinkSync(ws.path('oor.journey'), ws.path('link-to-oor'));
        const before = listing(ws.root);
        const oor = readFileSync(ws.path('oor.journey'), 'utf8');
        // With --fix too (except with --stdin, where --fix is an error of its own): nothing is fixed either.
        const fix = args.includes('--stdin') ? [] : ['--fix'];
        expect(await lint([...args, ...fix], { cwd: ws.root, stdin: OUT_OF_RANGE }))
            .toEqual({ status: 2, stdout: '', stderr });
        expect(listing(ws.root)).toEqual(before);
        expect(readFileSync(ws.path('oor.journey'), 'utf8')).toBe(oor);
    });

    it('a FILE that cannot be written is a one-line error, exit 2, whatever the problems', async () => {
        const ws = fixableWorkspace();
        expect(await lint(['-o', 'personas.journey/report.txt'], { cwd: ws.root }))
            .toEqual({ status: 2, stdout: '', stderr: 'journey: cannot write the report to personas.journey/report.txt: personas.journey is a file, not a folder\n' });
        expect(await lint(['-o', 'sup.journey/deeper/report.txt', 'oor.journey', 'personas.journey'], { cwd: ws.root }))
            .toEqual({ status: 2, stdout: '', stderr: 'journey: cannot write the report to sup.journey/deeper/report.txt: sup.journey is a file, not a folder\n' });
    });
});

describe('journey lint --stdin', () => {
    /** Personas in one folder, a map in another (clean on disk), and a map with an error that is never reported with --stdin. */
    function mapsWorkspace() {
        return workspace({
            'shared/personas.journey': PERSONAS,
            'maps/renewal.journey': RENEWAL_CLEAN,
            'maps/other.journey': RENEWAL_WITH_PROBLEMS.replace('journey renewal', 'journey other'),
        });
    }

    it('lints the text as the file PATH of the workspace: names of other files resolve, only PATH is reported, nothing is written', async () => {
        const ws = mapsWorkspace();
        const before = listing(ws.root);
        const run = await lint(['--stdin', '--stdin-filename', 'maps/renewal.journey'], { cwd: ws.root, stdin: OUT_OF_RANGE });
        expect(run).toEqual({ status: 1, stdout: OUT_OF_RANGE_REPORT('maps/renewal.journey'), stderr: '' });
        expect(listing(ws.root)).toEqual(before);
        expect(readFileSync(ws.path('maps/renewal.journey'), 'utf8')).toBe(RENEWAL_CLEAN);
        // The disk copy is replaced, not added: the clean text of stdin is clean although the disk copy is not.
        ws.write('maps/renewal.journey', OUT_OF_RANGE);
        expect(await lint(['--stdin', '--stdin-filename', 'maps/renewal.journey'], { cwd: ws.root, stdin: RENEWAL_CLEAN })).toEqual({ status: 0, stdout: '', stderr: '' });
        // A declaration file given as stdin under its own name: no duplicate of its disk copy.
        expect(await lint(['--stdin', '--stdin-filename', 'shared/personas.journey'], { cwd: ws.root, stdin: PERSONAS })).toEqual({ status: 0, stdout: '', stderr: '' });
        // What the text declares is seen by the rest of the workspace, though only PATH is reported.
        const renamed = await lint(['--stdin', '--stdin-filename', 'shared/personas.journey', '--format', 'json'], { cwd: ws.root, stdin: PERSONAS.replace(/olivia/g, 'olga') });
        expect(resultsOf(renamed.stdout).map(result => result.filePath)).toEqual([ws.path('shared/personas.journey')]);
        expect(renamed.status).toBe(0);
    });

    it('the other paths make the workspace (default: the current folder); PATH need not exist', async () => {
        const ws = mapsWorkspace();
        const ruleIds = async (args: string[]) => {
            const run = await lint(['--stdin', '--format', 'json', ...args], { cwd: ws.root, stdin: RENEWAL_CLEAN.replace('journey renewal', 'journey fresh') });
            return { status: run.status, files: resultsOf(run.stdout).map(result => path.relative(ws.root, result.filePath)), rules: resultsOf(run.stdout).flatMap(result => result.messages.map(message => message.ruleId)) };
        };
        expect(await ruleIds(['--stdin-filename', 'maps/new/fresh.journey'])).toEqual({ status: 0, files: ['maps/new/fresh.journey'], rules: [] });
        expect(await ruleIds(['--stdin-filename', 'maps/new/fresh.journey', 'maps', 'shared'])).toEqual({ status: 0, files: ['maps/new/fresh.journey'], rules: [] });
        // Without the folder that declares the persona, its names are unknown.
        const alone = await ruleIds(['--stdin-filename', 'maps/new/fresh.journey', 'maps']);
        expect(alone.status).toBe(1);
        expect(alone.rules).toContain('unresolved-reference');
        // A glob is as good as a folder.
        expect(await ruleIds(['--stdin-filename', 'maps/fresh.journey', 'shared/*.journey'])).toEqual({ status: 0, files: ['maps/fresh.journey'], rules: [] });
    });

    it('without --stdin-filename, the text is <stdin>.journey in the current folder, in a folder with or without .journey files', async () => {
        const ws = mapsWorkspace();
        const run = await lint(['--stdin'], { cwd: ws.path('shared'), stdin: OUT_OF_RANGE });
        expect(run).toEqual({ status: 1, stdout: OUT_OF_RANGE_REPORT('<stdin>.journey'), stderr: '' });
        const json = await lint(['--stdin', '--format', 'json'], { cwd: ws.path('shared'), stdin: OUT_OF_RANGE });
        expect(resultsOf(json.stdout).map(result => result.filePath)).toEqual([ws.path('shared/<stdin>.journey')]);
        expect(existsSync(ws.path('shared/<stdin>.journey'))).toBe(false);
        // An empty folder: the text alone (its persona then unknown).
        mkdirSync(ws.path('empty'));
        expect(await lint(['--stdin'], { cwd: ws.path('empty'), stdin: PERSONAS })).toEqual({ status: 0, stdout: '', stderr: '' });
        const unknown = await lint(['--stdin', '--format', 'json'], { cwd: ws.path('empty'), stdin: RENEWAL_CLEAN });
        expect(unknown.status).toBe(1);
        expect(resultsOf(unknown.stdout)[0].messages.map(message => message.ruleId)).toContain('unresolved-reference');
        // A path that does not exist is still an error.
        expect(await lint(['--stdin', 'nowhere'], { cwd: ws.root, stdin: PERSONAS })).toEqual({ status: 2, stdout: '', stderr: 'journey: no such file or directory: nowhere\n' });
    });

    it('reads a byte order mark on stdin as on disk: the same positions', async () => {
        const ws = mapsWorkspace();
        const run = await lint(['--stdin', '--stdin-filename', 'maps/renewal.journey'], { cwd: ws.root, stdin: Buffer.from(`\uFEFF${OUT_OF_RANGE}`, 'utf8') });
        expect(run).toEqual({ status: 1, stdout: OUT_OF_RANGE_REPORT('maps/renewal.journey'), stderr: '' });
        ws.write('maps/renewal.journey', `\uFEFF${OUT_OF_RANGE}`);
        const fromDisk = await lint(['maps/renewal.journey', 'shared'], { cwd: ws.root });
        expect(fromDisk.stdout).toBe(run.stdout);
    });

    it('finds the configuration as for a file at PATH', async () => {
        const ws = mapsWorkspace();
        ws.write('journey.config.json', JSON.stringify({ rules: { 'emotion-out-of-range': 'warning' } }));
        ws.write('maps/strict/journey.config.json', JSON.stringify({ rules: { 'emotion-out-of-range': 'off' } }));
        const severities = async (stdinFilename: string, extra: string[] = []) => {
            const run = await lint(['--stdin', '--stdin-filename', stdinFilename, '--format', 'json', ...extra], { cwd: ws.root, stdin: OUT_OF_RANGE.replace('journey renewal', 'journey fresh') });
            return resultsOf(run.stdout).flatMap(result => result.messages.map(message => [message.ruleId, message.severity]));
        };
        expect(await severities('maps/fresh.journey')).toEqual([['emotion-out-of-range', 1]]);
        expect(await severities('maps/strict/fresh.journey')).toEqual([]);
        // From inside maps/strict, PATH elsewhere: PATH's folder decides, not the current folder.
        const run = await lint(['--stdin', '--stdin-filename', '../fresh.journey', '--format', 'json', '../..'], { cwd: ws.path('maps/strict'), stdin: OUT_OF_RANGE.replace('journey renewal', 'journey fresh') });
        expect(resultsOf(run.stdout).flatMap(result => result.messages.map(message => [message.ruleId, message.severity]))).toEqual([['emotion-out-of-range', 1]]);
        // --config wins, as for any file.
        ws.write('errors.json', JSON.stringify({ rules: { 'emotion-out-of-range': 'error' } }));
        expect(await severities('maps/strict/fresh.journey', ['--config', 'errors.json'])).toEqual([['emotion-out-of-range', 2]]);
    });

    it('goes with every format, --quiet, --info, --max-warnings and -o', async () => {
        const ws = mapsWorkspace();
        const stdin = RENEWAL_WITH_WARNINGS.replace('journey renewal', 'journey fresh').replace('{ channel email serves', '{ serves');
        const options = { cwd: ws.root, stdin };
        const args = ['--stdin', '--stdin-filename', 'maps/fresh.journey'];
        expect((await lint([...args, '--format', 'github'], options)).stdout.split('\n').map(line => line.split(' ')[0])).toEqual(['::warning', '::warning', '']);
        expect((await lint([...args, '--format', 'github', '--info'], options)).stdout.split('\n').map(line => line.split(' ')[0])).toEqual(['::warning', '::notice', '::warning', '']);
        const stylish = await lint(args, options);
        expect(stylish.stdout.split('\n').slice(-4)).toEqual(['\u2716 2 problems (0 errors, 2 warnings)', '  1 info finding not shown; `--info` shows it (the editor shows it too).', '', '']);
        expect(await lint([...args, '--quiet'], options)).toEqual({ status: 0, stdout: '', stderr: '' });
        expect(await lint([...args, '--max-warnings', '1'], options)).toMatchObject({ status: 1, stderr: 'journey: too many warnings (2); the maximum allowed is 1.\n' });
        const sarif = JSON.parse((await lint([...args, '--format', 'sarif'], options)).stdout) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }> }> };
        expect(sarif.runs[0].artifacts.map(artifact => artifact.location.uri)).toEqual(['maps/fresh.journey']);
        expect(await lint([...args, '-o', 'reports/fresh.txt'], options)).toEqual({ status: 0, stdout: '', stderr: '' });
        expect(readFileSync(ws.path('reports/fresh.txt'), 'utf8')).toBe(stylish.stdout);
    });

    it.each([
        [['--stdin', '--fix'], 'journey: --fix cannot write to stdin; run `journey lint --fix FILE` on the file itself, or apply the quick fixes in the editor\n'],
        [['--stdin', '--stdin-filename', 'maps/renewal.journey', '--fix'], 'journey: --fix cannot write to stdin; run `journey lint --fix FILE` on the file itself, or apply the quick fixes in the editor\n'],
        [['--stdin-filename', 'maps/renewal.journey'], 'journey: --stdin-filename names the file that the text of --stdin stands for; add --stdin (or lint the file itself: `journey lint FILE`)\n'],
        [['--stdin', '--stdin-filename', 'maps/notes.md'], 'journey: --stdin-filename takes the path of a .journey file, not "maps/notes.md"\n'],
        [['--stdin', '--stdin-filename', 'maps/renewal'], 'journey: --stdin-filename takes the path of a .journey file, not "maps/renewal"\n'],
        [['--stdin', '--stdin-filename'], "journey: option '--stdin-filename <path>' argument missing\n"],
    ])('usage error for %j: exit 2, one line, nothing written', async (args, stderr) => {
        const ws = mapsWorkspace();
        ws.write('maps/renewal.journey', OUT_OF_RANGE);
        const before = listing(ws.root);
        expect(await lint(args, { cwd: ws.root, stdin: OUT_OF_RANGE })).toEqual({ status: 2, stdout: '', stderr });
        expect(listing(ws.root)).toEqual(before);
        expect(readFileSync(ws.path('maps/renewal.journey'), 'utf8')).toBe(OUT_OF_RANGE);
    });

    it('says so in one line when standard input cannot be read', async () => {
        const ws = mapsWorkspace();
        const { runCli } = await import('../../packages/cli/src/program.js');
        let stderr = '';
        const status = await runCli(['lint', '--stdin'], {
            cwd: ws.root, env: {}, isTTY: false, stdout: () => undefined, stderr: text => { stderr += text; },
            readStdin: () => Promise.reject(Object.assign(new Error('bad file descriptor'), { code: 'EBADF' })),
        });
        expect({ status, stderr }).toEqual({ status: 2, stderr: 'journey: cannot read standard input: EBADF\n' });
    });
});

describe('colour', () => {
    // flag, environment, stdout a terminal, written with -o → colour?
    const CASES: Array<[ColorQuestion['flag'], NodeJS.ProcessEnv, boolean, boolean, boolean]> = [
        [undefined, {}, false, false, false],
        [undefined, {}, true, false, true],
        [undefined, { TERM: 'dumb' }, true, false, false],
        [undefined, { CI: 'true' }, false, false, false],
        [true, {}, false, false, true],
        [false, {}, true, false, false],
        [undefined, { NO_COLOR: '1' }, true, false, false],
        [undefined, { NO_COLOR: '' }, true, false, true],
        [undefined, { FORCE_COLOR: '1' }, false, false, true],
        [undefined, { FORCE_COLOR: 'true' }, false, false, true],
        [undefined, { FORCE_COLOR: '3' }, false, false, true],
        [undefined, { FORCE_COLOR: '' }, false, false, false],
        [undefined, { FORCE_COLOR: '0' }, true, false, false],
        [undefined, { FORCE_COLOR: 'false' }, true, false, false],
        [undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, false, false, true],
        [undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false, false],
        [true, { NO_COLOR: '1' }, false, false, true],
        [false, { FORCE_COLOR: '1' }, true, false, false],
        [undefined, {}, true, true, false],
        [undefined, { FORCE_COLOR: '1' }, true, true, false],
        [true, {}, false, true, true],
    ];
    const flagArgs = (flag: boolean | undefined) => (flag === undefined ? [] : [flag ? '--color' : '--no-color']);

    it.each(CASES)('flag %j, env %j, terminal %j, -o %j: colour %j', (flag, env, isTTY, toFile, expected) => {
        expect(shouldColor({ flag, env, isTTY, toFile })).toBe(expected);
    });

    it('lint colours its report exactly when shouldColor says so', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const plain = (await lint([], { cwd: ws.root })).stdout;
        expect(plain).not.toContain(ESC);
        for (const [flag, env, isTTY, toFile, expected] of CASES) {
            const run = await lint([...flagArgs(flag), ...(toFile ? ['-o', 'r.txt'] : [])], { cwd: ws.root, env, isTTY });
            const report = toFile ? readFileSync(ws.path('r.txt'), 'utf8') : run.stdout;
            expect({ flag, env, isTTY, toFile, coloured: report.includes(ESC) }).toEqual({ flag, env, isTTY, toFile, coloured: expected });
            expect(report.replace(/\u001b\[\d+m/g, '')).toBe(plain);
        }
    });

    it('format colours the syntax errors it prints by the same rule', async () => {
        const ws = workspace({ 'broken.journey': 'journey broken "B" {\n    stage s "S" {\n' });
        for (const [flag, env, isTTY, toFile, expected] of CASES.filter(([, , , toFile]) => !toFile)) {
            const run = await runJourneyInProcess(['format', '--check', ...flagArgs(flag), 'broken.journey'], { cwd: ws.root, env, isTTY });
            expect(run.status).toBe(1);
            expect({ flag, env, isTTY, toFile, coloured: run.stderr.includes(ESC) }).toEqual({ flag, env, isTTY, toFile, coloured: expected });
        }
    });

    it('the last of --color and --no-color wins, as commander reads them', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        expect((await lint(['--color', '--no-color'], { cwd: ws.root })).stdout).not.toContain(ESC);
        expect((await lint(['--no-color', '--color'], { cwd: ws.root })).stdout).toContain(ESC);
    });
});

describe('render, export, import and format given a file of the wrong kind', () => {
    function wrongKinds() {
        return workspace({
            'personas.journey': PERSONAS,
            'renewal.journey': RENEWAL_CLEAN,
            'notes.md': '# Notes\n\n```mermaid\njourney\n  section S\n    Read: 3: Me\n```\n',
            'map.mmd': 'journey\n  section S\n    Read: 3: Me\n',
            'data.csv': 'a,b\n1,2\n',
            'map.svg': '<svg/>',
            'RENEWAL.JOURNEY': RENEWAL_CLEAN,
            'maps/a.journey': RENEWAL_CLEAN.replace('journey renewal', 'journey a'),
            'docs/readme.txt': 'x',
        });
    }
    const RENDER_FILE = (file: string, hint = '') => `journey: render takes a .journey file or a Markdown file (.md), not ${file}${hint}\n`;
    const JOURNEY_FILE = (command: string, file: string) => `journey: ${command} takes a .journey file, not ${file}\n`;
    const FROM_MERMAID = (command: string, file: string) => `journey: ${command} takes a .journey file, not ${file} (\`journey import ${file}\` turns its Mermaid journey diagram into one)\n`;
    const MERMAID = 'a Mermaid diagram (.mmd, .mermaid), a Markdown file (.md, .markdown, .mdx) or a JSON export (.json)';

    it.each([
        [['render', 'notes.md'], 'journey: render of a Markdown file writes a picture of each ```journey block: name the folder for them with -o DIR\n'],
        [['render', 'notes.md', '--journey', 'a', '-o', 'out'], 'journey: --journey is for a .journey file; in Markdown, a block names its journey: ```journey file=PATH journey=NAME\n'],
        [['render', 'notes.md', '-o', 'out', '--scale', '2'], 'journey: --scale is for PNG pictures, not SVG (add --format png)\n'],
        [['render', 'renewal.journey', '--format', 'png'], 'journey: --format is for a Markdown file; for a .journey file the format is -o OUT\'s extension (.svg, .html, .png, .pdf)\n'],
        [['render', 'renewal.journey', '-o', 'map.png', '--page', 'a4'], 'journey: --page is for PDF documents, not PNG (write -o OUT.pdf)\n'],
        [['render', 'renewal.journey', '-o', 'map.jpg'], 'journey: -o takes a file ending in .svg, .html, .png or .pdf, not "map.jpg"\n'],
        [['render', 'renewal.journey', '-o', 'map.png', '--scale', '0'], 'journey: --scale takes a number from 0.1 to 8 (pixels per pixel of the map), not "0"\n'],
        [['render', 'renewal.journey', '-o', 'map.png', '--scale', '2x'], 'journey: --scale takes a number from 0.1 to 8 (pixels per pixel of the map), not "2x"\n'],
        [['render', 'map.mmd'], RENDER_FILE('map.mmd', ' (`journey import map.mmd` turns its Mermaid journey diagram into .journey text)')],
        [['render', 'data.csv'], RENDER_FILE('data.csv')],
        [['render', 'map.svg', '-o', 'out.svg'], RENDER_FILE('map.svg')],
        [['render', 'RENEWAL.JOURNEY'], RENDER_FILE('RENEWAL.JOURNEY')],
        [['render', 'maps'], 'journey: render takes a .journey file or a Markdown file (.md); maps is a folder\n'],
        [['render', 'nope.journey'], 'journey: no such file: nope.journey\n'],
        [['render', 'nope.md', '-o', 'out'], 'journey: no such file: nope.md\n'],
        [['render', 'notes.md', '-o', 'map.svg'], 'journey: -o map.svg is a file; render of a Markdown file writes its pictures into a folder\n'],
        [['export', 'notes.md', '-f', 'json'], FROM_MERMAID('export', 'notes.md')],
        [['export', 'map.mmd', '-f', 'mermaid'], FROM_MERMAID('export', 'map.mmd')],
        [['export', 'data.csv', '-f', 'csv'], JOURNEY_FILE('export', 'data.csv')],
        [['export', 'docs', '-f', 'json'], 'journey: export takes a .journey file; docs is a folder\n'],
        [['export', 'nope.journey', '-f', 'json'], 'journey: no such file: nope.journey\n'],
        [['export', 'renewal.journey', '-f', 'mermaid', '-o', 'maps/a.journey'], 'journey: -o maps/a.journey names a .journey file; export writes JSON, Mermaid or CSV (OUT.json, OUT.mmd, OUT.csv)\n'],
        [['import', 'renewal.journey'], `journey: import takes ${MERMAID}, not renewal.journey (it is a .journey file already; \`journey export renewal.journey -f mermaid\` goes the other way)\n`],
        [['import', 'data.csv'], `journey: import takes ${MERMAID}, not data.csv\n`],
        [['import', 'docs/readme.txt', '-o', 'x.journey'], `journey: import takes ${MERMAID}, not docs/readme.txt\n`],
        [['import', 'docs'], `journey: import takes ${MERMAID}; docs is a folder\n`],
        [['import', 'nope.mmd'], 'journey: no such file: nope.mmd\n'],
        [['format', 'notes.md'], 'journey: not a .journey file: notes.md\n'],
        [['format', '--check', 'docs'], 'journey: no .journey files found in docs\n'],
        [['format', 'nope.journey'], 'journey: no such file or directory: nope.journey\n'],
        [['format', 'maps', 'renewal.journey'], 'journey: without --check or --write, format prints one file; 2 files were given\n'],
        [['lint', 'notes.md'], 'journey: not a .journey file: notes.md\n'],
    ])('%j: one line naming what is expected, exit 2, nothing written', async (args, stderr) => {
        const ws = wrongKinds();
        const before = listing(ws.root);
        const run = await runJourneyInProcess(args, { cwd: ws.root });
        expect(run).toEqual({ status: 2, stdout: '', stderr });
        expect(listing(ws.root)).toEqual(before);
    });

    it('the right kinds still work: upper-case Mermaid and Markdown extensions too', async () => {
        const ws = wrongKinds();
        ws.write('UPPER.MMD', 'journey\n  section S\n    Read: 3: Me\n');
        expect(await runJourneyInProcess(['import', 'UPPER.MMD'], { cwd: ws.root })).toMatchObject({ status: 0, stderr: '' });
        expect(await runJourneyInProcess(['import', 'notes.md'], { cwd: ws.root })).toMatchObject({ status: 0, stderr: '' });
        expect(await runJourneyInProcess(['export', 'renewal.journey', '-f', 'json', '-o', 'out.json'], { cwd: ws.root })).toEqual({ status: 0, stdout: '', stderr: '' });
        expect((await runJourneyInProcess(['render', 'renewal.journey', ...TODAY], { cwd: ws.root })).stdout).toMatch(/^<svg /);
    });
});

describe('colour from the environment, stdout a pipe (in process)', () => {
    it('FORCE_COLOR colours a pipe, NO_COLOR forbids it, the flags win over both', async () => {
        const ws = fixableWorkspace();
        const coloured = async (args: string[], env: NodeJS.ProcessEnv) => (await journeyInProcess(['lint', ...TODAY, ...args], ws.root, env)).stdout.includes(ESC);
        expect(await coloured([], {})).toBe(false);
        expect(await coloured([], { FORCE_COLOR: '1' })).toBe(true);
        expect(await coloured([], { FORCE_COLOR: '0' })).toBe(false);
        expect(await coloured([], { NO_COLOR: '1' })).toBe(false);
        expect(await coloured([], { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
        expect(await coloured(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
        expect(await coloured(['--color'], { NO_COLOR: '1' })).toBe(true);
        const run = await journeyInProcess(['lint', ...TODAY, '--color'], ws.root);
        expect(run.stdout.replace(/\u001b\[\d+m/g, '')).toBe(FIXABLE_REPORT);
    });
});
