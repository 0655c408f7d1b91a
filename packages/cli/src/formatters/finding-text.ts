import type { LintSeverity } from '../lint-results.js';

/** The words the text formats use for ESLint's severities (info is our severity 0). */
export const SEVERITY_NAMES: Readonly<Record<LintSeverity, 'error' | 'warning' | 'info'>> = { 2: 'error', 1: 'warning', 0: 'info' };

/**
 * A message on one line: a quoted text that spans lines (a need title, say) reads with a space where
 * its line breaks were, as the stylish output shows it.
 */
export function singleLine(text: string): string {
    return text.replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, ' ');
}

/** `1 error`, `2 errors`. */
export function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
