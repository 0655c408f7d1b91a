// Generated journeys for the property tests: syntactically valid workspaces built from the grammar
// (journey.langium), with references that resolve and some that do not, emotions out of range, odd
// dates and texts, data files good and bad.
import fc from 'fast-check';

/**
 * Internal words no message may show (the list of test/language/syntax-errors.test.ts), but for the
 * verb: rule messages say "Name one of its touchpoints", which is English, not the grammar rule `Name`.
 */
export const NOT_FOR_PEOPLE = /undefined|null|\[object|NaN|\bID\b|\bSTRING\b|\bEOF\b|token|Expecting|\b(?:Name(?! (?:one|an?|the)\b)|QualifiedName|Quantity|ChannelMode|SourceKind|Declaration|Model)\b/;

/** Plain names; none of them is a word the message check forbids. */
export const WORDS = ['web', 'email', 'phone', 'store', 'ops', 'sales', 'success', 'csat', 'nps', 'conversion', 'acme', 'globex',
    'survey_q3', 'tickets', 'olivia', 'ben', 'kai', 'fast', 'cheap', 'clear_pricing', 'renewal', 'notice', 'research',
    'quote', 'pricing_page', 'kickoff', 'signup', 'welcome', 'a', 'b', 'c', 'x_1', '_hidden', 'slow', 'calculator'];
/** Keywords are names too. */
const KEYWORD_NAMES = ['purchase', 'trigger', 'state', 'plan', 'done', 'survey', 'target', 'status', 'review', 'phase', 'moment', 'of'];

const nameArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: fc.constantFrom(...KEYWORD_NAMES) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/).filter(name => !NOT_FOR_PEOPLE.test(name)) },
);

/** The inside of a text: words, markup, escapes, non-ASCII, line breaks. */
const labelArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(
    'Renewal', 'quote', 'arrives', 'Knows', 'the', 'cost', '<script>', '&amp;', "it's", '\\"', '\\\\', '\\n', 'café 🚲',
    '  ', '20%', '-2', 'a\nb', '{', '}', '//', '/*', ''), { maxLength: 6 }).map(parts => parts.join(' '));

const quoted = (label: string) => `"${label}"`;

const numberArb = fc.constantFrom('0', '1', '3', '5', '-1', '+2', '2.5', '-100', '100', '12');
const quantityArb = fc.constantFrom('3', '3.1%', '-2%', '50', '100%', '0', '4.5', '+1%');
const emotionArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }).map(String) },
    { weight: 2, arbitrary: fc.constantFrom('-4', '4', '3.5', '-3.5', '10', '0.5', '+3', '-0') },
);
const validDateArb = fc.record({ year: fc.integer({ min: 2020, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const dateArb = fc.oneof({ weight: 8, arbitrary: validDateArb }, { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-5', '2024-02-29') });

/** A reference: mostly to a declared name, sometimes to one nobody declared (or when none is declared). */
function refArb(names: readonly string[]): fc.Arbitrary<string> {
    const unknown = fc.constantFrom('ghost', 'nobody', 'misspelt', 'purchase');
    return names.length === 0 ? unknown : fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: unknown });
}
function refListArb(names: readonly string[]): fc.Arbitrary<string> {
    return fc.array(refArb(names), { minLength: 1, maxLength: 3 }).map(list => list.join(', '));
}
function optional(arb: fc.Arbitrary<string>, prefix = ' '): fc.Arbitrary<string> {
    return fc.option(arb.map(text => prefix + text), { nil: '' });
}

interface Globals {
    teams: string[];
    channels: string[];
    metrics: string[];
    competitors: string[];
    sources: string[];
    personas: { name: string; needs: string[] }[];
    journeys: string[];
}

const globalsArb: fc.Arbitrary<Globals> = fc.record({
    teams: fc.array(nameArb, { maxLength: 3 }),
    channels: fc.array(nameArb, { maxLength: 3 }),
    metrics: fc.array(nameArb, { maxLength: 3 }),
    competitors: fc.array(nameArb, { maxLength: 2 }),
    sources: fc.array(nameArb, { maxLength: 3 }),
    personas: fc.array(fc.record({ name: nameArb, needs: fc.array(nameArb, { maxLength: 3 }) }), { maxLength: 3 }),
    journeys: fc.array(nameArb, { minLength: 1, maxLength: 3 }),
});

function sharedDeclarationsArb(g: Globals): fc.Arbitrary<string[]> {
    const team = (name: string) => labelArb.map(label => `team ${name} ${quoted(label)}`);
    const channel = (name: string) => fc.tuple(labelArb, fc.constantFrom('online', 'offline')).map(([label, mode]) => `channel ${name} ${quoted(label)} ${mode}`);
    const metric = (name: string) => fc.tuple(labelArb,
        fc.oneof(fc.constant('percent'), fc.tuple(numberArb, numberArb).map(([low, high]) => `scale ${low} to ${high}`)),
        optional(fc.constant('lower is better'))).map(([label, kind, lower]) => `metric ${name} ${quoted(label)} ${kind}${lower}`);
    const competitor = (name: string) => labelArb.map(label => `competitor ${name} ${quoted(label)}`);
    const source = (name: string) => fc.tuple(labelArb,
        fc.constantFrom('survey', 'interview', 'analytics', 'support', 'crm', 'review', 'observation', 'other'),
        optional(dateArb), optional(fc.nat(500).map(String), ' sample '), optional(fc.constantFrom('"data/gen.csv"', '"data/missing.csv"'), ' data '))
        .map(([label, kind, date, sample, data]) => `source ${name} ${quoted(label)} ${kind}${date}${sample}${data}`);
    const persona = ({ name, needs }: Globals['personas'][number]) => fc.tuple(labelArb, fc.array(fc.oneof(
        labelArb.map(text => `description ${quoted(text)}`),
        labelArb.map(text => `goal ${quoted(text)}`),
        labelArb.map(text => `pain ${quoted(text)}`),
        labelArb.map(text => `motivation ${quoted(text)}`),
        refListArb(g.channels).map(list => `prefers ${list}`),
    ), { maxLength: 3 }), fc.tuple(...needs.map(need => fc.tuple(labelArb, optional(numberArb, ' importance '))
        .map(([label, importance]) => `need ${need} ${quoted(label)}${importance}`))))
        .map(([label, others, needLines]) => [`persona ${name} ${quoted(label)} {`, ...[...needLines, ...others].map(line => `    ${line}`), '}'].join('\n'));
    return fc.tuple(
        ...g.teams.map(team), ...g.channels.map(channel), ...g.metrics.map(metric),
        ...g.competitors.map(competitor), ...g.sources.map(source), ...g.personas.map(persona),
    ).chain(declarations => fc.shuffledSubarray(declarations, { minLength: declarations.length, maxLength: declarations.length }));
}

interface JourneyNames {
    name: string;
    stages: { name: string; touchpoints: string[] }[];
    pains: string[];
    opportunities: string[];
}

function journeyNamesArb(name: string): fc.Arbitrary<JourneyNames> {
    return fc.record({
        name: fc.constant(name),
        stages: fc.array(fc.record({ name: nameArb, touchpoints: fc.array(nameArb, { maxLength: 4 }) }), { maxLength: 3 }),
        pains: fc.array(nameArb, { maxLength: 3 }),
        opportunities: fc.array(nameArb, { maxLength: 2 }),
    });
}

function journeyArb(g: Globals, j: JourneyNames): fc.Arbitrary<string> {
    const touchpoints = j.stages.flatMap(stage => stage.touchpoints);
    const needs = g.personas.flatMap(persona => persona.needs);
    const qualifiedNeeds = g.personas.flatMap(persona => persona.needs.map(need => `${persona.name}.${need}`));
    const needRef = refArb([...needs, ...qualifiedNeeds]);
    const pain = (name: string) => fc.tuple(labelArb, optional(refArb(touchpoints), ' at '), optional(numberArb, ' severity '),
        optional(refListArb(g.sources), ' evidence '))
        .map(([label, at, severity, evidence]) => `pain ${name} ${quoted(label)}${at}${severity}${evidence}`);
    const opportunity = (name: string) => fc.tuple(labelArb, optional(refListArb(j.pains), ' for '), optional(refArb(g.teams), ' owner '))
        .map(([label, answers, owner]) => `opportunity ${name} ${quoted(label)}${answers}${owner}`);
    // Pains and opportunities are spread over stages and touchpoints: each goes to one place, or two (a duplicate).
    const placeOf = fc.nat(Math.max(0, touchpoints.length + j.stages.length - 1));
    const member = fc.oneof(
        refArb(g.channels).map(ref => `channel ${ref}`),
        refArb(g.teams).map(ref => `owner ${ref}`),
        refListArb(g.personas.map(p => p.name)).map(list => `by ${list}`),
        labelArb.map(text => `action ${quoted(text)}`),
        labelArb.map(text => `thinks ${quoted(text)}`),
        fc.tuple(emotionArb, optional(labelArb.map(quoted))).map(([value, label]) => `emotion ${value}${label}`),
        needRef.map(ref => `serves ${ref}`),
        labelArb.map(text => `backstage ${quoted(text)}`),
        fc.tuple(refArb(g.metrics), quantityArb, optional(quantityArb, ' target '), optional(refArb(g.sources), ' source '))
            .map(([metric, value, target, source]) => `kpi ${metric} ${value}${target}${source}`),
        refListArb(g.sources).map(list => `evidence ${list}`),
        // Computed from the generated data file (or from a source without one, or a column it lacks).
        fc.tuple(refArb(g.metrics), refArb(g.sources), fc.constantFrom('A', 'B', 'C', 'Missing'),
            fc.constantFrom('nps', 'csat', 'ces', 'mean', 'median', 'count', 'share 1 to 3', 'share 9 to 2'),
            optional(fc.tuple(fc.constantFrom('A', 'B', 'Nope'), fc.constantFrom('1', 'x', '')).map(([column, value]) => `"${column}" = "${value}"`), ' where '),
            optional(quantityArb, ' target '))
            .map(([metric, source, column, aggregate, where, target]) => `kpi ${metric} from ${source} column "${column}" as ${aggregate}${where}${target}`),
        fc.constant('moment of truth'),
    );
    const touchpoint = (name: string, nested: string[]) => fc.tuple(labelArb, fc.array(member, { maxLength: 6 }), fc.constantFrom('block', 'line', 'bare'))
        .map(([label, members, layout]) => {
            const all = [...members, ...nested];
            if (layout === 'bare' && all.length === 0) {
                return `        touchpoint ${name} ${quoted(label)}`;
            }
            if (layout === 'line') {
                return `        touchpoint ${name} ${quoted(label)} { ${all.join(' ')} }`;
            }
            return [`        touchpoint ${name} ${quoted(label)} {`, ...all.map(line => `            ${line}`), '        }'].join('\n');
        });
    const flow = fc.tuple(refArb(touchpoints), fc.array(fc.tuple(refArb(touchpoints), optional(labelArb.map(quoted))), { minLength: 1, maxLength: 3 }))
        .map(([start, steps]) => `flow ${start}${steps.map(([target, label]) => ` -> ${target}${label}`).join('')}`);
    const plan = fc.tuple(nameArb, labelArb, fc.array(fc.oneof(
        refListArb([...j.pains, ...j.opportunities]).map(list => `addresses ${list}`),
        refArb(g.teams).map(ref => `owner ${ref}`),
        dateArb.map(date => `due ${date}`),
        fc.tuple(refArb(g.metrics), quantityArb).map(([metric, value]) => `target ${metric} ${value}`),
        fc.constantFrom('open', 'doing', 'done').map(status => `status ${status}`),
    ), { maxLength: 5 })).map(([name, label, lines]) => [`    plan ${name} ${quoted(label)} {`, ...lines.map(line => `        ${line}`), '    }'].join('\n'));
    const valueGap = fc.array(fc.tuple(needRef, numberArb, fc.array(fc.tuple(refArb(g.competitors), numberArb), { maxLength: 2 })), { maxLength: 3 })
        .map(rows => ['    valuegap {', ...rows.map(([need, us, scores]) => `        ${need} us ${us}${scores.map(([c, s]) => ` ${c} ${s}`).join('')}`), '    }'].join('\n'));
    const header = fc.array(fc.oneof(
        refListArb(g.personas.map(p => p.name)).map(list => `persona ${list}`),
        labelArb.map(text => `trigger ${quoted(text)}`),
        fc.oneof(fc.constant('state current'), optional(refArb(g.journeys), ' of ').map(of => `state future${of}`)),
        refArb(g.teams).map(ref => `owner ${ref}`),
        fc.tuple(dateArb, optional(fc.integer({ min: 0, max: 400 }).map(String), ' every ')).map(([date, every]) => `reviewed ${date}${every}${every ? ' days' : ''}`),
        labelArb.map(text => `unknown ${quoted(text)}`),
    ), { maxLength: 6 });
    const places = fc.tuple(fc.array(placeOf, { minLength: j.pains.length, maxLength: j.pains.length }),
        fc.array(placeOf, { minLength: j.opportunities.length, maxLength: j.opportunities.length }));
    return fc.tuple(labelArb, header, places, fc.tuple(...j.pains.map(pain)), fc.tuple(...j.opportunities.map(opportunity)),
        fc.array(flow, { maxLength: 3 }), fc.array(plan, { maxLength: 2 }), fc.option(valueGap, { nil: undefined }),
        fc.array(fc.constantFrom(...['pre-purchase', 'purchase', 'post-purchase'].map(phase => `phase ${phase}`), 'question "Is it worth it?"'), { maxLength: 2 }))
        .chain(([label, headerLines, [painPlaces, opportunityPlaces], painLines, opportunityLines, flows, plans, gap, stageLines]) => {
            // Place k < touchpoints.length: inside touchpoint k; otherwise in stage k - touchpoints.length.
            const nestedIn = (place: number) => [
                ...painLines.filter((_, i) => painPlaces[i] === place),
                ...opportunityLines.filter((_, i) => opportunityPlaces[i] === place),
            ];
            let index = 0;
            const stages = j.stages.map((stage, stageIndex) => fc.tuple(...stage.touchpoints.map(name => touchpoint(name, nestedIn(index++))))
                .map(lines => [`    stage ${stage.name} "Stage ${stageIndex}" {`, ...stageLines.map(line => `        ${line}`), ...lines,
                    ...nestedIn(touchpoints.length + stageIndex).map(line => `        ${line}`), '    }'].join('\n')));
            return fc.tuple(...stages).map(stageTexts => [`journey ${j.name} ${quoted(label)} {`, ...headerLines.map(line => `    ${line}`),
                ...stageTexts, ...flows.map(line => `    ${line}`), ...(gap ? [gap] : []), ...plans, '}'].join('\n'));
        });
}

/** A workspace: the shared declarations in one file, the journeys in one or two others; LF or CRLF, with or without a byte order mark. */
/** The data file the generated sources may point at: columns A, B, C of numbers, empties and text, or not CSV at all. */
const dataFileArb: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.constantFrom(',', ';'), fc.array(fc.array(fc.oneof(fc.integer({ min: -2, max: 12 }).map(String), fc.constantFrom('', 'x', '3,5', '"1"', ' 7 ')), { minLength: 3, maxLength: 3 }), { maxLength: 40 }))
        .map(([delimiter, rows]) => ['A', 'B', 'C'].join(delimiter) + '\n' + rows.map(row => row.join(delimiter)).join('\n')),
    fc.constantFrom('', '\u0000\u0001', 'A,"B\n1,2', 'A,B,C\n'),
);

export const workspaceArb: fc.Arbitrary<Record<string, string>> = globalsArb.chain(g => fc.tuple(
    sharedDeclarationsArb(g),
    fc.tuple(...g.journeys.map(journeyNamesArb)).chain(names => fc.tuple(...names.map(j => journeyArb(g, j)))),
    fc.nat(g.journeys.length),
    fc.constantFrom('\n', '\n', '\r\n'),
    fc.constantFrom('', '', '', '\uFEFF'),
    dataFileArb,
)).map(([shared, journeys, split, eol, bom, data]) => {
    const file = (declarations: string[]) => `${bom}${declarations.join('\n\n')}\n`.replace(/\n/g, eol);
    const files: Record<string, string> = { 'shared.journey': file(shared), 'journeys.journey': file(journeys.slice(0, split)), 'data/gen.csv': data };
    if (split < journeys.length) {
        files['more.journey'] = file(journeys.slice(split));
    }
    return files;
});
