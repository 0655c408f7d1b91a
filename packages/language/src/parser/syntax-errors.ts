import type { IRecognitionException, IToken } from 'chevrotain';
import type { LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { JourneyServices } from '../journey-services.js';
import { BLOCK_WORDS } from './grammar-usage.js';
import { isWord, ruleNameOf, type JourneyParserErrorMessageProvider } from './journey-error-messages.js';

/** A syntax error as the user sees it: where, what, and the keywords a quick fix may put there. */
export interface ReportedSyntaxError {
    range: Range;
    message: string;
    /** Keywords close to a misspelt one (`touchpiont` → `touchpoint`), for the quick fix. */
    keywords: string[];
}

/** Whether the parser had to recover from anything in the document: then no rule speaks about it. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

/**
 * The syntax errors to show for a document: one mistake, one error. After the first error the parser
 * recovers by guessing, and what it reports next is mostly the echo of its guess (one misspelt
 * keyword made ten errors down the file), so only the first mistake is reported, as ESLint reports
 * a fatal parse error; fixing it shows the next. A text whose closing `"` is missing is the mistake
 * when it swallows lines that read like code, whatever the parser stumbles over later.
 */
export function reportedSyntaxErrors(document: LangiumDocument, services: JourneyServices): ReportedSyntaxError[] {
    if (!hasSyntaxErrors(document)) {
        return [];
    }
    const text = document.textDocument.getText();
    const { parseResult } = document;
    const tokens = services.parser.Lexer.tokenize(text).tokens;
    const candidates: Array<ReportedSyntaxError & { offset: number }> = [];
    for (const error of parseResult.lexerErrors) {
        candidates.push({
            offset: error.offset,
            range: { start: document.textDocument.positionAt(error.offset), end: document.textDocument.positionAt(error.offset + error.length) },
            message: error.message,
            keywords: [],
        });
    }
    const first = firstParserError(parseResult.parserErrors, tokens, services);
    if (first) {
        const { error, located } = first;
        candidates.push({
            offset: located.start,
            range: { start: document.textDocument.positionAt(located.start), end: document.textDocument.positionAt(located.end) },
            message: located.message,
            keywords: located.fromProvider ? (services.parser.ParserErrorMessageProvider as JourneyParserErrorMessageProvider).keywordsOffered(error.token) : [],
        });
    }
    const runaway = runawayText(tokens, services);
    if (runaway) {
        candidates.push({
            offset: runaway.startOffset,
            range: { start: document.textDocument.positionAt(runaway.startOffset), end: document.textDocument.positionAt(runaway.startOffset + 1) },
            message: `The text opened here runs on to line ${(runaway.endLine ?? 0)}: is its closing \`"\` missing? `
                + '(A text may span lines, so everything up to the next `"` became part of it.)',
            keywords: [],
        });
    }
    candidates.sort((a, b) => a.offset - b.offset);
    const shown = candidates[0];
    return shown ? [{ range: shown.range, message: shown.message, keywords: shown.keywords }] : [];
}

/**
 * The parser error that is located first. Locating moves an error back by two tokens at most, so in
 * token order the search stops at the first error that cannot come before the best so far: a broken
 * big file may hold thousands of echoes, and only a few are ever located.
 */
function firstParserError(errors: readonly IRecognitionException[], tokens: readonly IToken[], services: JourneyServices):
    { error: IRecognitionException; located: Located } | undefined {
    // A token the recovery made up has no position: such an error is where the token before it is.
    const offsetOf = (error: IRecognitionException): number => {
        const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
        return !Number.isNaN(error.token.startOffset) ? error.token.startOffset
            : previous && !Number.isNaN(previous.startOffset) ? previous.startOffset : Number.POSITIVE_INFINITY;
    };
    let best: { error: IRecognitionException; located: Located } | undefined;
    for (const error of [...errors].sort((a, b) => offsetOf(a) - offsetOf(b))) {
        const offset = offsetOf(error);
        const at = tokens.findIndex(token => token.startOffset >= offset);
        const earliestReach = at === -1 ? Number.POSITIVE_INFINITY : tokens[Math.max(0, at - 2)].startOffset;
        if (best && earliestReach > best.located.start) {
            break;
        }
        const located = locate(error, tokens, services);
        if (located && (!best || located.start < best.located.start)) {
            best = { error, located };
        }
    }
    return best;
}

interface Located {
    start: number;
    end: number;
    message: string;
    /** Set when the range is the token the provider's message is about: its "did you mean" keywords may replace it. */
    fromProvider?: boolean;
}

/**
 * Where a parse error is and what it says. Chevrotain reports at the token where it noticed; the
 * mistake is often just before: a value missing at the end of a line is noticed on the next line,
 * and a keyword on the next line may even have been read as that value (keywords are names too).
 */
function locate(error: IRecognitionException, tokens: readonly IToken[], services: JourneyServices): Located | undefined {
    const usage = services.parser.GrammarUsage;
    const stack = (error.context?.ruleStack ?? []).map(ruleNameOf);
    const rule = stack[stack.length - 1] ?? '';
    const token = error.token;
    const at = Number.isNaN(token.startOffset) || token.tokenType.name === 'EOF' ? tokens.length : tokens.findIndex(t => t.startOffset === token.startOffset);
    const previous = at > 0 ? tokens[at - 1] : undefined;
    const beforePrevious = at > 1 ? tokens[at - 2] : undefined;
    const spanOf = (t: IToken, message: string): Located => ({ start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, message });
    const endOf = (t: IToken, message: string): Located => ({ start: (t.endOffset ?? t.startOffset) + 1, end: (t.endOffset ?? t.startOffset) + 1, message });

    if (token.image === ',' && beforePrevious?.image === 'serves') {
        return spanOf(token, 'One `serves` names one need: write a `serves` line for each need the touchpoint serves.');
    }
    if (previous?.tokenType.name === 'STRING' && previous.endOffset !== undefined && previous.endOffset + 1 === token.startOffset && isWord(token)) {
        return spanOf(token, `A \`"\` inside a text ends it, so the text stops before \`${token.image}\`: write \`\\"\` for a quote inside a text.`);
    }
    const isBlockError = rule in BLOCK_WORDS || rule === 'Model';
    const opener = previous ? lineTokens(tokens, at - 1)[0] : undefined;
    const openerBlock = opener ? Object.keys(BLOCK_WORDS).find(block => usage.firstKeyword(block) === opener.image) : undefined;
    if (isBlockError && previous && opener && openerBlock && isWord(token) && previous.image !== '{' && previous.image !== '}'
        && (previous.endLine ?? 0) < (token.startLine ?? 0) && usage.memberKeywords(openerBlock).includes(token.image) && !usage.memberKeywords(rule).includes(token.image)) {
        // `touchpoint x "…"` with its `{` left out, then the touchpoint's members: the `{` is the mistake.
        return spanOf(previous, `\`${token.image}\` on the next line goes inside ${BLOCK_WORDS[openerBlock]}, but this ${opener.image} has no \`{\`: `
            + 'add `{` at the end of this line.');
    }
    if (isBlockError && previous && beforePrevious && startsLine(previous, tokens, at - 1)
        && beforePrevious.endLine !== undefined && previous.startLine !== undefined && beforePrevious.endLine < previous.startLine
        && usage.memberKeywords(rule).includes(previous.image) && token.tokenType.name !== 'EOF' && !isWord(token)) {
        // `owner` with no team, then `reviewed 2026-11-12`: `reviewed` became the team, and the date is "unexpected".
        const line = lineTokens(tokens, at - 2);
        const member = line[0] && usage.isKeywordOfAnyBlock(line[0].image) ? line[0].image : beforePrevious.image;
        return spanOf(beforePrevious, `This line ends too early: \`${previous.image}\` on the next line was read as the rest of its \`${member}\`.`
            + writtenAsMember(usage, member, rule));
    }
    if (isBlockError && token.tokenType.name === 'EOF') {
        const open = unclosedBlock(tokens);
        if (open) {
            return endOf(previous ?? open.opener, `The file ends inside ${open.opener.image} \`${open.name}\` (opened on line ${(open.opener.startLine ?? 0)}): `
                + 'add the `}` that closes it.');
        }
    }
    const line = previous ? lineTokens(tokens, at - 1) : [];
    const listRule = isBlockError && line[0] ? usage.memberRule(rule, line[0].image) : undefined;
    if (listRule && previous && isWord(token) && isWord(previous) && previous.endLine === token.startLine
        && usage.usageOf(listRule)?.includes(', …')) {
        // `persona dana marco`: the second name reads as an unknown member.
        return spanOf(token, `Is a \`,\` missing between \`${previous.image}\` and \`${token.image}\`? The names of a list are separated by commas.`
            + usage.writtenAs(listRule));
    }
    const message = completed(error, usage, stack);
    if (previous && (token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset))) {
        return endOf(previous, message); // where the file ends: what is missing goes here
    }
    if (!isBlockError && previous && previous.endLine !== undefined && token.startLine !== undefined && previous.endLine < token.startLine) {
        // The value is missing at the end of the previous token's line: say so there.
        return spanOf(previous, message);
    }
    if (!Number.isNaN(token.startOffset) && token.tokenType.name !== 'EOF') {
        // On the token the message is about: the keywords it offered are what a quick fix may put there.
        return { ...spanOf(token, message), fromProvider: true };
    }
    return previous ? spanOf(previous, message) : undefined;
}

function startsLine(token: IToken, tokens: readonly IToken[], index: number): boolean {
    const before = tokens[index - 1];
    return !before || (before.endLine ?? 0) < (token.startLine ?? 0);
}

/** The tokens of the line that token `index` is on, up to it. */
function lineTokens(tokens: readonly IToken[], index: number): IToken[] {
    const line = tokens[index].startLine;
    let first = index;
    while (first > 0 && tokens[first - 1].endLine === line) {
        first--;
    }
    return tokens.slice(first, index + 1);
}

/** " An `owner` line is written `owner TEAM`." for the member of `block` that starts with `keyword`. */
function writtenAsMember(usage: JourneyServices['parser']['GrammarUsage'], keyword: string, block: string): string {
    const member = usage.memberRule(block, keyword);
    return member ? usage.writtenAs(member) : '';
}

/**
 * The provider's message, with how the line is written when the error is inside a rule that only
 * spells a value (a name, `online|offline`): the provider saw only that rule, the stack shows its user.
 */
function completed(error: IRecognitionException, usage: JourneyServices['parser']['GrammarUsage'], stack: readonly string[]): string {
    const innermost = stack[stack.length - 1];
    if (innermost && innermost !== 'Model' && !usage.usageOf(innermost)) {
        const user = [...stack].reverse().find(rule => usage.usageOf(rule));
        return error.message + (user ? usage.writtenAs(user) : '');
    }
    return error.message;
}

/** The innermost block whose `{` is never closed: its keyword token and name. */
function unclosedBlock(tokens: readonly IToken[]): { opener: IToken; name: string } | undefined {
    const open: number[] = [];
    tokens.forEach((token, index) => {
        if (token.image === '{') {
            open.push(index);
        } else if (token.image === '}') {
            open.pop();
        }
    });
    const brace = open[open.length - 1];
    if (brace === undefined) {
        return undefined;
    }
    const line = lineTokens(tokens, brace);
    return line.length >= 2 ? { opener: line[0], name: line[1].image } : undefined;
}

/**
 * The first text that runs over lines reading like code (a `}` alone on a line, or a line that starts
 * with a member keyword and goes on with a name, text or number): a text whose closing `"` is missing.
 */
function runawayText(tokens: readonly IToken[], services: JourneyServices): IToken | undefined {
    const usage = services.parser.GrammarUsage;
    return tokens.find(token => {
        if (token.tokenType.name !== 'STRING' || token.startLine === token.endLine) {
            return false;
        }
        const inner = token.image.slice(1, -1).split(/\r\n|\r|\n/).slice(1);
        return inner.some(line => /^\s*\}\s*$/.test(line) || isMemberLine(line, word => usage.isKeywordOfAnyBlock(word)));
    });
}

function isMemberLine(line: string, isKeyword: (word: string) => boolean): boolean {
    // `thinks ` at the end: the text swallowed up to the opening quote of the next member's text.
    const match = /^\s+([a-z]+)(?:\s*$|\s+(?:[A-Za-z_]\w*\s*(?:$|["{,]|->|-?\d)|-?\d|"))/.exec(line);
    return match !== null && isKeyword(match[1]);
}
