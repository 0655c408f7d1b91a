// The `journey` program run inside the test process (its program object, `runCli`), with a recording
// terminal: fast enough for every option and format. A few tests still run the real binary
// (journey-process.ts) for exit codes, stdin/stdout and terminals.
import { runCli } from '../../packages/cli/src/program.js';
import type { JourneyRun } from './journey-process.js';

export interface InProcessOptions {
    cwd: string;
    /** Standard input (for `--stdin`); empty when absent. */
    stdin?: string | Buffer;
    /** The environment the command sees; none of the test process's (no NO_COLOR, FORCE_COLOR or CI). */
    env?: NodeJS.ProcessEnv;
    /** Whether stdout is a terminal (colour by default). */
    isTTY?: boolean;
}

/** Runs `journey ARGS` in process and returns its exit code and what it printed. */
export async function runJourneyInProcess(args: readonly string[], options: InProcessOptions): Promise<JourneyRun> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, {
        cwd: options.cwd,
        env: options.env ?? {},
        stdout: text => { stdout += text; },
        stderr: text => { stderr += text; },
        isTTY: options.isTTY ?? false,
        readStdin: async () => Buffer.from(options.stdin ?? ''),
    });
    return { status, stdout, stderr };
}
