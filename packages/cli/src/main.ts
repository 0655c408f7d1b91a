// The `journey` process: the real terminal, environment and exit code around `runCli`.
import type { CommandIO } from './commands/lint-command.js';
import { stderrProgress } from './progress.js';
import { runCli } from './program.js';

const io: CommandIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    readStdin: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) {
            chunks.push(chunk as Buffer);
        }
        return Buffer.concat(chunks);
    },
    progress: stderrProgress,
};

runCli(process.argv.slice(2), io).then(code => {
    // `journey lsp` keeps running; everything else ends with its exit code once output is flushed.
    if (process.argv[2] !== 'lsp') {
        process.exitCode = code;
    }
});
