import { daysInMonth, parseCalendarDate } from '../model/calendar-date.js';
import { defineRule, type RuleContext } from './rule-registry.js';
import { CstUtils, type AstNode } from 'langium';
import type { Position } from 'vscode-languageserver';
import { isValueGapRow } from '../generated/ast.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];

/** Parse errors come from the parser; dates that are not real calendar dates are checked here. */
export const syntaxRule = defineRule({
    id: 'syntax',
    defaultSeverity: 'error',
    description: 'The text does not follow the grammar of the language, or a date is not a real calendar date.',
    configurable: false,
    // The fix itself comes with the parse error (see misplacedMember): only a misspelt member keyword has one.
    fix: { description: 'Change a misspelt keyword to the closest one.', safe: false },
    checks: {
        Source: (node, context) => checkDate(node, node.date, 'date', context),
        Review: (node, context) => checkDate(node, node.date, 'date', context),
        Due: (node, context) => checkDate(node, node.date, 'date', context),
        Model: (model, context) => {
            // The language's escapes are `\"`, `\\` and `\n`; anything else after a backslash is a mistake
            // (a Windows path, a `\t` from another language) that would otherwise quietly change the text.
            if (!model.$cstNode) {
                return;
            }
            for (const leaf of CstUtils.flattenCst(model.$cstNode)) {
                if (leaf.tokenType.name !== 'STRING' || !leaf.text.includes('\\')) {
                    continue;
                }
                for (const escape of leaf.text.matchAll(/\\([\s\S])/g)) {
                    if (escape[1] === '"' || escape[1] === '\\' || escape[1] === 'n') {
                        continue;
                    }
                    const start = positionIn(leaf.range.start, leaf.text, escape.index!);
                    const shown = /\s/.test(escape[1]) ? '\\ followed by a space or line end' : `\`\\${escape[1]}\``;
                    context.report({
                        node: model, range: { start, end: { line: start.line, character: start.character + (escape[1] === '\r' || escape[1] === '\n' ? 1 : 2) } },
                        message: `${shown} is not an escape: a text takes \`\\"\` (a quote), \`\\\\\` (a backslash) and \`\\n\` (a line break). `
                            + 'Write `\\\\` for a backslash.',
                    });
                }
            }
        },
        ValueGap: (node, context) => {
            const first = node.entries[0];
            if (first && !isValueGapRow(first)) {
                context.report({
                    node: first, property: 'competitor',
                    message: 'A value-gap row starts with a need and our score: write `NEED us SCORE` before the competitors\' scores.',
                });
            }
        },
    }
});

/** The position `offset` characters into a token's text that starts at `start` (strings may span lines). */
function positionIn(start: Position, text: string, offset: number): Position {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return before.length === 1
        ? { line: start.line, character: start.character + offset }
        : { line: start.line + before.length - 1, character: before[before.length - 1].length };
}

function checkDate(node: AstNode, text: string | undefined, property: string, context: RuleContext): void {
    if (text === undefined || parseCalendarDate(text)) {
        return;
    }
    const [year, month, day] = text.split('-').map(Number);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        // Date-shaped but not YYYY-MM-DD (`2026-1-5`): say how to write it, with the padded date when it is one.
        const padded = /^\d{4}-\d{1,2}-\d{1,2}$/.test(text)
            ? `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : undefined;
        const suggestion = padded && parseCalendarDate(padded) ? ` (\`${padded}\`)` : '';
        context.report({ node, property, message: `\`${text}\` is not a date: write YYYY-MM-DD, with a four-digit year and a two-digit month and day${suggestion}.` });
        return;
    }
    let why: string;
    if (month < 1 || month > 12) {
        why = `there is no month ${month}`;
    } else if (day < 1) {
        why = 'days start at 01';
    } else {
        why = `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days, not ${day}`;
    }
    context.report({ node, property, message: `\`${text}\` is not a calendar date: ${why}. Write a real date as YYYY-MM-DD.` });
}
