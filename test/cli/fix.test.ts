import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { repoRoot, scratchWorkspaces, type TempWorkspace } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

/** A copy of examples/ to break and fix. */
function examplesCopy(): TempWorkspace {
    const ws = workspace();
    cpSync(path.join(repoRoot, 'examples'), ws.root, { recursive: true });
    return ws;
}

function snapshot(root: string): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir)) {
            const full = path.join(dir, entry);
            if (statSync(full).isDirectory()) {
                walk(full);
            } else {
                files.set(path.relative(root, full), readFileSync(full));
            }
        }
    };
    walk(root);
    return files;
}

const RENEWAL = 'spec/renewal.journey';
const SHARED = 'spec/shared.journey';

describe('journey lint --fix', () => {
    it('applies the safe fixes, says what it changed, and a second run changes nothing', async () => {
        const ws = examplesCopy();
        const original = readFileSync(ws.path(RENEWAL), 'utf8');
        // Injected problems: two emotions off the scale (clamped), an unused suppression (removed).
        const broken = original.replace('emotion -2 "Frustrated"', 'emotion -7 "Frustrated"').replace('emotion 1 serves', 'emotion 4.5 serves');
        writeFileSync(ws.path(RENEWAL), broken);
        writeFileSync(ws.path(SHARED), `${readFileSync(ws.path(SHARED), 'utf8')}// journey-disable-next-line dead-end, value-gap\nteam extra "Extra team"\n`);
        const sharedBefore = readFileSync(ws.path(SHARED), 'utf8');

        const run = await journeyInProcess(['lint', '.', '--fix', '--today', '2026-11-23'], ws.root);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('fixed spec/renewal.journey: 2 × emotion-out-of-range\n');
        expect(run.stdout).toContain('fixed spec/shared.journey: 1 × unused-suppression\n');

        const expectedRenewal = original.replace('emotion -2 "Frustrated"', 'emotion -3 "Frustrated"').replace('emotion 1 serves', 'emotion 3 serves');
        expect(readFileSync(ws.path(RENEWAL), 'utf8')).toBe(expectedRenewal);
        expect(readFileSync(ws.path(SHARED), 'utf8')).toBe(sharedBefore.replace('// journey-disable-next-line dead-end, value-gap\n', ''));

        const after = snapshot(ws.root);
        const again = await journeyInProcess(['lint', '.', '--fix', '--today', '2026-11-23'], ws.root);
        expect(again.status).toBe(0);
        expect(again.stdout).toContain('nothing to fix');
        expect(snapshot(ws.root)).toEqual(after);
    });

    it('keeps CRLF line ends and a byte order mark as it found them', async () => {
        const ws = examplesCopy();
        const crlf = `\uFEFF${readFileSync(ws.path(RENEWAL), 'utf8').replace('emotion -2 "Frustrated"', 'emotion 9 "Frustrated"').replace(/\n/g, '\r\n')}`;
        writeFileSync(ws.path(RENEWAL), crlf);
        const run = await journeyInProcess(['lint', RENEWAL, SHARED, '--fix'], ws.root);
        expect(run.stdout).toContain('1 × emotion-out-of-range');
        const fixed = readFileSync(ws.path(RENEWAL), 'utf8');
        expect(fixed).toBe(crlf.replace('emotion 9 "Frustrated"', 'emotion 3 "Frustrated"'));
        expect(fixed.startsWith('\uFEFF')).toBe(true);
        expect(fixed.split('\r\n').length).toBe(crlf.split('\r\n').length);
    });

    it('never touches a file with syntax errors', async () => {
        const ws = examplesCopy();
        const broken = `${readFileSync(ws.path(RENEWAL), 'utf8').replace('emotion -2 "Frustrated"', 'emotion -9 "Frustrated"')}\nstage stray "Outside any journey" {}\n`;
        writeFileSync(ws.path(RENEWAL), broken);
        const run = await journeyInProcess(['lint', '.', '--fix', '--format', 'json'], ws.root);
        expect(run.status).toBe(1);
        expect(readFileSync(ws.path(RENEWAL), 'utf8')).toBe(broken);
        // Machine formats keep stdout for themselves: the summary goes to stderr.
        expect(() => JSON.parse(run.stdout)).not.toThrow();
        expect(run.stderr).toContain('nothing to fix');
    });

    it('writes nothing without --fix, even when fixes exist', async () => {
        const ws = examplesCopy();
        writeFileSync(ws.path(RENEWAL), readFileSync(ws.path(RENEWAL), 'utf8').replace('emotion -2 "Frustrated"', 'emotion -7 "Frustrated"'));
        const before = snapshot(ws.root);
        const run = await journeyInProcess(['lint', '.'], ws.root);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('emotion-out-of-range');
        expect(snapshot(ws.root)).toEqual(before);
    });
});
