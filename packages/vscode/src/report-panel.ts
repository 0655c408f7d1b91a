import { randomBytes } from 'node:crypto';
import { JourneyWorkspaceRequest, type JourneyWorkspaceResult } from '@journey/language/protocol';
import { buildSite, type SiteInput } from '@journey/site';
import siteScript from '../../site/dist/site-client.js?raw';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { oneAtATime } from './one-at-a-time.js';

export const REPORT_VIEW_TYPE = 'journey.report';

export interface ReportContext {
    client: () => LanguageClient;
    clientReady: () => Promise<void>;
    version: string;
    output: vscode.LogOutputChannel;
}

/**
 * The workspace report beside the editor: the pages `journey build` writes (index, journeys, personas,
 * reports), as one self-contained document (the `--single-file` site) built from the language server's
 * workspace (`journey/workspace`). Built again when a `.journey` file is saved.
 */
export class JourneyReportPanel implements vscode.Disposable {
    private static current: JourneyReportPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;

    static show(context: ReportContext): JourneyReportPanel {
        if (JourneyReportPanel.current) {
            JourneyReportPanel.current.panel.reveal(vscode.ViewColumn.Beside);
            void JourneyReportPanel.current.refresh();
            return JourneyReportPanel.current;
        }
        const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Journey report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            enableFindWidget: true,
            retainContextWhenHidden: false,
            localResourceRoots: [],
        });
        JourneyReportPanel.current = new JourneyReportPanel(panel, context);
        return JourneyReportPanel.current;
    }

    private constructor(readonly panel: vscode.WebviewPanel, private readonly context: ReportContext) {
        panel.webview.html = '<!DOCTYPE html><html lang="en"><body><p>Building the workspace report…</p></body></html>';
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (document.languageId === 'journey' || document.uri.path.endsWith('.journey')) {
                    this.schedule();
                }
            }),
        );
        void this.refresh();
    }

    /** The report's HTML now (for tests and the command's result). */
    html(): string {
        return this.panel.webview.html;
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 300);
    }

    /** Builds the report from the server's workspace; a build asked for while one runs runs once after it. */
    readonly refresh = oneAtATime(() => this.build());

    private async build(): Promise<void> {
        try {
            await this.context.clientReady();
            const result = await this.context.client().sendRequest(JourneyWorkspaceRequest);
            const site = await buildSite(siteInput(result, this.context.version), { nonce: randomBytes(16).toString('base64'), singleFile: true }, { script: siteScript });
            this.panel.webview.html = site.get('index.html')!;
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.context.output.error(`The workspace report could not be built: ${message}`);
            void vscode.window.showErrorMessage(`Could not build the workspace report: ${message}`);
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        if (JourneyReportPanel.current === this) {
            JourneyReportPanel.current = undefined;
        }
        this.disposables.splice(0).forEach(disposable => disposable.dispose());
        this.panel.dispose();
    }
}

/** The site's input from the server's workspace: files named as the Explorer names them. */
function siteInput(result: JourneyWorkspaceResult, version: string): SiteInput {
    return {
        workspace: result.workspace,
        files: result.files.map(file => ({
            uri: file.uri,
            path: vscode.workspace.asRelativePath(vscode.Uri.parse(file.uri), false),
            findings: file.diagnostics.map(diagnostic => ({ severity: diagnostic.severity, ruleId: diagnostic.code, message: diagnostic.message, range: diagnostic.range })),
            syntaxErrors: file.hasSyntaxErrors,
        })),
        title: vscode.workspace.name ? `Journey maps: ${vscode.workspace.name}` : undefined,
        today: result.today,
        version,
    };
}
