import { AstUtils, GrammarAST, type AstNode, type Grammar, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { closeMatches, formatAlternatives } from '../utils/close-matches.js';

/** The blocks whose members start with a keyword, by AST type, with the word used in messages. */
const BLOCKS: Record<string, string> = {
    Persona: 'a persona',
    Journey: 'a journey',
    Stage: 'a stage',
    Touchpoint: 'a touchpoint',
    Plan: 'a plan',
};

/**
 * Inside a block, a misspelled or misplaced member (`chanel web`, `golas "…"`) leaves the parser
 * expecting the closing `}`: "Expected `}` but found `chanel`" hides that a member was meant. Say what
 * the block takes instead, with the closest keyword; and say that `serves` names one need when a comma
 * follows one. The closest keywords also come back on their own, for the quick fix.
 */
export function misplacedMember(diagnostic: Diagnostic, document: LangiumDocument, grammar: Grammar): { message: string; suggestions: string[] } | undefined {
    const topLevel = /^Expecting token of type 'EOF' but found `([A-Za-z_][A-Za-z0-9_]*)`\.$/.exec(diagnostic.message);
    if (topLevel) {
        return misplacedDeclaration(topLevel[1], grammar);
    }
    const match = /^Expecting token of type '}' but found `([\s\S]*)`\.$/.exec(diagnostic.message);
    if (!match || match[1] === '') {
        return undefined; // the end of the file: the `}` is what is missing
    }
    const found = match[1];
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const text = document.textDocument.getText();
    if (found === ',' && /(^|[^A-Za-z0-9_])serves\s+[A-Za-z0-9_.]+\s*$/.test(stripComments(text.slice(0, offset)))) {
        return { message: 'One `serves` names one need: write a `serves` line for each need the touchpoint serves.', suggestions: [] };
    }
    const block = innermostBlock(document.parseResult.value, offset);
    if (!block) {
        return undefined;
    }
    const members = memberKeywords(grammar, block.$type);
    if (members.length === 0) {
        return undefined;
    }
    const expected = `${BLOCKS[block.$type]} takes ${members.map(m => `\`${m}\``).join(', ')}, or \`}\` to end it`;
    const suggestions = /^[A-Za-z_][A-Za-z0-9_]*$/.test(found) ? closeMatches(found, members) : [];
    const didYouMean = suggestions.length > 0 ? ` Did you mean ${formatAlternatives(suggestions)}?` : '';
    return { message: `Unexpected \`${found}\` here: ${expected}.${didYouMean}`, suggestions };
}

/**
 * At the top level, a word that starts no declaration (`chanel web …`, or a member such as `stage`
 * written outside its journey) leaves the parser expecting the end of the file. Say what a file
 * declares, with the closest keyword.
 */
function misplacedDeclaration(found: string, grammar: Grammar): { message: string; suggestions: string[] } | undefined {
    const declarations = declarationKeywords(grammar);
    if (declarations.length === 0) {
        return undefined;
    }
    const suggestions = closeMatches(found, declarations);
    const didYouMean = suggestions.length > 0 ? ` Did you mean ${formatAlternatives(suggestions)}?` : '';
    return {
        message: `Unexpected \`${found}\` at the top level: a file declares ${declarations.map(d => `\`${d}\``).join(', ')}; `
            + `everything else goes inside one of them (is a \`{\` missing, or a \`}\` one too many?).${didYouMean}`,
        suggestions,
    };
}

/** The keywords that start a top-level declaration (`team`, `channel`, … `journey`), read from the grammar. */
function declarationKeywords(grammar: Grammar): string[] {
    const rule = parserRule(grammar, 'Declaration');
    return rule ? firstKeywords(AstUtils.streamAllContents(rule.definition).filter(GrammarAST.isRuleCall)) : [];
}

function innermostBlock(root: AstNode, offset: number): AstNode | undefined {
    let found: AstNode | undefined;
    for (const node of AstUtils.streamAst(root)) {
        const cst = node.$cstNode;
        if (cst && node.$type in BLOCKS && cst.offset <= offset && offset < cst.end) {
            found = node; // streamAst goes top-down: a later match is nested in an earlier one
        }
    }
    return found;
}

const memberCache = new WeakMap<Grammar, Map<string, string[]>>();

/** The keywords that start the members of a block rule, in grammar order, read from the grammar itself. */
export function memberKeywords(grammar: Grammar, ruleName: string): string[] {
    let cache = memberCache.get(grammar);
    if (!cache) {
        cache = new Map();
        memberCache.set(grammar, cache);
    }
    const cached = cache.get(ruleName);
    if (cached) {
        return cached;
    }
    const rule = parserRule(grammar, ruleName);
    const keywords = rule
        ? firstKeywords(AstUtils.streamAllContents(rule.definition).filter(GrammarAST.isAssignment)
            .filter(assignment => assignment.operator === '+=').map(assignment => assignment.terminal).filter(GrammarAST.isRuleCall))
        : [];
    cache.set(ruleName, keywords);
    return keywords;
}

function parserRule(grammar: Grammar, name: string): GrammarAST.ParserRule | undefined {
    return grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.name === name) as GrammarAST.ParserRule | undefined;
}

/** The keyword each called rule starts with, in grammar order, without repeats. */
function firstKeywords(calls: Iterable<GrammarAST.RuleCall>): string[] {
    const keywords: string[] = [];
    for (const call of calls) {
        const called = call.rule.ref;
        const first = called && GrammarAST.isParserRule(called) ? AstUtils.streamAllContents(called.definition).find(GrammarAST.isKeyword) : undefined;
        if (first && !keywords.includes(first.value)) {
            keywords.push(first.value);
        }
    }
    return keywords;
}

function stripComments(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n\r]*/g, ' ');
}
