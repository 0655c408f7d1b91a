/**
 * A Mermaid `journey` diagram read exactly as Mermaid reads it, with line numbers of the text given.
 *
 * Mermaid (12.x) prepares the text (`preprocessDiagram`: line ends, front matter, `%%{…}%%` directives,
 * `%%` comment lines, entity codes), picks the diagram type (`/^\s*journey/`) and runs the Jison parser of
 * `packages/mermaid/src/diagrams/user-journey/parser/journey.jison` with `journeyDb.js` behind it. This file
 * does the same steps in the same order with the same regular expressions, keeping a map from every
 * character back to the line it came from, so that an error names the line the user wrote, and so that
 * comments, which Mermaid throws away, are kept.
 */
import { pushAll } from './push-all.js';

export interface MermaidTask {
    /** The task name as Mermaid stores it (untrimmed; entity codes as written). */
    name: string;
    /** `Number()` of the text between the first and the second colon, as Mermaid computes it. */
    score: number;
    scoreText: string;
    /** Mermaid's `people`: the text after the second colon split at commas, each trimmed. */
    actors: string[];
    /** Text after a third colon, which Mermaid ignores. */
    ignored?: string;
    line: number;
}

export interface MermaidSection {
    /** The section title as Mermaid stores it; `''` for the tasks before any `section` line. */
    title: string;
    line: number;
    tasks: MermaidTask[];
}

export interface MermaidComment {
    text: string;
    line: number;
    kind: 'comment' | 'directive' | 'front-matter';
}

export interface MermaidJourney {
    title?: { text: string; line: number };
    accTitle?: { text: string; line: number };
    accDescription?: { text: string; line: number };
    sections: MermaidSection[];
    comments: MermaidComment[];
    /** The line of the `journey` keyword. */
    line: number;
}

/** A line Mermaid would reject. `line` is 1-based, counted in the text given to the parser. */
export class MermaidSyntaxError extends Error {
    constructor(message: string, readonly line: number) {
        super(message);
        this.name = 'MermaidSyntaxError';
    }
}

/**
 * Parses one Mermaid diagram that must be a `journey`. `firstLine` is the line number of the text's
 * first line (for a block inside a Markdown file). Throws `MermaidSyntaxError` where Mermaid would fail,
 * and also for what a journey cannot hold (a score outside 1..5).
 */
export function parseMermaidJourney(source: string, firstLine = 1): MermaidJourney {
    const prepared = prepare(source);
    const lineOf = (index: number): number => prepared.lineAt(index) + firstLine - 1;
    const journey: MermaidJourney = { sections: [], comments: prepared.comments.map(c => ({ ...c, line: c.line + firstLine - 1 })), line: firstLine };
    if (prepared.frontMatterTitle !== undefined) {
        journey.title = { text: prepared.frontMatterTitle, line: firstLine };
    }
    if (!/^\s*journey/.test(prepared.detectionText)) {
        const first = /\S+/.exec(prepared.detectionText);
        if (!first) {
            throw new MermaidSyntaxError('the diagram is empty: a Mermaid journey diagram starts with the word `journey`', firstLine);
        }
        const start = prepared.text.indexOf(first[0]);
        const line = start >= 0 ? lineOf(start) : firstLine;
        const type = first[0].replace(/[^\w-].*$/, '');
        throw new MermaidSyntaxError(type !== ''
            ? `this is a Mermaid \`${type}\` diagram, not a \`journey\` diagram: the first word must be \`journey\``
            : `the diagram starts with \`${first[0].slice(0, 20)}\`, not \`journey\`: a Mermaid journey diagram starts with the word \`journey\``, line);
    }

    const tokens = lex(prepared.text);
    tokens.forEach(token => {
        if (token.comment !== undefined) {
            journey.comments.push({ text: token.comment, line: lineOf(token.start), kind: 'comment' });
        }
    });
    journey.comments.sort((a, b) => a.line - b.line);
    const significant = tokens.filter(token => token.type !== 'skip');
    let section: MermaidSection | undefined;
    let position = 0;
    const next = (): Token => significant[position++] ?? END;
    const describe = (token: Token): string => token.type === 'NEWLINE' ? 'the end of the line' : token.type === 'EOF' || token.type === '$end'
        ? 'the end of the diagram' : `\`${restore(token.text).trim()}\``;

    const first = next();
    if (first.type !== 'journey') {
        throw new MermaidSyntaxError(`expected \`journey\`, found ${describe(first)}`, lineOf(first.start));
    }
    journey.line = lineOf(first.start);
    for (;;) {
        const token = next();
        const line = lineOf(token.start);
        switch (token.type) {
            case 'NEWLINE':
                continue;
            case 'EOF':
                if (next().type !== '$end') {
                    throw new MermaidSyntaxError('unexpected text after the end of the diagram', line);
                }
                return journey;
            case '$end':
                throw new MermaidSyntaxError('`accDescr {` is never closed with `}`', line);
            case 'title':
                journey.title = { text: restore(token.text.substring(6)), line };
                continue;
            case 'acc_title':
                journey.accTitle = { text: restore(next().text.trim()), line };
                continue;
            case 'acc_descr':
                journey.accDescription = { text: description(next().text), line };
                continue;
            case 'acc_descr_multiline_value':
                journey.accDescription = { text: description(token.text), line };
                continue;
            case 'section':
                section = { title: restore(token.text.substring(8)), line, tasks: [] };
                journey.sections.push(section);
                continue;
            case 'taskName': {
                const data = next();
                const name = restore(token.text);
                if (data.type !== 'taskData') {
                    const found = data.type === ':' ? 'nothing after its colon' : data.type === 'NEWLINE' || data.type === 'EOF' ? 'no colon'
                        : `\`${data.text}\` after its name`;
                    throw new MermaidSyntaxError(
                        `\`${name.trim()}\` is not a task (${found}): write a task as \`Task name: score: actor, actor\`, with a score from 1 to 5`, line);
                }
                if (!section) {
                    section = { title: '', line, tasks: [] };
                    journey.sections.push(section);
                }
                section.tasks.push(task(name, restore(data.text), line));
                continue;
            }
            case 'taskData': {
                const previous = significant[position - 2];
                if (previous?.type === 'section' && lineOf(previous.start) === line) {
                    throw new MermaidSyntaxError('a section title cannot contain `:`', line);
                }
                throw new MermaidSyntaxError(`\`${restore(token.text).trim()}\` has no task name before its colon`, line);
            }
            case ':':
                throw new MermaidSyntaxError('a colon with nothing after it: write a task as `Task name: score: actor, actor`', line);
            case 'journey':
                throw new MermaidSyntaxError(
                    '`journey` may only start the diagram (a task name cannot begin with the word "journey": write its first letter as an entity code, `#74;ourney`)', line);
            default:
                throw new MermaidSyntaxError(`Mermaid does not accept ${describe(token)} here`, line);
        }
    }
}

/** Mermaid's `setAccDescription`: trimmed, and the indentation of following lines dropped. */
function description(text: string): string {
    return restore(text.trim()).replace(/\n\s+/g, '\n');
}

/** Whether Mermaid would take the text for a `journey` diagram (its detector, after its preprocessing). */
export function isMermaidJourney(source: string): boolean {
    return /^\s*journey/.test(prepare(source).detectionText);
}

function task(name: string, data: string, line: number): MermaidTask {
    // journeyDb.addTask: the data without its colon, split at colons; the score is Number() of the first piece.
    const pieces = data.substring(1).split(':');
    const score = Number(pieces[0]);
    const actors = pieces.length === 1 ? [] : pieces[1].split(',').map(actor => actor.trim());
    if (!Number.isFinite(score) || score < 1 || score > 5) {
        throw new MermaidSyntaxError(
            `task \`${name.trim()}\` has the score \`${pieces[0].trim()}\`: a journey score is a number from 1 (very negative) to 5 (very positive)`, line);
    }
    return {
        name, score, scoreText: pieces[0].trim(), actors, line,
        ...(pieces.length > 2 ? { ignored: pieces.slice(2).join(':') } : {}),
    };
}

// ---- Preparing the text as Mermaid's preprocessDiagram does -------------------------------------

interface Prepared {
    /** What the Jison parser gets: entities encoded, a final newline added. */
    text: string;
    /** What the diagram type is detected on. */
    detectionText: string;
    /** 1-based line (of the source) of a character of `text`. */
    lineAt(index: number): number;
    comments: MermaidComment[];
    frontMatterTitle?: string;
}

/** A string and, for each character, the index in the source it came from. */
class MappedText {
    constructor(readonly text: string, readonly origin: number[]) {}

    static of(text: string): MappedText {
        return new MappedText(text, Array.from({ length: text.length + 1 }, (_, i) => i));
    }

    replace(pattern: RegExp, replacer: (match: RegExpExecArray) => string): MappedText {
        let text = '';
        const origin: number[] = [];
        let last = 0;
        for (const match of this.text.matchAll(pattern)) {
            const start = match.index;
            text += this.text.slice(last, start);
            pushAll(origin, this.origin.slice(last, start));
            const replacement = replacer(match as RegExpExecArray);
            text += replacement;
            for (let i = 0; i < replacement.length; i++) {
                origin.push(this.origin[replacement.length === match[0].length ? start + i : start]);
            }
            last = start + match[0].length;
        }
        text += this.text.slice(last);
        pushAll(origin, this.origin.slice(last));
        return new MappedText(text, origin);
    }

    slice(start: number): MappedText {
        return new MappedText(this.text.slice(start), this.origin.slice(start));
    }
}

/** Mermaid's `directiveRegex`. */
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;

function prepare(source: string): Prepared {
    // cleanupText: line ends, then quotes inside HTML tags.
    const normalized = source.replace(/\r\n?/g, '\n');
    const lineStarts = [0];
    for (let i = 0; i < normalized.length; i++) {
        if (normalized[i] === '\n') {
            lineStarts.push(i + 1);
        }
    }
    const sourceLine = (offset: number): number => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    };
    const comments: MermaidComment[] = [];
    let text = MappedText.of(normalized).replace(/<(\w+)([^>]*)>/g, match => `<${match[1]}${match[2].replace(/="([^"]*)"/g, "='$1'")}>`);

    // Front matter: kept as comments; its `title` is the diagram's title unless a `title` line follows.
    let frontMatterTitle: string | undefined;
    const frontMatter = matchFrontMatter(text.text);
    if (frontMatter) {
        const lines = text.text.slice(0, frontMatter.length).replace(/\n$/, '').split('\n');
        const firstLine = sourceLine(text.origin[0]);
        lines.forEach((line, index) => comments.push({ text: line, line: firstLine + index, kind: 'front-matter' }));
        frontMatterTitle = frontMatterTitleOf(frontMatter.body, frontMatter.indent);
        text = text.slice(frontMatter.length);
    }

    // Directives (`%%{init: …}%%`) configure rendering: kept as comments.
    text = text.replace(DIRECTIVE, match => {
        comments.push({ text: match[0], line: sourceLine(text.origin[match.index]), kind: 'directive' });
        return '';
    });

    // cleanupComments: whole `%%` lines go, with the blank lines before them; then leading whitespace.
    text = text.replace(/^\s*%%(?!{)[^\n]+\n?/gm, match => {
        const marker = match.index + match[0].indexOf('%%');
        comments.push({ text: match[0].slice(match[0].indexOf('%%') + 2).trim(), line: sourceLine(text.origin[marker]), kind: 'comment' });
        return '';
    });
    const leading = /^\s*/.exec(text.text)![0].length;
    text = text.slice(leading);

    const detectionText = stripAnyComments(text.text.replace(DIRECTIVE, ''));

    // encodeEntities, then the final newline Diagram.fromText adds.
    text = text
        .replace(/style.*:\S*#.*;/g, match => match[0].substring(0, match[0].length - 1))
        .replace(/classDef.*:\S*#.*;/g, match => match[0].substring(0, match[0].length - 1))
        .replace(/#\w+;/g, match => {
            const inner = match[0].substring(1, match[0].length - 1);
            return /^\+?\d+$/.test(inner) ? `\uFB02\u00B0\u00B0${inner}\u00B6\u00DF` : `\uFB02\u00B0${inner}\u00B6\u00DF`;
        });
    const end = text.origin[text.text.length] ?? normalized.length;
    const origin = [...text.origin.slice(0, text.text.length), end, end];
    return {
        text: `${text.text}\n`,
        detectionText,
        lineAt: index => sourceLine(origin[Math.min(index, origin.length - 1)]),
        comments,
        frontMatterTitle,
    };
}

/** Mermaid's entity placeholders back to the codes the user wrote. */
function restore(text: string): string {
    return text.replace(/\uFB02\u00B0\u00B0/g, '#').replace(/\uFB02\u00B0/g, '#').replace(/\u00B6\u00DF/g, ';');
}

/** Mermaid's `stripAnyComments` (used to detect the diagram type). */
function stripAnyComments(text: string): string {
    let out = '';
    let consumed = 0;
    let searchFrom = 0;
    while (searchFrom < text.length) {
        const marker = text.indexOf('%%', searchFrom);
        if (marker === -1) {
            break;
        }
        const lineEnd = text.indexOf('\n', marker);
        if (lineEnd === -1) {
            break;
        }
        let start = marker;
        while (start > consumed && /\s/.test(text[start - 1])) {
            start--;
        }
        out += `${text.slice(consumed, start)}\n`;
        consumed = lineEnd + 1;
        searchFrom = consumed;
    }
    return out + text.slice(consumed);
}

/** Mermaid's `matchFrontMatter`. */
function matchFrontMatter(text: string): { indent: string; body: string; length: number } | undefined {
    const isLineBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
    const isWhitespace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
    let cursor = 0;
    while (cursor < text.length && isWhitespace(text[cursor]) && !isLineBreak(text[cursor])) {
        cursor++;
    }
    const indent = text.slice(0, cursor);
    if (!text.startsWith('---', cursor)) {
        return undefined;
    }
    const openingEnds: number[] = [];
    for (let i = cursor + 3; i < text.length && isWhitespace(text[i]); i++) {
        if (isLineBreak(text[i])) {
            openingEnds.push(i);
        }
    }
    if (openingEnds.length === 0) {
        return undefined;
    }
    const lastLineBreakInWhitespaceRun = (from: number): number => {
        let index = -1;
        for (let i = from; i < text.length && isWhitespace(text[i]); i++) {
            if (isLineBreak(text[i])) {
                index = i;
            }
        }
        return index;
    };
    const closingFence = `${indent}---`;
    const closingEnd = (i: number): number => isLineBreak(text[i]) && text.startsWith(closingFence, i + 1)
        ? lastLineBreakInWhitespaceRun(i + 1 + closingFence.length) : -1;
    let lastClosingFence = -1;
    for (let i = openingEnds[0] + 1; i < text.length; i++) {
        if (closingEnd(i) !== -1) {
            lastClosingFence = i;
        }
    }
    if (lastClosingFence === -1) {
        return undefined;
    }
    let openingEnd = openingEnds[0];
    for (const candidate of openingEnds) {
        if (candidate < lastClosingFence) {
            openingEnd = candidate;
        }
    }
    const bodyStart = openingEnd + 1;
    for (let i = bodyStart; i <= lastClosingFence; i++) {
        const matchEnd = closingEnd(i);
        if (matchEnd !== -1) {
            return { indent, body: text.slice(bodyStart, i), length: matchEnd + 1 };
        }
    }
    return undefined;
}

/** The `title:` of YAML front matter, for the plain and quoted scalars people write there. */
function frontMatterTitleOf(body: string, indent: string): string | undefined {
    for (const raw of body.split('\n')) {
        const line = raw.startsWith(indent) ? raw.slice(indent.length) : raw;
        const match = /^title:\s*(.*?)\s*$/.exec(line);
        if (match) {
            const value = match[1].replace(/\s+#.*$/, '');
            if (/^"(.*)"$/.test(value)) {
                try {
                    return String(JSON.parse(value));
                } catch {
                    return value.slice(1, -1);
                }
            }
            return /^'(.*)'$/.test(value) ? value.slice(1, -1).replace(/''/g, "'") : value;
        }
    }
    return undefined;
}

// ---- The lexer of journey.jison, rule by rule ------------------------------------------------------

type TokenType = 'skip' | 'NEWLINE' | 'journey' | 'title' | 'acc_title' | 'acc_title_value' | 'acc_descr' | 'acc_descr_value'
    | 'acc_descr_multiline_value' | 'section' | 'taskName' | 'taskData' | ':' | 'EOF' | 'INVALID' | '$end';

interface Token {
    type: TokenType;
    text: string;
    start: number;
    /** For skipped comments: the comment's text. */
    comment?: string;
}

const END: Token = { type: '$end', text: '', start: Number.MAX_SAFE_INTEGER };

type State = 'INITIAL' | 'acc_title' | 'acc_descr' | 'acc_descr_multiline';

interface Rule {
    pattern: RegExp;
    /** The token, `skip` for text the lexer drops; `push`/`pop` change the state. */
    type: TokenType | 'comment' | 'none';
    push?: State;
    pop?: boolean;
}

// The rules of journey.jison in its order; Jison (without `flex`) takes the first rule that matches.
const rule = (source: string, type: Rule['type'], extra: Partial<Rule> = {}): Rule => ({ pattern: new RegExp(source, 'iy'), type, ...extra });
const RULES: Record<State, Rule[]> = {
    INITIAL: [
        rule('%(?!\\{)[^\\n]*', 'comment'),
        rule('[^\\}]%%[^\\n]*', 'comment'),
        rule('[\\n]+', 'NEWLINE'),
        rule('\\s+', 'skip'),
        rule('#[^\\n]*', 'comment'),
        rule('journey\\b', 'journey'),
        rule('title\\s[^#\\n;]+', 'title'),
        rule('accTitle\\s*:\\s*', 'acc_title', { push: 'acc_title' }),
        rule('accDescr\\s*:\\s*', 'acc_descr', { push: 'acc_descr' }),
        rule('accDescr\\s*\\{\\s*', 'none', { push: 'acc_descr_multiline' }),
        rule('section\\s[^#:\\n;]+', 'section'),
        rule('[^#:\\n;]+', 'taskName'),
        rule(':[^#\\n;]+', 'taskData'),
        rule(':', ':'),
        rule('$', 'EOF'),
        rule('.', 'INVALID'),
    ],
    acc_title: [rule('(?!\\n||)*[^\\n]*', 'acc_title_value', { pop: true })],
    acc_descr: [rule('(?!\\n||)*[^\\n]*', 'acc_descr_value', { pop: true })],
    acc_descr_multiline: [rule('[\\}]', 'none', { pop: true }), rule('[^\\}]*', 'acc_descr_multiline_value')],
};

function lex(input: string): Token[] {
    const tokens: Token[] = [];
    const states: State[] = ['INITIAL'];
    let position = 0;
    let done = false;
    for (;;) {
        // Jison's `next()`: once the input is used up, the following call ends the stream.
        if (done) {
            return tokens;
        }
        if (position >= input.length) {
            done = true;
        }
        let matched: { rule: Rule; text: string } | undefined;
        for (const candidate of RULES[states[states.length - 1]]) {
            candidate.pattern.lastIndex = position;
            const match = candidate.pattern.exec(input);
            if (match) {
                matched = { rule: candidate, text: match[0] };
                break;
            }
        }
        if (!matched) {
            // Every state has a rule for any text; only the end of input can get here.
            return tokens;
        }
        const { rule: found, text } = matched;
        const start = position;
        position += text.length;
        if (found.push) {
            states.push(found.push);
        }
        if (found.pop) {
            states.pop();
        }
        if (found.type === 'comment') {
            const marker = text.indexOf('%');
            tokens.push({ type: 'skip', text, start, comment: (text.startsWith('#') ? text.slice(1) : text.slice(marker).replace(/^%+/, '')).trim() });
        } else if (found.type === 'skip' || found.type === 'none') {
            // Whitespace, and the lexer's state changes, are not tokens.
        } else {
            tokens.push({ type: found.type, text, start });
        }
        if (done && found.type === 'EOF') {
            tokens.push(END);
            return tokens;
        }
    }
}
