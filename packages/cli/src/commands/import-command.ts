import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importJson, importMermaid, importMermaidMarkdown, JsonImportError, MermaidSyntaxError } from '@journey/interchange';
import { CliError, ExitCode } from '../cli-error.js';
import { displayPosixPath } from '../formatters/paths.js';
import { MARKDOWN_EXTENSIONS, MERMAID_INPUT, requireInputFile } from '../journey-file.js';
import { refuseOverwritingInput, writeOutput } from '../output-file.js';
import type { CommandIO } from './lint-command.js';

export interface ImportOptions {
    output?: string;
}


/**
 * `journey import FILE.mmd|FILE.md|FILE.json [-o OUT.journey]`: a Mermaid `journey` diagram (or every
 * ```mermaid journey block of a Markdown file), or the journeys of a `journey export --format json`, as
 * `.journey` text, on stdout or into OUT. A line Mermaid would
 * reject: `FILE:LINE: message` on stderr, exit 1, nothing written. What the import drops as Mermaid
 * does (an empty actor, text after a second colon) is said on stderr as a warning. A file of another
 * kind (by its extension: a .journey file, a CSV), a folder or a missing file is a usage error (exit 2).
 */
export async function importCommand(file: string, options: ImportOptions, io: CommandIO): Promise<number> {
    const filePath = await requireInputFile('import', file, io.cwd, MERMAID_INPUT);
    const shown = displayPosixPath(filePath, io.cwd);
    const source = await readFile(filePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(error.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${error.code ?? error.message}`);
    });
    await refuseOverwritingInput(file, options.output, io.cwd, 'imported');
    const extension = path.extname(filePath).toLowerCase();
    if (extension === '.json') {
        return importJsonFile(file, shown, source, options, io);
    }
    const importOptions = { sourceName: path.basename(filePath), fallbackName: path.basename(filePath, path.extname(filePath)) };
    let result;
    try {
        result = MARKDOWN_EXTENSIONS.includes(extension) ? importMermaidMarkdown(source, importOptions) : importMermaid(source, importOptions);
    } catch (error) {
        if (error instanceof MermaidSyntaxError) {
            io.stderr(`${shown}:${error.line}: ${error.message}\n`);
            io.stderr(`journey: nothing imported from ${file}.\n`);
            return ExitCode.Problems;
        }
        throw error;
    }
    for (const warning of result.warnings) {
        io.stderr(`${shown}:${warning.line}: warning: ${warning.message}\n`);
    }
    await writeOutput(result.text, options.output, io);
    return ExitCode.Ok;
}

/** A JSON export back as `.journey` text; JSON that is not one: `FILE: where: what`, exit 1, nothing written. */
async function importJsonFile(file: string, shown: string, source: string, options: ImportOptions, io: CommandIO): Promise<number> {
    let result;
    try {
        result = importJson(source);
    } catch (error) {
        if (error instanceof JsonImportError) {
            io.stderr(`${shown}: ${error.message}\n`);
            io.stderr(`journey: nothing imported from ${file}.\n`);
            return ExitCode.Problems;
        }
        throw error;
    }
    for (const warning of result.warnings) {
        io.stderr(`${shown}: warning: ${warning}\n`);
    }
    await writeOutput(result.text, options.output, io);
    return ExitCode.Ok;
}
