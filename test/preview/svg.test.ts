import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import {
    buildViewModel, escapeAttribute, escapeXml, layoutJourney, renderHtml, renderJourneyHtml, renderJourneySvg, renderSvg, StageLayoutCache,
    STYLE_HASHES, viewElements, wrapText, textWidth
} from '@journey/preview';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateJourney } from '../../bench/generate-journey.mjs';
import { ATTRIBUTE, exampleJourneys, HOSTILE, modelOf, ONE_TOUCHPOINT, SCRIPT } from './preview-helper.js';

/** Parses XML strictly: any warning or error of the parser fails the test. */
function parseXml(text: string, mimeType: 'image/svg+xml' | 'text/html' = 'image/svg+xml'): Document {
    const problems: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { problems.push(`${level}: ${message}`); } }).parseFromString(text, mimeType);
    expect(problems).toEqual([]);
    return document;
}

function allElements(document: Document): Element[] {
    const result: Element[] = [];
    const walk = (node: Element) => {
        result.push(node);
        for (let child = node.firstChild; child; child = child.nextSibling) {
            if (child.nodeType === 1) {
                walk(child as Element);
            }
        }
    };
    walk(document.documentElement!);
    return result;
}

describe('SVG', () => {
    it('is well-formed XML with a data-id on the group of every element of the view model', async () => {
        for (const { model } of await exampleJourneys()) {
            const view = buildViewModel(model);
            const svg = renderSvg(await layoutJourney(view));
            const document = parseXml(svg);
            expect(document.documentElement!.tagName).toBe('svg');
            expect(document.documentElement!.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
            const ids = allElements(document).map(e => e.getAttribute('data-id')).filter((id): id is string => Boolean(id));
            for (const element of viewElements(view)) {
                expect(ids.filter(id => id === element.id), `${element.id} drawn once`).toHaveLength(1);
            }
            expect(document.getElementsByTagName('text').length).toBeGreaterThan(50);
            expect(svg).not.toMatch(/<path[^>]*d="M[^"]*"[^>]*class="journey-text/);
        }
    });

    it('is deterministic: the same model gives the same bytes, with or without a warm cache', async () => {
        const journeys = await exampleJourneys();
        const { model } = journeys.find(j => j.model.name === 'fleet_renewal')!;
        const first = await renderJourneySvg(model, { cache: new StageLayoutCache() });
        const cache = new StageLayoutCache();
        expect(await renderJourneySvg(structuredClone(model), { cache })).toBe(first);
        expect(await renderJourneySvg(model, { cache })).toBe(first);
        expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T|Math\.random|NaN|undefined|\[object/);
    });

    it('escapes every string of the document: script and attribute payloads appear only as text', async () => {
        const model = await modelOf(HOSTILE);
        for (const theme of ['light', 'dark'] as const) {
            const svg = await renderJourneySvg(model, { theme });
            expect(svg.toLowerCase()).not.toContain('<script');
            expect(svg).not.toMatch(/\sonload="/i);
            expect(svg).toContain(escapeXml(SCRIPT));
            expect(svg).toContain(escapeXml(ATTRIBUTE));
            const document = parseXml(svg);
            const elements = allElements(document);
            expect(elements.filter(e => e.tagName.toLowerCase() === 'script')).toEqual([]);
            for (const element of elements) {
                for (let i = 0; i < element.attributes.length; i++) {
                    const attribute = element.attributes.item(i)!;
                    expect(attribute.name.toLowerCase().startsWith('on'), `${element.tagName} @${attribute.name}`).toBe(false);
                    expect(attribute.name, 'no style attributes (a CSP would drop them)').not.toBe('style');
                }
            }
            // The full labels are in the tooltips of their elements, unchanged.
            const titles = [...document.getElementsByTagName('title')].map(t => t.textContent);
            expect(titles.some(t => t?.includes(SCRIPT))).toBe(true);
            expect(titles.some(t => t?.includes(ATTRIBUTE))).toBe(true);
        }
    });

    it('replaces characters XML does not allow', () => {
        expect(escapeXml('a\u0000b\u001fc\uD800d&<>"\'')).toBe('a\uFFFDb\uFFFDc\uFFFDd&amp;&lt;&gt;&quot;&#39;');
        expect(escapeXml('emoji 😀 stays')).toBe('emoji 😀 stays');
    });

    it('keeps tabs and line breaks of attribute values, which an XML parser would read as spaces', async () => {
        expect(escapeAttribute('a\tb\nc\rd "e" <f>\u0000')).toBe('a&#9;b&#10;c&#13;d &quot;e&quot; &lt;f&gt;\uFFFD');
        expect(escapeAttribute('plain')).toBe('plain');
        // Names only reach attributes (ids); a model posted to the webview may hold anything in them.
        const model = structuredClone(await modelOf(ONE_TOUCHPOINT));
        model.stages[0].touchpoints[0].name = 'x\ty\nz" onload="alert(1)';
        const svg = renderSvg(await layoutJourney(buildViewModel(model)));
        const ids = allElements(parseXml(svg)).map(e => e.getAttribute('data-id'));
        expect(ids).toContain('tp:tiny:x\ty\nz" onload="alert(1)');
        expect(svg).not.toMatch(/\sonload="/);
    });

    it('has light and dark themes and --journey-* custom properties a host can override', async () => {
        const { model } = (await exampleJourneys()).find(j => j.model.name === 'renewal')!;
        const light = await renderJourneySvg(model);
        const dark = await renderJourneySvg(model, { theme: 'dark' });
        expect(light).toContain('data-theme="light"');
        expect(dark).toContain('data-theme="dark"');
        for (const name of ['background', 'foreground', 'muted', 'border', 'good', 'bad', 'warn', 'edge', 'back-edge', 'accent']) {
            expect(light).toContain(`--journey-${name}:`);
            expect(light).toContain(`var(--journey-${name})`);
        }
        expect(light).toContain(':where(svg.journey)');
        expect(light).toContain(':where(svg.journey[data-theme="dark"])');
        expect(light.match(/<style/g)).toHaveLength(1);
    });

    it('does not rest on colour alone: text marks for pains, KPIs, moments, overdue plans, gaps and loops back', async () => {
        const { model } = (await exampleJourneys()).find(j => j.model.name === 'renewal')!;
        const svg = await renderJourneySvg(model);
        expect(svg).toContain('▲ Severity 4/5');
        expect(svg).toContain('✗ Off target');
        expect(svg).toContain('★ Moment of truth');
        expect(svg).toContain('▲ Behind by 2 × importance 5 = 10');
        expect(svg).toMatch(/class="journey-edge journey-edge-back" data-id="flow:renewal:pricing_page-&gt;renewal_quote"/);
        expect(svg).toContain('marker-end="url(#journey-renewal-arrow-back)"');
        const fleet = await renderJourneySvg((await exampleJourneys()).find(j => j.model.name === 'fleet_renewal')!.model);
        expect(fleet).toContain('✓ On target');
        const overdue = await renderJourneySvg(await modelOf(HOSTILE));
        expect(overdue).toContain('⚠ Overdue');
    });

    it('draws the emotion curve through every score on a -3..+3 axis with a zero line and the labels', async () => {
        const { model } = (await exampleJourneys()).find(j => j.model.name === 'renewal')!;
        const layout = await layoutJourney(buildViewModel(model));
        const document = parseXml(renderSvg(layout));
        const curve = [...document.getElementsByTagName('polyline')].find(p => p.getAttribute('class') === 'journey-curve')!;
        const points = curve.getAttribute('points')!.split(' ').map(pair => pair.split(',').map(Number));
        expect(points).toHaveLength(3);
        const zero = [...document.getElementsByTagName('line')].find(l => l.getAttribute('class') === 'journey-zero')!;
        const zeroY = Number(zero.getAttribute('y1'));
        const unit = layout.emotion!.unit;
        expect(points.map(([, y]) => Math.round((zeroY - y) / unit))).toEqual([-2, -1, 1]);
        const texts = [...document.getElementsByTagName('text')].map(t => t.textContent);
        expect(texts).toEqual(expect.arrayContaining(['−2 Frustrated', '+1', '+3', '0', '−3']));
        expect(texts.some(t => t?.startsWith('−1 Confused'))).toBe(true);
    });

    it('renders a map of one stage and one touchpoint, and a generated map of 500 touchpoints', async () => {
        const tiny = parseXml(await renderJourneySvg(await modelOf(ONE_TOUCHPOINT)));
        expect([...tiny.getElementsByTagName('g')].filter(g => g.getAttribute('data-id') === 'tp:tiny:hello')).toHaveLength(1);
        const generated = generateJourney({ stages: 40, touchpoints: 500 });
        const big = parseXml(await renderJourneySvg(await modelOf(generated.text), { cache: new StageLayoutCache() }));
        const nodes = [...big.getElementsByTagName('g')].filter(g => g.getAttribute('class')?.split(' ').includes('journey-node'));
        expect(nodes).toHaveLength(500);
    }, 120_000);
});

describe('HTML page', () => {
    it('is self-contained: CSP allowing its two stylesheets by hash, no script, nothing loaded from elsewhere', async () => {
        const model = await modelOf(HOSTILE);
        const html = await renderJourneyHtml(model, { theme: 'dark' });
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
        // Exactly the hashes of the page's own <style> elements, plain (no attributes, no nonce).
        const styles = [...html.matchAll(/<style([^>]*)>([^<]*)<\/style>/g)];
        expect(styles.map(match => match[1])).toEqual(['', '']);
        expect(csp).toBe(`default-src 'none'; style-src ${styles.map(match => `'${cspHash(match[2])}'`).join(' ')}; img-src data:`);
        expect(html).not.toContain('nonce');
        expect(html.toLowerCase()).not.toContain('<script');
        expect(html).not.toMatch(/\son[a-z]+="/i);
        expect(html).not.toMatch(/\sstyle=/);
        expect(html).not.toMatch(/(?:src|href)=/);
        expect([...html.matchAll(/url\(([^)]*)\)/g)].every(match => match[1].startsWith('#'))).toBe(true);
        expect([...html.matchAll(/https?:\/\/[^\s"']+/g)].map(match => match[0])).toEqual(['http://www.w3.org/2000/svg']);
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
        expect(html).toContain(`<title>${escapeXml(`${SCRIPT} & ${ATTRIBUTE}`)}</title>`);
        // The inline SVG is still well-formed XML.
        parseXml(html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length));
    });

    it('is deterministic, and its CSP hashes are those of its stylesheets in both themes', async () => {
        const { model } = (await exampleJourneys()).find(j => j.model.name === 'renewal')!;
        const layout = await layoutJourney(buildViewModel(model));
        const first = renderHtml(layout);
        expect(renderHtml(layout)).toBe(first);
        for (const theme of ['light', 'dark'] as const) {
            const html = renderHtml(layout, { theme });
            const [page, map] = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map(match => cspHash(match[1]));
            // When a stylesheet (or a theme's colours) changes, STYLE_HASHES in html.ts takes the new value.
            expect({ theme, page, map }).toEqual({ theme, page: STYLE_HASHES.page[theme], map: STYLE_HASHES.map });
        }
    });
});

/** A CSP hash source of a style element's text: 'sha256-' and the base64 SHA-256 of its UTF-8 bytes. */
function cspHash(text: string): string {
    return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

describe('helpers', () => {
    it('wraps text to a width, breaking long words, keeping explicit line breaks', () => {
        const font = { size: 12 };
        const lines = wrapText('A journey map shows what a customer does, thinks and feels at every touchpoint', 120, font);
        expect(lines.length).toBeGreaterThan(2);
        expect(lines.join(' ')).toBe('A journey map shows what a customer does, thinks and feels at every touchpoint');
        for (const line of lines) {
            expect(textWidth(line, font)).toBeLessThanOrEqual(120);
        }
        const long = wrapText('x'.repeat(100), 60, font);
        expect(long.join('')).toBe('x'.repeat(100));
        expect(long.every(line => textWidth(line, font) <= 60)).toBe(true);
        expect(wrapText('one\ntwo', 500, font)).toEqual(['one', 'two']);
        expect(textWidth('WWW', font)).toBeGreaterThan(textWidth('iii', font));
        expect(textWidth('漢字', font)).toBeGreaterThan(textWidth('ab', font));
    });
});
