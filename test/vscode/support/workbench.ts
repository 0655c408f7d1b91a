import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { chromiumPath, repoRoot } from './code-server.js';

/**
 * The VS Code workbench in headless Chromium, driven the way a person would: Quick Open, the command
 * palette, typing in the editor, clicking in the preview. Selectors are VS Code 1.100's.
 */
export class Workbench {
    private constructor(readonly browser: Browser, readonly page: Page) {}

    static async open(url: string): Promise<Workbench> {
        const browser = await chromium.launch({
            executablePath: chromiumPath,
            args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
        });
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(url);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
        return new Workbench(browser, page);
    }

    async close(): Promise<void> {
        await this.browser.close();
    }

    /** Opens a workspace file with Quick Open (Ctrl+P); `path` is relative to the workspace. */
    async openFile(path: string): Promise<void> {
        const parts = path.split('/');
        const name = parts.pop()!;
        const folder = parts.pop();
        const tab = this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
        // Quick Open lists the recently opened files first and filters them a moment later: Enter is
        // pressed once the row chosen (focused) is the file asked for, not one that merely appears.
        let chosen = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name });
        if (folder) {
            chosen = chosen.filter({ hasText: folder });
        }
        // A webview that takes focus as it renders (a preview, a diff) can close Quick Open between
        // typing and Enter: then the file did not open, and again.
        // Quick Open can also close before its list shows the file (the row is there, hidden): again.
        for (let attempt = 1; ; attempt++) {
            await this.page.locator('.part.editor').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
            try {
                await this.quickInput('Control+P', path);
                await chosen.waitFor({ timeout: 10_000 });
                await this.page.keyboard.press('Enter');
                await tab.waitFor({ timeout: 10_000 });
                break;
            } catch (error) {
                if (attempt === 4) {
                    throw error;
                }
                await this.page.keyboard.press('Escape');
            }
        }
        await this.editor(name.endsWith('.journey') ? undefined : name).locator('.view-lines').waitFor();
    }

    /** Runs a command by its title from the command palette (F1). */
    async runCommand(title: string): Promise<void> {
        await this.quickInput('F1', `>${title}`);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await this.page.keyboard.press('Enter');
    }

    /**
     * Opens the quick input with `key` and types `text` into it. The workbench sometimes closes a quick
     * input it has just opened (focus moving to a panel or a notification as it settles): then again.
     */
    private async quickInput(key: string, text: string): Promise<void> {
        const input = this.page.locator('.quick-input-widget input');
        for (let attempt = 1; ; attempt++) {
            await this.page.keyboard.press(key);
            try {
                await input.waitFor({ timeout: 10_000 });
                await input.fill(text, { timeout: 5_000 });
                return;
            } catch (error) {
                if (attempt === 3) {
                    throw error;
                }
                await this.page.keyboard.press('Escape');
            }
        }
    }

    /** The active text editor. */
    /** The editor of a journey file (or of the file called `name`), in the active group first. */
    editor(name?: string): Locator {
        const ending = name === undefined ? '.journey' : `/${name}`;
        return this.page.locator(`.editor-group-container.active .monaco-editor[data-uri$="${ending}"], .editor-group-container .monaco-editor[data-uri$="${ending}"]`).first();
    }

    /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
    async goTo(line: number, column = 1): Promise<void> {
        await this.page.keyboard.press('Control+1'); // focus the first editor group, where the text is
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /** "Ln 12, Col 5" from the status bar. */
    async cursor(): Promise<{ line: number; column: number }> {
        const text = await this.page.locator('#status\\.editor\\.selection').innerText();
        const match = /Ln (\d+), Col (\d+)/.exec(text);
        if (!match) {
            throw new Error(`no cursor position in the status bar: "${text}"`);
        }
        return { line: Number(match[1]), column: Number(match[2]) };
    }

    /** The language's name in the status bar ("Journey") and its id on the editor ("journey"). */
    async language(): Promise<{ name: string; id: string | null }> {
        const name = (await this.page.locator('#status\\.editor\\.mode').innerText()).trim();
        const id = await this.page.locator('.editor-group-container.active .editor-instance[data-mode-id]').first().getAttribute('data-mode-id');
        return { name, id };
    }

    /** Inside the preview webview (VS Code nests the content in a second iframe). */
    preview(): FrameLocator {
        return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    }

    async screenshot(file: string): Promise<string> {
        const path = join(repoRoot, file);
        mkdirSync(join(path, '..'), { recursive: true });
        await this.page.screenshot({ path });
        return path;
    }
}
