import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices, hasSyntaxErrors, withoutByteOrderMark, type CalendarDate, type JourneyConfig, type JourneyServices } from '@journey/language';
import { CliError } from './cli-error.js';
import { NO_PROGRESS, type Progress } from './progress.js';

export interface WorkspaceOptions {
    /** "Today" for the date rules; the clock when absent. */
    today?: CalendarDate;
    /** Rule severities from journey.config.json. */
    config?: JourneyConfig;
    /** Told of each file read and each file checked (see progress.ts); cleared when done. */
    progress?: Progress;
    /**
     * Texts that stand for files (absolute path → text): read instead of the file on disk, which need not
     * exist (`lint --stdin --stdin-filename PATH`). A byte order mark is dropped as on disk.
     */
    texts?: ReadonlyMap<string, string>;
    /**
     * Makes the language's services (a fresh set per load when absent). Tests that run the program many
     * times in one process pass a pool: building the parser is most of a small run.
     */
    createServices?: () => JourneyServicePair;
    /** The folder paths in messages are relative to (the command's, never the process's). */
    cwd?: string;
}

/** What `createJourneyServices` makes: the shared services and the language's. */
export type JourneyServicePair = ReturnType<typeof createJourneyServices>;

export interface LoadedFile {
    /** Absolute path. */
    filePath: string;
    document: LangiumDocument;
    diagnostics: Diagnostic[];
}

/**
 * Whether a file is left alone by `--fix`, `format` and `render`: it does not parse, or a `syntax`
 * finding (a date that is no calendar date) says its text is not what it means.
 */
export function hasSyntaxProblems(file: LoadedFile): boolean {
    return hasSyntaxErrors(file.document) || file.diagnostics.some(diagnostic => diagnostic.code === 'syntax');
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
    const { shared, Journey } = options.createServices?.() ?? createJourneyServices({ ...NodeFileSystem });
    Journey.validation.JourneySettings.today = options.today;
    Journey.validation.JourneySettings.applyConfig(options.config);
    const progress = options.progress ?? NO_PROGRESS;
    const documents: LangiumDocument[] = [];
    for (const filePath of filePaths) {
        progress.report('parsing files', documents.length, filePaths.length);
        const text = options.texts?.get(filePath) ?? await readFile(filePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new CliError(`cannot read ${(options.cwd !== undefined && path.relative(options.cwd, filePath)) || filePath}: ${error.code ?? error.message}`);
        });
        // Editors hide a byte order mark; columns must match what the user sees.
        const document = shared.workspace.LangiumDocumentFactory.fromString(withoutByteOrderMark(text), URI.file(filePath));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    let checked = 0;
    const checking = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
        progress.report('checking files', ++checked, documents.length);
    });
    try {
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    } finally {
        checking.dispose();
        progress.clear();
    }
    return {
        services: Journey,
        files: documents.map((document, index) => ({
            filePath: filePaths[index],
            document,
            diagnostics: document.diagnostics ?? [],
        })),
    };
}
