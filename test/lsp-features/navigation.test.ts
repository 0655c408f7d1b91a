// Navigation: definition, references, highlights (including both parts of `persona.need`), the outline,
// symbol search, folding and selection ranges; and the decorations: semantic tokens, inlay hints, code lenses.
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type Location, type Range } from 'vscode-languageserver';
import { buildWorkspace, type BuiltWorkspace } from '../language/workspace-helper.js';
import { RENEWAL, SHARED, positionOf } from './features-helper.js';

const build = (files: Record<string, string> = {}) => buildWorkspace({ 'shared.journey': SHARED, 'renewal.journey': RENEWAL, ...files });

function textAt(ws: BuiltWorkspace, uri: string, range: Range): string {
    const document = [...ws.documents.values()].find(d => d.uri.toString() === uri)!;
    return document.textDocument.getText(range);
}

function fileOf(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
}

async function definition(ws: BuiltWorkspace, file: string, needle: string, delta: number, occurrence = 0) {
    const document = ws.doc(file);
    const links = await ws.services.lsp.DefinitionProvider!.getDefinition(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta, occurrence),
    });
    return (links ?? []).map(link => ({
        file: fileOf(link.targetUri),
        target: textAt(ws, link.targetUri, link.targetSelectionRange),
        origin: link.originSelectionRange ? document.textDocument.getText(link.originSelectionRange) : undefined,
    }));
}

async function references(ws: BuiltWorkspace, file: string, needle: string, delta: number, includeDeclaration = true): Promise<Location[]> {
    const document = ws.doc(file);
    return ws.services.lsp.ReferencesProvider!.findReferences(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta), context: { includeDeclaration },
    });
}

describe('go to definition', () => {
    test('across files, for every kind of reference', async () => {
        const ws = await build();
        expect(await definition(ws, 'renewal.journey', 'persona olivia', 9)).toEqual([{ file: 'shared.journey', target: 'olivia', origin: 'olivia' }]);
        expect(await definition(ws, 'renewal.journey', 'channel web', 9)).toEqual([{ file: 'shared.journey', target: 'web', origin: 'web' }]);
        expect(await definition(ws, 'renewal.journey', 'serves fast_setup', 8)).toEqual([{ file: 'shared.journey', target: 'fast_setup', origin: 'fast_setup' }]);
        expect(await definition(ws, 'renewal.journey', 'kpi conversion', 5)).toEqual([{ file: 'shared.journey', target: 'conversion', origin: 'conversion' }]);
        expect(await definition(ws, 'renewal.journey', 'at pricing_page', 4)).toEqual([{ file: 'renewal.journey', target: 'pricing_page', origin: 'pricing_page' }]);
        expect(await definition(ws, 'renewal.journey', 'state future of renewal', 17)).toEqual([{ file: 'renewal.journey', target: 'renewal', origin: 'renewal' }]);
    });

    test('persona.need: the persona part goes to the persona, the need part to that persona\'s need', async () => {
        const ws = await build();
        expect(await definition(ws, 'renewal.journey', 'serves olivia.clear_pricing', 8)).toEqual([{ file: 'shared.journey', target: 'olivia', origin: 'olivia' }]);
        const need = await definition(ws, 'renewal.journey', 'serves olivia.clear_pricing', 16);
        expect(need).toEqual([{ file: 'shared.journey', target: 'clear_pricing', origin: 'clear_pricing' }]);
        // ben.clear_pricing is ben's need, on a later line of shared.journey than olivia's.
        const document = ws.doc('renewal.journey');
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, 'serves ben.clear_pricing', 12),
        });
        expect(links![0].targetSelectionRange.start.line).toBe(SHARED.split('\n').findIndex(line => line.includes('Predictable invoices')));
    });

    test('persona.need whose need does not resolve: the persona part still goes to the persona', async () => {
        const ws = await build({ 'renewal.journey': RENEWAL.replace('serves olivia.clear_pricing', 'serves olivia.clear_pricin') });
        expect(await definition(ws, 'renewal.journey', 'serves olivia.clear_pricin', 8)).toEqual([{ file: 'shared.journey', target: 'olivia', origin: 'olivia' }]);
        expect(await definition(ws, 'renewal.journey', 'serves olivia.clear_pricin', 16)).toEqual([]);
    });
});

describe('find references and document highlight', () => {
    test('counts across files, with and without the declaration', async () => {
        const ws = await build();
        // olivia: declaration, the journey's persona line, and the persona part of `olivia.clear_pricing`.
        const olivia = await references(ws, 'shared.journey', 'persona olivia', 9);
        expect(olivia).toHaveLength(3);
        expect(olivia.map(location => textAt(ws, location.uri, location.range))).toEqual(['olivia', 'olivia', 'olivia']);
        expect(await references(ws, 'shared.journey', 'persona olivia', 9, false)).toHaveLength(2);
        // fast_setup: declaration, serves, valuegap row.
        expect(await references(ws, 'shared.journey', 'need fast_setup', 6)).toHaveLength(3);
        // olivia.clear_pricing: declaration and the qualified serves, whose need part is the reference.
        const clear = await references(ws, 'renewal.journey', 'olivia.clear_pricing', 8);
        expect(clear.map(location => `${fileOf(location.uri)}:${textAt(ws, location.uri, location.range)}`)).toEqual(['shared.journey:clear_pricing', 'renewal.journey:clear_pricing']);
        // marketing: declaration, journey owner, touchpoint owner, opportunity owner, plan owner.
        expect(await references(ws, 'shared.journey', 'team marketing', 6)).toHaveLength(5);
        // pricing_page: declaration, `at`, flow start.
        expect(await references(ws, 'renewal.journey', 'touchpoint pricing_page', 12)).toHaveLength(3);
    });

    test('highlights in the document, on both parts of a qualified reference', async () => {
        const ws = await build();
        const document = ws.doc('renewal.journey');
        const highlights = async (needle: string, delta: number) => (await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta),
        }) ?? []).map(h => document.textDocument.getText(h.range));
        expect(await highlights('serves olivia.clear_pricing', 8)).toEqual(['olivia', 'olivia']);
        expect(await highlights('pricing_page', 2)).toEqual(['pricing_page', 'pricing_page', 'pricing_page']);
    });
});

describe('outline and symbol search', () => {
    const names = (symbols: DocumentSymbol[] | undefined): unknown[] => (symbols ?? []).map(symbol =>
        symbol.children?.length ? { [symbol.name]: names(symbol.children) } : symbol.name);

    test('journeys → stages → touchpoints, with pains, opportunities and plans; labels as details', async () => {
        const ws = await build();
        const document = ws.doc('renewal.journey');
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(names(symbols)).toEqual([
            { renewal: [
                { research: ['pricing_page', 'demo', 'unclear_pricing', 'calculator'] },
                { onboarding: ['kickoff'] },
                'ship_calculator',
            ] },
            { other: [{ elsewhere: ['other_touchpoint', 'other_pain'] }] },
            { old_way: [{ s: ['t'] }] },
        ]);
        const renewal = symbols[0];
        expect(renewal.kind).toBe(SymbolKind.Module);
        expect(renewal.detail).toBe('Olivia replaces her tool');
        expect(renewal.children![0].kind).toBe(SymbolKind.Namespace);
        expect(renewal.children![0].children![0].kind).toBe(SymbolKind.Event);
        const shared = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(ws.doc('shared.journey'), { textDocument: { uri: '' } });
        expect(names(shared)).toContainEqual({ olivia: ['clear_pricing', 'fast_setup'] });
    });

    test('pains and opportunities written inside a touchpoint are its children', async () => {
        const ws = await build({ 'renewal.journey': RENEWAL.replace('evidence survey\n', 'evidence survey\n            pain slow "Slow" severity 2\n') });
        const document = ws.doc('renewal.journey');
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(names(symbols[0].children![0].children)).toContainEqual({ pricing_page: ['slow'] });
    });

    test('workspace symbols: every named thing, with its container', async () => {
        const ws = await build();
        const symbols = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'pricing' });
        expect(symbols.map(symbol => `${symbol.name} in ${symbol.containerName ?? '-'}`).sort()).toEqual([
            'clear_pricing in ben', 'clear_pricing in olivia', 'pricing_page in research', 'unclear_pricing in research',
        ]);
        const everything = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        expect(everything.find(symbol => symbol.name === 'olivia')!.kind).toBe(SymbolKind.Class);
        expect(everything.length).toBeGreaterThan(30);
    });
});

describe('folding and selection ranges', () => {
    test('blocks and comment blocks fold', async () => {
        const text = `// A file comment
// on two lines.
${RENEWAL}`;
        const ws = await build({ 'renewal.journey': text });
        const document = ws.doc('renewal.journey');
        const ranges = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const lines = text.split('\n');
        const startingWith = (prefix: string) => ranges.filter(r => lines[r.startLine].trimStart().startsWith(prefix));
        expect(startingWith('// A file comment')).toEqual([expect.objectContaining({ startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment })]);
        expect(startingWith('journey renewal')).toHaveLength(1);
        expect(startingWith('stage research')).toHaveLength(1);
        expect(startingWith('touchpoint pricing_page')).toHaveLength(1);
        expect(startingWith('valuegap')).toHaveLength(1);
        expect(startingWith('plan ship_calculator')).toHaveLength(1);
        expect(startingWith('touchpoint demo')).toHaveLength(0); // one line
    });

    test('selection ranges grow from the word to the file', async () => {
        const { selectionRanges } = await import('../../packages/language/src/lsp/journey-ranges.js');
        const ws = await build();
        const document = ws.doc('renewal.journey') as LangiumDocument;
        const [selection] = selectionRanges(document, [positionOf(document, 'olivia.clear_pricing', 10)]);
        const texts: string[] = [];
        for (let s: typeof selection | undefined = selection; s; s = s.parent) {
            texts.push(document.textDocument.getText(s.range).split('\n')[0]);
        }
        expect(texts.slice(0, 4)).toEqual(['clear_pricing', 'olivia.clear_pricing', 'serves olivia.clear_pricing', 'touchpoint pricing_page "Visits the pricing page" {']);
        expect(texts).toContain('stage research "Research" {');
        expect(texts[texts.length - 1]).toBe('journey renewal "Olivia replaces her tool" {');
    });
});

describe('semantic tokens, inlay hints, code lenses', () => {
    test('names coloured by kind; declarations marked; both parts of persona.need', async () => {
        const ws = await build({ 'renewal.journey': RENEWAL.replace('stage onboarding "Onboarding"', 'stage purchase "Onboarding"') });
        const document = ws.doc('renewal.journey');
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const { tokenTypes, tokenModifiers } = provider.semanticTokensOptions.legend;
        const seen: string[] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5);
            line += deltaLine;
            character = deltaLine === 0 ? character + deltaStart : deltaStart;
            const word = document.textDocument.getText({ start: { line, character }, end: { line, character: character + length } });
            const declaration = (modifiers & (1 << tokenModifiers.indexOf('declaration'))) !== 0;
            seen.push(`${word}:${tokenTypes[type]}${declaration ? '+decl' : ''}`);
        }
        expect(seen).toContain('renewal:function+decl');
        expect(seen).toContain('purchase:method+decl');
        expect(seen).toContain('olivia:class');
        expect(seen).toContain('clear_pricing:property');
        expect(seen).toContain('fast_setup:property');
        expect(seen).toContain('web:enum');
        expect(seen).toContain('marketing:namespace');
        expect(seen).toContain('conversion:type');
        expect(seen).toContain('tickets:struct');
        expect(seen).toContain('acme:interface');
        expect(seen).toContain('pricing_page:event+decl');
        expect(seen).toContain('pricing_page:event');
        expect(seen).toContain('unclear_pricing:variable+decl');
    });

    test('an emotion shows its meaning; a need how many touchpoints serve it', async () => {
        const ws = await build();
        const document = ws.doc('renewal.journey');
        const hints = await ws.services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(RENEWAL.length) },
        });
        expect(hints).toHaveLength(1);
        expect(hints![0].label).toBe('slightly negative');
        expect(hints![0].position).toEqual(positionOf(document, 'emotion -1', 'emotion -1'.length));

        const shared = ws.doc('shared.journey');
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(shared, { textDocument: { uri: shared.uri.toString() } });
        const byLine = new Map((lenses ?? []).map(lens => [SHARED.split('\n')[lens.range.start.line].trim().split(' ').slice(0, 2).join(' '), lens.command!.title]));
        expect(Object.fromEntries(byLine)).toEqual({
            'need clear_pricing': 'served by 1 touchpoint',
            'need fast_setup': 'served by 1 touchpoint',
            'need reporting': 'served by 2 touchpoints',
            'need carla_only': 'served by 1 touchpoint',
        });
    });
});
