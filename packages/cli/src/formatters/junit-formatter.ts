import { escapeXml } from '@journey/preview';
import type { LintMessage } from '../lint-results.js';
import { SEVERITY_NAMES, singleLine } from './finding-text.js';
import type { Formatter } from './formatter.js';
import { displayPosixPath } from './paths.js';

/**
 * JUnit XML in the shape of ESLint's `junit` formatter, which GitLab (`artifacts:reports:junit`),
 * Jenkins and Azure Pipelines read: a `<testsuite>` per file, a `<testcase>` per problem (named by
 * its rule, the class being the file's path without its extension), one passing test case for a file
 * without problems. Errors and warnings are `<failure>`s (the file was checked and a check failed;
 * JUnit's `<error>` means a test that could not run), so `errors` is always 0; an info shown with
 * `--info` is a passing test case with the problem as its `<system-out>`. No times: the output is the
 * same on every run.
 */
export const junitFormatter: Formatter = (results, context) => {
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    for (const result of results) {
        const file = displayPosixPath(result.filePath, context.cwd);
        const classname = withoutExtension(file);
        const cases = result.messages.length === 0
            ? [`    <testcase name="${attribute(file)}" classname="${attribute(classname)}" time="0" />`]
            : result.messages.map(message => testCase(message, classname));
        const suiteFailures = result.errorCount + result.warningCount;
        tests += cases.length;
        failures += suiteFailures;
        suites.push(`  <testsuite name="${attribute(file)}" package="journey" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n`
            + `${cases.join('\n')}\n  </testsuite>\n`);
    }
    return '<?xml version="1.0" encoding="utf-8"?>\n'
        + `<testsuites name="journey lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n`
        + `${suites.join('')}</testsuites>\n`;
};

function testCase(message: LintMessage, classname: string): string {
    const severity = SEVERITY_NAMES[message.severity];
    const start = `    <testcase name="${attribute(message.ruleId)}" classname="${attribute(classname)}" time="0">`;
    const body = xmlText(`${message.line}:${message.column}  ${severity}  ${singleLine(message.message)} (${message.ruleId})`);
    const inner = message.severity === 0
        ? `<system-out>${body}</system-out>`
        : `<failure message="${attribute(message.message)}" type="${severity}">${body}</failure>`;
    return `${start}${inner}</testcase>`;
}

/** ESLint's class name: the path without its extension (`maps/renewal.journey` → `maps/renewal`). */
function withoutExtension(file: string): string {
    const slash = file.lastIndexOf('/');
    const dot = file.lastIndexOf('.');
    return dot > slash + 1 ? file.slice(0, dot) : file;
}

/**
 * Text content: `& < > " '` escaped, and no character that XML 1.0 does not allow (not even as a
 * character reference). A control character becomes its Control Pictures symbol (BEL → U+2407 ␇), so
 * the report still shows it was there; U+FFFE, U+FFFF and lone surrogates, which have no picture, are
 * left out. (U+FFFD, what escapeXml would put in their place, makes parsers such as xmldom warn of an
 * encoding problem.)
 */
export function xmlText(value: string): string {
    return escapeXml(value
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, char => String.fromCharCode(0x2400 + char.charCodeAt(0)))
        .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));
}

/**
 * An attribute value: escaped as text, and tab, line feed and carriage return as character
 * references, which a parser keeps (written as they are, attribute-value normalisation would turn
 * them into spaces).
 */
export function attribute(value: string): string {
    return xmlText(value).replace(/[\t\n\r]/g, char => `&#${char.charCodeAt(0)};`);
}
