import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/journey-process.js';

/**
 * The site package is pure and light: the VS Code extension bundles it into its host (the workspace
 * report), which must not carry Langium (test/vscode/extension-package.test.ts), and the CLI's
 * `journey serve` rebuilds with it on every save. So it takes from the language only types, and values
 * only from the subpaths that pull in no Langium; and no Node.js built-in.
 */
const LIGHT_SUBPATHS = new Set(['@journey/language/number-format', '@journey/language/ordering']);

function sources(folder: string): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
        .map(entry => path.join(entry.parentPath, entry.name));
}

describe('packages/site and packages/diff imports', () => {
    // The diff package is as light: `journey diff` and the extension's Compare command load it.
    const files = [...sources(path.join(repoRoot, 'packages/site/src')), ...sources(path.join(repoRoot, 'packages/site/client')), ...sources(path.join(repoRoot, 'packages/diff/src'))];

    it('has sources to check', () => {
        expect(files.length).toBeGreaterThan(5);
    });

    it('takes only types from @journey/language, values only from its light subpaths, and nothing from Node.js', () => {
        const problems: string[] = [];
        for (const file of files) {
            const text = readFileSync(file, 'utf8');
            for (const match of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
                const [, typeOnly, specifier] = match;
                const shown = path.relative(repoRoot, file);
                if (specifier === '@journey/language' && !typeOnly) {
                    problems.push(`${shown}: values from @journey/language (use import type, or ${[...LIGHT_SUBPATHS].join(' / ')})`);
                }
                if (specifier.startsWith('@journey/language/') && !typeOnly && !LIGHT_SUBPATHS.has(specifier)) {
                    problems.push(`${shown}: values from ${specifier}`);
                }
                if (specifier.startsWith('node:') || specifier === 'langium' || specifier.startsWith('langium/')) {
                    problems.push(`${shown}: imports ${specifier}`);
                }
            }
        }
        expect(problems).toEqual([]);
    });
});
