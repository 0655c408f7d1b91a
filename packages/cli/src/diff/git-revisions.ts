import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { CliError } from '../cli-error.js';

/**
 * What `journey diff` asks of git: the repository a folder is in, what a revision names, the files at
 * a revision and their bytes. Always `git` with an array of arguments (never a shell), revisions checked
 * by `rev-parse --verify --end-of-options` before anything else sees them, and then only their commit
 * ids passed on; paths are literal (`--literal-pathspecs`: `a[1].journey` is a name, not a pattern).
 */

/** A file at a revision: its path from the repository root (`/`), and its blob. */
export interface RevisionFile {
    path: string;
    object: string;
}

class GitFailed extends Error {
    constructor(readonly args: readonly string[], readonly status: number | null, readonly stderr: string) {
        super(`git ${args.join(' ')} failed (${status}): ${stderr.trim()}`);
    }
}

const NO_GIT = 'git was not found: journey diff reads revisions with git; install git (or put it on the PATH), or give two folders';

/** Runs git in `cwd` and resolves with its stdout; a non-zero exit rejects with a `GitFailed`. */
function git(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const child = spawn('git', ['--literal-pathspecs', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', (error: NodeJS.ErrnoException) => {
            reject(error.code === 'ENOENT' ? new CliError(NO_GIT) : new CliError(`cannot run git: ${error.code ?? error.message}`));
        });
        child.on('close', status => {
            if (status === 0) {
                resolve(Buffer.concat(out));
            } else {
                reject(new GitFailed(args, status, Buffer.concat(err).toString('utf8')));
            }
        });
        // A git that exits before reading all of stdin (a missing object) must not crash the process with EPIPE.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
    });
}

/**
 * The working tree's root of the repository `cwd` is in, as a path in the same spelling as `cwd` (from
 * `--show-cdup`, not the real path `--show-toplevel` gives: under a symbolic link the two differ, and
 * the paths found on disk are spelled from `cwd`).
 */
export async function repositoryRoot(cwd: string): Promise<string> {
    const cdup = await git(['rev-parse', '--show-cdup'], cwd).catch((error: unknown) => {
        if (error instanceof GitFailed) {
            throw new CliError(`not a git repository: ${cwd}: run journey diff inside the repository, or give two folders (journey diff OLD_FOLDER NEW_FOLDER)`);
        }
        throw error;
    });
    const up = cdup.toString('utf8').replace(/\r?\n$/, '');
    // Inside .git, or in a bare repository, there is no working tree to show paths from.
    const inside = await git(['rev-parse', '--is-inside-work-tree'], cwd).then(out => out.toString('utf8').trim() === 'true', () => false);
    if (!inside) {
        throw new CliError(`not inside the working tree of a git repository: ${cwd}: run journey diff inside the repository's working tree, or give two folders`);
    }
    return path.resolve(cwd, up);
}

/** The commit a revision names (a branch, tag, commit id, `HEAD~1`, …), as its full id. */
export async function resolveRevision(root: string, revision: string): Promise<string> {
    const unknown = () => new CliError(`no revision \`${revision}\` in ${root}: a branch, tag or commit, e.g. main or HEAD~1`);
    if (revision === '' || revision.includes('\0')) {
        throw unknown();
    }
    const out = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root).catch((error: unknown) => {
        if (error instanceof GitFailed) {
            throw unknown();
        }
        throw error;
    });
    const id = out.toString('utf8').trim();
    if (!/^[0-9a-f]{40,64}$/.test(id)) {
        throw unknown();
    }
    return id;
}

/** The best common ancestor of two commits (ids from `resolveRevision`), for `A...B`. */
export async function mergeBase(root: string, a: string, b: string, shown: string): Promise<string> {
    const out = await git(['merge-base', a, b], root).catch((error: unknown) => {
        if (error instanceof GitFailed) {
            throw new CliError(`${shown}: the two revisions have no common ancestor; give two revisions (journey diff A B) instead`);
        }
        throw error;
    });
    return out.toString('utf8').trim();
}

/**
 * The regular files at a commit under the paths given (relative to the root, `/`; none or `''` for the
 * whole tree) whose names end in `suffix`. Symbolic links and submodules are left out, and so are files
 * under `node_modules` and `.git` folders (as the working tree's discovery leaves them out). Sorted by path.
 */
export async function filesAtRevision(root: string, commit: string, paths: readonly string[], suffix: string): Promise<RevisionFile[]> {
    const pathspecs = paths.some(entry => entry === '') ? [] : paths;
    const out = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...pathspecs], root);
    const files: RevisionFile[] = [];
    for (const entry of out.toString('utf8').split('\0')) {
        // <mode> SP <type> SP <object> TAB <path>
        const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
        if (!match || match[2] !== 'blob' || (match[1] !== '100644' && match[1] !== '100755')) {
            continue;
        }
        const filePath = match[4];
        if (!filePath.endsWith(suffix) || filePath.split('/').some(segment => segment === 'node_modules' || segment === '.git')) {
            continue;
        }
        files.push({ path: filePath, object: match[3] });
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The bytes of blobs, in the order given, read by one `git cat-file --batch`. */
export async function readBlobs(root: string, objects: readonly string[]): Promise<Buffer[]> {
    if (objects.length === 0) {
        return [];
    }
    const out = await git(['cat-file', '--batch'], root, objects.map(object => `${object}\n`).join(''));
    const blobs: Buffer[] = [];
    let at = 0;
    for (const object of objects) {
        const end = out.indexOf(0x0a, at);
        // <object> SP <type> SP <size> LF <contents> LF, or <object> SP missing LF
        const header = /^([0-9a-f]+) (\w+) (\d+)$/.exec(out.subarray(at, end < 0 ? out.length : end).toString('utf8'));
        if (end < 0 || !header) {
            throw new CliError(`git could not read the object ${object} of ${root}`);
        }
        const size = Number(header[3]);
        blobs.push(out.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
    }
    return blobs;
}

/**
 * The text of a file at a commit, read at once (a source's data file, which the language reads when it
 * links a KPI to it). A file the commit does not have is an error with code ENOENT, as on disk.
 */
export function fileTextAtRevision(root: string, commit: string, absolute: string): string {
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    try {
        return execFileSync('git', ['--literal-pathspecs', 'cat-file', 'blob', `${commit}:${relative}`], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true, maxBuffer: 1 << 30 }).toString('utf8');
    } catch {
        throw Object.assign(new Error(`${relative} is not in ${commit}`), { code: 'ENOENT' });
    }
}
