import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
