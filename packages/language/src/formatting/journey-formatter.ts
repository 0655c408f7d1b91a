import {
    CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumCoreServices, type LangiumDocument, type MaybePromise
} from 'langium';
import type { Formatter } from 'langium/lsp';
import type { IToken } from 'chevrotain';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, Range,
    TextEdit
} from 'vscode-languageserver';
import { isModel, isOpportunity, isPain, isTouchpoint, isValueGap, isValueGapRow } from '../generated/ast.js';
import { opportunityOwnerIsTouchpoints, painEvidenceClause, painEvidenceIsTouchpoints } from '../model/journey-facts.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import { astNodesOf } from '../utils/ast-walk.js';

/**
 * The canonical layout of a .journey file, written as a pretty printer over the token stream.
 *
 * Why tokens and not Langium's AbstractFormatter: the AbstractFormatter edits the whitespace around
 * nodes it is told about and leaves everything else, including comments, wherever they fall; our
 * layout has to decide for every gap (including those next to comments) and has rules that depend on
 * the source itself (a touchpoint stays on one line only if it was, a trailing comment keeps its
 * column). Walking the lexer's tokens, comments included, and asking the CST only which token starts
 * a member or opens a block makes the output a function of the token sequence: it cannot lose a
 * comment, and it cannot change meaning, because the only thing it ever changes is whitespace between
 * tokens. Both are checked on every run: the output is lexed again and must hold the same tokens.
 *
 * The layout:
 * - 4 spaces per nesting level; every member of a block (persona, journey, stage, touchpoint, plan,
 *   valuegap row) on a line of its own; clauses (`at`, `severity`, `evidence` of a pain, `owner` of an
 *   opportunity, competitor scores of a value-gap row, flow steps) stay on their member's line, except
 *   a pain's `evidence` or an opportunity's `owner` that starts a later line in a touchpoint, which is
 *   the touchpoint's (see journey-facts.ts) and stays on a line of its own;
 * - a touchpoint block written on one line stays on one line if it fits in 120 columns;
 * - blank lines between members are kept, several collapsed to one, none after `{` or before `}`;
 * - comments are kept verbatim: a comment on its own line stays on its own line (indented with the
 *   code that follows), a trailing comment stays at the end of its line, at the column it had relative
 *   to the line's indentation (so aligned comments stay aligned), at least one space after the code;
 * - single spaces between tokens, none before `,`, none around the `.` of `persona.need`;
 * - no trailing whitespace, exactly one final line end, the file's own line ends (LF or CRLF), a byte
 *   order mark kept.
 */

export interface JourneyFormatOptions {
    /** Line end of the output; the document's own (first line end found) by default. */
    eol?: '\n' | '\r\n';
    /** Touchpoint blocks written on one line stay on one line up to this width. */
    maxOneLineWidth?: number;
}

const INDENT = '    ';
const DEFAULT_ONE_LINE_WIDTH = 120;
const BOM = '\uFEFF';

/** Containers whose contents are members, one per line. */
const BLOCK_TYPES = new Set(['Model', 'Persona', 'Journey', 'Stage', 'Touchpoint', 'Plan']);

/** A document cannot be formatted: it has syntax errors. */
export class JourneyFormatError extends Error {}

type Lexer = LangiumCoreServices['parser']['Lexer'];

/**
 * The formatted text of a parsed document. Throws JourneyFormatError when the document has lexer or
 * parser errors: a file that does not parse is never reformatted.
 */
export function formatJourneyDocument(services: LangiumCoreServices, document: LangiumDocument, options: JourneyFormatOptions = {}): string {
    if (hasSyntaxErrors(document)) {
        throw new JourneyFormatError('the file has syntax errors');
    }
    return new JourneyPrinter(document, services.parser.Lexer, options).print();
}

/**
 * Minimal edits that turn the document's text into its formatted text: one edit per gap between two
 * tokens whose whitespace changes. None for a document with syntax errors. With `range`, only the
 * edits inside it.
 */
export function formattingEdits(services: LangiumCoreServices, document: LangiumDocument, options: JourneyFormatOptions = {}, range?: Range): TextEdit[] {
    let formatted: string;
    try {
        formatted = formatJourneyDocument(services, document, options);
    } catch (error) {
        if (error instanceof JourneyFormatError) {
            return [];
        }
        throw error;
    }
    const original = document.textDocument.getText();
    if (formatted === original) {
        return [];
    }
    const lexer = services.parser.Lexer;
    const before = allTokens(lexer, original);
    const after = allTokens(lexer, formatted);
    const edits: TextEdit[] = [];
    const textDocument = document.textDocument;
    let previousBefore = 0;
    let previousAfter = 0;
    for (let i = 0; i <= before.length; i++) {
        const startBefore = i < before.length ? before[i].startOffset : original.length;
        const startAfter = i < after.length ? after[i].startOffset : formatted.length;
        const gapBefore = original.slice(previousBefore, startBefore);
        const gapAfter = formatted.slice(previousAfter, startAfter);
        if (gapBefore !== gapAfter) {
            edits.push({ range: { start: textDocument.positionAt(previousBefore), end: textDocument.positionAt(startBefore) }, newText: gapAfter });
        }
        if (i < before.length) {
            previousBefore = startBefore + tokenText(before[i]).length;
            previousAfter = startAfter + tokenText(after[i]).length;
        }
    }
    // A gap's edit starts at the end of the line before; narrowed to what changes, a selected line's
    // indentation is inside the selection.
    return range ? edits.map(edit => narrowed(textDocument, edit)).filter(edit => within(edit.range, range)) : edits;
}

/** The edit without the text it keeps at its start and end. */
function narrowed(textDocument: LangiumDocument['textDocument'], edit: TextEdit): TextEdit {
    const old = textDocument.getText(edit.range);
    let start = 0;
    while (start < old.length && start < edit.newText.length && old[start] === edit.newText[start]) {
        start++;
    }
    let end = 0;
    while (end < old.length - start && end < edit.newText.length - start && old[old.length - 1 - end] === edit.newText[edit.newText.length - 1 - end]) {
        end++;
    }
    const offset = textDocument.offsetAt(edit.range.start);
    return {
        range: { start: textDocument.positionAt(offset + start), end: textDocument.positionAt(offset + old.length - end) },
        newText: edit.newText.slice(start, edit.newText.length - end),
    };
}

/** The Formatter service: document and range formatting with the canonical layout. */
export class JourneyFormatter implements Formatter {
    constructor(private readonly services: LangiumCoreServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return formattingEdits(this.services, document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return formattingEdits(this.services, document, {}, params.range);
    }

    /** Typing the `}` that closes a block puts that line where the canonical layout has it. */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        const { line, character } = params.position;
        return formattingEdits(this.services, document, {}, { start: { line, character: 0 }, end: { line, character } });
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return { firstTriggerCharacter: '}' };
    }
}

/** Every token of a text, comments included, in order. */
function allTokens(lexer: Lexer, text: string): IToken[] {
    const result = lexer.tokenize(text);
    return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
}

/** A token's text as the formatter writes it: line comments lose trailing whitespace. */
function tokenText(token: IToken): string {
    return token.tokenType.name === 'SL_COMMENT' ? token.image.trimEnd() : token.image;
}

function within(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

interface Block {
    node: AstNode;
    oneLine: boolean;
}

class JourneyPrinter {
    private readonly text: string;
    private readonly eol: string;
    private readonly maxWidth: number;
    /** First token offset of every member → the member. */
    private readonly memberStarts = new Set<number>();
    /** Offsets of `{` and `}` tokens → the block node. */
    private readonly opens = new Map<number, AstNode>();
    private readonly closes = new Map<number, AstNode>();
    private readonly closeOf = new Map<AstNode, number>();
    /** Offsets of the `.` of a qualified name. */
    private readonly qualifiedDots = new Set<number>();
    private readonly tokens: IToken[];
    /** For each token, the first token after it that is not a comment (see codeAfter). */
    private nextCode: Array<IToken | undefined> | undefined;
    /** The last line start found (see lineStartOf). */
    private lineSearch = { offset: 0, lineStart: 0 };

    constructor(private readonly document: LangiumDocument, private readonly lexer: Lexer, options: JourneyFormatOptions) {
        const raw = document.textDocument.getText();
        this.text = raw;
        this.eol = options.eol ?? (/\r\n/.test(raw) ? '\r\n' : '\n');
        this.maxWidth = options.maxOneLineWidth ?? DEFAULT_ONE_LINE_WIDTH;
        this.tokens = allTokens(lexer, raw);
        this.analyse();
    }

    print(): string {
        // Touchpoints written on one line stay so unless they do not fit; those are laid out again as blocks.
        let oneLine = this.oneLineCandidates();
        for (;;) {
            const { text, tooWide } = this.render(oneLine);
            if (tooWide.size === 0) {
                this.check(text);
                return (this.text.startsWith(BOM) ? BOM : '') + text;
            }
            oneLine = new Set([...oneLine].filter(node => !tooWide.has(node)));
        }
    }

    private analyse(): void {
        const root = this.document.parseResult.value.$cstNode;
        if (!root) {
            return;
        }
        for (const node of astNodesOf(this.document.parseResult.value)) {
            const container = node.$container;
            const isMember = container !== undefined && (BLOCK_TYPES.has(container.$type) || (isValueGap(container) && isValueGapRow(node)));
            if (isMember && node.$cstNode && !isModel(node)) {
                const first = firstLeaf(node.$cstNode);
                if (first) {
                    this.memberStarts.add(first.offset);
                }
            }
            // A pain's `evidence` or an opportunity's `owner` on a later line in a touchpoint is the
            // touchpoint's (journey-facts.ts): it keeps a line of its own, as a member.
            const movedClause = isPain(node) && painEvidenceIsTouchpoints(node) ? painEvidenceClause(node)
                : isOpportunity(node) && opportunityOwnerIsTouchpoints(node) ? node.owner?.$cstNode : undefined;
            if (movedClause) {
                this.memberStarts.add(movedClause.offset);
            }
            if (BLOCK_TYPES.has(node.$type) || isValueGap(node)) {
                const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
                const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
                if (open && close) {
                    this.opens.set(open.offset, node);
                    this.closes.set(close.offset, node);
                    this.closeOf.set(node, close.offset);
                }
            }
        }
        for (const leaf of CstUtils.flattenCst(root)) {
            if (!leaf.hidden && leaf.text === '.') {
                this.qualifiedDots.add(leaf.offset);
            }
        }
    }

    private oneLineCandidates(): Set<AstNode> {
        const candidates = new Set<AstNode>();
        for (const [openOffset, node] of this.opens) {
            if (!isTouchpoint(node)) {
                continue;
            }
            const closeOffset = this.closeOf.get(node);
            if (closeOffset !== undefined && !/[\r\n]/.test(this.text.slice(openOffset, closeOffset))) {
                candidates.add(node);
            }
        }
        return candidates;
    }

    private render(oneLine: ReadonlySet<AstNode>): { text: string; tooWide: Set<AstNode> } {
        const out = new LineWriter();
        const tooWide = new Set<AstNode>();
        const blocks: Block[] = [];
        let depth = 0;
        /**
         * What the next token must do: nothing special, start a line at the block's indentation (after
         * `{`), or go on a new line, as a continuation if it is not a member (after a comment that ends a line).
         */
        let pendingBreak: 'none' | 'block' | 'comment' = 'none';
        /** The current line holds only a `/* … *\/` comment written before code: the code follows it. */
        let leadComment = false;
        let previousEnd = 0;
        let previous: IToken | undefined;
        let oneLineStart: { node: AstNode; line: number } | undefined;
        /** The first token on the source line being read (a token spanning lines counts for the line it ends on). */
        let sourceLineFirst = 0;

        for (let i = 0; i < this.tokens.length; i++) {
            const token = this.tokens[i];
            const image = tokenText(token);
            const gap = this.text.slice(previousEnd, token.startOffset);
            const blank = previous !== undefined && newlines(gap) >= 2 && pendingBreak !== 'block';
            if (previous === undefined || /[\r\n]/.test(gap)) {
                sourceLineFirst = token.startOffset;
            }
            const inOneLine = blocks.length > 0 && blocks[blocks.length - 1].oneLine;

            if (isComment(token)) {
                const ownLine = previous === undefined || /[\r\n]/.test(gap);
                const next = this.tokens[i + 1];
                const endsLine = next === undefined || /[\r\n]/.test(this.text.slice(endOf(token), next.startOffset));
                if (ownLine) {
                    this.startLine(out, blank);
                    out.write(indent(this.commentDepth(i, depth, pendingBreak)) + image, token.startOffset);
                    leadComment = !endsLine;
                } else if (endsLine) {
                    const column = out.firstToken === sourceLineFirst
                        ? this.trailingColumn(token, out.currentIndent())
                        : out.column() + gap.length;
                    out.write(' '.repeat(Math.max(1, column - out.column())) + image, token.startOffset);
                } else {
                    out.write(' ' + image, token.startOffset);
                }
                if (endsLine || token.tokenType.name === 'SL_COMMENT') {
                    pendingBreak = pendingBreak === 'block' ? 'block' : 'comment';
                }
                previous = token;
                previousEnd = endOf(token);
                if (/[\r\n]/.test(image)) {
                    sourceLineFirst = token.startOffset;
                }
                continue;
            }

            const closing = this.closes.get(token.startOffset);
            const opening = this.opens.get(token.startOffset);
            const block = closing ? blocks[blocks.length - 1] : undefined;
            if (block && !block.oneLine) {
                depth--;
            }
            if (leadComment) {
                out.write(' ' + image, token.startOffset);
            } else if (closing) {
                const emptyBlock = previous !== undefined && this.opens.get(previous.startOffset) === closing;
                if (block?.oneLine || (emptyBlock && pendingBreak === 'block')) {
                    out.write(emptyBlock ? '}' : ' }', token.startOffset);
                } else {
                    this.startLine(out, false);
                    out.write(indent(depth) + image, token.startOffset);
                }
            } else if (this.memberStarts.has(token.startOffset) && previous !== undefined) {
                if (inOneLine && pendingBreak === 'none') {
                    out.write(' ' + image, token.startOffset);
                } else {
                    this.startLine(out, blank);
                    out.write(indent(depth) + image, token.startOffset);
                }
            } else if (pendingBreak !== 'none') {
                this.startLine(out, false);
                out.write(indent(pendingBreak === 'comment' ? depth + 1 : depth) + image, token.startOffset);
            } else if (out.atLineStart()) {
                out.write(indent(depth) + image, token.startOffset);
            } else {
                const glue = image === ',' || this.qualifiedDots.has(token.startOffset)
                    || (previous !== undefined && this.qualifiedDots.has(previous.startOffset));
                out.write((glue ? '' : ' ') + image, token.startOffset);
            }
            leadComment = false;
            pendingBreak = 'none';

            if (closing) {
                blocks.pop();
                if (block?.oneLine && oneLineStart?.node === closing) {
                    if (out.lineCount() !== oneLineStart.line || out.column() > this.maxWidth) {
                        tooWide.add(closing);
                    }
                    oneLineStart = undefined;
                }
            }
            if (opening) {
                const isOneLine = oneLine.has(opening);
                blocks.push({ node: opening, oneLine: isOneLine });
                if (isOneLine) {
                    oneLineStart = { node: opening, line: out.lineCount() };
                } else {
                    depth++;
                    pendingBreak = 'block';
                }
            }
            previous = token;
            previousEnd = endOf(token);
            if (/[\r\n]/.test(image)) {
                sourceLineFirst = token.startOffset;
            }
        }
        return { text: out.finish(this.eol), tooWide };
    }

    /** Ends the current line (if any) and maybe leaves one blank line. */
    private startLine(out: LineWriter, blank: boolean): void {
        if (!out.atLineStart()) {
            out.newline();
        }
        if (blank) {
            out.blank();
        }
    }

    /**
     * A comment on its own line is indented like the code after it: the block's members, or one level
     * more when it sits inside a member that continues after it.
     */
    private commentDepth(index: number, depth: number, pendingBreak: 'none' | 'block' | 'comment'): number {
        const next = this.codeAfter(index);
        if (!next || pendingBreak === 'block' || this.memberStarts.has(next.startOffset) || this.closes.has(next.startOffset)) {
            return depth;
        }
        return depth + 1;
    }

    /**
     * The first token after `tokens[index]` that is not a comment. Found for all tokens at once, from the
     * end: looking ahead from each comment of a run of comments took time quadratic in its length.
     */
    private codeAfter(index: number): IToken | undefined {
        if (!this.nextCode) {
            this.nextCode = new Array<IToken | undefined>(this.tokens.length);
            let next: IToken | undefined;
            for (let i = this.tokens.length - 1; i >= 0; i--) {
                this.nextCode[i] = next;
                if (!isComment(this.tokens[i])) {
                    next = this.tokens[i];
                }
            }
        }
        return this.nextCode[index];
    }

    /**
     * Where the line holding `offset` starts in the source. Asked in token order, so the search goes on
     * from the last answer: searching back from each token of a 5 MB line took time quadratic in its length.
     */
    private lineStartOf(offset: number): number {
        if (offset < this.lineSearch.offset) {
            this.lineSearch = { offset: 0, lineStart: 0 };
        }
        let { lineStart } = this.lineSearch;
        for (let i = this.lineSearch.offset; i < offset; i++) {
            if (this.text.charCodeAt(i) === 10) { // \n
                lineStart = i + 1;
            }
        }
        this.lineSearch = { offset, lineStart };
        return lineStart;
    }

    /**
     * Where a trailing comment goes: the column it had relative to its line's indentation in the source,
     * moved with the indentation, so comments aligned in a column stay aligned.
     */
    private trailingColumn(token: IToken, newIndent: number): number {
        const lineStart = this.lineStartOf(token.startOffset);
        const line = this.text.slice(lineStart, token.startOffset);
        const oldIndent = /^[ \t\uFEFF]*/.exec(line)![0].length;
        return line.length - oldIndent + newIndent;
    }

    /** The guarantee: the output holds exactly the input's tokens and comments, in order. */
    private check(output: string): void {
        const before = this.tokens.map(token => `${token.tokenType.name}:${tokenText(token)}`);
        const after = allTokens(this.lexer, output).map(token => `${token.tokenType.name}:${tokenText(token)}`);
        const index = before.findIndex((token, i) => token !== after[i]);
        if (index >= 0 || before.length !== after.length) {
            throw new Error(`journey formatter: the layout would change the tokens of ${this.document.uri.toString()} `
                + `(token ${index}: ${before[index]} became ${after[index]}); the file is left alone.`);
        }
    }
}

/** Collects output lines; text may hold line breaks of its own (multi-line strings and comments). */
class LineWriter {
    private readonly lines: string[] = [];
    private current = '';
    /** Line breaks in `lines`, counting those inside tokens. */
    private breaks = 0;

    atLineStart(): boolean {
        return this.current === '';
    }

    /** Source offset of the first token on the line being written (or of the token the line starts inside). */
    firstToken = -1;

    write(text: string, tokenOffset: number): void {
        if (this.current === '' || /[\r\n]/.test(text)) {
            this.firstToken = tokenOffset;
        }
        this.current += text;
    }

    newline(): void {
        const line = this.current.replace(/[ \t]+$/, '');
        this.lines.push(line);
        this.breaks += 1 + newlines(line);
        this.current = '';
    }

    /** A blank line before the next line, never two, never at the start. */
    blank(): void {
        if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '' && this.current === '') {
            this.lines.push('');
            this.breaks += 1;
        }
    }

    /** Column of the end of the current line (after its last line break, if a token spans lines). */
    column(): number {
        return this.current.length - lastBreak(this.current) - 1;
    }

    currentIndent(): number {
        return /^[ \t]*/.exec(this.current.slice(lastBreak(this.current) + 1))![0].length;
    }

    /** The number of the line being written. */
    lineCount(): number {
        return this.breaks + newlines(this.current);
    }

    finish(eol: string): string {
        if (this.current !== '') {
            this.newline();
        }
        while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') {
            this.lines.pop();
        }
        return this.lines.length === 0 ? '' : this.lines.join(eol) + eol;
    }
}

function lastBreak(text: string): number {
    return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
}

/** The offset after a token. */
function endOf(token: IToken): number {
    return token.startOffset + token.image.length;
}

function isComment(token: IToken): boolean {
    return token.tokenType.name === 'SL_COMMENT' || token.tokenType.name === 'ML_COMMENT';
}

function newlines(text: string): number {
    return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function indent(depth: number): string {
    return INDENT.repeat(depth);
}

function firstLeaf(node: CstNode): CstNode | undefined {
    return CstUtils.flattenCst(node).find(leaf => !leaf.hidden);
}
