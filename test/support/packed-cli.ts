// The CLI as users get it: `npm pack` of the built packages/cli (npm test builds first), installed
// into a folder with nothing of this repository around it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Where `packOnce` keeps its tarballs (.tmp/ is not committed). */
const packCache = path.join(repoRoot, '.tmp', 'packed');

/** Every file of a package folder but node_modules and tarballs, as the hash of their paths and bytes. */
function contentHash(folder: string): string {
    const hash = createHash('sha256');
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => path.relative(folder, path.join(entry.parentPath, entry.name)))
        .filter(file => !file.split(path.sep).includes('node_modules') && !file.endsWith('.tgz'))
        .sort();
    for (const file of files) {
        hash.update(`${file}\0`).update(readFileSync(path.join(folder, file))).update('\0');
    }
    return hash.digest('hex').slice(0, 20);
}

/**
 * `pack` of a package folder, made once for as long as the folder's files stay the same (its hash names
 * the tarball): the test files that install packages/cli (the package test, the GitHub Action and
 * pre-commit tests) then install the same `npm pack` tarball, made by the first of them, instead of
 * running `npm pack` each. Any change to the folder (a build, an edited README) packs again.
 */
export function packOnce(packageFolder: string): PackResult {
    const key = `${packageFolder.replace(/\W+/g, '-')}-${contentHash(path.join(repoRoot, packageFolder))}`;
    const folder = path.join(packCache, key);
    const reportFile = path.join(folder, 'pack.json');
    if (!existsSync(reportFile)) {
        mkdirSync(packCache, { recursive: true });
        const staging = mkdtempSync(path.join(packCache, `${key}.partial-`));
        const packed = pack(packageFolder, staging);
        writeFileSync(path.join(staging, 'pack.json'), JSON.stringify({ ...packed, tarball: path.basename(packed.tarball) }));
        try {
            renameSync(staging, folder); // whole, or not at all: another test file may be packing it too
        } catch {
            rmSync(staging, { recursive: true, force: true }); // it was first
        }
        // Tarballs of earlier builds, unless made in the last hour (a test file may still be using one).
        const prefix = `${packageFolder.replace(/\W+/g, '-')}-`;
        for (const entry of readdirSync(packCache)) {
            const old = path.join(packCache, entry);
            if (entry.startsWith(prefix) && old !== folder && Date.now() - statSync(old).mtimeMs > 3_600_000) {
                rmSync(old, { recursive: true, force: true });
            }
        }
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as PackResult;
    return { ...report, tarball: path.join(folder, report.tarball) };
}

/** A folder with a package.json of its own, as a team's repository has. */
export function emptyProject(folder: string): string {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'cx-maps', version: '1.0.0', private: true }, null, 2)}\n`);
    return folder;
}
