import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildJourneyMapModels, calendarDateOfToday, type Model } from '@journey/language';
import { layoutJourneyMap, renderHtml, renderSvg, type Theme } from '@journey/preview';
import { CliError, ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { loadInputFile } from '../journey-file.js';
import { refuseOverwritingInput } from '../output-file.js';
import type { CommandIO } from './lint-command.js';

export interface RenderOptions {
    output?: string;
    journey?: string;
    theme: string;
    today?: string;
}

/**
 * `journey render FILE [-o OUT] [--journey NAME] [--theme light|dark] [--today DATE]`: draws one
 * journey of FILE as SVG (stdout, or OUT.svg) or a self-contained HTML page (OUT.html). The file is
 * loaded with the workspace `journey lint` reads for it (loadJourneyFile: every `.journey` file under the
 * nearest folder with journey.config.json, else under the repository root, else of its own folder), so
 * that personas and channels declared elsewhere resolve. Syntax errors (bytes that are not UTF-8
 * included): exit 1 and nothing written; an unknown `--journey`, FILE that is not a .journey file (a
 * Markdown file, a folder, a missing file, a FIFO), or an OUT that is FILE itself (a hard link of it
 * too), is a usage error (exit 2).
 */
export async function renderCommand(file: string, options: RenderOptions, io: CommandIO): Promise<number> {
    const theme = parseTheme(options.theme);
    const today = parseToday(options.today);
    const format = options.output !== undefined ? outputFormat(options.output) : 'svg';
    await refuseOverwritingInput(file, options.output, io.cwd, 'rendered');
    const target = await loadInputFile('render', file, io, today, 'nothing rendered');
    if (!target) {
        return ExitCode.Problems;
    }

    const models = buildJourneyMapModels(target.document.parseResult.value as Model, today ?? calendarDateOfToday(), target.evidence);
    if (models.length === 0) {
        io.stderr(`journey: ${file} has no journey to render.\n`);
        return ExitCode.Problems;
    }
    let model = models[0];
    if (options.journey !== undefined) {
        const chosen = models.find(candidate => candidate.name === options.journey);
        if (!chosen) {
            throw new CliError(`no journey \`${options.journey}\` in ${file}; it has ${models.map(m => `\`${m.name}\``).join(', ')}`);
        }
        model = chosen;
    } else if (models.length > 1) {
        io.stderr(`journey: ${file} has ${models.length} journeys (${models.map(m => m.name).join(', ')}); rendering \`${model.name}\`. Choose one with --journey NAME.\n`);
    }

    const layout = await layoutJourneyMap(model);
    const output = format === 'html' ? renderHtml(layout, { theme }) : renderSvg(layout, { theme });
    if (options.output === undefined) {
        io.stdout(output);
        return ExitCode.Ok;
    }
    const outPath = path.resolve(io.cwd, options.output);
    await writeFile(outPath, output, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot write ${options.output}: ${error.code ?? error.message}`);
    });
    return ExitCode.Ok;
}

function parseTheme(value: string): Theme {
    if (value !== 'light' && value !== 'dark') {
        throw new CliError(`--theme takes light or dark, not "${value}"`);
    }
    return value;
}

function outputFormat(output: string): 'svg' | 'html' {
    const extension = path.extname(output).toLowerCase();
    if (extension === '.svg') {
        return 'svg';
    }
    if (extension === '.html' || extension === '.htm') {
        return 'html';
    }
    throw new CliError(`-o takes a file ending in .svg or .html, not "${output}"`);
}
