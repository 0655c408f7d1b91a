import path from 'node:path';
import { exportCsv, exportJson, exportMermaid, mermaidSettingsAbove } from '@journey/interchange';
import { buildJourneyMapModels, calendarDateOfToday, type JourneyMapModel, type Model } from '@journey/language';
import { CliError, ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { displayPosixPath } from '../formatters/paths.js';
import { loadInputFile } from '../journey-file.js';
import { refuseOverwritingInput, writeOutput } from '../output-file.js';
import { EXPORT_FORMATS, type ExportFormat } from '../format-names.js';
import type { CommandIO } from './lint-command.js';


export interface ExportOptions {
    format?: string;
    output?: string;
    journey?: string;
    ranges?: boolean;
    today?: string;
}

/** The format an output file's extension asks for, when `--format` is not given. */
const EXTENSIONS: Record<string, ExportFormat> = { '.json': 'json', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.csv': 'csv' };

/**
 * `journey export FILE --format json|mermaid|csv [-o OUT] [--journey NAME] [--ranges] [--today DATE]`:
 * the journeys of FILE as JSON (schemas/journey-export.schema.json), a Mermaid `journey` diagram or CSV
 * rows, on stdout or into OUT. FILE is loaded with the workspace `journey lint` reads for it
 * (loadJourneyFile) so that names declared elsewhere resolve. Syntax errors (bytes that are not UTF-8
 * included): the diagnostics on stderr, exit 1, nothing written. JSON and CSV hold every journey of the
 * file, Mermaid one (the first, or `--journey`). FILE that is not a .journey file, a folder, a FIFO or a
 * missing file, and an OUT that is a .journey file or FILE itself (a hard link of it too): usage errors (exit 2).
 */
export async function exportCommand(file: string, options: ExportOptions, io: CommandIO): Promise<number> {
    const format = exportFormat(options);
    if (options.ranges && format !== 'json') {
        throw new CliError('--ranges applies to --format json only');
    }
    const today = parseToday(options.today);
    await refuseOverwritingInput(file, options.output, io.cwd, 'exported');
    if (options.output !== undefined && path.extname(options.output) === '.journey') {
        // `-f mermaid -o other.journey` would replace another map by a diagram.
        throw new CliError(`-o ${options.output} names a .journey file; export writes JSON, Mermaid or CSV (OUT.json, OUT.mmd, OUT.csv)`);
    }
    const target = await loadInputFile('export', file, io, today, 'nothing exported');
    if (!target) {
        return ExitCode.Problems;
    }
    const unresolved = target.diagnostics.filter(diagnostic => diagnostic.code === 'unresolved-reference').length;
    if (unresolved > 0) {
        io.stderr(`journey: warning: ${file} has ${unresolved} unresolved name${unresolved === 1 ? '' : 's'}, left out of the export; \`journey lint\` shows where.\n`);
    }

    const journeys = chooseJourneys(buildJourneyMapModels(target.document.parseResult.value as Model, today ?? calendarDateOfToday(), target.evidence), file, format, options.journey, io);
    const output = format === 'json'
        ? exportJson(journeys.map(journey => ({ journey, file: displayPosixPath(target.filePath, io.cwd) })), { ranges: options.ranges })
        : format === 'csv' ? exportCsv(journeys)
        // The front matter and directives an import kept above the journey go back in.
        : exportMermaid(journeys[0], { settings: mermaidSettingsAbove(target.document.textDocument.getText(), journeys[0].range.start.line) });
    await writeOutput(output, options.output, io);
    return ExitCode.Ok;
}

function exportFormat(options: ExportOptions): ExportFormat {
    if (options.format !== undefined) {
        if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
            throw new CliError(`--format takes ${EXPORT_FORMATS.join(', ')}, not "${options.format}"`);
        }
        return options.format as ExportFormat;
    }
    const fromExtension = options.output !== undefined ? EXTENSIONS[path.extname(options.output).toLowerCase()] : undefined;
    if (!fromExtension) {
        throw new CliError(`say which format: --format ${EXPORT_FORMATS.join('|')}`);
    }
    return fromExtension;
}

function chooseJourneys(models: JourneyMapModel[], file: string, format: ExportFormat, name: string | undefined, io: CommandIO): JourneyMapModel[] {
    if (models.length === 0) {
        throw new CliError(`${file} has no journey to export`, ExitCode.Problems);
    }
    if (name !== undefined) {
        const chosen = models.find(model => model.name === name);
        if (!chosen) {
            throw new CliError(`no journey \`${name}\` in ${file}; it has ${models.map(model => `\`${model.name}\``).join(', ')}`);
        }
        return [chosen];
    }
    if (format === 'mermaid' && models.length > 1) {
        io.stderr(`journey: ${file} has ${models.length} journeys (${models.map(model => model.name).join(', ')}); exporting \`${models[0].name}\`. Choose one with --journey NAME.\n`);
        return [models[0]];
    }
    return models;
}
