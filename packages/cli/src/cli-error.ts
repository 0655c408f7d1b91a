/** Exit codes of every `journey` command (ESLint's convention). */
export const ExitCode = {
    /** Nothing to report, or nothing beyond what the options allow. */
    Ok: 0,
    /** The command ran and found problems (lint errors, too many warnings, a file that would change). */
    Problems: 1,
    /** The command could not run: usage error, missing or unreadable path, bad configuration. */
    Usage: 2,
} as const;

/** An error the user can fix; printed as one line on stderr, never with a stack trace. */
export class CliError extends Error {
    constructor(message: string, readonly exitCode: number = ExitCode.Usage) {
        super(message);
    }
}
