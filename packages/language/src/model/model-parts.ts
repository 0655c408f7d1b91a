import { GrammarUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { NamedRef } from './journey-model.js';

// The small readers every model builder uses: names, labels, texts and ranges read from the AST as
// plain data, whatever error recovery left unset.

/**
 * Name and label of a declaration. Error recovery can leave either unset (`journey renewal {`, a
 * file cut short after `touchpoint quote`), although the AST types say they are strings: the model
 * is plain data with strings everywhere, so a missing name is empty and a missing label is the name.
 */
export function named(node: { name: string; label: string }): NamedRef {
    const name = node.name ?? '';
    return { name, label: node.label ?? name };
}

/** The texts of a list of lines, leaving out a line whose text error recovery did not read. */
export function texts(lines: ReadonlyArray<{ text: string }>): string[] {
    return lines.flatMap(line => line.text === undefined ? [] : [line.text]);
}

export function optionalNamed(node: { name: string; label: string } | undefined): NamedRef | undefined {
    return node ? named(node) : undefined;
}

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function rangeOf(node: AstNode): Range {
    return node.$cstNode?.range ?? EMPTY_RANGE;
}

export function nameRangeOf(node: AstNode): Range {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? rangeOf(node);
}
