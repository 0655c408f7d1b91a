import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    importMermaid, importMermaidMarkdown, mermaidBlocks, MermaidSyntaxError, parseMermaidJourney, type MermaidJourney
} from '@journey/interchange';
import { journeyInProcess } from '../support/journey-in-process.js';
import { repoRoot, TempWorkspace } from '../support/journey-process.js';
import { mermaidMeaning, mermaidParse, type MermaidMeaning } from '../support/mermaid.js';
import { buildModels } from './journey-models.js';

const FIXTURES = path.join(repoRoot, 'test/interchange/fixtures');
const mermaidFixtures = readdirSync(path.join(FIXTURES, 'mermaid')).filter(name => name.endsWith('.mmd')).sort();
const readFixture = (name: string): string => readFileSync(path.join(FIXTURES, 'mermaid', name), 'utf8');
/** Mermaid accepts this one (its score `2rem` is NaN to it); a journey cannot hold it. */
const NOT_A_SCORE = 'render-title-styling.mmd';
const importable = mermaidFixtures.filter(name => name !== NOT_A_SCORE);

/** What our parser read, in the shape of Mermaid's journey database. */
function meaningOf(journey: MermaidJourney): MermaidMeaning {
    return {
        title: journey.title?.text ?? '',
        accTitle: journey.accTitle?.text ?? '',
        accDescription: journey.accDescription?.text ?? '',
        // Mermaid lists the sections written; the tasks before any section have the section ''.
        sections: journey.sections.filter(section => section.title !== '').map(section => section.title),
        tasks: journey.sections.flatMap(section => section.tasks.map(task => ({ section: section.title, task: task.name, score: task.score, people: task.actors }))),
    };
}

/** Mermaid's meaning of a text, with the title its front matter gives when rendered. */
async function mermaidReads(text: string): Promise<MermaidMeaning> {
    const frontMatterTitle = /^---\n(?:.*\n)*?title:\s*(.*)\n(?:.*\n)*?---/.exec(text)?.[1];
    return mermaidMeaning(text, frontMatterTitle);
}

function syntaxError(run: () => unknown): MermaidSyntaxError {
    try {
        run();
    } catch (error) {
        if (error instanceof MermaidSyntaxError) {
            return error;
        }
        throw error;
    }
    throw new Error('expected a MermaidSyntaxError');
}

describe('Mermaid import: the journey examples of Mermaid\'s docs and tests', () => {
    it('has the fixtures, each noting where in the mermaid repository it comes from', () => {
        expect(mermaidFixtures.length).toBeGreaterThanOrEqual(20);
        for (const name of mermaidFixtures) {
            expect(readFixture(name), name).toMatch(/^(%%|---\n#) From the mermaid repository, \S+/);
        }
    });

    it.each(importable)('%s: reads what Mermaid\'s own parser reads', async name => {
        const text = readFixture(name);
        const ours = meaningOf(parseMermaidJourney(text));
        const theirs = await mermaidReads(text);
        expect(ours).toEqual(theirs);
    });

    it.each(importable)('%s: becomes a .journey without errors that says the same', async name => {
        const text = readFixture(name);
        const imported = importMermaid(text, { sourceName: name, fallbackName: name.replace(/\.mmd$/, '') });
        expect(imported.text).toMatch(/^\/\/ Imported from the Mermaid journey diagram in \S+\.mmd by `journey import`/);
        const { journeys, errors } = await buildModels({ 'imported.journey': imported.text });
        expect(errors).toEqual([]);
        expect(journeys).toHaveLength(1);
        const [journey] = journeys;
        const meaning = await mermaidReads(text);
        expect(journey.label).toBe(meaning.title.trim());
        const touchpoints = journey.stages.flatMap(stage => stage.touchpoints.map(touchpoint => ({ stage, touchpoint })));
        expect(touchpoints.map(({ stage }) => stage.label)).toEqual(meaning.tasks.map(task => task.section.trim()));
        expect(touchpoints.map(({ touchpoint }) => touchpoint.label)).toEqual(meaning.tasks.map(task => task.task.trim()));
        expect(touchpoints.map(({ touchpoint }) => touchpoint.emotion?.value)).toEqual(meaning.tasks.map(task => task.score - 3));
        const labels = new Map(journey.personas.map(persona => [persona.name, persona.label]));
        touchpoints.forEach(({ touchpoint }, index) => {
            const actors = meaning.tasks[index].people.filter(actor => actor !== '');
            // A task without actors is met by all of the journey's personas (no `by`).
            const expected = actors.length > 0 ? [...new Set(actors)] : journey.personas.map(persona => persona.label);
            expect(touchpoint.personas.map(persona => labels.get(persona))).toEqual(expected);
        });
        expect(journey.stages.filter(stage => stage.label !== '').map(stage => stage.label)).toEqual(meaning.sections.map(section => section.trim()));
    });

    it('keeps comments, front matter and accTitle as // comments where they stood; accDescr is the journey\'s description', () => {
        const imported = importMermaid(readFixture('demo-journey.mmd'), { sourceName: 'demo-journey.mmd' }).text;
        expect(imported).toContain('// ---\n// # From the mermaid repository, demos/journey.html');
        expect(imported).toContain('// title: My working day\n// ---\njourney my_working_day "My working day" {');
        expect(imported).toContain('    persona me, cat\n    description "2 main sections: work and home, each with just a few tasks"\n');
        expect(imported).toContain('    // accTitle: Very simple journey demo\n');
        expect(imported).not.toContain('accDescr');
        const multiline = importMermaid(readFixture('spec-acc-descr-multiline.mmd')).text;
        expect(multiline).toContain('    description "A user journey for"\n    description "family shopping"\n');
        expect(multiline).toContain('    // accTitle: Adding acc journey diagram functionality to mermaid\n');
        const commented = importMermaid('%% before\njourney\n  %% top\n  title T\n  section S\n    %% before the task\n    Task: 3: Me\n  %% after it all\n').text;
        expect(commented).toContain('// before\njourney t "T" {');
        expect(commented).toContain('    persona me\n\n    // top\n\n    stage s "S" {\n        // before the task\n        touchpoint task "Task" {');
        expect(commented).toMatch(/ {4}}\n\n {4}\/\/ after it all\n}\n$/);
    });

    it('writes the example of Mermaid\'s docs as the spec formats a journey: 4-space indents, one persona per actor', () => {
        const imported = importMermaid(readFixture('docs-user-journey.mmd'), { sourceName: 'docs-user-journey.mmd' });
        expect(imported.text).toBe(`// Imported from the Mermaid journey diagram in docs-user-journey.mmd by \`journey import\`:
// sections became stages, tasks touchpoints, scores 1..5 emotions -2..+2 (score - 3), actors personas.
// Mermaid has no needs, trigger, channels, owners or evidence: \`journey lint\` lists what to add.

persona me "Me" {}
persona cat "Cat" {}

// From the mermaid repository, packages/mermaid/src/docs/syntax/userJourney.md (the example; also docs/intro/examples.md and packages/examples/src/examples/user-journey.ts).
journey my_working_day "My working day" {
    persona me, cat

    stage go_to_work "Go to work" {
        touchpoint make_tea "Make tea" {
            by me
            emotion 2
        }
        touchpoint go_upstairs "Go upstairs" {
            by me
            emotion 0
        }
        touchpoint do_work "Do work" {
            by me, cat
            emotion -2
        }
    }

    stage go_home "Go home" {
        touchpoint go_downstairs "Go downstairs" {
            by me
            emotion 2
        }
        touchpoint sit_down "Sit down" {
            by me
            emotion 2
        }
    }
}
`);
        expect(imported.journeys).toEqual(['my_working_day']);
        expect(imported.warnings).toEqual([]);
    });

    it('makes unique names and keeps the text as labels; repeated sections and tasks get _2', () => {
        const imported = importMermaid(readFixture('render-web-hook.mmd')).text;
        expect(imported).toContain('stage darkoob "Darkoob" {');
        expect(imported).toContain('stage darkoob_2 "Darkoob" {');
        expect(imported).toContain('persona darkoob_user "Darkoob user" {}');
        const odd = importMermaid('journey\n title Café crème\n section 1st day\n  "Quoted" \\ task: 4: Zoë, 42\n  Go: 3: zoë\n').text;
        expect(odd).toContain('persona zoe "Zoë" {}');
        expect(odd).toContain('persona persona_42 "42" {}');
        expect(odd).toContain('persona zoe_2 "zoë" {}');
        expect(odd).toContain('journey cafe_creme "Café crème" {');
        expect(odd).toContain('stage stage_1st_day "1st day" {');
        expect(odd).toContain('touchpoint quoted_task "\\"Quoted\\" \\\\ task" {');
    });

    it('puts tasks before the first section in a stage of their own, with Mermaid\'s empty section name', async () => {
        const text = 'journey\n  Wake up: 2: Me\n  section Morning\n    Coffee: 5: Me\n';
        const imported = importMermaid(text).text;
        expect(imported).toContain('    // The tasks before the first section of the Mermaid diagram.\n    stage stage "" {\n        touchpoint wake_up "Wake up" {');
        const { journeys, errors } = await buildModels({ 'a.journey': imported });
        expect(errors).toEqual([]);
        expect(journeys[0].stages.map(stage => stage.label)).toEqual(['', 'Morning']);
    });

    it('keeps decimal scores exactly, decodes entity codes in labels, warns about what Mermaid drops', () => {
        const imported = importMermaid('journey\n section S\n  Tea #9829;: 4.7: Me #38; you\n  Walk: 2: Me, , You: ignored\n  Rest: 3\n');
        expect(imported.text).toContain('touchpoint tea "Tea ♥" {\n            by me_you\n            emotion 1.7\n');
        // Every digit written, not six decimals: 4.123456789 is the emotion 1.123456789.
        expect(importMermaid('journey\n section S\n  Tea: 4.123456789: Me\n').text).toContain('emotion 1.123456789\n');
        expect(imported.text).toContain('persona me_you "Me & you" {}');
        expect(imported.warnings).toEqual([
            { line: 4, message: 'task `Walk` has an empty actor name, left out' },
            { line: 4, message: 'task `Walk`: Mermaid ignores the text after the second colon (`ignored`); so does the import' },
            { line: 5, message: "task `Rest` names no actor: touchpoint met by all of the journey's personas (no `by`)" },
        ]);
    });

    it('gives a diagram without actors one persona to rename, so that the journey has one', async () => {
        const imported = importMermaid(readFixture('spec-section.mmd')).text;
        expect(imported).toContain('// The Mermaid diagram names no actor: a persona to rename.\npersona user "User" {}');
        expect(imported).toContain('    persona user\n');
        expect((await buildModels({ 'a.journey': imported })).errors).toEqual([]);
    });

    it('names a journey without a title after the file', () => {
        expect(importMermaid('journey\n section S\n  T: 3: Me\n', { fallbackName: 'My Day' }).text).toContain('journey my_day "" {');
        expect(importMermaid('journey\n section S\n  T: 3: Me\n').text).toContain('journey journey "" {');
    });
});

describe('Mermaid import: the same reading as Mermaid on the corners of its grammar', () => {
    const corners: Record<string, string> = {
        'title swallows the next line when empty': 'journey\ntitle\nsection A\n  T: 3: Me\n',
        'keywords in any case': 'journey\nTITLE Upper\nSection B\n  T: 3: Me\n',
        'journey itself must be lower case': 'JOURNEY\nsection A\n  T: 3: Me\n',
        'a task before any section': 'journey\n  Early: 3: Me\nsection S\n  Late: 4: You\n',
        '# starts a comment in a task name': 'journey\nsection A\n  Make tea # note: 5: Me\n',
        '# after the actors is a comment': 'journey\nsection A\n  Tea: 5: Me # trailing\n',
        '%% after the actors is not a comment': 'journey\nsection A\n  Tea: 5: Me %% not a comment\n',
        'text after a second colon': 'journey\nsection A\n  Tea: 5: Me: extra\n',
        'entity codes': 'journey\ntitle Love #9829; tea\nsection A #35;1\n  Tea #9829;: 5: Me #44; Myself\n',
        'directive and comments': '%%{init: {"theme": "forest"}}%%\njourney\n%% comment\nsection A\n  %% indented comment\n  T: 3: Me\n',
        'multi-line accDescr with a comment inside': 'journey\naccDescr {\n  line one\n  %% comment inside\n  line two\n}\nsection A\n  T: 2: Me\n',
        'accTitle and accDescr on one line': 'journey\n  accTitle: The T\n  accDescr: The D\nsection A\n  T: 1: Me\n',
        'decimal score': 'journey\nsection A\n  T: 2.5: Me\n',
        'no actors, empty actors': 'journey\nsection A\n  T:5\n  U: 4: Me, , You\n  V: 3:\n',
        'CRLF line ends': 'journey\r\nsection A\r\n  T: 3: Me\r\n',
        'a task named like section without a space': 'journey\nsectional: 3: Me\n',
        'a semicolon': 'journey\ntitle A; B\n',
        'a task starting with journey': 'journey\nsection A\n  Journey home: 3: Me\n',
        'front matter title': '---\ntitle: Front\n---\njourney\nsection A\n  T: 3: Me\n',
        'a title line after front matter wins': '---\ntitle: Front\n---\njourney\ntitle Body\nsection A\n  T: 3: Me\n',
        'a section with a colon': 'journey\nsection A: 5\n',
        'a task without colon': 'journey\nsection A\n  Make tea\n',
        'a colon with nothing after it': 'journey\nsection A\n  Make tea:\n',
        'data without a task name': 'journey\nsection A\n  : 5: Me\n',
        'unclosed accDescr': 'journey\naccDescr {\n  never closed\n',
        'blank lines and indentation everywhere': '\n\n   journey\n\n\n      title   Spaced   \n\n   section   S  \n\n       T   :   4   :   A ,  B  \n\n',
        'tabs': 'journey\n\ttitle Tabbed\n\tsection S\n\t\tT:\t4:\tMe\n',
        'HTML in text': 'journey\ntitle <b class="x">Bold</b>\nsection A<br/>B\n  T<br>U: 3: Me\n',
    };

    it.each(Object.entries(corners))('%s', async (_, text) => {
        let ours: MermaidMeaning | Error;
        try {
            ours = meaningOf(parseMermaidJourney(text));
        } catch (error) {
            ours = error as Error;
        }
        let theirs: MermaidMeaning | Error;
        try {
            theirs = await mermaidReads(text);
        } catch (error) {
            theirs = error as Error;
        }
        if (theirs instanceof Error) {
            expect(ours, `Mermaid rejects it: ${theirs.message}`).toBeInstanceOf(MermaidSyntaxError);
        } else {
            expect(ours).not.toBeInstanceOf(Error);
            // Mermaid sanitizes the title as HTML (DOMPurify); compare the text.
            expect({ ...ours, title: strip(ours instanceof Error ? '' : ours.title) }).toEqual({ ...theirs, title: strip(theirs.title) });
        }
    });

    function strip(html: string): string {
        return html.replace(/<[^>]*>/g, '').trim();
    }
});

describe('Mermaid import: what it refuses, with the line', () => {
    const refuse = (text: string): MermaidSyntaxError => syntaxError(() => importMermaid(text));

    it('a diagram of another type', async () => {
        const error = refuse('%% a flowchart\n\ngraph TD\n  A --> B\n');
        expect(error.line).toBe(3);
        expect(error.message).toBe('this is a Mermaid `graph` diagram, not a `journey` diagram: the first word must be `journey`');
        expect(await mermaidParse('graph TD\n  A --> B\n')).toBe('flowchart-v2');
        expect(refuse('sequenceDiagram\n  A->>B: hi\n').message).toContain('`sequenceDiagram` diagram');
    });

    it('an empty file, or one with only comments', () => {
        for (const text of ['', '\n\n', '%% nothing here\n', '\uFEFF']) {
            const error = refuse(text);
            expect(error.line).toBe(1);
            expect(error.message).toBe('the diagram is empty: a Mermaid journey diagram starts with the word `journey`');
        }
    });

    it('a score outside 1..5, or not a number (which Mermaid would draw off its scale)', async () => {
        const seven = refuse('journey\n  section S\n    Fine: 3: Me\n    Great: 7: Me\n');
        expect(seven.line).toBe(4);
        expect(seven.message).toBe('task `Great` has the score `7`: a journey score is a number from 1 (very negative) to 5 (very positive)');
        expect(refuse('journey\nsection S\n  Nope: 0: Me\n').line).toBe(3);
        expect(refuse('journey\nsection S\n  Nope: five: Me\n').message).toContain('the score `five`');
        expect(refuse('journey\nsection S\n  Nope: : Me\n').message).toContain('the score ``');
        const styling = refuse(readFixture(NOT_A_SCORE));
        expect(styling.line).toBe(22);
        expect(styling.message).toContain('task `size` has the score `2rem`');
        const mermaid = await mermaidReads(readFixture(NOT_A_SCORE));
        expect(mermaid.tasks.at(-1)).toMatchObject({ task: 'size', score: NaN });
    });

    it('a task with no colon, or nothing after it', async () => {
        const noColon = refuse('journey\ntitle T\nsection S\n  Make tea\n  Drink: 5: Me\n');
        expect(noColon.line).toBe(4);
        expect(noColon.message).toBe('`Make tea` is not a task (no colon): write a task as `Task name: score: actor, actor`, with a score from 1 to 5');
        await expect(mermaidParse('journey\ntitle T\nsection S\n  Make tea\n  Drink: 5: Me\n')).rejects.toThrow(/Parse error on line 4/);
        expect(refuse('journey\nsection S\n  Make tea:\n').message).toContain('(nothing after its colon)');
        expect(refuse('journey\nsection S\n  Make tea').line).toBe(3);
    });

    it('other lines Mermaid rejects', () => {
        expect(refuse('journey\nsection S\n  : 5: Me\n')).toMatchObject({ line: 3, message: '`: 5: Me` has no task name before its colon' });
        expect(refuse('journey\nsection S: 5\n')).toMatchObject({ line: 2, message: 'a section title cannot contain `:`' });
        expect(refuse('journey\ntitle A; B\n')).toMatchObject({ line: 2, message: 'Mermaid does not accept `;` here' });
        expect(refuse('journey\nsection S\n  Journey home: 3: Me\n').message).toContain('`journey` may only start the diagram');
        expect(refuse('journey\naccDescr {\n  never closed\n')).toMatchObject({ message: '`accDescr {` is never closed with `}`' });
        expect(refuse('journey\n\n\n  Tea: 3: Me\n  Make tea # note: 5: Me\n')).toMatchObject({ line: 5 });
    });

    it('counts lines of the file as written: CRLF, front matter and removed comments do not shift them', () => {
        expect(refuse('---\ntitle: X\n---\n%% c\n%% d\njourney\r\nsection S\r\n  Bad\r\n').line).toBe(8);
        expect(refuse('%%{init: {\n "theme": "dark"\n}}%%\njourney\nsection S\n  Bad\n').line).toBe(6);
    });
});

describe('Mermaid import from Markdown', () => {
    it('imports every ```mermaid block whose diagram is a journey, one journey each, with shared personas', async () => {
        const markdown = readFileSync(path.join(FIXTURES, 'markdown/two-journeys.md'), 'utf8');
        expect(mermaidBlocks(markdown).map(block => block.line)).toEqual([7, 17, 24, 36]);
        const imported = importMermaidMarkdown(markdown, { sourceName: 'two-journeys.md', fallbackName: 'two-journeys' });
        expect(imported.journeys).toEqual(['morning', 'two_journeys_2', 'evening']);
        expect(imported.text).toMatch(/^\/\/ Imported from the Mermaid journey diagrams in two-journeys\.md \(lines 7, 24, 36\)/);
        expect(imported.text.match(/^persona me "Me" \{\}$/gm)).toHaveLength(1);
        const { journeys, errors } = await buildModels({ 'a.journey': imported.text });
        expect(errors).toEqual([]);
        expect(journeys.map(journey => journey.label)).toEqual(['Morning', '', 'Evening']);
    });

    it('names the line in the Markdown file when a block is wrong', () => {
        const markdown = '# Notes\n\n```mermaid\njourney\n  section S\n    Bad task\n```\n';
        expect(syntaxError(() => importMermaidMarkdown(markdown))).toMatchObject({ line: 6 });
    });

    it('refuses Markdown without a journey block', () => {
        const error = syntaxError(() => importMermaidMarkdown('# Title\n\n```mermaid\ngraph TD\n  A-->B\n```\n'));
        expect(error).toMatchObject({ line: 1, message: 'no ```mermaid block with a `journey` diagram in this Markdown file' });
    });

    it('reads Mermaid\'s own docs page and its package README', async () => {
        const page = importMermaidMarkdown(readFileSync(path.join(FIXTURES, 'markdown/userJourney.md'), 'utf8'), { sourceName: 'userJourney.md' });
        // The page shows the example twice: as ```mermaid-example (source and picture) and as ```mermaid.
        expect(page.journeys).toEqual(['my_working_day']);
        const readme = importMermaidMarkdown(readFileSync(path.join(repoRoot, 'node_modules/mermaid/README.md'), 'utf8'), { sourceName: 'README.md' });
        expect(readme.journeys).toEqual(['my_working_day']);
        const { journeys, errors } = await buildModels({ 'readme.journey': readme.text });
        expect(errors).toEqual([]);
        expect(journeys[0].stages.flatMap(stage => stage.touchpoints.map(t => `${t.label}: ${t.emotion?.value}`))).toEqual([
            'Make tea: 2', 'Go upstairs: 0', 'Do work: -2', 'Go downstairs: 2', 'Sit down: 0',
        ]);
    });
});

describe('Mermaid import: the result lints clean with `journey lint`', () => {
    const workspaces: TempWorkspace[] = [];
    afterAll(() => workspaces.forEach(workspace => workspace.dispose()));

    it.each(importable)('%s', async name => {
        const imported = importMermaid(readFixture(name), { sourceName: name, fallbackName: name.replace(/\.mmd$/, '') });
        const workspace = new TempWorkspace({ 'imported.journey': imported.text });
        workspaces.push(workspace);
        const run = await journeyInProcess(['lint', '.', '--format', 'json', '--today', '2026-06-01'], workspace.root);
        const [result] = JSON.parse(run.stdout) as Array<{ errorCount: number; messages: Array<{ ruleId: string; severity: number }> }>;
        expect(result.messages.filter(message => message.severity === 2)).toEqual([]);
        expect(result.errorCount).toBe(0);
        expect(run.status).toBe(0);
        // What is left are the to-dos Mermaid could not say, never a problem of the text itself.
        const rules = new Set(result.messages.map(message => message.ruleId));
        for (const rule of rules) {
            expect(['persona-without-needs', 'missing-trigger', 'missing-post-purchase', 'stale-map', 'stage-without-touchpoints']).toContain(rule);
        }
    });
});
