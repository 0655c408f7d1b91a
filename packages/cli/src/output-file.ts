import { realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-error.js';

/**
 * A usage error when `-o OUT` is the input file itself (`journey export a.journey -f mermaid -o
 * a.journey` would replace the map by its diagram), by its path, through a symbolic link or as a hard
 * link of it: the file read is never overwritten.
 */
export async function refuseOverwritingInput(file: string, output: string | undefined, cwd: string, verb: 'exported' | 'imported' | 'rendered'): Promise<void> {
    if (output !== undefined && await sameFileAs(output, [file], cwd) !== undefined) {
        throw new CliError(`-o ${output} is the file being ${verb}${byAnotherName(output, file, cwd, file)}; write the output to another file`);
    }
}

/** Whether `output` is one of `files`: by path, through a link, or as a hard link (paths relative to `cwd`). */
export async function isOneOf(output: string, files: readonly string[], cwd: string): Promise<boolean> {
    return await sameFileAs(output, files, cwd) !== undefined;
}

/**
 * The first of `files` that `output` is (paths relative to `cwd`): the same path or real path (for an
 * output that does not exist yet), or, when it exists, the same file by device and inode (a hard link;
 * a symbolic link is followed).
 */
export async function sameFileAs(output: string, files: readonly string[], cwd: string): Promise<string | undefined> {
    const real = async (candidate: string): Promise<string> => {
        const absolute = path.resolve(cwd, candidate);
        return realpath(absolute).catch(() => absolute);
    };
    const target = await real(output);
    const absolute = path.resolve(cwd, output);
    const outputInfo = await stat(absolute).catch(() => undefined);
    for (const file of files) {
        if (path.resolve(cwd, file) === absolute || await real(file) === target) {
            return file;
        }
    }
    if (outputInfo) {
        for (const file of files) {
            const info = await stat(path.resolve(cwd, file)).catch(() => undefined);
            if (info && info.dev === outputInfo.dev && info.ino === outputInfo.ino) {
                return file;
            }
        }
    }
    return undefined;
}

/** ` (SHOWN by another name)` when `output` reaches `file` through a link rather than by its path; else ''. */
export function byAnotherName(output: string, file: string, cwd: string, shown: string): string {
    return path.resolve(cwd, output) === path.resolve(cwd, file) ? '' : ` (${shown} by another name)`;
}

/** A command's report: on stdout, or written to `-o OUT` (relative to the working folder); a failure names OUT. */
export async function writeOutput(text: string, output: string | undefined, io: { cwd: string; stdout(text: string): void }): Promise<void> {
    if (output === undefined) {
        io.stdout(text);
        return;
    }
    await writeFile(path.resolve(io.cwd, output), text, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot write ${output}: ${error.code ?? error.message}`);
    });
}
