// Acceptance audit of `journey export`, `journey import` and `journey render` against their documented
// contract (README.md and docs/interchange.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMermaid, importMermaid } from '@journey/interchange';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';
import { mermaidMeaning } from '../support/mermaid.js';
import { buildModels } from './journey-models.js';

const workspace = scratchWorkspaces();

describe('the workspace of export and render never grows into the temp folder, the home folder or /', () => {
    // A file with a typo'd name in /tmp/x/ grew the workspace to /tmp and then to / (two levels up):
    // the whole disk was searched for .journey files, and export and render ran out of memory. The
    // workspace is now the repository's (or the configuration's) folder: one that is the temporary or
    // the home folder is never searched as a whole, not even when it holds a `.git`.
    const files = {
        'shared/.git/HEAD': 'ref: refs/heads/main\n',
        'shared/decoy.journey': 'persona ghost "Ghost" { need g "G" }\n',
        'shared/proj/maps/a.journey': `journey a "A" {
    persona ghost
    stage s "S" { touchpoint t "T" { emotion 1 } }
}
`,
    };

    it.each(['TMPDIR', 'HOME'])('stops below the folder %s names', async variable => {
        const ws = workspace(files);
        const shared = ws.path('shared');
        const elsewhere = ws.path('elsewhere');
        // Control: with the variable pointing elsewhere, the repository's workspace holds the decoy.
        const control = await journeyInProcess(['export', 'shared/proj/maps/a.journey', '--format', 'csv'], ws.root, { TMPDIR: elsewhere, HOME: elsewhere, [variable]: elsewhere });
        expect(control.stderr).toBe('');
        expect(control.status).toBe(0);
        const controlRender = await journeyInProcess(['render', 'shared/proj/maps/a.journey'], ws.root, { TMPDIR: elsewhere, HOME: elsewhere, [variable]: elsewhere });
        expect(controlRender.stdout).toContain('Ghost');

        const env = { TMPDIR: elsewhere, HOME: elsewhere, [variable]: shared };
        const exported = await journeyInProcess(['export', 'shared/proj/maps/a.journey', '--format', 'csv'], ws.root, env);
        expect(exported.status, exported.stderr).toBe(0);
        expect(exported.stderr).toMatch(/has 1 unresolved name/);
        const rendered = await journeyInProcess(['render', 'shared/proj/maps/a.journey'], ws.root, env);
        expect(rendered.status, rendered.stderr).toBe(0);
        expect(rendered.stdout).toContain('<svg');
        expect(rendered.stdout).not.toContain('Ghost');
    });
});

describe('Mermaid export of labels with line breaks', () => {
    // Mermaid 12 draws journey text with `.text()`: the title as an SVG <text>, sections and tasks in a
    // foreignObject <div> (the default textPlacement "fo"), so `<br>` shows as the characters "<br>"
    // (checked in Chromium with mermaid.min.js). A line break becomes a space.
    it('writes a line break as a space, in the title, sections, tasks and actors', async () => {
        const { journeys, errors } = await buildModels({
            'a.journey': `persona p "Ann\\nSmith" { need n "N" }
journey j "Two\\nlines" {
    persona p
    stage s "Stage\r\none" { touchpoint t "Task \\n two" { emotion 1 by p } }
}
` });
        expect(errors).toEqual([]);
        const exported = exportMermaid(journeys[0]);
        expect(exported).not.toContain('<br>');
        const meaning = await mermaidMeaning(exported);
        expect(meaning.title).toBe('Two lines');
        expect(meaning.sections).toEqual(['Stage one']);
        expect(meaning.tasks.map(task => [task.task, task.people])).toEqual([['Task two', ['Ann Smith']]]);
        const back = await buildModels({ 'b.journey': importMermaid(exported).text });
        expect(back.errors).toEqual([]);
        expect(back.journeys[0].label).toBe('Two lines');
    });
});

describe('journey import of a file that is not a Mermaid diagram', () => {
    it('names what the file starts with, never an empty diagram type', async () => {
        // A .journey file given as such is refused by its extension (test/cli/eslint-habits.test.ts); saved as .mmd, it is read.
        const ws = workspace({ 'renewal.mmd': '// The journey of the example.\n\njourney renewal "R" {\n}\n', 'notes.mmd': '\n  {\n' });
        const run = await journeyInProcess(['import', 'renewal.mmd'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('renewal.mmd:1: the diagram starts with `//`, not `journey`: a Mermaid journey diagram starts with the word `journey`\n'
            + 'journey: nothing imported from renewal.mmd.\n');
        expect((await journeyInProcess(['import', 'notes.mmd'], ws.root)).stderr).toMatch(/^notes\.mmd:2: the diagram starts with `\{`, not `journey`/);
    });
});

describe('-o never overwrites the file read', () => {
    it('export and import refuse an OUT that is FILE itself: usage error, FILE untouched', async () => {
        const source = 'persona p "P" { need n "N" }\njourney j "J" {\n    persona p\n    stage s "S" { touchpoint t "T" { emotion 1 serves n } }\n}\n';
        const diagram = 'journey\n    title J\n    section S\n      T: 4: P\n';
        const ws = workspace({ 'maps/j.journey': source, 'd.mmd': diagram });
        const exported = await journeyInProcess(['export', 'maps/j.journey', '--format', 'mermaid', '-o', 'maps/../maps/j.journey'], ws.root);
        expect(exported.status).toBe(2);
        expect(exported.stderr).toBe('journey: -o maps/../maps/j.journey is the file being exported; write the output to another file\n');
        expect(readFileSync(ws.path('maps/j.journey'), 'utf8')).toBe(source);
        const imported = await journeyInProcess(['import', 'd.mmd', '-o', 'd.mmd'], ws.root);
        expect(imported.status).toBe(2);
        expect(imported.stderr).toBe('journey: -o d.mmd is the file being imported; write the output to another file\n');
        expect(readFileSync(ws.path('d.mmd'), 'utf8')).toBe(diagram);
    });
});
