import path from 'node:path';
import { buildJourneyMapModels, calendarDateOfToday, type JourneyMapModel, type Model } from '@journey/language';
import type { Theme } from '@journey/preview';
import { CliError, ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { MAX_SCALE, MIN_SCALE, PDF_PAGE_NAMES, RENDER_FORMATS, type RenderFormat } from '../format-names.js';
import type { PdfPage } from '@journey/png-pdf';
import { drawnAs, layoutJourneys, sourceDateEpoch, writeDrawing } from '../drawing.js';
import { loadInputFile, MARKDOWN_EXTENSIONS, RENDER_INPUT } from '../journey-file.js';
import { refuseOverwritingInput } from '../output-file.js';
import type { CommandIO } from './lint-command.js';
import { renderMarkdown, type PictureFormat } from './render-markdown.js';

export interface RenderOptions {
    output?: string;
    journey?: string;
    theme: string;
    today?: string;
    scale?: string;
    page?: string;
    format?: string;
    /** `--no-current-state`: a future state's map without its current state's curve. */
    currentState?: boolean;
}


/**
 * `journey render FILE [-o OUT] [--journey NAME] [--theme light|dark] [--scale N] [--page SIZE] [--today DATE]`:
 * draws a journey of FILE as SVG (stdout, or OUT.svg), a self-contained HTML page (OUT.html), a PNG
 * (OUT.png, `--scale` pixels per pixel) or a PDF (OUT.pdf: every journey of FILE, a page each, unless
 * `--journey`; `--page` fits the page to the map or the map to a paper size). The file is loaded with
 * the workspace `journey lint` reads for it (loadJourneyFile: every `.journey` file under the nearest
 * folder with journey.config.json, else under the repository root, else of its own folder), so that
 * personas and channels declared elsewhere resolve. A Markdown FILE (`.md`) has its ```journey blocks
 * drawn into the folder `-o DIR` (render-markdown.ts). Syntax errors (bytes that are not UTF-8
 * included): exit 1 and nothing written; an unknown `--journey`, an option the output format does not
 * take, FILE that is not a .journey or Markdown file (a folder, a missing file, a FIFO), or an OUT that
 * is FILE itself (a hard link of it too), is a usage error (exit 2).
 */
export async function renderCommand(file: string, options: RenderOptions, io: CommandIO): Promise<number> {
    const theme = parseTheme(options.theme);
    const today = parseToday(options.today);
    const scale = parseScale(options.scale);
    const page = parsePage(options.page);
    if (MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
        if (options.journey !== undefined) {
            throw new CliError('--journey is for a .journey file; in Markdown, a block names its journey: ```journey file=PATH journey=NAME');
        }
        const format = parsePictureFormat(options.format);
        checkDrawOptions(format, scale, page, '--format');
        return renderMarkdown(file, {
            output: options.output, format, today, currentState: options.currentState !== false,
            draw: { theme, scale, page, creationDate: format === 'pdf' ? sourceDateEpoch(io.env) : undefined },
        }, io);
    }
    if (options.format !== undefined) {
        throw new CliError(`--format is for a Markdown file; for a .journey file the format is -o OUT's extension (${RENDER_FORMATS.map(format => `.${format}`).join(', ')})`);
    }
    const format = options.output !== undefined ? outputFormat(options.output) : 'svg';
    checkDrawOptions(format, scale, page, '-o');
    await refuseOverwritingInput(file, options.output, io.cwd, 'rendered');
    const target = await loadInputFile('render', file, io, today, 'nothing rendered', RENDER_INPUT);
    if (!target) {
        return ExitCode.Problems;
    }

    const read = { today: today ?? calendarDateOfToday(), evidence: target.evidence };
    const root = target.document.parseResult.value as Model;
    const models = buildJourneyMapModels(root, read.today, read.evidence);
    if (models.length === 0) {
        io.stderr(`journey: ${file} has no journey to render.\n`);
        return ExitCode.Problems;
    }
    let chosen = models;
    if (options.journey !== undefined) {
        chosen = [journeyNamed(models, options.journey, file)];
    } else if (format !== 'pdf') {
        if (models.length > 1) {
            io.stderr(`journey: ${file} has ${models.length} journeys (${models.map(m => m.name).join(', ')}); rendering \`${models[0].name}\`. Choose one with --journey NAME${format === 'svg' || format === 'html' ? ', or write a PDF (a page per journey)' : ''}.\n`);
        }
        chosen = [models[0]];
    }

    const layouts = await layoutJourneys(root, chosen, read, options.currentState !== false);
    const output = await drawnAs(format, layouts, { theme, scale, page, creationDate: format === 'pdf' ? sourceDateEpoch(io.env) : undefined });
    if (options.output === undefined) {
        io.stdout(output as string);
        return ExitCode.Ok;
    }
    await writeDrawing(path.resolve(io.cwd, options.output), output, options.output);
    return ExitCode.Ok;
}

/** The journey called `name`, or a usage error listing those there are. */
export function journeyNamed(models: readonly JourneyMapModel[], name: string, where: string): JourneyMapModel {
    const chosen = models.find(candidate => candidate.name === name);
    if (!chosen) {
        throw new CliError(`no journey \`${name}\` in ${where}; it has ${models.map(m => `\`${m.name}\``).join(', ')}`);
    }
    return chosen;
}

function checkDrawOptions(format: RenderFormat, scale: number | undefined, page: PdfPage | undefined, how: '-o' | '--format'): void {
    if (scale !== undefined && format !== 'png') {
        throw new CliError(`--scale is for PNG pictures, not ${format.toUpperCase()}${how === '-o' ? ' (write -o OUT.png)' : ' (add --format png)'}`);
    }
    if (page !== undefined && format !== 'pdf') {
        throw new CliError(`--page is for PDF documents, not ${format.toUpperCase()}${how === '-o' ? ' (write -o OUT.pdf)' : ' (add --format pdf)'}`);
    }
}

function parseTheme(value: string): Theme {
    if (value !== 'light' && value !== 'dark') {
        throw new CliError(`--theme takes light or dark, not "${value}"`);
    }
    return value;
}

function parseScale(value: string | undefined): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    const scale = Number(value);
    if (!/^\d*\.?\d+$/.test(value.trim()) || !(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
        throw new CliError(`--scale takes a number from ${MIN_SCALE} to ${MAX_SCALE} (pixels per pixel of the map), not "${value}"`);
    }
    return scale;
}

function parsePage(value: string | undefined): PdfPage | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!(PDF_PAGE_NAMES as readonly string[]).includes(value)) {
        throw new CliError(`--page takes ${PDF_PAGE_NAMES.join(', ')}, not "${value}"`);
    }
    return value as PdfPage;
}

function parsePictureFormat(value: string | undefined): PictureFormat {
    if (value === undefined) {
        return 'svg';
    }
    if (value !== 'svg' && value !== 'png' && value !== 'pdf') {
        throw new CliError(`--format takes svg, png or pdf (the pictures written for a Markdown file), not "${value}"`);
    }
    return value;
}

function outputFormat(output: string): RenderFormat {
    const extension = path.extname(output).toLowerCase();
    const format = extension === '.htm' ? 'html' : extension.slice(1);
    if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
        throw new CliError(`-o takes a file ending in ${RENDER_FORMATS.slice(0, -1).map(name => `.${name}`).join(', ')} or .pdf, not "${output}"`);
    }
    return format as RenderFormat;
}
