import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import type { FindingData } from './rules/rule-registry.js';

/**
 * Quick fixes: the rules compute their fixes when they report (diagnostic `data.fixes`), so the
 * editor's light bulb and `journey lint --fix` apply exactly the same edits.
 */
export class JourneyCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as FindingData | undefined;
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
}
