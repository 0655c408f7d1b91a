// Spec audit of the drawing (the preview issue's checklist): what the pictures must show, checked on
// adversarial maps. Text is measured where it is drawn, in headless Chromium (its sans-serif is the
// DejaVu Sans the text metrics are taken from): every line stays inside its box.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildViewModel, layoutJourney, renderSvg, textWidth } from '@journey/preview';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../support/chromium.js';
import { modelOf, modelsOf } from './preview-helper.js';

const SHARED = `team ops "Operations"
channel web "Website" online
metric conv "Conversion of trial users to paid plans" percent
metric wait "Minutes to a first answer" scale 0 to 100 lower is better
competitor acme "AcmeOps"
competitor beta "Beta Corporation International Holdings Limited"
persona p "Persona P" {
    need n1 "Fill in the little billing form without calling, all in the first visit" importance 5
}
`;

/** Bold text with many of the letters DejaVu Sans Bold widens most (f, i, l, r, t): titles, stages, nodes, KPIs, plans. */
const BOLD = `journey bold "Still little trial: fill it, tilt it, lift it; first-rate little trifles, fitful little flirts, still it fits" {
    persona p
    stage s1 "Lilt: first little trifles" {
        question "Is it still little?"
        touchpoint t1 "Fill little trial forms first" {
            channel web
            owner ops
            kpi conv 3% target 5%
            kpi wait 12 target 15
            moment of truth
            serves n1
        }
    }
    valuegap {
        n1 us 1 acme 4 beta 3
    }
    plan fit "Lift the little trial fill-in limit first, fit it still, tilt it right" { owner ops status doing }
}
`;

let chromium: HeadlessChromium | undefined;
let outDir: string;
beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'journey-audit-'));
});
afterAll(async () => {
    await chromium?.close();
    rmSync(outDir, { recursive: true, force: true });
});

/** Texts whose rendered box leaves the box of the card (or value gap row) they are drawn in. */
async function overflowingTexts(svg: string): Promise<string[]> {
    chromium ??= await launchChromium();
    const file = path.join(outDir, `map-${Math.random().toString(36).slice(2)}.svg`);
    writeFileSync(file, svg);
    const page = await chromium.context.newPage();
    try {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        return await page.evaluate<string[]>(`(() => {
            const problems = [];
            for (const group of document.querySelectorAll('.journey-card, .journey-gap-row')) {
                const box = group.querySelector(':scope > rect').getBBox();
                for (const text of group.querySelectorAll(':scope > text')) {
                    const t = text.getBBox();
                    if (t.x < box.x - 0.5 || t.x + t.width > box.x + box.width + 0.5) {
                        problems.push(group.getAttribute('data-id') + ': "' + text.textContent + '" spans ' + Math.round(t.x) + '..'
                            + Math.round(t.x + t.width) + ', its box ' + Math.round(box.x) + '..' + Math.round(box.x + box.width));
                    }
                }
            }
            return problems;
        })()`);
    } finally {
        await page.close();
    }
}

describe('spec audit: the drawing', () => {
    it('keeps bold text (title, stage, touchpoint, KPI, plan, need) inside its box as Chromium draws it', async () => {
        const view = buildViewModel(await modelOf(BOLD, { 'shared.journey': SHARED }));
        const svg = renderSvg(await layoutJourney(view));
        expect(await overflowingTexts(svg)).toEqual([]);
    });

    it('never cuts a competitor name silently in the value gap chart: an ellipsis on the row, the whole name in its tooltip', async () => {
        const layout = await layoutJourney(buildViewModel(await modelOf(BOLD, { 'shared.journey': SHARED })));
        const row = layout.valueGap!.rows[0];
        const party = row.lines.find(line => line.text.startsWith('Beta'))!;
        expect(party.text).toMatch(/^Beta Corporation.*…$/);
        expect(textWidth(party.text, { size: party.size, bold: party.bold })).toBeLessThanOrEqual(120);
        expect(row.title).toContain('Beta Corporation International Holdings Limited 3');
        expect(row.title).toContain('us 1');
        expect(row.lines.find(line => line.text.startsWith('Acme'))!.text).toBe('AcmeOps');
    });

    it('names the current state a future map redraws by its title, as the header names personas and teams (was its identifier)', async () => {
        const [, future] = await modelsOf(`journey renewal_today "Olivia renews today" { persona p stage s "S" { touchpoint t "T" {} } }
journey renewal_next "Olivia renews next year" { persona p state future of renewal_today stage s "S" { touchpoint t "T" {} } }
`, { 'shared.journey': SHARED });
        const header = buildViewModel(future).header;
        expect(header.state).toBe('Future state of “Olivia renews today”');
        const layout = await layoutJourney(buildViewModel(future));
        expect(layout.header.lines.map(line => line.text).join(' ')).toContain('Future state of “Olivia renews today”');
    });

    it('measures bold text at least as wide as DejaVu Sans Bold draws it', () => {
        // Advance widths of DejaVu Sans Bold (units of 2048 per em): the bold face is not the regular one
        // widened evenly (f, i, l, r, t gain some 20 %).
        const dejaVuBold: Record<string, number> = { f: 891, i: 702, l: 702, r: 1010, t: 979, I: 762, P: 1501, '.': 778, '“': 1346 };
        for (const [char, units] of Object.entries(dejaVuBold)) {
            expect(textWidth(char, { size: 2048, bold: true }), char).toBeGreaterThanOrEqual(units);
        }
    });
});
