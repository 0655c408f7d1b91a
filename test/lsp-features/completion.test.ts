// Completion: exactly what is valid at the cursor — keywords the grammar allows there, references of
// the right kind from the right scope, values with their meaning, and snippets for the skeletons.
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type MarkupContent } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { RENEWAL, SHARED, atCursor, withCursor } from './features-helper.js';

async function complete(journeyText: string, sharedText = SHARED, typed?: string): Promise<CompletionItem[]> {
    return withCursor({ 'shared.journey': sharedText, 'renewal.journey': journeyText }, 'renewal.journey', async ({ ws, document, position }) => {
        // `typed`: asked by a trigger character as it was typed (as an editor does), not by Ctrl+Space.
        const context = typed === undefined ? undefined : { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: typed };
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position, context });
        return list?.items ?? [];
    });
}

/** The renewal fixture with the cursor put in place of `find` (or right after it, with `after`). */
function renewalWith(find: string, replacement: string): string {
    expect(RENEWAL).toContain(find);
    return RENEWAL.replace(find, replacement);
}

const labels = (items: readonly CompletionItem[], kind?: CompletionItemKind) =>
    items.filter(item => kind === undefined || item.kind === kind).map(item => item.label).sort();
const keywords = (items: readonly CompletionItem[]) => labels(items, CompletionItemKind.Keyword);
const snippets = (items: readonly CompletionItem[]) => labels(items, CompletionItemKind.Snippet);
const doc = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

describe('keywords valid at the cursor, and only those', () => {
    test('inside a touchpoint: its members, pains and opportunities', async () => {
        const items = await complete(renewalWith('            evidence survey\n', '            evidence survey\n            <|>\n'));
        expect(keywords(items)).toEqual(['action', 'backstage', 'by', 'channel', 'emotion', 'evidence', 'kpi', 'moment of truth', 'opportunity',
            'owner', 'pain', 'serves', 'thinks'].sort());
        expect(snippets(items)).toEqual(['pain + opportunity']);
        expect(labels(items)).toEqual([...keywords(items), ...snippets(items)].sort());
    });

    test('at the top level: the declarations, with persona and journey skeletons', async () => {
        const items = await complete(`${RENEWAL}\n<|>\n`);
        expect(keywords(items)).toEqual(['channel', 'competitor', 'journey', 'metric', 'persona', 'source', 'team']);
        expect(snippets(items)).toEqual(['journey', 'persona']);
        expect(items).toHaveLength(9);
    });

    test('in an empty file: the declarations', async () => {
        const items = await complete('<|>');
        expect(keywords(items)).toEqual(['channel', 'competitor', 'journey', 'metric', 'persona', 'source', 'team']);
    });

    test('in a journey: its members, with stage and plan skeletons', async () => {
        const items = await complete(renewalWith('    flow pricing_page', '    <|>\n    flow pricing_page'));
        expect(keywords(items)).toEqual(['description', 'flow', 'owner', 'persona', 'plan', 'reviewed', 'stage', 'state', 'trigger', 'unknown', 'valuegap']);
        expect(snippets(items)).toEqual(['plan', 'stage']);
    });

    test('in a stage: phase, question, touchpoint, pain, opportunity', async () => {
        const items = await complete(renewalWith('        phase post-purchase\n', '        phase post-purchase\n        <|>\n'));
        expect(keywords(items)).toEqual(['opportunity', 'pain', 'phase', 'question', 'touchpoint']);
        expect(snippets(items)).toEqual(['pain + opportunity', 'touchpoint']);
    });

    test('in a persona: its members', async () => {
        const items = await complete(SHARED.replace('    need reporting', '    <|>\n    need reporting'), SHARED);
        expect(keywords(items)).toEqual(['description', 'goal', 'motivation', 'need', 'pain', 'prefers']);
    });

    test('in a plan: its members', async () => {
        const items = await complete(renewalWith('        status open\n', '        status open\n        <|>\n'));
        expect(keywords(items)).toEqual(['addresses', 'due', 'owner', 'status', 'target']);
    });

    test('after a pain in a stage: its clauses, then the stage\'s members', async () => {
        const items = await complete(renewalWith('severity 4\n', 'severity 4 <|>\n'));
        expect(keywords(items)).toEqual(['evidence', 'opportunity', 'pain', 'phase', 'question', 'touchpoint']);
    });

    test('where a name is expected, nothing is offered (keywords are valid names, but never what you mean)', async () => {
        expect(await complete(renewalWith('        touchpoint demo', '        touchpoint <|>'))).toEqual([]);
        expect(await complete('team <|>')).toEqual([]);
    });
});

describe('completion as you type: a space or `>` after a word that takes a name', () => {
    test('opens with the names after channel, owner, serves, by, evidence, kpi, at and the ends of a flow', async () => {
        expect(labels(await complete(renewalWith('            channel web\n            owner', '            channel <|>\n            owner'), SHARED, ' '))).toEqual(['email', 'web']);
        expect(labels(await complete(renewalWith('            owner marketing\n            emotion', '            owner <|>\n            emotion'), SHARED, ' '))).toEqual(['marketing', 'sales']);
        expect(labels(await complete(renewalWith('            owner marketing\n            emotion', '            by <|>\n            emotion'), SHARED, ' '))).toEqual(['ben', 'olivia']);
        expect(labels(await complete(renewalWith('            evidence survey\n', '            kpi <|>\n'), SHARED, ' '))).toEqual(['churn', 'conversion', 'csat']);
        expect(labels(await complete(renewalWith('at pricing_page', 'at <|>'), SHARED, ' '))).toEqual(['demo', 'kickoff', 'pricing_page']);
        expect(labels(await complete(renewalWith('flow pricing_page -> demo -> kickoff', 'flow pricing_page -><|>'), SHARED, '>'))).toEqual(['demo', 'kickoff', 'pricing_page']);
        expect(labels(await complete(renewalWith('flow pricing_page -> demo -> kickoff', 'flow <|>'), SHARED, ' '))).toEqual(['demo', 'kickoff', 'pricing_page']);
        expect(labels(await complete(renewalWith('persona olivia, ben', 'persona olivia, ben, <|>'), SHARED, ' '))).toEqual(['carla']);
    });

    test('offers names only there: no keyword, no skeleton', async () => {
        const items = await complete(renewalWith('            channel web\n            owner', '            channel <|>\n            owner'), SHARED, ' ');
        expect(items.filter(item => item.kind === CompletionItemKind.Keyword || item.kind === CompletionItemKind.Snippet)).toEqual([]);
    });

    test('stays closed elsewhere: after other words, in a text, in a comment, after a name, at the start of a line', async () => {
        for (const [find, replacement] of [
            ['            channel web\n', '            channel web <|>\n'],
            ['            evidence survey\n', '            emotion <|>\n'],
            ['            evidence survey\n', '            action "Reads the channel <|>\n'],
            ['            evidence survey\n', '            // the owner <|>\n'],
            ['            evidence survey\n', '            evidence survey\n            <|>\n'],
            ['flow pricing_page -> demo -> kickoff', 'flow pricing_page > <|>'],
        ] as const) {
            expect(await complete(renewalWith(find, replacement), SHARED, ' '), replacement).toEqual([]);
        }
        // Ctrl+Space at the same place still offers what fits.
        expect(keywords(await complete(renewalWith('            evidence survey\n', '            evidence survey\n            <|>\n')))).toContain('channel');
    });

    test('the server says so: `.`, space and `>` are its trigger characters', async () => {
        await withCursor({ 'renewal.journey': '<|>' }, 'renewal.journey', async ({ ws }) => {
            expect(ws.services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toEqual(['.', ' ', '>']);
        });
    });
});

describe('references, filtered by kind and scope', () => {
    test('channel → channels, owner → teams', async () => {
        expect(labels(await complete(renewalWith('            channel web\n            owner', '            channel <|>\n            owner')))).toEqual(['email', 'web']);
        expect(labels(await complete(renewalWith('            owner marketing\n            emotion', '            owner <|>\n            emotion')))).toEqual(['marketing', 'sales']);
    });

    test('serves → needs of the journey\'s personas, qualified where two personas share the name, never other personas\' needs', async () => {
        const items = await complete(renewalWith('            serves fast_setup\n', '            serves <|>\n'));
        expect(labels(items)).toEqual(['ben.clear_pricing', 'fast_setup', 'olivia.clear_pricing', 'reporting']);
        expect(labels(items)).not.toContain('carla_only');
        const fastSetup = items.find(item => item.label === 'fast_setup')!;
        expect(fastSetup.kind).toBe(CompletionItemKind.Property);
        expect(fastSetup.detail).toBe('Be productive within one week · importance 4');
        expect(doc(fastSetup)).toContain('**need** `olivia.fast_setup`');
    });

    test('serves persona. → that persona\'s needs, completed as persona.need', async () => {
        const { ws, document, position, text } = await atCursor({ 'shared.journey': SHARED, 'renewal.journey': renewalWith('            serves fast_setup\n', '            serves olivia.<|>\n') }, 'renewal.journey');
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
        const items = list!.items;
        expect(labels(items)).toEqual(['olivia.clear_pricing', 'olivia.fast_setup']);
        const edit = items[0].textEdit as { range: { start: { character: number } }; newText: string };
        expect(text.split('\n')[position.line].slice(edit.range.start.character)).toBe('olivia.');
        expect(ws.services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toContain('.');
    });

    test('serves in a journey of another persona sees only that persona\'s needs', async () => {
        const items = await complete(RENEWAL.replace('serves carla_only', 'serves <|>'));
        expect(labels(items)).toEqual(['carla_only']);
    });

    test('by → the journey\'s personas; a journey\'s persona line → personas not named yet', async () => {
        expect(labels(await complete(renewalWith('            owner marketing\n            emotion', '            by <|>\n            emotion')))).toEqual(['ben', 'olivia']);
        expect(labels(await complete(renewalWith('persona olivia, ben', 'persona olivia, ben, <|>')))).toEqual(['carla']);
    });

    test('at and flow ends → touchpoints of this journey only', async () => {
        expect(labels(await complete(renewalWith('at pricing_page', 'at <|>')))).toEqual(['demo', 'kickoff', 'pricing_page']);
        expect(labels(await complete(renewalWith('flow pricing_page -> demo -> kickoff', 'flow pricing_page -> <|>')))).toEqual(['demo', 'kickoff', 'pricing_page']);
        expect(labels(await complete(renewalWith('flow pricing_page -> demo -> kickoff', 'flow <|>')))).toEqual(['demo', 'kickoff', 'pricing_page']);
    });

    test('for → pains of this journey; addresses → its pains and opportunities', async () => {
        expect(labels(await complete(renewalWith('for unclear_pricing owner', 'for <|>')))).toEqual(['unclear_pricing']);
        expect(labels(await complete(renewalWith('        addresses unclear_pricing', '        addresses <|>')))).toEqual(['calculator', 'unclear_pricing']);
    });

    test('kpi → metrics, with their scale; evidence and source → sources, with kind, date and sample', async () => {
        const metrics = await complete(renewalWith('            evidence survey\n', '            kpi <|>\n'));
        expect(labels(metrics)).toEqual(['churn', 'conversion', 'csat']);
        expect(metrics.find(item => item.label === 'csat')!.detail).toBe('Customer satisfaction · scale 1 to 5');
        expect(metrics.find(item => item.label === 'churn')!.detail).toBe('Logo churn · percent · lower is better');
        expect(metrics[0].kind).toBe(CompletionItemKind.Unit);

        const sources = await complete(renewalWith('            evidence survey\n', '            evidence <|>\n'));
        expect(labels(sources)).toEqual(['survey', 'tickets']);
        expect(sources.find(item => item.label === 'survey')!.detail).toBe('Q3 customer survey · survey · 2026-09-30 · sample 412');
        expect(labels(await complete(renewalWith('target 5% source tickets', 'target 5% source <|>')))).toEqual(['survey', 'tickets']);
        expect(labels(await complete(renewalWith('        due 2027', '        target <|>\n        due 2027')))).toEqual(['churn', 'conversion', 'csat']);
    });

    test('state future of → journeys in the current state, not this one', async () => {
        expect(labels(await complete(renewalWith('    state current\n    owner', '    state future of <|>\n    owner')))).toEqual(['old_way']);
    });

    test('valuegap rows: needs at the start of a row, then competitors not scored yet on that row', async () => {
        expect(labels(await complete(renewalWith('        fast_setup us 3 acme 4 bolt 2\n', '        fast_setup us 3 acme 4 bolt 2\n        <|>\n'))))
            .toEqual(['ben.clear_pricing', 'fast_setup', 'olivia.clear_pricing', 'reporting']);
        expect(labels(await complete(renewalWith('fast_setup us 3 acme 4 bolt 2', 'fast_setup us 3 <|>')))).toEqual(['acme', 'bolt']);
        expect(labels(await complete(renewalWith('fast_setup us 3 acme 4 bolt 2', 'fast_setup us 3 acme 4 <|>')))).toEqual(['bolt']);
    });

    test('every reference item has a kind, a detail and documentation', async () => {
        const items = await complete(renewalWith('            owner marketing\n            emotion', '            owner <|>\n            emotion'));
        for (const item of items) {
            expect(item.kind).toBe(CompletionItemKind.Folder);
            expect(item.detail).toMatch(/Marketing|Sales/);
            expect(doc(item)).toMatch(/^\*\*team\*\*/);
        }
    });
});

describe('values', () => {
    test('phase values', async () => {
        const items = await complete(renewalWith('        phase post-purchase', '        phase <|>'));
        expect(labels(items)).toEqual(['post-purchase', 'pre-purchase', 'purchase']);
        expect(items.every(item => item.kind === CompletionItemKind.EnumMember && doc(item).length > 0)).toBe(true);
    });

    test('source kinds', async () => {
        const items = await complete(`source interviews "Interviews" <|>`);
        expect(labels(items)).toEqual(['analytics', 'crm', 'interview', 'observation', 'other', 'review', 'support', 'survey']);
    });

    test('plan statuses', async () => {
        expect(labels(await complete(renewalWith('        status open', '        status <|>')))).toEqual(['doing', 'done', 'open']);
    });

    test('emotion −3..+3 with their meaning, in scale order', async () => {
        const items = await complete(renewalWith('            emotion -1 "Confused"', '            emotion <|>'));
        expect(items.map(item => item.label)).toEqual(['-3', '-2', '-1', '0', '1', '2', '3']);
        expect(items.map(item => item.detail)).toEqual(['very negative', 'negative', 'slightly negative', 'neutral', 'slightly positive', 'positive', 'very positive']);
        expect([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map(item => item.label)).toEqual(['-3', '-2', '-1', '0', '1', '2', '3']);
        expect(items.every(item => item.kind === CompletionItemKind.Value)).toBe(true);
        expect(doc(items[1])).toContain('**−2**: negative');
    });

    test('importance and severity 1..5', async () => {
        expect(labels(await complete(SHARED.replace('importance 2', 'importance <|>'), SHARED))).toEqual(['1', '2', '3', '4', '5']);
        expect(labels(await complete(renewalWith('severity 4', 'severity <|>')))).toEqual(['1', '2', '3', '4', '5']);
    });

    test('channel modes and metric kinds are keywords of their declaration', async () => {
        expect(labels(await complete('channel store "Store" <|>'))).toEqual(['offline', 'online']);
        expect(keywords(await complete('metric nps "NPS" <|>'))).toEqual(['percent', 'scale']);
        expect(keywords(await complete('metric nps "NPS" percent <|>'))).toEqual(['channel', 'competitor', 'journey', 'lower is better', 'metric', 'persona', 'source', 'team']);
    });
});

describe('snippets', () => {
    test('skeletons with tab stops', async () => {
        const top = await complete(`${RENEWAL}\n<|>\n`);
        const journey = top.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'journey')!;
        expect(journey.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(journey.insertText).toContain('journey ${1:name} "${2:What the persona goes through}" {');
        expect(journey.insertText).toContain('${10|pre-purchase,purchase,post-purchase|}');
        expect(journey.detail).toBe('Journey skeleton');
        expect(doc(journey)).toContain('```journey');

        const inStage = await complete(renewalWith('        phase post-purchase\n', '        phase post-purchase\n        <|>\n'));
        const pair = inStage.find(item => item.label === 'pain + opportunity')!;
        expect(pair.insertText).toBe('pain ${1:name} "${2:What hurts}" severity ${3:3}\nopportunity ${4:name} "${5:What we could do about it}" for ${1:name} owner ${6:team}');

        const inJourney = await complete(renewalWith('    flow pricing_page', '    <|>\n    flow pricing_page'));
        expect(inJourney.find(item => item.label === 'plan' && item.kind === CompletionItemKind.Snippet)!.insertText).toContain('status ${8|open,doing,done|}');
    });

    test('a touchpoint from its stage\'s context: the channels and teams around it first, `by` for several personas, an unserved need', async () => {
        const snippet = (items: CompletionItem[], label: string) => items.find(item => item.kind === CompletionItemKind.Snippet && item.label === label)?.insertText;
        // After `demo` (email) in a stage whose other touchpoint is on the web and owned by marketing.
        const afterDemo = renewalWith('        touchpoint demo "Demo call" { channel email serves reporting }\n',
            '        touchpoint demo "Demo call" { channel email }\n        <|>\n');
        expect(snippet(await complete(afterDemo), 'touchpoint')).toBe([
            'touchpoint ${1:name} "${2:What happens}" {',
            '    channel ${3|email,web|}',
            '    owner ${4|marketing,sales|}',
            '    by ${5|olivia,ben|}',
            '    action "${6:What the customer does}"',
            '    thinks "${7:What they think}"',
            '    emotion ${8:0} "${9:How it feels}"',
            // ben's `reporting` is served nowhere now: offered first.
            '    serves ${10|reporting|}',
            '}',
        ].join('\n'));
        // Before `pricing_page` (web) in the same stage: the nearest touchpoint before the cursor comes first; none, so the stage's order.
        const first = await complete(renewalWith('        phase pre-purchase\n', '        phase pre-purchase\n        <|>\n'));
        expect(snippet(first, 'touchpoint')).toContain('    channel ${3|web,email|}');
        // All needs served: no `serves` line.
        expect(snippet(first, 'touchpoint')).not.toContain('serves');

        // One persona: no `by` line; no channel used in the journey yet: the workspace's.
        const carla = await complete(`${RENEWAL}\njourney solo "Solo" {\n    persona carla\n    stage s "S" {\n        <|>\n    }\n}\n`);
        const solo = snippet(carla, 'touchpoint')!;
        expect(solo).not.toContain('by ');
        expect(solo).toContain('    channel ${3|email,web|}');
        expect(solo).toContain('    serves ${9|carla_only|}');
    });

    test('a stage continues the phase of the stage before it; a journey offers the workspace\'s personas and teams', async () => {
        const stage = (items: CompletionItem[]) => items.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'stage')!.insertText!;
        const afterResearch = await complete(renewalWith('    stage onboarding "Onboarding" {', '    <|>\n    stage onboarding "Onboarding" {'));
        expect(stage(afterResearch)).toContain('    phase ${3|pre-purchase,purchase,post-purchase|}');
        const afterOnboarding = await complete(renewalWith('    flow pricing_page', '    <|>\n    flow pricing_page'));
        expect(stage(afterOnboarding)).toContain('    phase ${3|post-purchase,pre-purchase,purchase|}');
        // Its touchpoint: the journey's channels, both personas.
        expect(stage(afterOnboarding)).toContain('        channel ${7|web,email|}');
        expect(stage(afterOnboarding)).toContain('        by ${8|olivia,ben|}');

        const top = await complete(`${RENEWAL}\n<|>\n`);
        const journey = top.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'journey')!.insertText!;
        expect(journey).toContain('    persona ${3|ben,carla,olivia|}');
        expect(journey).toContain('    owner ${5|marketing,sales|}');
    });

    test('keyword items carry what the keyword does', async () => {
        const items = await complete(renewalWith('            evidence survey\n', '            evidence survey\n            <|>\n'));
        const serves = items.find(item => item.label === 'serves')!;
        expect(serves.detail).toBe('A need this touchpoint serves');
        expect(doc(serves)).toContain('`serves NEED`');
        expect(doc(items.find(item => item.label === 'emotion'))).toContain('−3 (very negative)');
    });
});

describe('while typing', () => {
    test('a partly typed keyword or name: the items it can become', async () => {
        expect(labels(await complete(renewalWith('            evidence survey\n', '            evidence survey\n            ser<|>\n')))).toEqual(['serves']);
        expect(labels(await complete(renewalWith('            serves fast_setup\n', '            serves fa<|>\n')))).toEqual(['fast_setup']);
        expect(labels(await complete(renewalWith('            serves fast_setup\n', '            serves olivia.fa<|>\n')))).toEqual(['olivia.fast_setup']);
    });

    test('nothing inside comments and strings', async () => {
        expect(await complete(renewalWith('            evidence survey\n', '            evidence survey // see olivia.<|>\n'))).toEqual([]);
        expect(await complete(renewalWith('            evidence survey\n', '            evidence survey\n            // serves <|>\n'))).toEqual([]);
        expect(await complete(renewalWith('"Confused"', '"Confused by <|> add-ons"'))).toEqual([]);
        expect(await complete(renewalWith('"Confused"', '"Confused by <|>'))).toEqual([]);
        expect(await complete(renewalWith('    trigger "Her contract renews in 60 days"', '    trigger "Her contract\n  renews" /* a <|> */'))).toEqual([]);
        // Comments of a file with nothing else, at its start and after its last declaration.
        expect(await complete('// only a comment, <|>\n')).toEqual([]);
        expect(await complete('/* a map, <|> */\n')).toEqual([]);
        expect(await complete(`// about this map <|>\n${RENEWAL}`)).toEqual([]);
        expect(await complete(`${RENEWAL}\n// the end, <|>`)).toEqual([]);
        expect(keywords(await complete(`${RENEWAL}\n// the end\n<|>`))).toContain('journey');
        // Right after a string or a comment, completion works again.
        expect(keywords(await complete(renewalWith('            evidence survey\n', '            evidence survey /* x */ <|>\n')))).toContain('serves');
    });
});

describe('in a large journey', () => {
    /** A journey of many stages of touchpoints, the cursor after `channel ` in the first or the last touchpoint. */
    function large(cursorIn: 'first' | 'last'): string {
        const stages = Array.from({ length: 60 }, (_, s) => [
            `    stage s${s} "Stage ${s}" {`, '        phase purchase',
            ...Array.from({ length: 5 }, (_, t) => {
                const here = (cursorIn === 'first' && s === 0 && t === 0) || (cursorIn === 'last' && s === 59 && t === 4);
                return [`        touchpoint t${s}_${t} "Touchpoint ${t}" {`, `            channel ${here ? '<|>' : 'web'}`, '            owner marketing', '        }'].join('\n');
            }),
            '    }',
        ].join('\n'));
        return ['// a large journey', 'journey big "A large journey" { // its name', '    persona olivia', '    trigger "She signed"', ...stages, '}', ''].join('\n');
    }

    test('completes from the block around the cursor: the same items at the end as at the start, from a short text', async () => {
        const parsed: number[] = [];
        const completeIn = (where: 'first' | 'last') => withCursor({ 'shared.journey': SHARED, 'big.journey': large(where) }, 'big.journey', async ({ ws, document, position }) => {
            const provider = ws.services.lsp.CompletionProvider as unknown as { completionParser: { parse(text: string): unknown } };
            const parse = provider.completionParser.parse.bind(provider.completionParser);
            provider.completionParser.parse = text => {
                parsed.push(text.length);
                return parse(text);
            };
            const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
            return { items: list?.items ?? [], length: document.textDocument.getText().length };
        });
        const first = await completeIn('first');
        const last = await completeIn('last');
        expect(labels(first.items)).toEqual(['email', 'web']);
        expect(last.items.map(item => item.label)).toEqual(first.items.map(item => item.label));
        // What was parsed: the opening lines of the journey and the stage, and the touchpoint up to the cursor.
        expect(last.length).toBeGreaterThan(20_000);
        expect(parsed.length).toBeGreaterThan(0);
        expect(Math.max(...parsed)).toBeLessThan(300);
    });
});
