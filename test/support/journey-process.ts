import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { afterEach } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built `journey` command (npm run build makes it; npm test builds first). */
export const journeyBin = path.join(repoRoot, 'packages/cli/bin/journey.cjs');

export interface JourneyRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `journey ARGS` as a child process, the way a user or CI does. */
export function runJourney(args: readonly string[], cwd: string = repoRoot, env: NodeJS.ProcessEnv = {}): JourneyRun {
    const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [journeyBin, ...args], {
        cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch workspace: files written from a map of relative paths to contents. */
export class TempWorkspace {
    readonly root: string;

    constructor(files: Record<string, string> = {}) {
        this.root = mkdtempSync(path.join(tmpdir(), 'journey-test-'));
        for (const [relative, content] of Object.entries(files)) {
            this.write(relative, content);
        }
    }

    write(relative: string, content: string | Buffer): string {
        const file = path.join(this.root, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
        return file;
    }

    path(relative: string): string {
        return path.join(this.root, relative);
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}

/**
 * A factory of scratch workspaces that are removed after each test of the calling file.
 * Call it at the top level of a test file: `const workspace = scratchWorkspaces();`.
 */
export function scratchWorkspaces(): (files?: Record<string, string>) => TempWorkspace {
    const created: TempWorkspace[] = [];
    afterEach(() => created.splice(0).forEach(workspace => workspace.dispose()));
    return files => {
        const workspace = new TempWorkspace(files);
        created.push(workspace);
        return workspace;
    };
}

/**
 * Copies a folder of the repository's examples to `destination` with every `reviewed` date set to
 * today (the machine's local day, as the CLI reads the clock): tests that run the real CLI without
 * `--today` then see the same findings whatever day they run (the examples' reviews age).
 */
export function copyExamplesReviewedToday(folder: string, destination: string): void {
    cpSync(path.join(repoRoot, folder), destination, { recursive: true });
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    for (const entry of readdirSync(destination, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.journey')) {
            const file = path.join(entry.parentPath, entry.name);
            writeFileSync(file, readFileSync(file, 'utf8').replace(/\breviewed \d{4}-\d{2}-\d{2}/g, `reviewed ${today}`));
        }
    }
}
