import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, lineAndColumn, parseJourneyConfig, type JourneyConfig } from '@journey/language';
import { CliError } from './cli-error.js';
import { refuseSpecialFile } from './regular-file.js';

/**
 * The configuration for a CLI run: `--config FILE`, else the first `journey.config.json` found in the
 * workspace root (the folder holding every path given) or one of its parents, else in the working
 * directory or one of its parents (as ESLint looks for its config). None is fine.
 * A bad file is a usage error naming the file, line and column.
 */
export async function loadConfig(explicit: string | undefined, cwd: string, workspaceRoot: string = cwd): Promise<JourneyConfig | undefined> {
    return (await loadConfigFile(explicit, cwd, workspaceRoot)).config;
}

/**
 * `loadConfig`, and the file it read (absolute; undefined when there is none): `lint -o` never writes
 * over it. A configuration that is a FIFO, a device or a socket is a usage error: it is never opened.
 */
export async function loadConfigFile(explicit: string | undefined, cwd: string, workspaceRoot: string = cwd): Promise<{ config?: JourneyConfig; file?: string }> {
    // The spec puts the file at the workspace root, which the editor reads too: `journey lint ../maps` must agree with it.
    const file = explicit !== undefined ? path.resolve(cwd, explicit) : await findConfigFile(workspaceRoot) ?? await findConfigFile(cwd);
    if (!file) {
        return {};
    }
    await refuseSpecialFile(file, explicit ?? (path.relative(cwd, file) || file));
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read the configuration ${explicit ?? file}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}`);
    });
    return { config: parseConfigText(text, path.relative(cwd, file) || file), file };
}

/**
 * The configuration a `journey.config.json` text says (one read from disk, or from a git revision by
 * `journey diff`); a bad one is a usage error naming `shown`, line and column.
 */
export function parseConfigText(text: string, shown: string): JourneyConfig {
    const result = parseJourneyConfig(text);
    if (!result.config) {
        throw new CliError(result.problems.map(problem => {
            const { line, column } = lineAndColumn(text, problem.offset);
            return `${shown}:${line}:${column}: ${problem.message}`;
        }).join('\n'));
    }
    return result.config;
}

async function findConfigFile(cwd: string): Promise<string | undefined> {
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        const info = await stat(candidate).catch(() => undefined);
        // A FIFO or a device by that name is found, and refused by loadConfigFile (never silently skipped).
        if (info && !info.isDirectory()) {
            return candidate;
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}

/**
 * The workspace root of a command line: the folder holding every path given (a folder itself, a file's
 * folder; a glob is read from `cwd`, so it stands for `cwd`).
 */
export async function workspaceRootOf(patterns: readonly string[], cwd: string): Promise<string> {
    const folders = await Promise.all(patterns.map(async pattern => {
        const absolute = path.resolve(cwd, pattern);
        const info = await stat(absolute).catch(() => undefined);
        return !info ? path.resolve(cwd) : info.isDirectory() ? absolute : path.dirname(absolute);
    }));
    return folders.reduce((common, folder) => {
        while (common !== path.dirname(common) && path.relative(common, folder).split(path.sep)[0] === '..') {
            common = path.dirname(common);
        }
        return common;
    }, folders[0] ?? path.resolve(cwd));
}
