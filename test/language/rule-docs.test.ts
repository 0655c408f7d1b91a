// The rule docs are tested: every rule of the registry has a page under docs/rules/, its failing
// example produces that rule, its passing example does not, its configuration snippet is a valid
// journey.config.json, and the index lists every rule with the registry's severity and fixability.
import { findRule, isConfigurable, journeyRules, lineAndColumn, parseJourneyConfig, type CalendarDate, type JourneyRule } from '@journey/language';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { buildOne, serveDataFiles, summarize } from './workspace-helper.js';

const DOCS = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
const ERROR = 1;
const WARNING = 2;

/** "Today" of a page that declares none: the examples do not depend on it, but a fixed date keeps runs reproducible. */
const DEFAULT_TODAY: CalendarDate = { year: 2026, month: 11, day: 23 };

interface RulePage {
    text: string;
    sections: Map<string, string>;
    today: CalendarDate | undefined;
}

function readPage(ruleId: string): RulePage {
    const text = readFileSync(`${DOCS}${ruleId}.md`, 'utf8');
    const sections = new Map<string, string>();
    const parts = text.split(/^## /m);
    for (const part of parts.slice(1)) {
        const newline = part.indexOf('\n');
        sections.set(part.slice(0, newline).trim(), part.slice(newline + 1));
    }
    const today = /<!--\s*today:\s*(\d{4})-(\d{2})-(\d{2})\s*-->/.exec(text);
    return {
        text,
        sections,
        today: today ? { year: Number(today[1]), month: Number(today[2]), day: Number(today[3]) } : undefined,
    };
}

/** The first fenced block of a language in a section of a page. */
function fencedBlock(page: RulePage, section: string, language: string): string {
    const body = page.sections.get(section);
    expect(body, `section "## ${section}"`).toBeDefined();
    const block = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'm').exec(body!);
    expect(block, `a \`\`\`${language} block in "## ${section}"`).not.toBeNull();
    return block![1];
}

/** The data files a page shows (```` ```csv PATH ````), by path relative to its examples. */
function dataFilesOf(page: RulePage): Record<string, string> {
    return Object.fromEntries([...page.text.matchAll(/^```csv (\S+)\n([\s\S]*?)^```/gm)].map(match => [match[1], match[2]]));
}

async function diagnosticsOfExample(page: RulePage, section: string): Promise<Diagnostic[]> {
    const example = fencedBlock(page, section, 'journey');
    const { diagnostics } = await buildOne(example, workspace => {
        workspace.services.validation.JourneySettings.today = page.today ?? DEFAULT_TODAY;
        serveDataFiles(workspace, dataFilesOf(page));
    });
    return diagnostics;
}

/** How the docs write a rule's fixability: applied by `journey lint --fix`, offered in the editor only, or none. */
function fixability(rule: JourneyRule): 'safe' | 'editor only' | 'none' {
    return rule.fix ? (rule.fix.safe ? 'safe' : 'editor only') : 'none';
}

describe.each(journeyRules.map(rule => [rule.id, rule] as const))('docs/rules/%s.md', (ruleId, rule) => {
    test('exists, with the title, default severity and quick fix of the registry', () => {
        expect(existsSync(`${DOCS}${ruleId}.md`)).toBe(true);
        const page = readPage(ruleId);
        expect(page.text.split('\n')[0]).toBe(`# ${ruleId}`);
        const header = /^Default severity: `(\w+)` · Quick fix: (safe|editor only|none)\b/m.exec(page.text);
        expect(header, 'the line "Default severity: `…` · Quick fix: …"').not.toBeNull();
        // The registry's `fix` is what `journey rules`, SARIF and `--fix` go by: the page must say the same.
        expect({ severity: header![1], fix: header![2] }, 'the page agrees with the registry (defaultSeverity, fix)')
            .toEqual({ severity: rule.defaultSeverity, fix: fixability(rule) });
        for (const section of ['What it checks', 'Why it matters', 'Failing example', 'Passing example', 'How to configure']) {
            expect(page.sections.has(section), `section "## ${section}"`).toBe(true);
        }
    });

    test('the failing example produces the rule, and no other warning or error', async () => {
        const page = readPage(ruleId);
        const diagnostics = await diagnosticsOfExample(page, 'Failing example');
        expect(diagnostics.filter(d => d.code === ruleId), summarize(diagnostics).join('\n')).not.toHaveLength(0);
        const others = diagnostics.filter(d => d.code !== ruleId && (d.severity === ERROR || d.severity === WARNING));
        expect(summarize(others)).toEqual([]);
    });

    test('the passing example does not produce the rule, nor any other warning or error', async () => {
        const page = readPage(ruleId);
        const diagnostics = await diagnosticsOfExample(page, 'Passing example');
        expect(summarize(diagnostics.filter(d => d.code === ruleId))).toEqual([]);
        expect(summarize(diagnostics.filter(d => d.severity === ERROR || d.severity === WARNING))).toEqual([]);
    });

    test('the configuration snippet is a valid journey.config.json that names the rule (or, for a rule that cannot be configured, the error it gets)', () => {
        const page = readPage(ruleId);
        const snippet = fencedBlock(page, 'How to configure', 'json');
        const parsed = parseJourneyConfig(snippet);
        if (isConfigurable(findRule(ruleId))) {
            expect(parsed.problems).toEqual([]);
            expect(parsed.config?.severities.get(ruleId)).toBe('off');
        } else {
            expect(parsed.problems).toHaveLength(1);
            const { line, column } = lineAndColumn(snippet, parsed.problems[0].offset);
            expect(fencedBlock(page, 'How to configure', 'text')).toBe(`journey: journey.config.json:${line}:${column}: ${parsed.problems[0].message}\n`);
        }
    });
});

describe('docs/rules/README.md', () => {
    /** Table rows: `| [id](id.md) | severity | fixable | description |`. */
    function indexRows(): Map<string, { link: string; severity: string; fix: string; description: string }> {
        const index = readFileSync(`${DOCS}README.md`, 'utf8');
        const rows = new Map<string, { link: string; severity: string; fix: string; description: string }>();
        for (const match of index.matchAll(/^\| \[`?([a-z-]+)`?\]\(([^)]+)\) \| `?(\w+)`? \| ([^|]+?) \| (.+) \|$/gm)) {
            rows.set(match[1], { link: match[2], severity: match[3], fix: match[4].trim(), description: match[5].trim() });
        }
        return rows;
    }

    test('lists every rule of the registry, in its order, and nothing else', () => {
        expect([...indexRows().keys()]).toEqual(journeyRules.map(rule => rule.id));
    });

    test.each(journeyRules.map(rule => [rule.id, rule] as const))('%s: link and default severity agree with the registry, quick fix with the page', (ruleId, rule) => {
        const row = indexRows().get(ruleId);
        expect(row).toBeDefined();
        expect(row!.link).toBe(`${ruleId}.md`);
        expect(existsSync(`${DOCS}${row!.link}`)).toBe(true);
        // The page checks its quick fix against the registry; the index must say the same as the page.
        const pageFix = /^Default severity: `\w+` · Quick fix: (safe|editor only|none)\b/m.exec(readPage(ruleId).text)?.[1];
        expect({ severity: row!.severity, fix: row!.fix }).toEqual({ severity: rule.defaultSeverity, fix: pageFix });
        expect(row!.description.length).toBeGreaterThan(10);
    });

    test('every page in docs/rules/ belongs to a rule of the registry', () => {
        const ids = new Set(journeyRules.map(rule => rule.id));
        const pages = readdirSync(DOCS).filter(name => name.endsWith('.md') && name !== 'README.md').map(name => name.slice(0, -3));
        expect(pages.filter(page => !ids.has(page))).toEqual([]);
    });
});
