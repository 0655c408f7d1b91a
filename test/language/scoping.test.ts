// Which names are visible where (the spec's "Declarations" and the comments of the journey block).
import { isJourney, isPersona, type Journey, type Model, type Persona, type Touchpoint } from '@journey/language';
import { AstUtils, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import {
    buildOne, buildWorkspace, core, diagnosticsOf, rangeOf, rangeOnLine, summarize, uriOf, wordRangeOf
} from './workspace-helper.js';

function only<T>(items: readonly T[]): T {
    expect(items).toHaveLength(1);
    return items[0];
}

function journeyNamed(document: LangiumDocument<Model>, name: string): Journey {
    return only(document.parseResult.value.declarations.filter(isJourney).filter(j => j.name === name));
}

function personaNamed(document: LangiumDocument<Model>, name: string): Persona {
    return only(document.parseResult.value.declarations.filter(isPersona).filter(p => p.name === name));
}

function touchpointNamed(journey: Journey, name: string): Touchpoint {
    return only(journey.stages.flatMap(stage => stage.touchpoints).filter(t => t.name === name));
}

function unresolved(document: LangiumDocument): Diagnostic[] {
    return diagnosticsOf(document, 'unresolved-reference');
}

const PERSONAS = `channel web "Website" online
channel email "Email" online
team marketing "Marketing"
source tickets "Support tickets" support
persona olivia "Olivia" {
    need clear_pricing "Know the total cost" importance 5
    need fast_setup "Productive within a week" importance 4
    prefers web, email
}
persona ben "Ben" {
    need predictable_cost "No surprise invoices" importance 5
    need fast_setup "Set up in a day" importance 3
}
`;

describe('cross-file references', () => {
    test('a persona declared in one document is used from another', async () => {
        const workspace = await buildWorkspace({
            'personas.journey': PERSONAS,
            'renewal.journey': `journey renewal "Renewal" {
    persona olivia
    owner marketing
    stage research "Research" {
        touchpoint pricing_page "Pricing page" {
            channel web
            serves clear_pricing
            serves olivia.fast_setup
            evidence tickets
        }
    }
}
`,
        });
        const personas = workspace.doc('personas.journey');
        const renewal = workspace.doc('renewal.journey');
        expect(summarize(unresolved(renewal))).toEqual([]);
        expect(summarize(diagnosticsOf(renewal).filter(d => d.severity === 1))).toEqual([]);
        const journey = journeyNamed(renewal, 'renewal');
        const olivia = journey.personaLines[0].personas[0].ref!;
        expect(olivia).toBe(personaNamed(personas, 'olivia'));
        expect(AstUtils.getDocument(olivia).uri.toString()).toBe(uriOf('personas.journey').toString());
        const page = touchpointNamed(journey, 'pricing_page');
        expect(page.channels[0].channel.ref?.label).toBe('Website');
        expect(page.evidence[0].sources[0].ref?.name).toBe('tickets');
        expect(page.serves.map(s => s.need.ref)).toEqual(olivia.needs);
        expect(journey.owners[0].team.ref?.name).toBe('marketing');
    });

    test('the using file may come before the declaring one, and three files link together', async () => {
        const workspace = await buildWorkspace({
            'a-journeys/current.journey': `journey current "Current" {
    persona olivia
    stage s "S" { touchpoint t "T" { channel web serves clear_pricing serves fast_setup } }
}
`,
            'b-journeys/future.journey': `journey future "Future" {
    persona olivia
    state future of current
    stage s "S" { touchpoint t "T" { channel email serves clear_pricing serves fast_setup } }
}
`,
            'z-shared/personas.journey': PERSONAS,
        });
        for (const document of workspace.documents.values()) {
            expect(summarize(unresolved(document))).toEqual([]);
        }
        const future = journeyNamed(workspace.doc('b-journeys/future.journey'), 'future');
        expect(future.states[0].currentState?.ref).toBe(journeyNamed(workspace.doc('a-journeys/current.journey'), 'current'));
    });

    test('a name declared in no document is unresolved in every document that uses it', async () => {
        const workspace = await buildWorkspace({
            'one.journey': 'persona p "P" { need n "N" prefers chat }\n',
            'two.journey': 'persona q "Q" { need n "N" prefers chat }\n',
        });
        for (const document of workspace.documents.values()) {
            const diagnostic = only(unresolved(document));
            expect(diagnostic.message).toContain('Unknown channel `chat`');
        }
    });
});

describe('needs in `serves`', () => {
    const journey = (serves: string, personaLine = 'persona olivia') => `journey renewal "Renewal" {
    ${personaLine}
    stage s "S" {
        touchpoint t "T" { ${serves} }
    }
}
`;

    test('an unqualified need of the journey persona resolves', async () => {
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': journey('serves clear_pricing') });
        const touchpoint = touchpointNamed(journeyNamed(workspace.doc('j.journey'), 'renewal'), 't');
        const need = touchpoint.serves[0].need.ref!;
        expect(need.name).toBe('clear_pricing');
        expect((need.$container as Persona).name).toBe('olivia');
        expect(summarize(unresolved(workspace.doc('j.journey')))).toEqual([]);
    });

    test('a qualified `persona.need` picks the persona when two personas share a need name', async () => {
        const workspace = await buildWorkspace({
            'p.journey': PERSONAS,
            'j.journey': journey('serves ben.fast_setup serves olivia.fast_setup', 'persona olivia, ben'),
        });
        const touchpoint = touchpointNamed(journeyNamed(workspace.doc('j.journey'), 'renewal'), 't');
        expect(touchpoint.serves.map(s => (s.need.ref?.$container as Persona | undefined)?.name)).toEqual(['ben', 'olivia']);
        expect(touchpoint.serves.map(s => s.need.ref?.label)).toEqual(['Set up in a day', 'Productive within a week']);
        expect(summarize(unresolved(workspace.doc('j.journey')))).toEqual([]);
    });

    test('a need of a persona not on the journey is unresolved, and the message names that persona', async () => {
        const text = journey('serves predictable_cost');
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.range).toEqual(rangeOf(text, 'predictable_cost'));
        expect(diagnostic.message).toContain('Unknown need `predictable_cost`');
        expect(diagnostic.message).toContain('`ben`');
        expect(diagnostic.message).toContain('`olivia`');
    });

    test('a qualified need of a persona not on the journey is unresolved', async () => {
        const text = journey('serves ben.predictable_cost');
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.range).toEqual(rangeOf(text, 'ben.predictable_cost'));
        expect(diagnostic.message).toContain('`ben`');
    });

    test('the need that exists under another persona name is not resolved through the wrong persona', async () => {
        const text = journey('serves olivia.predictable_cost', 'persona olivia, ben');
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.range).toEqual(rangeOf(text, 'olivia.predictable_cost'));
    });

    test('value-gap rows see the needs of the journey personas only', async () => {
        const text = `competitor acme "AcmeOps"
journey renewal "Renewal" {
    persona olivia
    stage s "S" { touchpoint t "T" { serves clear_pricing serves fast_setup } }
    valuegap {
        clear_pricing us 2 acme 4
        olivia.fast_setup us 4 acme 3
        predictable_cost us 1 acme 2
    }
}
`;
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.range).toEqual(rangeOf(text, 'predictable_cost'));
        const rows = journeyNamed(workspace.doc('j.journey'), 'renewal').valueGaps[0].entries;
        expect(rows.map(row => row.$type)).toEqual(['ValueGapRow', 'CompetitorScore', 'ValueGapRow', 'CompetitorScore',
            'ValueGapRow', 'CompetitorScore']);
    });
});

describe('personas in `by`', () => {
    test('`by` resolves to the journey personas only', async () => {
        const text = `journey renewal "Renewal" {
    persona olivia
    stage s "S" {
        touchpoint a "A" { by olivia serves clear_pricing serves fast_setup }
        touchpoint b "B" { by ben }
    }
}
`;
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const journey = journeyNamed(workspace.doc('j.journey'), 'renewal');
        expect(touchpointNamed(journey, 'a').by[0].personas[0].ref).toBe(personaNamed(workspace.doc('p.journey'), 'olivia'));
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.range).toEqual(wordRangeOf(text, 'ben'));
        expect(diagnostic.message).toContain('Unknown persona `ben`');
        expect(diagnostic.message).toContain('not one of this journey\'s');
    });

    test('`by` accepts any persona of a journey with several', async () => {
        const text = `journey renewal "Renewal" {
    persona olivia
    persona ben
    stage s "S" { touchpoint a "A" { by ben, olivia } }
}
`;
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        expect(summarize(unresolved(workspace.doc('j.journey')))).toEqual([]);
        const a = touchpointNamed(journeyNamed(workspace.doc('j.journey'), 'renewal'), 'a');
        expect(a.by[0].personas.map(p => p.ref?.name)).toEqual(['ben', 'olivia']);
    });
});

describe('journey-local names', () => {
    const TWO_JOURNEYS = `persona p "P" { need n "N" }
journey first "First" {
    persona p
    stage s "S" {
        touchpoint welcome "Welcome" { serves n pain slow_reply "Slow reply" }
        touchpoint signup "Signup"
        pain confusing "Confusing form" at signup
        opportunity autofill "Autofill the form" for confusing
    }
    flow welcome -> signup
}
journey second "Second" {
    persona p
    stage s "S" {
        touchpoint start "Start" { serves n }
        pain lost "Lost" at welcome
        opportunity guide "Guide" for confusing
    }
    flow start -> signup
    flow welcome -> start
    plan fix "Fix" { addresses autofill, lost, guide, start }
}
`;

    test('`at`, flow ends, `for` and `addresses` resolve inside their journey', async () => {
        const { document } = await buildOne(TWO_JOURNEYS);
        const first = journeyNamed(document, 'first');
        const [stage] = first.stages;
        expect(stage.pains[0].at?.ref).toBe(touchpointNamed(first, 'signup'));
        expect(stage.opportunities[0].answers[0].ref).toBe(stage.pains[0]);
        expect(first.flows[0].start.ref).toBe(touchpointNamed(first, 'welcome'));
        expect(first.flows[0].steps[0].target.ref).toBe(touchpointNamed(first, 'signup'));
        const second = journeyNamed(document, 'second');
        const addressed = second.plans[0].addresses[0].items;
        expect(addressed.map(item => item.ref?.$type)).toEqual([undefined, 'Pain', 'Opportunity', undefined]);
    });

    test('a touchpoint of another journey is unresolved in `at` and in flows', async () => {
        const { document } = await buildOne(TWO_JOURNEYS);
        const diagnostics = unresolved(document);
        const at = only(diagnostics.filter(d => d.message.includes('`welcome`') && d.message.includes('touchpoint')
            && d.range.start.line === rangeOnLine(TWO_JOURNEYS, 'pain lost', 'welcome').start.line));
        expect(at.range).toEqual(rangeOnLine(TWO_JOURNEYS, 'pain lost', 'welcome'));
        expect(at.message).toContain('Unknown touchpoint `welcome`');
        expect(at.message).toContain('journey `second`');
        const ranges = diagnostics.map(d => d.range);
        expect(ranges).toContainEqual(rangeOnLine(TWO_JOURNEYS, 'flow start -> signup', 'signup'));
        expect(ranges).toContainEqual(rangeOnLine(TWO_JOURNEYS, 'flow welcome -> start', 'welcome'));
        expect(ranges).not.toContainEqual(rangeOnLine(TWO_JOURNEYS, 'flow welcome -> start', 'start'));
        expect(ranges).not.toContainEqual(rangeOnLine(TWO_JOURNEYS, 'flow welcome -> signup', 'welcome'));
    });

    test('`for` resolves to pains of the journey only', async () => {
        const { document } = await buildOne(TWO_JOURNEYS);
        const diagnostic = only(unresolved(document).filter(d => d.message.includes('`confusing`')));
        expect(diagnostic.range).toEqual(rangeOnLine(TWO_JOURNEYS, 'opportunity guide', 'confusing'));
        expect(diagnostic.message).toContain('Unknown pain `confusing`');
        expect(diagnostic.message).toContain('journey `second`');
    });

    test('`addresses` takes pains and opportunities of the journey, not touchpoints nor other journeys', async () => {
        const { document } = await buildOne(TWO_JOURNEYS);
        const planLine = rangeOnLine(TWO_JOURNEYS, 'plan fix', 'fix').start.line;
        const onPlan = unresolved(document).filter(d => d.range.start.line === planLine);
        expect(onPlan.map(d => d.range)).toEqual([
            rangeOnLine(TWO_JOURNEYS, 'plan fix', 'autofill'), rangeOnLine(TWO_JOURNEYS, 'plan fix', 'start')]);
        expect(onPlan[0].message).toContain('Unknown pain or opportunity `autofill`');
        expect(onPlan[1].message).toContain('Unknown pain or opportunity `start`');
    });

    test('altogether exactly the cross-journey references are unresolved', async () => {
        const { document } = await buildOne(TWO_JOURNEYS);
        expect(unresolved(document).map(d => TWO_JOURNEYS.split('\n')[d.range.start.line]
            .substring(d.range.start.character, d.range.end.character)))
            .toEqual(['welcome', 'confusing', 'signup', 'welcome', 'autofill', 'start']);
    });

    test('a pain inside a touchpoint is visible to the whole journey', async () => {
        const text = `persona p "P" { need n "N" }
journey j "J" {
    persona p
    stage one "One" {
        touchpoint t "T" { serves n pain slow "Slow" severity 3 }
    }
    stage two "Two" {
        touchpoint u "U"
        opportunity faster "Faster" for slow
    }
    plan x "X" { addresses slow, faster }
}
`;
        const { document } = await buildOne(text);
        expect(summarize(unresolved(document))).toEqual([]);
        const journey = journeyNamed(document, 'j');
        const pain = journey.stages[0].touchpoints[0].pains[0];
        expect(journey.stages[1].opportunities[0].answers[0].ref).toBe(pain);
        expect(journey.plans[0].addresses[0].items.map(i => i.ref)).toEqual([pain, journey.stages[1].opportunities[0]]);
    });

    test('the same local name in two journeys is no conflict and each resolves to its own', async () => {
        const text = `persona p "P" { need n "N" }
journey a "A" { persona p stage s "S" { touchpoint t "T" { serves n } touchpoint u "U" } flow t -> u }
journey b "B" { persona p stage s "S" { touchpoint t "T" { serves n } touchpoint u "U" } flow t -> u }
`;
        const { document, diagnostics } = await buildOne(text);
        expect(summarize(core(diagnostics))).toEqual([]);
        for (const name of ['a', 'b']) {
            const journey = journeyNamed(document, name);
            expect(journey.flows[0].start.ref).toBe(touchpointNamed(journey, 't'));
            expect(journey.flows[0].steps[0].target.ref).toBe(touchpointNamed(journey, 'u'));
        }
    });
});

describe('unresolved-reference messages', () => {
    test('a close match is suggested for a misspelled need', async () => {
        const text = `journey j "J" { persona olivia stage s "S" { touchpoint t "T" { serves clear_pricng } } }\n`;
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.range).toEqual(rangeOf(text, 'clear_pricng'));
        expect(diagnostic.message).toContain('Did you mean `clear_pricing`?');
    });

    test('the message names the expected kind, and suggests a channel', async () => {
        const text = `journey j "J" { persona olivia stage s "S" { touchpoint t "T" { channel emial } } }\n`;
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': text });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.code).toBe('unresolved-reference');
        expect(diagnostic.range).toEqual(rangeOf(text, 'emial'));
        expect(diagnostic.message).toMatch(/^Unknown channel `emial`/);
        expect(diagnostic.message).toContain('Did you mean `email`?');
    });

    test.each([
        ['team', 'journey j "J" { persona olivia owner marketting }', 'marketting', 'Unknown team `marketting`', '`marketing`'],
        ['persona', 'journey j "J" { persona olvia }', 'olvia', 'Unknown persona `olvia`', '`olivia`'],
        ['source', 'journey j "J" { persona olivia stage s "S" { touchpoint t "T" { evidence tikets } } }', 'tikets',
            'Unknown source `tikets`', '`tickets`'],
        ['touchpoint', 'journey j "J" { persona olivia stage s "S" { touchpoint pricing_page "T" } flow pricing_pag -> pricing_page }',
            'pricing_pag', 'Unknown touchpoint `pricing_pag`', '`pricing_page`'],
    ])('an unknown %s says what was expected and what comes close', async (_kind, text, name, head, suggestion) => {
        const workspace = await buildWorkspace({ 'p.journey': PERSONAS, 'j.journey': `${text}\n` });
        const diagnostic = only(unresolved(workspace.doc('j.journey')));
        expect(diagnostic.range).toEqual(wordRangeOf(text, name));
        expect(diagnostic.message).toContain(head);
        expect(diagnostic.message).toContain(`Did you mean ${suggestion}`);
    });

    test('with no close match, the message says how to declare the name', async () => {
        const text = 'persona p "P" { need n "N" prefers carrier_pigeon }\n';
        const { diagnostics } = await buildOne(text);
        const diagnostic = only(diagnostics.filter(d => d.code === 'unresolved-reference'));
        expect(diagnostic.message).toContain('Unknown channel `carrier_pigeon`');
        expect(diagnostic.message).not.toContain('Did you mean');
        expect(diagnostic.message).toContain('channel carrier_pigeon "Label" online');
    });
});
