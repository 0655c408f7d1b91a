import { createColors } from 'picocolors';
import type { LintResult } from '../lint-results.js';
import { totalsOf } from '../lint-results.js';
import type { Formatter } from './formatter.js';
import { displayPosixPath } from './paths.js';

const SEVERITY_NAMES = { 2: 'error', 1: 'warning', 0: 'info' } as const;

/**
 * ESLint's `stylish` look: problems grouped by file, `line:col  severity  message  rule` in aligned
 * columns, then ESLint's summary (`✖ N problems (…)`, and how many `--fix` would fix), and how many
 * info findings were left out (`context.hiddenInfo`). Nothing at all when there is nothing to report;
 * only the hidden-info line when that is all there is to say.
 */
export const stylishFormatter: Formatter = (results, context) => {
    const c = createColors(context.color);
    const paint = { 2: c.red, 1: c.yellow, 0: c.blue } as const;
    const blocks: string[] = [];
    for (const result of results) {
        if (result.messages.length === 0) {
            continue;
        }
        const rows = result.messages.map(message => ({
            position: `${message.line}:${message.column}`,
            severity: SEVERITY_NAMES[message.severity],
            paintSeverity: paint[message.severity],
            // One row per problem: a quoted text that spans lines must not break the columns.
            message: message.message.replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, ' '),
            ruleId: message.ruleId,
        }));
        const widths = {
            position: widest(rows.map(row => row.position)),
            severity: widest(rows.map(row => row.severity)),
            message: widest(rows.map(row => row.message)),
        };
        const lines = rows.map(row => `  ${c.dim(row.position.padEnd(widths.position))}  `
            + `${row.paintSeverity(row.severity.padEnd(widths.severity))}  `
            + `${row.message.padEnd(widths.message)}  ${c.dim(row.ruleId)}`);
        blocks.push(`${c.underline(displayPosixPath(result.filePath, context.cwd))}\n${lines.join('\n')}`);
    }
    const hidden = context.hiddenInfo ?? 0;
    const hiddenLine = hidden > 0 ? c.dim(hiddenInfoText(hidden)) : undefined;
    if (blocks.length === 0) {
        return hiddenLine === undefined ? '' : `${hiddenLine}\n`;
    }
    const summaryLines = [...summary(results, c), ...(hiddenLine === undefined ? [] : [`  ${hiddenLine}`])];
    return `\n${blocks.join('\n\n')}\n\n${summaryLines.join('\n')}\n\n`;
};

/** ESLint's summary: the problem count, then (when there are any) the problems `--fix` would fix. */
function summary(results: readonly LintResult[], c: ReturnType<typeof createColors>): string[] {
    const { errors, warnings, infos } = totalsOf(results);
    const total = errors + warnings + infos;
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos > 0) {
        parts.push(plural(infos, 'info'));
    }
    const paint = (text: string) => c.bold((errors > 0 ? c.red : warnings > 0 ? c.yellow : c.blue)(text));
    const lines = [paint(`\u2716 ${plural(total, 'problem')} (${parts.join(', ')})`)];
    const fixableErrors = results.reduce((sum, result) => sum + result.fixableErrorCount, 0);
    const fixableWarnings = results.reduce((sum, result) => sum + result.fixableWarningCount, 0);
    if (fixableErrors > 0 || fixableWarnings > 0) {
        lines.push(paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
    }
    return lines;
}

function hiddenInfoText(count: number): string {
    return count === 1
        ? '1 info finding not shown; `--info` shows it (the editor shows it too).'
        : `${count} info findings not shown; \`--info\` shows them (the editor shows them too).`;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The length of the longest text (a loop: `Math.max(...lengths)` overflows the stack with some 100,000 problems in a file). */
function widest(texts: readonly string[]): number {
    let width = 0;
    for (const text of texts) {
        width = Math.max(width, text.length);
    }
    return width;
}
