// Every text slot of the language, each filled with every payload of a corpus of cross-site scripting
// payloads (test/support/xss-payloads.ts), drawn the three ways a map is drawn and opened in real headless
// Chromium: (a) the standalone SVG (`journey render -o map.svg`; several journeys stacked as the webview's
// SVG export stacks them), (b) the self-contained HTML page (`renderHtml`) under its own CSP, loaded, and
// each journey's own page read by Chromium's HTML parser for its <title>, and (c) the VS Code webview's own
// script (webview/preview.ts, bundled from the sources) drawing the models it is posted, under the
// webview's CSP. No payload may run (a probe named by each (slot, payload) pair, and dialogs, are
// watched), no CSP may be violated, no element or attribute but the renderer's may appear, and every
// payload must be shown as text (or, for a name, as an attribute's value). The models are built in
// process with the language package; the names in them (which reach only attributes: data-id,
// data-from, …) are then replaced by payloads too, as a model posted to the webview could hold anything.
// The pairs are batched into few documents: 4 page loads in all.
// Needs Chromium: scripts/install-test-deps.sh (a missing browser fails the file, it is not skipped).
import { buildJourneyMapModels, createJourneyServices, type JourneyMapModel, type Model } from '@journey/language';
import { EmptyFileSystem, URI } from 'langium';
import { layoutJourneyMap, renderHtml, renderSvg, type Layout } from '@journey/preview';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../support/chromium.js';
import { journeyString, shownText, xssPayloads } from '../support/xss-payloads.js';
import { TODAY } from './preview-helper.js';

/** The journey map models of one file, as the server builds them; no checks (the models do not need them). */
async function buildModels(text: string): Promise<JourneyMapModel[]> {
    const { shared } = createJourneyServices({ ...EmptyFileSystem });
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('file:///ws/main.journey'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
    return buildJourneyMapModels(document.parseResult.value, TODAY);
}

const PAYLOADS = xssPayloads();
const COUNT = PAYLOADS.length;
/** Stages per journey of the big journey's parts. */
const CHUNK = 20;
const PARTS = Math.ceil(COUNT / CHUNK);

/**
 * The text slots: every STRING of the grammar (packages/language/src/journey.langium), and where a
 * declaration's label is drawn in more than one place, each place with declarations of its own.
 * `drawn: false`: the model carries the text but the map does not show it (persona details).
 */
const TEXT_SLOTS = [
    { key: 'team label (touchpoint owner)', drawn: true },
    { key: 'team label (opportunity owner)', drawn: true },
    { key: 'team label (plan owner)', drawn: true },
    { key: 'team label (journey owner)', drawn: true },
    { key: 'channel label', drawn: true },
    { key: 'metric label (KPI, plan target)', drawn: true },
    { key: 'source label (KPI source)', drawn: true },
    { key: 'source label (pain evidence)', drawn: true },
    { key: 'competitor label', drawn: true },
    { key: 'persona label', drawn: true },
    { key: 'persona description', drawn: false },
    { key: 'persona goal', drawn: false },
    { key: 'persona pain', drawn: false },
    { key: 'persona motivation', drawn: false },
    { key: 'need label', drawn: true },
    { key: 'journey label', drawn: true },
    { key: 'trigger', drawn: true },
    { key: 'stage label', drawn: true },
    { key: 'question', drawn: true },
    { key: 'touchpoint label (and moment of truth)', drawn: true },
    { key: 'action (does)', drawn: true },
    { key: 'thinks', drawn: true },
    { key: 'emotion label (feels)', drawn: true },
    { key: 'backstage', drawn: true },
    { key: 'pain label (touchpoint)', drawn: true },
    { key: 'pain label (stage)', drawn: true },
    { key: 'opportunity label (touchpoint)', drawn: true },
    { key: 'opportunity label (stage)', drawn: true },
    { key: 'flow step label', drawn: true },
    { key: 'unknown', drawn: true },
    { key: 'plan label', drawn: true },
] as const;

/** Names: only in attributes (ids), given payloads in a copy of the models; `phase` is an enumeration in the grammar. */
const ATTRIBUTE_SLOTS = [
    { key: 'journey name', prefix: 'j_' },
    { key: 'stage name', prefix: 's_' },
    { key: 'touchpoint name', prefix: 't_' },
    { key: 'pain name (touchpoint)', prefix: 'pt_' },
    { key: 'pain name (stage)', prefix: 'ps_' },
    { key: 'opportunity name (touchpoint)', prefix: 'ot_' },
    { key: 'opportunity name (stage)', prefix: 'os_' },
    { key: 'plan name', prefix: 'pl_' },
    { key: 'metric name', prefix: 'm_' },
    { key: 'need name', prefix: 'n_' },
    { key: 'stage phase', prefix: 'phase' },
] as const;

type TextSlot = (typeof TEXT_SLOTS)[number]['key'];
type AttributeSlot = (typeof ATTRIBUTE_SLOTS)[number]['key'];

interface Pair {
    slot: string;
    payload: string;
    /** The probe's number: slot * 1000 + payload. */
    n: number;
    text: string;
    drawn: boolean;
}

const pairs: Pair[] = [];
const byNumber = new Map<number, Pair>();

function pair(slots: readonly { key: string }[], offset: number, key: string, index: number, drawn: boolean): string {
    const slotIndex = slots.findIndex(slot => slot.key === key);
    const n = (offset + slotIndex) * 1000 + index;
    const text = PAYLOADS[index].text(n);
    if (!byNumber.has(n)) {
        const entry = { slot: key, payload: PAYLOADS[index].name, n, text, drawn };
        pairs.push(entry);
        byNumber.set(n, entry);
    }
    return text;
}

/** The payload `i` for a text slot, as a .journey string. */
function t(key: TextSlot, i: number): string {
    return journeyString(pair(TEXT_SLOTS, 10, key, i, TEXT_SLOTS.find(slot => slot.key === key)!.drawn));
}

/** The payload `i` for an attribute slot (the text itself). */
function a(key: AttributeSlot, i: number): string {
    return pair(ATTRIBUTE_SLOTS, 60, key, i, true);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * One file: shared declarations for every payload; one big journey with a stage per payload (each slot
 * of a stage, a touchpoint and the sections below the map); and a small journey per payload for the
 * slots a journey has once (label, trigger, owner).
 */
function hostileDocument(): string {
    const out: string[] = [];
    for (const i of range(COUNT)) {
        out.push(`team tt_${i} ${t('team label (touchpoint owner)', i)}`);
        out.push(`team to_${i} ${t('team label (opportunity owner)', i)}`);
        out.push(`team tp_${i} ${t('team label (plan owner)', i)}`);
        out.push(`team tj_${i} ${t('team label (journey owner)', i)}`);
        out.push(`channel ch_${i} ${t('channel label', i)} online`);
        out.push(`metric m_${i} ${t('metric label (KPI, plan target)', i)} percent`);
        out.push(`source sk_${i} ${t('source label (KPI source)', i)} survey`);
        out.push(`source se_${i} ${t('source label (pain evidence)', i)} interview`);
        out.push(`competitor c_${i} ${t('competitor label', i)}`);
        out.push(`persona p_${i} ${t('persona label', i)} {`);
        out.push(`    description ${t('persona description', i)}`);
        out.push(`    goal ${t('persona goal', i)}`);
        out.push(`    pain ${t('persona pain', i)}`);
        out.push(`    motivation ${t('persona motivation', i)}`);
        out.push(`    need n_${i} ${t('need label', i)} importance 5`);
        out.push('}');
    }
    // The big journey in parts of CHUNK stages: a map of hundreds of stages takes the layout (and the
    // language's checks) far longer than the same stages in a few maps.
    for (let from = 0; from < COUNT; from += CHUNK) {
        const part = range(Math.min(CHUNK, COUNT - from)).map(k => from + k);
        out.push(`journey big_${from} "Every slot, from ${from}" {`);
        out.push(`    persona ${part.map(i => `p_${i}`).join(', ')}`);
        for (const i of part) {
            out.push(`    stage s_${i} ${t('stage label', i)} {`);
            out.push('        phase pre-purchase');
            out.push(`        question ${t('question', i)}`);
            out.push(`        touchpoint t_${i} ${t('touchpoint label (and moment of truth)', i)} {`);
            out.push(`            channel ch_${i}`);
            out.push(`            owner tt_${i}`);
            out.push(`            action ${t('action (does)', i)}`);
            out.push(`            thinks ${t('thinks', i)}`);
            out.push(`            emotion ${(i % 7) - 3} ${t('emotion label (feels)', i)}`);
            out.push(`            serves n_${i}`);
            out.push(`            backstage ${t('backstage', i)}`);
            out.push(`            kpi m_${i} 50% target 60% source sk_${i}`);
            out.push('            moment of truth');
            out.push(`            pain pt_${i} ${t('pain label (touchpoint)', i)} severity 3 evidence se_${i}`);
            out.push(`            opportunity ot_${i} ${t('opportunity label (touchpoint)', i)} for pt_${i} owner to_${i}`);
            out.push('        }');
            out.push(`        pain ps_${i} ${t('pain label (stage)', i)}`);
            out.push(`        opportunity os_${i} ${t('opportunity label (stage)', i)} for ps_${i}`);
            out.push('    }');
        }
        // The flows in a stage of their own: a stage with a labelled flow is laid out by ELK (the others
        // are placed without it), and ELK takes about as long for one touchpoint as for twenty.
        out.push(`    stage flows_${from} "Flows" {`);
        out.push(`        touchpoint f_${from} "Start"`);
        for (const i of part) {
            out.push(`        touchpoint f_${i + 1} "Step"`);
        }
        out.push('    }');
        // A step's label names the step that ends at its touchpoint.
        out.push(`    flow f_${from} ${part.map(i => `-> f_${i + 1} ${t('flow step label', i)}`).join('\n        ')}`);
        for (const i of part) {
            out.push(`    unknown ${t('unknown', i)}`);
        }
        out.push('    valuegap {');
        for (const i of part) {
            out.push(`        n_${i} us 1 c_${i} 4`);
        }
        out.push('    }');
        for (const i of part) {
            out.push(`    plan pl_${i} ${t('plan label', i)} {`);
            out.push(`        addresses pt_${i}, ot_${i}`);
            out.push(`        owner tp_${i}`);
            out.push(`        target m_${i} 90%`);
            out.push('        status open');
            out.push('    }');
        }
        out.push('}');
    }
    for (const i of range(COUNT)) {
        out.push(`journey j_${i} ${t('journey label', i)} {`);
        out.push(`    persona p_${i}`);
        out.push(`    trigger ${t('trigger', i)}`);
        out.push(`    owner tj_${i}`);
        // The header names the journey it is the future of by its label: the journey label drawn once more.
        out.push(i > 0 ? `    state future of j_${i - 1}` : '    state current');
        out.push('}');
    }
    return `${out.join('\n')}\n`;
}

/**
 * A copy of the models whose names (and phases) are payloads, renamed everywhere they are referred to
 * (flows, pains' touchpoints, plans' addresses, …): our names look like `s_12`, no label or text does.
 */
function renamed(models: JourneyMapModel[]): JourneyMapModel[] {
    const names = new Map<string, string>();
    for (const slot of ATTRIBUTE_SLOTS) {
        if (slot.prefix !== 'phase') {
            for (const i of range(COUNT)) {
                names.set(`${slot.prefix}${i}`, a(slot.key, i));
            }
        }
    }
    let stageIndex = 0;
    const walk = (value: unknown, key?: string): unknown => {
        if (typeof value === 'string') {
            return key !== 'label' && key !== 'text' && key !== 'uri' ? names.get(value) ?? value : value;
        }
        if (Array.isArray(value)) {
            return value.map(item => walk(item, key));
        }
        if (value && typeof value === 'object') {
            const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
            if (key === 'stages' && 'phase' in copy && stageIndex < COUNT) {
                copy.phase = a('stage phase', stageIndex++);
            }
            return copy;
        }
        return value;
    };
    return models.map(model => walk(model) as JourneyMapModel);
}

/** Elements the renderer draws; anything else in a drawing came from a payload. */
const SVG_ELEMENTS = new Set(['svg', 'title', 'style', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'line', 'polyline', 'circle']);
const PAGE_ELEMENTS = new Set([...SVG_ELEMENTS, 'html', 'head', 'meta', 'body', 'main']);
/** Attributes no drawing has: handlers, URLs, inline style, focus. */
const FORBIDDEN_ATTRIBUTE = /^(on.*|href|xlink:href|src|srcset|srcdoc|style|action|formaction|background|autofocus|data|values|to|attributename)$/i;

/** What the page reports about one drawing, computed in the browser (given as text: tests compile without the DOM library). */
interface Findings {
    elements: number;
    strangeElements: string[];
    strangeAttributes: string[];
    journeys: number;
    text: string;
    attributes: string;
    titles: string[];
}

/** A function, as text, of `root` (an element or a document) giving Findings. */
const FINDINGS = `(root, pageElements) => {
    const svgElements = ${JSON.stringify([...SVG_ELEMENTS])};
    const allowed = new Set(pageElements ? ${JSON.stringify([...PAGE_ELEMENTS])} : svgElements);
    const forbidden = ${FORBIDDEN_ATTRIBUTE.toString()};
    const all = [...root.querySelectorAll('*')];
    const top = root.documentElement ?? root;
    const strangeElements = all.filter(e => !allowed.has(e.localName)).map(e => e.localName + ' in ' + (e.parentElement?.localName ?? '?'));
    const strangeAttributes = all.flatMap(e => [...e.attributes].filter(at => forbidden.test(at.name)).map(at => e.localName + ' @' + at.name));
    const attributes = all.flatMap(e => [...e.attributes].map(at => at.value)).join('\\u0001');
    return {
        elements: all.length, strangeElements, strangeAttributes,
        journeys: root.querySelectorAll('svg.journey').length,
        text: top.textContent, attributes,
        titles: root.title !== undefined ? [root.title] : [],
    };
}`;

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Where each probe number occurs in `haystack`: every pair's text holds its own number. */
function numberPositions(haystack: string): Map<number, number[]> {
    const positions = new Map<number, number[]>();
    for (const match of haystack.matchAll(/(?<![0-9])[0-9]{5}(?![0-9])/g)) {
        const n = Number(match[0]);
        positions.set(n, [...positions.get(n) ?? [], match.index]);
    }
    return positions;
}

/** Every pair whose text a drawing must show (text slots) or hold in an attribute (names), and no other. */
function expectShown(findings: Findings[], which: 'text' | 'attributes'): void {
    // Text is wrapped over lines (at spaces, or inside a word too long for one); an attribute holds the value whole.
    const normal = which === 'text' ? squeeze : (text: string) => text;
    const haystack = normal(findings.map(f => f[which]).join('\u0001'));
    const positions = numberPositions(haystack);
    const shown = (p: Pair) => {
        const wanted = normal(shownText(p.text));
        const at = wanted.indexOf(String(p.n));
        // (A payload that writes its number as character references is looked for the slow way.)
        return at < 0 ? haystack.includes(wanted) : (positions.get(p.n) ?? []).some(position => haystack.startsWith(wanted, position - at));
    };
    const wanted = pairs.filter(p => p.n >= 60_000 === (which === 'attributes'));
    const missing = wanted.filter(p => p.drawn && !shown(p));
    const unexpected = wanted.filter(p => !p.drawn && positions.has(p.n));
    expect(missing.map(p => `${p.slot} / ${p.payload} (${p.n}): ${JSON.stringify(p.text)}`).slice(0, 20)).toEqual([]);
    expect(unexpected.map(p => `${p.slot} / ${p.payload}`).slice(0, 20), 'slots the map does not draw').toEqual([]);
}

function expectClean(findings: Findings[], journeys: number, pageElements: boolean): void {
    expect(findings.flatMap(f => f.strangeElements).slice(0, 20)).toEqual([]);
    expect(findings.flatMap(f => f.strangeAttributes).slice(0, 20)).toEqual([]);
    expect(findings.reduce((sum, f) => sum + f.journeys, 0)).toBe(journeys);
    expect(findings.every(f => f.elements > (pageElements ? 20 : 10))).toBe(true);
}

// ---- The browser -----------------------------------------------------------------------------------

let browser: Promise<HeadlessChromium> | undefined;
const chromium = (): Promise<HeadlessChromium> => browser ??= launchChromium({ width: 1200, height: 800 });
let outDir: string;
let pageLoads = 0;

interface Watched {
    page: Page;
    /** Probe calls and dialogs, named by their pair. */
    ran: string[];
    csp: string[];
    problems: string[];
}

function describeRun(what: string, n: unknown): string {
    const p = byNumber.get(Number(n));
    return p ? `${what}: ${p.slot} / ${p.payload} (${p.n}) ${JSON.stringify(p.text)}` : `${what}: ${String(n)}`;
}

/** A new tab with the probe bound in every frame, dialogs and CSP violations recorded, and the page's errors. */
async function watchedPage(): Promise<Watched> {
    const page = await (await chromium()).context.newPage();
    const watched: Watched = { page, ran: [], csp: [], problems: [] };
    await page.exposeBinding('__xss', (_source, n: unknown) => { watched.ran.push(describeRun('probe', n)); });
    await page.exposeBinding('__cspViolation', (_source, text: unknown) => { watched.csp.push(String(text)); });
    page.on('dialog', dialog => {
        watched.ran.push(describeRun(`${dialog.type()} dialog`, dialog.message()));
        void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', error => watched.problems.push(`pageerror: ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') {
            watched.problems.push(`console.error: ${message.text()}`);
        }
    });
    // Injected by the browser into every frame, outside the page's CSP.
    await page.addInitScript({ content: `document.addEventListener('securitypolicyviolation', event => window.__cspViolation(
        event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));` });
    return watched;
}

async function poll(page: Page, condition: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!await page.evaluate<boolean>(condition)) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${condition}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

/** Gives the page a moment for anything asynchronous (onload, onerror, autofocus, animations) to run. */
async function settle(page: Page): Promise<void> {
    await page.evaluate('new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150))))');
}

/** The webview's script (webview/preview.ts), bundled from the sources as scripts/bundle-vscode.mjs bundles it. */
async function bundleWebview(): Promise<string> {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const bundle = await build({
        entryPoints: [path.join(root, 'packages/vscode/webview/preview.ts')],
        bundle: true, write: false, platform: 'browser', format: 'iife', target: 'chrome120', logLevel: 'silent',
        mainFields: ['module', 'main'],
        alias: {
            '@journey/preview/browser': path.join(root, 'packages/preview/src/browser/index.ts'),
            '@journey/preview': path.join(root, 'packages/preview/src/index.ts'),
            '@journey/language/number-format': path.join(root, 'packages/language/src/model/number-format.ts'),
        },
    });
    return bundle.outputFiles[0].text;
}

interface WebviewResult {
    findings: Findings;
    ran: string[];
    violations: string[];
    problems: string[];
    /** What the script reported (`{ type: 'error' }`). */
    errors: unknown[];
}

/**
 * The page JourneyPreviewPanel.html() writes (its CSP, with the file: folder for the webview's resources),
 * with a stand-in for VS Code's API; posts it the models as the extension does (`update`) and waits until
 * it says it drew them. Started before the models are laid out here: the browser draws meanwhile.
 */
async function drawInWebview(script: Promise<string>, journeys: JourneyMapModel[]): Promise<WebviewResult> {
    writeFileSync(path.join(outDir, 'preview.js'), await script);
    const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
    const csp = [`default-src 'none'`, `img-src file: data: blob:`, `style-src file: 'nonce-${nonce}'`, `font-src file:`,
        `script-src 'nonce-${nonce}'`, `connect-src file:`, `worker-src blob:`].join('; ');
    writeFileSync(path.join(outDir, 'webview.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Preview main.journey</title></head>
<body data-uri="file:///ws/main.journey">
<div id="toolbar"><button id="zoom-out">-</button><span id="zoom-level">100%</span><button id="zoom-in">+</button>
<button id="zoom-fit">Fit</button><button id="zoom-reset">1:1</button><select id="stage-index" hidden><option value="">Stages…</option></select><span id="status"></span></div>
<div id="viewport" tabindex="0"><div id="canvas"></div></div>
<script nonce="${nonce}">window.__posted = []; window.acquireVsCodeApi = () => ({
    postMessage: message => window.__posted.push(message), getState: () => undefined, setState: () => undefined });</script>
<script nonce="${nonce}" src="preview.js"></script>
</body></html>`);
    const { page, ran, csp: violations, problems } = await watchedPage();
    try {
        await page.goto(pathToFileURL(path.join(outDir, 'webview.html')).href, { waitUntil: 'load' });
        pageLoads++;
        // Polled from here: waitForFunction evaluates its predicate with eval, which the webview's CSP refuses.
        await poll(page, `window.__posted.some(m => m.type === 'ready')`);
        await page.evaluate(posted => (globalThis as unknown as { postMessage(message: unknown, origin: string): void }).postMessage({
            type: 'update', uri: 'file:///ws/main.journey', fileName: 'main.journey', version: 1, journeys: posted, baselines: [], hasSyntaxErrors: false, theme: 'light',
        }, '*'), journeys);
        await poll(page, `window.__posted.some(m => m.type === 'rendered' || m.type === 'error')`);
        await settle(page);
        return {
            findings: await page.evaluate<Findings>(`(${FINDINGS})(document.getElementById('canvas'), false)`),
            ran, violations, problems,
            errors: await page.evaluate<unknown[]>(`window.__posted.filter(m => m.type === 'error')`),
        };
    } finally {
        await page.close();
    }
}

// ---- The drawings --------------------------------------------------------------------------------

let models: JourneyMapModel[];
let layouts: Layout[];
let source: string;

let webview: Promise<WebviewResult>;

beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'journey-xss-'));
    // Chromium starts and esbuild bundles (processes of their own) while the models are built.
    void chromium().catch(() => undefined);
    const script = bundleWebview();
    script.catch(() => undefined);
    source = hostileDocument();
    const built = await buildModels(source);
    expect(built.map(m => m.name)).toEqual([...range(PARTS).map(k => `big_${k * CHUNK}`), ...range(COUNT).map(i => `j_${i}`)]);
    // Names are only ever in attributes: the drawn copy has payloads there too (and the same labels and texts).
    models = renamed(built);
    webview = drawInWebview(script, models);
    webview.catch(() => undefined); // awaited by its test
    layouts = await Promise.all(models.map(model => layoutJourneyMap(model)));
}, 120_000);

afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close();
    rmSync(outDir, { recursive: true, force: true });
    console.log(`xss: ${TEXT_SLOTS.length} text slots + ${ATTRIBUTE_SLOTS.length} attribute slots, ${COUNT} payloads, `
        + `${pairs.length} (slot, payload) pairs, ${pageLoads} page loads`);
});

describe(`${COUNT} XSS payloads in each of ${TEXT_SLOTS.length} text slots and ${ATTRIBUTE_SLOTS.length} attribute slots, in Chromium`, () => {
    it('the corpus: distinct payloads, every pair once, every text slot of the grammar', () => {
        expect(COUNT).toBeGreaterThanOrEqual(200);
        expect(new Set(PAYLOADS.map(p => p.text(0))).size).toBe(COUNT);
        expect(pairs).toHaveLength((TEXT_SLOTS.length + ATTRIBUTE_SLOTS.length) * COUNT);
        expect(new Set(pairs.map(p => p.text)).size).toBe(pairs.length);
        // Every text of the source is a payload: no slot was written plain by mistake.
        expect(source.match(/"(\\[\s\S]|[^"\\])*"/g)!.length).toBe(TEXT_SLOTS.length * COUNT + PARTS * 3 + COUNT);
    });

    it('the watch works: payloads let through as markup call the probe or open a dialog, and are named', async () => {
        const { page, ran } = await watchedPage();
        try {
            // Markup as the corpus writes it, let through into a page without a CSP: the probe and a dialog.
            const markup = '<img src=x onerror=top.__xss(99001)><img src=y onerror=alert(99002)>';
            await page.evaluate(html => { (globalThis as unknown as { document: { body: { innerHTML: string } } }).document.body.innerHTML = html; }, markup);
            await expect.poll(() => ran.length).toBe(2);
            expect(ran.sort()).toEqual(['alert dialog: 99002', 'probe: 99001']);
        } finally {
            await page.close();
        }
    });

    it('(a) the standalone SVG: every journey as `journey render` writes it, stacked in one SVG file', async () => {
        // As the webview's SVG export stacks the journeys of a file: each one's SVG as it is, nested.
        const svgs = layouts.map(layout => renderSvg(layout).trimEnd());
        let y = 0;
        const nested = layouts.map((layout, index) => {
            const placed = svgs[index].replace('<svg ', `<svg x="0" y="${y}" `);
            y += layout.height + 40;
            return placed;
        });
        const width = Math.max(...layouts.map(layout => layout.width));
        const file = path.join(outDir, 'maps.svg');
        writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}">\n${nested.join('\n')}\n</svg>\n`);
        const { page, ran, problems } = await watchedPage();
        try {
            await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
            pageLoads++;
            await settle(page);
            const findings = await page.evaluate<Findings>(`(${FINDINGS})(document, false)`);
            expect(ran).toEqual([]);
            expect(problems).toEqual([]);
            // The outer <svg> is the file's own, the only one not drawn by the renderer.
            expect(findings.strangeElements).toEqual([]);
            expectClean([findings], layouts.length, false);
            expectShown([findings], 'text');
            expectShown([findings], 'attributes');
        } finally {
            await page.close();
        }
    });

    it('(b) the HTML pages, under their CSP: the big journey\'s, and the others in one page as the HTML export writes a file of several', async () => {
        const big = layouts.slice(0, PARTS);
        const others = layouts.slice(PARTS);
        // The webview's HTML export of a file of several journeys: the first one's page, the others' SVGs added to it.
        const several = (group: Layout[]) => renderHtml(group[0]).replace('</main>', `${group.slice(1).map(layout => renderSvg(layout).trimEnd()).join('\n')}\n</main>`);
        const findings: Findings[] = [];
        for (const [name, html] of [['big.html', several(big)], ['several.html', several(others)]]) {
            const file = path.join(outDir, name);
            writeFileSync(file, html);
            const { page, ran, csp, problems } = await watchedPage();
            try {
                await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
                pageLoads++;
                await settle(page);
                findings.push(await page.evaluate<Findings>(`(${FINDINGS})(document, true)`));
                expect(ran).toEqual([]);
                expect(csp).toEqual([]);
                expect(problems).toEqual([]);
            } finally {
                await page.close();
            }
        }
        expectClean(findings, layouts.length, true);
        expectShown(findings, 'text');
        expectShown(findings, 'attributes');

        // Each journey's own page, read by Chromium's HTML parser (DOMParser: nothing runs, nothing loads): its
        // <title> is the journey's label, whole, and it holds only the renderer's elements and attributes.
        const { page } = await watchedPage();
        try {
            const pages = others.map(layout => renderHtml(layout));
            await page.evaluate(`window.__parsePages = pages => pages.map(html => (${FINDINGS})(new DOMParser().parseFromString(html, 'text/html'), true))`);
            const parsed = await page.evaluate(all => (globalThis as unknown as { __parsePages(pages: string[]): Findings[] }).__parsePages(all), pages);
            expectClean(parsed, others.length, true);
            const titles = new Set(parsed.map(f => squeeze(f.titles[0] ?? '')));
            const labels = pairs.filter(p => p.slot === 'journey label').map(p => squeeze(shownText(p.text)));
            expect(labels.filter(label => !titles.has(label)).slice(0, 10)).toEqual([]);
        } finally {
            await page.close();
        }
    });

    it('(c) the VS Code webview: its script, bundled from the sources, draws the posted models under its CSP', async () => {
        const { findings, ran, violations, problems, errors } = await webview;
        expect(errors).toEqual([]);
        expect(ran).toEqual([]);
        expect(violations).toEqual([]);
        expect(problems).toEqual([]);
        expectClean([findings], layouts.length, false);
        expectShown([findings], 'text');
        expectShown([findings], 'attributes');
    });
});
