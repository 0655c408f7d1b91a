// The markdown-it plugin: ```journey fences shown as their maps, with real markdown-it and the
// pictures the CLI draws for VS Code's Markdown preview (markdownBlockPictures).
import { Window } from 'happy-dom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { journeyBlocks, type JourneyBlock } from '@journey/interchange';
import { journeyFences, type BlockPictures } from '@journey/markdown-it';
import { markdownBlockPictures } from '../../packages/cli/src/markdown-pictures.js';
import { scratchWorkspaces } from '../support/journey-process.js';
import { HOSTILE, SCRIPT } from '../preview/preview-helper.js';

const workspace = scratchWorkspaces();

const PERSONA = 'persona pat "Pat" {\n}\n';
const JOURNEY = 'journey visit "A first visit" {\n    persona pat\n    stage arrive "Arrive" {\n        touchpoint door "Finds the door" { emotion 2 "Pleased" }\n    }\n}\n';

const DOC = `# Maps

\`\`\`js
const journey = 1;
\`\`\`

\`\`\`journey
${PERSONA}\`\`\`

- a list, and in it:

  \`\`\`journey title="Visit"
  ${JOURNEY.replace(/\n(?=.)/g, '\n  ')}  \`\`\`

~~~journey file=maps/renewal.journey journey=renewal
~~~
`;

function rendered(markdown: string, pictures: (blocks: readonly JourneyBlock[]) => readonly BlockPictures[] | undefined): { html: string; asked: JourneyBlock[][] } {
    const asked: JourneyBlock[][] = [];
    const md = new MarkdownIt().use(journeyFences, { pictures: (blocks: readonly JourneyBlock[]) => { asked.push([...blocks]); return pictures(blocks); } });
    return { html: md.render(markdown), asked };
}

describe('journeyFences', () => {
    it('asks for the pictures of every journey block, read as `journey render DOC.md` reads them', () => {
        const { asked } = rendered(DOC, () => undefined);
        expect(asked).toHaveLength(3); // once per journey fence, each time with all of them
        expect(asked[0]).toEqual(journeyBlocks(DOC));
        expect(asked[0].map(block => [block.line, block.file, block.journey])).toEqual([[8, undefined, undefined], [15, undefined, undefined], [24, 'maps/renewal.journey', 'renewal']]);
        expect(asked[0][1].text).toBe(JOURNEY.trimEnd());
    });

    it('shows "Drawing…" until the pictures are there, and leaves other fences to markdown-it', () => {
        const { html } = rendered(DOC, () => undefined);
        expect(html.match(/class="journey-map-pending"/g)).toHaveLength(3);
        expect(html).toContain('<pre><code class="language-js">const journey = 1;\n</code></pre>');
    });

    it('shows each block\'s maps in figures, and what keeps a block from being drawn, escaped', () => {
        const { html } = rendered(DOC, blocks => blocks.map((block, index) => index === 1
            ? { maps: [{ name: 'visit', title: 'A first visit', svg: '<svg xmlns="http://www.w3.org/2000/svg"><title>A first visit</title></svg>' }], problems: [] }
            : { maps: [], problems: index === 2 ? [{ line: 21, message: `no such file: ${SCRIPT}` }] : [] }));
        expect(html).toContain('<figure class="journey-map" data-journey="visit">\n<svg xmlns="http://www.w3.org/2000/svg"><title>A first visit</title></svg>\n</figure>');
        expect(html).toContain('<li>line 21: no such file: &#60;script&#62;alert(1)&#60;/script&#62;</li>');
        expect(html).not.toContain(SCRIPT);
        expect(html).not.toContain('persona pat'); // a block of declarations shows nothing
    });
});

describe('markdownBlockPictures (what VS Code\'s Markdown preview shows)', () => {
    it('draws inline blocks as one workspace and file= blocks from their file, as SVG styled by attributes only', async () => {
        const ws = workspace({ 'docs/maps.md': DOC, 'docs/maps/renewal.journey': `${PERSONA}${JOURNEY.replace('journey visit', 'journey renewal')}` });
        const pictures = await markdownBlockPictures(ws.path('docs/maps.md'), journeyBlocks(DOC), { theme: 'dark' });
        expect(pictures.map(block => block.maps.map(map => map.name))).toEqual([[], ['visit'], ['renewal']]);
        expect(pictures.flatMap(block => block.problems)).toEqual([]);
        const svg = pictures[1].maps[0].svg;
        expect(svg).toContain('Pat'); // the persona of the first block
        expect(svg).not.toMatch(/<style|\sstyle=|<script|\son\w+=|javascript:/i);
        expect(svg).toMatch(/<rect[^>]* fill="#1e1e1e"/); // the dark theme's background, as an attribute
    });

    it('keeps hostile text escaped and adds nothing that runs or restyles', async () => {
        const markdown = `\`\`\`journey\n${HOSTILE}\`\`\`\n`;
        const ws = workspace({ 'doc.md': markdown });
        const pictures = await markdownBlockPictures(ws.path('doc.md'), journeyBlocks(markdown), { theme: 'light' });
        expect(pictures[0].problems).toEqual([]);
        const { html } = rendered(markdown, () => pictures);
        expect(html).not.toContain(SCRIPT);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        // Parsed as a browser parses it: nothing that runs, loads or restyles, whatever the CSP.
        const window = new Window();
        window.document.body.innerHTML = html;
        const elements = [...window.document.body.querySelectorAll('*')];
        expect(elements.length).toBeGreaterThan(100);
        expect(window.document.querySelectorAll('figure.journey-map svg')).toHaveLength(1);
        expect(new Set(elements.map(element => element.localName).filter(name => ['script', 'style', 'iframe', 'object', 'foreignobject', 'image', 'a', 'use'].includes(name)))).toEqual(new Set());
        const attributes = elements.flatMap(element => [...element.attributes].map(attribute => attribute.name));
        expect(attributes.filter(name => /^on|^style$|href$/i.test(name))).toEqual([]);
        await window.happyDOM.close();
    });

    it('says a block\'s syntax errors with their lines in the Markdown file', async () => {
        const markdown = '# Doc\n\n```journey\njourney broken "Broken" {\n    stage s "S" {\n```\n';
        const ws = workspace({ 'doc.md': markdown });
        const [pictures] = await markdownBlockPictures(ws.path('doc.md'), journeyBlocks(markdown), { theme: 'light' });
        expect(pictures.maps).toEqual([]);
        expect(pictures.problems).toEqual([
            { line: 5, column: 18, message: 'The block ends inside stage `s` (opened on line 5): add the `}` that closes it.' },
            { line: 3, message: 'the journey block has syntax errors; not drawn' },
        ]);
    });
});
