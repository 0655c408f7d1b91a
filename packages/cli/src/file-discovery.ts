import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareText } from '@journey/language';
import { CliError } from './cli-error.js';

const IGNORED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/**
 * The `.journey` files named by the command line: files as given, folders searched recursively,
 * globs expanded (relative to `cwd`). Absolute paths, sorted, without repeats.
 * A path that does not exist, or a pattern that matches nothing, is a usage error.
 */
export async function findJourneyFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
    const files = new Set<string>();
    for (const pattern of patterns) {
        if (isDynamicPattern(pattern)) {
            const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: IGNORED_FOLDERS, dot: false });
            const journeyFiles = matches.filter(file => file.endsWith('.journey'));
            if (journeyFiles.length === 0) {
                throw new CliError(`no .journey files match the pattern "${pattern}"`);
            }
            journeyFiles.forEach(file => files.add(path.normalize(file)));
            continue;
        }
        const absolute = path.resolve(cwd, pattern);
        const info = await stat(absolute).catch(() => undefined);
        if (!info) {
            throw new CliError(`no such file or directory: ${pattern}`);
        }
        if (info.isDirectory()) {
            const matches = await glob('**/*.journey', { cwd: absolute, absolute: true, onlyFiles: true, ignore: IGNORED_FOLDERS });
            if (matches.length === 0) {
                throw new CliError(`no .journey files found in ${pattern}`);
            }
            matches.forEach(file => files.add(path.normalize(file)));
        } else {
            files.add(absolute);
        }
    }
    return [...files].sort(compareText);
}
