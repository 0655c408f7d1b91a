// One mistake, one error, where it is: each typical mistake of syntax-mistakes.ts is made in the
// realistic workspace of examples/brightspoke-cx, and the broken file reports one syntax error (two at
// most) on the line of the mistake, saying what the table says, with no rule finding; every other file
// reports exactly what it reports when nothing is broken.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { beforeAll, describe, expect, it } from 'vitest';
import { internalWordsIn } from '../support/messages-for-people.js';
import { EditorWorkspace, MISTAKES, applyMistake, mistakeLine, workspaceFiles } from './syntax-mistakes.js';
import { buildWorkspace } from './workspace-helper.js';

const FILES = workspaceFiles();
const TODAY = { year: 2026, month: 11, day: 25 };

async function lint(files: Record<string, string>): Promise<Map<string, Diagnostic[]>> {
    const workspace = await buildWorkspace(files, ({ services }) => { services.validation.JourneySettings.today = TODAY; });
    return new Map([...workspace.documents].map(([name, document]) => [name, document.diagnostics ?? []]));
}

/** The workspace as the editor holds it: built once, each mistake typed into one file and taken back. */
const editor = new EditorWorkspace(FILES, TODAY);
beforeAll(() => editor.build());

describe('a typical mistake in a realistic workspace', () => {
    it('the workspace itself is clean, so that every finding below comes from the mistake', async () => {
        const baseline = await lint(FILES);
        expect(Object.keys(FILES).length).toBeGreaterThan(10);
        expect([...baseline.values()].flat()).toEqual([]);
    });

    it(`covers at least 40 kinds of mistake, each in a file of the workspace`, () => {
        expect(MISTAKES.length).toBeGreaterThanOrEqual(40);
        for (const mistake of MISTAKES) {
            expect(FILES[mistake.file], mistake.name).toContain(mistake.find);
        }
    });

    it.each(MISTAKES.map(mistake => [mistake.name, mistake] as const))('%s: one error, on its line, and nothing else', async (_name, mistake) => {
        const mutated = applyMistake(FILES[mistake.file], mistake);
        const diagnostics = await editor.typeInto(mistake.file, mutated);

        const broken = diagnostics.get(mistake.file)!;
        expect(broken.length, JSON.stringify(broken.map(d => d.message))).toBeGreaterThanOrEqual(1);
        expect(broken.length, JSON.stringify(broken.map(d => d.message))).toBeLessThanOrEqual(2);
        expect(broken.map(d => d.code)).toEqual(broken.map(() => 'syntax'));
        expect(broken.map(d => d.severity)).toEqual(broken.map(() => 1));
        expect(broken[0].range.start.line + 1, broken[0].message).toBe(mistakeLine(mutated, mistake));
        expect(broken[0].message).toMatch(mistake.says);
        for (const diagnostic of broken) {
            expect(internalWordsIn(diagnostic.message), diagnostic.message).toEqual([]);
        }
        // The rest of the workspace is checked as usual: it was clean, and stays clean.
        for (const [file, found] of diagnostics) {
            if (file !== mistake.file) {
                expect(found.map(d => `${file}:${d.range.start.line + 1} ${d.message}`)).toEqual([]);
            }
        }
        // Mended, the file is clean again.
        const mended = await editor.typeInto(mistake.file, FILES[mistake.file]);
        expect([...mended.values()].flat()).toEqual([]);
    });
});

describe('messages are for people', () => {
    it('the check finds internal words outside what a message quotes, and only there', () => {
        expect(internalWordsIn('Expecting token of type ID but found `x`.')).toEqual(['Expecting', 'token of type', 'ID']);
        expect(internalWordsIn('Name an opportunity or a plan that closes the gap.')).toEqual([]);
        expect(internalWordsIn('The emotion of touchpoint `undefined` has no evidence')).toEqual(['undefined']);
        expect(internalWordsIn('The emotion of touchpoint undefined has no evidence')).toEqual(['undefined']);
        expect(internalWordsIn('Unknown team `null`: no team "Model" is declared.')).toEqual([]);
    });
});

describe('a file that does not parse, beside files that do', () => {
    const mistake = MISTAKES.find(m => m.name === 'a misspelt member of a stage')!;

    it('the other files still get their own findings', async () => {
        const personas = FILES['personas/dana.journey'].replace('    need fleet_uptime', '    need fleet_uptime "Duplicate need" importance 2\n    need fleet_uptime');
        const diagnostics = await lint({ ...FILES, [mistake.file]: applyMistake(FILES[mistake.file], mistake), 'personas/dana.journey': personas });
        expect(diagnostics.get('personas/dana.journey')!.map(d => d.code)).toEqual(['duplicate-name']);
        expect(diagnostics.get(mistake.file)!.map(d => d.code)).toEqual(['syntax']);
    });

    it('a reference into the part the parser could not read is not "unknown" elsewhere', async () => {
        // The metric file is broken before `support_csat`'s scale: journeys that use it say nothing about it.
        const metrics = FILES['shared/metrics.journey'].replace('metric support_csat "Support CSAT (post-contact survey)" scale 1 to 5',
            'metric support_csat "Support CSAT (post-contact survey)" scael 1 to 5');
        const diagnostics = await lint({ ...FILES, 'shared/metrics.journey': metrics });
        expect(diagnostics.get('shared/metrics.journey')!.map(d => d.code)).toEqual(['syntax']);
        expect([...diagnostics].filter(([file]) => file !== 'shared/metrics.journey').flatMap(([, found]) => found)).toEqual([]);
    });

    it('a syntax error cannot be silenced or turned off', async () => {
        const text = `// journey-disable-next-line\n${applyMistake(FILES[mistake.file], mistake).replace('        touchpiont', '        // journey-disable-next-line syntax\n        touchpiont')}`;
        const workspace = await buildWorkspace({ ...FILES, [mistake.file]: text }, ({ services }) => {
            services.validation.JourneySettings.today = TODAY;
            services.validation.JourneySettings.severities.set('syntax', 'off');
        });
        const found = workspace.doc(mistake.file).diagnostics ?? [];
        expect(found.map(d => [d.code, d.severity, d.message.split('.')[0]])).toEqual([['syntax', 1, 'Unknown member `touchpiont` in a stage']]);
    });

    it('a date that is not a calendar date is a `syntax` error whatever the configuration says', async () => {
        const text = FILES['journeys/fleet-onboarding.journey'].replace('reviewed 2026-11-12', 'reviewed 2026-02-30');
        const workspace = await buildWorkspace({ ...FILES, 'journeys/fleet-onboarding.journey': text }, ({ services }) => {
            services.validation.JourneySettings.today = TODAY;
            services.validation.JourneySettings.severities.set('syntax', 'off');
        });
        // The file parses, so the other rules run beside it; but a date that is not a date is never clean.
        const syntax = (workspace.doc('journeys/fleet-onboarding.journey').diagnostics ?? []).filter(d => d.code === 'syntax');
        expect(syntax.map(d => [d.severity, d.message])).toEqual([[DiagnosticSeverity.Error, expect.stringContaining('February 2026 has 28 days')]]);
    });
});
