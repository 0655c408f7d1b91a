// Copies what PNG and PDF drawing reads at run time (the map font's two faces, their licence, resvg's
// WebAssembly) into DIST/picture-assets/, where packages/png-pdf/src/assets.ts looks first.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PICTURE_ASSET_FILES, PICTURE_ASSETS_FOLDER } from '../packages/png-pdf/out/assets.js';

const require = createRequire(import.meta.url);

export function copyPictureAssets(dist) {
    mkdirSync(`${dist}/${PICTURE_ASSETS_FOLDER}`, { recursive: true });
    for (const file of Object.values(PICTURE_ASSET_FILES)) {
        copyFileSync(require.resolve(file.from), `${dist}/${PICTURE_ASSETS_FOLDER}/${file.name}`);
    }
}
