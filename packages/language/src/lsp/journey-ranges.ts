import { CstUtils, type CstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind, type Position, type Range, type SelectionRange } from 'vscode-languageserver';

/**
 * Folding: every block (persona, journey, stage, touchpoint, valuegap, plan) and every multi-line
 * `/* … *\/` comment, as Langium does, plus runs of two or more `//` lines written on lines of their own
 * (the usual way a file or a section is introduced).
 */
export class JourneyFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectCommentFolding(document: LangiumDocument, node: Parameters<DefaultFoldingRangeProvider['collectCommentFolding']>[1], acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        const root = node.$cstNode;
        if (!root) {
            return;
        }
        const text = document.textDocument.getText();
        let run: CstNode[] = [];
        const flush = (): void => {
            if (run.length >= 2) {
                const first = run[0].range;
                const last = run[run.length - 1].range;
                acceptor(FoldingRange.create(first.start.line, last.end.line, first.start.character, last.end.character, FoldingRangeKind.Comment));
            }
            run = [];
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            const ownLine = leaf.hidden && leaf.tokenType.name === 'SL_COMMENT' && /(^|\n)[ \t\uFEFF]*$/.test(text.slice(Math.max(0, leaf.offset - 200), leaf.offset));
            if (!ownLine) {
                flush();
                continue;
            }
            const previous = run[run.length - 1];
            if (previous && leaf.range.start.line !== previous.range.end.line + 1) {
                flush();
            }
            run.push(leaf);
        }
        flush();
    }
}

/**
 * Selection ranges (expand selection): from the word under the cursor outwards through the CST, e.g.
 * `clear_pricing` → `olivia.clear_pricing` → `serves olivia.clear_pricing` → the touchpoint → the stage
 * → the journey → the file. Nested nodes with the same range count once.
 */
export function selectionRanges(document: LangiumDocument, positions: readonly Position[]): SelectionRange[] {
    const root = document.parseResult.value.$cstNode;
    return positions.map(position => {
        const offset = document.textDocument.offsetAt(position);
        let node: CstNode | undefined = root ? CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset) : undefined;
        const chain: Range[] = [];
        while (node) {
            const range = node.range;
            const last = chain[chain.length - 1];
            if (!last || !sameRange(last, range)) {
                chain.push(range);
            }
            node = node.container;
        }
        if (chain.length === 0) {
            return { range: { start: position, end: position } };
        }
        let selection: SelectionRange | undefined;
        for (let i = chain.length - 1; i >= 0; i--) {
            selection = { range: chain[i], parent: selection };
        }
        return selection!;
    });
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
