import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { renderSvgStack, stackSize, type Layout, type Theme } from '@journey/preview';
import { MAP_FONT_FAMILY, readPictureAssets, type PictureAssets } from './assets.js';

export interface PngOptions {
    theme?: Theme;
    /** Pixels per CSS pixel of the map: 2 for a sharp picture on a high-density screen or a slide. */
    scale?: number;
    assets?: PictureAssets;
}

/** Past this a PNG is a picture no viewer opens well, and the memory to draw it runs out first. */
export const MAX_PNG_PIXELS = 200_000_000;

/** Why a picture cannot be drawn as asked; the message says what to change. */
export class PictureError extends Error {}

let wasmReady: Promise<void> | undefined;

/**
 * The map as a PNG (several maps: one below the other): the SVG `journey render` writes, with its
 * colours and font fixed in (resvg knows no CSS variables), drawn by resvg with the map font's own
 * files. Same layout, same scale: same bytes.
 */
export async function renderPng(maps: Layout | readonly Layout[], options: PngOptions = {}): Promise<Uint8Array> {
    const layouts: readonly Layout[] = Array.isArray(maps) ? maps : [maps as Layout];
    const size = stackSize(layouts);
    const scale = options.scale ?? 1;
    if (!(scale > 0 && Number.isFinite(scale))) {
        throw new PictureError(`the scale of a PNG is a number above 0, not ${scale}`);
    }
    const width = Math.ceil(size.width * scale);
    const height = Math.ceil(size.height * scale);
    if (width * height > MAX_PNG_PIXELS) {
        const fits = Math.floor(Math.sqrt(MAX_PNG_PIXELS / (size.width * size.height)) * 10) / 10;
        throw new PictureError(`the PNG of ${layouts.map(layout => `\`${layout.name}\``).join(', ')} would be ${width}×${height} pixels at scale ${scale}, more than ${MAX_PNG_PIXELS / 1_000_000} million; `
            + (fits > 0 ? `use --scale ${fits} or lower, or a PDF or SVG, which stay sharp at any size` : 'write a PDF or SVG instead, which stay sharp at any size'));
    }
    const svg = renderSvgStack(layouts, { theme: options.theme, fixedStyle: { fontFamily: MAP_FONT_FAMILY } });
    return pngOfSvg(svg, scale, options.assets);
}

/** An SVG drawn by resvg with the map font (and no other: WebAssembly sees no system font). */
export async function pngOfSvg(svg: string, scale: number, given?: PictureAssets): Promise<Uint8Array> {
    const assets = given ?? await readPictureAssets();
    wasmReady ??= initWasm(assets.resvgWasm).catch((error: unknown) => {
        wasmReady = undefined;
        throw error;
    });
    await wasmReady;
    const resvg = new Resvg(svg, {
        font: { fontBuffers: [assets.regularFont, assets.boldFont, assets.obliqueFont], defaultFontFamily: MAP_FONT_FAMILY, sansSerifFamily: MAP_FONT_FAMILY },
        fitTo: { mode: 'zoom', value: scale },
        shapeRendering: 2,
        textRendering: 1,
    });
    try {
        const image = resvg.render();
        try {
            return image.asPng();
        } finally {
            image.free();
        }
    } finally {
        resvg.free();
    }
}
