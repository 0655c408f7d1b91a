// `journey render` to PNG and PDF, and of Markdown files (every ```journey block), run in process.
import { readdirSync, readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

const PERSONAS = `persona olivia "Olivia, Operations Manager" {
    need fast "Be productive within one week" importance 4
}
channel email "Email" online
`;

const journeyText = (name: string, title: string, touchpoint = 'Reads the email') => `journey ${name} "${title}" {
    persona olivia
    stage one "Stage one" {
        touchpoint a "${touchpoint}" { channel email emotion 1 "Pleased" }
    }
}
`;

async function pdfPages(bytes: Buffer) {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
        const info = await parser.getInfo({ parsePageInfo: true });
        const text = await parser.getText();
        return { info, pages: text.pages.map(page => page.text.replace(/\s+/g, ' ')) };
    } finally {
        await parser.destroy();
    }
}

describe('journey render -o OUT.png | OUT.pdf', () => {
    it('writes a PNG at --scale, the same bytes on every run', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'map.journey': journeyText('first', 'The first journey') });
        const svg = await journeyInProcess(['render', 'map.journey'], ws.root);
        const width = Number(/width="([\d.]+)"/.exec(svg.stdout)![1]);
        expect(await journeyInProcess(['render', 'map.journey', '-o', 'map.png', '--scale', '2'], ws.root)).toEqual({ status: 0, stdout: '', stderr: '' });
        const bytes = readFileSync(ws.path('map.png'));
        expect(PNG.sync.read(bytes).width).toBe(Math.ceil(width * 2));
        await journeyInProcess(['render', 'map.journey', '-o', 'again.png', '--scale', '2'], ws.root);
        expect(readFileSync(ws.path('again.png')).equals(bytes)).toBe(true);
    });

    it('writes every journey of the file into a PDF, a page each; --journey one; --page a paper size', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'maps.journey': journeyText('first', 'The first journey') + journeyText('second', 'The second journey', 'Calls support') });
        expect(await journeyInProcess(['render', 'maps.journey', '-o', 'all.pdf'], ws.root)).toEqual({ status: 0, stdout: '', stderr: '' });
        const all = await pdfPages(readFileSync(ws.path('all.pdf')));
        expect(all.info.total).toBe(2);
        expect(all.pages[0]).toContain('The first journey');
        expect(all.pages[1]).toContain('Calls support');

        expect(await journeyInProcess(['render', 'maps.journey', '-o', 'second.pdf', '--journey', 'second', '--page', 'letter'], ws.root)).toMatchObject({ status: 0, stderr: '' });
        const second = await pdfPages(readFileSync(ws.path('second.pdf')));
        expect(second.info.total).toBe(1);
        expect(second.pages[0]).toContain('The second journey');
        expect([second.info.pages[0].width, second.info.pages[0].height].sort((a, b) => a - b)).toEqual([612, 792]);
    });

    it('a PNG of a file with two journeys draws the first and says how to choose', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'maps.journey': journeyText('first', 'The first journey') + journeyText('second', 'The second journey') });
        expect(await journeyInProcess(['render', 'maps.journey', '-o', 'map.png'], ws.root)).toEqual({
            status: 0, stdout: '',
            stderr: 'journey: maps.journey has 2 journeys (first, second); rendering `first`. Choose one with --journey NAME.\n',
        });
    });

    it('dates the PDF with SOURCE_DATE_EPOCH when set, and refuses one that is not seconds', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'map.journey': journeyText('first', 'The first journey') });
        await journeyInProcess(['render', 'map.journey', '-o', 'map.pdf'], ws.root, { SOURCE_DATE_EPOCH: '1795392000' });
        expect((await pdfPages(readFileSync(ws.path('map.pdf')))).info.info.CreationDate).toBe('D:20261123000000Z');
        expect(await journeyInProcess(['render', 'map.journey', '-o', 'other.pdf'], ws.root, { SOURCE_DATE_EPOCH: 'yesterday' })).toEqual({
            status: 2, stdout: '', stderr: 'journey: SOURCE_DATE_EPOCH is the seconds since 1970-01-01 (as `date +%s` prints), not "yesterday"\n',
        });
    });
});

describe('journey render DOC.md -o DIR', () => {
    const DOC = `# Our journeys

The personas, once:

\`\`\`journey
${PERSONAS}\`\`\`

A journey that uses them:

\`\`\`journey
${journeyText('onboarding', 'Onboarding')}\`\`\`

  \`\`\`journey file=maps/two.journey journey=second
  \`\`\`

~~~journey file=missing.journey
~~~

\`\`\`journey
journey broken "Broken" {
    stage s "S" {
\`\`\`

\`\`\`journey file=maps/two.journey journey=third
\`\`\`
`;

    it('writes a picture of every journey of every block, says each with its line, and skips the broken ones (exit 1)', async () => {
        const ws = workspace({
            'docs/README.md': DOC,
            'docs/maps/two.journey': PERSONAS + journeyText('first', 'The first journey') + journeyText('second', 'The second journey', 'Calls support'),
        });
        const run = await journeyInProcess(['render', 'docs/README.md', '-o', 'out'], ws.root);
        expect(run).toEqual({
            status: 1,
            stdout: '',
            stderr: [
                'journey: docs/README.md:14: wrote out/onboarding.svg',
                'journey: docs/README.md:23: wrote out/second.svg',
                'docs/README.md:26: no such file: missing.journey',
                'docs/README.md:31:18: The block ends inside stage `s` (opened on line 31): add the `}` that closes it.',
                'docs/README.md:29: the journey block has syntax errors; not drawn',
                'docs/README.md:34: no journey `third` in maps/two.journey; it has `first`, `second`',
                '',
            ].join('\n'),
        });
        expect(readdirSync(ws.path('out')).sort()).toEqual(['onboarding.svg', 'second.svg']);
        const onboarding = readFileSync(ws.path('out/onboarding.svg'), 'utf8');
        expect(onboarding).toContain('Olivia, Operations Manager');
        expect(readFileSync(ws.path('out/second.svg'), 'utf8')).toContain('Calls support');
    });

    it('--format png writes PNGs; two journeys of one name get -2', async () => {
        const ws = workspace({
            'doc.md': `\`\`\`journey\n${PERSONAS}${journeyText('same', 'One')}\`\`\`\n\n\`\`\`journey file=other.journey\n\`\`\`\n`,
            'other.journey': PERSONAS.replace('persona olivia', 'persona olivia2').replace(/channel email.*\n/, '') + journeyText('same', 'Two').replace('persona olivia', 'persona olivia2').replace(' channel email', ''),
        });
        expect(await journeyInProcess(['render', 'doc.md', '-o', 'pictures', '--format', 'png', '--scale', '1.5'], ws.root)).toEqual({
            status: 0, stdout: '',
            stderr: 'journey: doc.md:1: wrote pictures/same.png\njourney: doc.md:14: wrote pictures/same-2.png\n',
        });
        expect(PNG.sync.read(readFileSync(ws.path('pictures/same.png'))).width).toBeGreaterThan(100);
        expect(PNG.sync.read(readFileSync(ws.path('pictures/same-2.png'))).width).toBeGreaterThan(100);
    });

    it('a Markdown file without journey blocks: said, nothing written, exit 1', async () => {
        const ws = workspace({ 'notes.md': '# Notes\n\n```mermaid\njourney\n```\n' });
        expect(await journeyInProcess(['render', 'notes.md', '-o', 'out'], ws.root)).toEqual({
            status: 1, stdout: '', stderr: 'journey: notes.md has no ```journey block; nothing rendered.\n',
        });
        expect(readdirSync(ws.root)).toEqual(['notes.md']);
    });
});
