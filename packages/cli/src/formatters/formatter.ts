import type { LintResult } from '../lint-results.js';

export interface FormatterContext {
    /** The directory paths are shown relative to. */
    cwd: string;
    /** ANSI colours (a TTY, and not `--no-color`). */
    color: boolean;
}

/** A formatter is a pure function from results to the text printed on stdout (ESLint's model). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
