import { startJourneyLanguageServer } from '@journey/language/server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--pipe', '--socket'];

/** `journey lsp [--stdio]`: the language server the VS Code extension runs, for any LSP client. */
export function lspCommand(): void {
    // vscode-languageserver reads the transport from the process arguments; stdio is the default.
    if (!process.argv.some(argument => TRANSPORTS.some(transport => argument.startsWith(transport)))) {
        process.argv.push('--stdio');
    }
    startJourneyLanguageServer();
}
