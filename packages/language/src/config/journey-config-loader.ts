import { DefaultWorkspaceManager, DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Diagnostic, type WorkspaceFolder } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, lineAndColumn, parseJourneyConfig } from './journey-config.js';
import type { JourneyServices } from '../journey-services.js';

/**
 * The language server's side of `journey.config.json`: read at the workspace root before the first
 * build, read again whenever the file changes on disk (then every document is validated anew), and
 * its problems shown as diagnostics on the file itself. A bad file leaves the defaults in force.
 */
export class JourneyConfigLoader {
    private configUri: URI | undefined;

    constructor(private readonly shared: LangiumSharedServices, private readonly journey: JourneyServices) {
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            if (params.changes.some(change => UriUtils.basename(URI.parse(change.uri)) === CONFIG_FILE_NAME)) {
                void this.reload();
            }
        });
    }

    /** Reads the configuration of the first workspace folder. */
    async load(folders: readonly WorkspaceFolder[]): Promise<void> {
        const root = folders[0];
        this.configUri = root ? UriUtils.joinPath(URI.parse(root.uri), CONFIG_FILE_NAME) : undefined;
        await this.read();
    }

    private async read(): Promise<void> {
        const settings = this.journey.validation.JourneySettings;
        if (!this.configUri) {
            settings.applyConfig(undefined);
            return;
        }
        const text = await this.shared.workspace.FileSystemProvider.readFile(this.configUri).catch(() => undefined);
        if (text === undefined) {
            settings.applyConfig(undefined);
            this.publish([]);
            return;
        }
        const result = parseJourneyConfig(text);
        settings.applyConfig(result.config);
        this.publish(result.problems.map(problem => {
            const start = lineAndColumn(text, problem.offset);
            const end = lineAndColumn(text, problem.offset + problem.length);
            return {
                range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
                severity: DiagnosticSeverity.Error,
                source: 'journey',
                code: 'config',
                message: `${problem.message}. Until this is fixed, every rule has its default severity.`,
            } satisfies Diagnostic;
        }));
    }

    private async reload(): Promise<void> {
        await this.read();
        const documents = this.shared.workspace.LangiumDocuments.all.toArray();
        // Severities changed: validate everything again (the text did not change).
        await this.shared.workspace.WorkspaceLock.write(async token => {
            documents.forEach((document: LangiumDocument) => this.shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences));
            await this.shared.workspace.DocumentBuilder.build(documents, { validation: true }, token);
        });
    }

    private publish(diagnostics: Diagnostic[]): void {
        if (this.configUri) {
            void this.shared.lsp.Connection?.sendDiagnostics({ uri: this.configUri.toString(), diagnostics });
        }
    }
}

/** Loads the configuration before Langium builds the workspace for the first time. */
export class JourneyWorkspaceManager extends DefaultWorkspaceManager {
    configLoader: JourneyConfigLoader | undefined;

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: Parameters<DefaultWorkspaceManager['initializeWorkspace']>[1]): Promise<void> {
        await this.configLoader?.load(folders);
        return super.initializeWorkspace(folders, cancelToken);
    }
}
