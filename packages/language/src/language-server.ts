import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createJourneyServices } from './journey-module.js';

/**
 * Starts the .journey language server on the process's stdio (or whatever transport the command
 * line names: `--stdio`, `--node-ipc`, `--socket=N`). The VS Code extension and `journey lsp` both run this.
 */
export function startJourneyLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createJourneyServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}
