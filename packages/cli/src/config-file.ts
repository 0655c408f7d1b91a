import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, lineAndColumn, parseJourneyConfig, type JourneyConfig } from '@journey/language';
import { CliError } from './cli-error.js';

/**
 * The configuration for a CLI run: `--config FILE`, else the first `journey.config.json` found in the
 * working directory or one of its parents (as ESLint looks for its config). None is fine.
 * A bad file is a usage error naming the file, line and column.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<JourneyConfig | undefined> {
    const file = explicit !== undefined ? path.resolve(cwd, explicit) : await findConfigFile(cwd);
    if (!file) {
        return undefined;
    }
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read the configuration ${explicit ?? file}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}`);
    });
    const result = parseJourneyConfig(text);
    if (!result.config) {
        const shown = path.relative(cwd, file) || file;
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
        if ((await stat(candidate).catch(() => undefined))?.isFile()) {
            return candidate;
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}
