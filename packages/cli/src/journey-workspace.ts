import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices, type CalendarDate, type JourneyConfig, type JourneyServices } from '@journey/language';
import { CliError } from './cli-error.js';

export interface WorkspaceOptions {
    /** "Today" for the date rules; the clock when absent. */
    today?: CalendarDate;
    /** Rule severities from journey.config.json. */
    config?: JourneyConfig;
}

export interface LoadedFile {
    /** Absolute path. */
    filePath: string;
    document: LangiumDocument;
    diagnostics: Diagnostic[];
}

export interface JourneyWorkspace {
    services: JourneyServices;
    files: LoadedFile[];
}

/**
 * Loads files as one workspace and validates it: the language server's services without a
 * connection, so the CLI reports exactly what the editor shows.
 */
export async function loadJourneyWorkspace(filePaths: readonly string[], options: WorkspaceOptions = {}): Promise<JourneyWorkspace> {
    const { shared, Journey } = createJourneyServices({ ...NodeFileSystem });
    Journey.validation.JourneySettings.today = options.today;
    Journey.validation.JourneySettings.applyConfig(options.config);
    const documents: LangiumDocument[] = [];
    for (const filePath of filePaths) {
        const text = await readFile(filePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new CliError(`cannot read ${path.relative(process.cwd(), filePath) || filePath}: ${error.code ?? error.message}`);
        });
        // Editors hide a byte order mark; columns must match what the user sees.
        const document = shared.workspace.LangiumDocumentFactory.fromString(text.replace(/^\uFEFF/, ''), URI.file(filePath));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return {
        services: Journey,
        files: documents.map((document, index) => ({
            filePath: filePaths[index],
            document,
            diagnostics: document.diagnostics ?? [],
        })),
    };
}
