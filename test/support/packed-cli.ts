// The CLI as users get it: `npm pack` of the built packages/cli (npm test builds first), installed
// into a folder with nothing of this repository around it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './journey-process.js';

export interface PackedFile { path: string; size: number }
export interface PackResult { tarball: string; size: number; unpackedSize: number; files: PackedFile[]; stdout: string }

/** npm without the user's or the machine's settings getting in the way (no update check, no audit). */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
        ...process.env,
        npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false',
        npm_config_loglevel: 'error', NO_COLOR: '1', ...extra,
    };
}

export function npm(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync('npm', [...args], { cwd, encoding: 'utf8', env: npmEnv(env), timeout: 180_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm pack` of a package folder of this repository into `destination`; what npm says it packed. */
export function pack(packageFolder: string, destination: string): PackResult {
    mkdirSync(destination, { recursive: true });
    const run = npm(['pack', '--json', '--pack-destination', destination], path.join(repoRoot, packageFolder));
    if (run.status !== 0) {
        throw new Error(`npm pack ${packageFolder} failed: ${run.stderr}`);
    }
    const [report] = JSON.parse(run.stdout) as Array<{ filename: string; size: number; unpackedSize: number; files: PackedFile[] }>;
    return { tarball: path.join(destination, report.filename), size: report.size, unpackedSize: report.unpackedSize, files: report.files, stdout: run.stdout };
}

/** A folder with a package.json of its own, as a team's repository has. */
export function emptyProject(folder: string): string {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'cx-maps', version: '1.0.0', private: true }, null, 2)}\n`);
    return folder;
}
