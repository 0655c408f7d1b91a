import { DocumentState } from 'langium';
import { DefaultLanguageServer, createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { selectionRanges } from './journey-ranges.js';

/**
 * Langium's language server plus what Langium has no service for: selection ranges (expand selection).
 * The handlers are added when the services get a connection; the capability is announced here.
 */
export class JourneyLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        result.capabilities.selectionRangeProvider = true;
        return result;
    }
}

export function addJourneyRequestHandlers(connection: Connection, shared: LangiumSharedServices): void {
    connection.onSelectionRanges(createRequestHandler(
        (_services, document, params) => selectionRanges(document, params.positions), shared, DocumentState.Parsed));
}
