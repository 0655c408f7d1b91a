// Everything the project ships as `.journey` text parses: the examples, and every block of the language
// reference (docs/language.md), whose worked example lints with exactly the findings the page lists; a
// folder of small snippets pins down what is valid and where an invalid one is reported.
import { journeyRules } from '@journey/language';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
    documentedFindings, headingAnchors, journeyBlocks, LANGUAGE_REFERENCE, linkTargets, readReference, severityName, workedExample
} from './language-reference.js';
import { buildWorkspace, diagnosticsOf, parse, parseErrorsOf, summarize } from './workspace-helper.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const examplesRoot = join(repoRoot, 'examples');
const smokeRoot = join(here, 'smoke');

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

describe('the language reference (docs/language.md)', () => {
    const blocks = journeyBlocks();

    test('has journey blocks, and a worked example of two marked files', () => {
        expect(blocks.length).toBeGreaterThan(5);
        expect(workedExample().map(example => example.file)).toHaveLength(2);
    });

    test.each(blocks.map(block => [`#${block.index} under "${block.heading}" (${block.firstLine})`, block] as const))(
        'block %s parses without lexer or parser errors', (_name, block) => {
            const document = parse(block.text);
            expect(parseErrorsOf(document)).toEqual([]);
            expect(document.parseResult.value.declarations.length).toBeGreaterThan(0);
        });

    test('the worked example: shared declarations in one file, a journey using them in the other', () => {
        const [shared, journey] = workedExample().map(example => parse(example.text).parseResult.value.declarations);
        expect(shared.length).toBeGreaterThan(0);
        expect(shared.some(declaration => declaration.$type === 'Journey')).toBe(false);
        expect(journey.map(declaration => declaration.$type)).toEqual(['Journey']);
    });

    test('the worked example, linted as one workspace on the day the page names, gives exactly the findings it lists', async () => {
        const example = workedExample();
        const documented = documentedFindings();
        expect(documented.malformed, 'list items not in the form "- `FILE` line N, on `TEXT`: [`RULE`](rules/RULE.md) (SEVERITY) — …"').toEqual([]);
        expect(documented.findings.length, 'the number the sentence before the list says').toBe(documented.count);
        const workspace = await buildWorkspace(Object.fromEntries(example.map(({ file, text }) => [file, text])), ws => {
            ws.services.validation.JourneySettings.today = documented.today;
        });
        const files = example.map(({ file }) => file);
        const found = example.flatMap(({ file, text }) => {
            const lines = text.split('\n');
            return diagnosticsOf(workspace.doc(file)).map(d => ({
                file,
                line: d.range.start.line + 1,
                on: d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : '(several lines)',
                rule: String(d.code),
                severity: severityName(d.severity),
            }));
        });
        const order = (a: { file: string; line: number; on: string; rule: string }, b: typeof a) =>
            files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.on.localeCompare(b.on) || a.rule.localeCompare(b.rule);
        expect(found.sort(order)).toEqual([...documented.findings].sort(order));
    });

    test('lists every rule of the registry, in its order, with a link to its page and its default severity', () => {
        const markdown = readReference();
        const rows = journeyRules.map(rule => {
            const row = new RegExp(`^\\| \\[\`${rule.id}\`\\]\\(rules/${rule.id}\\.md\\) \\| \`(\\w+)\` \\|`, 'm').exec(markdown);
            return { id: rule.id, severity: row?.[1], at: row?.index ?? -1, expected: rule.defaultSeverity };
        });
        expect(rows.filter(row => row.at < 0).map(row => row.id), 'rules without a row "| [`RULE`](rules/RULE.md) | `SEVERITY` |"').toEqual([]);
        expect(rows.map(row => [row.id, row.severity]), 'default severities').toEqual(rows.map(row => [row.id, row.expected]));
        expect(rows.map(row => row.id), 'the registry\'s order').toEqual([...rows].sort((a, b) => a.at - b.at).map(row => row.id));
        // And no link to a rule page that is not a rule of the registry.
        const linkedRules = linkTargets(markdown).map(target => /^rules\/([^/#]+)\.md/.exec(target)?.[1]).filter(id => id && id !== 'README');
        expect(linkedRules.filter(id => !journeyRules.some(rule => rule.id === id))).toEqual([]);
    });

    test('every link to a local file points at a file that exists, and every anchor at a heading', () => {
        const markdown = readReference();
        const broken: string[] = [];
        for (const target of linkTargets(markdown)) {
            if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
                continue; // https:, mailto:
            }
            const [path, anchor] = target.split('#');
            const file = path === '' ? LANGUAGE_REFERENCE : resolve(dirname(LANGUAGE_REFERENCE), decodeURIComponent(path));
            if (!existsSync(file)) {
                broken.push(`${target}: no such file`);
            } else if (anchor !== undefined && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(anchor)) {
                broken.push(`${target}: no heading with that anchor`);
            }
        }
        expect(linkTargets(markdown).length).toBeGreaterThan(20);
        expect(broken).toEqual([]);
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
