import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMermaidEntities, encodeMermaidText, exportMermaid, importMermaid, mermaidSettingsAbove, parseMermaidJourney } from '@journey/interchange';
import { repoRoot } from '../support/journey-process.js';
import { mermaidMeaning, mermaidParse } from '../support/mermaid.js';
import { buildModels, journeyFiles } from './journey-models.js';

const FIXTURES = path.join(repoRoot, 'test/interchange/fixtures/mermaid');
const readFixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const importable = readdirSync(FIXTURES).filter(name => name.endsWith('.mmd') && name !== 'render-title-styling.mmd').sort();

/**
 * A diagram as the round trip promises to keep it: no comments, front matter, accTitle/accDescr (the
 * journey model holds none of them), one line per statement with whitespace normalized, and a task's
 * empty list of actors (`E task: 5:`) written as no list (`E task: 5`): Mermaid reads both alike.
 */
function normalized(text: string): string[] {
    const body = text.replace(/\r\n?/g, '\n').replace(/^\s*---\n[\s\S]*?\n---\n/, '').replace(/accDescr\s*\{[^}]*\}/g, '\n');
    return body.split('\n')
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('%%') && !/^acc(Title|Descr)\b/.test(line))
        .map(line => line.replace(/\s*([:,])\s*/g, '$1').replace(/\s+/g, ' ').replace(/^([^:]+:[^:]+):$/, '$1'));
}

/** Mermaid → journey → Mermaid, as `journey import` and `journey export --format mermaid` do it. */
async function exportedFrom(mermaid: string): Promise<string> {
    const text = importMermaid(mermaid).text;
    const { journeys, errors } = await buildModels({ 'imported.journey': text });
    expect(errors).toEqual([]);
    return exportMermaid(journeys[0], { settings: mermaidSettingsAbove(text, journeys[0].range.start.line) });
}

const frontMatterTitleOf = (text: string) => /^---\n(?:.*\n)*?title:\s*(.*)\n(?:.*\n)*?---/.exec(text)?.[1];

describe('Mermaid round trip: Mermaid → journey → Mermaid', () => {
    const textual = importable;

    it('covers most of Mermaid\'s examples textually', () => {
        expect(textual.length).toBeGreaterThanOrEqual(12);
    });

    it.each(textual)('%s: gives back the same diagram, modulo whitespace', async name => {
        const original = readFixture(name);
        const exported = await exportedFrom(original);
        expect(normalized(exported)).toEqual(normalized(original));
    });

    it.each(importable)('%s: Mermaid reads the same title, sections, tasks and scores from the export', async name => {
        const original = readFixture(name);
        const exported = await exportedFrom(original);
        const before = await mermaidMeaning(original, frontMatterTitleOf(original));
        const after = await mermaidMeaning(exported, frontMatterTitleOf(exported));
        expect(after.title).toBe(before.title.trim());
        expect(after.sections).toEqual(before.sections.map(section => section.trim()));
        expect(after.tasks.map(({ section, task, score }) => ({ section, task, score })))
            .toEqual(before.tasks.map(({ section, task, score }) => ({ section: section.trim(), task: task.trim(), score })));
        after.tasks.forEach((task, index) => {
            // The actors as written, none where none were.
            expect(task.people).toEqual(before.tasks[index].people.filter(actor => actor !== ''));
        });
    });

    it.each(importable.filter(name => readFixture(name).startsWith('---')))('%s: keeps the front matter Mermaid reads (title, config: maxLabelWidth, theme) as it was', async name => {
        const original = readFixture(name);
        const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(original)![0];
        const exported = await exportedFrom(original);
        expect(exported.startsWith(frontMatter)).toBe(true);
        expect(exported.slice(frontMatter.length).split('\n')[0]).toBe('journey');
    });

    it('keeps front matter and %%{init}%% directives, one-line and multi-line, and writes a title only where the front matter has none', async () => {
        const original = '---\ntitle: My working day\nconfig:\n  theme: forest\n  journey:\n    maxLabelWidth: 120\n---\n%%{init: {"theme": "dark"}}%%\n%%{init: {\n  "journey": {"maxLabelWidth": 200}\n}}%%\njourney\n    section Go to work\n      Make tea: 5: Me\n';
        expect(await exportedFrom(original)).toBe(original);
        const retitled = original.replace('journey\n    section', 'journey\n    title Another day\n    section');
        expect(await exportedFrom(retitled)).toBe(retitled);
        const directiveOnly = '%%{init: {"theme": "neutral"}}%%\njourney\n    title T\n    section S\n      A: 3\n';
        expect(await exportedFrom(directiveOnly)).toBe(directiveOnly);
        // A journey written by hand has none of them.
        expect(mermaidSettingsAbove('// a note\njourney j "J" {\n}\n', 1)).toEqual({ directives: [] });
    });

    it('gives back accDescr, one line or several, as the journey\'s description, and Mermaid reads it', async () => {
        const one = 'journey\n    title T\n    accDescr: What a first visit is like\n    section S\n      A: 3\n';
        expect(await exportedFrom(one)).toBe(one);
        const several = 'journey\n    title T\n    accDescr {\n        A first visit,\n        from the door to the desk\n    }\n    section S\n      A: 3\n';
        expect(await exportedFrom(several)).toBe(several);
        expect((await mermaidMeaning(several)).accDescription).toMatch(/^A first visit,\s*from the door to the desk$/);
    });

    it('writes the docs example exactly as Mermaid\'s docs do', async () => {
        const original = readFixture('docs-user-journey.mmd');
        expect(await exportedFrom(original)).toBe(original.slice(original.indexOf('\njourney') + 1));
    });

    it('gives back tasks without actors without actors, in a diagram with actors and in one with none', async () => {
        const mixed = 'journey\n    title T\n    section A\n      Tea: 5: Me\n      Walk: 3\n      Talk: 4: Me, You\n';
        expect(await exportedFrom(mixed)).toBe(mixed);
        const none = 'journey\n    title T\n    section A\n      Tea: 5\n      Walk: 3\n';
        expect(await exportedFrom(none)).toBe(none);
        // The touchpoints say whether a \`by\` names their personas.
        const { journeys } = await buildModels({ 'imported.journey': importMermaid(mixed).text });
        expect(journeys[0].stages[0].touchpoints.map(touchpoint => [touchpoint.label, touchpoint.byWritten])).toEqual([['Tea', true], ['Walk', false], ['Talk', true]]);
    });

    it('keeps decimal scores and tasks before the first section', async () => {
        const original = 'journey\n    title T\n      Wake up: 2.5: Me\n    section Morning\n      Coffee: 4.7: Me, You\n';
        expect(await exportedFrom(original)).toBe(original);
    });

    it('gives back characters Mermaid reserves, as entity codes it draws as the characters', async () => {
        const original = 'journey\n    title Q#35;1#59; review\n    section Check#58; out\n      #83;ection review: 3: Me#44; myself\n';
        expect(await exportedFrom(original)).toBe(original);
    });
});

describe('Mermaid export of journeys written in .journey', () => {
    it('the spec\'s example: sections, tasks in stage order, scores, actors, and a note with all that Mermaid cannot draw', async () => {
        const { journeys, errors } = await buildModels(journeyFiles('examples/spec'));
        expect(errors).toEqual([]);
        const exported = exportMermaid(journeys[0]);
        expect(exported).toBe(`journey
    title Olivia replaces her operations tool
    section Renewal notice
      Renewal quote arrives: 1
    section Research
      Visits the pricing page: 2: Olivia#44; Operations Manager
    section Onboarding
      Kick-off workshop: 4
%% Not drawn by Mermaid, kept from journey \`renewal\` (in .journey syntax):
%%   journey renewal: trigger "Her contract renews in 60 days at a 20% higher price"; state current; owner success; reviewed 2026-11-01 every 30 days
%%   persona olivia: need clear_pricing "Know the total cost before talking to sales" importance 5; need fast_setup "Be productive within one week" importance 4
%%   stage notice: phase pre-purchase; question "Is it worth staying with what we have?"
%%   touchpoint renewal_quote: emotion label "Frustrated"; channel email; owner sales; action "Reads the quote and forwards it to finance"; thinks "Cost went up again"; serves olivia.clear_pricing; evidence survey_q3
%%   stage research: phase pre-purchase
%%   touchpoint pricing_page: emotion label "Confused by per-seat add-ons"; channel web; owner marketing; serves olivia.clear_pricing; backstage "Pricing page is edited without finance review"; kpi conversion 3.1% target 5% source tickets; moment of truth
%%   stage onboarding: phase post-purchase
%%   touchpoint kickoff: channel phone; owner success; serves olivia.fast_setup
%%   pain unclear_pricing "Add-ons make the total cost unclear" at pricing_page severity 4 evidence tickets
%%   opportunity calculator "Publish a total-cost calculator" for unclear_pricing owner marketing in stage research
%%   flow renewal_quote -> pricing_page
%%   flow pricing_page -> kickoff
%%   flow pricing_page -> renewal_quote "Goes back to compare"
%%   unknown "Why do trial users stop logging in after day 3?"
%%   valuegap olivia.clear_pricing us 2 acme 4
%%   valuegap olivia.fast_setup us 4 acme 3
%%   plan ship_calculator "Ship the total-cost calculator": addresses unclear_pricing; owner marketing; due 2027-01-15; target conversion 5%; status open
`);
        expect(await mermaidParse(exported)).toBe('journey');
        const meaning = await mermaidMeaning(exported);
        // Only the pricing page says \`by olivia\`: the others are met by all of the journey's personas, drawn without actors.
        expect(meaning.tasks.map(task => task.people)).toEqual([[], ['Olivia#44; Operations Manager'], []]);
        expect(decodeMermaidEntities(meaning.tasks[1].people[0])).toBe('Olivia, Operations Manager');
    });

    it('every journey of the examples workspace: accepted by Mermaid, one task per touchpoint in stage order', async () => {
        const { journeys, errors } = await buildModels(journeyFiles('examples/brightspoke-cx'));
        expect(errors).toEqual([]);
        expect(journeys.length).toBeGreaterThanOrEqual(4);
        for (const journey of journeys) {
            const exported = exportMermaid(journey);
            expect(await mermaidParse(exported), journey.name).toBe('journey');
            const meaning = await mermaidMeaning(exported);
            const touchpoints = journey.stages.flatMap(stage => stage.touchpoints);
            expect(meaning.tasks.map(task => decodeMermaidEntities(task.task))).toEqual(touchpoints.map(t => t.label));
            expect(meaning.sections.map(decodeMermaidEntities)).toEqual(journey.stages.map(stage => stage.label));
            expect(meaning.tasks.map(task => task.score)).toEqual(touchpoints.map(t => t.emotion ? Math.min(5, Math.max(1, t.emotion.value + 3)) : 3));
            // Read back by journey import, the export gives the same stages and touchpoints.
            const back = parseMermaidJourney(exported);
            expect(back.sections.map(section => decodeMermaidEntities(section.title))).toEqual(journey.stages.map(stage => stage.label));
        }
    });

    it('clamps to 1..5 and says so; no emotion is the neutral 3, said too', async () => {
        const { journeys } = await buildModels({
            'a.journey': `persona p "P" { need n "N" }
journey j "J" {
    persona p
    stage s "S" {
        touchpoint worst "Worst" { emotion -3 }
        touchpoint bad "Bad" { emotion -2 by p }
        touchpoint best "Best" { emotion 3 "Delighted" }
        touchpoint silent "Silent" { serves n }
    }
}
` });
        const exported = exportMermaid(journeys[0]);
        // Actors are the personas a \`by\` names: none for the touchpoints without one.
        expect(exported).toContain('      Worst: 1\n      Bad: 1: P\n      Best: 5\n      Silent: 3\n');
        expect(exported).toContain('%%   touchpoint worst: emotion -3 (drawn as score 1)\n');
        expect(exported).toContain('%%   touchpoint best: emotion 3 (drawn as score 5); emotion label "Delighted"\n');
        expect(exported).toContain('%%   touchpoint silent: no emotion (drawn as score 3); serves p.n\n');
        expect(exported).not.toContain('touchpoint bad:');
        expect(await mermaidParse(exported)).toBe('journey');
    });

    it('follows the stage order when flows go elsewhere, and lists the flows', async () => {
        const { journeys } = await buildModels({
            'a.journey': `persona p "P" { need n "N" }
journey j "J" {
    persona p
    stage one "One" { touchpoint a "A" { emotion 1 } touchpoint b "B" { emotion 1 } }
    stage two "Two" { touchpoint c "C" { emotion 1 } }
    flow c -> a -> b
}
` });
        const exported = exportMermaid(journeys[0]);
        expect(exported).toMatch(/section One\n {6}A: 4\n {6}B: 4\n {4}section Two\n {6}C: 4\n/);
        expect(exported).toContain('%%   flow c -> a\n%%   flow a -> b\n');
    });

    it('a journey without a label has no title; a text that would start a directive is broken up', async () => {
        const { journeys } = await buildModels({
            'a.journey': `persona p "P" { need n "N" }
journey j "" {
    persona p
    stage s "S" { touchpoint t "T" { emotion 0 action "Types %%{init}%% into the box" } }
}
` });
        const exported = exportMermaid(journeys[0]);
        expect(exported.startsWith('journey\n    section S\n')).toBe(true);
        expect(exported).toContain('action "Types %% {init}%% into the box"');
        expect(await mermaidParse(exported)).toBe('journey');
    });
});

describe('Mermaid text: labels come back through Mermaid as written', () => {
    const nasty = [
        'Plain', 'Q1: review', 'Ticket #42', 'a;b', 'Me, myself', '50% off', '100%% sure', '%start', 'Section review', 'section 2',
        'Journey home', 'journey', 'Title page', 'accTitle: x', 'accDescr {x}', 'Café "crème"', 'style a:b#c;', 'x %%{init}%% y',
        '#9829;', '<b>bold</b>', 'a: b: c', 'Ends with colon:', ':starts', ',comma,', 'tab\there',
    ];

    it.each(nasty)('%s', async label => {
        const diagram = [
            'journey',
            `    title ${encodeMermaidText(label, 'title')}`,
            `    section ${encodeMermaidText(label, 'section')}`,
            `      ${encodeMermaidText(label, 'task')}: 3: ${encodeMermaidText(label, 'actor')}, Other`,
            '',
        ].join('\n');
        const meaning = await mermaidMeaning(diagram);
        const expected = label.trim();
        expect(decodeMermaidEntities(meaning.sections[0].trim())).toBe(expected);
        expect(decodeMermaidEntities(meaning.tasks[0].task.trim())).toBe(expected);
        expect(meaning.tasks[0].people.map(decodeMermaidEntities)).toEqual([expected, 'Other']);
        if (!/[<>]/.test(label)) {
            // Mermaid sanitizes the title as HTML; text without tags comes through.
            expect(decodeMermaidEntities(meaning.title.trim())).toBe(expected);
        }
        const ours = parseMermaidJourney(diagram);
        expect(decodeMermaidEntities(ours.sections[0].tasks[0].name.trim())).toBe(expected);
    });
});
