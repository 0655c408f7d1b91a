import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Layout, Theme } from '@journey/preview';
import { MAP_FONT_FAMILY, readPictureAssets, type PictureAssets } from './assets.js';
import { attributeStyledSvg } from './attribute-svg.js';

/** `fit`: each page the size of its map; a paper size: the map scaled down to fit, turned to suit it. */
export type PdfPage = 'fit' | 'a4' | 'a3' | 'letter';
export const PDF_PAGES: readonly PdfPage[] = ['fit', 'a4', 'a3', 'letter'];

export interface PdfOptions {
    theme?: Theme;
    page?: PdfPage;
    /** The document's creation date: fixed, so that the same maps give the same bytes. */
    creationDate?: Date;
    assets?: PictureAssets;
}

/** Portrait sizes in points (1/72 in). */
const PAPER: Record<Exclude<PdfPage, 'fit'>, [number, number]> = {
    a4: [595.28, 841.89],
    a3: [841.89, 1190.55],
    letter: [612, 792],
};
/** A CSS pixel is 1/96 in. */
const POINTS_PER_PIXEL = 72 / 96;
/** The largest page PDF readers open (Acrobat's limit: 200 in). */
const MAX_PAGE_POINTS = 14_400;
const PAPER_MARGIN = 28;

const REGULAR = 'map-regular';
const BOLD = 'map-bold';
const OBLIQUE = 'map-oblique';

/**
 * Maps as a vector PDF, one page per map: the SVG `journey render` writes, colours and font fixed in,
 * drawn by svg-to-pdfkit into PDFKit with the map font embedded (subset), so text stays text: it can be
 * selected, searched and read aloud. Each page is a bookmark. No date but the one given: same maps,
 * same bytes.
 */
export async function renderPdf(layouts: readonly Layout[], options: PdfOptions = {}): Promise<Uint8Array> {
    const assets = options.assets ?? await readPictureAssets();
    const page = options.page ?? 'fit';
    const doc = new PDFDocument({
        autoFirstPage: false,
        // The map font from the start: the default, Helvetica, would be read from PDFKit's own files.
        font: Buffer.from(assets.regularFont) as unknown as string,
        pdfVersion: '1.7',
        displayTitle: true,
        lang: 'en',
        info: {
            Title: layouts.length === 1 ? layouts[0].title : layouts.map(layout => layout.title).join('; '),
            Creator: 'journey',
            Producer: 'journey (PDFKit)',
            CreationDate: options.creationDate ?? new Date(0),
        },
    });
    doc.registerFont(REGULAR, Buffer.from(assets.regularFont));
    doc.registerFont(BOLD, Buffer.from(assets.boldFont));
    doc.registerFont(OBLIQUE, Buffer.from(assets.obliqueFont));
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
        doc.on('end', resolve);
        doc.on('error', reject);
    });
    for (const layout of layouts) {
        const placed = placeOnPage(layout, page);
        doc.addPage({ size: [placed.pageWidth, placed.pageHeight], margin: 0 });
        doc.outline.addItem(layout.title);
        SVGtoPDF(doc, attributeStyledSvg(layout, { theme: options.theme, fontFamily: MAP_FONT_FAMILY }), placed.x, placed.y, {
            width: placed.width,
            height: placed.height,
            preserveAspectRatio: 'xMidYMin meet',
            // The map sets nothing in bold italic.
            fontCallback: (_family: string, bold: boolean, italic: boolean) => (italic ? OBLIQUE : bold ? BOLD : REGULAR),
            // The SVG is ours: whatever it does not support is a bug to find in tests, not to print to users.
            warningCallback: () => undefined,
        });
    }
    doc.end();
    await ended;
    return new Uint8Array(Buffer.concat(chunks));
}

export interface PlacedMap {
    pageWidth: number;
    pageHeight: number;
    x: number;
    y: number;
    width: number;
    height: number;
}

/** Where a map goes on its page, in points. */
export function placeOnPage(layout: Pick<Layout, 'width' | 'height'>, page: PdfPage): PlacedMap {
    const width = layout.width * POINTS_PER_PIXEL;
    const height = layout.height * POINTS_PER_PIXEL;
    if (page === 'fit') {
        const scale = Math.min(1, MAX_PAGE_POINTS / width, MAX_PAGE_POINTS / height);
        return { pageWidth: width * scale, pageHeight: height * scale, x: 0, y: 0, width: width * scale, height: height * scale };
    }
    const [short, long] = PAPER[page];
    const fitted = (pageWidth: number, pageHeight: number) => {
        const scale = Math.min(1, (pageWidth - 2 * PAPER_MARGIN) / width, (pageHeight - 2 * PAPER_MARGIN) / height);
        return { pageWidth, pageHeight, scale };
    };
    // Turned the way the map is drawn larger; portrait on a tie.
    const portrait = fitted(short, long);
    const landscape = fitted(long, short);
    const best = landscape.scale > portrait.scale ? landscape : portrait;
    const drawnWidth = width * best.scale;
    return {
        pageWidth: best.pageWidth,
        pageHeight: best.pageHeight,
        x: (best.pageWidth - drawnWidth) / 2,
        y: PAPER_MARGIN,
        width: drawnWidth,
        height: height * best.scale,
    };
}
