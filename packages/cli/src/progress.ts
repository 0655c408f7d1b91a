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

/** Where the progress line goes: stderr, drawn only when it is a terminal. */
export interface ProgressTerminal {
    isTTY?: boolean;
    columns?: number;
    write(text: string): unknown;
}

/**
 * The progress of the commands of one run, on `terminal` when it is a terminal, unless turned off
 * (`--no-progress`, `enabled` false) or running in CI (`CI` set, as GitHub Actions and most CI services
 * do). `now` is the clock (tests give their own); `JOURNEY_PROGRESS_DELAY_MS` changes the delay, for
 * tests of the real terminal that must not depend on how fast the machine lints.
 */
export function progressOn(terminal: ProgressTerminal, env: NodeJS.ProcessEnv, now: () => number = Date.now): (enabled: boolean) => Progress {
    return enabled => {
        if (!enabled || !terminal.isTTY || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) {
            return NO_PROGRESS;
        }
        const delay = Number.parseInt(env.JOURNEY_PROGRESS_DELAY_MS ?? '', 10);
        return terminalProgress({
            write: text => terminal.write(text), columns: terminal.columns, now, delayMs: Number.isFinite(delay) && delay >= 0 ? delay : undefined,
        });
    };
}

/** Progress for this process: on its stderr, as `progressOn` says. */
export function stderrProgress(enabled: boolean): Progress {
    return progressOn(process.stderr, process.env)(enabled);
}
