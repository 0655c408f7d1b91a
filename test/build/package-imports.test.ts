// The arrows between the workspace's packages (ARCHITECTURE.md, "What may import what"): which
// package's sources may import which, read from the sources themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/journey-process.js';

/** Package folder → the workspace packages its sources may import (values and types alike). */
const ALLOWED: Record<string, readonly string[]> = {
    language: [],
    preview: ['language'],
    'png-pdf': ['preview'],
    interchange: ['language'],
    'markdown-it': ['interchange'],
    site: ['language', 'preview'],
    diff: ['language'],
    cli: ['language', 'preview', 'png-pdf', 'interchange', 'markdown-it', 'site', 'diff'],
    vscode: ['language', 'preview', 'png-pdf', 'interchange', 'markdown-it', 'site'],
};

const PACKAGE_OF: Record<string, string> = Object.fromEntries(Object.keys(ALLOWED).map(folder => [
    JSON.parse(readFileSync(path.join(repoRoot, 'packages', folder, 'package.json'), 'utf8')).name as string, folder,
]));

function sources(folder: string): string[] {
    return readdirSync(folder).flatMap(entry => {
        const full = path.join(folder, entry);
        if (statSync(full).isDirectory()) {
            return entry === 'generated' || entry === 'node_modules' || entry === 'out' ? [] : sources(full);
        }
        return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
    });
}

/** The workspace packages a file imports: `from '@journey/x'`, `import('@journey/x')`, subpaths too. */
function importedPackages(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:from\s+|import\(\s*)['"](@journey(?:-maps)?\/[\w-]+)(?:\/[\w/-]+)?['"]/g)]
        .map(match => PACKAGE_OF[match[1]])
        .filter((folder): folder is string => folder !== undefined);
}

describe('imports between the packages', () => {
    it('reads the imports it checks', () => {
        expect(importedPackages(path.join(repoRoot, 'packages/png-pdf/src/png.ts'))).toEqual(['preview']);
    });

    it.each(Object.keys(ALLOWED))('%s imports only the packages it may', folder => {
        const wrong = [
            ...sources(path.join(repoRoot, 'packages', folder, 'src')),
            ...(folder === 'vscode' ? sources(path.join(repoRoot, 'packages/vscode/webview')) : []),
            ...(folder === 'site' ? sources(path.join(repoRoot, 'packages/site/client')) : []),
        ].flatMap(file => importedPackages(file)
            .filter(imported => imported !== folder && !ALLOWED[folder].includes(imported))
            .map(imported => `${path.relative(repoRoot, file)} → ${imported}`));
        expect(wrong).toEqual([]);
    });
});
