// The `journey` program run inside the test process (its program object, `runCli`), with a recording
// terminal: fast enough for every option and format. A few tests still run the real binary
// (journey-process.ts, test/cli/binary.test.ts) for exit codes, stdin/stdout and terminals.
import { createJourneyServices } from '@journey/language';
import { NodeFileSystem } from 'langium/node';
import type { JourneyServicePair } from '../../packages/cli/src/journey-workspace.js';
import { runCli } from '../../packages/cli/src/program.js';
import { emptyForReuse } from './reusable-services.js';
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

/**
 * Services the program's runs in this process share: building the parser is most of a small run
 * (~0.1 s). A run takes sets from here and gives them back when it ends, emptied as the language
 * server empties a workspace (every document deleted, which evicts every cache); the program sets
 * "today" and the severities itself on every load.
 */
const idleServices: JourneyServicePair[] = [];

/** Runs `journey ARGS` in process and returns its exit code and what it printed. */
export async function runJourneyInProcess(args: readonly string[], options: InProcessOptions): Promise<JourneyRun> {
    let stdout = '';
    let stderr = '';
    const env = options.env ?? {};
    const writeStderr = (text: string) => { stderr += text; };
    const terminal = options.stderrTerminal;
    const lent: JourneyServicePair[] = [];
    const createServices = () => {
        const services = idleServices.pop() ?? createJourneyServices({ ...NodeFileSystem });
        lent.push(services);
        return services;
    };
    const status = await runCli(args, {
        cwd: options.cwd,
        env,
        stdout: text => { stdout += text; },
        stderr: writeStderr,
        isTTY: options.isTTY ?? false,
        readStdin: async () => Buffer.from(options.stdin ?? ''),
        progress: terminal && progressOn({ isTTY: true, columns: terminal.columns, write: writeStderr }, env, terminal.now),
        createServices,
    }).finally(async () => {
        for (const services of lent) {
            if (await emptyForReuse(services.shared)) {
                idleServices.push(services);
            }
        }
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
