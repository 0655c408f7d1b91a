import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, type TempWorkspace } from './journey-process.js';

/** Runs git in `cwd` and returns its stdout; a failure throws with git's message. */
export function git(cwd: string, ...args: string[]): string {
    const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (run.status !== 0) {
        throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
    }
    return run.stdout;
}

/** Makes the folder a repository on `main` (a local author) and commits everything in it. */
export function commitAll(root: string, message = 'maps'): void {
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.email', 'test@example.com');
    git(root, 'config', 'user.name', 'Test');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', message);
}

/** examples/spec as `maps/` of a repository, committed on main. */
export function specRepository(files: TempWorkspace): string {
    for (const name of ['renewal.journey', 'shared.journey']) {
        files.write(`maps/${name}`, readFileSync(path.join(repoRoot, 'examples/spec', name), 'utf8'));
    }
    commitAll(files.root);
    return files.root;
}
