import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeyInProcess } from '../support/journey-in-process.js';
import { runJourney, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();

/** A journey of `stages` × `perStage` touchpoints, enough for the real binary to lay maps out in worker threads. */
function bigJourney(name: string, stages: number, perStage: number): string {
    const lines = [`journey ${name} "${name} journey" {`];
    for (let s = 0; s < stages; s++) {
        lines.push(`    stage s${s} "Stage ${s}" {`);
        for (let t = 0; t < perStage; t++) {
            lines.push(`        touchpoint t${s}_${t} "Touchpoint ${s}.${t}" {`, `            emotion ${((s + t) % 7) - 3}`, '        }');
        }
        lines.push('    }');
    }
    lines.push('}', '');
    return lines.join('\n');
}

function readTree(folder: string): Map<string, string> {
    return new Map(readdirSync(folder, { recursive: true, withFileTypes: true }).filter(entry => entry.isFile())
        .map(entry => [path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), 'utf8')]));
}

describe('journey build, the real binary', () => {
    it('lays maps out in worker threads and writes the same bytes as a build on one thread', async () => {
        const files = workspace({ 'maps/a.journey': bigJourney('first', 10, 25), 'maps/b.journey': bigJourney('second', 10, 25), 'maps/c.journey': bigJourney('third', 4, 10) });
        const threaded = runJourney(['build', files.path('maps'), '-o', files.path('threaded'), '--today', '2026-12-01', '--no-progress'], files.root);
        expect(threaded.stderr).toContain('built threaded/index.html: 3 journeys');
        expect(threaded.status).toBe(0);
        // In process, from the sources: no worker file beside them, so every map is laid out on this thread.
        const single = await journeyInProcess(['build', files.path('maps'), '-o', files.path('single'), '--today', '2026-12-01'], files.root);
        expect(single.status).toBe(0);
        const a = readTree(files.path('threaded'));
        const b = readTree(files.path('single'));
        expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
        for (const [file, text] of a) {
            expect(b.get(file) === text, file).toBe(true);
        }
        expect(a.get(path.join('journeys', 'first.html'))).toContain('data-id="tp:first:t9_24"');
    });
});
