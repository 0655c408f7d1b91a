import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { afterEach } from 'vitest';
import { journeyBin, TempWorkspace } from './journey-process.js';

/**
 * A minimal LSP client over the real `journey lsp --stdio` process: what an editor does, and nothing more.
 */
export class LspTestClient {
    readonly process: ChildProcess;
    readonly connection: MessageConnection;
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly waiters: Array<() => void> = [];
    stderr = '';

    /** `bin`: the `journey` script to run (default: this checkout's; the package tests pass an installed one). */
    constructor(args: string[] = ['lsp', '--stdio'], bin: string = journeyBin, cwd?: string) {
        this.process = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
        this.process.stderr!.on('data', chunk => { this.stderr += String(chunk); });
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.waiters.splice(0).forEach(wake => wake());
        });
        // Servers may ask the client for configuration and to register capabilities; answer like an editor.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    async initialize(rootPath: string): Promise<InitializeResult> {
        const rootUri = pathToFileURL(rootPath).href;
        const result = await this.connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                textDocument: { publishDiagnostics: { relatedInformation: true }, synchronization: { dynamicRegistration: false } },
                workspace: { workspaceFolders: true, configuration: true },
            },
        });
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    async open(filePath: string, text: string): Promise<string> {
        const uri = pathToFileURL(filePath).href;
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        return uri;
    }

    async change(uri: string, version: number, text: string): Promise<void> {
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** Waits until diagnostics for `uri` satisfy `predicate` (the latest publication counts). */
    async diagnosticsFor(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 20_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && predicate(current)) {
                return current;
            }
            const remaining = deadline - Date.now();
            if (remaining <= 0) {
                throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(current)}; stderr: ${this.stderr}`);
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, remaining);
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    async shutdown(): Promise<number | null> {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        const code = await new Promise<number | null>(resolve => {
            if (this.process.exitCode !== null) {
                resolve(this.process.exitCode);
            }
            this.process.once('exit', resolve);
            setTimeout(() => { this.process.kill(); resolve(null); }, 5_000);
        });
        this.connection.dispose();
        return code;
    }
}

/**
 * Starts `journey lsp --stdio` on a scratch workspace; both are shut down after each test of the
 * calling file. Call at the top level: `const start = lspSessions();` then `const { ws, client } = start(files)`.
 */
export function lspSessions(): (files: Record<string, string>) => { ws: TempWorkspace; client: LspTestClient } {
    const cleanups: Array<() => Promise<unknown> | void> = [];
    afterEach(async () => {
        for (const cleanup of cleanups.splice(0).reverse()) {
            await cleanup();
        }
    });
    return files => {
        const ws = new TempWorkspace(files);
        const client = new LspTestClient();
        cleanups.push(() => ws.dispose(), () => client.shutdown().catch(() => client.process.kill()));
        return { ws, client };
    };
}
