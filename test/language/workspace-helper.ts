// Shared setup of the language tests: an empty in-memory workspace per test, documents built with
// validation, and small helpers to locate text and read diagnostics.
import { createJourneyServices, type CalendarDate, type ConfiguredSeverity, type JourneyServices, type Model } from '@journey/language';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { expect, onTestFinished } from 'vitest';
import { emptyForReuse } from '../support/reusable-services.js';

export interface TestWorkspace {
    shared: LangiumSharedServices;
    services: JourneyServices;
}

export interface BuiltWorkspace extends TestWorkspace {
    /** Documents by the file name they were given (`a.journey`). */
    documents: Map<string, LangiumDocument<Model>>;
    /** The document of a file name; throws when there is none. */
    doc(name: string): LangiumDocument<Model>;
}

/** A fresh set of services: no document is shared between tests. */
export function createWorkspace(): TestWorkspace {
    const { shared, Journey } = createJourneyServices({ ...EmptyFileSystem });
    return { shared, services: Journey };
}

/**
 * Workspaces that a finished test gave back, emptied. Creating services is cheap, but the first
 * document they parse builds the lexer and the parser (about 0.1 s), which dominated the tests
 * that build hundreds of small files.
 */
const idle: TestWorkspace[] = [];

let reuse = true;

/**
 * Makes every build of this test file create its services, for tests that change what services read
 * when they are created (the rule registry's checks).
 */
export function createServicesPerBuild(): void {
    reuse = false;
}

/** A workspace with no document and default settings (no fixed day, no severities). */
function borrowWorkspace(): TestWorkspace {
    return (reuse ? idle.pop() : undefined) ?? createWorkspace();
}

/**
 * Gives a workspace back when the current test ends, so that the test may keep using it until then.
 * Outside a test (a module's top level, `beforeAll`) nobody says when it is no longer needed, and it
 * is never reused.
 */
function lendUntilTestEnds(workspace: TestWorkspace): void {
    try {
        onTestFinished(() => giveBack(workspace));
    } catch {
        // Not inside a test.
    }
}

/**
 * Empties a workspace for the next borrower, who gets it as it would a fresh one: its documents are
 * deleted the way the language server deletes a file (which evicts every cache) and its settings reset.
 */
async function giveBack(workspace: TestWorkspace): Promise<void> {
    const { shared, services } = workspace;
    const empty = await emptyForReuse(shared);
    const settings = services.validation.JourneySettings;
    settings.today = undefined;
    settings.severities.clear();
    settings.applyConfig(undefined);
    services.data.DataFiles.reset();
    if (reuse && empty) {
        idle.push(workspace);
    }
}

/** Whether a file given to a test workspace is a data file (a CSV export), served to sources rather than built. */
export function isDataFile(name: string): boolean {
    return name.toLowerCase().endsWith('.csv');
}

export function uriOf(name: string): URI {
    return URI.parse(`file:///ws/${name}`);
}

/**
 * Data files (CSV exports) beside the test's documents, by path (`data/survey.csv`): what the
 * workspace reads for `data "…"`. Any other file is missing, as on a disk without it.
 */
export function serveDataFiles(workspace: TestWorkspace, files: Record<string, string>): void {
    const texts = new Map(Object.entries(files).map(([name, text]) => [uriOf(name).toString(), text]));
    workspace.services.data.DataFiles.reader = uri => {
        const text = texts.get(uri.toString());
        if (text === undefined) {
            throw Object.assign(new Error(`ENOENT: no such file, open '${uri.path}'`), { code: 'ENOENT' });
        }
        return text;
    };
}

/**
 * Builds the given files (name → text) as one workspace, with validation. `configure` runs before
 * the build, e.g. to set rule severities.
 */
export async function buildWorkspace(
    files: Record<string, string>,
    configure?: (workspace: TestWorkspace) => void,
): Promise<BuiltWorkspace> {
    const workspace = borrowWorkspace();
    lendUntilTestEnds(workspace);
    return buildIn(workspace, files, configure);
}

async function buildIn(
    workspace: TestWorkspace,
    files: Record<string, string>,
    configure?: (workspace: TestWorkspace) => void,
): Promise<BuiltWorkspace> {
    configure?.(workspace);
    const { shared } = workspace;
    // Data files (CSV exports) are read by the sources that point at them, not documents of the workspace.
    const data = Object.fromEntries(Object.entries(files).filter(([name]) => isDataFile(name)));
    if (Object.keys(data).length > 0) {
        serveDataFiles(workspace, data);
    }
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [name, text] of Object.entries(files).filter(([name]) => !isDataFile(name))) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return {
        ...workspace,
        documents,
        doc(name: string) {
            const document = documents.get(name);
            if (!document) {
                throw new Error(`no document ${name}`);
            }
            return document;
        },
    };
}

/**
 * Builds the given files like buildWorkspace and gives the workspace to `use`, then back at once
 * (for helpers that build many workspaces in one test): nothing of it may outlive `use`.
 */
export async function withWorkspace<T>(
    files: Record<string, string>,
    use: (workspace: BuiltWorkspace) => T | Promise<T>,
    configure?: (workspace: TestWorkspace) => void,
): Promise<T> {
    const workspace = borrowWorkspace();
    try {
        return await use(await buildIn(workspace, files, configure));
    } finally {
        await giveBack(workspace);
    }
}

/** One file, built alone: its document and the workspace around it. */
export async function buildOne(text: string, configure?: (workspace: TestWorkspace) => void): Promise<{
    document: LangiumDocument<Model>;
    diagnostics: Diagnostic[];
    workspace: BuiltWorkspace;
}> {
    const workspace = await buildWorkspace({ 'a.journey': text }, configure);
    const document = workspace.doc('a.journey');
    return { document, diagnostics: document.diagnostics ?? [], workspace };
}

/** The diagnostics of one file built alone, on a given day, with rule severities set as a config would. */
export async function lintOn(today: CalendarDate, text: string, severities: Record<string, ConfiguredSeverity> = {}, dataFiles: Record<string, string> = {}): Promise<Diagnostic[]> {
    // Nothing but the diagnostics leaves this function, so the workspace is given back at once.
    return withWorkspace({ 'a.journey': text }, built => [...built.doc('a.journey').diagnostics ?? []], workspace => {
        const { services } = workspace;
        serveDataFiles(workspace, dataFiles);
        const settings = services.validation.JourneySettings;
        settings.today = today;
        for (const [ruleId, severity] of Object.entries(severities)) {
            settings.severities.set(ruleId, severity);
        }
    });
}

export function diagnosticsOf(document: LangiumDocument, code?: string): Diagnostic[] {
    const all = document.diagnostics ?? [];
    return code === undefined ? all : all.filter(d => d.code === code);
}

/** Lexer and parser errors only (no rule, no linking). */
export function parseErrorsOf(document: LangiumDocument): string[] {
    return [
        ...document.parseResult.lexerErrors.map(e => `lexer: ${e.message} at ${e.line}:${e.column}`),
        ...document.parseResult.parserErrors.map(e => `parser: ${e.message} at ${e.token.startLine}:${e.token.startColumn}`),
    ];
}

/** Services that only parse: no document is ever added to them, and nobody else gets hold of them. */
let parser: TestWorkspace | undefined;

/** Parses text without building a workspace (no linking, no validation). */
export function parse(text: string, name = 'p.journey'): LangiumDocument<Model> {
    parser ??= createWorkspace();
    return parser.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uriOf(name));
}

/**
 * The LSP range of the `occurrence`-th (0-based) appearance of `needle` in `text`, computed here
 * from the raw text (lines split at `\r\n`, `\n` or `\r`), independently of the language's own offsets.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`\`${needle}\` occurs fewer than ${occurrence + 1} times`);
        }
    }
    return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

/** Like rangeOf, but `needle` must be a whole word (not part of a longer name). */
export function wordRangeOf(text: string, word: string, occurrence = 0): Range {
    const pattern = new RegExp(`(?<![A-Za-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
    let match: RegExpExecArray | null = null;
    for (let i = 0; i <= occurrence; i++) {
        match = pattern.exec(text);
        if (!match) {
            throw new Error(`word \`${word}\` occurs fewer than ${occurrence + 1} times`);
        }
    }
    return { start: positionAt(text, match!.index), end: positionAt(text, match!.index + word.length) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const c = text[i];
        if (c === '\r' && text[i + 1] === '\n') {
            continue; // the \n ends the line
        }
        if (c === '\n' || c === '\r') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: offset - lineStart };
}

/** A readable summary of diagnostics for failure messages: `code@line:col message`. */
export function summarize(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => `${String(d.code)}@${d.range.start.line}:${d.range.start.character} ${d.message}`);
}

/** The range of the whole word `word` on the first line that contains `lineContaining`. */
export function rangeOnLine(text: string, lineContaining: string, word: string): Range {
    const lines = text.split(/\r\n|\n|\r/);
    const line = lines.findIndex(l => l.includes(lineContaining));
    if (line < 0) {
        throw new Error(`no line contains \`${lineContaining}\``);
    }
    const inLine = wordRangeOf(lines[line], word);
    return { start: { line, character: inLine.start.character }, end: { line, character: inLine.end.character } };
}

/**
 * The rules these tests cover. Other rules (added later, tested in their own files) may report on the
 * same snippets, so assertions of silence look at these only.
 */
export const CORE_RULES = ['syntax', 'unresolved-reference', 'duplicate-name', 'stage-without-touchpoints',
    'persona-without-needs', 'need-not-served', 'journey-without-persona'] as const;

/** The diagnostics of the core rules only. */
export function core(diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] {
    return (diagnostics ?? []).filter(d => (CORE_RULES as readonly string[]).includes(String(d.code)));
}

/** The one item of a list, failing the test when there are none or several. */
export function only<T>(items: readonly T[]): T {
    expect(items).toHaveLength(1);
    return items[0];
}

/** A persona with one need and a journey serving it: silent under the core rules. */
export const CLEAN = `persona olivia "Olivia" {
    need clear_pricing "Know the cost" importance 5
}
journey renewal "Renewal" {
    persona olivia
    trigger "Contract renews"
    stage notice "Notice" {
        touchpoint quote "Quote" { serves clear_pricing }
    }
}
`;
