import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-error.js';

/**
 * A usage error when `-o OUT` names the input file itself (`journey export a.journey -f mermaid -o
 * a.journey` would replace the map by its diagram): the file read is never overwritten.
 */
export async function refuseOverwritingInput(file: string, output: string | undefined, cwd: string, verb: 'exported' | 'imported'): Promise<void> {
    if (output === undefined) {
        return;
    }
    const real = async (candidate: string): Promise<string> => {
        const absolute = path.resolve(cwd, candidate);
        return realpath(absolute).catch(() => absolute);
    };
    if (await real(file) === await real(output)) {
        throw new CliError(`-o ${output} is the file being ${verb}; write the output to another file`);
    }
}
