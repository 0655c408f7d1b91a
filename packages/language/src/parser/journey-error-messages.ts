import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { JourneyServices } from '../journey-services.js';
import { closeMatches, formatAlternatives, formatList } from '../utils/close-matches.js';
import { BLOCK_WORDS, type GrammarUsage } from './grammar-usage.js';

// The parser's and lexer's messages, in the language of the map: a name, a "quoted text", a number,
// what a block takes and which keyword was probably meant. Chevrotain calls these while it parses;
// the document validator then chooses which of them to show (see syntax-errors.ts).

/** Langium marks its rule names with a zero-width space. */
export function ruleNameOf(name: string): string {
    return name.replace(/\u200B$/, '');
}

const VALUE_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a "quoted text"',
    NUMBER: 'a number',
    PERCENT: 'a percentage such as 5%',
    DATE: 'a date (YYYY-MM-DD)',
    EOF: 'the end of the file',
};

export function describeExpected(type: TokenType): string {
    return VALUE_WORDS[type.name] ?? `\`${type.name}\``;
}

/** What was found, for a message: a word or sign in backticks, a text shortened to its start. */
export function describeFound(token: IToken): string {
    if (token.tokenType.name === 'EOF') {
        return 'the end of the file';
    }
    if (token.tokenType.name === 'STRING') {
        const oneLine = token.image.replace(/\s+/g, ' ');
        return `the text ${oneLine.length > 32 ? `${oneLine.slice(0, 30)}…"` : oneLine}`;
    }
    return `\`${token.image}\``;
}

/** Whether a token is a word (a name or a keyword that reads as one), as opposed to a value or a sign. */
export function isWord(token: IToken): boolean {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(token.image);
}

export class JourneyParserErrorMessageProvider implements IParserErrorMessageProvider {
    private readonly usage: GrammarUsage;
    /** The keywords a message offered for the token it was about ("did you mean"), for the quick fix. */
    private readonly offered = new WeakMap<IToken, string[]>();

    /** The keywords the message about this token offered instead of it (`touchpiont` → `touchpoint`). */
    keywordsOffered(token: IToken): string[] {
        return this.offered.get(token) ?? [];
    }

    /** " Did you mean `a` or `b`?" for the keywords close to the token's text, remembered for the quick fix. */
    private didYouMean(token: IToken, candidates: readonly string[]): string {
        const close = isWord(token) ? closeMatches(token.image, candidates) : [];
        if (close.length === 0) {
            return '';
        }
        this.offered.set(token, close);
        return ` Did you mean ${formatAlternatives(close)}?`;
    }

    constructor(services: JourneyServices) {
        this.usage = services.parser.GrammarUsage;
    }

    buildMismatchTokenMessage({ expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const rule = ruleNameOf(ruleName);
        if (expected.name === 'EOF') {
            return this.buildNotAllInputParsedMessage({ firstRedundant: actual, ruleName });
        }
        if (expected.name === '}' && rule in BLOCK_WORDS) {
            return this.unexpectedInBlock(rule, actual, previous);
        }
        const found = describeFound(actual);
        const didYouMean = /^[a-z-]+$/.test(expected.name) ? this.didYouMean(actual, [expected.name]) : '';
        const quotes = expected.name === 'STRING' && isWord(actual) && actual.startLine === previous.endLine ? ' (texts go in double quotes)' : '';
        return `Expected ${describeExpected(expected)}${quotes} but found ${found}.${didYouMean}${this.usage.writtenAs(rule)}`;
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        const declarations = this.usage.declarationKeywords().map(keyword => `\`${keyword}\``).join(', ');
        if (firstRedundant.image === '}') {
            return 'This `}` closes nothing: it is one too many, or a `{` is missing above it.';
        }
        if (isWord(firstRedundant)) {
            const word = firstRedundant.image;
            const blocks = this.usage.blocksTaking(word);
            if (blocks.length > 0) {
                return `\`${word}\` goes inside ${formatList(blocks.map(block => BLOCK_WORDS[block]))}, not at the top level of a file: `
                    + 'is a `}` above it one too many, or a `{` missing?';
            }
            const didYouMean = this.didYouMean(firstRedundant, this.usage.declarationKeywords())
                || ' If it belongs inside a block, is a `}` above it one too many?';
            return `Unknown declaration \`${word}\`.${didYouMean} A file declares ${declarations}.`;
        }
        return `Unexpected ${describeFound(firstRedundant)} at the top level: a file declares ${declarations}; `
            + 'everything else goes inside one of them.';
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = ruleNameOf(ruleName);
        const first = actual[0];
        const starts = [...new Set(expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0]).filter((type): type is TokenType => !!type)))];
        const keywords = starts.map(type => type.name).filter(name => /^[a-z-]+$/.test(name));
        // Any keyword may be a name: a choice between a name and 70 keywords is "a name".
        const expected = starts.some(type => type.name === 'ID')
            ? 'a name'
            : formatList(inReadingOrder(starts).map(describeExpected), 'or');
        const didYouMean = first && !starts.some(type => type.name === 'ID') ? this.didYouMean(first, keywords) : '';
        return `Expected ${expected} but found ${first ? describeFound(first) : 'the end of the file'}.${didYouMean}${this.usage.writtenAs(rule)}`;
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const starts = [...new Set(expectedIterationPaths.map(path => path[0]).filter((type): type is TokenType => !!type))];
        const first = actual[0];
        return `Expected ${formatList(inReadingOrder(starts).map(describeExpected), 'or')} but found ${first ? describeFound(first) : 'the end of the file'}.${this.usage.writtenAs(ruleNameOf(ruleName))}`;
    }

    /** In a block, the parser expected the closing `}`: something there is not one of the block's members. */
    private unexpectedInBlock(rule: string, actual: IToken, previous: IToken): string {
        const block = BLOCK_WORDS[rule];
        const members = this.usage.memberKeywords(rule);
        const takes = members.length > 0
            ? `${block[0].toUpperCase()}${block.slice(1)} takes ${members.map(member => `\`${member}\``).join(', ')}, or \`}\` to end it.`
            : '';
        if (actual.tokenType.name === 'EOF') {
            return `The file ends inside ${block}: add the \`}\` that closes it.`;
        }
        if (isWord(actual)) {
            const word = actual.image;
            const owners = this.usage.blocksTaking(word).filter(other => other !== rule);
            const inner = owners.filter(owner => this.usage.innerBlocks(rule).includes(owner));
            const the = block.replace(/^an? /, 'the ');
            if (inner.length > 0) {
                // `touchpoint` in a journey: a `}` above closed its stage too early.
                const inside = formatList(inner.map(owner => BLOCK_WORDS[owner]), 'or');
                return `\`${word}\` goes inside ${inside}, but here it is directly in ${block}: put it inside ${inside.replace(/^an? /, 'one ')}, `
                    + `or is a \`}\` above it one too many?`;
            }
            if (owners.length > 0 || this.usage.declarationKeywords().includes(word)) {
                const where = owners.length > 0 ? formatList(owners.map(owner => BLOCK_WORDS[owner]), 'or') : 'the top level of a file';
                return `\`${word}\` does not go inside ${block} (it belongs in ${where}): is the \`}\` that closes ${the} missing above it?`;
            }
            const didYouMean = this.didYouMean(actual, members);
            return `Unknown member \`${word}\` in ${block}.${didYouMean} ${takes}`;
        }
        if (actual.image === ',' && previous.tokenType.name === 'NUMBER' && (previous.endOffset ?? Number.NaN) + 1 === actual.startOffset) {
            return `A number is written with a decimal point: \`${previous.image}.\`, not \`${previous.image},\`.`;
        }
        if (actual.image === ',') {
            return `Unexpected \`,\` in ${block}: a comma separates the names of a list (\`by\`, \`evidence\`, \`persona\`, \`for\`, …), and this line takes one value here.`;
        }
        return `Unexpected ${describeFound(actual)} in ${block}. ${takes}`;
    }
}

export class JourneyLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.slice(startOffset, startOffset + length);
        if (text.startsWith('"')) {
            return 'This text is never closed: add the closing `"`.';
        }
        if (text.startsWith('/*')) {
            return 'This comment is never closed: add `*/` where it ends.';
        }
        if (text.startsWith(':')) {
            return 'A `:` has no meaning here: a member and its value are separated by a space (`emotion -1`, not `emotion: -1`).';
        }
        if (/^[\u201C\u201D\u201E\u00AB\u00BB]/.test(text)) {
            return `Texts go in straight double quotes: write "…", not ${text[0]}…${text[0] === '\u201C' ? '\u201D' : text[0]} (a word processor may have curled them).`;
        }
        if (text.startsWith('%')) {
            return 'A percentage is written right after its number, without a space: `5%`.';
        }
        if (text.startsWith('\'') || /^[\u2018\u2019]/.test(text)) {
            return 'Texts go in double quotes: write "…", not \'…\'.';
        }
        if (text.startsWith('-') && /[A-Za-z0-9_]$/.test(fullText.slice(0, startOffset))) {
            return 'A name cannot contain `-`: names are letters, digits and `_` (`kick_off`, not `kick-off`).';
        }
        const shown = text.length > 10 ? `${text.slice(0, 10)}…` : text;
        return `Unexpected \`${shown}\`: it has no meaning here (texts go in double quotes, comments start with \`//\`).`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected ${describeFound(token)}.`;
    }
}

/** Values before keywords, a number before a percentage: "a number or a percentage such as 5%". */
function inReadingOrder(types: readonly TokenType[]): TokenType[] {
    const rank = (type: TokenType): number => {
        const index = Object.keys(VALUE_WORDS).indexOf(type.name);
        return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    return [...types].sort((a, b) => rank(a) - rank(b));
}

