// The exports of `journey render` opened in real headless Chromium: the HTML page under its own Content
// Security Policy, and the SVG file on its own. They must render (a screenshot with a map on it), log no
// error, violate no policy, and show hostile labels as text without running them.
// Needs Chromium: scripts/install-test-deps.sh (a missing browser fails the file, it is not skipped).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInk, launchChromium, type HeadlessChromium } from '../support/chromium.js';
import { runJourney, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

const SCRIPT_LABEL = '<script>window.__pwned=1</script>';
const ATTRIBUTE_LABEL = '" onload="window.__pwned=2';

/** A journey whose labels try to break out of the markup; `"` is written `\"` in a .journey string. */
const HOSTILE = `journey hostile "Hostile labels" {
    stage s "Stage" {
        touchpoint script_label "${SCRIPT_LABEL}" { emotion 1 "Fine" }
        touchpoint attribute_label "${ATTRIBUTE_LABEL.replaceAll('"', '\\"')}" { emotion -1 "<img src=x onerror=window.__pwned=3>" }
    }
}
`;

const RENEWAL_TOUCHPOINTS = {
    'tp:renewal:renewal_quote': 'Renewal quote arrives',
    'tp:renewal:pricing_page': 'Visits the pricing page',
    'tp:renewal:kickoff': 'Kick-off workshop',
};
const HOSTILE_TOUCHPOINTS = {
    'tp:hostile:script_label': SCRIPT_LABEL,
    'tp:hostile:attribute_label': ATTRIBUTE_LABEL,
};

let outDir: string;
beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'journey-browser-'));
});

/** Started by the first test that needs it, so that without Chromium every test fails with the reason. */
let browser: Promise<HeadlessChromium> | undefined;
const chromium = (): Promise<HeadlessChromium> => browser ??= launchChromium();

afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close();
    rmSync(outDir, { recursive: true, force: true });
});

/** `journey render FILE -o OUT` as a process; returns OUT. */
function render(file: string, out: string, cwd?: string): string {
    const run = runJourney(['render', file, '-o', out, '--today', '2026-11-23'], cwd);
    expect(run, run.stderr).toMatchObject({ status: 0, stdout: '', stderr: '' });
    return out;
}

interface Opened {
    page: Page;
    /** Console errors, uncaught exceptions and CSP violations, in the order they came. */
    problems: string[];
    cspViolations(): Promise<string[]>;
}

/** Opens a file in a new tab, recording every error and every Content Security Policy violation. */
async function open(file: string): Promise<Opened> {
    const page = await (await chromium()).context.newPage();
    const problems: string[] = [];
    page.on('console', message => {
        if (message.type() === 'error' || message.type() === 'warning') {
            problems.push(`console.${message.type()}: ${message.text()}`);
        }
    });
    page.on('pageerror', error => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', request => problems.push(`request failed: ${request.url()}`));
    // Init scripts are injected by the browser itself, so the page's own CSP does not stop this one.
    // (Browser-side code is given as text: the tests are type-checked without the DOM library.)
    await page.addInitScript({ content: `
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
            event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));
    ` });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return {
        page,
        problems,
        cspViolations: () => page.evaluate<string[]>(`[...(window.__cspViolations ?? ['listener missing'])]`),
    };
}

/** A screenshot of the map, decoded: it must hold a map, not a blank (or nearly blank) canvas. */
async function expectMapVisible(page: Page, selector: string): Promise<void> {
    const map = page.locator(selector).first();
    expect(await map.isVisible()).toBe(true);
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(200);
    const shot = countInk(await map.screenshot());
    expect(shot.width).toBe(Math.round(box!.width));
    // Text, cards, bands and rules: a rendered map inks several percent of its area; a blank page none.
    expect(shot.ink).toBeGreaterThan(5_000);
    expect(shot.ink / (shot.width * shot.height)).toBeGreaterThan(0.02);
}

/** Each touchpoint's label is DOM text: whole on its tooltip's first line, and on the card (wrapped over lines). */
async function expectLabels(page: Page, labels: Record<string, string>): Promise<void> {
    for (const [id, label] of Object.entries(labels)) {
        const card = page.locator(`[data-id="${id}"]`);
        expect(await card.count(), id).toBe(1);
        expect((await card.locator('> title').textContent())!.split('\n')[0]).toBe(label);
        const lines = await card.locator('> text').allTextContents();
        expect(lines.join('').replace(/\s+/g, '')).toContain(label.replace(/\s+/g, ''));
    }
}

async function pwned(page: Page): Promise<unknown> {
    return page.evaluate('window.__pwned');
}

describe('the HTML export in Chromium', () => {
    it('shows the spec example with no error and no CSP violation', async () => {
        const file = render('examples/spec/renewal.journey', path.join(outDir, 'map.html'));
        const { page, problems, cspViolations } = await open(file);
        try {
            await expectMapVisible(page, 'main > svg.journey');
            await expectLabels(page, RENEWAL_TOUCHPOINTS);
            expect(await page.title()).toBe('Olivia replaces her operations tool');
            // The stylesheets applied (their hashes matched): the cards are filled from the theme's variables,
            // not SVG's default black.
            const fill = await page.evaluate(`getComputedStyle(document.querySelector('[data-id="tp:renewal:kickoff"] > rect')).fill`);
            expect(fill).toBe('rgb(255, 255, 255)');
            expect(await cspViolations()).toEqual([]);
            expect(problems).toEqual([]);

            // The listener is live: a style of any other text (no hash in the CSP) is refused and reported.
            await page.evaluate(`document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{color:red}' }))`);
            await expect.poll(cspViolations).toEqual([expect.stringContaining('style-src')]);
        } finally {
            await page.close();
        }
    });

    it('shows hostile labels as text and runs none of them', async () => {
        const ws = workspace({ 'hostile.journey': HOSTILE });
        const file = render('hostile.journey', ws.path('map.html'), ws.root);
        const html = readFileSync(file, 'utf8');
        expect(html).not.toContain(SCRIPT_LABEL);
        const { page, problems, cspViolations } = await open(file);
        try {
            await expectMapVisible(page, 'main > svg.journey');
            await expectLabels(page, HOSTILE_TOUCHPOINTS);
            expect(await page.locator('script').count()).toBe(0);
            expect(await page.locator('[onload], [onerror]').count()).toBe(0);
            expect(await page.locator('body').innerText()).toContain('<img src=x');
            expect(await pwned(page)).toBeUndefined();
            expect(await cspViolations()).toEqual([]);
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });
});

describe('the SVG export opened directly in Chromium', () => {
    it('renders the spec example', async () => {
        const file = render('examples/spec/renewal.journey', path.join(outDir, 'map.svg'));
        const { page, problems } = await open(file);
        try {
            await expectMapVisible(page, 'svg.journey');
            await expectLabels(page, RENEWAL_TOUCHPOINTS);
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });

    it('renders hostile labels as text without running them (an SVG file has no CSP to fall back on)', async () => {
        const ws = workspace({ 'hostile.journey': HOSTILE });
        const file = render('hostile.journey', ws.path('map.svg'), ws.root);
        const { page, problems } = await open(file);
        try {
            await expectMapVisible(page, 'svg.journey');
            await expectLabels(page, HOSTILE_TOUCHPOINTS);
            expect(await page.locator('script').count()).toBe(0);
            expect(await pwned(page)).toBeUndefined();
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });
});
