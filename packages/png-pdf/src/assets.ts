import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The font the layout measures text with (packages/preview/src/text-metrics.ts has its widths). PNG
 * and PDF draw with this font's own files, never a system font, so text fits its box on every machine.
 */
export const MAP_FONT_FAMILY = 'DejaVu Sans';

/** What drawing a PNG or PDF needs besides code: the three faces of the map font and resvg's WebAssembly. */
export interface PictureAssets {
    readonly regularFont: Uint8Array;
    readonly boldFont: Uint8Array;
    readonly obliqueFont: Uint8Array;
    readonly resvgWasm: Uint8Array;
}

/**
 * The asset files: the name a bundle gives each in its `picture-assets/` folder, and the npm file it
 * comes from (scripts/bundle.mjs and scripts/bundle-vscode.mjs copy them; the fonts' licence goes along).
 */
export const PICTURE_ASSET_FILES = {
    regularFont: { name: 'DejaVuSans.ttf', from: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf' },
    boldFont: { name: 'DejaVuSans-Bold.ttf', from: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' },
    obliqueFont: { name: 'DejaVuSans-Oblique.ttf', from: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf' },
    resvgWasm: { name: 'resvg.wasm', from: '@resvg/resvg-wasm/index_bg.wasm' },
    fontLicence: { name: 'DejaVu-LICENSE.txt', from: 'dejavu-fonts-ttf/LICENSE' },
} as const;

export const PICTURE_ASSETS_FOLDER = 'picture-assets';

let cached: Promise<PictureAssets> | undefined;

/**
 * Reads the assets from the `picture-assets/` folder beside the running bundle (the CLI's dist, the
 * extension's dist), or, unbundled (tests, the workspace's own scripts), from the npm packages.
 */
export function readPictureAssets(): Promise<PictureAssets> {
    cached ??= readAssets().catch((error: unknown) => {
        cached = undefined;
        throw error;
    });
    return cached;
}

async function readAssets(): Promise<PictureAssets> {
    const beside = new URL(`./${PICTURE_ASSETS_FOLDER}/`, import.meta.url);
    const require = createRequire(import.meta.url);
    const read = async (file: { name: string; from: string }): Promise<Uint8Array> => {
        try {
            return await readFile(fileURLToPath(new URL(file.name, beside)));
        } catch {
            return readFile(require.resolve(file.from));
        }
    };
    const [regularFont, boldFont, obliqueFont, resvgWasm] = await Promise.all([
        read(PICTURE_ASSET_FILES.regularFont), read(PICTURE_ASSET_FILES.boldFont), read(PICTURE_ASSET_FILES.obliqueFont), read(PICTURE_ASSET_FILES.resvgWasm),
    ]);
    return { regularFont, boldFont, obliqueFont, resvgWasm };
}
