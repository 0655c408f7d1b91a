import { parseCalendarDate, type CalendarDate } from '@journey/language';
import { CliError, ExitCode } from '../cli-error.js';
import { loadConfig } from '../config-file.js';
import { findJourneyFiles } from '../file-discovery.js';
import { formatters, formatsWithInfo } from '../formatters/index.js';
import { loadJourneyWorkspace } from '../journey-workspace.js';
import { toLintResults, totalsOf } from '../lint-results.js';
import { ruleSummaries } from '../rule-summaries.js';
import { journeyVersion } from '../version.js';

export interface LintOptions {
    format: string;
    quiet?: boolean;
    info?: boolean;
    maxWarnings?: string;
    today?: string;
    config?: string;
    color: boolean;
}

export interface CommandIO {
    cwd: string;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Whether stdout is a terminal (colour by default). */
    isTTY: boolean;
}

/** `journey lint [PATH|GLOB …]`: prints the diagnostics of the workspace the paths make; never writes a file. */
export async function lintCommand(patterns: string[], options: LintOptions, io: CommandIO): Promise<number> {
    const format = Object.hasOwn(formatters, options.format) ? options.format : 'stylish';
    const formatter = formatters[format];
    const maxWarnings = parseMaxWarnings(options.maxWarnings);
    const today = parseToday(options.today);
    const config = await loadConfig(options.config, io.cwd);
    const files = await findJourneyFiles(patterns.length > 0 ? patterns : ['.'], io.cwd);
    const workspace = await loadJourneyWorkspace(files, { today, config });
    const results = toLintResults(workspace.files, { quiet: options.quiet, includeInfo: options.info || formatsWithInfo.has(format) });
    io.stdout(formatter(results, {
        cwd: io.cwd,
        color: options.color && io.isTTY && !process.env.NO_COLOR,
        version: journeyVersion,
        rules: ruleSummaries(),
    }));

    const { errors, warnings } = totalsOf(results);
    if (errors > 0) {
        return ExitCode.Problems;
    }
    if (maxWarnings !== undefined && warnings > maxWarnings) {
        io.stderr(`journey: too many warnings (${warnings}); the maximum allowed is ${maxWarnings}.\n`);
        return ExitCode.Problems;
    }
    return ExitCode.Ok;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!/^-?\d+$/.test(value)) {
        throw new CliError(`--max-warnings takes a whole number, not "${value}"`);
    }
    const number = Number(value);
    // ESLint's convention: -1 means no limit.
    return number < 0 ? undefined : number;
}

function parseToday(value: string | undefined): CalendarDate | undefined {
    if (value === undefined) {
        return undefined;
    }
    const date = parseCalendarDate(value);
    if (!date) {
        throw new CliError(`--today takes a calendar date as YYYY-MM-DD, not "${value}"`);
    }
    return date;
}
