// `journey lint --cache` as the built binary runs it (packages/cli/bin/journey.cjs): the cache file is
// written, used by the next run (which prints what the cache says: a message edited in the cache shows),
// and the exit codes are those of a run without the cache. The rest of --cache runs in process
// (test/cli/lint-cache.test.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONAS, RENEWAL_CLEAN, RENEWAL_WITH_PROBLEMS } from '../support/fixtures.js';
import { runJourney, scratchWorkspaces } from '../support/journey-process.js';

const workspace = scratchWorkspaces();
const TODAY = ['--today', '2026-11-25'];

describe('the built binary with --cache', () => {
    it('writes .journeycache, reuses it on the next run, and exits as without it', () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_PROBLEMS });
        const plain = runJourney(['lint', ...TODAY], ws.root);
        expect(plain.status).toBe(1);
        const first = runJourney(['lint', '--cache', ...TODAY], ws.root);
        expect(first).toEqual(plain);
        const file = ws.path('.journeycache');
        expect(existsSync(file)).toBe(true);
        const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { messages: Array<[string, number, string]> }> };
        expect(Object.keys(cache.entries)).toEqual(['personas.journey', 'renewal.journey']);
        expect(runJourney(['lint', '--cache', ...TODAY], ws.root)).toEqual(plain);
        // The second run read its results from the cache: what the cache says is what it prints.
        const [message] = cache.entries['renewal.journey'].messages;
        writeFileSync(file, readFileSync(file, 'utf8').replace(JSON.stringify(message[2]), JSON.stringify('Edited in the cache.')));
        expect(runJourney(['lint', '--cache', ...TODAY], ws.root).stdout).toContain('Edited in the cache.');
        ws.write('renewal.journey', RENEWAL_CLEAN);
        expect(runJourney(['lint', '--cache', ...TODAY], ws.root)).toEqual({ status: 0, stdout: '', stderr: '' });
        expect(runJourney(['lint', '--cache', ...TODAY, '--cache-location', 'nested/'], ws.root).status).toBe(0);
        expect(existsSync(ws.path('nested/.journeycache'))).toBe(true);
    });
});
