import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_WITH_WARNINGS } from '../support/fixtures.js';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

interface JsonResult { filePath: string; messages: Array<{ ruleId: string; severity: number; line: number }> }
const messagesOf = (stdout: string) => (JSON.parse(stdout) as JsonResult[]).flatMap(result => result.messages);

describe('journey.config.json in the CLI', () => {
    it('applies per-rule severities from journey.config.json in the working directory', async () => {
        const ws = workspace({
            'personas.journey': PERSONAS,
            'renewal.journey': RENEWAL_WITH_WARNINGS,
            'journey.config.json': JSON.stringify({ rules: { 'stage-without-touchpoints': 'error', 'need-not-served': 'off' } }),
        });
        const run = await journeyInProcess(['lint', '--format', 'json'], ws.root);
        expect(run.status).toBe(1);
        expect(messagesOf(run.stdout).map(m => [m.ruleId, m.severity])).toEqual([['stage-without-touchpoints', 2]]);
    });

    it('finds the configuration in a parent folder and takes --config over it', async () => {
        const ws = workspace({
            'maps/personas.journey': PERSONAS,
            'maps/renewal.journey': RENEWAL_WITH_WARNINGS,
            'journey.config.json': JSON.stringify({ rules: { 'stage-without-touchpoints': 'off' } }),
            'strict.json': JSON.stringify({ rules: { 'need-not-served': 'error' } }),
        });
        const fromParent = await journeyInProcess(['lint', '.', '--format', 'json'], ws.path('maps'));
        expect(messagesOf(fromParent.stdout).map(m => m.ruleId)).toEqual(['need-not-served']);
        const explicit = await journeyInProcess(['lint', '.', '--format', 'json', '--config', '../strict.json'], ws.path('maps'));
        expect(explicit.status).toBe(1);
        expect(messagesOf(explicit.stdout).map(m => [m.ruleId, m.severity])).toEqual([['need-not-served', 2], ['stage-without-touchpoints', 1]]);
    });

    it('reads a configuration saved with a byte order mark, and places its problems as without one', async () => {
        const bom = '\uFEFF';
        const ws = workspace({
            'personas.journey': PERSONAS,
            'renewal.journey': RENEWAL_WITH_WARNINGS,
            'journey.config.json': `${bom}${JSON.stringify({ rules: { 'stage-without-touchpoints': 'off' } })}`,
        });
        expect(messagesOf((await journeyInProcess(['lint', '--format', 'json'], ws.root)).stdout).map(m => m.ruleId)).toEqual(['need-not-served']);
        ws.write('journey.config.json', `${bom}{ "rules": { "stale-map": "of" } }`);
        expect((await journeyInProcess(['lint'], ws.root)).stderr).toContain('journey.config.json:1:27: rule "stale-map" has severity "of"');
    });

    it.each([
        ['{ "rules": { "stale-map": "of" } }', 'journey.config.json:1:27: rule "stale-map" has severity "of"'],
        ['{ "rules": { "stal-map": "off" } }', 'journey.config.json:1:14: unknown rule "stal-map": did you mean "stale-map"?'],
        ['{ "rules": { "stale-map": "off", } }', 'journey.config.json:1:34: invalid JSON: property name expected'],
        ['{\n  "rules": {\n    "syntax": "off"\n  }\n}', 'journey.config.json:3:15: rule "syntax" is always an error: a file that does not parse, or a date that is not on the calendar, cannot be turned off or lowered. Remove this line and fix the text instead'],
        ['{ "rules": { "syntax": "warning" } }', 'journey.config.json:1:24: rule "syntax" is always an error'],
        ['{ "rulez": {} }', 'unknown setting "rulez"'],
        ['[]', 'must be a JSON object'],
        ['', 'invalid JSON'],
    ])('rejects a bad configuration %j with exit 2 and the place of the problem', async (text, expected) => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'journey.config.json': text });
        const run = await journeyInProcess(['lint'], ws.root);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(expected);
        expect(run.stderr).toMatch(/^journey: /);
    });

    it('says so when --config names a missing file', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        const run = await journeyInProcess(['lint', '--config', 'nope.json'], ws.root);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('cannot read the configuration nope.json: no such file');
    });
});
