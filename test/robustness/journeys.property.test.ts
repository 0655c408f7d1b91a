// Property-based robustness: any text Langium's error recovery can produce flows through validation,
// the journey map model, the layout and the SVG (and the hover cards) without throwing, and no message
// shows an internal word.
//
// 1. Generated journeys: syntactically valid workspaces built from the grammar (journey.langium), with
//    references that resolve and some that do not, emotions out of range, odd dates and texts.
// 2. Mutated journeys: the real files of examples/, broken by random edits (a span deleted, a line
//    duplicated or swapped, a token inserted, the text cut short), as an editor holds them while typing.
//
// The seeds are fixed: a failure is reproducible, and fast-check prints the seed, the path and the
// shrunk counterexample.
import { buildJourneyMapModels, redesignedCurrentStates, buildWorkspaceModel, compareDiagnostics, type WorkspaceModel, isEmotion, isKpi, type CalendarDate, type JourneyServices, type Model } from '@journey/language';
import { currentStateOf, layoutJourneyMap, renderJourneySvg, renderSvg, StageLayoutCache } from '@journey/preview';
import { buildSite } from '@journey/site';
import { diffWorkspaces } from '@journey/diff';
import fc from 'fast-check';
import { AstUtils, type LangiumDocument } from 'langium';
import type { Diagnostic, DocumentSymbol, Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { emotionCard, JourneyCards, kpiCard } from '../../packages/language/src/lsp/journey-cards.js';
import { journeyFiles } from '../interchange/journey-models.js';
import { buildWorkspace, isDataFile, summarize, uriOf, withWorkspace, type BuiltWorkspace, type TestWorkspace } from '../language/workspace-helper.js';
import { NOT_FOR_PEOPLE, WORDS, workspaceArb } from './generated-journeys.js';

const TODAY: CalendarDate = { year: 2026, month: 11, day: 25 };

/**
 * Runs of each property: in `npm test`, enough to find what the properties found, few enough for a
 * loaded machine; `npm run fuzz` (scripts/fuzz.mjs) asks for many more, from a seed of its own.
 */
const GENERATED_RUNS = Number(process.env.JOURNEY_FUZZ_RUNS ?? 150);
const MUTATED_RUNS = GENERATED_RUNS;
/** The fixed seeds of `npm test` (a failure is reproducible); `npm run fuzz` prints the one it used. */
const SEED = process.env.JOURNEY_FUZZ_SEED === undefined ? undefined : Number(process.env.JOURNEY_FUZZ_SEED);
/** A loaded 2-core machine runs each property in a few seconds; the limit leaves room (and grows with the runs). */
const TIMEOUT = 120_000 * Math.max(1, GENERATED_RUNS / 150);


function setToday({ services }: TestWorkspace): void {
    services.validation.JourneySettings.today = TODAY;
}

// ---- Checks shared by both properties -----------------------------------------------------------

/**
 * What is wrong with a document's diagnostics: a range outside the document or reversed, a message
 * that shows an internal word, diagnostics out of order. Plain checks, one `expect` per run: `expect`
 * costs more than the check, and a property makes thousands of them.
 */
function diagnosticProblems(document: LangiumDocument, diagnostics: readonly Diagnostic[]): string[] {
    const text = document.textDocument;
    const problems: string[] = [];
    const where = (diagnostic: Diagnostic) => `${document.uri.path} ${summarize([diagnostic])[0]}`;
    for (const diagnostic of diagnostics) {
        const { start, end } = diagnostic.range;
        for (const position of [start, end]) {
            // offsetAt clamps a position outside the text: one that does not survive the round trip is
            // past the end of its line or of the document.
            const back = text.positionAt(text.offsetAt(position));
            if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.line >= text.lineCount
                || back.line !== position.line || back.character !== position.character) {
                problems.push(`outside the document (${text.lineCount} lines): ${JSON.stringify(diagnostic.range)} ${where(diagnostic)}`);
            }
        }
        if (text.offsetAt(start) > text.offsetAt(end)) {
            problems.push(`reversed range: ${where(diagnostic)}`);
        }
        if (NOT_FOR_PEOPLE.test(diagnostic.message) || diagnostic.message.trim() === '') {
            problems.push(`message: ${where(diagnostic)}`);
        }
    }
    for (let i = 1; i < diagnostics.length; i++) {
        if (compareDiagnostics(diagnostics[i - 1], diagnostics[i]) > 0) {
            problems.push(`not sorted: ${where(diagnostics[i - 1])} before ${where(diagnostics[i])}`);
        }
    }
    return problems;
}

function checkDiagnostics(document: LangiumDocument, diagnostics: readonly Diagnostic[]): void {
    expect(diagnosticProblems(document, diagnostics)).toEqual([]);
}

function hasParseErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

/** The diagnostics of every document, as plain data (what an editor receives). */
function diagnosticsByFile(documents: Map<string, LangiumDocument>): Record<string, Diagnostic[]> {
    return Object.fromEntries([...documents].map(([name, document]) => [name, structuredClone(document.diagnostics ?? [])]));
}

/** The journey map model and SVG of every journey of a document: nothing throws, nothing undefined, ids unique. */
async function checkRendering(document: LangiumDocument<Model>): Promise<void> {
    await checkSite(document);
    const models = buildJourneyMapModels(document.parseResult.value, TODAY);
    for (const model of models) {
        checkPlainData(model, `model ${model.name}`);
        const svg = await renderJourneySvg(model);
        expect(svg, model.name).not.toMatch(/undefined|NaN|\[object/);
        // Deterministic: the same map from a copy of the model, laid out again from nothing (no cached stage).
        expect(await renderJourneySvg(structuredClone(model), { cache: new StageLayoutCache() }), `${model.name} drawn again`).toBe(svg);
        // Under another journey's curve (the current state it redesigns, else any other): still drawn, in range.
        const baseline = currentStateOf(model, redesignedCurrentStates(document.parseResult.value, TODAY)) ?? models.find(other => other !== model);
        if (baseline) {
            const layout = await layoutJourneyMap(model, { baseline });
            for (const point of [...layout.emotion?.baseline?.points ?? [], ...(layout.emotion?.personas ?? []).flatMap(curve => curve.points)]) {
                expect(Number.isFinite(point.x) && Number.isFinite(point.y), `${model.name}: a curve's point`).toBe(true);
            }
            expect(renderSvg(layout), `${model.name} with a baseline`).not.toMatch(/undefined|NaN|\[object/);
        }
        for (const attribute of ['id', 'data-id']) {
            const ids = [...svg.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map(match => match[1]);
            const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
            expect(repeated, `${attribute}s of ${model.name} are unique`).toEqual([]);
            expect(ids.filter(id => id === ''), `${attribute}s of ${model.name} are not empty`).toEqual([]);
        }
    }
}

/** The site of the document (index, its journeys' pages, personas, reports): built, nothing missing in any page. */
async function checkSite(document: LangiumDocument<Model>): Promise<void> {
    const site = await buildSite({
        workspace: buildWorkspaceModel([document.parseResult.value], TODAY),
        files: [{
            uri: document.uri.toString(), path: document.uri.path.split('/').pop()!, syntaxErrors: document.parseResult.parserErrors.length > 0,
            findings: (document.diagnostics ?? []).map(d => ({ severity: d.severity === 1 ? 'error' : 'warning', ruleId: String(d.code), message: d.message, range: d.range })),
        }],
        today: '2026-11-25',
        version: '0',
    }, { nonce: 'robustness' }, { script: '' });
    for (const [file, text] of site) {
        expect(text, file).not.toMatch(/undefined|NaN|\[object/);
    }
}

/**
 * The hover cards of every node of a document (what the editor shows on a name while the file is
 * broken): none throws, none shows a missing value.
 */
function checkCards(document: LangiumDocument<Model>, services: JourneyServices): void {
    const cards = new JourneyCards(services, () => TODAY);
    const problems: string[] = [];
    for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
        const texts = [cards.card(node), cards.detail(node), isKpi(node) ? kpiCard(node) : undefined, isEmotion(node) ? emotionCard(node) : undefined];
        for (const text of texts) {
            if (text !== undefined && /undefined|NaN|\[object/.test(text)) {
                problems.push(`${node.$type}: ${text}`);
            }
        }
    }
    expect(problems).toEqual([]);
}

/**
 * The outline of a document: it builds, and each symbol is what an editor accepts (VS Code rejects
 * an outline with an empty name, or a selection range outside the symbol's range).
 */
async function checkOutline(document: LangiumDocument<Model>, services: JourneyServices): Promise<void> {
    const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
    const text = document.textDocument;
    const problems: string[] = [];
    const inside = (inner: Range, outer: Range) => text.offsetAt(outer.start) <= text.offsetAt(inner.start) && text.offsetAt(inner.end) <= text.offsetAt(outer.end);
    const walk = (symbol: DocumentSymbol): void => {
        if (symbol.name.trim() === '' || /undefined|NaN|\[object/.test(`${symbol.name} ${symbol.detail ?? ''}`)) {
            problems.push(`name: ${JSON.stringify(symbol.name)} ${symbol.detail}`);
        }
        if (!inside(symbol.selectionRange, symbol.range)) {
            problems.push(`${symbol.name}: selection ${JSON.stringify(symbol.selectionRange)} outside ${JSON.stringify(symbol.range)}`);
        }
        symbol.children?.forEach(walk);
    };
    symbols.forEach(walk);
    expect(problems).toEqual([]);
}

/** No NaN or infinite number, and no string that shows an internal value, anywhere in a model. */
function checkPlainData(value: unknown, where: string): void {
    const problems: string[] = [];
    const walk = (item: unknown, at: string): void => {
        if (typeof item === 'number' && !Number.isFinite(item)) {
            problems.push(`${at}: ${item}`);
        } else if (typeof item === 'string' && /^(?:undefined|null|NaN)$|\[object/.test(item)) {
            problems.push(`${at}: ${item}`);
        } else if (Array.isArray(item)) {
            item.forEach((element, index) => element === undefined ? problems.push(`${at}[${index}]: undefined`) : walk(element, `${at}[${index}]`));
        } else if (item && typeof item === 'object') {
            for (const [key, element] of Object.entries(item)) {
                walk(element, `${at}.${key}`);
            }
        }
    };
    walk(value, where);
    expect(problems).toEqual([]);
}

// ---- 1. Generated journeys --------------------------------------------------------------------


describe('generated journeys', () => {
    it('parse, validate and build their map models: ranges inside the document, clean messages, sorted, the same every time', async () => {
        let parsed = 0;
        await fc.assert(fc.asyncProperty(workspaceArb, async files => {
            const first = await withWorkspace(files, async built => {
                for (const document of built.documents.values()) {
                    expect(document.parseResult.lexerErrors.map(e => e.message), document.textDocument.getText()).toEqual([]);
                    expect(document.parseResult.parserErrors.map(e => e.message), document.textDocument.getText()).toEqual([]);
                    checkDiagnostics(document, document.diagnostics ?? []);
                    buildJourneyMapModels(document.parseResult.value, TODAY).forEach(model => checkPlainData(model, `model ${model.name}`));
                }
                // Validating again gives the same: the validator keeps nothing from one run to the next.
                for (const document of built.documents.values()) {
                    const again = await built.services.validation.DocumentValidator.validateDocument(document);
                    expect(structuredClone(again)).toEqual(structuredClone(document.diagnostics ?? []));
                }
                parsed++;
                return diagnosticsByFile(built.documents);
            }, setToday);
            // A fresh build of the same files, too.
            const second = await withWorkspace(files, built => diagnosticsByFile(built.documents), setToday);
            expect(second).toEqual(first);
        }), { seed: SEED ?? 20261125, numRuns: GENERATED_RUNS });
        expect(parsed).toBe(GENERATED_RUNS);
    }, TIMEOUT);
});

// ---- 2. Mutated journeys ----------------------------------------------------------------------

/** The examples, each a workspace: its journey files, and the files they use (shared declarations, personas). */
const EXAMPLES = Object.fromEntries(['brightspoke-cx', 'spec'].map(folder => {
    const files = journeyFiles(`examples/${folder}`);
    const isJourneyFile = (file: string) => /^\s*journey\s/m.test(files[file]);
    // The data files (CSV exports) go with the declarations, whose sources read them; they are not mutated.
    const data = Object.fromEntries(Object.entries(files).filter(([file]) => isDataFile(file)));
    const names = Object.keys(files).filter(file => !isDataFile(file)).sort();
    return [folder, {
        files,
        journeys: names.filter(isJourneyFile),
        declarations: Object.fromEntries(names.filter(file => !isJourneyFile(file)).map(file => [file, files[file]])),
        data,
    }];
}));

const targetArb = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...Object.entries(EXAMPLES).flatMap(([example, { journeys }]) => journeys.map(file => ({ example, file, journey: true })))) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.entries(EXAMPLES).flatMap(([example, { declarations }]) => Object.keys(declarations).map(file => ({ example, file, journey: false })))) },
);

const KEYWORDS = ['team', 'channel', 'online', 'metric', 'percent', 'scale', 'to', 'competitor', 'source', 'survey', 'persona', 'need',
    'importance', 'prefers', 'journey', 'trigger', 'state', 'future', 'of', 'owner', 'reviewed', 'every', 'days', 'stage', 'phase',
    'pre-purchase', 'touchpoint', 'by', 'action', 'emotion', 'serves', 'kpi', 'target', 'evidence', 'moment', 'truth', 'at', 'severity',
    'opportunity', 'for', 'flow', '->', 'unknown', 'valuegap', 'us', 'plan', 'addresses', 'due', 'status', 'done', '.', '%'];

const tokenArb = fc.oneof(
    fc.constantFrom('{', '}', '"', '/*', '*/', ':', ',', '//', '\n', '\r\n', '\t', '#'),
    fc.constantFrom(...KEYWORDS),
    fc.constantFrom(...WORDS),
    fc.constantFrom('3', '-2', '+1', '3.5', '40%', '-7'),
    fc.constantFrom('2026-01-15', '2026-02-30', '2026-1-5'),
);

type Mutation =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'duplicate-line'; line: number }
    | { kind: 'insert'; at: number; token: string; spaced: boolean }
    | { kind: 'truncate'; at: number }
    | { kind: 'swap-lines'; line: number; other: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: tokenArb, spaced: fc.boolean() }) },
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
);

function mutate(text: string, mutation: Mutation): string {
    const lines = text.split('\n');
    switch (mutation.kind) {
        case 'delete': {
            const at = mutation.at % (text.length + 1);
            return text.slice(0, at) + text.slice(at + mutation.length);
        }
        case 'duplicate-line': {
            const line = mutation.line % lines.length;
            return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
        }
        case 'insert': {
            const at = mutation.at % (text.length + 1);
            const token = mutation.spaced ? ` ${mutation.token} ` : mutation.token;
            return text.slice(0, at) + token + text.slice(at);
        }
        case 'truncate':
            return text.slice(0, mutation.at % (text.length + 1));
        case 'swap-lines': {
            const a = mutation.line % lines.length;
            const b = mutation.other % lines.length;
            [lines[a], lines[b]] = [lines[b], lines[a]];
            return lines.join('\n');
        }
    }
}

/**
 * Checks one broken file: its diagnostics, and the map and SVG of every journey it still holds. The
 * other files of the workspace are checked too: what they say may change when a file they use breaks.
 */
async function checkBroken(document: LangiumDocument<Model>, others: Iterable<LangiumDocument>, services: JourneyServices): Promise<boolean> {
    const diagnostics = document.diagnostics ?? [];
    const problems = diagnosticProblems(document, diagnostics);
    for (const other of others) {
        problems.push(...diagnosticProblems(other, other.diagnostics ?? []));
    }
    expect(problems).toEqual([]);
    const broken = hasParseErrors(document);
    if (broken) {
        // A file that does not parse reports its syntax errors and no rule findings.
        const found = JSON.stringify(summarize(diagnostics));
        expect(diagnostics.map(d => d.code), found).toEqual(diagnostics.map(() => 'syntax'));
        expect(diagnostics.length, found).toBeGreaterThanOrEqual(1);
        expect(diagnostics.length, found).toBeLessThanOrEqual(2);
    }
    checkCards(document, services);
    await checkOutline(document, services);
    await checkRendering(document);
    return broken;
}

/** The map model of each example journey file as written (the BASE a mutated copy is compared with). */
const originals = new Map<string, Promise<WorkspaceModel>>();

function originalModel(example: string, file: string): Promise<WorkspaceModel> {
    const key = `${example}/${file}`;
    if (!originals.has(key)) {
        originals.set(key, withWorkspace({ ...EXAMPLES[example].declarations, ...EXAMPLES[example].data, [file]: EXAMPLES[example].files[file] },
            async built => buildWorkspaceModel([built.doc(file).parseResult.value], TODAY), setToday));
    }
    return originals.get(key)!;
}

/** `journey diff` of the file as written against its mutated copy: nothing throws, every change said in words. */
function checkDiff(original: WorkspaceModel, document: LangiumDocument<Model>, file: string, isBroken: boolean): void {
    const uri = document.uri.toString();
    const head = buildWorkspaceModel([document.parseResult.value], TODAY);
    const diff = diffWorkspaces(
        { workspace: original, findings: [], broken: [], paths: Object.fromEntries(original.journeys.map(journey => [journey.uri, file])) },
        { workspace: head, findings: [], broken: isBroken ? [file] : [], paths: { [uri]: file } },
    );
    const texts = [...diff.journeys.flatMap(journey => journey.changes), ...diff.workspace].map(change => change.text);
    expect(texts.filter(text => /undefined|NaN|\[object|null/.test(text))).toEqual([]);
    if (isBroken) {
        // A file that does not parse: its journeys are not reported removed (or changed).
        expect(diff.journeys).toEqual([]);
    }
}

describe('mutated journeys', () => {
    it('the examples broken at random: validation, the map model, the SVG, the hover cards and the outline never throw', async () => {
        // A broken journey file is built beside the files it uses, built once: parsing the whole workspace
        // again for each run would cost most of the run. A broken file of declarations is built with the
        // other files of declarations (the journeys would only add parsing time).
        const declared = new Map<string, BuiltWorkspace>();
        for (const [example, { declarations }] of Object.entries(EXAMPLES)) {
            declared.set(example, await buildWorkspace({ ...declarations, ...EXAMPLES[example].data }, setToday));
        }
        let broken = 0;
        await fc.assert(fc.asyncProperty(targetArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async ({ example, file, journey }, mutations) => {
            const { files, declarations } = EXAMPLES[example];
            const text = mutations.reduce(mutate, files[file]);
            if (journey) {
                const { shared, services } = declared.get(example)!;
                const original = await originalModel(example, file);
                const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uriOf(file));
                shared.workspace.LangiumDocuments.addDocument(document);
                try {
                    await shared.workspace.DocumentBuilder.build([document], { validation: true });
                    const isBroken = await checkBroken(document, [], services);
                    broken += Number(isBroken);
                    checkDiff(original, document, file, isBroken);
                } finally {
                    await shared.workspace.DocumentBuilder.update([], [document.uri]);
                }
            } else {
                await withWorkspace({ ...declarations, ...EXAMPLES[example].data, [file]: text }, async built => {
                    const document = built.doc(file);
                    broken += Number(await checkBroken(document, [...built.documents.values()].filter(other => other !== document), built.services));
                }, setToday);
            }
        }), { seed: SEED ?? 20261126, numRuns: MUTATED_RUNS });
        // Most mutations break the file: the property is about recovered text, not about valid files.
        expect(broken).toBeGreaterThan(MUTATED_RUNS / 2);
    }, TIMEOUT);
});
