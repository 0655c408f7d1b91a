// The TextMate grammar (syntaxes/journey.tmLanguage.json) is what colours a .journey file when the
// language server is off. These tests tokenize for real, with vscode-textmate and the oniguruma wasm
// that VS Code itself uses, and assert the scopes a theme sees.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const grammarPath = join(root, 'syntaxes', 'journey.tmLanguage.json');

let grammar: IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text),
        }),
        loadGrammar: async (scopeName: string) =>
            scopeName === 'source.journey' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    const loaded = await registry.loadGrammar('source.journey');
    if (!loaded) throw new Error('source.journey did not load');
    grammar = loaded;
});

interface Token {
    text: string;
    scopes: string[];
    line: number;
}

/** Tokenizes `source` line by line (LF or CRLF), carrying the rule stack across lines. */
function tokenize(source: string): { tokens: Token[]; lineEnds: StateStack[] } {
    const tokens: Token[] = [];
    const lineEnds: StateStack[] = [];
    let stack: StateStack = textmate.INITIAL;
    source.split(/\r?\n/).forEach((line, index) => {
        const result = grammar.tokenizeLine(line, stack);
        for (const token of result.tokens) {
            tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes, line: index });
        }
        stack = result.ruleStack;
        lineEnds.push(stack);
    });
    return { tokens, lineEnds };
}

/** The scopes of the (first) token whose text is exactly `text`, optionally the n-th such token. */
function scopesOf(source: string, text: string, occurrence = 0): string[] {
    const found = tokenize(source).tokens.filter((token) => token.text === text);
    const token = found[occurrence];
    if (!token) {
        const seen = tokenize(source).tokens.map((t) => JSON.stringify(t.text)).join(' ');
        throw new Error(`no token ${JSON.stringify(text)} (#${occurrence}) in: ${seen}`);
    }
    return token.scopes;
}

/** True when one of `scopes` is `prefix` or starts with `prefix.` (TextMate's own selector matching). */
function has(scopes: string[], prefix: string): boolean {
    return scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

function expectScope(scopes: string[], prefix: string): void {
    expect(scopes, `expected a ${prefix} scope`).toSatisfy((s: string[]) => has(s, prefix));
}

function expectNoScope(scopes: string[], prefix: string): void {
    expect(scopes, `expected no ${prefix} scope`).toSatisfy((s: string[]) => !has(s, prefix));
}

/** The scopes in force at the start of the line after `stack`: tokenizing an empty line shows them. */
function scopesAfter(stack: StateStack): string[] {
    return grammar.tokenizeLine('', stack).tokens[0]?.scopes ?? [];
}

function journeyFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return journeyFiles(path);
        return entry.isFile() && entry.name.endsWith('.journey') ? [path] : [];
    });
}

/**
 * An independent reading of the same text with the parser's terminals (journey.langium): for each line,
 * whether its end lies inside a string or a block comment. The TextMate state must agree with it.
 */
function openAtLineEnds(source: string): Array<'string' | 'comment' | null> {
    const text = source.replace(/\r\n/g, '\n');
    const lexer = /(\/\*[\s\S]*?\*\/)|(\/\/[^\n\r]*)|("(?:\\[\s\S]|[^"\\])*")|[\s\S]/gy;
    const open: Array<'string' | 'comment' | null> = [];
    const mark = (start: number, end: number, kind: 'string' | 'comment'): void => {
        for (let i = start; i < end; i++) {
            if (text[i] === '\n') open[text.slice(0, i).split('\n').length - 1] = kind;
        }
    };
    for (let match = lexer.exec(text); match; match = lexer.exec(text)) {
        if (match[1]) mark(match.index, lexer.lastIndex, 'comment');
        if (match[3]) mark(match.index, lexer.lastIndex, 'string');
    }
    return text.split('\n').map((_, line) => open[line] ?? null);
}

/** The keywords the parser accepts as names (the `Name` rule of journey.langium). */
function nameKeywords(): string[] {
    const langium = readFileSync(join(root, 'packages', 'language', 'src', 'journey.langium'), 'utf8');
    const rule = /^Name returns string:([\s\S]*?);/m.exec(langium);
    if (!rule?.[1]) throw new Error('no Name rule in journey.langium');
    return [...rule[1].matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
}

/** What the TextMate state says is open at the end of each line. */
function grammarOpenAtLineEnds(lineEnds: StateStack[]): Array<'string' | 'comment' | null> {
    return lineEnds.map((stack) => {
        const scopes = scopesAfter(stack);
        if (has(scopes, 'string')) return 'string';
        return has(scopes, 'comment') ? 'comment' : null;
    });
}

describe('the grammar file', () => {
    it('is JSON with the source.journey scope and the .journey file type', () => {
        const raw = JSON.parse(readFileSync(grammarPath, 'utf8')) as { scopeName?: string; fileTypes?: string[] };
        expect(raw.scopeName).toBe('source.journey');
        expect(raw.fileTypes).toContain('journey');
    });
});

describe('comments', () => {
    it('scopes a line comment, also after code', () => {
        expectScope(scopesOf('// a note', ' a note'), 'comment.line.double-slash');
        const source = 'owner sales   // who answers';
        expectScope(scopesOf(source, ' who answers'), 'comment.line.double-slash');
        expectScope(scopesOf(source, '//'), 'punctuation.definition.comment');
        expectNoScope(scopesOf(source, 'sales'), 'comment');
    });

    it('scopes a block comment spanning lines and resumes code after it', () => {
        const source = '/* first\n   stage x "X" */ team t "T"';
        expectScope(scopesOf(source, ' first'), 'comment.block');
        expectScope(scopesOf(source, '   stage x "X" '), 'comment.block');
        expectScope(scopesOf(source, '*/'), 'punctuation.definition.comment.end');
        expectScope(scopesOf(source, 'team'), 'storage.type');
        expectNoScope(scopesOf(source, 'team'), 'comment');
    });

    it('does not start a comment inside a string', () => {
        const scopes = scopesOf('thinks "see http://example.com /* not */"', 'see http://example.com /* not */');
        expectScope(scopes, 'string.quoted.double');
        expectNoScope(scopes, 'comment');
    });
});

describe('strings', () => {
    it('scopes the escapes and spans two lines', () => {
        const source = 'action "She says \\"no\\" \\\\ then\nleaves\\n" thinks "x"';
        const { tokens, lineEnds } = tokenize(source);
        const escapes = tokens.filter((token) => has(token.scopes, 'constant.character.escape')).map((t) => t.text);
        expect(escapes).toEqual(['\\"', '\\"', '\\\\', '\\n']);
        expectScope(scopesOf(source, 'leaves'), 'string.quoted.double');
        expect(tokens.find((t) => t.text === 'leaves')?.line).toBe(1);
        expectScope(scopesAfter(lineEnds[0]!), 'string.quoted.double');
        // The string closes on the second line: what follows is code again.
        expectScope(scopesOf(source, 'thinks'), 'keyword');
        expectNoScope(scopesOf(source, 'thinks'), 'string');
    });

    it('does not end a string on an escaped quote', () => {
        const source = 'goal "a \\" b" // after';
        expectScope(scopesOf(source, ' b'), 'string.quoted.double');
        expectScope(scopesOf(source, ' after'), 'comment.line');
    });
});

describe('numbers and dates', () => {
    it('scopes a date, and not as a number minus a number', () => {
        const source = 'reviewed 2026-11-01 every 30 days';
        const date = scopesOf(source, '2026-11-01');
        expect(date.some((s) => s.startsWith('constant.numeric.date') || s.startsWith('constant.other.date'))).toBe(true);
        expectScope(scopesOf(source, '30'), 'constant.numeric');
        expectScope(scopesOf(source, 'days'), 'keyword');
    });

    it('scopes a percentage, the % included', () => {
        const source = 'kpi conversion 3.1% target 5% source tickets';
        const tokens = tokenize(source).tokens.filter((t) => has(t.scopes, 'constant.numeric.percentage'));
        expect(tokens.map((t) => t.text).join('')).toBe('3.1%5%');
        expectScope(scopesOf(source, 'target'), 'keyword');
    });

    it('scopes signed decimals', () => {
        const source = 'metric nps "NPS" scale -100 to 3.5';
        expectScope(scopesOf(source, '-100'), 'constant.numeric');
        expectScope(scopesOf(source, '3.5'), 'constant.numeric');
        expectScope(scopesOf(source, 'scale'), 'keyword');
        expectScope(scopesOf(source, 'to'), 'keyword');
    });

    it('leaves digits inside names alone', () => {
        expectNoScope(scopesOf('evidence survey_q3', 'survey_q3'), 'constant');
    });
});

describe('emotion values', () => {
    it('gives the number after emotion a scope of its own, by sign', () => {
        expectScope(scopesOf('emotion -2 "Frustrated"', '-2'), 'constant.numeric.emotion.negative');
        expectScope(scopesOf('emotion +3', '+3'), 'constant.numeric.emotion.positive');
        expectScope(scopesOf('emotion 1', '1'), 'constant.numeric.emotion.positive');
        expectScope(scopesOf('emotion 0', '0'), 'constant.numeric.emotion.neutral');
        expectScope(scopesOf('emotion -2 "Frustrated"', 'emotion'), 'keyword');
        // Other numbers are plain numbers.
        const severity = scopesOf('severity 4', '4');
        expectScope(severity, 'constant.numeric');
        expectNoScope(severity, 'constant.numeric.emotion');
    });

    it('finds the emotion in a one-line touchpoint', () => {
        const source = 'touchpoint kickoff "Kick-off" { channel phone owner success emotion 1 serves fast_setup }';
        expectScope(scopesOf(source, '1'), 'constant.numeric.emotion');
        expectScope(scopesOf(source, 'fast_setup'), 'variable');
    });
});

describe('declarations and names', () => {
    it('scopes a declaration keyword and the name after it', () => {
        const source = 'team marketing "Marketing"';
        expectScope(scopesOf(source, 'team'), 'storage.type');
        expectScope(scopesOf(source, 'marketing'), 'entity.name.type');
    });

    it('scopes a stage named purchase as a name, and the phase purchase as a value', () => {
        const source = 'stage purchase "Purchase" {\n    phase purchase\n}';
        expectScope(scopesOf(source, 'stage'), 'storage.type');
        const name = scopesOf(source, 'purchase', 0);
        expectScope(name, 'entity.name.type');
        expectNoScope(name, 'constant.language');
        expectNoScope(name, 'keyword');
        expectScope(scopesOf(source, 'purchase', 1), 'constant.language');
        expectScope(scopesOf(source, '{'), 'punctuation.section.block.begin');
        expectScope(scopesOf(source, '}'), 'punctuation.section.block.end');
    });

    it('scopes every keyword the parser accepts as a name as a name after each declaration keyword', () => {
        const keywords = nameKeywords();
        expect(keywords.length).toBeGreaterThan(60);
        const declarations = ['team', 'channel', 'metric', 'competitor', 'source', 'persona', 'journey', 'stage',
            'touchpoint', 'pain', 'opportunity', 'plan', 'need'];
        const wrong: string[] = [];
        for (const declaration of declarations) {
            for (const keyword of keywords) {
                const { tokens } = tokenize(`${declaration} ${keyword} "Label"`);
                const [first, second] = tokens.filter((t) => t.text.trim() !== '');
                if (!first || first.text !== declaration || !has(first.scopes, 'storage.type')
                    || !second || second.text !== keyword || !has(second.scopes, 'entity.name.type')) {
                    wrong.push(`${declaration} ${keyword}`);
                }
            }
        }
        expect(wrong).toEqual([]);
    });

    it('scopes references after member keywords as names, even when they are keywords', () => {
        const cases: Array<[string, string]> = [
            ['owner purchase', 'purchase'],
            ['channel email', 'email'],
            ['at trigger severity 4', 'trigger'],
            ['serves olivia.clear_pricing', 'clear_pricing'],
            ['prefers web, online', 'online'],
            ['state future of current', 'current'],
            ['kpi conversion 3.1% source survey', 'survey'],
        ];
        for (const [source, name] of cases) {
            const scopes = scopesOf(source, name);
            expectScope(scopes, 'variable');
            expectNoScope(scopes, 'keyword');
            expectNoScope(scopes, 'constant');
        }
        expectScope(scopesOf('channel email', 'channel'), 'keyword');
    });

    it('scopes the nameless declarations and the valuegap rows', () => {
        expectScope(scopesOf('unknown "Why?"', 'unknown'), 'storage.type');
        const source = 'valuegap {\n    clear_pricing us 2 acme 4\n}';
        expectScope(scopesOf(source, 'valuegap'), 'storage.type');
        expectScope(scopesOf(source, 'us'), 'keyword');
        expectScope(scopesOf(source, 'clear_pricing'), 'variable');
        expectScope(scopesOf(source, 'acme'), 'variable');
        expectScope(scopesOf(source, '4'), 'constant.numeric');
    });

    it('scopes every keyword of the language when it stands as a keyword', () => {
        const loose = nameKeywords().filter((keyword) => {
            const scopes = scopesOf(keyword, keyword);
            return !(has(scopes, 'storage.type') || has(scopes, 'keyword') || has(scopes, 'constant.language'));
        });
        expect(loose).toEqual([]);
        expectScope(scopesOf('moment of truth', 'moment of truth'), 'keyword');
        expectScope(scopesOf('lower is better', 'lower is better'), 'keyword');
    });
});

describe('flows and enumerations', () => {
    it('scopes -> as an operator and the touchpoints around it as names', () => {
        const source = 'flow trigger -> purchase -> kickoff "Goes on"';
        expectScope(scopesOf(source, 'flow'), 'storage.type');
        expectScope(scopesOf(source, '->'), 'keyword.operator');
        expectScope(scopesOf(source, '->', 1), 'keyword.operator');
        for (const name of ['trigger', 'purchase', 'kickoff']) {
            expectScope(scopesOf(source, name), 'variable');
            expectNoScope(scopesOf(source, name), 'keyword');
        }
        expectScope(scopesOf(source, 'Goes on'), 'string.quoted.double');
    });

    it('scopes enumeration values as constants', () => {
        const cases: Array<[string, string]> = [
            ['phase pre-purchase', 'pre-purchase'],
            ['phase post-purchase', 'post-purchase'],
            ['channel web "Website" online', 'online'],
            ['channel phone "Phone" offline', 'offline'],
            ['source tickets "Tickets" support 2026-01-31', 'support'],
            ['source interviews "Interviews" interview', 'interview'],
            ['status doing', 'doing'],
        ];
        for (const [source, value] of cases) expectScope(scopesOf(source, value), 'constant.language');
    });
});

describe('line ends', () => {
    it('agree with the parser where strings and comments really span lines', () => {
        const source = [
            '/* a block',
            '   comment */ journey j "A label',
            'on two lines, \\"quoted\\" and ending in a backslash \\',
            'still the string" {',
            '    unknown "// not a comment /* nor this"',
            '    trigger "ends with an escaped backslash \\\\"',
            '}',
        ].join('\r\n');
        const expected = openAtLineEnds(source);
        expect(expected).toEqual(['comment', 'string', 'string', null, null, null, null]);
        expect(grammarOpenAtLineEnds(tokenize(source).lineEnds)).toEqual(expected);
    });
});

describe('the examples', () => {
    const files = journeyFiles(join(root, 'examples'));

    it('has .journey files to read', () => {
        expect(files.length).toBeGreaterThan(0);
    });

    it.each(files.map((file) => [relative(root, file), file]))(
        '%s tokenizes and ends every line in the state the parser would',
        (_name, file) => {
            const source = readFileSync(file, 'utf8');
            const { tokens, lineEnds } = tokenize(source);
            expect(tokens.length).toBeGreaterThan(0);
            expect(grammarOpenAtLineEnds(lineEnds)).toEqual(openAtLineEnds(source));
            // At the end of the file nothing is left open: the state is the root state.
            const rootState = grammar.tokenizeLine('', textmate.INITIAL).ruleStack;
            const last = lineEnds[lineEnds.length - 1]!;
            expect(last.depth).toBe(rootState.depth);
            expect(last.equals(rootState)).toBe(true);
        },
    );
});
