import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { exportInterchange, importInterchange, type InterchangeContext, type InterchangeFormat } from './interchange-commands.js';
import { compareWith } from './compare-command.js';
import { createLanguageClient } from './language-client.js';
import { MarkdownJourneyPictures } from './markdown-journeys.js';
import { JourneyPreviewManager } from './preview-manager.js';
import { JourneyReportPanel } from './report-panel.js';
import { EXPORT_FORMATS } from './webview-messages.js';

/**
 * The extension is a thin client: it starts the journey language server (checks, completion, hover,
 * formatting, quick fixes all come from there), hosts the map preview and forwards commands.
 */

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    const output = vscode.window.createOutputChannel('Journey', { log: true });
    client = createLanguageClient(context);
    const started = client.start();
    const previews = new JourneyPreviewManager(context.extensionUri, client, () => started, output);
    // ```journey blocks in the Markdown preview (the manifest's markdown.markdownItPlugins).
    const markdown = new MarkdownJourneyPictures(context.extensionUri, output);
    context.subscriptions.push(output, previews, markdown, { dispose: () => void client?.stop() });

    const register = (command: string, run: (...args: unknown[]) => unknown) =>
        context.subscriptions.push(vscode.commands.registerCommand(command, run));
    const openPreview = (beside: boolean) => (resource?: unknown) => {
        const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
        if (!uri || !uri.path.endsWith('.journey') && vscode.window.activeTextEditor?.document.languageId !== 'journey') {
            void vscode.window.showWarningMessage('Open a .journey file to preview its map.');
            return;
        }
        previews.open(uri, beside);
    };
    register('journey.preview.openToSide', openPreview(true));
    register('journey.preview.open', openPreview(false));
    register('journey.preview.showSource', async () => {
        const preview = previews.activePreview();
        if (preview) {
            await vscode.window.showTextDocument(preview.uri, { viewColumn: vscode.ViewColumn.One });
        }
    });
    // The preview's context menu (and palette): copy the map, fit it.
    register('journey.preview.copySvg', async () => {
        try {
            await previews.copySvg();
        } catch (error) {
            void vscode.window.showErrorMessage(`Could not copy the map: ${error instanceof Error ? error.message : String(error)}`);
        }
    });
    register('journey.preview.fit', () => previews.activePreview()?.fit());
    for (const format of EXPORT_FORMATS) {
        register(`journey.export.${format}`, async () => {
            try {
                return await previews.export(format);
            } catch (error) {
                void vscode.window.showErrorMessage(`Could not export the map: ${error instanceof Error ? error.message : String(error)}`);
                return undefined;
            }
        });
    }
    // Mermaid, JSON and CSV come from the server's map models, written by @journey/interchange.
    // Optional arguments (source Uri, target Uri, journey name) skip the dialogs; menus pass only the source.
    const interchange: InterchangeContext = { client: () => client!, clientReady: () => started, output };
    const uriArg = (value: unknown) => value instanceof vscode.Uri ? value : undefined;
    const exportAs = (format: InterchangeFormat) => async (source?: unknown, target?: unknown, journey?: unknown) => {
        try {
            return await exportInterchange(interchange, format, uriArg(source), uriArg(target), typeof journey === 'string' ? journey : undefined);
        } catch (error) {
            void vscode.window.showErrorMessage(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    };
    register('journey.export.mermaid', exportAs('mermaid'));
    register('journey.export.json', exportAs('json'));
    register('journey.export.csv', exportAs('csv'));
    register('journey.import.mermaid', async (source?: unknown, target?: unknown) => {
        try {
            return await importInterchange(interchange, uriArg(source), uriArg(target));
        } catch (error) {
            void vscode.window.showErrorMessage(`Could not import: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    });
    // The workspace report: the pages of `journey build`, beside the editor.
    register('journey.report.open', () => JourneyReportPanel.show({
        client: () => client!, clientReady: () => started, output, version: String(context.extension.packageJSON.version),
    }));
    // `journey diff` against a git revision, by the CLI the extension ships, beside the editor.
    register('journey.diff.compare', (revision?: unknown, options?: unknown) => compareWith({ extensionUri: context.extensionUri, output }, revision, options));
    register('journey.restartServer', async () => {
        await client?.restart();
        previews.listen(client!);
    });

    try {
        await started;
        previews.listen(client);
    } catch (error) {
        output.error(`The journey language server did not start: ${String(error)}`);
        void vscode.window.showErrorMessage('The journey language server did not start; see the "Journey" output.');
    }
    return { client, previews, extendMarkdownIt: md => markdown.extend(md) };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** What `activate` returns (for extension tests: `vscode.extensions.getExtension(...).exports`). */
export interface JourneyExtensionApi {
    client: LanguageClient;
    previews: JourneyPreviewManager;
    /** What VS Code's Markdown preview asks of an extension that contributes markdown-it plugins. */
    extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}
