import type { Change, WorkspaceDiff } from '../diff-model.js';
import { byImportance, plural, summaryLine, where } from './summary.js';
import { findingLine, type DiffNames } from './text-format.js';

/** GitHub's limit for a comment's body is 65,536 characters; the rest is left for the tool's own marker. */
export const MARKDOWN_LIMIT = 65_000;

/**
 * `--format markdown`: a pull-request comment. A summary line, then a section per journey: its worse
 * emotions and new pains first, then what else got worse or better, and the rest in a collapsed
 * list; then personas and needs, and the findings introduced and fixed. Never longer than
 * {@link MARKDOWN_LIMIT}: past it, the lists are cut and say how many more there are.
 */
export function formatDiffMarkdown(diff: WorkspaceDiff, names: DiffNames, limit = MARKDOWN_LIMIT): string {
    const head = [`### journey diff \`${inline(names.base)}\` → \`${inline(names.head)}\``, '', `**${escape(summaryLine(diff))}**`];
    const sections: string[][] = [];
    for (const journey of diff.journeys) {
        const title = journey.status === 'renamed'
            ? `${escape(journey.label)} (\`${inline(journey.previousName ?? '')}\` → \`${inline(journey.name)}\`)`
            : `${escape(journey.label)} (\`${inline(journey.name)}\`)`;
        sections.push([`#### ${title}: ${journey.status}`, '', ...changeList(journey.changes)]);
    }
    if (diff.workspace.length > 0) {
        sections.push(['#### Personas and needs', '', ...changeList(diff.workspace)]);
    }
    const { introduced, fixed } = diff.findings;
    if (introduced.length > 0 || fixed.length > 0) {
        sections.push(['#### Lint findings', '',
            ...introduced.map(finding => `- ➕ ${escape(findingLine(finding))} (introduced)`),
            ...fixed.map(finding => `- ➖ ${escape(findingLine(finding))} (fixed)`)]);
    }
    for (const [side, files] of [[names.base, diff.broken.base], [names.head, diff.broken.head]] as const) {
        if (files.length > 0) {
            sections.push([`> ⚠️ On \`${inline(side)}\`, ${files.map(file => `\`${inline(file)}\``).join(', ')} ${files.length === 1 ? 'has' : 'have'} syntax errors: not compared.`]);
        }
    }
    return fit(head, sections, limit);
}

/** Worse emotions and new pains first, then worse, then better; the neutral rest collapsed. */
function changeList(changes: readonly Change[]): string[] {
    const ordered = byImportance(changes);
    const first = ordered.filter(change => change.direction !== 'neutral');
    const rest = ordered.filter(change => change.direction === 'neutral');
    const lines = first.map(bullet);
    if (rest.length > 0) {
        const open = first.length === 0 && rest.length <= 5;
        lines.push(...(open ? rest.map(bullet) : ['', `<details><summary>${plural(rest.length, 'other change')}</summary>`, '', ...rest.map(bullet), '', '</details>']));
    }
    return lines;
}

function bullet(change: Change): string {
    const mark = change.direction === 'better' ? '🟢' : change.direction === 'worse' ? '🔴' : '⚪';
    const place = where(change);
    return `- ${mark} ${escape(change.text)}${place ? ` <sub>${escape(place)}</sub>` : ''}`;
}

/** The comment within the limit: whole sections while they fit, then the lines of the next that fit, then a note. */
function fit(head: string[], sections: string[][], limit: number): string {
    let out = `${head.join('\n')}\n`;
    let shown = 0;
    const total = sections.reduce((sum, section) => sum + section.length, 0);
    const note = (left: number) => `\n_… and ${plural(left, 'more line')} not shown (GitHub's comment size limit): run \`journey diff --format json\` or open the HTML diff for all of it._\n`;
    for (const section of sections) {
        const text = `\n${section.join('\n')}\n`;
        if (out.length + text.length + note(total).length <= limit) {
            out += text;
            shown += section.length;
            continue;
        }
        // Part of it, closing any <details> it opened.
        let part = '\n';
        for (const line of section) {
            if (out.length + part.length + line.length + 40 + note(total).length > limit) {
                break;
            }
            part += `${line}\n`;
            shown++;
        }
        if (part.includes('<details>') && !part.includes('</details>')) {
            part += '\n</details>\n';
        }
        out += part;
        return out + note(total - shown);
    }
    return out;
}

/**
 * The characters of a text from the maps that Markdown or HTML would read, made literal: emphasis, code,
 * links, tables, strike-through and tags. (Parentheses, `#` and `+` only mean something where these
 * texts never stand: after a `]`, at a line's start.)
 */
function escape(text: string): string {
    return text.replace(/[\\`*_[\]|~<>&]/g, char => char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : `\\${char}`);
}

/** Text for inside a code span: no backtick can end it early. */
function inline(text: string): string {
    return text.replace(/`/g, "'");
}
