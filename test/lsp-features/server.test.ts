// The editor features through the real server process (`journey lsp --stdio`): announced in the
// capabilities and answered over the wire, including what Langium has no service for (selection ranges).
import { describe, expect, test } from 'vitest';
import type {
    CodeLens, CompletionList, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, SelectionRange, SemanticTokens, TextEdit,
    WorkspaceEdit, WorkspaceSymbol
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lspSessions } from '../support/lsp-client.js';
import { RENEWAL, SHARED } from './features-helper.js';

const start = lspSessions();

function positionIn(text: string, needle: string, delta: number): { line: number; character: number } {
    const before = text.slice(0, text.indexOf(needle) + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('editor features over LSP', () => {
    test('capabilities, and each request answered by the server', async () => {
        const messy = RENEWAL.replace('    persona olivia, ben', '  persona   olivia,ben');
        const { ws, client } = start({ 'shared.journey': SHARED, 'renewal.journey': messy });
        const init = await client.initialize(ws.root);
        const capabilities = init.capabilities;
        expect(capabilities.completionProvider?.triggerCharacters).toEqual(['.', ' ', '>']);
        expect(capabilities.hoverProvider).toBe(true);
        expect(capabilities.definitionProvider).toBe(true);
        expect(capabilities.referencesProvider).toBe(true);
        expect(capabilities.documentHighlightProvider).toBe(true);
        expect(capabilities.documentSymbolProvider).toBe(true);
        expect(capabilities.workspaceSymbolProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBe(true);
        expect(capabilities.selectionRangeProvider).toBe(true);
        expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
        expect(capabilities.documentFormattingProvider).toBe(true);
        expect(capabilities.documentRangeFormattingProvider).toBe(true);
        expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain('class');
        expect(capabilities.inlayHintProvider).toBeTruthy();
        expect(capabilities.codeLensProvider).toBeTruthy();

        const sharedUri = await client.open(ws.path('shared.journey'), SHARED);
        const uri = await client.open(ws.path('renewal.journey'), messy);
        await client.diagnosticsFor(uri);
        const textDocument = { uri };
        const request = <T>(method: string, params: object) => client.connection.sendRequest<T>(method, { textDocument, ...params });

        const completion = await request<CompletionList>('textDocument/completion', { position: positionIn(messy, 'serves fast_setup', 'serves '.length) });
        expect(completion.items.map(item => item.label).sort()).toEqual(['ben.clear_pricing', 'fast_setup', 'olivia.clear_pricing', 'reporting']);

        const hover = await request<Hover>('textDocument/hover', { position: positionIn(messy, 'kpi conversion', 5) });
        expect((hover.contents as { value: string }).value).toContain('**off target**');

        const references = await request<Location[]>('textDocument/references', { position: positionIn(messy, 'olivia.clear', 2), context: { includeDeclaration: true } });
        expect(references.map(location => location.uri).sort()).toEqual([sharedUri, uri, uri].sort());

        const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {});
        expect(symbols.map(symbol => symbol.name)).toEqual(['renewal', 'other', 'old_way']);
        const found = await client.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'kickoff' });
        expect(found.map(symbol => symbol.name)).toEqual(['kickoff']);

        const folds = await request<FoldingRange[]>('textDocument/foldingRange', {});
        expect(folds.length).toBeGreaterThanOrEqual(6);
        const [selection] = await request<SelectionRange[]>('textDocument/selectionRange', { positions: [positionIn(messy, 'olivia.clear', 10)] });
        expect(selection.range).toEqual({ start: positionIn(messy, 'olivia.clear', 7), end: positionIn(messy, 'olivia.clear_pricing', 20) });
        expect(selection.parent?.range.start).toEqual(positionIn(messy, 'olivia.clear', 0));

        const rename = await request<WorkspaceEdit>('textDocument/rename', { position: positionIn(messy, 'olivia.clear', 2), newName: 'olga' });
        expect(Object.keys(rename.changes!).sort()).toEqual([sharedUri, uri].sort());
        await expect(request('textDocument/rename', { position: positionIn(messy, 'olivia.clear', 2), newName: 'ben' }))
            .rejects.toThrow('Cannot rename persona `olivia` to `ben`');
        await expect(request('textDocument/prepareRename', { position: positionIn(messy, 'trigger', 2) })).rejects.toThrow(/^Only names can be renamed/);

        const edits = await request<TextEdit[]>('textDocument/formatting', { options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'journey', 1, messy), edits);
        expect(formatted).toContain('\n    persona olivia, ben\n');
        expect(edits.every(edit => edit.newText.trim() === '')).toBe(true);

        const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', {});
        expect(tokens.data.length % 5).toBe(0);
        expect(tokens.data.length / 5).toBeGreaterThan(50);

        const hints = await request<InlayHint[]>('textDocument/inlayHint', { range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
        expect(hints.map(hint => hint.label)).toEqual(['slightly negative']);
        const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: sharedUri } });
        expect(lenses.map(lens => lens.command?.title)).toContain('served by 2 touchpoints');
    });
});
