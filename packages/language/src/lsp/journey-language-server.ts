import { DocumentState, URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import {
    DefaultDocumentUpdateHandler, DefaultLanguageServer, createRequestHandler, type LangiumSharedServices
} from 'langium/lsp';
import { FileChangeType, type Connection, type DidChangeWatchedFilesParams, type InitializeParams, type InitializeResult, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { JourneyServices } from '../journey-services.js';
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
    private readonly registry: LangiumSharedServices['ServiceRegistry'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.langiumDocuments = services.workspace.LangiumDocuments;
        this.textDocuments = services.workspace.TextDocuments;
        this.registry = services.ServiceRegistry;
    }

    /**
     * A data file (a CSV export a source points at) that changed, appeared or went away on disk is not
     * a document: what was read of it is forgotten, and the documents whose sources or KPIs read it are
     * built again (their values and findings follow the file). Other files go to Langium as usual.
     */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const dataFiles = this.registry.all.map(services => (services as JourneyServices).data.DataFiles);
        const isData = (uri: string) => dataFiles.some(files => files.isDataFile(URI.parse(uri))) || /\.csv$/i.test(uri);
        const data = params.changes.filter(change => isData(change.uri));
        if (data.length === 0) {
            super.didChangeWatchedFiles(params);
            return;
        }
        const readers = dataFiles.flatMap(files => files.invalidate(data.map(change => URI.parse(change.uri))));
        const others = params.changes.filter(change => !isData(change.uri));
        const changed = [...others.filter(change => change.type !== FileChangeType.Deleted).map(change => URI.parse(change.uri)), ...readers];
        const deleted = others.filter(change => change.type === FileChangeType.Deleted).map(change => URI.parse(change.uri));
        this.fireDocumentUpdate([...new Map(changed.map(uri => [uri.toString(), uri])).values()], deleted);
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
