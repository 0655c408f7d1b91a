import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { diffJson, formatDiffMarkdown, formatDiffText, MARKDOWN_LIMIT, summaryLine, type Change, type WorkspaceDiff } from '@journey/diff';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/journey-process.js';

const names = { base: 'main', head: 'working tree' };

function change(partial: Partial<Change> & Pick<Change, 'kind' | 'element' | 'direction' | 'text'>): Change {
    return { name: 'x', label: 'X', journey: 'renewal', ...partial };
}

const DIFF: WorkspaceDiff = {
    journeys: [{
        name: 'renewal', label: 'Olivia replaces her tool', status: 'changed', changes: [
            change({ kind: 'moved', element: 'touchpoint', direction: 'neutral', text: 'Touchpoint "Kick-off" moved from "Research" to "Onboarding"', at: { path: 'maps/renewal.journey', line: 20 } }),
            change({ kind: 'emotion', element: 'touchpoint', direction: 'better', text: 'Emotion at "Quote" went from −2 to +1 (better)', before: -2, after: 1 }),
            change({ kind: 'added', element: 'pain', direction: 'worse', text: 'New pain "Add-ons <b>unclear</b>" at "Pricing page" (severity 4)' }),
            change({ kind: 'emotion', element: 'touchpoint', direction: 'worse', text: 'Emotion at "Pricing page" went from +1 to −2 (worse)', before: 1, after: -2 }),
        ],
    }],
    workspace: [change({ kind: 'importance', element: 'need', journey: undefined, direction: 'neutral', text: 'Need "Clear pricing" of "Olivia": importance 4 → 5' })],
    findings: { introduced: [{ path: 'maps/renewal.journey', journey: 'renewal', ruleId: 'unsupported-claim', severity: 'info', message: 'No evidence', line: 12 }], fixed: [] },
    broken: { base: [], head: [] },
    changed: true,
};

describe('journey diff formats', () => {
    it('says the summary in words', () => {
        expect(summaryLine(DIFF)).toBe('1 journey changed; 5 changes (1 better, 2 worse); 1 finding introduced');
        expect(summaryLine({ ...DIFF, journeys: [], workspace: [], findings: { introduced: [], fixed: [] }, changed: false })).toBe('No change in meaning.');
    });

    it('text: one line per change, marked better, worse or neither, with where it is', () => {
        const text = formatDiffText(DIFF, names);
        expect(text.split('\n')).toEqual([
            'journey diff main → working tree: 1 journey changed; 5 changes (1 better, 2 worse); 1 finding introduced',
            '',
            'Olivia replaces her tool (renewal): changed',
            '  · Touchpoint "Kick-off" moved from "Research" to "Onboarding"  maps/renewal.journey:20',
            '  + Emotion at "Quote" went from −2 to +1 (better)',
            '  - New pain "Add-ons <b>unclear</b>" at "Pricing page" (severity 4)',
            '  - Emotion at "Pricing page" went from +1 to −2 (worse)',
            '',
            'Personas and needs',
            '  · Need "Clear pricing" of "Olivia": importance 4 → 5',
            '',
            'Lint findings',
            '  + maps/renewal.journey:12 info No evidence [unsupported-claim] (introduced)',
            '',
        ]);
    });

    it('Markdown: worse emotions and new pains first, the neutral rest collapsed, text from the maps escaped', () => {
        const markdown = formatDiffMarkdown(DIFF, names);
        const bullets = markdown.split('\n').filter(line => line.startsWith('- '));
        expect(bullets.slice(0, 3)).toEqual([
            '- 🔴 New pain "Add-ons &lt;b&gt;unclear&lt;/b&gt;" at "Pricing page" (severity 4)',
            '- 🔴 Emotion at "Pricing page" went from +1 to −2 (worse)',
            '- 🟢 Emotion at "Quote" went from −2 to +1 (better)',
        ]);
        expect(markdown).toContain('<details><summary>1 other change</summary>');
        expect(markdown).not.toContain('<b>');
    });

    it('Markdown stays within GitHub\'s comment limit, and says what it left out', () => {
        const many: WorkspaceDiff = {
            ...DIFF,
            journeys: Array.from({ length: 40 }, (_, j) => ({
                name: `j${j}`, label: `Journey ${j}`, status: 'changed' as const,
                changes: Array.from({ length: 100 }, (_, i) => change({ kind: 'emotion', element: 'touchpoint', direction: i % 2 ? 'worse' : 'neutral', text: `Emotion at "Touchpoint number ${i} of journey ${j}" went from +1 to −2 (worse)` })),
            })),
        };
        const markdown = formatDiffMarkdown(many, names);
        expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
        expect(markdown).toMatch(/… and \d+ more lines not shown/);
        // Every <details> it opened is closed.
        expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length);
    });

    it('JSON: valid against the schema the CLI ships', () => {
        const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/journey-diff.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        const json = diffJson(DIFF, names);
        expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true);
        expect(json.summary).toEqual({ journeys: { added: 0, removed: 0, renamed: 0, changed: 1 }, changes: 5, better: 1, worse: 2, findings: { introduced: 1, fixed: 0 } });
        // The schema holds the JSON to its shape: an unknown key is refused.
        expect(validate({ ...JSON.parse(JSON.stringify(json)), extra: 1 })).toBe(false);
    });
});
