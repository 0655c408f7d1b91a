// The CI formats of `journey lint`: gitlab (Code Quality), junit and markdown (GitHub job summary).
// Run in process; a last check runs the built binary.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import { Window } from 'happy-dom';
// marked (a GFM renderer) comes with mermaid, a devDependency: it renders the Markdown as GitHub would.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { formatters, type FormatterContext } from '../../packages/cli/src/formatters/index.js';
import { attribute, junitFormatter } from '../../packages/cli/src/formatters/junit-formatter.js';
import { markdownFormatter, MAX_BYTES, MAX_CELL_LENGTH, MAX_FILE_ROWS, MAX_FINDING_ROWS, tableText } from '../../packages/cli/src/formatters/markdown-formatter.js';
import type { LintMessage, LintResult, LintSeverity } from '../../packages/cli/src/lint-results.js';
import { runJourneyInProcess } from '../support/journey-in-process.js';
import { scratchWorkspaces } from '../support/journey-process.js';
import { CI_FORMATS, mixedWorkspaceFiles, NEED_TITLE, ODD_FOLDER, PERSONAS, TODAY, VARIANTS } from './ci-fixtures.js';
import { RENEWAL_WITH_PROBLEMS, RENEWAL_WITH_WARNINGS } from './format-fixtures.js';

const workspace = scratchWorkspaces();

const UNKNOWN_CHANNEL = 'Unknown channel `emial`: no channel of that name is declared in the workspace. Did you mean `email`?';

interface JsonMessage { ruleId: string; severity: LintSeverity; message: string; line: number; column: number; endLine: number; endColumn: number }
interface JsonResult { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }
interface Problem extends JsonMessage { file: string }

/** A workspace with an error, warnings, info, a file without problems, and odd characters. */
function mixedWorkspace(): string {
    return realpathSync(workspace(mixedWorkspaceFiles()).root);
}

async function lint(cwd: string, args: readonly string[]) {
    return runJourneyInProcess(['lint', ...TODAY, ...args], { cwd });
}

async function lintJson(cwd: string, extra: readonly string[] = []): Promise<JsonResult[]> {
    const run = await lint(cwd, ['--format', 'json', ...extra]);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as JsonResult[];
}

/** The problems of a JSON run, flattened, with paths relative to `root`. */
function problemsOf(root: string, results: readonly JsonResult[]): Problem[] {
    return results.flatMap(result => result.messages.map(message => ({ file: posixRelative(root, result.filePath), ...message })));
}

function posixRelative(root: string, filePath: string): string {
    return path.relative(root, filePath).split(path.sep).join('/');
}

/** Line breaks (and the spaces around them) read as one space: what the one-line formats show. */
function oneLine(text: string): string {
    return text.replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, ' ');
}

const SEVERITY_WORDS = { 2: 'error', 1: 'warning', 0: 'info' } as const;

/** Synthetic results, counted as toLintResults counts them. */
function result(filePath: string, messages: Array<Partial<LintMessage> & Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line'>>): LintResult {
    const full = messages.map(message => ({ column: 1, endLine: message.line, endColumn: 2, ...message }));
    return {
        filePath,
        messages: full,
        suppressedMessages: [],
        errorCount: full.filter(message => message.severity === 2).length,
        fatalErrorCount: 0,
        warningCount: full.filter(message => message.severity === 1).length,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
    };
}

const CWD = path.resolve('/ws');
const CONTEXT: FormatterContext = { cwd: CWD, color: false, version: '0.0.0', rules: [] };

describe('every CI format', () => {
    it('is registered as a --format choice', () => {
        expect(Object.keys(formatters)).toEqual(['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'markdown']);
    });

    it.each(CI_FORMATS.flatMap(format => VARIANTS.map(extra => [format, extra] as const)))(
        '--format %s %j: byte-identical across runs, relative paths only, the exit code of the JSON run',
        async (format, extra) => {
            const root = mixedWorkspace();
            const first = await lint(root, ['--format', format, ...extra]);
            const second = await lint(root, ['--format', format, ...extra]);
            const json = await lint(root, ['--format', 'json', ...extra]);
            expect(first.stderr).toBe('');
            expect(second.stdout).toBe(first.stdout);
            expect(first.status).toBe(json.status);
            expect(first.status).toBe(1);
            expect(first.stdout.endsWith('\n')).toBe(true);
            expect(first.stdout).not.toContain(root);
            expect(first.stdout).not.toContain(path.dirname(root));
        },
    );
});

describe('journey lint --format gitlab', () => {
    /**
     * What GitLab documents for a Code Quality report ("a subset of the Code Climate spec"), with the
     * Code Climate fields we also write, strictly: nothing else, GitLab's five severities, Code
     * Climate's categories, a relative path without `./`, 1-based lines.
     */
    const validate = new Ajv({ allErrors: true, strict: true }).compile({
        type: 'array',
        items: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'description', 'check_name', 'fingerprint', 'severity', 'categories', 'location'],
            properties: {
                type: { const: 'issue' },
                description: { type: 'string', minLength: 1, pattern: '^[^\\r\\n]*$' },
                check_name: { type: 'string', minLength: 1 },
                fingerprint: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
                categories: {
                    type: 'array', minItems: 1, uniqueItems: true,
                    items: { enum: ['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style'] },
                },
                location: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['path', 'lines'],
                    properties: {
                        path: { type: 'string', pattern: '^(?!\\./|/)[^\\\\]+$' },
                        lines: {
                            type: 'object',
                            additionalProperties: false,
                            required: ['begin', 'end'],
                            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
                        },
                    },
                },
            },
        },
    });

    interface Issue {
        type: string;
        description: string;
        check_name: string;
        fingerprint: string;
        severity: string;
        categories: string[];
        location: { path: string; lines: { begin: number; end: number } };
    }

    async function lintGitlab(cwd: string, extra: readonly string[] = []): Promise<{ issues: Issue[]; stdout: string; status: number | null }> {
        const run = await lint(cwd, ['--format', 'gitlab', ...extra]);
        expect(run.stderr).toBe('');
        const issues = JSON.parse(run.stdout) as Issue[];
        const valid = validate(issues);
        expect(validate.errors ?? [], JSON.stringify(validate.errors, undefined, 2)).toEqual([]);
        expect(valid).toBe(true);
        // Pretty-printed with two spaces and a trailing newline, no byte order mark (GitLab rejects one).
        expect(run.stdout).toBe(`${JSON.stringify(issues, undefined, 2)}\n`);
        return { issues, stdout: run.stdout, status: run.status };
    }

    it('the schema check itself rejects what GitLab would not read', () => {
        const good = { type: 'issue', description: 'd', check_name: 'c', fingerprint: 'a'.repeat(64), severity: 'minor', categories: ['Clarity'], location: { path: 'a.journey', lines: { begin: 1, end: 1 } } };
        expect(validate([good])).toBe(true);
        expect(validate([{ ...good, severity: 'warning' }])).toBe(false);
        expect(validate([{ ...good, location: { ...good.location, path: './a.journey' } }])).toBe(false);
        expect(validate([{ ...good, location: { path: 'a.journey', lines: { begin: 0, end: 1 } } }])).toBe(false);
        expect(validate([{ ...good, description: 'two\nlines' }])).toBe(false);
        const { fingerprint: _fingerprint, ...withoutFingerprint } = good;
        expect(validate([withoutFingerprint])).toBe(false);
    });

    it.each(VARIANTS.map(extra => [extra]))('writes one issue per problem, field by field as the JSON output says them (%j)', async extra => {
        const root = mixedWorkspace();
        const { issues } = await lintGitlab(root, extra);
        const problems = problemsOf(root, await lintJson(root, extra));
        expect(problems.length).toBeGreaterThan(0);
        const SEVERITIES = { 2: 'major', 1: 'minor', 0: 'info' } as const;
        const CATEGORIES = { 2: 'Bug Risk', 1: 'Clarity', 0: 'Clarity' } as const;
        expect(issues.map(({ fingerprint: _fingerprint, ...issue }) => issue)).toEqual(problems.map(problem => ({
            type: 'issue',
            description: oneLine(problem.message),
            check_name: problem.ruleId,
            severity: SEVERITIES[problem.severity],
            categories: [CATEGORIES[problem.severity]],
            location: { path: problem.file, lines: { begin: problem.line, end: problem.endLine } },
        })));
        // Fingerprints are unique in the report (GitLab keeps one finding per fingerprint).
        expect(new Set(issues.map(issue => issue.fingerprint)).size).toBe(issues.length);

        // One exact finding: the unknown channel, on line 8 of the file in the odd folder.
        expect(issues.find(issue => issue.check_name === 'unresolved-reference')).toMatchObject({
            type: 'issue',
            description: UNKNOWN_CHANNEL,
            severity: 'major',
            categories: ['Bug Risk'],
            location: { path: `${ODD_FOLDER}/renewal.journey`, lines: { begin: 8, end: 8 } },
        });
        const severities = new Set(issues.map(issue => issue.severity));
        expect([...severities].sort()).toEqual(extra.includes('--quiet') ? ['major'] : extra.includes('--info') ? ['info', 'major', 'minor'] : ['major', 'minor']);
        if (!extra.includes('--quiet')) {
            // The need title, its line break read as a space; JSON escapes the rest.
            expect(issues.map(issue => issue.description)).toContain(
                `Need \`olivia.fast_setup\` ("${oneLine(NEED_TITLE)}") is served by no touchpoint of journey \`renewal\`: add \`serves fast_setup\` to the touchpoint that meets it, or map the stage where it is met.`,
            );
        }
    });

    it('writes [] when there is nothing to report', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS });
        const { stdout, status } = await lintGitlab(realpathSync(ws.root));
        expect(stdout).toBe('[]\n');
        expect(status).toBe(0);
        // Warnings only, with --quiet: nothing either.
        const warnings = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS });
        expect((await lintGitlab(realpathSync(warnings.root), ['--quiet'])).stdout).toBe('[]\n');
    });

    it('keeps fingerprints when lines move, tells identical findings apart, and changes them when the finding changes', async () => {
        // Two touchpoints with the same unknown channel: the same rule, message and file.
        const twice = RENEWAL_WITH_PROBLEMS.replace(
            '{ channel emial }\n',
            '{ channel emial }\n        touchpoint callback "Call back" { channel emial }\n',
        );
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': twice, 'copy.journey': twice.replace('journey renewal', 'journey copy') });
        const root = realpathSync(ws.root);
        const before = (await lintGitlab(root)).issues;
        const unknown = (issues: Issue[], file: string) => issues.filter(issue => issue.check_name === 'unresolved-reference' && issue.location.path === file);
        const [first, second] = unknown(before, 'renewal.journey');
        expect([first.location.lines.begin, second.location.lines.begin]).toEqual([8, 9]);
        expect(first.description).toBe(second.description);
        expect(first.fingerprint).not.toBe(second.fingerprint);
        // The same finding in another file is another finding.
        const inCopy = unknown(before, 'copy.journey');
        expect(inCopy.map(issue => issue.fingerprint)).not.toContain(first.fingerprint);
        expect(new Set(before.map(issue => issue.fingerprint)).size).toBe(before.length);

        // Two lines inserted at the top move every finding of the file down by two, and change no fingerprint.
        ws.write('renewal.journey', `// Reviewed with the success team.\n\n${twice}`);
        const moved = (await lintGitlab(root)).issues;
        expect(moved.map(issue => issue.fingerprint)).toEqual(before.map(issue => issue.fingerprint));
        expect(moved.map(issue => issue.location.lines.begin)).toEqual(before.map(issue => issue.location.lines.begin + (issue.location.path === 'renewal.journey' ? 2 : 0)));

        // A finding that says something else is a new finding; the others keep theirs.
        ws.write('renewal.journey', twice.replace('"Call back" { channel emial }', '"Call back" { channel emal }'));
        const changed = (await lintGitlab(root)).issues;
        const changedUnknown = unknown(changed, 'renewal.journey');
        expect(changedUnknown.map(issue => issue.description)).toEqual([UNKNOWN_CHANNEL, UNKNOWN_CHANNEL.replace('`emial`', '`emal`')]);
        expect(changedUnknown[0].fingerprint).toBe(first.fingerprint);
        expect(changedUnknown[1].fingerprint).not.toBe(second.fingerprint);
        expect(changed.filter(issue => issue.location.path !== 'renewal.journey')).toEqual(before.filter(issue => issue.location.path !== 'renewal.journey'));
    });

    it('fingerprints are hashes of the file, rule, message and occurrence, not of the position', () => {
        const at = (line: number) => formatters.gitlab([result(path.join(CWD, 'a.journey'), [
            { ruleId: 'r', severity: 1, message: 'm', line },
            { ruleId: 'r', severity: 1, message: 'm', line: line + 5, column: 3 },
        ])], CONTEXT);
        const issues = JSON.parse(at(1)) as Issue[];
        expect(issues.map(issue => issue.fingerprint)).toEqual([1, 2].map(occurrence => createHash('sha256').update(`${JSON.stringify(['a.journey', 'r', 'm'])}\n${occurrence}`).digest('hex')));
        expect(at(40)).not.toBe(at(1));
        expect((JSON.parse(at(40)) as Issue[]).map(issue => issue.fingerprint)).toEqual(issues.map(issue => issue.fingerprint));
    });
});

/** Parses XML strictly: any warning or error of the parser fails the test, and so does any character XML 1.0 does not allow. */
function parseXml(text: string): Document {
    const problems: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { problems.push(`${level}: ${message}`); } }).parseFromString(text, 'text/xml');
    expect(problems).toEqual([]);
    // xmldom does not check the Char production of XML 1.0; this does.
    expect(text).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
    return document;
}

function children(element: Element, name?: string): Element[] {
    const found: Element[] = [];
    for (let child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 1 && (name === undefined || (child as Element).tagName === name)) {
            found.push(child as Element);
        }
    }
    return found;
}

function attributes(element: Element): Record<string, string> {
    return Object.fromEntries(Array.from(element.attributes, attr => [attr.name, attr.value]));
}

/** The parsed report, as plain data: the suites with their attributes, each test case with its outcome. */
function readJunit(text: string) {
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites ')).toBe(true);
    const root = parseXml(text).documentElement!;
    expect(root.tagName).toBe('testsuites');
    return {
        attributes: attributes(root),
        suites: children(root).map(suite => {
            expect(suite.tagName).toBe('testsuite');
            return {
                attributes: attributes(suite),
                cases: children(suite).map(testCase => {
                    expect(testCase.tagName).toBe('testcase');
                    const outcome = children(testCase);
                    expect(outcome.length).toBeLessThanOrEqual(1);
                    return {
                        attributes: attributes(testCase),
                        outcome: outcome.map(element => ({ tag: element.tagName, attributes: attributes(element), text: element.textContent })),
                    };
                }),
            };
        }),
    };
}

/** What XML 1.0 can carry of a text: a control character as its Control Pictures symbol (BEL → ␇), nothing for the other characters it does not allow. */
function xmlSafe(text: string): string {
    return text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, char => String.fromCharCode(0x2400 + char.charCodeAt(0)))
        .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

describe('journey lint --format junit', () => {
    it.each(VARIANTS.map(extra => [extra]))('writes a suite per file and a test case per problem, as the JSON output says them (%j)', async extra => {
        const root = mixedWorkspace();
        const run = await lint(root, ['--format', 'junit', ...extra]);
        expect(run.stderr).toBe('');
        const report = readJunit(run.stdout);
        const results = await lintJson(root, extra);

        expect(report.suites.map(suite => suite.attributes.name)).toEqual(['R&D <q3>, "plans" \'26 | `x`/renewal.journey', 'shared/personas.journey', 'warnings.journey']);
        const expectedSuites = results.map(jsonResult => {
            const file = posixRelative(root, jsonResult.filePath);
            const classname = file.replace(/\.journey$/, '');
            const cases = jsonResult.messages.length === 0
                ? [{ attributes: { name: file, classname, time: '0' }, outcome: [] }]
                : jsonResult.messages.map(message => {
                    const severity = SEVERITY_WORDS[message.severity];
                    const text = xmlSafe(`${message.line}:${message.column}  ${severity}  ${oneLine(message.message)} (${message.ruleId})`);
                    return {
                        attributes: { name: message.ruleId, classname, time: '0' },
                        outcome: [message.severity === 0
                            ? { tag: 'system-out', attributes: {}, text }
                            // The attribute keeps the message as it is (line break included), but for the characters XML cannot carry.
                            : { tag: 'failure', attributes: { message: xmlSafe(message.message), type: severity }, text }],
                    };
                });
            const failures = jsonResult.errorCount + jsonResult.warningCount;
            return {
                attributes: { name: file, package: 'journey', tests: String(cases.length), failures: String(failures), errors: '0', skipped: '0', time: '0' },
                cases,
            };
        });
        expect(report.suites).toEqual(expectedSuites);

        // The counts agree with the test cases: per suite and in total.
        for (const suite of report.suites) {
            expect(Number(suite.attributes.tests)).toBe(suite.cases.length);
            expect(Number(suite.attributes.failures)).toBe(suite.cases.filter(testCase => testCase.outcome[0]?.tag === 'failure').length);
        }
        const cases = report.suites.flatMap(suite => suite.cases);
        expect(report.attributes).toEqual({
            name: 'journey lint',
            tests: String(cases.length),
            failures: String(cases.filter(testCase => testCase.outcome[0]?.tag === 'failure').length),
            errors: '0',
            time: '0',
        });
        expect(Number(report.attributes.failures)).toBe(results.reduce((sum, jsonResult) => sum + jsonResult.errorCount + jsonResult.warningCount, 0));

        // Exact values: the unknown channel, and the file without problems as one passing test case.
        expect(report.suites[0].cases.find(testCase => testCase.attributes.name === 'unresolved-reference')).toEqual({
            attributes: { name: 'unresolved-reference', classname: `${ODD_FOLDER}/renewal`, time: '0' },
            outcome: [{ tag: 'failure', attributes: { message: UNKNOWN_CHANNEL, type: 'error' }, text: `8:48  error  ${UNKNOWN_CHANNEL} (unresolved-reference)` }],
        });
        expect(report.suites[1].cases).toEqual([{ attributes: { name: 'shared/personas.journey', classname: 'shared/personas', time: '0' }, outcome: [] }]);
        expect(cases.some(testCase => testCase.outcome[0]?.tag === 'system-out')).toBe(extra.includes('--info'));
        if (!extra.includes('--quiet')) {
            // The need title's BEL is not in the XML (its picture ␇ instead); its line break is, in the attribute, as `&#10;`.
            const failure = cases.find(testCase => testCase.attributes.name === 'need-not-served')!.outcome[0];
            expect(failure.attributes.message).toContain(xmlSafe(NEED_TITLE));
            expect(failure.attributes.message).toContain('`fast` \u2407 path');
            expect(run.stdout).toContain('Live in 1 week,&#10;100% &lt;set up&gt; | R&amp;D&#39;s `fast` \u2407 path');
            expect(run.stdout).not.toContain('\u0007');
        }
    });

    it('writes one passing test case per file when there is nothing to report', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'more/people.journey': 'team ops "Operations"\n' });
        const run = await lint(realpathSync(ws.root), ['--format', 'junit']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe([
            '<?xml version="1.0" encoding="utf-8"?>',
            '<testsuites name="journey lint" tests="2" failures="0" errors="0" time="0">',
            '  <testsuite name="more/people.journey" package="journey" tests="1" failures="0" errors="0" skipped="0" time="0">',
            '    <testcase name="more/people.journey" classname="more/people" time="0" />',
            '  </testsuite>',
            '  <testsuite name="personas.journey" package="journey" tests="1" failures="0" errors="0" skipped="0" time="0">',
            '    <testcase name="personas.journey" classname="personas" time="0" />',
            '  </testsuite>',
            '</testsuites>',
            '',
        ].join('\n'));
        readJunit(run.stdout);
        // No results at all (the formatter alone): an empty, valid report.
        expect(readJunit(junitFormatter([], CONTEXT))).toEqual({ attributes: { name: 'journey lint', tests: '0', failures: '0', errors: '0', time: '0' }, suites: [] });
    });

    it('escapes markup and replaces what XML 1.0 cannot carry, in attributes and text', () => {
        const hostile = 'a & b < c > d "e" \'f\' ]]> <![CDATA[x]]> \u0000\u0001\u0008\u000B\u000C\u001B[31m\u001F \uFFFE\uFFFF \uD800 lone \uDC00 \uD83D\uDE00 tab\there\r\nnext';
        const file = path.join(CWD, 'R&D <x>', '"q" \u0001.journey');
        const text = junitFormatter([result(file, [{ ruleId: 'r&<"\'>', severity: 2, message: hostile, line: 3, column: 4 }])], CONTEXT);
        const report = readJunit(text);
        const [testCase] = report.suites[0].cases;
        expect(report.suites[0].attributes.name).toBe('R&D <x>/"q" \u2401.journey');
        expect(testCase.attributes).toEqual({ name: 'r&<"\'>', classname: 'R&D <x>/"q" \u2401', time: '0' });
        const safe = 'a & b < c > d "e" \'f\' ]]> <![CDATA[x]]> \u2400\u2401\u2408\u240B\u240C\u241B[31m\u241F   lone  \uD83D\uDE00 tab\there';
        // The attribute keeps tab and line breaks (as character references; a parser would turn raw ones into spaces)…
        expect(testCase.outcome[0].attributes.message).toBe(`${safe}\r\nnext`);
        // …the body is one line.
        expect(testCase.outcome[0].text).toBe(`3:4  error  ${safe} next (r&<"'>)`);
        expect(attribute('\t\n\r&')).toBe('&#9;&#10;&#13;&amp;');
        expect(text).toContain('message="a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; ]]&gt; &lt;![CDATA[x]]&gt; ');
    });
});

/** Renders Markdown as GitHub does (GFM) and returns the page's DOM. */
function renderMarkdown(markdown: string) {
    const html = marked.parse(markdown, { gfm: true, async: false });
    const window = new Window();
    window.document.body.innerHTML = html;
    return window.document;
}

/** The rows of each table of the rendered page, as cell texts. */
function renderedTables(markdown: string): string[][][] {
    const page = renderMarkdown(markdown);
    return Array.from(page.querySelectorAll('table'), table => Array.from(table.querySelectorAll('tr'), row => Array.from(row.children, cell => cell.textContent ?? '')));
}

describe('journey lint --format markdown', () => {
    const RULE = (id: string) => `[${id}](https://github.com/journey-maps/journey/blob/main/docs/rules/${id}.md)`;

    it('writes the heading, the totals, a table of files and one of each file\'s problems (the formatter alone, exactly)', () => {
        const results = [
            result(path.join(CWD, 'clean.journey'), []),
            result(path.join(CWD, 'maps', 'renewal.journey'), [
                { ruleId: 'touchpoint-without-channel', severity: 0, message: 'Touchpoint `quote` has no channel.', line: 7 },
                { ruleId: 'unresolved-reference', severity: 2, message: 'Unknown channel `emial`.', line: 8 },
                { ruleId: 'stage-without-touchpoints', severity: 1, message: 'Stage `empty` has no touchpoint.', line: 10 },
            ]),
            result(path.join(CWD, 'warnings.journey'), [
                { ruleId: 'need-not-served', severity: 1, message: 'Need `olivia.fast_setup` ("Live in 1 week,\n100%") is served by no touchpoint.', line: 2 },
            ]),
        ];
        expect(markdownFormatter(results, CONTEXT)).toBe([
            '### journey lint',
            '',
            '**1 error, 2 warnings, 1 info** in 2 of 3 files',
            '',
            '| File | Errors | Warnings | Info |',
            '| --- | ---: | ---: | ---: |',
            '| `maps/renewal.journey` | 1 | 1 | 1 |',
            '| `warnings.journey` | 0 | 1 | 0 |',
            '',
            '#### `maps/renewal.journey`',
            '',
            '| Line | Severity | Rule | Message |',
            '| ---: | --- | --- | --- |',
            `| 7 | info | ${RULE('touchpoint-without-channel')} | Touchpoint \\\`quote\\\` has no channel. |`,
            `| 8 | error | ${RULE('unresolved-reference')} | Unknown channel \\\`emial\\\`. |`,
            `| 10 | warning | ${RULE('stage-without-touchpoints')} | Stage \\\`empty\\\` has no touchpoint. |`,
            '',
            '#### `warnings.journey`',
            '',
            '| Line | Severity | Rule | Message |',
            '| ---: | --- | --- | --- |',
            `| 2 | warning | ${RULE('need-not-served')} | Need \\\`olivia.fast_setup\\\` ("Live in 1 week, 100%") is served by no touchpoint. |`,
            '',
        ].join('\n'));
        expect(markdownFormatter([results[0]], CONTEXT)).toBe('### journey lint\n\n\u2705 No problems in 1 file\n');
        expect(markdownFormatter([results[0], results[0]], CONTEXT)).toBe('### journey lint\n\n\u2705 No problems in 2 files\n');
    });

    it('escapes table cells so that a message cannot break the table or bring HTML, links or code', () => {
        const message = 'Pipe | here, <script>alert(1)</script>,\nnext `code` \\ *stars* _under_ snake_case [link](javascript:alert(1)) &amp; $x$ ~~gone~~ <javascript:alert(2)>';
        expect(tableText(message)).toBe(
            'Pipe \\| here, \\<script\\>alert(1)\\</script\\>, next \\`code\\` \\\\ \\*stars\\* \\_under\\_ snake_case \\[link\\](javascript:alert(1)) \\&amp; \\$x\\$ \\~\\~gone\\~\\~ \\<javascript:alert(2)\\>',
        );
        const file = path.join(CWD, 'odd | dir', '`tick` <b>.journey');
        const markdown = markdownFormatter([result(file, [{ ruleId: 'need-not-served', severity: 1, message, line: 3 }])], CONTEXT);
        // Raw: the file as code (fenced by two backticks, its `|` escaped in the table), one line per row.
        expect(markdown).toContain('| ``odd \\| dir/`tick` <b>.journey`` | 0 | 1 | 0 |\n');
        expect(markdown).toContain('\n#### ``odd | dir/`tick` <b>.journey``\n');
        expect(markdown).toContain(`| 3 | warning | ${RULE('need-not-served')} | ${tableText(message)} |\n`);

        // Rendered as GitHub renders it: the same text back, in the cells it belongs to, and no markup of its own.
        const page = renderMarkdown(markdown);
        expect(page.querySelectorAll('script, em, del, img, h1, h2, h5, b')).toHaveLength(0);
        expect(Array.from(page.querySelectorAll('strong'), strong => strong.textContent)).toEqual(['0 errors, 1 warning']);
        expect(Array.from(page.querySelectorAll('a'), link => link.getAttribute('href'))).toEqual(['https://github.com/journey-maps/journey/blob/main/docs/rules/need-not-served.md']);
        expect(Array.from(page.querySelectorAll('code'), code => code.textContent)).toEqual(['odd | dir/`tick` <b>.journey', 'odd | dir/`tick` <b>.journey']);
        expect(renderedTables(markdown)).toEqual([
            [['File', 'Errors', 'Warnings', 'Info'], ['odd | dir/`tick` <b>.journey', '0', '1', '0']],
            [['Line', 'Severity', 'Rule', 'Message'], ['3', 'warning', 'need-not-served', oneLine(message)]],
        ]);
    });

    it.each(VARIANTS.map(extra => [extra]))('says what the JSON output says, with links to the rules\' pages (%j)', async extra => {
        const root = mixedWorkspace();
        const run = await lint(root, ['--format', 'markdown', ...extra]);
        expect(run.stderr).toBe('');
        const results = await lintJson(root, extra);
        const problems = problemsOf(root, results);
        const errors = problems.filter(problem => problem.severity === 2).length;
        const warnings = problems.filter(problem => problem.severity === 1).length;
        const infos = problems.filter(problem => problem.severity === 0).length;
        const files = new Set(problems.map(problem => problem.file));
        const counts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`, ...(infos > 0 ? [`${infos} info${infos === 1 ? '' : 's'}`] : [])];
        expect(run.stdout.startsWith(`### journey lint\n\n**${counts.join(', ')}** in ${files.size} of 3 files\n\n`)).toBe(true);
        expect(infos > 0).toBe(extra.includes('--info'));

        const [fileTable, ...problemTables] = renderedTables(run.stdout);
        expect(fileTable).toEqual([
            ['File', 'Errors', 'Warnings', 'Info'],
            ...results.filter(jsonResult => jsonResult.messages.length > 0).map(jsonResult => [
                posixRelative(root, jsonResult.filePath),
                String(jsonResult.errorCount),
                String(jsonResult.warningCount),
                String(jsonResult.messages.filter(message => message.severity === 0).length),
            ]),
        ]);
        expect(problemTables.map(([header, ...rows]) => {
            expect(header).toEqual(['Line', 'Severity', 'Rule', 'Message']);
            return rows;
        })).toEqual([...files].map(file => problems.filter(problem => problem.file === file).map(problem => [
            String(problem.line), SEVERITY_WORDS[problem.severity], problem.ruleId, oneLine(problem.message),
        ])));
        const headings = Array.from(renderMarkdown(run.stdout).querySelectorAll('h3, h4'), heading => `${heading.tagName} ${heading.textContent}`);
        expect(headings).toEqual(['H3 journey lint', ...[...files].map(file => `H4 ${file}`)]);
        // Every rule links to its page.
        for (const problem of problems) {
            expect(run.stdout).toContain(`| ${problem.line} | ${SEVERITY_WORDS[problem.severity]} | ${RULE(problem.ruleId)} |`);
        }
        expect(run.stdout).toContain(`| ${RULE('unresolved-reference')} | ${UNKNOWN_CHANNEL.replace(/`/g, '\\`')} |\n`);
    });

    it('says so when there are no problems (and with --quiet, warnings are none)', async () => {
        const ws = workspace({ 'personas.journey': PERSONAS, 'renewal.journey': RENEWAL_WITH_WARNINGS });
        const root = realpathSync(ws.root);
        expect(await lint(root, ['--format', 'markdown', '--quiet'])).toEqual({ status: 0, stderr: '', stdout: '### journey lint\n\n\u2705 No problems in 2 files\n' });
        const warnings = await lint(root, ['--format', 'markdown']);
        expect(warnings.status).toBe(0);
        expect(warnings.stdout).toMatch(/^### journey lint\n\n\*\*0 errors, \d+ warnings\*\* in 1 of 2 files\n/);
    });

    it('cuts long reports: at most 1,000 finding rows, then "… and N more findings"', () => {
        const results = Array.from({ length: 5 }, (_, file) => result(path.join(CWD, `map-${file}.journey`), Array.from({ length: 1000 }, (_, index) => ({
            ruleId: 'need-not-served', severity: (index % 2 === 0 ? 1 : 2) as LintSeverity, message: `Finding ${file}-${index}`, line: index + 1,
        }))));
        const markdown = markdownFormatter(results, CONTEXT);
        expect(markdown.startsWith('### journey lint\n\n**2500 errors, 2500 warnings** in 5 of 5 files\n')).toBe(true);
        expect(markdown.endsWith(`| 1000 | error | ${RULE('need-not-served')} | Finding 0-999 |\n\n\u2026 and 4000 more findings\n`)).toBe(true);
        const tables = renderedTables(markdown);
        expect(tables).toHaveLength(2);
        expect(tables[0]).toHaveLength(1 + 5);
        expect(tables[1]).toHaveLength(1 + MAX_FINDING_ROWS);
        expect(Buffer.byteLength(markdown)).toBeLessThan(MAX_BYTES);
    });

    it('stays below GitHub\'s 1 MiB limit however long the messages and however many the files', () => {
        const long = 'x'.repeat(5000);
        const longMessages = markdownFormatter([result(path.join(CWD, 'a.journey'), Array.from({ length: 1000 }, (_, index) => ({
            ruleId: 'r', severity: 1 as LintSeverity, message: `${index} ${long}`, line: index + 1,
        })))], CONTEXT);
        expect(Buffer.byteLength(longMessages)).toBeLessThanOrEqual(MAX_BYTES);
        expect(MAX_BYTES).toBeLessThan(1024 * 1024);
        const shown = longMessages.split('\n').filter(line => line.startsWith('| ') && line.endsWith('\u2026 |'));
        expect(shown.length).toBeGreaterThan(100);
        expect(shown[0]).toBe(`| 1 | warning | [r](https://github.com/journey-maps/journey/blob/main/docs/rules/r.md) | 0 ${long.slice(0, MAX_CELL_LENGTH - 2)}\u2026 |`);
        expect(longMessages.endsWith(`\n\u2026 and ${1000 - shown.length} more findings\n`)).toBe(true);

        // A cut never splits a surrogate pair.
        const emoji = markdownFormatter([result(path.join(CWD, 'a.journey'), [{ ruleId: 'r', severity: 1, message: `${'y'.repeat(MAX_CELL_LENGTH - 1)}\u{1F600}tail`, line: 1 }])], CONTEXT);
        expect(emoji).toContain(`| ${'y'.repeat(MAX_CELL_LENGTH - 1)}\u2026 |`);

        const manyFiles = markdownFormatter(Array.from({ length: 3000 }, (_, file) => result(path.join(CWD, `map-${String(file).padStart(4, '0')}.journey`), [
            { ruleId: 'r', severity: 2, message: 'm', line: 1 },
        ])), CONTEXT);
        expect(Buffer.byteLength(manyFiles)).toBeLessThanOrEqual(MAX_BYTES);
        const fileTable = renderedTables(manyFiles)[0];
        expect(fileTable).toHaveLength(1 + MAX_FILE_ROWS + 1);
        expect(fileTable.at(-1)).toEqual(['\u2026 and 2000 more files', '', '', '']);
        expect(manyFiles.endsWith('\n\u2026 and 2000 more findings\n')).toBe(true);
    });
});
