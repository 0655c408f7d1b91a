import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calendarDateOfToday, compareText } from '@journey/language';
import { CliError, ExitCode } from '../cli-error.js';
import { parseMaxWarnings, parseToday } from '../cli-options.js';
import { shouldColor } from '../color.js';
import { loadConfigFile, workspaceRootOf } from '../config-file.js';
import { findJourneyFiles } from '../file-discovery.js';
import { formatters, formatsWithInfo } from '../formatters/index.js';
import { LINT_FORMATS, type LintFormat } from '../format-names.js';
import { contentHashOf, loadJourneyWorkspace, readInputFile, type JourneyServicePair } from '../journey-workspace.js';
import { cacheFileOf, configurationKey, LintCache } from '../lint-cache.js';
import { applySafeFixes, mergeFixes, type FileFixes } from '../lint-fixer.js';
import { fileMessages, infoCountOf, resultsOf, totalsOf, type FileMessages } from '../lint-results.js';
import { ruleSummaries } from '../rule-summaries.js';
import { displayPosixPath } from '../formatters/paths.js';
import { byAnotherName, isOneOf, sameFileAs } from '../output-file.js';
import type { Progress } from '../progress.js';
import { journeyVersion } from '../version.js';

export interface LintOptions {
    format: string;
    quiet?: boolean;
    info?: boolean;
    maxWarnings?: string;
    today?: string;
    config?: string;
    fix?: boolean;
    /** `--color` (true), `--no-color` (false), neither (undefined): see color.ts. */
    color?: boolean;
    /** `--no-progress` makes it false. */
    progress?: boolean;
    /** `-o, --output-file FILE`: the report goes to FILE instead of stdout. */
    outputFile?: string;
    /** `--stdin`: lint the text of standard input. */
    stdin?: boolean;
    /** `--stdin-filename PATH`: the file the text of standard input stands for. */
    stdinFilename?: string;
    /** `--cache`: reuse the findings of files whose findings cannot have changed (see lint-cache.ts). */
    cache?: boolean;
    /** `--cache-location PATH`: the cache file, or the folder of `.journeycache` (default: `.journeycache` here). */
    cacheLocation?: string;
}

/** The file standard input is linted as without `--stdin-filename` (ESLint says `<text>`). */
export const STDIN_FILE_NAME = '<stdin>.journey';

/** Fixes can make room for other fixes (overlapping edits wait a pass); a bound keeps a bad fix from looping. */
const MAX_FIX_PASSES = 10;

export interface CommandIO {
    cwd: string;
    /** The environment (NO_COLOR, FORCE_COLOR, CI; HOME and TMPDIR, see journey-file.ts): the process's, or a test's. */
    env: NodeJS.ProcessEnv;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Whether stdout is a terminal (colour by default). */
    isTTY: boolean;
    /** All of standard input, as bytes (`--stdin`). */
    readStdin: () => Promise<Buffer>;
    /** The progress line of long runs (on stderr, on a terminal only); none when absent. */
    progress?: (enabled: boolean) => Progress;
    /** Makes the language's services for each workspace loaded; a fresh set each time when absent (see journey-workspace.ts). */
    createServices?: () => JourneyServicePair;
}

/**
 * `journey lint [PATH|GLOB …]`: prints the diagnostics of the workspace the paths make (on stdout, or
 * into `-o FILE`). Writes files only with `--fix`, and then only the safe fixes, reporting what changed
 * before the remaining problems. With `--stdin`, the text of standard input stands for one file of that
 * workspace (`--stdin-filename PATH`, else `<stdin>.journey` here), and only that file is reported.
 */
export async function lintCommand(patterns: string[], options: LintOptions, io: CommandIO): Promise<number> {
    const format: LintFormat = (LINT_FORMATS as readonly string[]).includes(options.format) ? options.format as LintFormat : 'stylish';
    const formatter = formatters[format];
    const maxWarnings = parseMaxWarnings(options.maxWarnings);
    const today = parseToday(options.today);
    const stdinPath = stdinFilePath(options, io.cwd);
    const paths = patterns.length > 0 ? patterns : ['.'];
    // A file at PATH finds its configuration from PATH's folder up (then from here), as `journey lint PATH` does.
    const { config, file: configFile } = await loadConfigFile(options.config, io.cwd, stdinPath !== undefined ? path.dirname(stdinPath) : await workspaceRootOf(paths, io.cwd));
    let files = await findJourneyFiles(paths, io.cwd, { allowNone: stdinPath !== undefined });
    if (stdinPath !== undefined && !files.includes(stdinPath)) {
        files = [...files, stdinPath].sort(compareText);
    }
    const outputFile = await checkOutputFile(options.outputFile, files, io.cwd, configFile);
    let texts: Map<string, string | Uint8Array> | undefined = stdinPath !== undefined ? new Map([[stdinPath, await readStandardInput(io)]]) : undefined;
    // Machine-readable formats keep stdout to themselves.
    const tell = format === 'stylish' ? io.stdout : io.stderr;

    // With --stdin, ESLint ignores the cache: the text is not a file's.
    const caching = options.cache === true && stdinPath === undefined;
    // "Today" fixed for the run, so that the findings are those of the day the cache is for.
    const runToday = caching ? today ?? calendarDateOfToday() : today;
    const cache = caching ? await openCache(options.cacheLocation, io.cwd, outputFile, configurationKey(config, runToday!)) : undefined;
    let reused: FileMessages[] | undefined;
    if (cache) {
        const bytes = await readAll(files, io.cwd);
        reused = cache.reuse(files.map(filePath => ({ filePath, hash: contentHashOf(bytes.get(filePath)!) })));
        // --fix fixes what the cache says is fixable as it would without the cache.
        if (reused && options.fix && reused.some(file => file.messages.some(message => message.fixable))) {
            reused = undefined;
        }
        texts = bytes;
    }
    let reported: FileMessages[];
    if (reused) {
        if (options.fix) {
            tell(describeFixes([], files.length, io.cwd));
        }
        reported = reused;
    } else {
        const progress = io.progress?.(options.progress !== false);
        const load = (given?: ReadonlyMap<string, string | Uint8Array>) => loadJourneyWorkspace(files, {
            today: runToday, config, progress, texts: given, cwd: io.cwd, createServices: io.createServices,
            // With the cache, the files whose findings cannot have changed are linked but not checked again.
            ...(cache ? { hashContent: true, select: (loaded, services) => cache.plan(loaded, services, { fix: options.fix }) } : {}),
        });
        let workspace = await load(texts);
        if (options.fix) {
            const passes: FileFixes[][] = [];
            for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
                const changed = await applySafeFixes(workspace.files);
                if (changed.length === 0) {
                    break;
                }
                passes.push(changed);
                workspace = await load();
            }
            tell(describeFixes(mergeFixes(passes), workspace.files.length, io.cwd));
        }
        const linted = workspace.files.map(file => ({
            filePath: file.filePath,
            messages: file.validated === false ? cache!.cachedMessages(file.filePath) : fileMessages(file),
        }));
        if (cache) {
            await cache.update(linted);
            await cache.save().catch((error: NodeJS.ErrnoException) => {
                io.stderr(`journey: cannot write the cache ${displayPosixPath(cache.file, io.cwd)}: ${error.code ?? error.message}\n`);
            });
        }
        // With --stdin, ESLint reports the text it was given and nothing else.
        reported = stdinPath !== undefined ? linted.filter(file => file.filePath === stdinPath) : linted;
    }
    const includeInfo = options.info || formatsWithInfo.has(format);
    const results = resultsOf(reported, { quiet: options.quiet, includeInfo });
    const report = formatter(results, {
        cwd: io.cwd,
        color: shouldColor({ flag: options.color, env: io.env, isTTY: io.isTTY, toFile: outputFile !== undefined }),
        version: journeyVersion,
        rules: ruleSummaries(),
        hiddenInfo: includeInfo || options.quiet ? 0 : infoCountOf(reported),
    });
    if (outputFile === undefined) {
        io.stdout(report);
    } else {
        await writeReport(outputFile, options.outputFile!, io.cwd, report);
    }

    const { errors, warnings } = totalsOf(results);
    if (errors > 0) {
        return ExitCode.Problems;
    }
    if (maxWarnings !== undefined && warnings > maxWarnings) {
        io.stderr(`journey: too many warnings (${warnings}); the maximum allowed is ${maxWarnings}.\n`);
        return ExitCode.Problems;
    }
    return ExitCode.Ok;
}

/**
 * The cache of `--cache`, read (see lint-cache.ts). Its file is never the report's: `-o` naming it is a
 * usage error, as is a `.journey` file.
 */
async function openCache(location: string | undefined, cwd: string, outputFile: string | undefined, key: string): Promise<LintCache> {
    const file = await cacheFileOf(location, cwd);
    if (outputFile !== undefined && path.resolve(outputFile) === file) {
        throw new CliError(`-o ${displayPosixPath(outputFile, cwd)} is the cache file of --cache; write the report to another file`);
    }
    return LintCache.open(file, journeyVersion, key);
}

/** The bytes of every file (for their content hashes, then given to the workspace: each file is read once). */
async function readAll(files: readonly string[], cwd: string): Promise<Map<string, Uint8Array>> {
    const bytes = new Map<string, Uint8Array>();
    for (const filePath of files) {
        bytes.set(filePath, await readInputFile(filePath, cwd));
    }
    return bytes;
}

/** The absolute path the text of standard input stands for, or undefined without `--stdin`. */
function stdinFilePath(options: LintOptions, cwd: string): string | undefined {
    if (!options.stdin) {
        if (options.stdinFilename !== undefined) {
            throw new CliError('--stdin-filename names the file that the text of --stdin stands for; add --stdin (or lint the file itself: `journey lint FILE`)');
        }
        return undefined;
    }
    if (options.fix) {
        throw new CliError('--fix cannot write to stdin; run `journey lint --fix FILE` on the file itself, or apply the quick fixes in the editor');
    }
    if (options.stdinFilename === undefined) {
        return path.resolve(cwd, STDIN_FILE_NAME);
    }
    if (!options.stdinFilename.endsWith('.journey')) {
        throw new CliError(`--stdin-filename takes the path of a .journey file, not "${options.stdinFilename}"`);
    }
    return path.resolve(cwd, options.stdinFilename);
}

async function readStandardInput(io: CommandIO): Promise<Buffer> {
    // Read by the workspace as the bytes of a file on disk: a byte order mark dropped, bytes that are not UTF-8 a syntax error.
    return io.readStdin().catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read standard input: ${error.code ?? error.message}`);
    });
}

/**
 * The absolute path of `-o FILE`, checked before anything is linted or fixed: never one of the linted
 * files or the configuration read (by path, link or hard link), never a .journey file (the next lint of
 * its folder would read the report as a map), never a folder.
 */
async function checkOutputFile(outputFile: string | undefined, linted: readonly string[], cwd: string, configFile: string | undefined): Promise<string | undefined> {
    if (outputFile === undefined) {
        return undefined;
    }
    const absolute = path.resolve(cwd, outputFile);
    const input = await sameFileAs(outputFile, linted, cwd);
    if (input !== undefined) {
        throw new CliError(`-o ${outputFile} is one of the files being linted${byAnotherName(outputFile, input, cwd, displayPosixPath(input, cwd))}; write the report to another file`);
    }
    if (configFile !== undefined && await isOneOf(outputFile, [configFile], cwd)) {
        throw new CliError(`-o ${outputFile} is the configuration being read (${displayPosixPath(configFile, cwd)}); write the report to another file`);
    }
    if (absolute.endsWith('.journey')) {
        throw new CliError(`-o ${outputFile} names a .journey file; write the report to another kind of file (a lint of its folder would read it as a map)`);
    }
    if ((await stat(absolute).catch(() => undefined))?.isDirectory()) {
        throw new CliError(`-o ${outputFile} is a folder; name the file to write the report to`);
    }
    return absolute;
}

/**
 * Writes the report, making missing parent folders as ESLint does. An empty report is an empty file (as
 * ESLint 9 writes it), so that a clean run never leaves the report of an earlier run in place.
 */
async function writeReport(outputFile: string, shown: string, cwd: string, report: string): Promise<void> {
    try {
        await mkdir(path.dirname(outputFile), { recursive: true });
        await writeFile(outputFile, report, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const blocking = code === 'EEXIST' || code === 'ENOTDIR' ? await fileInTheWay(path.dirname(outputFile)) : undefined;
        const why = blocking !== undefined ? `${displayPosixPath(blocking, cwd)} is a file, not a folder` : code ?? (error as Error).message;
        throw new CliError(`cannot write the report to ${shown}: ${why}`);
    }
}

/** The nearest existing ancestor of `folder` (or itself), when it is not a folder. */
async function fileInTheWay(folder: string): Promise<string | undefined> {
    for (let candidate = folder; ; candidate = path.dirname(candidate)) {
        const info = await stat(candidate).catch(() => undefined);
        if (info) {
            return info.isDirectory() ? undefined : candidate;
        }
        if (path.dirname(candidate) === candidate) {
            return undefined;
        }
    }
}

function describeFixes(fixes: readonly FileFixes[], fileCount: number, cwd: string): string {
    if (fixes.length === 0) {
        return fileCount > 0 ? 'journey: nothing to fix.\n' : '';
    }
    return fixes.map(({ filePath, fixed }) => {
        const what = [...fixed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleId, count]) => `${count} × ${ruleId}`).join(', ');
        return `fixed ${displayPosixPath(filePath, cwd)}: ${what}\n`;
    }).join('');
}
