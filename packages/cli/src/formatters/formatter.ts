import type { LintResult } from '../lint-results.js';
import type { RuleSummary } from '../rule-summaries.js';

export interface FormatterContext {
    /** The directory paths are shown relative to. */
    cwd: string;
    /** ANSI colours (see color.ts: `--color`/`--no-color`, a terminal, NO_COLOR, FORCE_COLOR). */
    color: boolean;
    /** The CLI's version (SARIF names the tool that made the log). */
    version: string;
    /** Every rule of the registry, in its order (SARIF describes them all). */
    rules: readonly RuleSummary[];
    /**
     * How many info findings the results leave out (not `--info`, not `--quiet`), so that a summary can
     * say why the editor shows more than the CLI. Only `stylish` says it; absent means none.
     */
    hiddenInfo?: number;
}

/** A formatter is a pure function from results to the text printed on stdout (ESLint's model). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
