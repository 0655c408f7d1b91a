import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import { lineEndingOf, lineOfText } from '../utils/text-lines.js';

/**
 * Text edits that look hand-written: members inserted into a `{ … }` block on their own line with the
 * block's indentation (or inline for one-line blocks), the file's own line ends kept.
 */

export function documentText(node: AstNode): string {
    return AstUtils.getDocument(node).textDocument.getText();
}

export function lineEnding(text: string): string {
    return lineEndingOf(text);
}

function lineAt(text: string, line: number): string {
    return lineOfText(text, line);
}

function indentationOf(text: string, line: number): string {
    return /^[ \t]*/.exec(lineAt(text, line))![0];
}

/** The file's indentation unit: the first indented line's leading whitespace, or four spaces. */
export function indentUnit(text: string): string {
    const match = /^(?:\r?\n)*[^\s].*\r?\n([ \t]+)\S/m.exec(text);
    return match ? match[1] : '    ';
}

/** Inserts member lines at the end of a block node (before its closing brace). */
export function insertIntoBlock(block: AstNode, memberLines: readonly string[]): TextEdit | undefined {
    const close = closingBrace(block);
    const open = block.$cstNode;
    if (!close || !open) {
        return undefined;
    }
    const text = documentText(block);
    const eol = lineEnding(text);
    const blockIndent = indentationOf(text, open.range.start.line);
    const closeLine = lineAt(text, close.range.start.line);
    const braceOnItsOwnLine = closeLine.slice(0, close.range.start.character).trim() === '';
    if (braceOnItsOwnLine && close.range.start.line > open.range.start.line) {
        const indent = blockIndent + indentUnit(text);
        const inserted = memberLines.map(line => (line ? indent + line : line) + eol).join('');
        const at: Position = { line: close.range.start.line, character: 0 };
        return { range: { start: at, end: at }, newText: inserted };
    }
    if (memberLines.length === 1) {
        // A one-line block stays on one line: `{ channel phone serves fast_setup }`.
        const before = closeLine.slice(0, close.range.start.character);
        const spacer = before.endsWith(' ') ? '' : ' ';
        return { range: { start: close.range.start, end: close.range.start }, newText: `${spacer}${memberLines[0]} ` };
    }
    const indent = blockIndent + indentUnit(text);
    const inserted = eol + memberLines.map(line => (line ? indent + line : line)).join(eol) + eol + blockIndent;
    return { range: { start: close.range.start, end: close.range.start }, newText: inserted };
}

/** Inserts lines right after a member node, at the member's indentation. */
export function insertAfter(node: AstNode, lines: readonly string[]): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    const text = documentText(node);
    const eol = lineEnding(text);
    const indent = indentationOf(text, cst.range.start.line);
    const at = cst.range.end;
    return { range: { start: at, end: at }, newText: lines.map(line => eol + (line ? indent + line : line)).join('') };
}

export function replaceRange(range: Range, newText: string): TextEdit {
    return { range, newText };
}

/** The range of a property's text (`name`, `value`, a reference). */
export function propertyRange(node: AstNode, property: string, index?: number): Range | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property, index)?.range;
}

function closingBrace(block: AstNode): CstNode | undefined {
    const braces = GrammarUtils.findNodesForKeyword(block.$cstNode, '}');
    return braces[braces.length - 1];
}
