import type { LintSeverity } from '../lint-results.js';
import type { Formatter } from './formatter.js';
import { displayPosixPath } from './paths.js';

const COMMANDS: Record<LintSeverity, string> = { 2: 'error', 1: 'warning', 0: 'notice' };

/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per problem, which the
 * runner turns into annotations on the pull request. Nothing else is printed.
 */
export const githubFormatter: Formatter = (results, context) => {
    const lines: string[] = [];
    for (const result of results) {
        const file = displayPosixPath(result.filePath, context.cwd);
        for (const message of result.messages) {
            const properties = [
                ['file', file],
                ['line', String(message.line)],
                ['col', String(message.column)],
                ['endLine', String(message.endLine)],
                ['endColumn', String(message.endColumn)],
                ['title', message.ruleId],
            ].map(([key, value]) => `${key}=${escapeProperty(value)}`);
            lines.push(`::${COMMANDS[message.severity]} ${properties.join(',')}::${escapeData(message.message)}`);
        }
    }
    return lines.map(line => `${line}\n`).join('');
};

/** The runner's escaping of a command's message (`@actions/core`'s `escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The runner's escaping of a property value (`@actions/core`'s `escapeProperty`). */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
