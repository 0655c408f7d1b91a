import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { PNG } from 'pngjs';
import { chromiumPath } from '../vscode/support/code-server.js';

/**
 * Headless Debian Chromium driven by playwright-core, for tests that look at what a browser makes of our
 * output. `scripts/install-test-deps.sh` installs it; `JOURNEY_TEST_CHROMIUM` points at another binary.
 * Missing Chromium is an error, never a skip.
 */
export { chromiumPath };

export interface HeadlessChromium {
    context: BrowserContext;
    close(): Promise<void>;
}

/** Starts Chromium on a fresh user-data folder of its own, removed again by `close()`. */
export async function launchChromium(options: { width?: number; height?: number } = {}): Promise<HeadlessChromium> {
    if (!existsSync(chromiumPath)) {
        throw new Error(`missing chromium (${chromiumPath}): run scripts/install-test-deps.sh`);
    }
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'journey-chromium-'));
    try {
        const context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: chromiumPath,
            headless: true,
            args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--no-first-run'],
            viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
            deviceScaleFactor: 1,
        });
        return {
            context,
            async close() {
                await context.close();
                rmSync(userDataDir, { recursive: true, force: true });
            },
        };
    } catch (error) {
        rmSync(userDataDir, { recursive: true, force: true });
        throw error;
    }
}

export interface InkCount {
    width: number;
    height: number;
    /** Pixels that differ clearly from the background (the colour of the top-left pixel). */
    ink: number;
}

/** Decodes a PNG screenshot and counts the pixels that are not background. */
export function countInk(png: Buffer, tolerance = 24): InkCount {
    const image = PNG.sync.read(png);
    const { data, width, height } = image;
    const [r, g, b] = [data[0]!, data[1]!, data[2]!];
    let ink = 0;
    for (let at = 0; at < data.length; at += 4) {
        if (Math.abs(data[at]! - r) > tolerance || Math.abs(data[at + 1]! - g) > tolerance || Math.abs(data[at + 2]! - b) > tolerance) {
            ink++;
        }
    }
    return { width, height, ink };
}
