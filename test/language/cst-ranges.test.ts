// The CST's leaves work out their range from their offset (packages/language/src/parser/journey-parser.ts)
// instead of keeping the lexer's: every leaf's range must be the one the editor computes for the same
// offsets, whatever ends the lines (\n, \r\n, a lone \r), however texts and comments span lines, and
// whatever the characters (surrogate pairs count two UTF-16 units, as in LSP positions).
import { AstUtils, CstUtils, isLeafCstNode, type AstNode, type LangiumDocument } from 'langium';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEAN, buildOne, parse } from './workspace-helper.js';

function expectRangesAsTheEditor(document: LangiumDocument): number {
    let leaves = 0;
    for (const node of CstUtils.streamCst(document.parseResult.value.$cstNode!)) {
        if (!isLeafCstNode(node)) {
            continue;
        }
        leaves++;
        expect(node.range, `${JSON.stringify(node.text)} at ${node.offset}`).toEqual({
            start: document.textDocument.positionAt(node.offset),
            end: document.textDocument.positionAt(node.end),
        });
    }
    return leaves;
}

const lineEnds = ['\n', '\r\n', '\r'] as const;

describe('CST ranges from offsets', () => {
    it.each(lineEnds.map(end => [JSON.stringify(end), end]))('the clean example with %s line ends', async (_name, end) => {
        const { document, diagnostics } = await buildOne(CLEAN.replace(/\n/g, end));
        expect(diagnostics.filter(d => d.code === 'syntax')).toEqual([]);
        expect(expectRangesAsTheEditor(document)).toBeGreaterThan(20);
    });

    it('texts and comments over several lines, and characters outside the BMP', async () => {
        const text = '/* a comment\r\nover 😀 lines\r */ team t "two\nlines 😀\r\nthree" // end 😀\r\nteam u "Ü"\r';
        const { document, diagnostics } = await buildOne(text);
        expect(diagnostics.filter(d => d.code === 'syntax')).toEqual([]);
        expect(expectRangesAsTheEditor(document)).toBe(8);
    });

    it('random declarations, comments and line ends', () => {
        const piece = fc.oneof(
            fc.nat(999).map(i => `team t${i} "Team ${i}"`),
            fc.nat(999).map(i => `channel c${i} "Channel\n${i}" online`),
            fc.constantFrom('// note', '/* a\r\nblock */', '/* 😀 */', ' ', '\t'),
            fc.constantFrom(...lineEnds),
        );
        fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), pieces => {
            expectRangesAsTheEditor(parse(pieces.join(' ')));
        }), { numRuns: 200 });
    });
});

describe('the parsed tree after the parser copies nodes into fast mode', () => {
    it('every node is where its container, its CST node and its references say it is', async () => {
        // The example's touchpoints have more properties than V8 keeps in fast mode: they are the copied ones.
        const { document } = await buildOne(readFileSync(fileURLToPath(new URL('../../examples/spec/renewal.journey', import.meta.url)), 'utf8'));
        let nodes = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            nodes++;
            for (const child of AstUtils.streamContents(node)) {
                expect(child.$container, `${child.$type} in ${node.$type}`).toBe(node);
                const slot = (node as unknown as Record<string, unknown>)[child.$containerProperty!];
                expect(child.$containerIndex === undefined ? slot : (slot as AstNode[])[child.$containerIndex]).toBe(child);
            }
            if (node.$cstNode) {
                expect(node.$cstNode.astNode, node.$type).toBe(node);
            }
            for (const { reference, container } of AstUtils.streamReferences(node)) {
                expect(reference.$refNode?.astNode).toBe(container);
            }
        }
        expect(nodes).toBeGreaterThan(50);
        expect(AstUtils.streamAst(document.parseResult.value).some(node => Object.keys(node).length > 16)).toBe(true);
    });
});
