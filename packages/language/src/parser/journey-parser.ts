import {
    CstNodeBuilder, CstUtils, LeafCstNodeImpl, createLangiumParser,
    type CstNode, type LangiumCoreServices, type LangiumParser, type RootCstNode
} from 'langium';
import type { IToken } from 'chevrotain';

/**
 * Langium's parser (4.1), with the comments of a file put into the CST in time and stack that do not
 * grow with their number:
 *
 * - Langium adds the comments before a token (all of a file's comments when it has no other token)
 *   with `content.push(...nodes)`, `splice(index, 0, ...nodes)` or `unshift(...nodes)`: one argument
 *   per comment, so about 100,000 comment lines in a row overflowed the stack ("Maximum call stack
 *   size exceeded"). {@link JourneyCstNodeBuilder} adds them one at a time, at the same place.
 * - To find that place it looks for each new node in its parent's children from the front; the node
 *   is at the end (it was just made), so a file of 80,000 declarations with a comment before each
 *   took a minute. Here the search starts from the end.
 * - It takes the comments before each token off the front of the file's list of comments
 *   (`splice(0, n)`, which moves all the others each time); here a position in that list moves on.
 *
 * The parser has no service for its CST builder nor for that list: both are private, replaced on the
 * instance below (Langium is pinned; `test/robustness/size.test.ts` fails if they stop being used).
 */
export function createJourneyParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = new JourneyCstNodeBuilder();
    const internals = parser as unknown as LangiumParserInternals;
    internals.nodeBuilder = builder;
    internals.extractHiddenTokens = token => builder.takeHiddenTokens(internals.lexerResult!.hidden, token.startOffset);
    return parser;
}

/** The private members of Langium's `LangiumParser` replaced by {@link createJourneyParser}. */
interface LangiumParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
}

/** Langium's CST builder, adding comments one at a time (see {@link createJourneyParser}). */
export class JourneyCstNodeBuilder extends CstNodeBuilder {
    /** Langium's `rootNode` is private: the root this builder made last. */
    private root: RootCstNode | undefined;
    /** The file's comments (the lexer's hidden tokens) and how many of them are in the CST already. */
    private hidden: IToken[] | undefined;
    private taken = 0;

    override buildRootNode(input: string): RootCstNode {
        this.root = super.buildRootNode(input);
        this.hidden = undefined;
        this.taken = 0;
        return this.root;
    }

    /**
     * The comments not yet taken that start at or before `offset` (those before the token there), as
     * Langium's `extractHiddenTokens`, which splices them off the front of `hidden` instead.
     */
    takeHiddenTokens(hidden: IToken[], offset: number): IToken[] {
        if (hidden !== this.hidden) {
            this.hidden = hidden;
            this.taken = 0;
        }
        const start = this.taken;
        let end = start;
        while (end < hidden.length && hidden[end].startOffset <= offset) {
            end++;
        }
        this.taken = end;
        return start === end ? [] : hidden.slice(start, end);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens === this.hidden) {
            // After the last token Langium passes its whole list, meaning what is left of it.
            tokens = tokens.slice(this.taken);
            this.taken = this.hidden.length;
        }
        if (tokens.length === 0) {
            return;
        }
        const root = this.root!;
        const nodes = tokens.map(token => {
            const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
            leaf.root = root;
            return leaf;
        });
        // Where Langium puts them: at the end of the current node when it has content; else before the
        // first ancestor that is not its parent's first child; else at the start of the file.
        let current: CstNode & { content: CstNode[] } = this.current;
        if (current.content.length > 0) {
            insertAll(current.content, current.content.length, nodes);
            return;
        }
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                insertAll(current.container.content, index, nodes);
                return;
            }
            current = current.container;
        }
        insertAll(root.content, 0, nodes);
    }
}

/**
 * Inserts `nodes` into `content` at `index`, one `push` each (the container's own `push` sets each
 * node's `container`); what follows `index` (mostly nothing, or a node just begun) moves after them.
 */
function insertAll(content: CstNode[], index: number, nodes: readonly CstNode[]): void {
    const after = index < content.length ? content.splice(index, content.length - index) : [];
    for (const node of nodes) {
        content.push(node);
    }
    for (const node of after) {
        content.push(node);
    }
}
