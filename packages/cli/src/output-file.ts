import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-error.js';

/**
 * A usage error when `-o OUT` names the input file itself (`journey export a.journey -f mermaid -o
 * a.journey` would replace the map by its diagram): the file read is never overwritten.
 */
export async function refuseOverwritingInput(file: string, output: string | undefined, cwd: string, verb: 'exported' | 'imported'): Promise<void> {
    if (output !== undefined && await isOneOf(output, [file], cwd)) {
        throw new CliError(`-o ${output} is the file being ${verb}; write the output to another file`);
    }
}

/** Whether `output` is one of `files`, by path or through a link (paths relative to `cwd`). */
export async function isOneOf(output: string, files: readonly string[], cwd: string): Promise<boolean> {
    const real = async (candidate: string): Promise<string> => {
        const absolute = path.resolve(cwd, candidate);
        return realpath(absolute).catch(() => absolute);
    };
    const target = await real(output);
    const absolute = path.resolve(cwd, output);
    for (const file of files) {
        if (path.resolve(cwd, file) === absolute || await real(file) === target) {
            return true;
        }
    }
    return false;
}
