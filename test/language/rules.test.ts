// The rules implemented so far: each fires on a minimal bad file, on exactly the offending name, with
// its id as `code` and its default severity (LSP: 1 error, 2 warning, 3 information), and is silent
// once the file is fixed. Severities are configurable per rule.
import { findRule, journeyRules } from '@journey/language';
import type { Diagnostic } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import {
    buildOne, buildWorkspace, CLEAN, core, CORE_RULES, diagnosticsOf, only, rangeOf, rangeOnLine, summarize, uriOf,
    wordRangeOf, type TestWorkspace
} from './workspace-helper.js';

const ERROR = 1;
const WARNING = 2;
const INFO = 3;

test('the rule registry lists the rules these tests cover, with the spec\'s default severities', () => {
    expect(CORE_RULES.map(id => [id, findRule(id)?.defaultSeverity])).toEqual([
        ['syntax', 'error'],
        ['unresolved-reference', 'error'],
        ['duplicate-name', 'error'],
        ['stage-without-touchpoints', 'warning'],
        ['persona-without-needs', 'warning'],
        ['need-not-served', 'warning'],
        ['journey-without-persona', 'error'],
    ]);
    // In the order of the spec's table.
    expect(journeyRules.slice(0, CORE_RULES.length).map(rule => rule.id)).toEqual([...CORE_RULES]);
});

test('the clean file is silent', async () => {
    const { diagnostics } = await buildOne(CLEAN);
    expect(summarize(core(diagnostics))).toEqual([]);
});

describe('syntax', () => {
    test('fires on the unexpected token', async () => {
        const text = 'team marketing "Marketing" online\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('syntax');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(rangeOf(text, 'online'));
        expect(diagnostic.source).toBe('journey');
    });

    test('fires on an unexpected character', async () => {
        const text = 'team marketing "Marketing" #\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('syntax');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(rangeOf(text, '#'));
        expect(diagnostic.message).toContain('`#`');
    });

    // A value missing at the end of a line is noticed at the next line's first word, and reported on the line where it is missing.
    test.each([
        ['a missing label', 'team marketing\nchannel web "Web" online\n', 'channel', 'marketing', 'a "quoted text"'],
        ['a missing name', 'persona p "P" {\n    need\n}\n', '}', 'need', 'a name'],
        ['a missing keyword', 'metric m "M" scale 1 5\n', '5', '5', '`to`'],
    ])('the message for %s speaks of names, texts and keywords, in one line', async (_what, text, found, at, expected) => {
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('syntax');
        expect(diagnostic.range).toEqual(wordRangeOf(text, at));
        expect(diagnostic.message).toContain(expected);
        expect(diagnostic.message).toContain(`\`${found}\``);
        // Not Chevrotain's vocabulary: no token types, no list of every keyword a name may also be.
        expect(diagnostic.message).not.toMatch(/token of type|Token sequences|\[ID\]/);
        expect(diagnostic.message).not.toContain('\n');
    });

    test('a missing token at the end of the file is reported there, and the message says so', async () => {
        const text = 'team marketing "Marketing"\nteam sales';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect([diagnostic.code, diagnostic.severity]).toEqual(['syntax', ERROR]);
        expect(diagnostic.range.start).toEqual({ line: 1, character: 10 });
        expect(diagnostic.message).toContain('a "quoted text"');
        // Chevrotain's EOF token has an empty image: "but found ``" tells the user nothing.
        expect(diagnostic.message).not.toContain('``');
        expect(diagnostic.message).toContain('the end of the file');
    });

    test('fires on an invalid calendar date, exactly on the date', async () => {
        const text = 'source s "Survey" survey 2026-02-30 sample 12\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect([diagnostic.code, diagnostic.severity]).toEqual(['syntax', ERROR]);
        expect(diagnostic.range).toEqual(rangeOf(text, '2026-02-30'));
    });

    test('is silent on the fixed file', async () => {
        const { diagnostics } = await buildOne('team marketing "Marketing"\nsource s "Survey" survey 2026-02-28 sample 12\n');
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('unresolved-reference', () => {
    test('fires on the reference', async () => {
        const text = 'channel email "Email" online\npersona p "P" { need n "N" prefers emial }\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('unresolved-reference');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(rangeOf(text, 'emial'));
        expect(diagnostic.message).toContain('Unknown channel `emial`');
    });

    test('is silent on the fixed file', async () => {
        const { diagnostics } = await buildOne('channel email "Email" online\npersona p "P" { need n "N" prefers email }\n');
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('duplicate-name', () => {
    test('fires on the second declaration\'s name in one file', async () => {
        const text = 'team marketing "Marketing"\nteam sales "Sales"\nteam marketing "Marketing again"\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('duplicate-name');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(wordRangeOf(text, 'marketing', 1));
        expect(diagnostic.message).toContain('`marketing`');
        expect(diagnostic.message).toContain('line 1');
    });

    test('fires on every declaration after the first', async () => {
        const text = 'team x "A"\nchannel x "B" online\ncompetitor x "C"\n';
        const { diagnostics } = await buildOne(text);
        expect(core(diagnostics).map(d => [d.code, d.range])).toEqual([
            ['duplicate-name', rangeOnLine(text, 'channel', 'x')],
            ['duplicate-name', rangeOnLine(text, 'competitor', 'x')],
        ]);
    });

    test.each([
        ['in URI order', ['a.journey', 'b.journey']],
        ['whatever order the documents were added in', ['b.journey', 'a.journey']],
    ])('across two files, the first file in URI order wins (%s)', async (_how, order) => {
        const texts: Record<string, string> = {
            'a.journey': 'team sales "Sales"\nteam marketing "Marketing"\n',
            'b.journey': '// the second file\nteam marketing "Marketing too"\n',
        };
        const workspace = await buildWorkspace(Object.fromEntries(order.map(name => [name, texts[name]])));
        expect(summarize(core(workspace.doc('a.journey').diagnostics))).toEqual([]);
        const diagnostic = only(core(workspace.doc('b.journey').diagnostics));
        expect(diagnostic.code).toBe('duplicate-name');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(rangeOf(texts['b.journey'], 'marketing'));
        expect(diagnostic.message).toContain('a.journey');
        expect(diagnostic.message).toContain('line 2');
    });

    test('URI order is by the whole path', async () => {
        const workspace = await buildWorkspace({
            'z/personas.journey': 'persona olivia "Olivia" { need n "N" }\n',
            'b.journey': 'persona olivia "Olivia" { need n "N" }\n',
        });
        expect(uriOf('b.journey').toString() < uriOf('z/personas.journey').toString()).toBe(true);
        expect(summarize(core(workspace.doc('b.journey').diagnostics))).toEqual([]);
        expect(summarize(core(workspace.doc('z/personas.journey').diagnostics))).toEqual([
            expect.stringMatching(/^duplicate-name@0:8 /),
        ]);
    });

    test('when the first declaration\'s file is deleted, the second file\'s diagnostic goes away', async () => {
        // What the editor does when a.journey is deleted (or its declaration renamed): an incremental update.
        const workspace = await buildWorkspace({ 'a.journey': 'team marketing "Marketing"\n', 'b.journey': 'team marketing "Marketing"\n' });
        expect(core(diagnosticsOf(workspace.doc('b.journey'))).map(d => d.code)).toEqual(['duplicate-name']);
        await workspace.shared.workspace.DocumentBuilder.update([], [uriOf('a.journey')]);
        expect(workspace.shared.workspace.LangiumDocuments.hasDocument(uriOf('a.journey'))).toBe(false);
        expect(summarize(core(diagnosticsOf(workspace.doc('b.journey'))))).toEqual([]);
    });

    test('fires on duplicate needs of a persona', async () => {
        const text = 'persona p "P" {\n    need setup "Setup"\n    need setup "Setup again"\n}\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(core(diagnostics));
        expect([diagnostic.code, diagnostic.severity]).toEqual(['duplicate-name', ERROR]);
        expect(diagnostic.range).toEqual(wordRangeOf(text, 'setup', 1));
    });

    test('fires on duplicate names inside a journey, across stages and kinds', async () => {
        const text = `persona p "P" { need n "N" }
journey j "J" {
    persona p
    stage one "One" { touchpoint quote "Quote" { serves n } }
    stage two "Two" {
        touchpoint quote "Quote again"
        pain one "A pain named like a stage"
    }
}
`;
        const { diagnostics } = await buildOne(text);
        expect(core(diagnostics).map(d => [d.code, d.severity, d.range])).toEqual([
            ['duplicate-name', ERROR, rangeOnLine(text, 'Quote again', 'quote')],
            ['duplicate-name', ERROR, rangeOnLine(text, 'pain one', 'one')],
        ]);
    });

    test('is silent when the names differ, and for equal local names in different scopes', async () => {
        const text = `team marketing "Marketing"
persona p "P" { need setup "Setup" }
persona q "Q" { need setup "Setup" }
journey j "J" { persona p, q stage s "S" { touchpoint t "T" { serves p.setup serves q.setup } } }
journey k "K" { persona p, q stage s "S" { touchpoint t "T" { serves p.setup serves q.setup } } }
`;
        const { diagnostics } = await buildOne(text);
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('stage-without-touchpoints', () => {
    const bad = CLEAN.replace('stage notice', 'stage empty "Empty" { phase post-purchase }\n    stage notice');

    test('fires on the stage name', async () => {
        const { diagnostics } = await buildOne(bad);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('stage-without-touchpoints');
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.range).toEqual(rangeOf(bad, 'empty'));
        expect(diagnostic.message).toContain('`empty`');
    });

    test('is silent on the fixed file', async () => {
        const fixed = bad.replace('{ phase post-purchase }', '{ phase post-purchase touchpoint t "T" }');
        const { diagnostics } = await buildOne(fixed);
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('persona-without-needs', () => {
    const bad = 'channel web "Web" online\npersona ben "Ben" {\n    goal "Save money"\n    pain "Invoices"\n    prefers web\n}\n';

    test('fires on the persona name', async () => {
        const { diagnostics } = await buildOne(bad);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('persona-without-needs');
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.range).toEqual(rangeOf(bad, 'ben'));
        expect(diagnostic.message).toContain('`ben`');
    });

    test('is silent on the fixed file', async () => {
        const { diagnostics } = await buildOne(bad.replace('    goal', '    need cheap "Save money"\n    goal'));
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('need-not-served', () => {
    const bad = `persona olivia "Olivia" {
    need clear_pricing "Know the cost" importance 5
    need fast_setup "Set up in a week" importance 4
}
journey renewal "Renewal" {
    persona olivia
    trigger "Contract renews"
    stage notice "Notice" {
        touchpoint quote "Quote" { serves clear_pricing }
    }
}
`;

    test('fires on the persona reference of the persona line, naming the need', async () => {
        const { diagnostics } = await buildOne(bad);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('need-not-served');
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.range).toEqual(rangeOnLine(bad, '    persona olivia', 'olivia'));
        expect(diagnostic.message).toContain('fast_setup');
        expect(diagnostic.message).not.toContain('clear_pricing');
    });

    test('fires on the right persona of a line with several, once per unserved need', async () => {
        const text = `persona olivia "Olivia" { need clear_pricing "Know the cost" }
persona ben "Ben" { need predictable_cost "No surprises" need reporting "Reports" }
journey renewal "Renewal" {
    persona olivia, ben
    stage notice "Notice" { touchpoint quote "Quote" { serves clear_pricing } }
}
`;
        const { diagnostics } = await buildOne(text);
        const fired = diagnostics.filter(d => d.code === 'need-not-served');
        const benOnLine = rangeOnLine(text, 'persona olivia, ben', 'ben');
        expect(fired.map(d => d.range)).toEqual([benOnLine, benOnLine]);
        expect(fired.map(d => d.severity)).toEqual([WARNING, WARNING]);
        expect(fired.some(d => d.message.includes('predictable_cost'))).toBe(true);
        expect(fired.some(d => d.message.includes('reporting'))).toBe(true);
    });

    test('a need served only in another journey is still unserved in this one', async () => {
        const text = `persona olivia "Olivia" { need clear_pricing "Know the cost" }
journey one "One" { persona olivia stage s "S" { touchpoint t "T" { serves clear_pricing } } }
journey two "Two" { persona olivia stage s "S" { touchpoint t "T" } }
`;
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(diagnostics.filter(d => d.code === 'need-not-served'));
        expect(diagnostic.range).toEqual(rangeOnLine(text, 'journey two', 'olivia'));
        expect(diagnostic.message).toContain('clear_pricing');
    });

    test('a need served inside a nested pain-bearing touchpoint, by qualified name, counts', async () => {
        const fixed = bad.replace('serves clear_pricing }', 'serves clear_pricing serves olivia.fast_setup pain p "P" }');
        const { diagnostics } = await buildOne(fixed);
        expect(summarize(core(diagnostics))).toEqual([]);
    });

    test('is silent on the fixed file', async () => {
        const fixed = bad.replace('touchpoint quote "Quote" { serves clear_pricing }',
            'touchpoint quote "Quote" { serves clear_pricing }\n        touchpoint kickoff "Kick-off" { serves fast_setup }');
        const { diagnostics } = await buildOne(fixed);
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('journey-without-persona', () => {
    const bad = `persona olivia "Olivia" { need clear_pricing "Know the cost" }
journey renewal "Renewal" {
    trigger "Contract renews"
    stage notice "Notice" { touchpoint quote "Quote" }
}
`;

    test('fires on the journey name', async () => {
        const { diagnostics } = await buildOne(bad);
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('journey-without-persona');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(rangeOf(bad, 'renewal'));
        expect(diagnostic.message).toContain('`renewal`');
    });

    test('is silent on the fixed file', async () => {
        const fixed = bad.replace('    trigger', '    persona olivia\n    trigger').replace('"Quote" }', '"Quote" { serves clear_pricing } }');
        const { diagnostics } = await buildOne(fixed);
        expect(summarize(core(diagnostics))).toEqual([]);
    });
});

describe('all diagnostics of a document', () => {
    const MANY = `persona ben "Ben" { }
persona olivia "Olivia" { need clear_pricing "Know the cost" need fast_setup "Fast" }
journey lonely "No persona" { stage s "S" { touchpoint t "T" } }
journey renewal "Renewal" {
    persona olivia
    stage empty "Empty" { }
    stage notice "Notice" { touchpoint quote "Quote" { serves clear_pricing channel emial } }
    stage notice "Notice again" { touchpoint more "More" }
}
source interviews "Interviews" interview 2026-02-30
`;

    test('come sorted by position', async () => {
        const { diagnostics } = await buildOne(MANY);
        expect(new Set(core(diagnostics).map(d => d.code)).size).toBe(7);
        const starts = diagnostics.map(d => [d.range.start.line, d.range.start.character]);
        const sorted = [...starts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(starts).toEqual(sorted);
        expect(core(diagnostics).map(d => [d.code, d.range])).toEqual([
            ['persona-without-needs', rangeOnLine(MANY, 'persona ben', 'ben')],
            ['journey-without-persona', rangeOnLine(MANY, 'journey lonely', 'lonely')],
            ['need-not-served', rangeOnLine(MANY, '    persona olivia', 'olivia')],
            ['stage-without-touchpoints', rangeOnLine(MANY, 'stage empty', 'empty')],
            ['unresolved-reference', rangeOnLine(MANY, 'emial', 'emial')],
            ['duplicate-name', rangeOnLine(MANY, 'Notice again', 'notice')],
            // A date that is no calendar date is a `syntax` finding in a file that parses (a broken file gets no rule findings).
            ['syntax', rangeOnLine(MANY, 'source interviews', '2026-02-30')],
        ]);
    });

    test('carry the rule id as code and come from the journey source', async () => {
        const { diagnostics } = await buildOne(MANY);
        for (const diagnostic of diagnostics) {
            expect(findRule(String(diagnostic.code)), String(diagnostic.code)).toBeDefined();
            expect(diagnostic.source).toBe('journey');
        }
    });
});

describe('configured severities', () => {
    const set = (entries: Record<string, 'off' | 'info' | 'warning' | 'error'>) => (workspace: TestWorkspace) => {
        for (const [id, severity] of Object.entries(entries)) {
            workspace.services.validation.JourneySettings.severities.set(id, severity);
        }
    };
    const EMPTY_STAGE = CLEAN.replace('stage notice', 'stage empty "Empty" { }\n    stage notice');

    test('a rule configured off is silent', async () => {
        const { diagnostics } = await buildOne(EMPTY_STAGE, set({ 'stage-without-touchpoints': 'off' }));
        expect(summarize(core(diagnostics))).toEqual([]);
    });

    test('a rule configured error reports errors', async () => {
        const { diagnostics } = await buildOne(EMPTY_STAGE, set({ 'stage-without-touchpoints': 'error' }));
        const diagnostic = only(core(diagnostics));
        expect(diagnostic.code).toBe('stage-without-touchpoints');
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.range).toEqual(rangeOf(EMPTY_STAGE, 'empty'));
    });

    test('a rule configured info reports information', async () => {
        const { diagnostics } = await buildOne('persona ben "Ben" { }\n', set({ 'persona-without-needs': 'info' }));
        expect(only(core(diagnostics)).severity).toBe(INFO);
    });

    test('an error rule configured warning reports warnings', async () => {
        const text = 'journey j "J" { stage s "S" { touchpoint t "T" } }\n';
        const { diagnostics } = await buildOne(text, set({ 'journey-without-persona': 'warning' }));
        const diagnostic = only(core(diagnostics));
        expect([diagnostic.code, diagnostic.severity]).toEqual(['journey-without-persona', WARNING]);
    });

    test('unresolved-reference and duplicate-name obey the configuration too; syntax is always an error', async () => {
        const text = 'team a "A"\nteam a "A"\npersona p "P" { need n "N" prefers nowhere }\nsource s "S" survey 2026-02-30\n';
        const loud = await buildOne(text);
        expect(core(loud.diagnostics).map(d => d.code)).toEqual(['duplicate-name', 'unresolved-reference', 'syntax']);
        const quiet = await buildOne(text, set({ 'syntax': 'off', 'unresolved-reference': 'off', 'duplicate-name': 'off' }));
        expect(core(quiet.diagnostics).map(d => [d.code, d.severity])).toEqual([['syntax', ERROR]]);
        const warned = await buildOne(text, set({ 'syntax': 'warning', 'unresolved-reference': 'info', 'duplicate-name': 'warning' }));
        expect(core(warned.diagnostics).map(d => [d.code, d.severity])).toEqual([
            ['duplicate-name', WARNING], ['unresolved-reference', INFO], ['syntax', ERROR]]);
    });

    test('a date that is not on the calendar cannot be suppressed, and the comment that tries says so', async () => {
        const named = await buildOne('// journey-disable-next-line syntax\nsource s "S" survey 2026-02-30\n');
        const suppressionAndSyntax = (diagnostics: readonly Diagnostic[] | undefined) => (diagnostics ?? [])
            .filter(d => d.code === 'syntax' || d.code === 'unused-suppression').map(d => [d.code, d.range.start.line]);
        expect(suppressionAndSyntax(named.diagnostics)).toEqual([['unused-suppression', 0], ['syntax', 1]]);
        expect(named.diagnostics.find(d => d.code === 'unused-suppression')!.message)
            .toBe('`syntax` cannot be suppressed: a syntax problem is always reported. Fix the text on the next line and remove `syntax` here.');
        const bare = await buildOne('// journey-disable-next-line\nsource s "S" survey 2026-02-30\n');
        expect(suppressionAndSyntax(bare.diagnostics)).toEqual([['unused-suppression', 0], ['syntax', 1]]);
        expect(bare.diagnostics.find(d => d.code === 'unused-suppression')!.message)
            .toBe('This suppression silences nothing: the `syntax` problem on the next line is always reported. Fix the text and remove this comment.');
    });

    test('a parse error cannot be configured off: a file that does not parse is never "clean"', async () => {
        const { diagnostics } = await buildOne('team marketing "Marketing" online\n', set({ syntax: 'off' }));
        expect(core(diagnostics).map(d => [d.code, d.severity])).toEqual([['syntax', ERROR]]);
    });

    test('settings belong to one services instance', async () => {
        await buildOne(EMPTY_STAGE, set({ 'stage-without-touchpoints': 'off' }));
        const { diagnostics } = await buildOne(EMPTY_STAGE);
        expect(only(core(diagnostics)).severity).toBe(WARNING);
    });

    test('other documents are unaffected by the rules of one', async () => {
        const workspace = await buildWorkspace({ 'a.journey': CLEAN, 'b.journey': 'persona ben "Ben" { }\n' });
        expect(core(diagnosticsOf(workspace.doc('a.journey')))).toEqual([]);
        expect(core(diagnosticsOf(workspace.doc('b.journey'))).map(d => d.code)).toEqual(['persona-without-needs']);
    });
});
