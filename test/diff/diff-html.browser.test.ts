/// <reference lib="dom" />
// `journey diff --format html` on a real git repository (examples/spec committed on main, then changed
// in the working tree), run with the built CLI and opened in headless Chromium: no console error, no
// CSP violation, no request; the elements the JSON of the same diff names are marked on the map; a
// click on a change highlights its element; a label with a script in it is shown as text; the same
// input gives the same bytes. Needs Chromium: scripts/install-test-deps.sh.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../support/chromium.js';
import { specRepository } from '../support/git-repository.js';
import { runJourney, scratchWorkspaces } from '../support/journey-process.js';
import { watchedPage } from '../site/site-browser-support.js';

const workspace = scratchWorkspaces();
const TODAY = '2026-12-01';
const SCRIPT_LABEL = '<script>alert(1)</script>';
/** The elements a change can be about that the map draws. */
const DRAWN = new Set(['journey', 'stage', 'touchpoint', 'pain', 'opportunity', 'kpi', 'plan', 'value-gap', 'unknown']);

interface JsonChange { element: string; name: string; kind: string; text: string; journey?: string }
interface JsonDiff { journeys: Array<{ name: string; status: string; changes: JsonChange[] }>; workspace: JsonChange[] }

/** examples/spec as `maps/` committed on main, then changed: an emotion, a KPI, a new pain and touchpoint (with a script as its label), an opportunity removed. */
function changedRepository() {
    const files = workspace();
    const root = specRepository(files);
    const target = files.path('maps/renewal.journey');
    let text = readFileSync(target, 'utf8');
    const edit = (from: string, to: string) => {
        expect(text).toContain(from);
        text = text.replace(from, to);
    };
    edit('emotion -1 "Confused by per-seat add-ons"', 'emotion -3 "Confused by per-seat add-ons"');
    edit('kpi conversion 3.1% target 5%', 'kpi conversion 6% target 5%');
    edit('touchpoint kickoff "Kick-off workshop" { channel phone owner success emotion 1 serves fast_setup }',
        `touchpoint kickoff "Kick-off workshop" { channel phone owner success emotion 1 serves fast_setup }\n        touchpoint xss "${SCRIPT_LABEL}" { channel web emotion 2 }\n        pain slow_setup "Setup takes weeks" at kickoff severity 2`);
    edit('        opportunity calculator "Publish a total-cost calculator" for unclear_pricing owner marketing\n', '');
    writeFileSync(target, text);
    return { root, files };
}

describe('journey diff --format html', () => {
    let chromium: HeadlessChromium;
    let root: string;
    let page: string;
    let json: JsonDiff;

    beforeAll(async () => {
        chromium = await launchChromium({ width: 1400, height: 900 });
    });
    afterAll(async () => {
        await chromium?.close();
    });

    function prepare() {
        const repo = changedRepository();
        root = repo.root;
        const run = runJourney(['diff', 'main', '--format', 'html', '-o', 'diff.html', '--today', TODAY], root);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        page = repo.files.path('diff.html');
        const jsonRun = runJourney(['diff', 'main', '--format', 'json', '--today', TODAY], root);
        expect(jsonRun.status, jsonRun.stderr).toBe(0);
        json = JSON.parse(jsonRun.stdout) as JsonDiff;
    }

    it('opens with no console error, CSP violation or request, the changed elements marked and the script label as text', async () => {
        prepare();
        const watched = await watchedPage(chromium.context);
        const dialogs: string[] = [];
        watched.page.on('dialog', dialog => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        await watched.page.goto(pathToFileURL(page).href);
        await watched.page.waitForLoadState('load');
        expect(await watched.problems()).toEqual([]);
        expect(dialogs).toEqual([]);

        // The marks on the map: one per element the JSON's changes name that the map draws.
        const journey = json.journeys.find(candidate => candidate.name === 'renewal')!;
        expect(journey.status).toBe('changed');
        const drawn = journey.changes.filter(change => DRAWN.has(change.element) && change.kind !== 'removed');
        expect(drawn.length).toBeGreaterThanOrEqual(4);
        const expected = new Map<string, string>();
        for (const change of drawn) {
            expected.set(`${change.element}:${change.name}`, change.kind === 'added' ? 'added' : 'changed');
        }
        const marks = await watched.page.evaluate(() => [...document.querySelectorAll('.diff-map [data-diff]')].map(element => ({
            id: element.getAttribute('data-id') ?? '',
            mark: element.getAttribute('data-diff') ?? '',
            classes: element.getAttribute('class') ?? '',
        })));
        // And the removed opportunity, drawn back where it was.
        expect(marks.filter(mark => mark.mark !== 'removed')).toHaveLength(expected.size);
        expect(marks.filter(mark => mark.classes.split(' ').includes('diff-added'))).toHaveLength([...expected.values()].filter(mark => mark === 'added').length);
        expect(marks.filter(mark => mark.classes.split(' ').includes('diff-changed'))).toHaveLength([...expected.values()].filter(mark => mark === 'changed').length);
        // Each drawable change's list item points at a marked element, and says what it is in words.
        const items = await watched.page.evaluate(() => [...document.querySelectorAll('.diff-changes li')].map(item => ({
            text: item.textContent ?? '',
            kind: item.getAttribute('data-kind'),
            target: item.querySelector('button')?.getAttribute('data-target') ?? null,
        })));
        const markedIds = new Set(marks.map(mark => mark.id));
        for (const change of drawn) {
            const item = items.find(candidate => candidate.text.includes(change.text));
            expect(item, change.text).toBeDefined();
            expect(markedIds.has(item!.target ?? ''), change.text).toBe(true);
            expect(item!.text).toMatch(change.kind === 'added' ? /^added/ : /^changed/);
        }
        const worse = journey.changes.find(change => change.text.includes('(worse)'))!;
        expect(items.find(item => item.text.includes(worse.text))!.text).toContain('worse');
        // The removed opportunity is listed with its badge and drawn where it was: in the Research
        // column, faded and dotted, "(removed)" in its text; its list item points at it.
        const removed = journey.changes.find(change => change.kind === 'removed' && change.element === 'opportunity');
        expect(removed).toBeDefined();
        const removedItem = items.find(item => item.text.includes(removed!.text))!;
        expect(removedItem.text).toMatch(/^removed/);
        expect(marks.filter(mark => mark.mark === 'removed').map(mark => mark.id)).toEqual([removedItem.target]);
        const ghost = await watched.page.evaluate(id => {
            const element = [...document.querySelectorAll('.diff-map [data-id]')].find(candidate => candidate.getAttribute('data-id') === id)!;
            const stage = [...document.querySelectorAll('.diff-map [data-id^="stage:"]')].find(candidate => candidate.textContent?.includes('Research'))!;
            const box = element.getBoundingClientRect();
            const column = stage.getBoundingClientRect();
            return { text: element.textContent ?? '', opacity: getComputedStyle(element).opacity, inColumn: box.left >= column.left - 1 && box.right <= column.right + 1 };
        }, removedItem.target);
        expect(ghost.text).toContain('(removed)');
        expect(Number(ghost.opacity)).toBeLessThan(1);
        expect(ghost.inColumn).toBe(true);

        // The script in a label is text: shown, never run, never an element.
        expect(await watched.page.locator('body').innerText()).toContain(SCRIPT_LABEL);
        expect(await watched.page.evaluate(() => document.scripts.length)).toBe(1);
        expect(readFileSync(page, 'utf8')).not.toContain(SCRIPT_LABEL);
        await watched.page.close();
    });

    it('highlights the element of a change clicked in the list and scrolls it into view', async () => {
        prepare();
        const watched = await watchedPage(chromium.context);
        await watched.page.goto(pathToFileURL(page).href);
        const buttons = watched.page.locator('.diff-changes button[data-target]');
        expect(await buttons.count()).toBeGreaterThanOrEqual(4);
        for (const index of [0, 3]) {
            const button = buttons.nth(index);
            const target = (await button.getAttribute('data-target'))!;
            await button.click();
            const highlighted = await watched.page.evaluate(() => [...document.querySelectorAll('.journey-highlight')].map(element => element.getAttribute('data-id')));
            expect(highlighted).toEqual([target]);
            expect(await button.getAttribute('aria-pressed')).toBe('true');
            const visible = await watched.page.evaluate(id => {
                const element = [...document.querySelectorAll('.diff-map [data-id]')].find(candidate => candidate.getAttribute('data-id') === id)!;
                const box = element.getBoundingClientRect();
                const map = element.closest('.diff-map')!.getBoundingClientRect();
                return box.right > map.left && box.left < map.right && box.bottom > map.top && box.top < map.bottom
                    && box.bottom > 0 && box.top < window.innerHeight;
            }, target);
            expect(visible).toBe(true);
            expect(await watched.page.locator('#diff-status').innerText()).toMatch(/^Highlighted on the map: /);
        }
        expect(await watched.problems()).toEqual([]);
        await watched.page.close();
    });

    it('gives the same bytes for the same input, on stdout and in a file', () => {
        prepare();
        const first = readFileSync(page, 'utf8');
        const again = runJourney(['diff', 'main', '--format', 'html', '--today', TODAY], root);
        expect(again.status, again.stderr).toBe(0);
        expect(again.stdout).toBe(first);
        const nonce = /script-src 'nonce-([^']+)'/.exec(first)?.[1];
        expect(nonce).toBeDefined();
        expect(first).toContain(`<script nonce="${nonce}">`);
        expect(first).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    });
});
