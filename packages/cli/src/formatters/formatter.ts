import type { LintResult } from '../lint-results.js';
import type { RuleSummary } from '../rule-summaries.js';

export interface FormatterContext {
    /** The directory paths are shown relative to. */
    cwd: string;
    /** ANSI colours (a TTY, and not `--no-color`). */
    color: boolean;
    /** The CLI's version (SARIF names the tool that made the log). */
    version: string;
    /** Every rule of the registry, in its order (SARIF describes them all). */
    rules: readonly RuleSummary[];
}

/** A formatter is a pure function from results to the text printed on stdout (ESLint's model). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
