/// <reference lib="dom" />
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../support/chromium.js';
import { journeyBin, repoRoot, runJourney, TempWorkspace } from '../support/journey-process.js';
import { attributeValues, crawl, fileUrl, htmlFiles, largeWorkspace, serveSite, singleFilePages, targetsOf, watchedPage } from './site-browser-support.js';

/**
 * The site `journey build` writes, in headless Chromium from file:// URLs: the script's search and
 * filters, maps with pan, zoom and highlight, the single-file router, links, and accessibility (axe).
 * Sites built by the real CLI from examples/ and from a large generated workspace.
 */

interface ExportedJourney {
    name: string;
    personas: Array<{ name: string; label: string }>;
    state: { kind: string };
    owner?: { name: string };
    stages: Array<{
        phase?: string;
        touchpoints: Array<{ owner?: { name: string }; opportunities: Array<{ owner?: { name: string } }> }>;
        opportunities: Array<{ owner?: { name: string } }>;
    }>;
}

let chromium: HeadlessChromium;
let scratch: TempWorkspace;
let examplesSite: string;
let singleFileSite: string;
let largeSite: string;
let journeys: ExportedJourney[];

function build(source: string, out: string, ...options: string[]): void {
    const run = runJourney(['build', source, '-o', out, ...options]);
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
}

beforeAll(async () => {
    scratch = new TempWorkspace();
    examplesSite = scratch.path('examples-site');
    singleFileSite = scratch.path('single-file-site');
    largeSite = scratch.path('large-site');
    build(path.join(repoRoot, 'examples'), examplesSite);
    build(path.join(repoRoot, 'examples'), singleFileSite, '--single-file');
    for (const [file, text] of Object.entries(largeWorkspace(40, 8, 6))) {
        scratch.write(path.join('large', file), text);
    }
    build(scratch.path('large'), largeSite);
    journeys = ['examples/brightspoke-cx/journeys/ebike-purchase-and-return.journey', 'examples/brightspoke-cx/journeys/fleet-onboarding.journey',
        'examples/brightspoke-cx/journeys/fleet-renewal-future.journey', 'examples/brightspoke-cx/journeys/fleet-renewal.journey', 'examples/spec/renewal.journey']
        .flatMap(file => {
            const run = runJourney(['export', file, '--format', 'json']);
            expect(run.status, run.stderr).toBe(0);
            return (JSON.parse(run.stdout) as { journeys: ExportedJourney[] }).journeys;
        });
    chromium = await launchChromium({ width: 1400, height: 1000 });
}, 180_000);

afterAll(async () => {
    await chromium?.close();
    scratch?.dispose();
});

/** Opens a page and waits for the site's script to have run. */
async function open(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
}

async function visibleRows(page: Page): Promise<string[]> {
    return page.$$eval('tr[data-journey]', rows => rows.filter(row => !(row as HTMLElement).hidden && (row as HTMLElement).offsetParent !== null)
        .map(row => (row as HTMLElement).dataset.journey!).sort());
}

function teamsOf(journey: ExportedJourney): Set<string> {
    const teams = new Set<string>();
    const add = (owner?: { name: string }) => owner && teams.add(owner.name);
    add(journey.owner);
    for (const stage of journey.stages) {
        stage.touchpoints.forEach(touchpoint => { add(touchpoint.owner); touchpoint.opportunities.forEach(opportunity => add(opportunity.owner)); });
        stage.opportunities.forEach(opportunity => add(opportunity.owner));
    }
    return teams;
}

const names = (list: ExportedJourney[]) => list.map(journey => journey.name).sort();

/** The box of an element and of the map viewport that holds it, in the window's coordinates. */
async function highlightedBoxes(page: Page, scope = 'body'): Promise<{ count: number; element?: DOMRect; viewport?: DOMRect; announced: string }> {
    return page.evaluate(scopeSelector => {
        const root = document.querySelector(scopeSelector)!;
        const marked = [...root.querySelectorAll('.journey-highlight')];
        const first = marked[0];
        const viewport = first?.closest('[data-map-viewport]');
        const announced = [...root.querySelectorAll('[data-announce]')].map(region => region.textContent ?? '').join(' ');
        return { count: marked.length, element: first?.getBoundingClientRect().toJSON(), viewport: viewport?.getBoundingClientRect().toJSON(), announced };
    }, scope);
}

function expectInside(inner: DOMRect | undefined, outer: DOMRect | undefined): void {
    expect(inner).toBeDefined();
    expect(outer).toBeDefined();
    expect(inner!.left).toBeGreaterThanOrEqual(outer!.left - 1);
    expect(inner!.top).toBeGreaterThanOrEqual(outer!.top - 1);
    expect(inner!.right).toBeLessThanOrEqual(outer!.right + 1);
    expect(inner!.bottom).toBeLessThanOrEqual(outer!.bottom + 1);
}

describe('the site of many files, from file://', () => {
    it('loads every page with no console error, page error, CSP violation or request beyond its files', async () => {
        for (const site of [examplesSite, largeSite]) {
            const watched = await watchedPage(chromium.context);
            for (const file of htmlFiles(site)) {
                await open(watched.page, fileUrl(site, file));
                expect(await watched.problems(), file).toEqual([]);
            }
            await watched.page.close();
        }
    }, 120_000);

    it('links only to files that exist, map elements that are drawn and anchors that are there', () => {
        for (const site of [examplesSite, largeSite]) {
            const { reached, broken, links } = crawl(site);
            expect(broken).toEqual([]);
            expect(links).toBeGreaterThan(100);
            // Every page is reached from the index.
            expect(reached).toEqual(htmlFiles(site));
        }
    });

    it('finds journeys by search and filters, all conditions at once, and says how many', async () => {
        const page = await chromium.context.newPage();
        await open(page, fileUrl(examplesSite, 'index.html'));
        const all = names(journeys);
        expect(await visibleRows(page)).toEqual(all);
        expect(await page.textContent('[data-match-count]')).toBe(`${all.length} of ${all.length} journeys`);

        // A persona's name, as typed: every word must be found (any case).
        await page.fill('[data-filter="text"]', 'dana OKAFOR');
        const dana = names(journeys.filter(journey => journey.personas.some(persona => persona.name === 'dana')));
        expect(dana.length).toBeGreaterThan(1);
        expect(await visibleRows(page)).toEqual(dana);
        expect(await page.textContent('[data-match-count]')).toBe(`${dana.length} of ${all.length} journeys`);

        // And a team: both conditions hold.
        await page.selectOption('[data-filter="team"]', 'finance');
        expect(await visibleRows(page)).toEqual(names(journeys.filter(journey => dana.includes(journey.name) && teamsOf(journey).has('finance'))));

        await page.fill('[data-filter="text"]', '');
        expect(await visibleRows(page)).toEqual(names(journeys.filter(journey => teamsOf(journey).has('finance'))));

        await page.selectOption('[data-filter="team"]', '');
        await page.selectOption('[data-filter="state"]', 'future');
        expect(await visibleRows(page)).toEqual(names(journeys.filter(journey => journey.state.kind === 'future')));

        await page.selectOption('[data-filter="state"]', '');
        await page.selectOption('[data-filter="phase"]', 'purchase');
        await page.selectOption('[data-filter="persona"]', 'priya');
        expect(await visibleRows(page)).toEqual(names(journeys.filter(journey => journey.stages.some(stage => stage.phase === 'purchase')
            && journey.personas.some(persona => persona.name === 'priya'))));
        expect(await page.isHidden('[data-no-match]')).toBe(true);

        await page.fill('[data-filter="text"]', 'no journey has this word');
        expect(await visibleRows(page)).toEqual([]);
        expect(await page.textContent('[data-match-count]')).toBe(`0 of ${all.length} journeys`);
        expect(await page.isVisible('[data-no-match]')).toBe(true);

        // Back from a journey keeps what was searched.
        await page.fill('[data-filter="text"]', 'renewal');
        const renewal = await visibleRows(page);
        await Promise.all([page.waitForURL(/journeys\//), page.click(`tr[data-journey="${renewal[0]}"] a[href^="journeys/"]`)]);
        await page.goBack();
        await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
        expect(await page.inputValue('[data-filter="text"]')).toBe('renewal');
        expect(await page.inputValue('[data-filter="persona"]')).toBe('priya');
        expect(await visibleRows(page)).toEqual(renewal);
        await page.close();
    });

    it('opens the map from a report row with the element highlighted, centred and announced', async () => {
        const watched = await watchedPage(chromium.context);
        const { page } = watched;
        for (const report of ['reports/pains.html', 'reports/opportunities.html']) {
            await open(page, fileUrl(examplesSite, report));
            const link = page.locator('a[href*="#highlight="]').nth(3);
            const href = (await link.getAttribute('href'))!;
            const id = new URLSearchParams(href.split('#')[1]).get('highlight')!;
            await Promise.all([page.waitForURL(/journeys\/.*#highlight=/), link.click()]);
            await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
            await page.waitForFunction(() => document.querySelector('[data-announce]')?.textContent?.startsWith('Highlighted:'));
            const boxes = await highlightedBoxes(page);
            expect(boxes.count).toBeGreaterThan(0);
            expect(await page.$eval('.journey-highlight', element => element.getAttribute('data-id'))).toBe(id);
            expectInside(boxes.element, boxes.viewport);
            expect(boxes.announced).toMatch(/^Highlighted: \S/);
        }
        // A change of the fragment moves the highlight.
        const other = await page.$$eval('[data-map-canvas] [data-id^="tp:"]', elements => elements.map(element => element.getAttribute('data-id')!));
        const last = other[other.length - 1]!;
        await page.evaluate(id => { location.hash = `highlight=${encodeURIComponent(id)}`; }, last);
        await page.waitForFunction(id => document.querySelector('.journey-highlight')?.getAttribute('data-id') === id, last);
        const moved = await highlightedBoxes(page);
        expect(moved.count).toBe(1);
        expectInside(moved.element, moved.viewport);
        expect(await watched.problems()).toEqual([]);
        await page.close();
    });

    it('looks as the README shows it: the index, and a journey opened from a report with the element highlighted', async () => {
        const page = await chromium.context.newPage();
        await page.setViewportSize({ width: 1400, height: 900 });
        await open(page, fileUrl(examplesSite, 'index.html'));
        const pictures: Array<[string, Page]> = [];
        await page.screenshot({ path: path.join(repoRoot, 'test-results/site-index.png') });
        pictures.push(['site-index.png', page]);
        if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
            await page.screenshot({ path: path.join(repoRoot, 'docs/images/site-index.png') });
        }
        // The top opportunity, opened from its report row, shown at 64 % around the highlighted card.
        await open(page, fileUrl(examplesSite, 'reports/opportunities.html'));
        const link = page.locator('tbody tr').first().locator('a[href*="#highlight="]').first();
        const href = (await link.getAttribute('href'))!;
        await Promise.all([page.waitForURL(/journeys\/.*#highlight=/), link.click()]);
        await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
        await page.locator('button[data-zoom="reset"]').click();
        await page.locator('button[data-zoom="out"]').click();
        await page.locator('button[data-zoom="out"]').click();
        const id = new URLSearchParams(href.split('#')[1]).get('highlight')!;
        await page.evaluate(() => { location.hash = ''; });
        await page.evaluate(value => { location.hash = `highlight=${encodeURIComponent(value)}`; }, id);
        await page.waitForFunction(value => document.querySelector('.journey-highlight')?.getAttribute('data-id') === value, id);
        await page.locator('.map-section').scrollIntoViewIfNeeded();
        const boxes = await highlightedBoxes(page);
        expectInside(boxes.element, boxes.viewport);
        await page.screenshot({ path: path.join(repoRoot, 'test-results/site-journey.png') });
        if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
            await page.screenshot({ path: path.join(repoRoot, 'docs/images/site-journey.png') });
        }
        expect(pictures).toHaveLength(1);
        await page.close();
    });

    it('draws a curve per persona, and the current state\'s curve under a future state\'s, with a toggle that hides it', async () => {
        const page = await chromium.context.newPage();
        await open(page, fileUrl(examplesSite, 'journeys/fleet_renewal_future.html'));
        const shown = () => page.evaluate(() => ({
            baseline: [...document.querySelectorAll('.journey-emotion-baselines, .journey-legend-baseline')].map(element => element.getBoundingClientRect().width > 0),
            personas: [...document.querySelectorAll('polyline.journey-persona-curve')].map(line => [line.getAttribute('data-persona'), getComputedStyle(line).stroke]),
        }));
        const before = await shown();
        expect(before.baseline).toEqual([true, true]);
        // Two personas, two colours (each its own, from the palette).
        expect(before.personas.map(([persona]) => persona)).toEqual(['dana', 'priya']);
        expect(new Set(before.personas.map(([, stroke]) => stroke)).size).toBe(2);
        await page.getByLabel('Current state').uncheck();
        expect((await shown()).baseline).toEqual([false, false]);
        expect((await shown()).personas).toEqual(before.personas);
        await page.getByLabel('Current state').check();
        expect((await shown()).baseline).toEqual([true, true]);
        // A persona in the legend: its curve followed, the other's faded; again: both back.
        const faded = () => page.$$eval('svg.journey [data-persona]', elements => [...new Set(elements
            .filter(element => getComputedStyle(element).opacity !== '1').map(element => element.getAttribute('data-persona')))]);
        expect(await faded()).toEqual([]);
        await page.locator('g.journey-legend-persona[data-persona="dana"]').click();
        expect(await faded()).toEqual(['priya']);
        await page.locator('g.journey-legend-persona[data-persona="priya"]').click();
        expect(await faded()).toEqual(['dana']);
        await page.locator('g.journey-legend-persona[data-persona="priya"]').click();
        expect(await faded()).toEqual([]);
        // A current state's page has no such toggle.
        await open(page, fileUrl(examplesSite, 'journeys/fleet_renewal.html'));
        expect(await page.locator('input[data-current-state]').count()).toBe(0);
        await page.close();
    });

    it('zooms with the buttons, fits the map, and keeps the view on reload', async () => {
        const page = await chromium.context.newPage();
        await open(page, fileUrl(largeSite, 'journeys/j5.html'));
        const view = () => page.evaluate(() => ({
            transform: document.querySelector<HTMLElement>('[data-map-canvas]')!.style.transform,
            label: document.querySelector('[data-zoom-level]')!.textContent,
            svg: document.querySelector('[data-map-canvas] svg')!.getBoundingClientRect().toJSON() as DOMRect,
            viewport: document.querySelector('[data-map-viewport]')!.getBoundingClientRect().toJSON() as DOMRect,
        }));
        // Opened fitted: the whole map in the viewport.
        const fitted = await view();
        expectInside(fitted.svg, fitted.viewport);
        expect(fitted.transform).toContain('scale(');

        await page.click('[data-zoom="in"]');
        const zoomedIn = await view();
        expect(zoomedIn.transform).not.toBe(fitted.transform);
        expect(parseInt(zoomedIn.label!, 10)).toBeGreaterThan(parseInt(fitted.label!, 10));
        expect(zoomedIn.svg.width).toBeGreaterThan(fitted.svg.width);

        await page.click('[data-zoom="out"]');
        await page.click('[data-zoom="out"]');
        const zoomedOut = await view();
        expect(zoomedOut.svg.width).toBeLessThan(zoomedIn.svg.width);
        expect(parseInt(zoomedOut.label!, 10)).toBeLessThan(parseInt(zoomedIn.label!, 10));

        await page.click('[data-zoom="reset"]');
        expect((await view()).label).toBe('100%');

        await page.click('[data-zoom="fit"]');
        const refitted = await view();
        expectInside(refitted.svg, refitted.viewport);
        // Fitted means as large as fits: one side of the map spans the viewport (within a few pixels).
        expect(Math.max(refitted.svg.width / refitted.viewport.width, refitted.svg.height / refitted.viewport.height)).toBeGreaterThan(0.9);

        await page.click('[data-zoom="in"]');
        const before = await view();
        await page.reload();
        await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
        const after = await view();
        expect(after.label).toBe(before.label);
        expect(after.transform).toBe(before.transform);
        await page.close();
    });
});

describe('accessibility (axe-core)', () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

    it.each(['light', 'dark'] as const)('finds no serious or critical violation on the index, a journey, a persona and a report page (%s system colours)', async scheme => {
        const page = await chromium.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        for (const file of ['index.html', 'journeys/fleet_renewal.html', 'personas/dana.html', 'reports/pains.html', 'reports/index.html', 'reports/kpis.html']) {
            await open(page, fileUrl(examplesSite, file));
            // Evaluated by the browser's debugging protocol, which the page's CSP does not govern (an
            // injected <script> would be blocked by it, rightly).
            await page.evaluate(axeSource);
            const violations = await page.evaluate(async () => {
                const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations.filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                    .map(violation => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map(node => node.target.join(' ')).join(', ')}`);
            });
            expect(violations, file).toEqual([]);
            // The page follows the system's colours: dark text on light, or light on dark.
            const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
            expect(background, file).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
        }
        await page.close();
    }, 60_000);
});

describe('the single-file site, offline', () => {
    let context: BrowserContext;
    beforeAll(async () => {
        context = chromium.context;
    });

    it('has every link lead to a page, map element or anchor of the one file', () => {
        const html = readFileSync(path.join(singleFileSite, 'index.html'), 'utf8');
        const pages = singleFilePages(html);
        const { ids } = targetsOf(html);
        expect(pages.size).toBe(htmlFiles(examplesSite).length);
        const broken: string[] = [];
        for (const [from, markup] of pages) {
            for (const href of attributeValues(markup, 'href')) {
                if (!href.startsWith('#')) {
                    broken.push(`${from}: ${href} is not in the file`);
                    continue;
                }
                const fragment = href.slice(1);
                if (fragment.startsWith('page=')) {
                    const params = new URLSearchParams(fragment);
                    const target = pages.get(params.get('page')!);
                    const highlight = params.get('highlight');
                    if (!target) {
                        broken.push(`${from}: ${href}: no such page`);
                    } else if (highlight !== null && !targetsOf(target).dataIds.has(highlight)) {
                        broken.push(`${from}: ${href}: no map element ${highlight}`);
                    }
                } else if (!ids.has(decodeURIComponent(fragment))) {
                    broken.push(`${from}: ${href}: no such id`);
                }
            }
        }
        expect(broken).toEqual([]);
    });

    it('shows the index, then a journey with its map, then a highlighted element, with no request at all', async () => {
        await context.setOffline(true);
        try {
            const watched = await watchedPage(context);
            const { page } = watched;
            const url = fileUrl(singleFileSite, 'index.html');
            await open(page, url);
            const shown = () => page.$$eval('div.page[data-page]', pages => pages.filter(p => !(p as HTMLElement).hidden).map(p => (p as HTMLElement).dataset.page));
            expect(await shown()).toEqual(['index.html']);
            expect(await visibleRows(page)).toEqual(names(journeys));

            // The filters work here too (kept in sessionStorage: the fragment is the router's).
            await page.selectOption('div.page[data-page="index.html"] [data-filter="state"]', 'future');
            expect(await visibleRows(page)).toEqual(names(journeys.filter(journey => journey.state.kind === 'future')));
            await page.selectOption('div.page[data-page="index.html"] [data-filter="state"]', '');

            await page.click('div.page[data-page="index.html"] tr[data-journey="fleet_renewal"] a[href^="#page=journeys"]');
            await page.waitForFunction(() => document.querySelector<HTMLElement>('div.page[data-page="journeys/fleet_renewal.html"]')?.hidden === false);
            expect(await shown()).toEqual(['journeys/fleet_renewal.html']);
            expect(await page.title()).toBe(await page.getAttribute('div.page[data-page="journeys/fleet_renewal.html"]', 'data-title'));
            expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
            const map = await page.evaluate(() => {
                const page = document.querySelector('div.page[data-page="journeys/fleet_renewal.html"]')!;
                return {
                    transform: page.querySelector<HTMLElement>('[data-map-canvas]')!.style.transform,
                    svg: page.querySelector('[data-map-canvas] svg')!.getBoundingClientRect().toJSON() as DOMRect,
                    viewport: page.querySelector('[data-map-viewport]')!.getBoundingClientRect().toJSON() as DOMRect,
                };
            });
            expect(map.transform).toContain('scale(');
            expectInside(map.svg, map.viewport);

            // The skip link's anchor stays on the page.
            await page.focus('div.page[data-page="journeys/fleet_renewal.html"] .skip-link');
            await page.keyboard.press('Enter');
            await page.waitForFunction(() => location.hash === '#main-journeys-fleet_renewal');
            expect(await shown()).toEqual(['journeys/fleet_renewal.html']);

            // A report row's link: the journey, with the element highlighted.
            await page.evaluate(() => { location.hash = 'page=reports%2Fpains.html'; });
            await page.waitForFunction(() => document.querySelector<HTMLElement>('div.page[data-page="reports/pains.html"]')?.hidden === false);
            const link = page.locator('div.page[data-page="reports/pains.html"] a[href*="&highlight="]').first();
            const href = (await link.getAttribute('href'))!;
            const params = new URLSearchParams(href.slice(1));
            await link.click();
            const target = `div.page[data-page="${params.get('page')}"]`;
            await page.waitForFunction(selector => document.querySelector<HTMLElement>(selector)?.hidden === false, target);
            await page.waitForFunction(selector => document.querySelector(`${selector} [data-announce]`)?.textContent?.startsWith('Highlighted:'), target);
            const boxes = await highlightedBoxes(page, target);
            expect(boxes.count).toBeGreaterThan(0);
            expect(await page.$eval(`${target} .journey-highlight`, element => element.getAttribute('data-id'))).toBe(params.get('highlight'));
            expectInside(boxes.element, boxes.viewport);

            // Back goes to the report again.
            await page.goBack();
            await page.waitForFunction(() => document.querySelector<HTMLElement>('div.page[data-page="reports/pains.html"]')?.hidden === false);

            // An unknown page is the index.
            await page.evaluate(() => { location.hash = 'page=nothing.html'; });
            await page.waitForFunction(() => document.querySelector<HTMLElement>('div.page[data-page="index.html"]')?.hidden === false);
            expect(await watched.problems()).toEqual([]);
            await page.close();
        } finally {
            await context.setOffline(false);
        }
    });

    it('opens the page shown last when the document is loaded again without a fragment (VS Code\'s report, rebuilt on save)', async () => {
        const page = await context.newPage();
        const url = fileUrl(singleFileSite, 'index.html');
        await open(page, url);
        await page.click('div.page[data-page="index.html"] tr[data-journey="fleet_onboarding"] a[href^="#page=journeys"]');
        await page.waitForFunction(() => document.querySelector<HTMLElement>('div.page[data-page="journeys/fleet_onboarding.html"]')?.hidden === false);
        // The same document again, no fragment (as a webview given new HTML): the journey, not the index.
        await page.evaluate(() => history.replaceState(null, '', location.pathname));
        await page.reload();
        await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
        expect(await page.$$eval('div.page[data-page]', pages => pages.filter(p => !(p as HTMLElement).hidden).map(p => (p as HTMLElement).dataset.page)))
            .toEqual(['journeys/fleet_onboarding.html']);
        // A new tab (a session of its own) opens the index.
        const fresh = await context.newPage();
        await open(fresh, url);
        expect(await fresh.$$eval('div.page[data-page]', pages => pages.filter(p => !(p as HTMLElement).hidden).map(p => (p as HTMLElement).dataset.page)))
            .toEqual(['index.html']);
        await page.close();
        await fresh.close();
    });

    it('opens a highlight link given as the address', async () => {
        const watched = await watchedPage(context);
        const { page } = watched;
        const html = readFileSync(path.join(singleFileSite, 'index.html'), 'utf8');
        const pages = singleFilePages(html);
        const journey = pages.get('journeys/ebike_purchase.html')!;
        const id = [...targetsOf(journey).dataIds].find(dataId => dataId.startsWith('tp:'))!;
        await open(page, fileUrl(singleFileSite, 'index.html', `#page=journeys%2Febike_purchase.html&highlight=${encodeURIComponent(id)}`));
        const target = 'div.page[data-page="journeys/ebike_purchase.html"]';
        await page.waitForFunction(selector => document.querySelector(`${selector} [data-announce]`)?.textContent?.startsWith('Highlighted:'), target);
        const boxes = await highlightedBoxes(page, target);
        expect(boxes.count).toBe(1);
        expectInside(boxes.element, boxes.viewport);
        expect(await watched.problems()).toEqual([]);
        await page.close();
    });
});

describe('journey serve: live reload', () => {
    it('reloads on a change and keeps the zoom, the map\'s scroll and the window\'s scroll', async () => {
        const workspace = new TempWorkspace();
        cpSync(path.join(repoRoot, 'examples/spec'), workspace.root, { recursive: true });
        const served = await serveSite([workspace.root], journeyBin, workspace.root);
        const page = await chromium.context.newPage();
        const errors: string[] = [];
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        page.on('pageerror', error => errors.push(error.message));
        try {
            await open(page, new URL('journeys/renewal.html', served.url).href);
            // The events are connected before the change is made.
            await page.waitForTimeout(300);
            await page.click('[data-zoom="in"]');
            await page.click('[data-zoom="in"]');
            await page.evaluate(() => window.scrollTo(0, 200));
            const view = () => page.evaluate(() => ({
                transform: document.querySelector<HTMLElement>('[data-map-canvas]')!.style.transform,
                label: document.querySelector('[data-zoom-level]')!.textContent,
                scrollY: Math.round(window.scrollY),
            }));
            const before = await view();
            expect(before.scrollY).toBeGreaterThan(0);
            await page.evaluate(() => { (window as unknown as { beforeReload: boolean }).beforeReload = true; });
            const reloaded = page.waitForEvent('load', { timeout: 20_000 });
            workspace.write('renewal.journey', readFileSync(workspace.path('renewal.journey'), 'utf8').replace('"Olivia replaces her operations tool"', '"Olivia replaces her tool"'));
            await reloaded;
            await page.waitForFunction(() => document.documentElement.dataset.script === 'ready');
            expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBeUndefined();
            expect(await view()).toEqual(before);
            expect(errors).toEqual([]);
        } finally {
            await page.close();
            served.stop();
            workspace.dispose();
        }
    }, 60_000);
});
