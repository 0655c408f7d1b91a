import { randomBytes } from 'node:crypto';
import { JourneyMapRequest, type JourneyMapResult } from '@journey/language/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
    parseWebviewMessage, type ExportFormat, type ExtensionMessage, type PreviewState, type PreviewTheme, type Range, type WebviewMessage
} from './webview-messages.js';

export const PREVIEW_VIEW_TYPE = 'journey.preview';

interface PendingExport {
    format: ExportFormat;
    resolve: (data: string) => void;
    reject: (error: Error) => void;
    timer: ReturnType<typeof setTimeout>;
}

/**
 * One preview webview: its panel, the journey file it shows, and the messages to and from its
 * script (media/preview.js, which draws the map with @journey/preview). The map itself comes from the
 * language server (`journey/map`); nothing here parses or lays out.
 */
export class JourneyPreviewPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.onDisposeEmitter.event;
    private ready = false;
    private lastUpdate: Extract<ExtensionMessage, { type: 'update' }> | undefined;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private refreshing: Promise<void> | undefined;
    private refreshAgain = false;
    private exportId = 0;
    private readonly exports = new Map<number, PendingExport>();
    private disposed = false;
    /** The last position the webview was told about, sent again after it reloads. */
    private cursor: vscode.Position | undefined;

    static create(uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus: boolean, context: PreviewContext): JourneyPreviewPanel {
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, previewTitle(uri), { viewColumn: column, preserveFocus }, {
            enableScripts: true,
            enableFindWidget: true,
            localResourceRoots: [mediaRoot(context.extensionUri)],
        });
        return new JourneyPreviewPanel(panel, uri, context);
    }

    /** A panel VS Code restored after a reload (the serializer's). */
    static revive(panel: vscode.WebviewPanel, state: PreviewState, context: PreviewContext): JourneyPreviewPanel {
        return new JourneyPreviewPanel(panel, vscode.Uri.parse(state.uri, true), context);
    }

    private constructor(readonly panel: vscode.WebviewPanel, private _uri: vscode.Uri, private readonly context: PreviewContext) {
        panel.iconPath = {
            light: vscode.Uri.joinPath(mediaRoot(context.extensionUri), 'preview-light.svg'),
            dark: vscode.Uri.joinPath(mediaRoot(context.extensionUri), 'preview-dark.svg'),
        };
        panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot(context.extensionUri)] };
        panel.webview.html = this.html();
        this.disposables.push(
            panel.webview.onDidReceiveMessage(message => this.receive(message)),
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(() => {
                if (panel.active) {
                    context.onDidBecomeActive(this);
                }
            }),
        );
        void this.refresh();
    }

    get uri(): vscode.Uri {
        return this._uri;
    }

    /** Shows another file in this panel (the preview follows the active editor). */
    retarget(uri: vscode.Uri): void {
        if (uri.toString() === this._uri.toString()) {
            return;
        }
        this._uri = uri;
        this.lastUpdate = undefined;
        this.cursor = undefined;
        this.panel.title = previewTitle(uri);
        void this.refresh();
    }

    /** Asks the server for the map again after `delay` ms; calls in between are merged. */
    scheduleRefresh(delay: number): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), delay);
    }

    async refresh(): Promise<void> {
        if (this.refreshing) {
            this.refreshAgain = true;
            return this.refreshing;
        }
        this.refreshing = this.fetchAndPost().finally(() => {
            this.refreshing = undefined;
            if (this.refreshAgain && !this.disposed) {
                this.refreshAgain = false;
                void this.refresh();
            }
        });
        return this.refreshing;
    }

    private async fetchAndPost(): Promise<void> {
        const uri = this._uri.toString();
        let result: JourneyMapResult;
        try {
            await this.context.clientReady();
            result = await this.context.client.sendRequest(JourneyMapRequest, { uri });
        } catch (error) {
            if (!this.disposed) {
                this.context.log(`journey/map for ${uri} failed: ${String(error)}`);
            }
            return;
        }
        if (this.disposed || uri !== this._uri.toString()) {
            return;
        }
        // An answer computed from an older text than the one already shown is dropped.
        if (this.lastUpdate && this.lastUpdate.version !== null && result.version !== null && result.version < this.lastUpdate.version) {
            return;
        }
        this.lastUpdate = {
            type: 'update',
            uri,
            fileName: this._uri.path.split('/').pop() ?? uri,
            version: result.version,
            journeys: result.journeys,
            baselines: result.baselines ?? [],
            hasSyntaxErrors: result.hasSyntaxErrors,
            theme: this.context.theme(),
        };
        this.post(this.lastUpdate);
    }

    /** The whole map in view (the context menu's Fit). */
    fit(): void {
        this.post({ type: 'fit' });
    }

    showCursor(position: vscode.Position): void {
        this.cursor = position;
        this.post({ type: 'cursor', position: { line: position.line, character: position.character } });
    }

    setTheme(theme: PreviewTheme): void {
        if (this.lastUpdate) {
            this.lastUpdate.theme = theme;
        }
        this.post({ type: 'theme', theme });
    }

    /** Asks the webview for the map in a format (it draws it; PNG through a canvas). */
    requestExport(format: ExportFormat): Promise<string> {
        const requestId = ++this.exportId;
        return new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.exports.delete(requestId);
                reject(new Error('The preview did not answer in time.'));
            }, 60_000);
            this.exports.set(requestId, { format, resolve, reject, timer });
            this.post({ type: 'export', requestId, format });
        });
    }

    private post(message: ExtensionMessage): void {
        if (this.ready && !this.disposed) {
            void this.panel.webview.postMessage(message);
        }
    }

    private receive(raw: unknown): void {
        const message = parseWebviewMessage(raw);
        if (!message) {
            this.context.log(`Ignored a malformed message from the preview webview: ${describe(raw)}`);
            return;
        }
        this.handle(message);
    }

    private handle(message: WebviewMessage): void {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                if (this.lastUpdate) {
                    this.post(this.lastUpdate);
                }
                if (this.cursor) {
                    this.showCursor(this.cursor);
                }
                // Exports asked for while the webview was (re)loading.
                this.exports.forEach((pending, requestId) => this.post({ type: 'export', requestId, format: pending.format }));
                return;
            case 'reveal':
                void this.reveal(message.range);
                return;
            case 'rendered':
                this.context.log(`Preview of ${message.uri} (version ${message.version}): ${message.elements} elements drawn.`);
                return;
            case 'exported': {
                const pending = this.exports.get(message.requestId);
                if (pending && pending.format === message.format) {
                    this.exports.delete(message.requestId);
                    clearTimeout(pending.timer);
                    pending.resolve(message.data);
                }
                return;
            }
            case 'exportFailed': {
                const pending = this.exports.get(message.requestId);
                if (pending) {
                    this.exports.delete(message.requestId);
                    clearTimeout(pending.timer);
                    pending.reject(new Error(message.message));
                }
                return;
            }
            case 'exportRequest':
                this.context.exportMap(message.format, this);
                return;
            case 'error':
                this.context.log(`Preview: ${message.message}`);
                return;
        }
    }

    /** Selects a range of the previewed file in its editor (opening one beside the preview if needed). */
    private async reveal(range: Range): Promise<void> {
        const document = await vscode.workspace.openTextDocument(this._uri);
        const selection = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === this._uri.toString());
        const editor = await vscode.window.showTextDocument(document, {
            viewColumn: visible?.viewColumn ?? otherColumn(this.panel.viewColumn),
            preserveFocus: false,
            selection: new vscode.Selection(selection.start, selection.end),
        });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private html(): string {
        const webview = this.panel.webview;
        const nonce = randomBytes(16).toString('base64');
        const media = mediaRoot(this.context.extensionUri);
        const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
        const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
        const elkWorker = webview.asWebviewUri(vscode.Uri.joinPath(media, 'elk-worker.js'));
        const csp = [
            `default-src 'none'`,
            `img-src ${webview.cspSource} data: blob:`,
            // The map's SVG brings its own <style>, which the script gives this nonce.
            `style-src ${webview.cspSource} 'nonce-${nonce}'`,
            `font-src ${webview.cspSource}`,
            `script-src 'nonce-${nonce}'`,
            // ELK runs in a worker made from a blob of media/elk-worker.js, which the script fetches.
            `connect-src ${webview.cspSource}`,
            `worker-src blob:`,
        ].join('; ');
        return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(previewTitle(this._uri))}</title>
</head>
<body data-uri="${escapeHtml(this._uri.toString())}" data-elk-worker="${escapeHtml(elkWorker.toString())}" data-vscode-context="${escapeHtml(JSON.stringify({ preventDefaultContextMenuItems: true }))}">
<div id="toolbar" role="toolbar" aria-label="Map">
  <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <span id="zoom-level" aria-live="polite">100%</span>
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="zoom-fit" title="Fit to window (0)">Fit</button>
  <button id="zoom-reset" title="Actual size (1)">1:1</button>
  <select id="stage-index" title="Jump to a stage" aria-label="Jump to a stage" hidden><option value="">Stages…</option></select>
  <label id="current-state-toggle" title="Draw the current state's emotion curve faintly under this future state's" hidden><input type="checkbox" id="current-state" checked> Current state</label>
  <span class="toolbar-group" role="group" aria-label="Export the map">
    <span class="toolbar-label" aria-hidden="true">Export</span>
    <button data-export="svg" title="Export the map as an SVG image…" aria-label="Export as SVG">SVG</button>
    <button data-export="png" title="Export the map as a PNG image…" aria-label="Export as PNG">PNG</button>
    <button data-export="pdf" title="Export the map as a PDF document…" aria-label="Export as PDF">PDF</button>
    <button data-export="html" title="Export the map as an HTML page…" aria-label="Export as HTML">HTML</button>
  </span>
  <span id="status" role="status"></span>
</div>
<div id="viewport" tabindex="0"><div id="canvas"></div></div>
<div id="minimap" title="Mini-map: click or drag to go there" hidden></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        clearTimeout(this.refreshTimer);
        for (const pending of this.exports.values()) {
            clearTimeout(pending.timer);
            pending.reject(new Error('The preview was closed.'));
        }
        this.exports.clear();
        this.panel.dispose();
        this.disposables.forEach(d => d.dispose());
        this.onDisposeEmitter.fire();
        this.onDisposeEmitter.dispose();
    }
}

/** What a panel needs from the extension. */
export interface PreviewContext {
    extensionUri: vscode.Uri;
    client: LanguageClient;
    clientReady(): Promise<void>;
    theme(): PreviewTheme;
    log(message: string): void;
    onDidBecomeActive(panel: JourneyPreviewPanel): void;
    /** The toolbar's Export buttons: the export command of that format, for this panel's file. */
    exportMap(format: ExportFormat, panel: JourneyPreviewPanel): void;
}

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'media');
}

function previewTitle(uri: vscode.Uri): string {
    return `Preview ${uri.path.split('/').pop() ?? ''}`;
}

function otherColumn(column: vscode.ViewColumn | undefined): vscode.ViewColumn {
    return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function describe(value: unknown): string {
    try {
        return JSON.stringify(value)?.slice(0, 200) ?? String(value);
    } catch {
        return typeof value;
    }
}
