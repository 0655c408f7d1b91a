// The `journey` program run inside the test process (its program object, `runCli`), with a recording
// terminal: fast enough for every option and format. A few tests still run the real binary
// (journey-process.ts, test/cli/binary.test.ts) for exit codes, stdin/stdout and terminals.
import { runCli } from '../../packages/cli/src/program.js';
import { progressOn } from '../../packages/cli/src/progress.js';
import { repoRoot, type JourneyRun } from './journey-process.js';

export interface InProcessOptions {
    cwd: string;
    /** Standard input (for `--stdin`); empty when absent. */
    stdin?: string | Buffer;
    /** The environment the command sees; none of the test process's (no NO_COLOR, FORCE_COLOR or CI). */
    env?: NodeJS.ProcessEnv;
    /** Whether stdout is a terminal (colour by default). */
    isTTY?: boolean;
    /**
     * When given, stderr is a terminal this wide, so the progress line is drawn on it (see progress.ts),
     * timed by `now` (a test's clock; the real one when absent).
     */
    stderrTerminal?: { columns: number; now?: () => number };
}

/** Runs `journey ARGS` in process and returns its exit code and what it printed. */
export async function runJourneyInProcess(args: readonly string[], options: InProcessOptions): Promise<JourneyRun> {
    let stdout = '';
    let stderr = '';
    const env = options.env ?? {};
    const writeStderr = (text: string) => { stderr += text; };
    const terminal = options.stderrTerminal;
    const status = await runCli(args, {
        cwd: options.cwd,
        env,
        stdout: text => { stdout += text; },
        stderr: writeStderr,
        isTTY: options.isTTY ?? false,
        readStdin: async () => Buffer.from(options.stdin ?? ''),
        progress: terminal && progressOn({ isTTY: true, columns: terminal.columns, write: writeStderr }, env, terminal.now),
    });
    return { status, stdout, stderr };
}

/**
 * `runJourney` (journey-process.ts) in process: the same arguments (the folder defaults to the
 * repository root, the environment has no colour variables), the same result.
 */
export function journeyInProcess(args: readonly string[], cwd: string = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<JourneyRun> {
    return runJourneyInProcess(args, { cwd, env });
}
