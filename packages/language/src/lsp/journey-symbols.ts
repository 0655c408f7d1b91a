import { AstUtils, interruptAndCheck, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument } from 'langium';
import {
    DefaultDocumentSymbolProvider, type FuzzyMatcher, type LangiumServices, type LangiumSharedServices, type NodeKindProvider,
    type WorkspaceSymbolProvider
} from 'langium/lsp';
import {
    CancellationToken, CompletionItemKind, SymbolKind, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams
} from 'vscode-languageserver';
import { isModel } from '../generated/ast.js';

interface Kinds {
    symbol: SymbolKind;
    completion: CompletionItemKind;
}

/**
 * How each kind of name looks in outlines, symbol search and completion lists. One table, so the
 * outline icon of a persona is the completion icon of a persona.
 */
const KINDS: Readonly<Record<string, Kinds>> = {
    Team: { symbol: SymbolKind.Package, completion: CompletionItemKind.Folder },
    Channel: { symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum },
    Metric: { symbol: SymbolKind.Number, completion: CompletionItemKind.Unit },
    Competitor: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Source: { symbol: SymbolKind.File, completion: CompletionItemKind.File },
    Persona: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    Need: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
    Journey: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module },
    Stage: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module },
    Touchpoint: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    Pain: { symbol: SymbolKind.Field, completion: CompletionItemKind.Field },
    Opportunity: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant },
    Plan: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
};

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
}

export class JourneyNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }
}

/**
 * The outline: top-level declarations; personas with their needs; journeys with their stages and plans,
 * stages with their touchpoints, pains and opportunities, touchpoints with the pains and opportunities
 * written in them. Labels are the symbols' details; children are in document order.
 */
export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const label = (astNode as { label?: unknown }).label;
        if (typeof label === 'string') {
            symbol.detail = label.replace(/\s+/g, ' ');
        }
        return symbol;
    }

    protected override getChildSymbols(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] | undefined {
        return super.getChildSymbols(document, astNode)?.sort((a, b) =>
            a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
}

/**
 * Symbol search across the workspace: every named thing (not only the global names the index
 * exports), with the journey, persona or stage it belongs to as its container.
 */
export class JourneyWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly documents: LangiumSharedServices['workspace']['LangiumDocuments'];
    private readonly nodeKindProvider: NodeKindProvider;
    private readonly fuzzyMatcher: FuzzyMatcher;
    private readonly registry: LangiumSharedServices['ServiceRegistry'];

    constructor(shared: LangiumSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.nodeKindProvider = shared.lsp.NodeKindProvider;
        this.fuzzyMatcher = shared.lsp.FuzzyMatcher;
        this.registry = shared.ServiceRegistry;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const services = this.registry.getServices(document.uri) as LangiumServices;
            const names = services.references.NameProvider;
            for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
                const name = names.getName(node);
                const nameNode = names.getNameNode(node);
                if (!name || !nameNode || !this.fuzzyMatcher.match(query, name)) {
                    continue;
                }
                const container = node.$container && !isModel(node.$container) ? names.getName(node.$container) : undefined;
                symbols.push({
                    name,
                    kind: this.nodeKindProvider.getSymbolKind(node),
                    containerName: container,
                    location: { uri: document.uri.toString(), range: nameNode.range },
                });
            }
        }
        return symbols;
    }
}
