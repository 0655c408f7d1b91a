// Acceptance checks of the spec's "Rules (validation)" section that the other rule tests do not pin:
// the whole table's ids and default severities, and details found while auditing the rules against it.
import { findRule, journeyRules, type ConfiguredSeverity, type FindingData } from '@journey/language';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';
import { lintOn, only, rangeOnLine, summarize } from './workspace-helper.js';

const TODAY = { year: 2026, month: 11, day: 25 };

const lint = (text: string, severities: Record<string, ConfiguredSeverity> = {}): Promise<Diagnostic[]> => lintOn(TODAY, text, severities);

const of = (diagnostics: readonly Diagnostic[], ruleId: string) => diagnostics.filter(d => d.code === ruleId);

test('the spec\'s table: every rule id with its default severity, in the table\'s order', () => {
    const table: Array<[string, string]> = [
        ['syntax', 'error'], ['unresolved-reference', 'error'], ['duplicate-name', 'error'],
        ['stage-without-touchpoints', 'warning'], ['persona-without-needs', 'warning'], ['need-not-served', 'warning'],
        ['journey-without-persona', 'error'], ['missing-trigger', 'warning'], ['missing-post-purchase', 'warning'],
        ['emotion-out-of-range', 'error'], ['score-out-of-range', 'error'], ['touchpoint-without-channel', 'info'],
        ['touchpoint-without-owner', 'info'], ['opportunity-without-owner', 'warning'], ['pain-without-opportunity', 'info'],
        ['unsupported-claim', 'info'], ['kpi-off-target', 'info'], ['value-gap', 'warning'],
        ['unreachable-touchpoint', 'warning'], ['dead-end', 'info'], ['stale-map', 'warning'], ['plan-overdue', 'warning'],
        ['future-without-current', 'warning'],
    ];
    expect(table.map(([id]) => [id, findRule(id)?.defaultSeverity])).toEqual(table);
    expect(journeyRules.slice(0, table.length).map(rule => rule.id)).toEqual(table.map(([id]) => id));
});

describe('need-not-served', () => {
    const TWO_PERSONAS = `team success "Customer Success"
channel web "Website" online
persona olivia "Olivia" {
    need fast_setup "Be productive within a week" importance 5
}
persona ben "Ben" {
    need fast_setup "Set it up without IT" importance 3
}
journey renewal "Renewal" {
    persona olivia, ben
    trigger "Contract renews"
    owner success
    reviewed 2026-11-01 every 30 days
    stage notice "Notice" {
        phase post-purchase
        touchpoint quote "Quote" { channel web serves olivia.fast_setup }
    }
}
`;

    test('when two personas share a need name, the message says to serve the qualified name', async () => {
        const diagnostics = await lint(TWO_PERSONAS);
        const diagnostic = only(of(diagnostics, 'need-not-served'));
        expect(diagnostic.range).toEqual(rangeOnLine(TWO_PERSONAS, 'persona olivia, ben', 'ben'));
        // A bare `serves fast_setup` would not say whose (see below): the message names ben's.
        expect(diagnostic.message).toContain('add `serves ben.fast_setup`');
        const fixed = await lint(TWO_PERSONAS.replace('serves olivia.fast_setup }', 'serves olivia.fast_setup serves ben.fast_setup }'));
        expect(summarize(fixed)).toEqual([]);
    });

    test('a need name two personas of the journey share is ambiguous unqualified: an error that offers both', async () => {
        const text = TWO_PERSONAS.replace('serves olivia.fast_setup }', 'serves fast_setup }');
        const diagnostics = await lint(text);
        const ambiguous = only(of(diagnostics, 'unresolved-reference'));
        expect(ambiguous.range).toEqual(rangeOnLine(text, 'serves fast_setup', 'fast_setup'));
        expect(ambiguous.message).toBe('Ambiguous need `fast_setup`: personas `olivia` and `ben` of this journey each have a need of that name. '
            + 'Write `olivia.fast_setup` or `ben.fast_setup` to say whose.');
        expect((ambiguous.data as { fixes: Array<{ title: string }> }).fixes.map(fix => fix.title))
            .toEqual(['Change to `olivia.fast_setup`', 'Change to `ben.fast_setup`']);
    });
});

describe('owner rules and an owner that does not resolve', () => {
    const MISSPELT_OWNERS = `team success "Customer Success"
channel web "Website" online
persona olivia "Olivia" {
    need fast_setup "Be productive within a week" importance 5
}
journey renewal "Renewal" {
    persona olivia
    trigger "Contract renews"
    reviewed 2026-11-01 every 30 days
    stage notice "Notice" {
        phase post-purchase
        touchpoint quote "Quote" { channel web owner sucess serves fast_setup }
        pain late "Quote arrives late" at quote
        opportunity early "Send it earlier" for late owner sucess
    }
}
`;

    // The `owner` line is there, only misspelt: unresolved-reference says so; "add `owner TEAM`" would be wrong.
    test('a touchpoint and an opportunity with a misspelt owner are reported once each, as unresolved references', async () => {
        const diagnostics = await lint(MISSPELT_OWNERS);
        expect(of(diagnostics, 'unresolved-reference').map(d => d.message)).toEqual([
            expect.stringContaining('Did you mean `success`?'), expect.stringContaining('Did you mean `success`?'),
        ]);
        expect(summarize(of(diagnostics, 'touchpoint-without-owner'))).toEqual([]);
        expect(summarize(of(diagnostics, 'opportunity-without-owner'))).toEqual([]);
    });

    test('a misspelt journey owner still covers its touchpoints and opportunities', async () => {
        const text = MISSPELT_OWNERS.replace(/ owner sucess/g, '').replace('    trigger', '    owner sucess\n    trigger');
        const diagnostics = await lint(text);
        expect(of(diagnostics, 'unresolved-reference')).toHaveLength(1);
        expect(summarize(of(diagnostics, 'touchpoint-without-owner'))).toEqual([]);
        expect(summarize(of(diagnostics, 'opportunity-without-owner'))).toEqual([]);
    });

    test('without any owner line they still fire, on the names', async () => {
        const text = MISSPELT_OWNERS.replace(/ owner sucess/g, '');
        const diagnostics = await lint(text);
        expect(of(diagnostics, 'touchpoint-without-owner').map(d => d.range)).toEqual([rangeOnLine(text, 'touchpoint quote', 'quote')]);
        expect(of(diagnostics, 'opportunity-without-owner').map(d => d.range)).toEqual([rangeOnLine(text, 'opportunity early', 'early')]);
    });
});

describe('unresolved-reference lists close matches', () => {
    // Two swapped letters are one slip of the finger, even in a short name.
    test('a transposition in a short name', async () => {
        const text = 'channel web "Website" online\npersona olivia "Olivia" {\n    need fast_setup "Fast" importance 3\n    prefers wbe\n}\n';
        const diagnostic = only(of(await lint(text), 'unresolved-reference'));
        expect(diagnostic.range).toEqual(rangeOnLine(text, 'prefers', 'wbe'));
        expect(diagnostic.message).toContain('Did you mean `web`?');
    });
});

describe('unresolved-reference says what to do when no name comes close', () => {
    const NOTHING_CLOSE = `team success "S"
channel web "W" online
persona olivia "Olivia" {
    need fast_setup "Fast" importance 5
}
journey renewal "Renewal" {
    persona olivia
    trigger "t"
    owner success
    reviewed 2026-11-01 every 30 days
    stage notice "Notice" {
        phase post-purchase
        touchpoint quote "Quote" { channel web serves fast_setup serves zzzz by qqqq }
        pain late "Late" at abcdef
        opportunity early "E" for late, ghijkl
    }
    flow quote -> mnopq
    plan p "P" { addresses rstuv }
}
`;

    test.each([
        ['zzzz', 'Add `need zzzz "…"` to persona `olivia`'],
        ['qqqq', 'Name one of them'],
        ['abcdef', 'or add `touchpoint abcdef "…"` to one of its stages'],
        ['ghijkl', 'or add `pain ghijkl "…"` to one of its stages'],
        ['mnopq', 'or add `touchpoint mnopq "…"` to one of its stages'],
        ['rstuv', 'Name one of its pains or opportunities'],
    ])('`%s`', async (name, advice) => {
        const diagnostics = of(await lint(NOTHING_CLOSE), 'unresolved-reference');
        const diagnostic = only(diagnostics.filter(d => d.message.includes(`\`${name}\``)));
        expect(diagnostic.message).toContain(advice);
        expect(diagnostic.message).not.toContain('Did you mean');
    });
});

describe('duplicate-name inside a journey', () => {
    // "After the first" is in the order of the text, whatever kinds the declarations are.
    test('is reported on the later declarations in the text, across kinds and members', async () => {
        const text = `team success "S"
channel web "W" online
persona olivia "Olivia" {
    need fast_setup "Fast" importance 5
}
journey renewal "Renewal" {
    persona olivia
    trigger "t"
    owner success
    reviewed 2026-11-01 every 30 days
    stage notice "Notice" {
        phase post-purchase
        touchpoint quote "Quote" { channel web serves fast_setup }
        pain late "Late" at quote
        touchpoint late "Late touchpoint" { channel web }
    }
    plan renew "Renew" { }
    stage renew "Renew" { touchpoint call "Call" { channel web } }
}
`;
        const diagnostics = of(await lint(text), 'duplicate-name');
        expect(diagnostics.map(d => d.range)).toEqual([
            rangeOnLine(text, 'touchpoint late', 'late'),
            rangeOnLine(text, 'stage renew', 'renew'),
        ]);
        expect(diagnostics[0].message).toContain('a pain `late` is already declared on line 14');
        expect(diagnostics[1].message).toContain('a plan `renew` is already declared on line 17');
    });
});

describe('the CLI reports where the spec says, with journey.config.json of the linted folder and suppressions', () => {
    const workspace = scratchWorkspaces();

    interface JsonMessage { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number }

    test('1-based lines and columns, endColumn exclusive, on the names and lines the spec names', async () => {
        const journey = `team success "Customer Success"
channel web "Website" online
persona olivia "Olivia" {
    need fast_setup "Be productive within a week" importance 5
}
journey renewal "Renewal" {
    persona olivia
    owner success
    reviewed 2026-10-25 every 30 days
    stage notice "Notice" {
        phase pre-purchase
        // journey-disable-next-line touchpoint-without-channel
        touchpoint quote "Quote" { emotion 1 }
    }
}
`;
        const ws = workspace({
            'maps/renewal.journey': journey,
            'maps/journey.config.json': JSON.stringify({ rules: { 'missing-post-purchase': 'error', 'unsupported-claim': 'off' } }),
        });
        // Run from elsewhere: the configuration belongs to the workspace root, the folder linted.
        const run = await journeyInProcess(['lint', ws.path('maps'), '--format', 'json', '--info', '--today', '2026-11-25']);
        const messages = (JSON.parse(run.stdout) as Array<{ messages: JsonMessage[] }>).flatMap(result => result.messages);
        const at = (m: JsonMessage) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn];
        expect(messages.map(at)).toEqual([
            // The journey's name: columns 9..16 of line 6.
            ['missing-post-purchase', 2, 6, 9, 6, 16],
            ['missing-trigger', 1, 6, 9, 6, 16],
            // The persona on the persona line.
            ['need-not-served', 1, 7, 13, 7, 19],
            // The `reviewed` keyword: 31 days ago against every 30 days.
            ['stale-map', 1, 9, 5, 9, 13],
        ]);
        expect(run.status).toBe(1);
    });
});

describe('syntax: a misspelt member keyword', () => {
    // The table's quick fix for its first row, "rename to the closest match", for keywords too.
    test.each([
        ['goall', 'goal', 'persona olivia "Olivia" {\n    need fast_setup "Fast" importance 3\n    goall "Spend less"\n}\n'],
        ['touchpiont', 'touchpoint', 'journey renewal "R" {\n    stage notice "N" {\n        touchpiont quote "Q"\n    }\n}\n'],
    ])('`%s` offers to change it to `%s`', async (word, keyword, text) => {
        const diagnostic = of(await lint(text), 'syntax')[0];
        expect(diagnostic.range).toEqual(rangeOnLine(text, word, word));
        expect(diagnostic.message).toContain(`Did you mean \`${keyword}\`?`);
        const data = diagnostic.data as FindingData;
        expect([data.ruleId, data.safeFix]).toEqual(['syntax', false]);
        expect(data.fixes?.[0]).toEqual({ title: `Change to \`${keyword}\``, edits: [{ range: diagnostic.range, newText: keyword }] });
    });

    test('no fix when no keyword comes close', async () => {
        const text = 'persona olivia "Olivia" {\n    need fast_setup "Fast" importance 3\n    zzzzzz "Spend less"\n}\n';
        const diagnostic = of(await lint(text), 'syntax')[0];
        expect(diagnostic.message).not.toContain('Did you mean');
        expect((diagnostic.data as FindingData | undefined)?.fixes ?? []).toEqual([]);
    });
});
