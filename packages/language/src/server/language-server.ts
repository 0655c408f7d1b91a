import { DocumentState, URI, type LangiumDocument } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystemProvider } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { withoutByteOrderMark } from '../parser/byte-order-mark.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import type { Model } from '../generated/ast.js';
import { buildJourneyMapModels } from '../model/journey-model.js';
import { createJourneyServices } from '../journey-module.js';
import type { JourneyServices } from '../journey-services.js';
import { JourneyMapChangedNotification, JourneyMapRequest, type JourneyMapResult } from './journey-protocol.js';

/**
 * Starts the .journey language server on the process's stdio (or whatever transport the command
 * line names: `--stdio`, `--node-ipc`, `--socket=N`). The VS Code extension and `journey lsp` both run this.
 */
export function startJourneyLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Journey } = createJourneyServices({ connection, ...JourneyNodeFileSystem });
    registerJourneyMapProtocol(connection, shared, Journey);
    startLanguageServer(shared);
}

/**
 * Files read from disk (the workspace's files no editor has open) without their leading BOM, as editors
 * and the CLI show them: with it, every position on a BOM file's first line would be one column off.
 */
export class BomStrippingFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return withoutByteOrderMark(await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return withoutByteOrderMark(super.readFileSync(uri));
    }
}

export const JourneyNodeFileSystem = {
    fileSystemProvider: () => new BomStrippingFileSystemProvider(),
};

/**
 * The preview's messages (`journey-protocol.ts`): the map is computed from the server's own parsed,
 * linked and validated document; the client never parses.
 */
function registerJourneyMapProtocol(connection: Connection, shared: LangiumSharedServices, Journey: JourneyServices): void {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    builder.onDocumentPhase(DocumentState.Validated, document => {
        void connection.sendNotification(JourneyMapChangedNotification, { uri: document.uri.toString(), version: versionOf(document) });
    });
    connection.onRequest(JourneyMapRequest, async ({ uri }, token): Promise<JourneyMapResult> => {
        const unknown: JourneyMapResult = { uri, version: null, journeys: [], hasSyntaxErrors: false, unknown: true };
        await shared.workspace.WorkspaceManager.ready;
        const documentUri = URI.parse(uri);
        if (!documents.hasDocument(documentUri)) {
            return unknown;
        }
        try {
            await builder.waitUntil(DocumentState.Validated, documentUri, token);
        } catch {
            // Cancelled, or the document left the workspace meanwhile: the next `journey/mapChanged` brings it back.
            if (!documents.hasDocument(documentUri)) {
                return unknown;
            }
        }
        const document = documents.getDocument(documentUri)!;
        return {
            uri,
            version: versionOf(document),
            journeys: buildJourneyMapModels(document.parseResult.value as Model, Journey.validation.JourneySettings.currentDate()),
            hasSyntaxErrors: hasSyntaxErrors(document),
        };
    });
}

/** The version of an open document; files only on disk have version 0 in Langium. */
function versionOf(document: LangiumDocument): number | null {
    return document.textDocument?.version ?? null;
}
