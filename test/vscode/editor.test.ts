import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import type { FrameLocator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { missingTools, packageVsix, repoRoot, startCodeServer, type CodeServer } from './support/code-server.js';
import { bundleHostTests, packagePayload } from './support/host-tests.js';
import { Workbench } from './support/workbench.js';

/**
 * The extension in real VS Code (code-server 4.100.3 in headless Chromium), used as a person would:
 * the packaged .vsix installed, the examples opened, keys typed, the preview clicked.
 * One editor session for the whole file; each test leaves the editor as it found it.
 */

// npm test installs code-server and Chromium first (scripts/install-test-deps.sh); without them these
// tests fail rather than skip, so a green run always means the extension ran in a real editor.
const missing = missingTools();
if (missing) {
    throw new Error(`The VS Code tests cannot run: ${missing}. Run: bash scripts/install-test-deps.sh`);
}

const RENEWAL = 'spec/renewal.journey';

/** The preview's zoom, as its toolbar says it (`80%` → 0.8). */
async function zoomOf(preview: FrameLocator): Promise<number> {
    return Number((await preview.locator('#zoom-level').textContent())!.replace('%', '')) / 100;
}

/** The channels declared anywhere in the workspace. */
function workspaceChannels(root: string): Set<string> {
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.journey'));
    return new Set(files.flatMap(file => [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*channel (\w+) "/gm)].map(m => m[1])));
}

/** The two editor sessions of this file, started together before the first test (see beforeAll). */
let hostSession: PromiseSettledResult<{ server: CodeServer; runner: string }>;
let uiSession: PromiseSettledResult<CodeServer>;
/** The session's server, or why it did not start (failing the tests of that session only). */
function started<T>(session: PromiseSettledResult<T>): T {
    if (session.status === 'rejected') {
        throw session.reason;
    }
    return session.value;
}

// What takes long before a test can type anything: packaging the extension as it is built now (once for
// the file) and the host tests' payload, installing them and starting code-server — for both sessions at
// once. Nothing is driven until both are up; the second one then waits, with no window, for its turn.
const servers: CodeServer[] = [];
beforeAll(async () => {
    const start = (vsixFiles: string[]) => startCodeServer({ vsixFiles }).then(server => (servers.push(server), server));
    const vsix = packageVsix();
    const payload = packagePayload();
    [hostSession, uiSession] = await Promise.allSettled([
        Promise.all([vsix, payload, bundleHostTests()]).then(async ([extension, hostPayload, { runner }]) =>
            ({ server: await start([extension, hostPayload]), runner })),
        // The UI session's workspace: the examples, and a Markdown file with journey blocks (there before
        // code-server starts: Quick Open lists a file written later only once its index catches up).
        vsix.then(extension => startCodeServer({
            vsixFiles: [extension],
            copy: [[join(repoRoot, 'examples'), '.'], [join(repoRoot, 'test/vscode/fixtures/maps.md'), 'maps.md']],
        }).then(server => (servers.push(server), server))),
    ]);
}, 240_000);

afterAll(() => Promise.all(servers.map(server => server.stop())));

describe('extension-host tests (mocha against the vscode API, inside code-server)', () => {
    it('pass: activation, commands, diagnostics, journey/map, Mermaid/JSON/CSV import and export, the preview panel', async () => {
        const { server, runner } = started(hostSession);
        let bench: Workbench | undefined;
        try {
            const reportFile = join(server.workspace, '..', 'host-tests.json');
            writeFileSync(join(server.workspace, '.journey-host-tests.json'), JSON.stringify({ runner, report: reportFile }));
            // The extension host starts with the first window; the payload then runs the suite.
            bench = await Workbench.open(server.url);
            await expect.poll(() => existsSync(reportFile), { timeout: 150_000, interval: 500 }).toBe(true);
            const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { passed: string[]; failed: Array<{ title: string; error: string }> };
            if (report.failed.length > 0) {
                await bench.screenshot('test-results/vscode-extension-host-tests.png');
            }
            expect(report.failed).toEqual([]);
            expect(report.passed).toEqual([
                'the journey extension in the extension host activates when a .journey file is opened, as language `journey`',
                'the journey extension in the extension host registers its commands',
                'the journey extension in the extension host publishes the server\'s diagnostics for a file, with rule ids as codes',
                'the journey extension in the extension host answers journey/map with the file\'s journeys, from the server',
                'the journey extension in the extension host exports a journey file as Mermaid, JSON and CSV, and imports the Mermaid back as a journey file',
                'the journey extension in the extension host refuses to export a document with syntax errors, and to import a diagram Mermaid would reject',
                'the journey extension in the extension host completes a touchpoint skeleton filled from its stage: the channel and team of the touchpoint before it, a need not yet served',
                'the journey extension in the extension host opens the map preview beside the editor',
                'the journey extension in the extension host compares the maps with a git revision: journey diff\'s page beside the editor, and a revision git does not know said so',
            ]);
        } finally {
            await bench?.close();
            // Its extension host and language server stop before the UI tests start typing.
            await server.stop();
        }
    }, 240_000);
});

describe('the extension in VS Code (code-server)', () => {
    let server: CodeServer;
    let bench: Workbench;

    beforeAll(async () => {
        server = started(uiSession);
        bench = await Workbench.open(server.url);
    }, 180_000);

    afterAll(async () => {
        await bench?.close();
    });

    afterEach(async (context: TestContext) => {
        if (context.task.result?.state === 'fail' && bench) {
            const name = context.task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80);
            await bench.screenshot(`test-results/vscode-${name}.png`).catch(() => undefined);
        }
    });

    /** code-server's save dialog is VS Code's simple file dialog, a quick input holding a path: `target` once it suggests `suggested`. */
    async function saveThroughDialog(suggested: string, target: string): Promise<void> {
        const input = bench.page.locator('.quick-input-widget input');
        await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toContain(suggested);
        await input.fill(target);
        await bench.page.keyboard.press('Enter');
        // Written whole: a file that exists may still be empty while the extension writes it.
        await expect.poll(() => existsSync(target) && statSync(target).size > 0, { timeout: 30_000 }).toBe(true);
    }

    /** Opens `file` and its preview beside it, and waits for the touchpoints of its journey `journey`. */
    async function openPreview(file: string, journey: string): Promise<FrameLocator> {
        await bench.openFile(file);
        await bench.runCommand('Journey: Open Preview to the Side');
        const preview = bench.preview();
        await expect.poll(() => preview.locator(`g.journey-node[data-id^="tp:${journey}:"]`).count(), { timeout: 60_000 }).toBeGreaterThan(3);
        return preview;
    }

    it('opens a .journey file as language `journey`, highlighted by the TextMate grammar', async () => {
        await bench.openFile(RENEWAL);
        await expect.poll(() => bench.language(), { timeout: 20_000 }).toEqual({ name: 'Journey', id: 'journey' });
        // Tokens get theme colours: keywords, names, strings and comments are not all one colour.
        const line = bench.editor().locator('.view-line', { hasText: 'touchpoint renewal_quote' });
        await expect.poll(async () => {
            const classes = await line.locator('span[class*="mtk"]').evaluateAll(spans => spans.map(s => s.className));
            return new Set(classes).size;
        }, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    }, 60_000);

    it('shows the server\'s diagnostics with their rule ids in the Problems panel', async () => {
        await bench.page.keyboard.press('Control+Shift+M');
        const row = bench.page.locator('.markers-panel .monaco-list-row', { hasText: 'value-gap' });
        await row.first().waitFor({ timeout: 60_000 });
        expect(await row.first().innerText()).toContain('clear_pricing');
        await bench.runCommand('View: Hide Panel');
    }, 90_000);

    it('completes the workspace\'s channels as `channel ` is typed (no Ctrl+Space), and opens nothing inside a text', async () => {
        await bench.openFile(RENEWAL);
        const text = readFileSync(join(server.workspace, RENEWAL), 'utf8').split('\n');
        const line = text.findIndex(l => l.includes('touchpoint pricing_page')) + 1; // 1-based
        await bench.goTo(line, 1);
        await bench.page.keyboard.press('End');
        await bench.page.keyboard.press('Enter');
        const widget = bench.page.locator('.editor-widget.suggest-widget.visible');
        // Prose in a text: the spaces typed there ask the server, which answers nothing.
        await bench.page.keyboard.type('action "Picks the channel by price and the owner ', { delay: 20 });
        await bench.page.waitForTimeout(1500);
        expect(await widget.count()).toBe(0);
        await bench.page.keyboard.press('Control+Shift+K');
        await bench.page.keyboard.press('Home');
        await bench.page.keyboard.press('Enter');
        await bench.page.keyboard.press('ArrowUp');
        await bench.page.keyboard.type('channel ', { delay: 20 });
        const suggest = bench.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
        await suggest.first().waitFor({ timeout: 20_000 });
        // Every name offered is a channel of the workspace (the list is virtual: only the first rows exist).
        const channels = workspaceChannels(server.workspace);
        const labels = await suggest.locator('.label-name').allInnerTexts();
        expect(labels.length).toBeGreaterThanOrEqual(5);
        expect(labels.filter(label => !channels.has(label))).toEqual([]);
        // Narrowed by what is typed: the spec's `phone`.
        await bench.page.keyboard.type('pho');
        await expect.poll(() => suggest.locator('.label-name').allInnerTexts(), { timeout: 10_000 }).toEqual(['phone']);
        await bench.page.keyboard.press('Escape');
        await bench.page.keyboard.press('Control+Shift+K'); // delete the line typed: the text is as on disk again
        await bench.page.keyboard.press('Control+S');
        await expect.poll(() => bench.page.locator('.tabs-container .tab.dirty').count(), { timeout: 10_000 }).toBe(0);
        await expect.poll(() => readFileSync(join(server.workspace, RENEWAL), 'utf8'), { timeout: 10_000 }).toBe(text.join('\n'));
    }, 60_000);

    it('shows the parts of a KPI as `kpi ` is typed (signature help)', async () => {
        await bench.openFile(RENEWAL);
        const text = readFileSync(join(server.workspace, RENEWAL), 'utf8').split('\n');
        await bench.goTo(text.findIndex(l => l.includes('touchpoint pricing_page')) + 1, 1);
        await bench.page.keyboard.press('End');
        await bench.page.keyboard.press('Enter');
        await bench.page.keyboard.type('kpi ', { delay: 20 });
        const hints = bench.page.locator('.parameter-hints-widget.visible');
        await expect.poll(() => hints.textContent(), { timeout: 20_000 }).toContain('kpi METRIC VALUE [target VALUE] [source SOURCE]');
        await bench.page.keyboard.press('Escape');
        await bench.page.keyboard.press('Escape');
        await bench.page.keyboard.press('Control+Shift+K');
        await bench.page.keyboard.press('Control+S');
        await expect.poll(() => bench.page.locator('.tabs-container .tab.dirty').count(), { timeout: 10_000 }).toBe(0);
    }, 60_000);

    it('offers one touchpoint skeleton, filled from its stage: the channel and team of the touchpoint before it', async () => {
        await bench.openFile(RENEWAL);
        const file = join(server.workspace, RENEWAL);
        const original = readFileSync(file, 'utf8');
        const lines = original.split('\n');
        // A new line in the stage `research`, after `pricing_page` (channel web, owner marketing).
        await bench.goTo(lines.findIndex(l => l.includes('pain unclear_pricing')) + 1, 1);
        await bench.page.keyboard.press('Home');
        await bench.page.keyboard.press('Enter');
        await bench.page.keyboard.press('ArrowUp');
        await bench.page.keyboard.type('touchpoint', { delay: 20 });
        await bench.page.keyboard.press('Control+Space');
        const rows = bench.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
        await rows.first().waitFor({ timeout: 20_000 });
        // The keyword and one skeleton: the server's, which knows where it is (no second, static one).
        const snippetRows = rows.filter({ has: bench.page.locator('.codicon-symbol-snippet') });
        await expect.poll(() => snippetRows.locator('.label-name').allInnerTexts(), { timeout: 10_000 }).toEqual(['touchpoint']);
        for (let step = 0; step < 5 && await bench.page.locator('.suggest-widget .monaco-list-row.focused .codicon-symbol-snippet').count() === 0; step++) {
            await bench.page.keyboard.press('ArrowDown');
        }
        await bench.page.keyboard.press('Enter');
        await bench.page.keyboard.press('Escape');
        await bench.page.keyboard.press('Control+S');
        await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 10_000 }).toContain('touchpoint name "What happens" {');
        const written = readFileSync(file, 'utf8');
        expect(written).toContain('        touchpoint name "What happens" {\n            channel web\n            owner marketing\n');
        // Back as it was on disk; the editor, not dirty, follows.
        writeFileSync(file, original);
        await expect.poll(() => bench.editor().locator('.view-line', { hasText: 'touchpoint name "What happens"' }).count(), { timeout: 20_000 }).toBe(0);
    }, 60_000);

    it('opens the map preview beside the editor with Ctrl+K V (as Markdown\'s), fitted to its width and readable, with the file\'s touchpoints', async () => {
        await bench.openFile(RENEWAL);
        await bench.page.keyboard.press('Control+K');
        await bench.page.keyboard.press('v');
        const preview = bench.preview();
        const touchpoints = preview.locator('svg.journey g.journey-node[data-id^="tp:renewal:"]');
        await expect.poll(() => touchpoints.count(), { timeout: 60_000 }).toBe(3);
        const ids = await touchpoints.evaluateAll(nodes => nodes.map(n => n.getAttribute('data-id')));
        expect(ids.sort()).toEqual(['tp:renewal:kickoff', 'tp:renewal:pricing_page', 'tp:renewal:renewal_quote']);
        await expect.poll(() => preview.locator('svg.journey').textContent(), { timeout: 5_000 }).toContain('Renewal quote arrives');
        // ELK ran in a Web Worker (started from a blob under the webview's CSP), not on the page's thread.
        expect(await preview.locator('body').getAttribute('data-layout')).toBe('worker');
        // Fitted to the pane's width, never below 60 % (text stays readable; a wider map scrolls sideways).
        const zoom = await zoomOf(preview);
        expect(zoom).toBeGreaterThanOrEqual(0.6);
        expect(zoom).toBeLessThanOrEqual(1);
        const { pane, map } = await preview.locator('#viewport').evaluate(viewport => ({ pane: viewport.clientWidth, map: document.getElementById('canvas')!.scrollWidth }));
        // (The toolbar rounds the zoom to a percent: widths are compared within 1 %.)
        if (zoom === 1) {
            expect(map).toBeLessThanOrEqual(pane + 1); // a map narrower than the pane is not enlarged
        } else {
            expect(map * zoom).toBeGreaterThanOrEqual(pane * 0.99 - 1); // as wide as the pane; wider at 60 %, scrolling
            if (zoom > 0.6) {
                expect(map * zoom).toBeLessThanOrEqual(pane * 1.01 + 1);
            }
        }
    }, 90_000);

    it('selects the source of a touchpoint clicked in the preview', async () => {
        const text = readFileSync(join(server.workspace, RENEWAL), 'utf8').split('\n');
        const line = text.findIndex(l => l.includes('touchpoint pricing_page')) + 1;
        await bench.preview().locator('#zoom-fit').click(); // the whole map in view
        await bench.preview().locator('g.journey-node[data-id="tp:renewal:pricing_page"]').click();
        await expect.poll(() => bench.cursor().then(c => c.line), { timeout: 20_000 }).toBe(line);
    }, 60_000);

    it('highlights the element under the editor\'s cursor', async () => {
        const text = readFileSync(join(server.workspace, RENEWAL), 'utf8').split('\n');
        const line = text.findIndex(l => l.includes('touchpoint kickoff')) + 1;
        await bench.goTo(line, 20);
        const highlighted = bench.preview().locator('.journey-highlight');
        await expect.poll(() => highlighted.first().getAttribute('data-id'), { timeout: 20_000 }).toBe('tp:renewal:kickoff');
    }, 60_000);

    it('draws a touchpoint typed in the editor without saving', async () => {
        const text = readFileSync(join(server.workspace, RENEWAL), 'utf8').split('\n');
        const line = text.findIndex(l => l.includes('stage onboarding')) + 1;
        await bench.goTo(line + 1, 1);
        await bench.page.keyboard.press('End');
        await bench.page.keyboard.press('Enter');
        const zoom = await bench.preview().locator('#zoom-level').textContent();
        await bench.page.keyboard.type('touchpoint welcome_mail "Welcome mail" { channel email');
        const node = bench.preview().locator('g.journey-node[data-id="tp:renewal:welcome_mail"]');
        // Typing passes through texts that parse ("Welcome" with its closing quote put in by the editor): wait for the last.
        await expect.poll(() => node.locator('title').textContent(), { timeout: 30_000 }).toContain('Welcome mail');
        expect(readFileSync(join(server.workspace, RENEWAL), 'utf8')).not.toContain('welcome_mail'); // not saved
        expect(await bench.preview().locator('#zoom-level').textContent()).toBe(zoom); // zoom kept across updates
    }, 60_000);

    it('marks the map out of date while the text does not parse, and keeps it', async () => {
        await bench.page.keyboard.type(' "'); // an unterminated string
        const status = bench.preview().locator('#status');
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Out of date');
        // The banner wraps: all of it shows, none of it is cut off.
        expect(await status.evaluate(element => element.scrollWidth <= element.clientWidth + 1 && element.scrollHeight <= element.clientHeight + 1)).toBe(true);
        expect(await status.evaluate(element => getComputedStyle(element).textOverflow)).not.toBe('ellipsis');
        expect(await bench.preview().locator('g.journey-node[data-id="tp:renewal:welcome_mail"]').count()).toBe(1);
        await bench.page.keyboard.press('Backspace');
        await bench.page.keyboard.press('Backspace');
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('');
    }, 60_000);

    it('remembers the zoom of each file it shows: another file opens fitted, and the first comes back as it was left', async () => {
        await bench.openFile(RENEWAL);
        const preview = bench.preview();
        await preview.locator('#zoom-in').click();
        await preview.locator('#zoom-in').click();
        const zoomed = await preview.locator('#zoom-level').textContent();
        await bench.openFile('brightspoke-cx/journeys/fleet-onboarding.journey');
        await expect.poll(() => preview.locator('g.journey-node[data-id^="tp:fleet_onboarding:"]').count(), { timeout: 60_000 }).toBeGreaterThan(3);
        const other = await zoomOf(preview);
        expect(other).toBeGreaterThanOrEqual(0.6);
        expect(other).toBeLessThanOrEqual(1);
        await bench.openFile(RENEWAL);
        await expect.poll(() => preview.locator('g.journey-node[data-id^="tp:renewal:"]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
        await expect.poll(() => preview.locator('#zoom-level').textContent(), { timeout: 10_000 }).toBe(zoomed);
    }, 90_000);

    it('jumps to a stage from the stage index of its toolbar', async () => {
        const preview = await openPreview('brightspoke-cx/journeys/fleet-renewal.journey', 'fleet_renewal');
        for (let step = 0; step < 3; step++) {
            await preview.locator('#zoom-in').click();
        }
        const index = preview.locator('#stage-index');
        const stages = await index.locator('option').evaluateAll(options => options.map(option => (option as HTMLOptionElement).value).filter(Boolean));
        expect(stages.length).toBeGreaterThan(3);
        const last = stages.at(-1)!;
        const inView = () => preview.locator(`g.journey-stage[data-id="${last}"]`).evaluate(stage => {
            const box = stage.getBoundingClientRect();
            const frame = document.getElementById('viewport')!.getBoundingClientRect();
            return box.left >= frame.left - 1 && box.left < frame.right && box.top >= frame.top - 1 && box.top < frame.bottom;
        });
        expect(await inView()).toBe(false);
        await index.selectOption(last);
        await expect.poll(inView, { timeout: 5_000 }).toBe(true);
    }, 90_000);

    it('shows a mini-map of a map bigger than the pane: the part in view marked, a click on it goes there, gone once the map fits', async () => {
        // The map of the test before, zoomed in: bigger than the pane.
        const preview = bench.preview();
        const miniMap = preview.locator('#minimap');
        await expect.poll(() => miniMap.isVisible(), { timeout: 10_000 }).toBe(true);
        expect(await miniMap.locator('rect.journey-minimap-node').count()).toBe(await preview.locator('#canvas g.journey-node').count());
        expect(await miniMap.locator('text').count()).toBe(0);
        const view = miniMap.locator('rect.journey-minimap-view');
        const marked = async () => Object.fromEntries(await Promise.all(['x', 'y', 'width', 'height'].map(async name => [name, Number(await view.getAttribute(name))] as const)));
        await preview.locator('#viewport').press('Home');
        const before = await marked();
        expect(before.x).toBe(0);
        expect(before.width).toBeGreaterThan(0);
        // A click near its left end, first stage: the viewport goes there; near its right end: there.
        const box = (await miniMap.boundingBox())!;
        await miniMap.click({ position: { x: box.width - 4, y: box.height / 3 } });
        const after = await marked();
        expect(after.x).toBeGreaterThan(before.x);
        const stages = preview.locator('#canvas g.journey-stage');
        const lastInView = () => stages.last().evaluate(stage => {
            const band = stage.getBoundingClientRect();
            const frame = document.getElementById('viewport')!.getBoundingClientRect();
            return band.right > frame.left && band.left < frame.right;
        });
        expect(await lastInView()).toBe(true);
        await preview.locator('#zoom-fit').click();
        await expect.poll(() => miniMap.isVisible(), { timeout: 5_000 }).toBe(false);
    }, 60_000);

    it('exports the map as SVG through a save dialog', async () => {
        await bench.openFile(RENEWAL);
        const target = join(server.workspace, 'spec', 'renewal-export.svg');
        await bench.runCommand('Journey: Export Map as SVG…');
        await saveThroughDialog('renewal.svg', target);
        const svg = readFileSync(target, 'utf8');
        expect(svg.startsWith('<?xml')).toBe(true);
        expect(svg).toContain('data-id="tp:renewal:pricing_page"');
        expect(svg).toContain('data-id="tp:renewal:welcome_mail"'); // the unsaved text is what is exported
    }, 60_000);

    it('exports the map as PNG, PDF (from the preview\'s toolbar) and a self-contained HTML page', async () => {
        const saveAs = (format: string, target: string) => saveThroughDialog(`renewal.${format}`, target);
        for (const [format, title] of [['png', 'Journey: Export Map as PNG…'], ['html', 'Journey: Export Map as HTML…']] as const) {
            await bench.runCommand(title);
            await saveAs(format, join(server.workspace, 'spec', `renewal-export.${format}`));
        }
        await bench.preview().locator('button[data-export="pdf"]').click();
        await saveAs('pdf', join(server.workspace, 'spec', 'renewal-export.pdf'));

        // PNG and PDF are drawn by the CLI's code (resvg, PDFKit) from the preview's layout: the unsaved text.
        const png = PNG.sync.read(readFileSync(join(server.workspace, 'spec', 'renewal-export.png')));
        expect(png.width).toBeGreaterThan(1000); // twice the map's size
        expect(png.data[3]).toBe(255); // opaque: the map's background
        const parser = new PDFParse({ data: new Uint8Array(readFileSync(join(server.workspace, 'spec', 'renewal-export.pdf'))) });
        const text = await parser.getText();
        await parser.destroy();
        expect(text.total).toBe(1);
        expect(text.text).toContain('Welcome mail');
        const html = readFileSync(join(server.workspace, 'spec', 'renewal-export.html'), 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('Content-Security-Policy');
        expect(html).toContain('data-id="tp:renewal:welcome_mail"');
        expect(html).not.toContain('<script');
    }, 90_000);

    it('has a context menu of its own: the exports, copy as SVG, fit, show source, and no Cut/Copy/Paste', async () => {
        await bench.openFile(RENEWAL);
        const preview = bench.preview();
        await preview.locator('#zoom-in').click();
        await preview.locator('#zoom-in').click();
        const zoomed = await zoomOf(preview);
        await preview.locator('#viewport').click({ button: 'right', position: { x: 40, y: 40 } });
        const items = bench.page.locator('.context-view .monaco-menu .action-label');
        await expect.poll(() => items.allInnerTexts(), { timeout: 15_000 })
            .toEqual(expect.arrayContaining(['Export Map as SVG…', 'Export Map as PNG…', 'Export Map as PDF…', 'Export Map as HTML…', 'Copy Map as SVG', 'Fit Map to Window', 'Show Source']));
        expect(await items.allInnerTexts()).not.toEqual(expect.arrayContaining(['Cut']));
        // Its items run the commands (the exports' save dialogs are tested above): Fit shows the whole map.
        // (VS Code's menu takes a click on an item only once it has settled: the item is hovered, then Enter.)
        await items.filter({ hasText: 'Fit Map to Window' }).hover();
        await bench.page.keyboard.press('Enter');
        await expect.poll(() => zoomOf(preview), { timeout: 10_000 }).toBeLessThan(zoomed);
        const { fits } = await preview.locator('#viewport').evaluate(viewport => {
            const canvas = document.getElementById('canvas')!;
            const zoom = Number(document.getElementById('zoom-level')!.textContent!.replace('%', '')) / 100;
            return { fits: canvas.scrollWidth * zoom <= viewport.clientWidth * 1.01 + 1 && canvas.scrollHeight * zoom <= viewport.clientHeight * 1.01 + 1 };
        });
        expect(fits).toBe(true);
        // And its exports write files: PNG from the menu, through the save dialog.
        await preview.locator('#viewport').click({ button: 'right', position: { x: 40, y: 40 } });
        await items.filter({ hasText: 'Export Map as PNG…' }).hover();
        await bench.page.keyboard.press('Enter');
        const target = join(server.workspace, 'spec', 'renewal-menu.png');
        await saveThroughDialog('renewal.png', target);
        await expect.poll(() => { try { return PNG.sync.read(readFileSync(target)).width; } catch { return 0; } }, { timeout: 10_000 }).toBeGreaterThan(1000);
    }, 120_000);

    it('draws a curve per persona, and the current state\'s curve under a future state\'s, which the toolbar\'s toggle takes away', async () => {
        await bench.openFile('brightspoke-cx/journeys/fleet-renewal-future.journey');
        await bench.runCommand('Journey: Open Preview to the Side');
        const preview = bench.preview();
        const curves = preview.locator('polyline.journey-persona-curve');
        await expect.poll(() => curves.evaluateAll(lines => lines.map(line => line.getAttribute('data-persona'))), { timeout: 60_000 }).toEqual(['dana', 'priya']);
        const baseline = preview.locator('g.journey-emotion-baseline-point');
        await expect.poll(() => baseline.count(), { timeout: 20_000 }).toBeGreaterThan(3);
        // Each in its own colour (the map's palette for VS Code's theme), with its marker and a legend.
        const strokes = await curves.evaluateAll(lines => lines.map(line => getComputedStyle(line).stroke));
        expect(new Set(strokes).size).toBe(2);
        expect(await preview.locator('g.journey-legend-persona text').allTextContents()).toEqual(['Dana Okafor', 'Priya Raman']);
        const lane = preview.locator('g.journey-lane-emotions');
        await lane.scrollIntoViewIfNeeded();
        const shot = PNG.sync.read(await lane.screenshot({ path: 'test-results/editor-persona-curves.png' }));
        const rgb = (colour: string) => colour.match(/\d+/g)!.slice(0, 3).map(Number);
        for (const stroke of strokes) {
            const [r, g, b] = rgb(stroke);
            let near = 0;
            for (let at = 0; at < shot.data.length; at += 4) {
                near += Math.abs(shot.data[at] - r) + Math.abs(shot.data[at + 1] - g) + Math.abs(shot.data[at + 2] - b) < 40 ? 1 : 0;
            }
            expect(near, stroke).toBeGreaterThan(100);
        }
        const toggle = preview.locator('#current-state');
        expect(await preview.locator('#current-state-toggle').isVisible()).toBe(true);
        await toggle.uncheck();
        await expect.poll(() => baseline.count(), { timeout: 20_000 }).toBe(0);
        await expect.poll(() => curves.count()).toBe(2);
        expect(await preview.locator('g.journey-legend-baseline').count()).toBe(0);
        await toggle.check();
        await expect.poll(() => baseline.count(), { timeout: 20_000 }).toBeGreaterThan(3);
        // A persona in the legend: its curve followed, the other's faded; again: both back.
        const faded = () => preview.locator('svg.journey [data-persona]').evaluateAll(elements => [...new Set(elements
            .filter(element => getComputedStyle(element).opacity !== '1').map(element => element.getAttribute('data-persona')))]);
        await preview.locator('g.journey-legend-persona[data-persona="priya"]').click();
        await expect.poll(faded, { timeout: 5_000 }).toEqual(['dana']);
        await preview.locator('g.journey-legend-persona[data-persona="priya"]').click();
        await expect.poll(faded, { timeout: 5_000 }).toEqual([]);
        // A current state's map has no toggle.
        await bench.openFile('brightspoke-cx/journeys/fleet-renewal.journey');
        await expect.poll(() => preview.locator('g.journey-node[data-id^="tp:fleet_renewal:"]').count(), { timeout: 60_000 }).toBeGreaterThan(3);
        expect(await preview.locator('#current-state-toggle').isVisible()).toBe(false);
    }, 120_000);

    it('shows ```journey blocks as their maps in the Markdown preview: a file= block and an inline one', async () => {
        // test/vscode/fixtures/maps.md: a file= block and an inline one.
        await bench.openFile('maps.md');
        await bench.runCommand('Markdown: Open Preview to the Side');
        const preview = bench.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
        const maps = preview.locator('figure.journey-map');
        await expect.poll(() => maps.count(), { timeout: 60_000 }).toBe(2);
        expect(await maps.nth(0).getAttribute('data-journey')).toBe('renewal');
        expect(await maps.nth(0).locator('g.journey-node').count()).toBeGreaterThan(2);
        expect(await maps.nth(1).locator('title').first().textContent()).toBe('Journey map: A first visit');
        // Drawn with its colours (attributes, which the preview's CSP and sanitizer keep), not as black boxes.
        const shot = PNG.sync.read(await maps.nth(0).screenshot({ path: 'test-results/markdown-preview-map.png' }));
        let dark = 0;
        let accent = 0;
        for (let at = 0; at < shot.data.length; at += 4) {
            const [r, g, b] = [shot.data[at], shot.data[at + 1], shot.data[at + 2]];
            dark += r + g + b < 60 ? 1 : 0;
            // The emotion curve: the accent blue of either theme (#0969da, #4493f8).
            accent += b > 180 && b - r > 90 && g > 80 && g < 170 ? 1 : 0;
        }
        const pixels = shot.data.length / 4;
        expect(dark / pixels).toBeLessThan(0.5);
        expect(accent).toBeGreaterThan(50);
        await bench.runCommand('Notifications: Clear All Notifications');
        await bench.screenshot('test-results/editor-markdown.png');
        if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
            await bench.screenshot('docs/images/editor-markdown.png');
        }
    }, 90_000);

    it('shows a realistic map beside its editor (the README\'s screenshot)', async () => {
        const preview = await openPreview('brightspoke-cx/journeys/fleet-renewal-future.journey', 'fleet_renewal_future');
        await bench.runCommand('Notifications: Clear All Notifications');
        await bench.runCommand('View: Close Primary Side Bar');
        await preview.locator('#zoom-reset').click();
        await preview.locator('#zoom-out').click();
        await preview.locator('#zoom-out').click();
        await preview.locator('#viewport').press('Home'); // back to the top left corner
        // Down to the Feels lane (a curve per persona, the current state's beneath), with the touchpoints above it.
        const laneTop = () => preview.locator('g.journey-lane-emotions').evaluate(lane => {
            const frame = document.getElementById('viewport')!.getBoundingClientRect();
            return (lane.getBoundingClientRect().top - frame.top) / frame.height;
        });
        for (let step = 0; step < 60 && await laneTop() > 0.55; step++) {
            await preview.locator('#viewport').press('ArrowDown');
        }
        expect(await laneTop()).toBeLessThanOrEqual(0.55);
        expect(await laneTop()).toBeGreaterThan(0);
        await bench.page.waitForTimeout(500);
        // Always in test-results/; into docs/ (the README's picture) when asked, so that a test run leaves the tree clean.
        await bench.screenshot('test-results/editor-preview.png');
        if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
            await bench.screenshot('docs/images/editor-preview.png');
        }
    }, 90_000);

    it('restores the preview, with its zoom, after the window reloads', async () => {
        // The preview the test before left: the future state's map, zoomed out twice.
        const zoom = await bench.preview().locator('#zoom-level').textContent();
        expect(zoom).toBe('64%');
        // Through VS Code's lifecycle, which saves the workbench's state (and the webview's) before it reloads.
        await bench.runCommand('Developer: Reload Window');
        await bench.page.waitForEvent('load', { timeout: 60_000 });
        await bench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        const preview = bench.preview();
        await expect.poll(() => preview.locator('g.journey-node[data-id^="tp:fleet_renewal_future:"]').count(), { timeout: 60_000 }).toBeGreaterThan(3);
        expect(await preview.locator('#zoom-level').textContent()).toBe(zoom);
        expect(await bench.page.locator('.tabs-container .tab[aria-label^="Preview fleet-renewal-future.journey"]').count()).toBe(1);
    }, 90_000);

    it('opens the workspace report beside the editor: the site\'s pages, a journey with its map one click away', async () => {
        // After the window's reload (the test before), with the preview and its file still open: the report needs no editor of its own.
        await bench.runCommand('Journey: Open Workspace Report');
        const report = bench.preview();
        const rows = report.locator('div.page[data-page="index.html"] tr[data-journey]');
        await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
        expect(await rows.evaluateAll(nodes => nodes.map(node => node.getAttribute('data-journey')))).toEqual(expect.arrayContaining(['fleet_renewal', 'renewal']));
        await report.locator('div.page[data-page="index.html"] a[href="#page=journeys%2Ffleet_renewal.html"]').first().click();
        const page = report.locator('div.page[data-page="journeys/fleet_renewal.html"]');
        await expect.poll(() => page.isVisible(), { timeout: 10_000 }).toBe(true);
        await expect.poll(() => page.locator('svg.journey g.journey-node[data-id^="tp:fleet_renewal:"]').count(), { timeout: 10_000 }).toBeGreaterThan(3);
        await bench.page.waitForTimeout(500);
        await bench.screenshot('test-results/editor-report.png');
        if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
            await bench.screenshot('docs/images/editor-report.png');
        }
    }, 120_000);

    it('compares the maps with the branch\'s base: offered first, the marked map beside the editor, a change clicked highlighted', async () => {
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Journey Tests', '-c', 'user.email=tests@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: server.workspace, encoding: 'utf8' });
        const file = join(server.workspace, 'brightspoke-cx/journeys/fleet-renewal.journey');
        const text = readFileSync(file, 'utf8');
        try {
            git('init', '-q', '-b', 'main');
            git('add', '-A');
            git('commit', '-q', '-m', 'the maps on main');
            git('checkout', '-q', '-b', 'faster-quotes');
            // A branch that sends the quote earlier (better) while the negotiation gets worse; one of them uncommitted.
            writeFileSync(file, text.replace('emotion -2 "Let down"', 'emotion 1 "Reassured"'));
            git('commit', '-q', '-am', 'quote 90 days before lease end');
            writeFileSync(file, readFileSync(file, 'utf8').replace('emotion -1 "Frustrated"', 'emotion -3 "Furious"'));
            // A map with unsaved changes: the comparison reads the disk, and says so first.
            await bench.openFile('spec/shared.journey');
            await bench.goTo(1, 1);
            await bench.page.keyboard.type('// not saved\n');
            await bench.runCommand('Journey: Compare with…');
            const first = bench.page.locator('.quick-input-list .monaco-list-row').first();
            await first.waitFor({ timeout: 15_000 });
            await expect.poll(() => first.innerText(), { timeout: 10_000 }).toMatch(/main[\s\S]*the branch's base/);
            await bench.page.keyboard.press('Enter');
            const toast = bench.page.locator('.notifications-toasts .notification-toast', { hasText: 'unsaved changes; the comparison reads the files on disk' });
            await toast.waitFor({ timeout: 15_000 });
            await toast.locator('.monaco-button', { hasText: 'Compare Saved Files' }).click();
            const diff = bench.preview();
            const summary = diff.locator('.diff-summary');
            await expect.poll(() => summary.textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/1 journey changed; 2 changes \(1 better, 1 worse\)/);
            expect(await diff.locator('h1').textContent()).toBe('journey diff main (merge base with HEAD) → working tree');
            const worse = diff.locator('button.diff-find', { hasText: 'Negotiation call' });
            await worse.click();
            await expect.poll(() => worse.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
            const highlighted = diff.locator('.diff-map .journey-highlight');
            expect(await highlighted.count()).toBeGreaterThan(0);
            expect(await highlighted.first().getAttribute('data-id')).toBe(await worse.getAttribute('data-target'));
            expect(await bench.page.locator('.tabs-container .tab[aria-label^="Journey diff: main (base)"]').count()).toBe(1);
            // The README's picture: the comparison's group alone, as a reviewer would look at it.
            await bench.runCommand('View: Toggle Maximize Editor Group');
            await bench.page.waitForTimeout(1000);
            await bench.screenshot('test-results/editor-diff.png');
            if (process.env.JOURNEY_UPDATE_SCREENSHOTS) {
                await bench.screenshot('docs/images/editor-diff.png');
            }
            await bench.runCommand('View: Toggle Maximize Editor Group');
            await bench.openFile('spec/shared.journey');
            await bench.runCommand('File: Revert File');
            await expect.poll(() => bench.page.locator('.tabs-container .tab.active.dirty').count(), { timeout: 10_000 }).toBe(0);
        } finally {
            writeFileSync(file, text);
            rmSync(join(server.workspace, '.git'), { recursive: true, force: true });
        }
    }, 120_000);
});
