// Vector PDFs of maps: parsed back with pdf-parse (PDF.js): pages, page sizes, text, fonts, dates.
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { placeOnPage, renderPdf } from '@journey/png-pdf';
import { layoutJourneyMap, type Layout } from '@journey/preview';
import { exampleJourneys } from '../preview/preview-helper.js';

async function brightspokeLayouts(): Promise<Layout[]> {
    const examples = (await exampleJourneys()).filter(example => example.example === 'brightspoke-cx').slice(0, 2);
    expect(examples).toHaveLength(2);
    return Promise.all(examples.map(example => layoutJourneyMap(example.model)));
}

async function parsed(bytes: Uint8Array) {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
        const info = await parser.getInfo({ parsePageInfo: true });
        const text = await parser.getText();
        return { info, text };
    } finally {
        await parser.destroy();
    }
}

describe('renderPdf', () => {
    it('has a page per map, each the size of its map (fit), with the map\'s text as text and a bookmark', async () => {
        const layouts = await brightspokeLayouts();
        const { info, text } = await parsed(await renderPdf(layouts));
        expect(info.total).toBe(2);
        for (const [index, layout] of layouts.entries()) {
            expect(info.pages[index].width).toBeCloseTo(layout.width * 0.75, 0);
            expect(info.pages[index].height).toBeCloseTo(layout.height * 0.75, 0);
            const pageText = text.pages[index].text.replace(/\s+/g, ' ');
            expect(pageText).toContain(layout.title);
            for (const stage of layout.stages) {
                expect(pageText).toContain(stage.header.lines[0].text);
            }
        }
        expect(info.outline?.map(item => item.title)).toEqual(layouts.map(layout => layout.title));
        expect(info.info.Title).toBe(layouts.map(layout => layout.title).join('; '));
    });

    it('embeds the map font (subsets of DejaVu Sans, with a map back to Unicode) and uses no other', async () => {
        const bytes = Buffer.from(await renderPdf((await brightspokeLayouts()).slice(0, 1)));
        const pdf = bytes.toString('latin1');
        const fonts = [...pdf.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map(match => match[1].slice(7));
        expect(new Set(fonts)).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']));
        expect(pdf).toContain('/FontFile2');
        expect(pdf).toContain('/ToUnicode');
        expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    });

    it('fits the map on a paper page, turned to suit it, scaled down and never up', async () => {
        const wide = { width: 2400, height: 900 };
        const a4 = placeOnPage(wide, 'a4');
        expect([a4.pageWidth, a4.pageHeight]).toEqual([841.89, 595.28]);
        expect(a4.x + a4.width).toBeLessThanOrEqual(a4.pageWidth - 28 + 1e-9);
        expect(a4.y + a4.height).toBeLessThanOrEqual(a4.pageHeight);
        expect(a4.width / a4.height).toBeCloseTo(wide.width / wide.height, 6);
        const tall = placeOnPage({ width: 600, height: 2000 }, 'letter');
        expect([tall.pageWidth, tall.pageHeight]).toEqual([612, 792]);
        const small = placeOnPage({ width: 200, height: 100 }, 'a3');
        expect([small.width, small.height]).toEqual([150, 75]);
        const huge = placeOnPage({ width: 40_000, height: 1000 }, 'fit');
        expect(huge.pageWidth).toBe(14_400);

        const layouts = await brightspokeLayouts();
        const { info } = await parsed(await renderPdf(layouts, { page: 'a4' }));
        for (const page of info.pages) {
            expect([Math.min(page.width, page.height), Math.max(page.width, page.height)].map(Math.round)).toEqual([595, 842]);
        }
    });

    it('gives the same bytes every time: the creation date is the one given, else fixed', async () => {
        const layouts = await brightspokeLayouts();
        const first = await renderPdf(layouts);
        expect(Buffer.from(await renderPdf(layouts)).equals(Buffer.from(first))).toBe(true);
        expect((await parsed(first)).info.info.CreationDate).toBe('D:19700101000000Z');
        const dated = await renderPdf(layouts, { creationDate: new Date(Date.UTC(2026, 10, 23)) });
        expect((await parsed(dated)).info.info.CreationDate).toBe('D:20261123000000Z');
    });
});
