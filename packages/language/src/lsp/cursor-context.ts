import { CstUtils, isLeafCstNode, type LangiumDocument } from 'langium';

/**
 * Whether the cursor (`offset`) is inside a comment or a text, where what is typed is prose: completion
 * and signature help stay quiet there. The document's CST (comments are hidden leaves of it) says
 * where the cursor is; the text is not lexed again. A text being typed has no closing quote yet: the
 * lexer reports it as an error that starts at the quote.
 */
export function insideCommentOrString(document: LangiumDocument, offset: number): boolean {
    const text = document.textDocument.getText();
    const root = document.parseResult.value.$cstNode;
    // The leaf that holds the character before the cursor.
    const leaf = root && offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined;
    if (leaf && isLeafCstNode(leaf)) {
        const type = leaf.tokenType.name;
        if (type === 'SL_COMMENT' ? leaf.offset < offset && offset <= leaf.end
            : (type === 'ML_COMMENT' || type === 'STRING') && leaf.offset < offset && offset < leaf.end) {
            return true;
        }
    }
    return document.parseResult.lexerErrors.some(error => text[error.offset] === '"' && error.offset < offset && !/[\r\n]/.test(text.slice(error.offset, offset)));
}
