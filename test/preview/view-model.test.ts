import { buildViewModel, viewElements, type SourceRange, type ViewElement, type ViewModel } from '@journey/preview';
import { describe, expect, it } from 'vitest';
import { exampleJourneys, modelOf, ONE_TOUCHPOINT } from './preview-helper.js';

/** The text a range covers. */
function textAt(text: string, range: SourceRange): string {
    const lines = text.split(/\r\n|\n|\r/);
    const start = lines.slice(0, range.start.line).reduce((sum, line) => sum + line.length + 1, 0) + range.start.character;
    const end = lines.slice(0, range.end.line).reduce((sum, line) => sum + line.length + 1, 0) + range.end.character;
    return text.replace(/\r\n|\r/g, '\n').slice(start, end);
}

/** The journey's text without comments and with empty strings, so that only keywords are left to match. */
function code(text: string): string {
    return text.slice(text.search(/^journey /m)).replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/gm, '');
}

/** Names declared in the text with `keyword NAME` (found in the text itself, not through the model). */
function declared(text: string, keyword: string): string[] {
    return [...code(text).matchAll(new RegExp(`(?<!\\w)${keyword}\\s+([A-Za-z_]\\w*)\\s`, 'g'))].map(match => match[1]);
}

function count(text: string, pattern: RegExp): number {
    return [...code(text).matchAll(pattern)].length;
}

describe('view model', () => {
    it('has every touchpoint, pain, opportunity, KPI, plan and unknown of the examples exactly once, with its source range', async () => {
        const journeys = await exampleJourneys();
        expect(journeys.map(j => j.model.name).sort()).toEqual(['ebike_purchase', 'fleet_onboarding', 'fleet_renewal', 'fleet_renewal_future', 'renewal']);
        for (const { text, model } of journeys) {
            const view = buildViewModel(model);
            const kinds: Array<[string, ViewElement[], string[]]> = [
                ['touchpoint', view.touchpoints, declared(text, 'touchpoint')],
                ['pain', view.lanes.pains, declared(text, 'pain')],
                ['opportunity', view.lanes.opportunities, declared(text, 'opportunity')],
                ['plan', view.plans, declared(text, 'plan')],
            ];
            for (const [keyword, elements, names] of kinds) {
                expect(names.length, `${model.name}: ${keyword}s in the text`).toBeGreaterThan(0);
                expect(elements.map(e => e.id).sort(), `${model.name}: ${keyword}s`).toEqual(names.map(name => element(view, keyword, name)).sort());
                for (const e of elements) {
                    const source = textAt(text, e.range);
                    expect(source, `${e.id} range`).toMatch(new RegExp(`^${keyword}\\s+${e.id.split(':').pop()}\\b`));
                    expect(textAt(text, e.selectionRange)).toBe(e.id.split(':').pop());
                }
            }
            expect(view.lanes.kpis.length, `${model.name}: KPIs`).toBe(count(text, /(?<!\w)kpi\s+\w+/g));
            for (const kpi of view.lanes.kpis) {
                expect(textAt(text, kpi.range)).toMatch(/^kpi\s+\w+\s+([\d.]+%?|from\s+\w+\s+column\s+")/);
            }
            expect(view.unknowns.length, `${model.name}: unknowns`).toBe(count(text, /(?<!\w)unknown\s+"/g));
            for (const unknown of view.unknowns) {
                expect(textAt(text, unknown.range)).toBe(`unknown "${unknown.text}"`);
            }
            const ids = viewElements(view).map(e => e.id);
            expect(new Set(ids).size, `${model.name}: ids are unique`).toBe(ids.length);
        }
    });

    it('arranges stages, touchpoints and flows as the map shows them', async () => {
        const journeys = await exampleJourneys();
        const renewal = buildViewModel(journeys.find(j => j.model.name === 'fleet_renewal')!.model);
        expect(renewal.stages.map(s => s.name)).toEqual(['renewal_notice', 'evaluate', 'negotiate', 'decision', 'changeover', 'advocacy']);
        expect(renewal.stages[0]).toMatchObject({ id: 'stage:fleet_renewal:renewal_notice', label: 'Renewal notice', phase: 'pre-purchase', question: 'Do we renew, renegotiate or switch?' });
        expect(renewal.stages[0].touchpoints).toEqual(['tp:fleet_renewal:renewal_quote', 'tp:fleet_renewal:usage_export']);
        expect(renewal.touchpoints[0]).toMatchObject({
            id: 'tp:fleet_renewal:renewal_quote', stageIndex: 0, slot: 0, momentOfTruth: true, emotion: { value: -2, label: 'Let down' },
            owner: 'Fleet Sales (account executives)',
        });
        expect(renewal.touchpoints[0].channel?.mode).toBe('online');
        const back = renewal.edges.filter(edge => edge.back);
        expect(back.map(edge => `${edge.from} -> ${edge.to}`)).toEqual(['tp:fleet_renewal:negotiation_call -> tp:fleet_renewal:comparison_request']);
        expect(renewal.edges.find(edge => edge.label === 'Goes straight to the market')).toMatchObject({ id: 'flow:fleet_renewal:renewal_quote->competitor_demo', implied: false });
        expect(renewal.header).toMatchObject({
            title: 'A fleet customer decides whether to renew, renegotiate or switch', state: 'Current state', owner: expect.any(String),
            review: { date: '2026-11-18', everyDays: 90, stale: false },
        });
        expect(renewal.header.personas).toHaveLength(2);
    });

    it('puts lane items under their touchpoint, and a stage pain `at` a touchpoint under that touchpoint once', async () => {
        const journeys = await exampleJourneys();
        const spec = buildViewModel(journeys.find(j => j.model.name === 'renewal')!.model);
        expect(spec.lanes.pains).toHaveLength(1);
        expect(spec.lanes.pains[0]).toMatchObject({ id: 'pain:renewal:unclear_pricing', touchpointId: 'tp:renewal:pricing_page', severity: 4, stageId: 'stage:renewal:research' });
        expect(spec.lanes.opportunities[0]).toMatchObject({ id: 'opp:renewal:calculator', touchpointId: 'tp:renewal:pricing_page', answers: ['Add-ons make the total cost unclear'] });
        expect(spec.lanes.kpis[0]).toMatchObject({ metric: 'Trial-to-paid conversion', value: '3.1%', target: '5%', onTarget: false });
        expect(spec.lanes.moments.map(m => m.touchpointId)).toEqual(['tp:renewal:pricing_page']);
        expect(spec.lanes.emotions.map(e => e.value)).toEqual([-2, -1, 1]);
        expect(spec.lanes.actions.map(a => a.touchpointId)).toEqual(['tp:renewal:renewal_quote']);
        expect(spec.plans[0]).toMatchObject({ id: 'plan:renewal:ship_calculator', owner: 'Marketing', due: '2027-01-15', status: 'open', overdue: false, targets: ['Trial-to-paid conversion 5%'] });
    });

    it('weights value gaps by importance and highlights where we are behind', async () => {
        const journeys = await exampleJourneys();
        const spec = buildViewModel(journeys.find(j => j.model.name === 'renewal')!.model);
        expect(spec.valueGap.parties).toEqual(['us', 'AcmeOps']);
        expect(spec.valueGap.rows.map(r => ({ need: r.need, scores: r.scores, gap: r.gap, weightedGap: r.weightedGap, highlighted: r.highlighted, severe: r.severe }))).toEqual([
            { need: 'Know the total cost before talking to sales', scores: [2, 4], gap: 2, weightedGap: 10, highlighted: true, severe: true },
            { need: 'Be productive within one week', scores: [4, 3], gap: 0, weightedGap: 0, highlighted: false, severe: false },
        ]);
    });

    it('marks a map never reviewed as stale, and a plan past due as overdue', async () => {
        const model = await modelOf(`${ONE_TOUCHPOINT.replace('journey tiny "One touchpoint" {', `journey tiny "One touchpoint" {
    plan late "Late plan" {
        due 2026-01-01
        status doing
    }`)}`);
        const view = buildViewModel(model);
        expect(view.header.review).toEqual({ stale: true });
        expect(view.plans[0]).toMatchObject({ overdue: true, status: 'doing' });
    });

    it('is plain data: JSON round trip gives the same view model, and building twice gives equal results', async () => {
        for (const { model } of await exampleJourneys()) {
            const view: ViewModel = buildViewModel(model);
            expect(JSON.parse(JSON.stringify(view))).toEqual(view);
            expect(buildViewModel(structuredClone(model))).toEqual(view);
        }
    });

    it('makes ids unique when a name is declared twice', async () => {
        const model = await modelOf(ONE_TOUCHPOINT.replace('touchpoint hello "Hello" { serves fast }', 'touchpoint hello "Hello" { serves fast }\n        touchpoint hello "Again" {}'));
        const view = buildViewModel(model);
        expect(view.touchpoints.map(tp => tp.id)).toEqual(['tp:tiny:hello', 'tp:tiny:hello#2']);
    });
});

function element(view: ViewModel, keyword: string, name: string): string {
    const prefix = { touchpoint: 'tp', pain: 'pain', opportunity: 'opp', plan: 'plan' }[keyword];
    return `${prefix}:${view.name}:${name}`;
}

describe('the map model reads clauses in a touchpoint by their layout', () => {
    it('an `evidence` or `owner` line after a pain or opportunity is the touchpoint\'s; on their own line, theirs', async () => {
        const model = await modelOf(`team ops "Ops"
team sales "Sales"
source tickets "Tickets" support
source crm "CRM" crm
persona olivia "Olivia" { need n "N" }
journey j "J" {
    persona olivia
    stage s "S" {
        touchpoint t "T" {
            emotion -1
            pain slow "Slow" evidence crm
            pain late "Late"
            evidence tickets
            opportunity fast "Fast" for slow owner sales
            opportunity early "Early" for late
            owner ops
        }
    }
}
`);
        const touchpoint = model.stages[0].touchpoints[0];
        expect(touchpoint.evidence.map(e => e.name)).toEqual(['tickets']);
        expect(touchpoint.owner?.name).toBe('ops');
        expect(touchpoint.supported).toBe(true);
        expect(touchpoint.pains.map(p => [p.name, p.evidence.map(e => e.name)])).toEqual([['slow', ['crm']], ['late', []]]);
        expect(touchpoint.opportunities.map(o => [o.name, o.owner?.name])).toEqual([['fast', 'sales'], ['early', undefined]]);
    });
});

describe('the map model of a file that does not parse (what the preview draws while one types)', () => {
    it('a journey, stage or touchpoint without its label is labelled with its name', async () => {
        const model = await modelOf(`journey renewal {
    stage notice {
        touchpoint quote { action "Reads it" }
    }
}
`);
        expect([model.name, model.label]).toEqual(['renewal', 'renewal']);
        expect(buildViewModel(model).header.title).toBe('renewal');
        const touchpoint = model.stages.flatMap(stage => stage.touchpoints).find(tp => tp.name === 'quote');
        expect(touchpoint?.label).toBe('quote');
    });

    it('a stage, touchpoint, pain or opportunity without a name has an empty name, not undefined', async () => {
        const stage = await modelOf(`journey j "J" {
    stage {
        touchpoint t "T" { pain "Slow" }
    }
}
`);
        expect(stage.stages.map(s => [s.name, s.label])).toEqual([['', 'T']]);
        expect(stage.stages[0].pains.map(pain => [pain.name, pain.label, pain.stage])).toEqual([['', 'Slow', '']]);
        const touchpoint = await modelOf(`journey j "J" {
    stage s "S" {
        touchpoint "T" { pain p "P" opportunity "O" }
    }
}
`);
        const [unnamed] = touchpoint.stages[0].touchpoints;
        expect([unnamed.name, unnamed.label]).toEqual(['', 'T']);
        expect(unnamed.opportunities.map(o => [o.name, o.label, o.touchpoint])).toEqual([['', 'O', '']]);
    });

    it('an `owner` line cut short before its team: the touchpoint, opportunity and plan fall back to the journey\'s owner', async () => {
        const model = await modelOf(`team ops "Ops"
journey j "J" {
    owner ops
    stage s "S" {
        touchpoint t "T" {
            opportunity o "O" owner
        }
    }
    plan p "P" {
        owner
    }
    owner
`);
        const [touchpoint] = model.stages[0].touchpoints;
        expect(model.owner?.name).toBe('ops');
        expect(touchpoint.owner?.name).toBe('ops');
        expect(touchpoint.opportunities.map(o => [o.name, o.owner?.name])).toEqual([['o', 'ops']]);
        expect(model.plans.map(plan => [plan.name, plan.owner?.name])).toEqual([['p', 'ops']]);
        const cut = await modelOf('journey j "J" {\n    stage s "S" {\n        touchpoint t "T" { owner');
        expect(cut.stages[0].touchpoints.map(tp => [tp.name, tp.owner])).toEqual([['t', undefined]]);
    });

    it('a text line without its text is left out, not listed as undefined', async () => {
        const model = await modelOf(`persona p "P" {
    description
    goal "Save time"
    motivation
}
journey j "J" {
    persona p
    unknown
    stage s "S" { touchpoint t "T" }
}
`);
        const [persona] = model.personas;
        expect([persona.description, persona.goals, persona.motivations]).toEqual([[], ['Save time'], []]);
        expect(model.unknowns).toEqual([]);
    });
});
