// Everything the project ships or specifies as `.journey` text parses; a folder of small snippets
// pins down what is valid and where an invalid one is reported.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildWorkspace, diagnosticsOf, parse, parseErrorsOf, summarize } from './workspace-helper.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const examplesRoot = join(repoRoot, 'examples');
const smokeRoot = join(here, 'smoke');
/** The product specification sits next to the repository (shared/spec), outside it. */
const specFile = join(repoRoot, '..', 'shared', 'spec', 'journey-language.md');

function journeyFilesUnder(folder: string): string[] {
    if (!existsSync(folder)) {
        return [];
    }
    const found: string[] = [];
    for (const entry of readdirSync(folder).sort()) {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) {
            found.push(...journeyFilesUnder(path));
        } else if (entry.endsWith('.journey')) {
            found.push(path);
        }
    }
    return found;
}

function specBlocks(): string[] {
    const markdown = readFileSync(specFile, 'utf8');
    return [...markdown.matchAll(/```journey\r?\n([\s\S]*?)```/g)].map(match => match[1]);
}

describe('examples', () => {
    // Read when the tests are collected: examples are still being added by others.
    const exampleFiles = journeyFilesUnder(examplesRoot);

    test('the examples folder holds .journey files', () => {
        expect(exampleFiles.length).toBeGreaterThan(0);
    });

    test.each(exampleFiles.map(file => [relative(repoRoot, file), file]))('%s parses without lexer or parser errors', (_name, file) => {
        const document = parse(readFileSync(file, 'utf8'), relative(examplesRoot, file));
        expect(parseErrorsOf(document)).toEqual([]);
        expect(document.parseResult.value.declarations.length).toBeGreaterThan(0);
    });

    test.each(exampleFiles.map(file => [relative(repoRoot, file), file]))('%s has only real calendar dates', async (_name, file) => {
        const workspace = await buildWorkspace({ 'example.journey': readFileSync(file, 'utf8') });
        expect(summarize(diagnosticsOf(workspace.doc('example.journey'), 'syntax'))).toEqual([]);
    });
});

describe('the specification', () => {
    test('has exactly two journey blocks', () => {
        expect(specBlocks()).toHaveLength(2);
    });

    test('its declarations block parses without errors', () => {
        const document = parse(specBlocks()[0]);
        expect(parseErrorsOf(document)).toEqual([]);
        const kinds = document.parseResult.value.declarations.map(d => d.$type);
        expect(kinds).toEqual(['Team', 'Team', 'Team', 'Channel', 'Channel', 'Channel', 'Metric', 'Metric', 'Metric',
            'Competitor', 'Source', 'Source', 'Persona']);
    });

    test('its journey block parses without errors', () => {
        const document = parse(specBlocks()[1]);
        expect(parseErrorsOf(document)).toEqual([]);
        const [journey] = document.parseResult.value.declarations;
        expect(journey.$type).toBe('Journey');
        expect(journey.name).toBe('renewal');
    });

    test('both blocks together, as one workspace, have no error', async () => {
        const [declarations, journey] = specBlocks();
        const workspace = await buildWorkspace({ 'shared.journey': declarations, 'renewal.journey': journey });
        for (const document of workspace.documents.values()) {
            expect(summarize(diagnosticsOf(document).filter(d => d.severity === 1))).toEqual([]);
        }
    });
});

describe('smoke snippets', () => {
    const valid = journeyFilesUnder(join(smokeRoot, 'valid'));
    const invalid = journeyFilesUnder(join(smokeRoot, 'invalid'));

    test('the smoke folder has valid and invalid snippets', () => {
        expect(valid.length).toBeGreaterThanOrEqual(5);
        expect(invalid.length).toBeGreaterThanOrEqual(5);
    });

    test.each(valid.map(file => [relative(smokeRoot, file), file]))('%s is valid', async (_name, file) => {
        const text = readFileSync(file, 'utf8');
        expect(parseErrorsOf(parse(text))).toEqual([]);
        const workspace = await buildWorkspace({ 'snippet.journey': text });
        expect(summarize(diagnosticsOf(workspace.doc('snippet.journey')).filter(d => d.severity === 1))).toEqual([]);
    });

    // Each invalid snippet starts with `// expect syntax at LINE:COL` (1-based): where the first error is.
    test.each(invalid.map(file => [relative(smokeRoot, file), file]))('%s is reported where expected', async (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const expectation = /^\/\/ expect syntax at (\d+):(\d+)/.exec(text);
        expect(expectation, 'the snippet states where its error is').not.toBeNull();
        const [line, column] = [Number(expectation![1]) - 1, Number(expectation![2]) - 1];
        const workspace = await buildWorkspace({ 'snippet.journey': text });
        const syntax = diagnosticsOf(workspace.doc('snippet.journey'), 'syntax');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.every(d => d.severity === 1)).toBe(true);
        expect(syntax.map(d => d.range.start)).toContainEqual({ line, character: column });
        // The first syntax diagnostic in the file is the expected one.
        expect(syntax[0].range.start).toEqual({ line, character: column });
    });
});
