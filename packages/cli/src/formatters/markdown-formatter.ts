import { ruleDocUrl } from '@journey/language';
import type { LintMessage, LintResult } from '../lint-results.js';
import { totalsOf } from '../lint-results.js';
import { plural, SEVERITY_NAMES, singleLine } from './finding-text.js';
import type { Formatter } from './formatter.js';
import { displayPosixPath } from './paths.js';

/** At most this many finding rows; then "… and N more findings". */
export const MAX_FINDING_ROWS = 1000;
/** At most this many rows in the table of files. */
export const MAX_FILE_ROWS = 1000;
/**
 * GitHub takes at most 1 MiB of job summary per step; the report stays within half of it whatever
 * its messages and paths are, leaving the rest to whatever else the step writes.
 */
export const MAX_BYTES = 512 * 1024;
/** A message longer than this is cut (with `…`) in its table cell. */
export const MAX_CELL_LENGTH = 1000;

/** Room kept for the closing "… and N more" line when rows are left out. */
const TRAILER_RESERVE = 200;

/**
 * Markdown for GitHub's job summary (`$GITHUB_STEP_SUMMARY`) and pull-request comments: a heading, the
 * totals, a table of the files with problems, then a table of each file's problems with links to the
 * rules' pages. Every text from a map or a path is escaped, so a message cannot break a table or
 * bring its own HTML; long reports are cut to stay far below GitHub's size limit.
 */
export const markdownFormatter: Formatter = (results, context) => {
    const head = `### journey lint\n\n`;
    const withProblems = results.filter(result => result.messages.length > 0);
    if (withProblems.length === 0) {
        return `${head}\u2705 No problems in ${plural(results.length, 'file')}\n`;
    }
    const out = new BoundedText(MAX_BYTES - TRAILER_RESERVE);
    out.add(`${head}${totalsLine(results, withProblems.length)}\n\n| File | Errors | Warnings | Info |\n| --- | ---: | ---: | ---: |\n`);

    const files = withProblems.map(result => ({ result, file: displayPosixPath(result.filePath, context.cwd) }));
    let fileRows = 0;
    for (const { result, file } of files) {
        const infos = totalsOf([result]).infos;
        if (fileRows === MAX_FILE_ROWS || !out.add(`| ${inlineCode(file, true)} | ${result.errorCount} | ${result.warningCount} | ${infos} |\n`)) {
            break;
        }
        fileRows++;
    }
    if (fileRows < files.length) {
        out.force(`| \u2026 and ${plural(files.length - fileRows, 'more file')} | | | |\n`);
    }

    const findings = withProblems.reduce((sum, result) => sum + result.messages.length, 0);
    let findingRows = 0;
    sections: for (const { result, file } of files) {
        const [first, ...rest] = result.messages;
        if (findingRows === MAX_FINDING_ROWS
            || !out.add(`\n#### ${inlineCode(file, false)}\n\n| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n${findingRow(first)}`)) {
            break;
        }
        findingRows++;
        for (const message of rest) {
            if (findingRows === MAX_FINDING_ROWS || !out.add(findingRow(message))) {
                break sections;
            }
            findingRows++;
        }
    }
    if (findingRows < findings) {
        out.force(`\n\u2026 and ${plural(findings - findingRows, 'more finding')}\n`);
    }
    return out.text();
};

/** `**2 errors, 1 warning** in 1 of 3 files`; info counted when the results carry any (`--info`). */
function totalsLine(results: readonly LintResult[], filesWithProblems: number): string {
    const { errors, warnings, infos } = totalsOf(results);
    const counts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (infos > 0) {
        counts.push(plural(infos, 'info'));
    }
    return `**${counts.join(', ')}** in ${filesWithProblems} of ${plural(results.length, 'file')}`;
}

function findingRow(message: LintMessage): string {
    const rule = `[${tableText(message.ruleId)}](${ruleDocUrl(message.ruleId).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
    return `| ${message.line} | ${SEVERITY_NAMES[message.severity]} | ${rule} | ${tableText(message.message)} |\n`;
}

/**
 * Text for a table cell, read literally: on one line, cut at MAX_CELL_LENGTH, and every character
 * that Markdown or GitHub would read as syntax backslash-escaped (CommonMark lets any ASCII punctuation
 * be escaped): `\` and `` ` `` (code), `*` `_` `~` (emphasis, strike-through), `[` `]` (links),
 * `<` `>` `&` (HTML, autolinks, entities), `$` (GitHub's math) and `|` (the table's cells). An `_`
 * between two letters or digits stays as it is (it cannot start or end emphasis there), so names like
 * `clear_pricing` read as they are written.
 */
export function tableText(text: string): string {
    return cut(singleLine(text)).replace(/[\\`*~[\]<>&$|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&');
}

/**
 * A code span holding `text` literally: fenced by one backtick more than its longest run of them,
 * padded when it starts or ends with one. In a table, `|` is escaped (GitHub splits cells first,
 * inside code spans too, then drops the backslash).
 */
export function inlineCode(text: string, inTable: boolean): string {
    const line = cut(singleLine(text));
    const fence = '`'.repeat(Math.max(0, ...[...line.matchAll(/`+/g)].map(run => run[0].length)) + 1);
    const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
    const content = inTable ? line.replace(/\|/g, '\\|') : line;
    return `${fence}${pad}${content}${pad}${fence}`;
}

function cut(text: string): string {
    if (text.length <= MAX_CELL_LENGTH) {
        return text;
    }
    // Never between the two halves of a surrogate pair.
    const end = /[\uD800-\uDBFF]/.test(text[MAX_CELL_LENGTH - 1]) ? MAX_CELL_LENGTH - 1 : MAX_CELL_LENGTH;
    return `${text.slice(0, end)}\u2026`;
}

/** Text that grows only while it stays within a number of UTF-8 bytes. */
class BoundedText {
    private readonly parts: string[] = [];
    private bytes = 0;

    constructor(private readonly limit: number) {}

    /** Appends `part` if it fits; says whether it did. */
    add(part: string): boolean {
        const size = Buffer.byteLength(part);
        if (this.bytes + size > this.limit) {
            return false;
        }
        this.parts.push(part);
        this.bytes += size;
        return true;
    }

    /** Appends `part` in the room kept outside the limit (the closing line). */
    force(part: string): void {
        this.parts.push(part);
        this.bytes += Buffer.byteLength(part);
    }

    text(): string {
        return this.parts.join('');
    }
}
