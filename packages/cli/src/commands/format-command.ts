import { readFile, writeFile } from 'node:fs/promises';
import { formatJourneyDocument } from '@journey/language';
import { CliError, ExitCode } from '../cli-error.js';
import { shouldColor } from '../color.js';
import { findJourneyFiles } from '../file-discovery.js';
import { formatters } from '../formatters/index.js';
import { displayPosixPath } from '../formatters/paths.js';
import { hasSyntaxProblems, loadJourneyWorkspace, type LoadedFile } from '../journey-workspace.js';
import { toLintResults } from '../lint-results.js';
import { ruleSummaries } from '../rule-summaries.js';
import { journeyVersion } from '../version.js';
import type { CommandIO } from './lint-command.js';

export interface FormatOptions {
    check?: boolean;
    write?: boolean;
    /** `--color` (true), `--no-color` (false), neither (undefined): see color.ts. */
    color?: boolean;
}

const BOM = '\uFEFF';

/**
 * `journey format [--check] [--write] [PATH …]`: the canonical layout of .journey files.
 * - no flag: prints the formatted text of one file on stdout;
 * - `--check`: lists the files whose layout differs and exits 1 if there is any;
 * - `--write`: rewrites those files in place (line ends and a byte order mark kept).
 * A file that does not parse (or is not UTF-8) is never formatted: its errors are printed on stderr and
 * the exit code is 1. Only the parser runs: names are not resolved and no rule is checked.
 */
export async function formatCommand(patterns: string[], options: FormatOptions, io: CommandIO): Promise<number> {
    if (options.check && options.write) {
        throw new CliError('use either --check or --write, not both');
    }
    const files = await findJourneyFiles(patterns.length > 0 ? patterns : ['.'], io.cwd);
    if (!options.check && !options.write && files.length !== 1) {
        throw new CliError(`without --check or --write, format prints one file; ${files.length} files were given`);
    }
    // Layout is a matter of the text alone: parse, never link or run the rules.
    const workspace = await loadJourneyWorkspace(files, { cwd: io.cwd, createServices: io.createServices, parseOnly: true });
    const broken: LoadedFile[] = [];
    const unformatted: string[] = [];
    for (const file of workspace.files) {
        if (hasSyntaxProblems(file)) {
            broken.push(file);
            continue;
        }
        const formatted = formatJourneyDocument(workspace.services, file.document);
        if (!options.check && !options.write) {
            io.stdout(formatted);
            continue;
        }
        if (formatted === file.document.textDocument.getText()) {
            continue;
        }
        unformatted.push(file.filePath);
        if (options.write) {
            const raw = await readFile(file.filePath, 'utf8');
            const hasBom = raw.startsWith(BOM);
            if ((hasBom ? raw.slice(1) : raw) !== file.document.textDocument.getText()) {
                throw new CliError(`${displayPosixPath(file.filePath, io.cwd)} changed while it was being formatted; nothing was written to it`, ExitCode.Problems);
            }
            await writeFile(file.filePath, (hasBom ? BOM : '') + formatted);
        }
    }
    for (const filePath of unformatted) {
        io.stdout(`${options.write ? 'formatted' : 'not formatted'}: ${displayPosixPath(filePath, io.cwd)}\n`);
    }
    if (broken.length > 0) {
        const syntaxOnly = broken.map(file => ({ ...file, diagnostics: file.diagnostics.filter(d => d.code === 'syntax') }));
        io.stderr(formatters.stylish(toLintResults(syntaxOnly), {
            cwd: io.cwd, color: shouldColor({ flag: options.color, env: io.env, isTTY: io.isTTY }), version: journeyVersion, rules: ruleSummaries(),
        }));
        io.stderr(`journey: ${broken.length} file${broken.length === 1 ? '' : 's'} with syntax errors left unformatted.\n`);
        return ExitCode.Problems;
    }
    if (options.check && unformatted.length > 0) {
        io.stderr(`journey: ${unformatted.length} file${unformatted.length === 1 ? ' is' : 's are'} not formatted; run \`journey format --write\` to fix.\n`);
        return ExitCode.Problems;
    }
    return ExitCode.Ok;
}


