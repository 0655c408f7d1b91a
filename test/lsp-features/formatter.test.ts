// The formatter: one canonical layout, idempotent, comments kept where they were, meaning unchanged.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
    JourneyFormatError, buildJourneyMapModels, formatJourneyDocument, formattingEdits, isOpportunity, isPain, isTouchpoint,
    opportunityOwnerIsTouchpoints, painEvidenceClause, painEvidenceIsTouchpoints, type Model
} from '@journey/language';
import { AstUtils, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { buildWorkspace, createWorkspace, parse } from '../language/workspace-helper.js';
import { repoRoot } from '../support/journey-process.js';

const services = createWorkspace().services;

function format(text: string): string {
    return formatJourneyDocument(services, parse(text));
}

function journeyFiles(folder: string): string[] {
    return readdirSync(folder).flatMap(entry => {
        const path = join(folder, entry);
        return statSync(path).isDirectory() ? journeyFiles(path) : path.endsWith('.journey') ? [path] : [];
    }).sort();
}

function comments(text: string): string[] {
    const document = parse(text);
    const result = services.parser.Lexer.tokenize(document.textDocument.getText());
    return result.hidden.map(token => token.image.trimEnd());
}

const isRange = (value: unknown): boolean => typeof value === 'object' && value !== null
    && typeof (value as { start?: { line?: unknown } }).start?.line === 'number' && typeof (value as { end?: { line?: unknown } }).end?.line === 'number';

/** Journey models without source positions (any range, wherever the model keeps one): what the preview and exports see. */
function modelsWithoutRanges(document: LangiumDocument<Model>): unknown {
    return JSON.parse(JSON.stringify(buildJourneyMapModels(document.parseResult.value, { year: 2026, month: 11, day: 23 }),
        (key, value) => (key === 'uri' || isRange(value) ? undefined : value)));
}

const examples = journeyFiles(join(repoRoot, 'examples'));
const smoke = journeyFiles(join(repoRoot, 'test/language/smoke'));

describe('every example and smoke file', () => {
    test('there are files to check', () => {
        expect(examples.length).toBeGreaterThanOrEqual(10);
        expect(smoke.length).toBeGreaterThanOrEqual(10);
    });

    for (const file of [...examples, ...smoke]) {
        const name = relative(repoRoot, file);
        const text = readFileSync(file, 'utf8');
        const parsed = parse(text);
        const parses = parsed.parseResult.lexerErrors.length === 0 && parsed.parseResult.parserErrors.length === 0;
        if (!parses) {
            test(`${name}: has syntax errors, so it is never formatted`, () => {
                expect(() => format(text)).toThrow(JourneyFormatError);
                expect(formattingEdits(services, parsed)).toEqual([]);
            });
            continue;
        }
        test(`${name}: idempotent, comments kept, no trailing whitespace, one final newline`, () => {
            const once = format(text);
            expect(format(once)).toBe(once);
            expect(comments(once)).toEqual(comments(text));
            expect(once).not.toMatch(/[ \t]+\r?\n/);
            if (once !== '') {
                expect(once).toMatch(/[^\n]\n$/);
            }
        });
    }

    test('the examples are already formatted', () => {
        for (const file of examples) {
            const text = readFileSync(file, 'utf8');
            expect(format(text), relative(repoRoot, file)).toBe(text);
        }
    });

    test('the formatted workspace means the same: the same journey models, resolved across files', async () => {
        const originals: Record<string, string> = {};
        const formatted: Record<string, string> = {};
        for (const file of [...examples, ...smoke.filter(f => f.includes('/valid/'))]) {
            // The smoke files are tiny one-liners: formatting changes them a lot.
            const name = relative(repoRoot, file);
            originals[name] = readFileSync(file, 'utf8');
            formatted[name] = format(originals[name]);
        }
        const before = await buildWorkspace(originals);
        const after = await buildWorkspace(formatted);
        let journeys = 0;
        for (const name of Object.keys(originals)) {
            const models = modelsWithoutRanges(before.doc(name));
            journeys += (models as unknown[]).length;
            expect(modelsWithoutRanges(after.doc(name)), name).toEqual(models);
        }
        expect(journeys).toBeGreaterThanOrEqual(5);
    });
});

describe('any whitespace between the tokens', () => {
    /** A small deterministic generator, so that a failure can be replayed. */
    function random(seed: number): () => number {
        let state = seed;
        return () => {
            state = (state * 1103515245 + 12345) & 0x7fffffff;
            return state / 0x7fffffff;
        };
    }

    /** The file with every gap between two tokens replaced by random whitespace (a line break after `//` comments). */
    function scramble(text: string, next: () => number): string {
        const result = services.parser.Lexer.tokenize(text);
        const tokens = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
        const gaps = [' ', '  ', '\t', '\n', '\n\n', '\n    ', ' \n\n\n  '];
        let out = '';
        for (const token of tokens) {
            const previous = out.length > 0;
            const needsBreak = /\/\/[^\n]*$/.test(out);
            let gap = previous ? gaps[Math.floor(next() * gaps.length)] : '';
            if (needsBreak && !gap.includes('\n')) {
                gap = '\n';
            }
            out += gap + token.image;
        }
        return out;
    }

    for (const file of examples.slice(0, 6)) {
        test(`${relative(repoRoot, file)}, scrambled: formats, idempotent, same tokens and comments`, () => {
            const text = readFileSync(file, 'utf8');
            const next = random(file.length);
            for (let round = 0; round < 3; round++) {
                const scrambled = scramble(text, next);
                const once = format(scrambled);
                expect(format(once)).toBe(once);
                expect(comments(once)).toEqual(comments(text));
                expect(once).not.toMatch(/[ \t]+\n/);
            }
        });
    }
});

/** Offsets of the `evidence` clauses of pains and the `owner` clauses of opportunities in touchpoints → whether each is the touchpoint's. */
function layoutClauses(text: string): Map<number, boolean> {
    const clauses = new Map<number, boolean>();
    for (const node of AstUtils.streamAllContents(parse(text).parseResult.value)) {
        if (isPain(node) && isTouchpoint(node.$container) && painEvidenceClause(node)) {
            clauses.set(painEvidenceClause(node)!.offset, painEvidenceIsTouchpoints(node));
        } else if (isOpportunity(node) && isTouchpoint(node.$container) && node.owner?.$cstNode) {
            clauses.set(node.owner.$cstNode.offset, opportunityOwnerIsTouchpoints(node));
        }
    }
    return clauses;
}

describe('any whitespace between the tokens, across the workspace', () => {
    test('scrambled then formatted examples mean what the examples mean', async () => {
        const originals: Record<string, string> = {};
        const formatted: Record<string, string> = {};
        const next = (() => { let state = 7; return () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff); })();
        for (const file of examples) {
            const name = relative(repoRoot, file);
            originals[name] = readFileSync(file, 'utf8');
            const result = services.parser.Lexer.tokenize(originals[name]);
            const tokens = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
            // The one place layout means something: whether a pain's `evidence` or an opportunity's `owner` in a
            // touchpoint starts a line of its own (the touchpoint's) or not (theirs). Those gaps keep their meaning.
            const clauses = layoutClauses(originals[name]);
            const gapBefore = (offset: number, previous: string) => {
                const own = clauses.get(offset);
                return own !== undefined ? (own ? '\n' : ' ') : previous === 'SL_COMMENT' || next() < 0.3 ? '\n' : ' ';
            };
            const scrambled = tokens.map((token, i) => (i === 0 ? '' : gapBefore(token.startOffset, tokens[i - 1].tokenType.name)) + token.image).join('');
            formatted[name] = format(scrambled);
        }
        const before = await buildWorkspace(originals);
        const after = await buildWorkspace(formatted);
        for (const name of Object.keys(originals)) {
            expect(modelsWithoutRanges(after.doc(name)), name).toEqual(modelsWithoutRanges(before.doc(name)));
        }
    });
});

describe('the layout', () => {
    test('indentation by nesting, one member per line, clauses kept on their member\'s line', () => {
        expect(format(`persona ben "Ben" { need setup "Quick setup" importance   4 prefers web,email }
journey j "J" { persona ben
stage s "S" {
phase pre-purchase touchpoint t "T" {
channel web
serves ben . setup
pain slow "Slow"
  severity 2
  evidence tickets
opportunity fast "Fast" for slow
  owner ops
}
}
flow t->t "again"
}`)).toBe(`persona ben "Ben" {
    need setup "Quick setup" importance 4
    prefers web, email
}
journey j "J" {
    persona ben
    stage s "S" {
        phase pre-purchase
        touchpoint t "T" {
            channel web
            serves ben.setup
            pain slow "Slow" severity 2 evidence tickets
            opportunity fast "Fast" for slow owner ops
        }
    }
    flow t -> t "again"
}
`);
    });

    test('in a touchpoint, an `evidence` or `owner` line after a pain or opportunity stays the touchpoint\'s line; a deeper one continues it', () => {
        expect(format(`journey j "J" { stage s "S" { touchpoint t "T" {
    channel web
    pain slow "Slow" severity 2
    evidence tickets
    opportunity fast "Fast" for slow
    owner ops
    pain late "Late"
        evidence crm
} } }`)).toBe(`journey j "J" {
    stage s "S" {
        touchpoint t "T" {
            channel web
            pain slow "Slow" severity 2
            evidence tickets
            opportunity fast "Fast" for slow
            owner ops
            pain late "Late" evidence crm
        }
    }
}
`);
    });

    test('short touchpoint blocks written on one line stay on one line; long ones and other blocks are laid out', () => {
        const short = '        touchpoint kickoff "Kick-off workshop" { channel phone owner success emotion 1 serves fast_setup }';
        const long = `        touchpoint kickoff "Kick-off workshop" { channel phone owner success emotion 1 "A label that makes it far too long" serves fast_setup }`;
        const wrap = (line: string) => `journey j "J" {\n    stage s "S" {\n${line}\n    }\n}\n`;
        expect(format(wrap(short))).toBe(wrap(short));
        expect(format(wrap(long))).toBe(wrap(`        touchpoint kickoff "Kick-off workshop" {
            channel phone
            owner success
            emotion 1 "A label that makes it far too long"
            serves fast_setup
        }`));
        // A touchpoint written over several lines stays laid out, however short.
        expect(format(wrap('        touchpoint t "T" {\n            channel web\n        }'))).toBe(wrap('        touchpoint t "T" {\n            channel web\n        }'));
        // Other blocks on one line are laid out; empty blocks close at once.
        expect(format('journey j "J" { plan p "P" { status open } stage s "S" { } }')).toBe('journey j "J" {\n    plan p "P" {\n        status open\n    }\n    stage s "S" {}\n}\n');
    });

    test('blank lines between members kept, several collapsed to one, none at block edges or at the end', () => {
        expect(format(`\n\nteam a "A"\n\n\n\nteam b "B"\njourney j "J" {\n\n    stage a "A" {}\n\n\n    stage b "B" {}\n\n}\n\n\n`))
            .toBe('team a "A"\n\nteam b "B"\njourney j "J" {\n    stage a "A" {}\n\n    stage b "B" {}\n}\n');
    });

    test('comments stay where they were: own-line comments indented with the code after them, trailing ones at their column', () => {
        const input = `// A file comment
// on two lines.

team   a "A"   // trailing a
team b "B" team c "C"
/* block
   comment */
persona p "P" {   // after the brace
  need n "N"   importance 3    // aligned
  need m "M"                   // aligned


  /* lead */ goal "g"
}
journey j "J" { persona p // who
 stage s "S" {
   touchpoint t "T" { serves p . n emotion -2 /* inline */ }
   pain x "X" // about x
       evidence src
      // on the way out
 }
}`;
        expect(format(input)).toBe(`// A file comment
// on two lines.

team a "A"     // trailing a
team b "B"
team c "C"
/* block
   comment */
persona p "P" {   // after the brace
    need n "N" importance 3      // aligned
    need m "M"                   // aligned

    /* lead */ goal "g"
}
journey j "J" {
    persona p // who
    stage s "S" {
        touchpoint t "T" { serves p.n emotion -2 /* inline */ }
        pain x "X" // about x
            evidence src
        // on the way out
    }
}
`);
        expect(comments(format(input))).toEqual(comments(input));
    });

    test('strings, multi-line strings and block comments are kept byte for byte', () => {
        const input = 'journey j "J" {\n  trigger "line one\n     line two \\"quoted\\" \\\\ end"\n    /* a\n        b */\n}\n';
        expect(format(input)).toBe('journey j "J" {\n    trigger "line one\n     line two \\"quoted\\" \\\\ end"\n    /* a\n        b */\n}\n');
    });

    test('CRLF line ends and a byte order mark are kept', () => {
        const input = '\uFEFFteam a "A"\r\njourney j "J" {\r\n  trigger "one\r\n  two"   // c\r\n}';
        expect(format(input)).toBe('\uFEFFteam a "A"\r\njourney j "J" {\r\n    trigger "one\r\n  two"   // c\r\n}\r\n');
    });

    test('an empty file stays empty; a file of comments keeps them', () => {
        expect(format('')).toBe('');
        expect(format('\n\n   \n')).toBe('');
        expect(format('  // only a comment   \n\n\n')).toBe('// only a comment\n');
    });
});

describe('the formatter over LSP', () => {
    test('document formatting edits whitespace only and produce the formatted text', async () => {
        const text = 'team   a "A"\njourney j "J" { persona   p\n  stage s "S" {}\n}';
        const ws = await buildWorkspace({ 'a.journey': text });
        const document = ws.doc('a.journey');
        const edits = await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        expect(edits.every(edit => /^\s*$/.test(edit.newText) && /^\s*$/.test(document.textDocument.getText(edit.range)))).toBe(true);
        expect(TextDocument.applyEdits(document.textDocument as TextDocument, edits)).toBe(format(text));

        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } };
        const inRange = await ws.services.lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, range, options: { tabSize: 4, insertSpaces: true } });
        expect(TextDocument.applyEdits(document.textDocument as TextDocument, inRange)).toBe(text.replace('team   a', 'team a'));
    });

    test('typing the `}` that closes a block re-indents its line, and only that line', async () => {
        const text = 'persona   p "P" {\n    need n "N"\n        }\n';
        const ws = await buildWorkspace({ 'a.journey': text });
        const document = ws.doc('a.journey');
        const formatter = ws.services.lsp.Formatter!;
        expect(formatter.formatOnTypeOptions).toEqual({ firstTriggerCharacter: '}' });
        const edits = await formatter.formatDocumentOnType(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 2, character: 9 }, ch: '}', options: { tabSize: 4, insertSpaces: true },
        });
        expect(TextDocument.applyEdits(document.textDocument as TextDocument, edits)).toBe('persona   p "P" {\n    need n "N"\n}\n');
    });

    test('a document with syntax errors gets no edits', async () => {
        const ws = await buildWorkspace({ 'a.journey': 'team   a "A"\njourney j "J" {' });
        const document = ws.doc('a.journey');
        expect(await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
    });
});
