import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

/**
 * Starts the journey language server (dist/server.cjs, bundled from @journey/language) over Node IPC.
 * Only documents on disk or untitled are sent: the server reads the rest of the workspace from disk.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'journey' },
            { scheme: 'untitled', language: 'journey' },
        ],
        synchronize: {
            // Journey files changed outside the editor, the configuration's severities, and the data
            // files (CSV exports) computed KPIs read.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.journey,journey.config.json,*.csv}'),
        },
        outputChannelName: 'Journey Language Server',
    };
    // The id "journey" makes `journey.trace.server` the trace setting.
    return new LanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions);
}
