import { DocumentState, URI, type LangiumDocument } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystemProvider } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { withoutByteOrderMark } from '../parser/byte-order-mark.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import type { Model } from '../generated/ast.js';
import { buildJourneyMapModels, redesignedCurrentStates } from '../model/journey-model.js';
import { buildWorkspaceModel } from '../model/workspace-model.js';
import { formatCalendarDate } from '../model/calendar-date.js';
import { compareText } from '../utils/ordering.js';
import { severityName } from '../utils/severity-names.js';
import { createJourneyServices } from '../journey-module.js';
import type { JourneyServices } from '../journey-services.js';
import { JourneyMapChangedNotification, JourneyMapRequest, JourneyWorkspaceRequest, type JourneyMapResult, type JourneyWorkspaceResult } from './journey-protocol.js';

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
        const settings = Journey.validation.JourneySettings;
        const root = document.parseResult.value as Model;
        return {
            uri,
            version: versionOf(document),
            journeys: buildJourneyMapModels(root, settings.currentDate(), settings.evidence),
            baselines: redesignedCurrentStates(root, settings.currentDate(), settings.evidence),
            hasSyntaxErrors: hasSyntaxErrors(document),
        };
    });
    connection.onRequest(JourneyWorkspaceRequest, async (): Promise<JourneyWorkspaceResult> => {
        await shared.workspace.WorkspaceManager.ready;
        // After the build under way (a read waits for writes): every file parsed and linked. Files no editor
        // has open are not validated by Langium; their findings are worked out here, and not published.
        return shared.workspace.WorkspaceLock.read(async () => {
            const journeyDocuments = documents.all.filter(document => document.uri.path.endsWith('.journey')).toArray()
                .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()));
            const today = Journey.validation.JourneySettings.currentDate();
            const files = [];
            for (const document of journeyDocuments) {
                const diagnostics = document.state >= DocumentState.Validated
                    ? document.diagnostics ?? []
                    : await Journey.validation.DocumentValidator.validateDocument(document);
                files.push({
                    uri: document.uri.toString(),
                    // In the validator's order (compareDiagnostics).
                    diagnostics: diagnostics.map(diagnostic => ({
                        severity: severityName(diagnostic.severity),
                        code: String(diagnostic.code ?? 'syntax'),
                        message: diagnostic.message,
                        range: diagnostic.range,
                    })),
                    hasSyntaxErrors: hasSyntaxErrors(document),
                });
            }
            return {
                workspace: buildWorkspaceModel(journeyDocuments.map(document => document.parseResult.value as Model), today, Journey.validation.JourneySettings.evidence),
                files,
                today: formatCalendarDate(today),
            };
        });
    });
}

/** The version of an open document; files only on disk have version 0 in Langium. */
function versionOf(document: LangiumDocument): number | null {
    return document.textDocument?.version ?? null;
}
