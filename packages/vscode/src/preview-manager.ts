import { JourneyMapChangedNotification } from '@journey/language/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { exportedBytes } from './picture-export.js';
import { JourneyPreviewPanel, PREVIEW_VIEW_TYPE, type PreviewContext } from './preview-panel.js';
import { parsePreviewState, previewUriToRestore, type ExportFormat, type PreviewTheme } from './webview-messages.js';

/**
 * All map previews: one panel per journey file, opened beside its editor, redrawn (debounced) when
 * the server says the file's map changed, following the active editor, restored after a reload.
 */
export class JourneyPreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
    private readonly panels = new Map<string, JourneyPreviewPanel>();
    /** The panel used last: the one that follows the active editor. */
    private current: JourneyPreviewPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly context: PreviewContext;

    constructor(extensionUri: vscode.Uri, client: LanguageClient, clientReady: () => Promise<void>, private readonly output: vscode.LogOutputChannel) {
        this.context = {
            extensionUri,
            client,
            clientReady,
            theme: () => previewTheme(),
            log: message => output.info(message),
            onDidBecomeActive: panel => { this.current = panel; },
            exportMap: (format, panel) => {
                void this.export(format, panel).catch((error: unknown) => {
                    void vscode.window.showErrorMessage(`Could not export the map: ${error instanceof Error ? error.message : String(error)}`);
                });
            },
        };
        this.disposables.push(
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
            vscode.window.onDidChangeActiveTextEditor(editor => this.follow(editor)),
            vscode.window.onDidChangeTextEditorSelection(event => {
                this.panels.get(event.textEditor.document.uri.toString())?.showCursor(event.selections[0].active);
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('journey.preview.theme')) {
                    this.panels.forEach(panel => panel.setTheme(previewTheme()));
                }
            }),
        );
    }

    private listening = false;

    /** Call when the client runs (again): the server tells when a file's map changed. */
    listen(client: LanguageClient): void {
        if (!this.listening) {
            this.listening = true;
            // The client keeps this handler across server restarts.
            this.disposables.push(client.onNotification(JourneyMapChangedNotification, ({ uri }) => {
                this.panels.get(normalize(uri))?.scheduleRefresh(updateDelay());
            }));
        }
        // Maps asked for before the server was up.
        this.panels.forEach(panel => void panel.refresh());
    }

    get previews(): readonly JourneyPreviewPanel[] {
        return [...this.panels.values()];
    }

    /** Opens (or reveals) the preview of a journey file, beside the editor or in its place. */
    open(uri: vscode.Uri, beside: boolean): JourneyPreviewPanel {
        const existing = this.panels.get(uri.toString());
        const editorColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
        const column = beside ? vscode.ViewColumn.Beside : editorColumn;
        if (existing) {
            existing.panel.reveal(beside ? existing.panel.viewColumn : editorColumn, beside);
            this.current = existing;
            return existing;
        }
        const panel = JourneyPreviewPanel.create(uri, column, beside, this.context);
        this.track(panel);
        return panel;
    }

    /** The serializer: VS Code restores a panel after a reload. */
    async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
        // The state was written by the webview: only a .journey file of an open workspace folder is reopened.
        const folders = (vscode.workspace.workspaceFolders ?? []).map(folder => folder.uri.toString());
        const accepted = previewUriToRestore(state, folders);
        const parsed = accepted === undefined ? undefined : parsePreviewState(state);
        const uri = accepted === undefined ? undefined : vscode.Uri.parse(accepted, true);
        if (!parsed || !uri || this.panels.has(uri.toString())) {
            if (!accepted) {
                this.output.info(`Did not restore a preview: its saved state names no journey file of the workspace (${describeState(state)}).`);
            }
            webviewPanel.dispose();
            return;
        }
        this.track(JourneyPreviewPanel.revive(webviewPanel, { ...parsed, uri: uri.toString() }, this.context));
    }

    /**
     * The preview to act on: the active one, else the one of the active editor's file; with no editor
     * active, the one used last (a command from the preview's context menu can run before VS Code marks
     * its panel active).
     */
    activePreview(): JourneyPreviewPanel | undefined {
        const active = this.previews.find(panel => panel.panel.active);
        if (active) {
            return active;
        }
        const editor = vscode.window.activeTextEditor;
        return editor ? this.panels.get(editor.document.uri.toString()) : this.current;
    }

    /** The map of the active preview as SVG, on the clipboard (for a slide, a document, a chat). */
    async copySvg(): Promise<void> {
        const preview = this.activePreview();
        if (!preview) {
            void vscode.window.showWarningMessage('Open a journey preview to copy its map.');
            return;
        }
        const svg = await preview.requestExport('svg');
        await vscode.env.clipboard.writeText(svg);
        void vscode.window.setStatusBarMessage('Journey map copied as SVG.', 3000);
    }

    /** Exports the map of `from` (else the active preview's, else the active editor's) after a save dialog. */
    async export(format: ExportFormat, from?: JourneyPreviewPanel): Promise<vscode.Uri | undefined> {
        let preview = from ?? this.activePreview();
        if (!preview) {
            const editor = vscode.window.activeTextEditor;
            if (!editor || editor.document.languageId !== 'journey') {
                void vscode.window.showWarningMessage('Open a journey file or its preview to export its map.');
                return undefined;
            }
            preview = this.open(editor.document.uri, true);
        }
        const bytes = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Drawing the map as ${format.toUpperCase()}…` },
            async () => exportedBytes(format, await preview.requestExport(format)),
        );
        const source = preview.uri;
        const base = source.path.split('/').pop()!.replace(/\.journey$/, '');
        const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
            title: `Export ${base} as ${format.toUpperCase()}`,
            defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format}`) : undefined,
            filters: { [FILTER_NAMES[format]]: [format] },
        });
        if (!target) {
            return undefined;
        }
        await vscode.workspace.fs.writeFile(target, bytes);
        this.output.info(`Exported ${source.toString()} as ${format} to ${target.toString()} (${bytes.length} bytes).`);
        void vscode.window.showInformationMessage(`Exported the map to ${vscode.workspace.asRelativePath(target)}.`);
        return target;
    }

    private track(panel: JourneyPreviewPanel): void {
        this.panels.set(panel.uri.toString(), panel);
        this.current = panel;
        panel.onDidDispose(() => {
            if (this.panels.get(panel.uri.toString()) === panel) {
                this.panels.delete(panel.uri.toString());
            }
            if (this.current === panel) {
                this.current = this.previews[0];
            }
        });
    }

    /** The active editor changed: show its file in the current preview unless it has a preview of its own. */
    private follow(editor: vscode.TextEditor | undefined): void {
        if (!editor || editor.document.languageId !== 'journey') {
            return;
        }
        const uri = editor.document.uri.toString();
        const own = this.panels.get(uri);
        if (own) {
            this.current = own;
            own.showCursor(editor.selection.active);
            return;
        }
        const current = this.current;
        if (current) {
            this.panels.delete(current.uri.toString());
            current.retarget(editor.document.uri);
            this.panels.set(uri, current);
            current.showCursor(editor.selection.active);
        }
    }

    dispose(): void {
        this.panels.forEach(panel => panel.dispose());
        this.panels.clear();
        this.disposables.forEach(d => d.dispose());
    }
}

const FILTER_NAMES: Record<ExportFormat, string> = { svg: 'SVG image', png: 'PNG image', pdf: 'PDF document', html: 'HTML page' };

function previewTheme(): PreviewTheme {
    const theme = vscode.workspace.getConfiguration('journey.preview').get<string>('theme');
    return theme === 'light' || theme === 'dark' ? theme : 'auto';
}

function updateDelay(): number {
    const delay = vscode.workspace.getConfiguration('journey.preview').get<number>('updateDelay');
    return typeof delay === 'number' && delay >= 0 ? Math.min(delay, 5000) : 200;
}

/** A saved state for the log: short, and only its type when it is not a string. */
function describeState(state: unknown): string {
    const uri = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
    return typeof uri === 'string' ? JSON.stringify(uri.length > 200 ? `${uri.slice(0, 200)}…` : uri) : `uri: ${typeof uri}`;
}

/** The server and VS Code may spell a URI differently (percent-encoding): compare parsed. */
function normalize(uri: string): string {
    return vscode.Uri.parse(uri).toString();
}
