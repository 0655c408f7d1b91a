import { AstUtils, GrammarAST, type Grammar } from 'langium';

// What the syntax errors say about the language ("a touchpoint is written `touchpoint NAME "Label" { … }`",
// "a stage takes `phase`, `question`, …") is read from the grammar itself, so it stays true when the
// grammar changes.

/** The blocks whose members start with a keyword, by rule, with the word used in messages. */
export const BLOCK_WORDS: Readonly<Record<string, string>> = {
    Persona: 'a persona',
    Journey: 'a journey',
    Stage: 'a stage',
    Touchpoint: 'a touchpoint',
    Plan: 'a plan',
    ValueGap: 'a value gap',
};

/**
 * The grammar, read for messages: how each rule is written, which keywords start a block's members and
 * a file's declarations. Answers are cached: the grammar does not change while the services live.
 */
export class GrammarUsage {
    private readonly grammar: Grammar;
    private readonly keywordsOfRule = new Map<string, string | undefined>();
    private readonly usages = new Map<string, string | undefined>();
    private readonly members = new Map<string, string[]>();
    private declarations: string[] | undefined;

    constructor(grammar: Grammar) {
        this.grammar = grammar;
    }

    /** The word for what a rule declares, in messages: `a touchpoint`, ``a `kpi` line``. */
    ruleWord(ruleName: string): string {
        const keyword = this.firstKeyword(ruleName) ?? ruleName;
        return BLOCK_WORDS[ruleName] ?? `${/^[aeiou]/i.test(keyword) ? 'an' : 'a'} \`${keyword}\` line`;
    }

    /** The keyword a rule starts with (`touchpoint` for Touchpoint), if it starts with one. */
    firstKeyword(ruleName: string): string | undefined {
        if (!this.keywordsOfRule.has(ruleName)) {
            const rule = this.parserRule(ruleName);
            const first = rule ? AstUtils.streamAllContents(rule.definition).find(GrammarAST.isKeyword) : undefined;
            this.keywordsOfRule.set(ruleName, first?.value);
        }
        return this.keywordsOfRule.get(ruleName);
    }

    /** How a rule is written, e.g. `touchpoint NAME "Label" [{ … }]`, `emotion N ["Label"]`. */
    usageOf(ruleName: string): string | undefined {
        if (!this.usages.has(ruleName)) {
            const rule = this.parserRule(ruleName);
            this.usages.set(ruleName, rule && !rule.dataType && !rule.entry ? print(rule.definition, false) : undefined);
        }
        return this.usages.get(ruleName);
    }

    /** " A touchpoint is written `touchpoint NAME "Label" [{ … }]`.", or nothing for a rule without a usage. */
    writtenAs(ruleName: string): string {
        const usage = this.usageOf(ruleName);
        if (!usage) {
            return '';
        }
        const word = this.ruleWord(ruleName);
        return ` ${word[0].toUpperCase()}${word.slice(1)} is written \`${usage}\`.`;
    }

    /** The keywords that start the members of a block rule, in grammar order. */
    memberKeywords(ruleName: string): string[] {
        let list = this.members.get(ruleName);
        if (!list) {
            list = this.startingKeywords(this.memberCalls(ruleName));
            this.members.set(ruleName, list);
        }
        return list;
    }

    /** The rule of the member of `blockRule` that starts with `keyword` (`Owner` for `owner` in a journey). */
    memberRule(blockRule: string, keyword: string): string | undefined {
        return this.memberCalls(blockRule).map(call => call.rule.ref?.name)
            .find((name): name is string => !!name && this.firstKeyword(name) === keyword);
    }

    private memberCalls(ruleName: string): GrammarAST.RuleCall[] {
        const rule = this.parserRule(ruleName);
        return rule
            ? AstUtils.streamAllContents(rule.definition).filter(GrammarAST.isAssignment)
                .filter(assignment => assignment.operator === '+=')
                .flatMap(assignment => GrammarAST.isAlternatives(assignment.terminal) ? assignment.terminal.elements : [assignment.terminal])
                .filter(GrammarAST.isRuleCall).toArray()
            : [];
    }

    /** The keywords that start a top-level declaration (`team`, `channel`, … `journey`). */
    declarationKeywords(): string[] {
        if (!this.declarations) {
            const rule = this.parserRule('Declaration');
            this.declarations = rule ? this.startingKeywords(AstUtils.streamAllContents(rule.definition).filter(GrammarAST.isRuleCall).toArray()) : [];
        }
        return this.declarations;
    }

    /** The blocks that may be nested, at any depth, inside `ruleName` (a stage and a touchpoint inside a journey). */
    innerBlocks(ruleName: string): string[] {
        const found = new Set<string>();
        const visit = (rule: string): void => {
            for (const inner of Object.keys(BLOCK_WORDS)) {
                const keyword = this.firstKeyword(inner);
                if (!found.has(inner) && keyword && this.memberKeywords(rule).includes(keyword)) {
                    found.add(inner);
                    visit(inner);
                }
            }
        };
        visit(ruleName);
        return [...found];
    }

    /** The blocks (rule names) that take a member starting with `keyword`. */
    blocksTaking(keyword: string): string[] {
        return Object.keys(BLOCK_WORDS).filter(block => this.memberKeywords(block).includes(keyword));
    }

    /** Whether a word starts a declaration or a member of some block. */
    isKeywordOfAnyBlock(word: string): boolean {
        return this.declarationKeywords().includes(word) || this.blocksTaking(word).length > 0;
    }

    private startingKeywords(calls: readonly GrammarAST.RuleCall[]): string[] {
        return [...new Set(calls.map(call => call.rule.ref?.name).filter((name): name is string => !!name)
            .map(name => this.firstKeyword(name)).filter((keyword): keyword is string => !!keyword))];
    }

    private parserRule(name: string): GrammarAST.ParserRule | undefined {
        return this.grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.name === name) as GrammarAST.ParserRule | undefined;
    }
}

const TERMINAL_PLACEHOLDERS: Record<string, string> = {
    ID: 'NAME', Name: 'NAME', QualifiedName: 'NAME', STRING: '"…"', NUMBER: 'N', PERCENT: 'N%', DATE: 'YYYY-MM-DD', Quantity: 'VALUE',
};

function print(element: GrammarAST.AbstractElement, nested: boolean): string {
    const text = printBare(element, nested || element.cardinality !== undefined);
    switch (element.cardinality) {
        case '?': return `[${text}]`;
        case '*': return text.startsWith(', ') ? ', …' : `[${text} …]`;
        case '+': return `${text} …`;
        default: return text;
    }
}

function printBare(element: GrammarAST.AbstractElement, nested: boolean): string {
    if (GrammarAST.isKeyword(element)) {
        return element.value;
    }
    if (GrammarAST.isAssignment(element)) {
        if (GrammarAST.isRuleCall(element.terminal) && element.terminal.rule.ref?.name === 'STRING' && element.feature === 'label') {
            return '"Label"';
        }
        return print(element.terminal, nested);
    }
    if (GrammarAST.isCrossReference(element)) {
        return (element.type.ref?.name ?? 'NAME').toUpperCase();
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (!rule) {
            return 'NAME';
        }
        const placeholder = TERMINAL_PLACEHOLDERS[rule.name];
        if (placeholder) {
            return placeholder;
        }
        // A keyword choice (`online | offline`) is spelt out; another rule is printed in place.
        return GrammarAST.isParserRule(rule) ? print(rule.definition, true) : rule.name;
    }
    if (GrammarAST.isGroup(element)) {
        // A block's members are not spelt out: `{ … }` (the message lists what the block takes).
        const printed: string[] = [];
        let depth = 0;
        for (const part of element.elements.filter(part => !GrammarAST.isAction(part))) {
            const brace = GrammarAST.isKeyword(part) ? part.value : undefined;
            if (brace === '{' && depth++ === 0) {
                printed.push('{ … }');
            } else if (brace === '}') {
                depth--;
            } else if (depth === 0) {
                printed.push(print(part, true));
            }
        }
        return printed.join(' ').replace(/ , /g, ', ');
    }
    if (GrammarAST.isAlternatives(element)) {
        const choices = element.elements.map(choice => print(choice, true));
        const allWords = element.elements.every(choice => GrammarAST.isKeyword(choice));
        const joined = choices.join(allWords ? '|' : ' | ');
        return nested && !allWords ? `(${joined})` : joined;
    }
    return '…';
}
