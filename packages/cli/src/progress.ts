/**
 * A one-line progress report on stderr, for runs long enough to make someone wonder (a lint of a
 * few hundred files takes seconds). Shown only on a terminal that is not a CI log, only once a run has
 * taken `delayMs` (quick runs print nothing), redrawn at most every `intervalMs`, and erased before
 * any result is printed: stdout and the results never change because of it.
 */
export interface Progress {
    /** `done` of `total` things of a step (`checking 120/300 files`). */
    report(step: string, done: number, total: number): void;
    /** Erases the line (if one was drawn). */
    clear(): void;
}

export const NO_PROGRESS: Progress = { report: () => undefined, clear: () => undefined };

export interface TerminalProgressOptions {
    write: (text: string) => void;
    /** Terminal columns: the line is cut to fit, so that it never wraps (a wrapped line cannot be erased). */
    columns?: number;
    delayMs?: number;
    intervalMs?: number;
    now?: () => number;
}

/** Erase the current line and go back to its start. */
const ERASE_LINE = '\r\u001b[2K';

export function terminalProgress(options: TerminalProgressOptions): Progress {
    const now = options.now ?? Date.now;
    const delay = options.delayMs ?? 400;
    const interval = options.intervalMs ?? 100;
    const started = now();
    let drawnAt: number | undefined;
    return {
        report(step, done, total) {
            const time = now();
            if (time - started < delay || (drawnAt !== undefined && time - drawnAt < interval && done < total)) {
                return;
            }
            const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
            const line = `journey: ${step} ${done}/${total} (${percent}%)`;
            options.write(ERASE_LINE + line.slice(0, Math.max(20, (options.columns || 80) - 1)).trimEnd());
            drawnAt = time;
        },
        clear() {
            if (drawnAt !== undefined) {
                options.write(ERASE_LINE);
                drawnAt = undefined;
            }
        },
    };
}

/**
 * Progress for this process: on stderr when it is a terminal, unless turned off (`--no-progress`) or
 * running in CI (`CI` set, as GitHub Actions and most CI services do).
 */
export function stderrProgress(enabled: boolean): Progress {
    if (!enabled || !process.stderr.isTTY || (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false')) {
        return NO_PROGRESS;
    }
    return terminalProgress({ write: text => process.stderr.write(text), columns: process.stderr.columns });
}
