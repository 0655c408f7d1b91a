import {
    exportCsv, exportJson, exportMermaid, importJson, importMermaid, JsonImportError, mermaidSettingsAbove, importMermaidMarkdown, MermaidSyntaxError
} from '@journey/interchange';
import { JourneyMapRequest, type JourneyMapModel } from '@journey/language/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';

/**
 * "Journey: Import Mermaid Diagram…" and "Journey: Export as Mermaid/JSON/CSV…": the pure functions of
 * @journey/interchange (bundled into the extension) on the server's map models (`journey/map`).
 *
 * Commands called with arguments skip their dialogs (for tests and other extensions):
 *   journey.export.{mermaid,json,csv}(source?: Uri, target?: Uri, journey?: string) → the written Uri
 *   journey.import.mermaid(source?: Uri, target?: Uri) → the Uri of the new (untitled) or written document
 */

export type InterchangeFormat = 'mermaid' | 'json' | 'csv';

export const INTERCHANGE_FORMATS: Record<InterchangeFormat, { extension: string; filter: string; label: string }> = {
    mermaid: { extension: 'mmd', filter: 'Mermaid diagram', label: 'Mermaid' },
    json: { extension: 'json', filter: 'JSON', label: 'JSON' },
    csv: { extension: 'csv', filter: 'CSV', label: 'CSV' },
};

const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdx'];
const MERMAID_EXTENSIONS = ['mmd', 'mermaid'];

export interface InterchangeContext {
    client: () => LanguageClient;
    clientReady: () => Promise<void>;
    output: vscode.LogOutputChannel;
}

/** Exports the journeys of a journey document; `undefined` when nothing was written (refused or cancelled). */
export async function exportInterchange(
    context: InterchangeContext, format: InterchangeFormat, source?: vscode.Uri, target?: vscode.Uri, journeyName?: string,
): Promise<vscode.Uri | undefined> {
    const { extension, filter, label } = INTERCHANGE_FORMATS[format];
    const document = await journeyDocument(source);
    if (!document) {
        void vscode.window.showWarningMessage(`Open a journey file to export it as ${label}.`);
        return undefined;
    }
    const name = fileName(document.uri);
    await context.clientReady();
    const result = await context.client().sendRequest(JourneyMapRequest, { uri: document.uri.toString() });
    if (result.unknown) {
        void vscode.window.showErrorMessage(`The journey language server does not know ${name}; nothing exported.`);
        return undefined;
    }
    if (result.hasSyntaxErrors) {
        const firstError = vscode.languages.getDiagnostics(document.uri)
            .find(diagnostic => diagnostic.severity === vscode.DiagnosticSeverity.Error && diagnostic.code === 'syntax');
        const where = firstError ? ` (line ${firstError.range.start.line + 1}: ${firstError.message})` : '';
        void vscode.window.showErrorMessage(`${name} has syntax errors${where}; fix them to export it as ${label}. Nothing exported.`);
        return undefined;
    }
    if (result.journeys.length === 0) {
        void vscode.window.showWarningMessage(`${name} declares no journey; nothing exported.`);
        return undefined;
    }

    let journeys: JourneyMapModel[] = result.journeys;
    if (format === 'mermaid') {
        const journey = await pickJourney(result.journeys, journeyName);
        if (!journey) {
            return undefined;
        }
        journeys = [journey];
    }
    const base = journeys.length === 1 && result.journeys.length > 1 ? journeys[0].name : name.replace(/\.journey$/, '');
    target ??= await vscode.window.showSaveDialog({
        title: `Export ${name} as ${label}`,
        defaultUri: vscode.Uri.joinPath(folderOf(document.uri) ?? vscode.Uri.file('/'), `${base}.${extension}`),
        filters: { [filter]: [extension] },
    });
    if (!target) {
        return undefined;
    }
    const text = format === 'json'
        ? exportJson(journeys.map(journey => ({ journey, file: vscode.workspace.asRelativePath(document.uri, false) })))
        : format === 'csv' ? exportCsv(journeys)
        : exportMermaid(journeys[0], { settings: mermaidSettingsAbove(document.getText(), journeys[0].range.start.line) });
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    context.output.info(`Exported ${document.uri.toString()} as ${format} to ${target.toString()}.`);
    void vscode.window.showInformationMessage(`Exported ${name} as ${label} to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
}

/**
 * Imports a Mermaid `journey` diagram (.mmd), the journey diagrams of a Markdown file, or the journeys of
 * a JSON export (`journey export --format json`), as `journey import` does.
 */
export async function importInterchange(context: InterchangeContext, source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    source ??= (await vscode.window.showOpenDialog({
        title: 'Import a Mermaid journey diagram or a JSON export',
        canSelectMany: false,
        openLabel: 'Import',
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { 'Mermaid diagram': MERMAID_EXTENSIONS, Markdown: MARKDOWN_EXTENSIONS, 'JSON export': ['json'] },
    }))?.[0];
    if (!source) {
        return undefined;
    }
    const name = fileName(source);
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
    const options = { sourceName: name, fallbackName: dot > 0 ? name.slice(0, dot) : name };
    let result: { text: string; journeys: string[]; warnings: string[] };
    try {
        if (extension === 'json') {
            result = importJson(text);
        } else {
            const mermaid = MARKDOWN_EXTENSIONS.includes(extension) ? importMermaidMarkdown(text, options) : importMermaid(text, options);
            result = { ...mermaid, warnings: mermaid.warnings.map(warning => `line ${warning.line}: ${warning.message}`) };
        }
    } catch (error) {
        if (error instanceof MermaidSyntaxError) {
            context.output.error(`${source.toString()}:${error.line}: ${error.message}`);
            void vscode.window.showErrorMessage(`${name}:${error.line}: ${error.message}. Nothing imported.`, 'Show Line').then(choice => {
                if (choice) {
                    const line = new vscode.Position(Math.max(0, error.line - 1), 0);
                    void vscode.window.showTextDocument(source!, { selection: new vscode.Range(line, line) });
                }
            });
            return undefined;
        }
        if (error instanceof JsonImportError) {
            context.output.error(`${source.toString()}: ${error.message}`);
            void vscode.window.showErrorMessage(`${name}: ${error.message}. Nothing imported.`);
            return undefined;
        }
        throw error;
    }
    for (const warning of result.warnings) {
        context.output.warn(`${source.toString()}: ${warning}`);
    }

    let document: vscode.TextDocument;
    if (target) {
        await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, 'utf8'));
        document = await vscode.workspace.openTextDocument(target);
    } else {
        document = await vscode.workspace.openTextDocument({ language: 'journey', content: result.text });
    }
    await vscode.window.showTextDocument(document);
    const journeys = result.journeys.length === 1 ? `journey ${result.journeys[0]}` : `${result.journeys.length} journeys`;
    const warnings = result.warnings.length === 0 ? ''
        : ` ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}: see the "Journey" output.`;
    void vscode.window.showInformationMessage(`Imported ${journeys} from ${name}.${warnings}`);
    return document.uri;
}

async function journeyDocument(source: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (source instanceof vscode.Uri) {
        const open = vscode.workspace.textDocuments.find(document => document.uri.toString() === source.toString());
        const document = open ?? await vscode.workspace.openTextDocument(source);
        return document.languageId === 'journey' ? document : undefined;
    }
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'journey' ? document : undefined;
}

async function pickJourney(journeys: JourneyMapModel[], name: string | undefined): Promise<JourneyMapModel | undefined> {
    if (name !== undefined) {
        const named = journeys.find(journey => journey.name === name);
        if (!named) {
            void vscode.window.showErrorMessage(`No journey ${name} here (there are ${journeys.map(j => j.name).join(', ')}).`);
        }
        return named;
    }
    if (journeys.length === 1) {
        return journeys[0];
    }
    const picked = await vscode.window.showQuickPick(
        journeys.map(journey => ({ label: journey.name, description: journey.label, journey })),
        { title: 'Export which journey as Mermaid?', placeHolder: 'A Mermaid diagram holds one journey' },
    );
    return picked?.journey;
}

function fileName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() || uri.path;
}

function folderOf(uri: vscode.Uri): vscode.Uri | undefined {
    return uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
}
