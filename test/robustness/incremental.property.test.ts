// Incremental updates give what a fresh build gives. An editor changes one file at a time and the
// language server builds only what the change can affect (validation/journey-document-builder.ts): the
// edited file, the files that refer to it, and — only when the names it exports or its parsing state
// changed — the files with unresolved references and those that declare a name that came or went.
// Random sequences of edits across a workspace of several files (renaming and removing declarations,
// duplicating names in another file, breaking a file and mending it, changing references) are applied
// one by one to one set of services; after the sequence every file's diagnostics must equal those of a
// fresh build of the same texts.
import type { CalendarDate } from '@journey/language';
import fc from 'fast-check';
import { DocumentState, TextDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { CROSS_FILE_WORKSPACE } from '../support/cross-file-workspace.js';
import { buildWorkspace, createWorkspace, uriOf, withWorkspace, type TestWorkspace } from '../language/workspace-helper.js';

const TODAY: CalendarDate = { year: 2026, month: 11, day: 25 };
const RUNS = Number(process.env.JOURNEY_FUZZ_RUNS ?? 60);
const SEED = process.env.JOURNEY_FUZZ_SEED === undefined ? 20261202 : Number(process.env.JOURNEY_FUZZ_SEED);

const FILES = CROSS_FILE_WORKSPACE;
const NAMES = Object.keys(FILES);
/** Words of the workspace an edit may put anywhere: its declared names and some that are not declared. */
const WORDS = ['olivia', 'ben', 'success', 'sales', 'email', 'phone', 'csat', 'survey', 'fast_setup', 'pricing', 'support', 'onboarding', 'helpdesk', 'nobody', 'emial', 'chat'];

type Edit =
    | { kind: 'replace-word'; file: number; occurrence: number; word: string }
    | { kind: 'declare'; file: number; text: string }
    | { kind: 'delete-line'; file: number; line: number }
    | { kind: 'break'; file: number; line: number; text: string }
    | { kind: 'restore'; file: number }
    | { kind: 'draft'; text: string }
    | { kind: 'discard-draft' };

/** A file that is not there at first: opened with a text (as a new, unsaved file is), then closed again. */
const DRAFT = 'drafts/new.journey';

const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('replace-word' as const), file: fc.nat(NAMES.length - 1), occurrence: fc.nat(20), word: fc.constantFrom(...WORDS) }),
    fc.record({
        kind: fc.constant('declare' as const), file: fc.nat(NAMES.length - 1),
        text: fc.tuple(fc.constantFrom(...WORDS), fc.nat(2)).map(([word, form]) =>
            [`team ${word} "T"`, `channel ${word} "C" online`, `persona ${word} "P" {\n    need n "N" importance 3\n}`][form]),
    }),
    fc.record({ kind: fc.constant('delete-line' as const), file: fc.nat(NAMES.length - 1), line: fc.nat(25) }),
    fc.record({ kind: fc.constant('break' as const), file: fc.nat(NAMES.length - 1), line: fc.nat(25), text: fc.constantFrom('{', '}', 'touchpiont x "X"', '"', 'persona') }),
    fc.record({ kind: fc.constant('restore' as const), file: fc.nat(NAMES.length - 1) }),
    fc.record({
        kind: fc.constant('draft' as const),
        text: fc.tuple(fc.constantFrom(...WORDS), fc.nat(2)).map(([word, form]) => [`channel ${word} "C" online`, `team ${word} "T"`, `persona ${word} "P" {`][form]),
    }),
    fc.constant({ kind: 'discard-draft' as const }),
);

function apply(texts: Record<string, string>, change: Exclude<Edit, { kind: 'draft' | 'discard-draft' }>): string {
    const file = NAMES[change.file];
    const text = texts[file];
    const lines = text.split('\n');
    switch (change.kind) {
        case 'replace-word': {
            const matches = [...text.matchAll(/\b[a-z_]+\b/g)].filter(match => WORDS.includes(match[0]));
            if (matches.length === 0) {
                return text;
            }
            const match = matches[change.occurrence % matches.length];
            return text.slice(0, match.index) + change.word + text.slice(match.index! + match[0].length);
        }
        case 'declare':
            return `${text}${change.text}\n`;
        case 'delete-line':
            lines.splice(change.line % lines.length, 1);
            return lines.join('\n');
        case 'break':
            lines.splice(change.line % lines.length, 0, change.text);
            return lines.join('\n');
        case 'restore':
            return FILES[file];
    }
}

function setToday({ services }: TestWorkspace): void {
    services.validation.JourneySettings.today = TODAY;
}

const byFile = (diagnostics: Map<string, Diagnostic[] | undefined>) =>
    Object.fromEntries([...diagnostics].map(([file, list]) => [file, structuredClone(list ?? [])]));

describe('incremental updates', () => {
    it('give every file the diagnostics a fresh build of the same texts gives', async () => {
        let edits = 0;
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async sequence => {
            const texts: Record<string, string> = { ...FILES };
            const editor = await buildWorkspace(texts, setToday);
            const { TextDocuments, DocumentBuilder, LangiumDocuments } = editor.shared.workspace;
            let version = 0;
            for (const change of sequence) {
                if (change.kind === 'discard-draft') {
                    if (texts[DRAFT] !== undefined) {
                        delete texts[DRAFT];
                        TextDocuments.delete(uriOf(DRAFT));
                        await DocumentBuilder.update([], [uriOf(DRAFT)]);
                    }
                } else {
                    const file = change.kind === 'draft' ? DRAFT : NAMES[change.file];
                    texts[file] = change.kind === 'draft' ? `${change.text}\n` : apply(texts, change);
                    TextDocuments.set(TextDocument.create(uriOf(file).toString(), 'journey', ++version, texts[file]));
                    await DocumentBuilder.update([uriOf(file)], []);
                }
                edits++;
            }
            const files = Object.keys(texts);
            const incremental = byFile(new Map(files.map(file => [file, LangiumDocuments.getDocument(uriOf(file))?.diagnostics])));
            const fresh = await withWorkspace(texts, built => byFile(new Map(files.map(file => [file, built.doc(file).diagnostics]))), setToday);
            expect(incremental).toEqual(fresh);
        }), { seed: SEED, numRuns: RUNS });
        expect(edits).toBeGreaterThanOrEqual(RUNS);
    }, 120_000 * Math.max(1, RUNS / 60));
});

describe('open files first', () => {
    it('a build of open and closed files links and validates the open ones before any closed one is linked', async () => {
        const { shared } = createWorkspace();
        const { TextDocuments, DocumentBuilder, LangiumDocuments, LangiumDocumentFactory } = shared.workspace;
        const open = 'journeys/onboarding.journey';
        TextDocuments.set(TextDocument.create(uriOf(open).toString(), 'journey', 1, FILES[open]));
        const documents = NAMES.map(file => {
            const document = file === open
                ? LangiumDocuments.getDocument(uriOf(file)) ?? LangiumDocumentFactory.fromTextDocument(TextDocuments.get(uriOf(file).toString())!)
                : LangiumDocumentFactory.fromString(FILES[file], uriOf(file));
            LangiumDocuments.addDocument(document);
            return document;
        });
        const events: string[] = [];
        DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => { events.push(`linked ${document.uri.path.split('/').pop()}`); });
        DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => { events.push(`validated ${document.uri.path.split('/').pop()}`); });
        await DocumentBuilder.build(documents, { validation: true });
        expect(events.slice(0, 2)).toEqual(['linked onboarding.journey', 'validated onboarding.journey']);
        expect(events).toHaveLength(2 * NAMES.length);
        // The open file refers to declarations in closed files: they resolved although those were not linked yet.
        expect(documents.map(document => document.state)).toEqual(NAMES.map(() => DocumentState.Validated));
        expect(LangiumDocuments.getDocument(uriOf(open))!.diagnostics!.filter(d => d.code === 'unresolved-reference')).toEqual([]);
    });
});
