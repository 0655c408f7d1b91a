import { parseExportedLayouts, type ExportFormat } from './webview-messages.js';

/** Pixels per pixel of the map in a PNG from the preview: sharp on high-density screens and slides. */
export const PREVIEW_PNG_SCALE = 2;

/**
 * The bytes of an export from what the webview answered: SVG and HTML as it wrote them; PNG and PDF
 * drawn here from the maps as it laid them out, by the code `journey render -o map.png|map.pdf` runs
 * (the CLI's png-pdf bundle, loaded when first needed).
 */
export async function exportedBytes(format: ExportFormat, data: string): Promise<Uint8Array> {
    if (format === 'svg' || format === 'html') {
        return Buffer.from(data, 'utf8');
    }
    const exported = parseExportedLayouts(data);
    if (!exported) {
        throw new Error('the preview sent maps that cannot be drawn');
    }
    const pictures = await import('@journey/png-pdf');
    return format === 'png'
        ? pictures.renderPng(exported.layouts, { theme: exported.theme, scale: PREVIEW_PNG_SCALE })
        : pictures.renderPdf(exported.layouts, { theme: exported.theme });
}
