// The PNG `journey render` writes, against a reference rendering of the same SVG: headless Chromium
// drawing it with the same font files (as @font-face), compared pixel by pixel within a tolerance.
// resvg and Chromium antialias glyph and curve edges differently; everything else is the same pixels.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_FONT_FAMILY, readPictureAssets, renderPng } from '@journey/png-pdf';
import { layoutJourneyMap, renderSvg, type Layout } from '@journey/preview';
import { launchChromium, type HeadlessChromium } from '../support/chromium.js';
import { exampleJourneys } from '../preview/preview-helper.js';

let browser: HeadlessChromium;
beforeAll(async () => {
    browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

/** Chromium's picture of the map: the same fixed-style SVG, the fonts given as files (no system font). */
async function reference(layout: Layout): Promise<PNG> {
    const assets = await readPictureAssets();
    const face = (data: Uint8Array, weight: number, style: string) =>
        `@font-face{font-family:"${MAP_FONT_FAMILY}";src:url(data:font/ttf;base64,${Buffer.from(data).toString('base64')}) format("truetype");font-weight:${weight};font-style:${style}}`;
    const page = await browser.context.newPage();
    try {
        await page.setViewportSize({ width: Math.ceil(layout.width), height: Math.ceil(layout.height) });
        await page.setContent(`<!DOCTYPE html><html><head><style>${face(assets.regularFont, 400, 'normal')}${face(assets.boldFont, 700, 'normal')}${face(assets.obliqueFont, 400, 'italic')}`
            + `html,body{margin:0;padding:0}svg{display:block}</style></head><body>${renderSvg(layout, { fixedStyle: { fontFamily: MAP_FONT_FAMILY } })}</body></html>`);
        await page.evaluate(() => document.fonts.ready);
        return PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width: Math.ceil(layout.width), height: Math.ceil(layout.height) } }));
    } finally {
        await page.close();
    }
}

describe('the PNG against a reference rendering', () => {
    it.each(['renewal', 'fleet_renewal', 'ebike_purchase'])('%s: the same picture as Chromium draws of its SVG, within antialiasing', async name => {
        const example = (await exampleJourneys()).find(journey => journey.model.name === name)!;
        const layout = await layoutJourneyMap(example.model);
        const ours = PNG.sync.read(Buffer.from(await renderPng(layout)));
        const theirs = await reference(layout);
        expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
        let differing = 0;
        let total = 0;
        for (let at = 0; at < ours.data.length; at += 4) {
            const difference = Math.max(...[0, 1, 2].map(channel => Math.abs(ours.data[at + channel] - theirs.data[at + channel])));
            total += difference;
            differing += difference > 64 ? 1 : 0;
        }
        const pixels = ours.data.length / 4;
        // Measured: 0.2–0.3 % of pixels differ, by 0.7–1 level on average (glyph edges: hinting, antialiasing).
        // Another font in the reference (serif) gives 1.9–2.7 % and 3.1–4.6: a wrong font, colour or shape shows.
        expect(differing / pixels).toBeLessThan(0.008);
        expect(total / pixels).toBeLessThan(2);
    }, 60_000);
});
