// One rule that throws must not silence the others: each rule's call is isolated, the failure is
// reported once per file (as a finding of that rule, naming it), and every other rule's findings stay.
// A real rule is made to throw by replacing its check before the services are created (the registry
// reads the checks then), and restored after: nothing of this ships.
import { findRule, type JourneyRule, type RuleChecks } from '@journey/language';
import { DocumentState } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ruleFailureMessage } from '../../packages/language/src/validation/journey-validator.js';
import { buildOne, buildWorkspace, createServicesPerBuild, summarize } from './workspace-helper.js';

const WARNING = 2;

// The spies below replace a check after the services of other tests were created, which read them.
createServicesPerBuild();

/** A file on which several rules report, four of them on the journey node. */
const TEXT = `persona olivia "Olivia" {
    need clear_pricing "Know the cost" importance 5
    need fast_answer "Get an answer fast" importance 4
}
journey renewal "Renewal" {
    persona olivia
    stage notice "Notice" {
        touchpoint quote "Quote" { serves clear_pricing }
        touchpoint call "Call" { serves clear_pricing }
        touchpoint letter "Letter" { serves clear_pricing }
    }
    stage empty "Empty" {
    }
}
`;

function rule(id: string): JourneyRule {
    const found = findRule(id);
    if (!found) {
        throw new Error(`no rule ${id}`);
    }
    return found;
}

/** Makes the rule's check of `type` throw (until the test ends); returns the spy. */
function breakRule(id: string, type: keyof RuleChecks, message = 'boom') {
    const checks = rule(id).checks as Record<string, (node: unknown, context: unknown) => void>;
    return vi.spyOn(checks, type).mockImplementation(() => {
        throw new Error(message);
    });
}

function ofRule(diagnostics: readonly Diagnostic[], id: string): Diagnostic[] {
    return diagnostics.filter(d => d.code === id);
}

function failures(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(d => (d.data as { internalError?: boolean } | undefined)?.internalError === true);
}

afterEach(() => {
    vi.restoreAllMocks();
});

describe('a rule that throws', () => {
    test('the rules after it on the same node still report, and nothing else changes', async () => {
        const { diagnostics: baseline } = await buildOne(TEXT);
        // The baseline has findings of need-not-served and of the journey rules registered after it.
        expect(ofRule(baseline, 'need-not-served')).toHaveLength(1);
        expect(ofRule(baseline, 'missing-trigger')).toHaveLength(1);
        expect(ofRule(baseline, 'missing-post-purchase')).toHaveLength(1);

        breakRule('need-not-served', 'Journey');
        const { diagnostics } = await buildOne(TEXT);
        const failure = failures(diagnostics);
        expect(summarize(failure)).toEqual([
            `need-not-served@4:8 ${ruleFailureMessage('need-not-served', new Error('boom'))}`,
        ]);
        expect(failure[0]!.severity).toBe(WARNING); // the rule's own severity
        const others = (list: readonly Diagnostic[]) => summarize(list.filter(d => d.code !== 'need-not-served'));
        expect(others(diagnostics)).toEqual(others(baseline));
    });

    test('is reported once per file, not per node, and not run again on that file', async () => {
        const { diagnostics: baseline } = await buildOne(TEXT);
        expect(ofRule(baseline, 'touchpoint-without-channel')).toHaveLength(3);
        const spy = breakRule('touchpoint-without-channel', 'Touchpoint');
        const { diagnostics } = await buildOne(TEXT);
        expect(spy).toHaveBeenCalledTimes(1);
        expect(summarize(ofRule(diagnostics, 'touchpoint-without-channel'))).toEqual([
            `touchpoint-without-channel@7:19 ${ruleFailureMessage('touchpoint-without-channel', new Error('boom'))}`,
        ]);
        // The other rule on touchpoints reports on all three.
        expect(ofRule(diagnostics, 'touchpoint-without-owner')).toEqual(ofRule(baseline, 'touchpoint-without-owner'));
        expect(ofRule(diagnostics, 'touchpoint-without-owner')).toHaveLength(3);
    });

    test('is reported once in each file, and again when the file is validated again', async () => {
        breakRule('touchpoint-without-channel', 'Touchpoint');
        const workspace = await buildWorkspace({ 'a.journey': TEXT, 'b.journey': TEXT.replace(/olivia/g, 'omar').replace('renewal', 'onboarding') });
        for (const name of ['a.journey', 'b.journey']) {
            expect(failures(workspace.doc(name).diagnostics ?? [])).toHaveLength(1);
        }
        const document = workspace.doc('a.journey');
        const builder = workspace.shared.workspace.DocumentBuilder;
        builder.resetToState(document, DocumentState.IndexedReferences);
        await builder.build([document], { validation: true });
        expect(document.state).toBe(DocumentState.Validated);
        expect(failures(document.diagnostics ?? [])).toHaveLength(1);
    });

    test('a rule configured off is not run, so its failure is not reported', async () => {
        const spy = breakRule('need-not-served', 'Journey');
        const { diagnostics } = await buildOne(TEXT, ({ services }) => {
            services.validation.JourneySettings.severities.set('need-not-served', 'off');
        });
        expect(spy).not.toHaveBeenCalled();
        expect(failures(diagnostics)).toEqual([]);
        expect(ofRule(diagnostics, 'missing-trigger')).toHaveLength(1);
    });

    test('the message names the rule, the error and where to report it', () => {
        expect(ruleFailureMessage('dead-end', new Error('Cannot read properties of undefined (reading \'x\').'))).toBe(
            'Rule `dead-end` failed on this file: Cannot read properties of undefined (reading \'x\'). Its findings here may be '
            + 'incomplete; the other rules still ran. Please report it: https://github.com/journey-maps/journey/issues');
        expect(ruleFailureMessage('dead-end', 'not an Error')).toContain('failed on this file: not an Error.');
    });
});
