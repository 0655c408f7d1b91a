import { CstUtils, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver';

const DIRECTIVE = /^\/\/\s*journey-disable-next-line\b(.*)$/;

/** `// journey-disable-next-line RULE[, RULE]`: silences those rules on the line after the comment. */
export interface Suppression {
    /** The whole comment. */
    range: Range;
    /** 0-based line whose diagnostics are silenced. */
    targetLine: number;
    /** The rule ids as written, each with its range inside the comment. No ids means every rule. */
    rules: Array<{ id: string; range: Range }>;
}

/** The suppression comments of a document, read from the comments the parser kept in the CST. */
export function findSuppressions(root: CstNode | undefined): Suppression[] {
    const suppressions: Suppression[] = [];
    if (!root) {
        return suppressions;
    }
    for (const node of CstUtils.streamCst(root)) {
        if (!node.hidden || !node.text.startsWith('//')) {
            continue;
        }
        const match = DIRECTIVE.exec(node.text);
        if (!match) {
            continue;
        }
        const { line, character } = node.range.start;
        const listStart = node.text.length - match[1].length;
        const rules: Suppression['rules'] = [];
        // Rule ids, separated by commas or spaces; `--` starts a free-text reason (as in ESLint).
        const list = match[1].split(/\s--\s/)[0];
        for (const id of list.matchAll(/[A-Za-z0-9_-]+/g)) {
            const start = character + listStart + id.index!;
            rules.push({ id: id[0], range: { start: { line, character: start }, end: { line, character: start + id[0].length } } });
        }
        suppressions.push({ range: node.range, targetLine: line + 1, rules });
    }
    return suppressions;
}
