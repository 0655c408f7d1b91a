import {
    CstNodeBuilder, LeafCstNodeImpl, isAstNode, isCompositeCstNode, createLangiumParser,
    type AstNode, type CstNode, type GrammarAST, type ParseResult, type ParserOptions, type LangiumCoreServices, type LangiumParser, type RootCstNode
} from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Position, Range } from 'vscode-languageserver-types';

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
 * - Each leaf of the CST keeps its offset and length and works out its range when asked
 *   ({@link JourneyLeafCstNode}): Langium's leaf holds three objects for it (a range and two
 *   positions), half of what a parsed file weighs.
 * - The AST's lists and the CST's lists of children are copied to their exact size: the parser grows
 *   them one push at a time, which leaves room for 16 more in each (a fifth of a parsed file's weight).
 *   The copies of the children are plain arrays: nothing adds children after the parse, and Langium's
 *   list (which sets each child's `container` as it is pushed) holds its parent out of the object.
 * - A node with many properties is copied into V8's fast mode ({@link compactAst}).
 * - After a parse it lets go of the file's tokens (Langium's parser holds them until the next parse:
 *   a 5 MB file's tokens are 60 MB).
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
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        try {
            const result = parse<T>(input, options);
            compactAst(result.value);
            if (result.value.$cstNode) {
                compactCst(result.value.$cstNode);
            }
            return result;
        } finally {
            internals.wrapper.input = [];
            builder.forgetTokens();
        }
    };
    return parser;
}

/** The private members of Langium's `LangiumParser` replaced by {@link createJourneyParser}. */
interface LangiumParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    /** Chevrotain's parser, holding the tokens of the last parse as its input. */
    wrapper: { input: IToken[] };
}

/**
 * After the parse, in one loop over the tree (no recursion, no Langium streams):
 * - each list in the AST is replaced by a copy of its exact size (see {@link createJourneyParser});
 * - a node with many properties is replaced by a copy in V8's fast mode. The parser adds properties by
 *   computed name (`node[feature] = value`), and V8 keeps an object that gets more than about 16 that
 *   way in dictionary mode: a touchpoint weighed ~1 KB and was slow to walk. A spread copies them by
 *   name. Whatever pointed to the node is pointed to the copy: its container's property, its
 *   children's `$container`, its CST node (through which its references find it).
 */
function compactAst(root: AstNode): void {
    const pending: AstNode[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
        const keys = Object.keys(node);
        // A copy's children still name the node it replaced as their container.
        const copied = node !== root && keys.length > FAST_PROPERTIES;
        if (copied) {
            node = fastCopy(node);
        }
        const properties = node as unknown as Record<string, unknown>;
        for (const key of keys) {
            const value = properties[key];
            if (key.charCodeAt(0) === 36 /* $ */ || typeof value !== 'object' || value === null) {
                continue;
            }
            if (Array.isArray(value)) {
                if (value.length === 0) {
                    continue;
                }
                properties[key] = value.slice();
                for (const item of value) {
                    if (isAstNode(item)) {
                        if (copied) {
                            (item as { $container: AstNode }).$container = node;
                        }
                        pending.push(item);
                    }
                }
            } else if (isAstNode(value)) {
                if (copied) {
                    (value as { $container: AstNode }).$container = node;
                }
                pending.push(value);
            }
        }
    }
}

/** Properties a node may have before V8 would keep it in dictionary mode (12 out of the object, 4 in it). */
const FAST_PROPERTIES = 16;

/** A copy of `node` in fast mode, put where `node` was in its container and in the CST (see {@link compactAst}). */
function fastCopy(node: AstNode): AstNode {
    const copy = { ...node };
    const container = node.$container as unknown as Record<string, unknown> | undefined;
    if (container && node.$containerProperty) {
        const slot = container[node.$containerProperty];
        if (Array.isArray(slot) && node.$containerIndex !== undefined) {
            slot[node.$containerIndex] = copy;
        } else {
            container[node.$containerProperty] = copy;
        }
    }
    if (node.$cstNode) {
        (node.$cstNode as { astNode: AstNode }).astNode = copy;
    }
    return copy;
}

/**
 * Replaces each CST node's list of children by a plain array of its exact size (see
 * {@link createJourneyParser}); a loop over the tree, without recursion.
 */
function compactCst(root: CstNode): void {
    const pending: CstNode[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
        if (!isCompositeCstNode(node)) {
            continue;
        }
        const children = node.content;
        const exact = new Array<CstNode>(children.length);
        for (let i = 0; i < children.length; i++) {
            exact[i] = children[i];
            pending.push(children[i]);
        }
        (node as { content: CstNode[] }).content = exact;
    }
}

/**
 * A CST leaf without a range object: its range is worked out from its offset when asked, with the
 * line starts of its file (found once per file, 4 bytes a line). Positions count lines and UTF-16
 * units as the lexer and the editor do (`\n`, `\r\n` and a lone `\r` end a line).
 */
export class JourneyLeafCstNode extends LeafCstNodeImpl {
    constructor(offset: number, length: number, tokenType: TokenType, hidden: boolean) {
        // `| 0` keeps the numbers small integers: a field that once held NaN is stored boxed in every leaf.
        super(offset | 0, length | 0, undefined as unknown as Range, tokenType, hidden);
    }

    override get range(): Range {
        const lines = lineStartsOf(this.root);
        return { start: positionIn(lines, this.offset), end: positionIn(lines, this.end) };
    }
}

const lineStarts = new WeakMap<RootCstNode, Uint32Array>();

/** The offsets at which the lines of a file's text start. */
function lineStartsOf(root: RootCstNode): Uint32Array {
    let starts = lineStarts.get(root);
    if (!starts) {
        const text = root.fullText;
        const found = [0];
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === 13 /* \r */) {
                if (text.charCodeAt(i + 1) === 10) {
                    i++;
                }
                found.push(i + 1);
            } else if (code === 10 /* \n */) {
                found.push(i + 1);
            }
        }
        starts = Uint32Array.from(found);
        lineStarts.set(root, starts);
    }
    return starts;
}

function positionIn(lines: Uint32Array, offset: number): Position {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (lines[middle] <= offset) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return { line: low, character: offset - lines[low] };
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
        this.forgetTokens();
        return this.root;
    }

    /** Drops the file's comment tokens (they are in the CST now). */
    forgetTokens(): void {
        this.hidden = undefined;
        this.taken = 0;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        const leaf = new JourneyLeafCstNode(token.startOffset, token.image.length, token.tokenType, !feature);
        leaf.grammarSource = feature;
        leaf.root = this.root!;
        this.current.content.push(leaf);
        return leaf;
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
            const leaf = new JourneyLeafCstNode(token.startOffset, token.image.length, token.tokenType, true);
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
