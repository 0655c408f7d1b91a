import { ExitCode } from '../cli-error.js';
import { parseMaxWarnings, parseToday } from '../cli-options.js';
import { loadConfig, workspaceRootOf } from '../config-file.js';
import { findJourneyFiles } from '../file-discovery.js';
import { formatters, formatsWithInfo } from '../formatters/index.js';
import { loadJourneyWorkspace, type JourneyWorkspace } from '../journey-workspace.js';
import { applySafeFixes, mergeFixes, type FileFixes } from '../lint-fixer.js';
import { toLintResults, totalsOf } from '../lint-results.js';
import { ruleSummaries } from '../rule-summaries.js';
import { displayPosixPath } from '../formatters/paths.js';
import type { Progress } from '../progress.js';
import { journeyVersion } from '../version.js';

export interface LintOptions {
    format: string;
    quiet?: boolean;
    info?: boolean;
    maxWarnings?: string;
    today?: string;
    config?: string;
    fix?: boolean;
    color: boolean;
    /** `--no-progress` makes it false. */
    progress?: boolean;
}

/** Fixes can make room for other fixes (overlapping edits wait a pass); a bound keeps a bad fix from looping. */
const MAX_FIX_PASSES = 10;

export interface CommandIO {
    cwd: string;
    /** The environment (NO_COLOR, FORCE_COLOR, CI): the process's, or a test's. */
    env: NodeJS.ProcessEnv;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Whether stdout is a terminal (colour by default). */
    isTTY: boolean;
    /** All of standard input, as bytes (`--stdin`). */
    readStdin: () => Promise<Buffer>;
    /** The progress line of long runs (on stderr, on a terminal only); none when absent. */
    progress?: (enabled: boolean) => Progress;
}

/**
 * `journey lint [PATH|GLOB …]`: prints the diagnostics of the workspace the paths make. Writes files
 * only with `--fix`, and then only the safe fixes, reporting what changed before the remaining problems.
 */
export async function lintCommand(patterns: string[], options: LintOptions, io: CommandIO): Promise<number> {
    const format = Object.hasOwn(formatters, options.format) ? options.format : 'stylish';
    const formatter = formatters[format];
    const maxWarnings = parseMaxWarnings(options.maxWarnings);
    const today = parseToday(options.today);
    const paths = patterns.length > 0 ? patterns : ['.'];
    const config = await loadConfig(options.config, io.cwd, await workspaceRootOf(paths, io.cwd));
    const files = await findJourneyFiles(paths, io.cwd);
    const progress = io.progress?.(options.progress !== false);
    let workspace = await loadJourneyWorkspace(files, { today, config, progress });
    if (options.fix) {
        const passes: FileFixes[][] = [];
        for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
            const changed = await applySafeFixes(workspace.files);
            if (changed.length === 0) {
                break;
            }
            passes.push(changed);
            workspace = await loadJourneyWorkspace(files, { today, config, progress });
        }
        const summary = describeFixes(mergeFixes(passes), workspace, io.cwd);
        // Machine-readable formats keep stdout to themselves.
        (format === 'stylish' ? io.stdout : io.stderr)(summary);
    }
    const results = toLintResults(workspace.files, { quiet: options.quiet, includeInfo: options.info || formatsWithInfo.has(format) });
    io.stdout(formatter(results, {
        cwd: io.cwd,
        color: options.color && io.isTTY && !io.env.NO_COLOR,
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

function describeFixes(fixes: readonly FileFixes[], workspace: JourneyWorkspace, cwd: string): string {
    if (fixes.length === 0) {
        return workspace.files.length > 0 ? 'journey: nothing to fix.\n' : '';
    }
    return fixes.map(({ filePath, fixed }) => {
        const what = [...fixed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleId, count]) => `${count} × ${ruleId}`).join(', ');
        return `fixed ${displayPosixPath(filePath, cwd)}: ${what}\n`;
    }).join('');
}
