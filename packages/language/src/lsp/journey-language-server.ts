import { DocumentState, URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import {
    DefaultDocumentUpdateHandler, DefaultLanguageServer, createRequestHandler, type LangiumSharedServices
} from 'langium/lsp';
import type { Connection, InitializeParams, InitializeResult, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectionRanges } from './journey-ranges.js';

/**
 * Langium's language server plus what Langium has no service for: selection ranges (expand selection).
 * The handlers are added when the services get a connection; the capability is announced here.
 */
export class JourneyLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        result.capabilities.selectionRangeProvider = true;
        return result;
    }
}

export function addJourneyRequestHandlers(connection: Connection, shared: LangiumSharedServices): void {
    connection.onSelectionRanges(createRequestHandler(
        (_services, document, params) => selectionRanges(document, params.positions), shared, DocumentState.Parsed));
}

/**
 * Langium keeps a closed document's last editor text. When the editor discards unsaved changes
 * ("Don't Save"), the file on disk is what the workspace holds again: without this, its names (and
 * the diagnostics of the files that use them) stay those of the discarded text. An unsaved new file
 * that is closed leaves the workspace.
 */
export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly langiumDocuments: LangiumDocuments;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.langiumDocuments = services.workspace.LangiumDocuments;
        this.textDocuments = services.workspace.TextDocuments;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void this.fileSystem.readFile(uri).then(text => text, () => undefined).then(onDisk => {
            const document = this.langiumDocuments.getDocument(uri);
            if (!document || this.textDocuments.get(uri.toString())) {
                return; // not ours, or opened again meanwhile
            }
            if (onDisk === undefined) {
                this.fireDocumentUpdate([], [uri]);
            } else if (onDisk !== document.parseResult.value.$cstNode?.root.fullText) {
                this.fireDocumentUpdate([uri], []);
            }
        });
    }
}
