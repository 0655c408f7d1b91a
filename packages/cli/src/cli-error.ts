/** Exit codes of every `journey` command (ESLint's convention). */
export const ExitCode = {
    /** Nothing to report, or nothing beyond what the options allow. */
    Ok: 0,
    /** The command ran and found problems (lint errors, too many warnings, a file that would change). */
    Problems: 1,
    /** The command could not run: usage error, missing or unreadable path, bad configuration. */
    Usage: 2,
} as const;

const BRAND = Symbol.for('journey.cli-error');

/** An error the user can fix; printed as one line on stderr, never with a stack trace. */
export class CliError extends Error {
    readonly [BRAND] = true;

    constructor(message: string, readonly exitCode: number = ExitCode.Usage) {
        super(message);
    }

    /**
     * Whether `error` is one, by its brand rather than `instanceof`: the commands are bundled apart from
     * the program (dist/commands.cjs), each with its own copy of this class.
     */
    static is(error: unknown): error is CliError {
        return typeof error === 'object' && error !== null && (error as { [BRAND]?: boolean })[BRAND] === true;
    }
}
