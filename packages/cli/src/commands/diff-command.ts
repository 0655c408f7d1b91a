import { diffWorkspaces, formatDiffJson, formatDiffMarkdown, formatDiffText, type TextStyle } from '@journey/diff';
import { createColors } from 'picocolors';
import { ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { shouldColor } from '../color.js';
import { diffNonce, formatDiffHtml } from '../diff/diff-html.js';
import { loadDiffSides } from '../diff/diff-sides.js';
import { writeOutput } from '../output-file.js';
import type { CommandIO } from './lint-command.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

export interface DiffOptions {
    format: string;
    output?: string;
    exitCode?: boolean;
    today?: string;
    config?: string;
    color?: boolean;
    mergeBase?: boolean;
}

/**
 * `journey diff BASE [HEAD] [-- PATHS…]`: what the change from BASE to HEAD does to the maps' meaning
 * (git revisions of the repository the paths are in, HEAD the working tree when absent; or two
 * folders), in words: per journey, then personas and needs, then the lint findings introduced and
 * fixed. Formatting, comments and moved files are no change. `--exit-code`: 1 when anything changed.
 */
export async function diffCommand(base: string, head: string | undefined, patterns: string[], options: DiffOptions, io: CommandIO): Promise<number> {
    const format = (DIFF_FORMATS as readonly string[]).includes(options.format) ? options.format as DiffFormat : 'text';
    const today = parseToday(options.today);
    const sides = await loadDiffSides(base, head, patterns, io, { today, config: options.config, mergeBase: options.mergeBase });
    const diff = diffWorkspaces(sides.base, sides.head);
    const names = { base: sides.baseName, head: sides.headName };
    const color = shouldColor({ flag: options.color, env: io.env, isTTY: io.isTTY, toFile: options.output !== undefined });
    const colors = createColors(color);
    const style: TextStyle = { better: colors.green, worse: colors.red, muted: colors.dim, bold: colors.bold };
    const report = format === 'html' ? await formatDiffHtml(diff, names, { nonce: diffNonce(diff, names) }) : format === 'json' ? formatDiffJson(diff, names) : format === 'markdown' ? formatDiffMarkdown(diff, names) : formatDiffText(diff, names, style);
    await writeOutput(report, options.output, io);
    return options.exitCode && diff.changed ? ExitCode.Problems : ExitCode.Ok;
}
