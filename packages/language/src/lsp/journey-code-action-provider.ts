import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { FindingData } from '../rules/rule-registry.js';

/**
 * Quick fixes: the rules compute their fixes when they report (diagnostic `data.fixes`), so the
 * editor's light bulb and `journey lint --fix` apply exactly the same edits.
 */
export class JourneyCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const only = params.context.only;
        if (only && !only.some(kind => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
            return []; // e.g. `source.fixAll` on save, or the refactor menu: none of ours
        }
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (this.ownDiagnostic(document, diagnostic) ?? diagnostic).data as FindingData | undefined;
            data?.fixes?.forEach((fix, index) => actions.push({
                title: fix.title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: index === 0 && data.fixes!.length === 1,
                edit: { changes: { [document.uri.toString()]: fix.edits } },
            }));
        }
        return actions;
    }

    /**
     * The server's own diagnostic the client's one stands for: clients without `dataSupport` drop
     * `data`, and its fixes are for the text the server has now.
     */
    private ownDiagnostic(document: LangiumDocument, diagnostic: Diagnostic): Diagnostic | undefined {
        const same = (a: Diagnostic['range'], b: Diagnostic['range']) => a.start.line === b.start.line && a.start.character === b.start.character
            && a.end.line === b.end.line && a.end.character === b.end.character;
        return document.diagnostics?.find(own => own.code === diagnostic.code && own.message === diagnostic.message && same(own.range, diagnostic.range));
    }
}
