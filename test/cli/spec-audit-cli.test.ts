import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from '../support/fixtures.js';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';

/** Acceptance checks of `journey lint` against its documented contract (README.md, `journey lint`). */

const workspace = scratchWorkspaces();

interface JsonMessage { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }
interface JsonResult { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number; fixableErrorCount: number; fixableWarningCount: number }
const resultsOf = (stdout: string) => JSON.parse(stdout) as JsonResult[];

describe('journey lint paths', () => {
    it('takes an existing path literally even when its name looks like a glob', async () => {
        const ws = workspace({ 'maps (2026)/personas.journey': PERSONAS, 'maps (2026)/renewal[draft].journey': RENEWAL_WITH_PROBLEMS });
        const run = await journeyInProcess(['lint', 'maps (2026)/personas.journey', 'maps (2026)/renewal[draft].journey', '--format', 'json'], ws.root);
        expect(run.stderr).toBe('');
        expect(resultsOf(run.stdout).map(result => result.filePath)).toEqual([ws.path('maps (2026)/personas.journey'), ws.path('maps (2026)/renewal[draft].journey')]);
        expect(run.status).toBe(1);
    });

    it('rejects a file that is not a .journey file with a one-line usage error', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'notes.txt': 'not a map' });
        const run = await journeyInProcess(['lint', 'personas.journey', 'notes.txt'], ws.root);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('journey: not a .journey file: notes.txt\n');
    });
});

describe('journey lint configuration', () => {
    it('reads journey.config.json at the root of the folder it lints, wherever it is run from', async () => {
        const ws = workspace({
            'personas.journey': PERSONAS,
            'renewal.journey': RENEWAL_WITH_WARNINGS,
            'journey.config.json': JSON.stringify({ rules: { 'stage-without-touchpoints': 'error', 'need-not-served': 'off' } }),
        });
        const run = await journeyInProcess(['lint', ws.root, '--format', 'json']);
        expect(run.status).toBe(1);
        expect(resultsOf(run.stdout).flatMap(result => result.messages).map(m => [m.ruleId, m.severity])).toEqual([['stage-without-touchpoints', 2]]);
    });
});

describe('journey lint --format json', () => {
    it('leaves info diagnostics out unless --info, and then gives them severity 0 outside the counts', async () => {
        // A touchpoint without a channel: touchpoint-without-channel is info by default.
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS.replace('{ channel email serves', '{ serves') });
        const plain = resultsOf((await journeyInProcess(['lint', '--format', 'json'], ws.root)).stdout);
        const withInfo = resultsOf((await journeyInProcess(['lint', '--format', 'json', '--info'], ws.root)).stdout);
        expect(plain.flatMap(result => result.messages).map(m => m.severity)).not.toContain(0);
        const infos = withInfo.flatMap(result => result.messages).filter(m => m.severity === 0);
        expect(infos.map(m => m.ruleId)).toContain('touchpoint-without-channel');
        expect(withInfo.map(r => [r.errorCount, r.warningCount])).toEqual(plain.map(r => [r.errorCount, r.warningCount]));
    });

    it('counts what --fix would fix, as ESLint counts fixable problems', async () => {
        const ws = workspace({
            'personas.journey': PERSONAS,
            'renewal.journey': RENEWAL_WITH_WARNINGS.replace('emotion 1 }', 'emotion 7 }'),
        });
        const [personas, renewal] = resultsOf((await journeyInProcess(['lint', '--format', 'json'], ws.root)).stdout);
        expect(personas).toMatchObject({ errorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
        // One clampable emotion (safe fix); the empty stage and the unserved need have no safe fix.
        expect(renewal).toMatchObject({ errorCount: 1, warningCount: 2, fixableErrorCount: 1, fixableWarningCount: 0 });
        expect((await journeyInProcess(['lint', '--format', 'json', '--quiet'], ws.root)).stdout).toContain('"fixableErrorCount":1,"fixableWarningCount":0');
    });
});

describe('journey lint --format stylish', () => {
    it('prints one line per problem even when the message quotes a text that spans lines', async () => {
        const ws = workspace({
            'personas.journey': PERSONAS.replace('"Be productive within one week"', '"Be productive\nwithin one week"'),
            'renewal.journey': RENEWAL_WITH_PROBLEMS,
        });
        const lines = (await journeyInProcess(['lint'], ws.root)).stdout.split('\n');
        expect(lines.some(line => /^ {2}2:13 +warning +Need `olivia\.fast_setup` \("Be productive within one week"\).* +need-not-served$/.test(line))).toBe(true);
        expect(lines).toContain('\u2716 2 problems (1 error, 1 warning)');
    });
});
