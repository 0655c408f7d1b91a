import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/journey-process.js';

describe('generated parser code', () => {
    it('is what `langium generate` makes of the committed grammar (not stale)', () => {
        const scratch = mkdtempSync(path.join(tmpdir(), 'journey-generate-'));
        try {
            const config = JSON.parse(readFileSync(path.join(repoRoot, 'langium-config.json'), 'utf8'));
            for (const language of config.languages) {
                language.grammar = path.join(repoRoot, language.grammar);
            }
            config.out = path.join(scratch, 'generated');
            writeFileSync(path.join(scratch, 'langium-config.json'), JSON.stringify(config));
            const run = spawnSync(path.join(repoRoot, 'node_modules/.bin/langium'), ['generate', '--file', path.join(scratch, 'langium-config.json')],
                { cwd: scratch, encoding: 'utf8' });
            expect(run.status, run.stderr + run.stdout).toBe(0);

            const committed = path.join(repoRoot, 'packages/language/src/generated');
            const files = readdirSync(committed).sort();
            expect(readdirSync(config.out).sort()).toEqual(files);
            for (const file of files) {
                const fresh = readFileSync(path.join(config.out, file), 'utf8');
                expect(readFileSync(path.join(committed, file), 'utf8'), `${file} is stale: run npm run langium:generate`).toBe(fresh);
            }
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    });
});

describe('shipped JSON schemas', () => {
    it('journey.config.schema.json lists every rule of the registry (not stale)', async () => {
        const { journeyConfigSchema } = await import('@journey/language');
        const committed = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/journey.config.schema.json'), 'utf8'));
        expect(committed, 'stale: run npm run build').toEqual(journeyConfigSchema());
    });
});
