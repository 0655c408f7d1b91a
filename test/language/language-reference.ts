// Reads the language reference (docs/language.md) for the tests that hold it to the implementation:
// its ```journey blocks, the worked example (blocks marked `<!-- example: FILE -->`), the findings the
// page says linting that example gives (the list after `<!-- findings of the example -->`), and its links.
import type { CalendarDate } from '@journey/language';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LANGUAGE_REFERENCE = fileURLToPath(new URL('../../docs/language.md', import.meta.url));

export function readReference(): string {
    return readFileSync(LANGUAGE_REFERENCE, 'utf8').replace(/\r\n/g, '\n');
}

export interface JourneyBlock {
    /** 1-based, in page order. */
    index: number;
    /** The heading the block sits under. */
    heading: string;
    /** The block's first line that is not blank or a comment. */
    firstLine: string;
    text: string;
}

/** Every ```journey block of the page, with the heading it sits under. */
export function journeyBlocks(markdown = readReference()): JourneyBlock[] {
    const blocks: JourneyBlock[] = [];
    let heading = '(top of the page)';
    const fence = /^```(\S*)\n([\s\S]*?)^```$/gm;
    let last = 0;
    for (const match of markdown.matchAll(fence)) {
        heading = lastHeading(markdown.slice(last, match.index)) ?? heading;
        last = match.index + match[0].length;
        if (match[1] !== 'journey') {
            continue;
        }
        const text = match[2];
        const firstLine = text.split('\n').map(line => line.trim()).find(line => line !== '' && !line.startsWith('//')) ?? '';
        blocks.push({ index: blocks.length + 1, heading, firstLine, text });
    }
    return blocks;
}

function lastHeading(text: string): string | undefined {
    const headings = [...text.matchAll(/^#{1,6} (.+)$/gm)];
    return headings.length > 0 ? headings[headings.length - 1][1].trim() : undefined;
}

/** The worked example: file name → text, in page order, from the blocks marked `<!-- example: FILE -->`. */
export function workedExample(markdown = readReference()): Array<{ file: string; text: string }> {
    return [...markdown.matchAll(/^<!-- example: (\S+\.journey) -->\n```journey\n([\s\S]*?)^```$/gm)]
        .map(match => ({ file: match[1], text: match[2] }));
}

export interface DocumentedFinding {
    file: string;
    /** 1-based, counted from the first line of the file's block. */
    line: number;
    /** The text the finding's range covers. */
    on: string;
    rule: string;
    severity: 'error' | 'warning' | 'info';
}

export interface DocumentedFindings {
    today: CalendarDate;
    /** The number the sentence before the list says ("exactly five findings"). */
    count: number;
    findings: DocumentedFinding[];
    /** List items that are not in the fixed form. */
    malformed: string[];
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * What the page says linting the worked example gives: the day from "Linted together with `--today
 * DATE`, these two files give exactly N findings", and the list after `<!-- findings of the example -->`,
 * one item per finding in the form
 * "- `FILE` line N, on `TEXT`: [`RULE`](rules/RULE.md) (SEVERITY) — why".
 */
export function documentedFindings(markdown = readReference()): DocumentedFindings {
    const sentence = /Linted together with `--today (\d{4})-(\d{2})-(\d{2})`, these \w+ files give exactly (\w+) findings?/.exec(markdown);
    if (!sentence) {
        throw new Error('docs/language.md: no sentence "Linted together with `--today YYYY-MM-DD`, these … files give exactly N findings"');
    }
    const marker = markdown.indexOf('<!-- findings of the example -->');
    if (marker < 0) {
        throw new Error('docs/language.md: no `<!-- findings of the example -->` marker');
    }
    const items: string[] = [];
    for (const line of markdown.slice(marker).split('\n').slice(1)) {
        if (!line.startsWith('- ')) {
            break;
        }
        items.push(line);
    }
    const findings: DocumentedFinding[] = [];
    const malformed: string[] = [];
    for (const item of items) {
        const match = /^- `([^`]+)` line (\d+), on `([^`]+)`: \[`([a-z-]+)`\]\(rules\/([a-z-]+)\.md\) \((error|warning|info)\)/.exec(item);
        if (!match || match[4] !== match[5]) {
            malformed.push(item);
            continue;
        }
        findings.push({ file: match[1], line: Number(match[2]), on: match[3], rule: match[4], severity: match[6] as DocumentedFinding['severity'] });
    }
    const word = sentence[4].toLowerCase();
    return {
        today: { year: Number(sentence[1]), month: Number(sentence[2]), day: Number(sentence[3]) },
        count: /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word),
        findings,
        malformed,
    };
}

/** The page without its fenced blocks, for looking at its prose and links. */
export function withoutFences(markdown: string): string {
    return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** The targets of the page's Markdown links (`[text](target)`), outside fenced blocks. */
export function linkTargets(markdown = readReference()): string[] {
    return [...withoutFences(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map(match => match[1]);
}

/** GitHub's anchors for the headings of a Markdown text (`## Names and scopes` → `names-and-scopes`). */
export function headingAnchors(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const match of withoutFences(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
        const text = match[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '').trim();
        const slug = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
        const n = seen.get(slug) ?? 0;
        seen.set(slug, n + 1);
        anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    return anchors;
}

export function severityName(severity: number | undefined): string {
    return severity === 1 ? 'error' : severity === 2 ? 'warning' : severity === 3 ? 'info' : `severity ${String(severity)}`;
}
