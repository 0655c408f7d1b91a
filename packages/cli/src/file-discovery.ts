import { readdir } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareText } from '@journey/language';
import { CliError } from './cli-error.js';
import { displayPosixPath } from './formatters/paths.js';
import { notRegularFile, specialKind } from './regular-file.js';

const IGNORED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/**
 * The `.journey` files named by the command line: files as given, folders searched recursively,
 * globs expanded (relative to `cwd`). Absolute paths, sorted, without repeats.
 * A path that does not exist, a file that is not a `.journey` file, or a pattern that matches nothing,
 * is a usage error; with `allowNone`, a folder or pattern without `.journey` files is fine (`lint --stdin`
 * has its own file). So is a `.journey` path, given or met in a folder, that is a FIFO, a device or a
 * socket (only regular files are read: a FIFO would wait for a writer forever).
 */
export async function findJourneyFiles(patterns: readonly string[], cwd: string, options: { allowNone?: boolean } = {}): Promise<string[]> {
    const files = new Set<string>();
    for (const pattern of patterns) {
        const absolute = path.resolve(cwd, pattern);
        const info = await stat(absolute).catch(() => undefined);
        // An existing path is taken literally, as ESLint does: `maps (2026)/` or `a[draft].journey` are not globs.
        if (!info && isDynamicPattern(pattern)) {
            const matches = await readableGlob(pattern, cwd, cwd);
            const journeyFiles = matches.filter(file => file.endsWith('.journey'));
            if (journeyFiles.length === 0 && !options.allowNone) {
                throw new CliError(`no .journey files match the pattern "${pattern}"`);
            }
            journeyFiles.forEach(file => files.add(path.normalize(file)));
            continue;
        }
        if (!info) {
            throw new CliError(`no such file or directory: ${pattern}`);
        }
        if (info.isDirectory()) {
            const matches = await readableGlob('**/*.journey', absolute, cwd);
            if (matches.length === 0 && !options.allowNone) {
                throw new CliError(`no .journey files found in ${pattern}`);
            }
            matches.forEach(file => files.add(path.normalize(file)));
        } else if (absolute.endsWith('.journey')) {
            if (specialKind(info) !== undefined) {
                throw notRegularFile(displayPosixPath(absolute, cwd), info);
            }
            files.add(absolute);
        } else {
            // The language services only know .journey documents.
            throw new CliError(`not a .journey file: ${pattern}`);
        }
    }
    return [...files].sort(compareText);
}

/**
 * The files a glob matches, failing on a folder it cannot read: the glob library skips such folders in
 * silence, and a lint that quietly leaves out files would pass in CI (the spec: an unreadable path is exit 2).
 * A `.journey` match that is not a regular file (a FIFO, a device, a socket, through a link or not) is the
 * usage error of `notRegularFile`, not a silent skip; the entries of each folder say which to stat.
 */
async function readableGlob(pattern: string, root: string, cwd: string): Promise<string[]> {
    const unreadable: Array<{ folder: string; code: string }> = [];
    // `.journey` entries that are neither a file nor a folder (FIFOs, devices, sockets, links): stat'ed if they match.
    const special = new Set<string>();
    const watchedReaddir = ((folder: string, options: object, callback: (error: NodeJS.ErrnoException | null, entries: unknown[]) => void) => {
        readdir(folder, options as { withFileTypes: true }, (error, entries) => {
            // A folder deleted while we walk is gone, not unreadable.
            if (error && error.code !== 'ENOENT') {
                unreadable.push({ folder, code: error.code ?? error.message });
            }
            for (const entry of entries ?? []) {
                if (!entry.isFile() && !entry.isDirectory() && entry.name.endsWith('.journey')) {
                    special.add(path.resolve(root, folder, entry.name));
                    if (!entry.isSymbolicLink()) {
                        // The glob library leaves out what is neither a file, a folder nor a link: shown to it as a file, a FIFO is matched and refused below.
                        entry.isFile = () => true;
                    }
                }
            }
            callback(error, entries);
        });
    }) as unknown as typeof readdir;
    const matches = await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, ignore: IGNORED_FOLDERS, dot: false, fs: { readdir: watchedReaddir } });
    if (unreadable.length > 0) {
        const [first] = unreadable.sort((a, b) => compareText(a.folder, b.folder));
        const shown = path.relative(cwd, path.resolve(root, first.folder)) || '.';
        throw new CliError(`cannot read the folder ${shown.split(path.sep).join('/')}: ${first.code}`);
    }
    for (const match of matches.filter(file => special.has(path.normalize(file))).sort(compareText)) {
        const info = await stat(match).catch(() => undefined);
        if (info && specialKind(info) !== undefined) {
            throw notRegularFile(displayPosixPath(path.normalize(match), cwd), info);
        }
    }
    return matches;
}
