import { writeFile } from 'node:fs/promises';
import { redesignedCurrentStates, type CalendarDate, type JourneyMapModel, type Model } from '@journey/language';
import { currentStateOf, layoutJourneyMap, renderHtml, renderSvg, type Layout, type Theme } from '@journey/preview';
import { CliError } from './cli-error.js';
import type { PdfPage } from '@journey/png-pdf';
import type { RenderFormat } from './format-names.js';
import type { LoadedFile } from './journey-workspace.js';

/** What drawing needs besides the journeys, checked before anything is read. */
export interface DrawOptions {
    theme: Theme;
    /** PNG only. */
    scale?: number;
    /** PDF only. */
    page?: PdfPage;
    /** PDF only: the creation date written (a fixed one when absent). */
    creationDate?: Date;
}

/**
 * The journeys `models` of the parsed file `root`, laid out: a future state with its current state's
 * emotion curve faintly under its own (the current state wherever the workspace has it), unless
 * `currentState` is false.
 */
export async function layoutJourneys(
    root: Model, models: readonly JourneyMapModel[], read: { today: CalendarDate; evidence: LoadedFile['evidence'] }, currentState = true
): Promise<Layout[]> {
    const baselines = currentState ? redesignedCurrentStates(root, read.today, read.evidence) : [];
    const layouts: Layout[] = [];
    for (const model of models) {
        layouts.push(await layoutJourneyMap(model, { baseline: currentStateOf(model, baselines) }));
    }
    return layouts;
}

/** Maps drawn in a format: SVG and HTML as text (one map), PNG as bytes (one map), PDF as bytes (a page per map). */
export async function drawnAs(format: RenderFormat, layouts: readonly Layout[], options: DrawOptions): Promise<string | Uint8Array> {
    switch (format) {
        case 'svg':
            return renderSvg(layouts[0], { theme: options.theme });
        case 'html':
            return renderHtml(layouts[0], { theme: options.theme });
        case 'png':
        case 'pdf': {
            // PDFKit, resvg and the fonts load only when a picture is asked for.
            const pictures = await import('@journey/png-pdf');
            try {
                return format === 'png'
                    ? await pictures.renderPng(layouts[0], { theme: options.theme, scale: options.scale })
                    : await pictures.renderPdf(layouts, { theme: options.theme, page: options.page, creationDate: options.creationDate });
            } catch (error) {
                if (error instanceof pictures.PictureError) {
                    throw new CliError(error.message);
                }
                throw error;
            }
        }
    }
}

/**
 * Reproducible builds' SOURCE_DATE_EPOCH (seconds since 1970), the date a PDF says it was made, when
 * set; else none, and the PDF says 1970-01-01, so that the same maps give the same bytes.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
    const value = env.SOURCE_DATE_EPOCH?.trim();
    if (value === undefined || value === '') {
        return undefined;
    }
    if (!/^\d+$/.test(value)) {
        throw new CliError(`SOURCE_DATE_EPOCH is the seconds since 1970-01-01 (as \`date +%s\` prints), not "${env.SOURCE_DATE_EPOCH}"`);
    }
    return new Date(Number(value) * 1000);
}

export async function writeDrawing(absolute: string, output: string | Uint8Array, shown: string): Promise<void> {
    await writeFile(absolute, output, typeof output === 'string' ? 'utf8' : undefined).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot write ${shown}: ${error.code ?? error.message}`);
    });
}
