// Hover: a Markdown card for whatever the cursor names, and the rule behind a diagnostic under it.
import { describe, expect, test } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { withWorkspace } from '../language/workspace-helper.js';
import { RENEWAL, SHARED, positionOf } from './features-helper.js';

async function hoverAt(needle: string, delta = 1, occurrence = 0, file = 'renewal.journey', files: Record<string, string> = {}): Promise<string> {
    return withWorkspace({ 'shared.journey': SHARED, 'renewal.journey': RENEWAL, ...files }, async ws => {
        const document = ws.doc(file);
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta, occurrence),
        });
        return (hover?.contents as MarkupContent | undefined)?.value ?? '';
    });
}

describe('cards for references and declarations', () => {
    test('persona: label, description, goals and needs with importance', async () => {
        const card = await hoverAt('persona olivia', 'persona '.length + 1);
        expect(card).toContain('**persona** `olivia` — Olivia, Operations Manager');
        expect(card).toContain('Runs operations at a logistics firm.');
        expect(card).toContain('**Goals**\n- Replace a tool whose contract is up for renewal');
        expect(card).toContain('- `clear_pricing` Know the total cost before talking to sales · importance 5');
        expect(card).toContain('- `fast_setup` Be productive within one week · importance 4');
        // The same card on the declaration.
        expect(await hoverAt('persona olivia', 'persona '.length + 1, 0, 'shared.journey')).toBe(card);
    });

    test('need: importance and the touchpoints that serve it, across files', async () => {
        const card = await hoverAt('serves fast_setup', 'serves '.length + 2);
        expect(card).toContain('**need** `olivia.fast_setup` — Be productive within one week');
        expect(card).toContain('Importance **4** of 5 (important)');
        expect(card).toContain('Served by **1** touchpoint:\n- `pricing_page` Visits the pricing page (journey `renewal`)');
        // From the declaration in the other file, and for a need nobody serves.
        expect(await hoverAt('need fast_setup', 'need '.length + 1, 0, 'shared.journey')).toBe(card);
        expect(await hoverAt('need clear_pricing', 'need '.length + 1, 0, 'shared.journey')).toContain('Served by **1** touchpoint');
        expect(await hoverAt('need carla_only', 'need '.length + 1, 0, 'shared.journey')).toContain('Served by **1** touchpoint:\n- `other_touchpoint`');
    });

    test('qualified persona.need: the persona part shows the persona, the need part the need', async () => {
        expect(await hoverAt('serves olivia.clear_pricing', 'serves '.length + 1)).toContain('**persona** `olivia`');
        expect(await hoverAt('serves olivia.clear_pricing', 'serves olivia.'.length + 1)).toContain('**need** `olivia.clear_pricing`');
    });

    test('metric: scale and direction', async () => {
        const card = await hoverAt('metric churn', 'metric '.length + 1, 0, 'shared.journey');
        expect(card).toContain('**metric** `churn` — Logo churn');
        expect(card).toContain('- Scale: percent\n- Direction: lower is better');
        expect(await hoverAt('metric csat', 'metric '.length + 1, 0, 'shared.journey')).toContain('- Scale: scale 1 to 5\n- Direction: higher is better');
    });

    test('KPI: value against target, on or off target, and its source', async () => {
        const on = await hoverAt('kpi conversion', 'kpi '.length + 1);
        expect(on).toContain('**KPI** `conversion` — Trial-to-paid conversion');
        expect(on).toContain('- Value: 3.1%\n- Target: 5% — **off target**');
        expect(on).toContain('- Source: `tickets`');
        const lowerIsBetter = await hoverAt('kpi churn', 1);
        expect(lowerIsBetter).toContain('- Target: 8% — **off target**');
        expect(lowerIsBetter).toContain('- Direction: lower is better');
        expect(lowerIsBetter).toContain("- Source: the touchpoint's evidence");
        const ws = { 'renewal.journey': RENEWAL.replace('kpi churn 9% target 8%', 'kpi churn 7% target 8%') };
        expect(await hoverAt('kpi churn', 1, 0, 'renewal.journey', ws)).toContain('- Target: 8% — **on target**');
    });

    test('source: kind, date and sample', async () => {
        const card = await hoverAt('evidence survey', 'evidence '.length + 1);
        expect(card).toContain('**source** `survey` — Q3 customer survey');
        expect(card).toContain('- Kind: `survey` — A survey');
        expect(card).toContain('- Date: 2026-09-30\n- Sample: 412');
        expect(await hoverAt('source tickets', 'source '.length + 1, 0, 'shared.journey')).toContain('- Date: not given\n- Sample: not given');
    });

    test('emotion: what the score means on the scale', async () => {
        const card = await hoverAt('emotion -1', 'emotion '.length + 1);
        expect(card).toContain('**Emotion −1**: slightly negative');
        expect(card).toContain('“Confused”');
        expect(card).toContain('−3 (very negative)');
        expect(await hoverAt('emotion -1', 1)).toBe(card);
    });

    test('team, channel, touchpoint, pain, plan, journey', async () => {
        expect(await hoverAt('owner marketing', 'owner '.length + 1)).toContain('**team** `marketing` — Marketing');
        expect(await hoverAt('channel email', 'channel '.length + 1)).toContain('**channel** `email` — Email');
        const touchpoint = await hoverAt('at pricing_page', 'at '.length + 1);
        expect(touchpoint).toContain('**touchpoint** `pricing_page` — Visits the pricing page');
        expect(touchpoint).toContain('- Emotion: −1 slightly negative “Confused”');
        expect(await hoverAt('for unclear_pricing', 'for '.length + 1)).toContain('- Answered by: `calculator`');
        expect(await hoverAt('plan ship_calculator', 'plan '.length + 1)).toContain('- Status: `open`');
        expect(await hoverAt('state future of renewal', 'state future of '.length + 1)).toContain('- Personas: `olivia`, `ben`');
    });

    test('keywords explain themselves', async () => {
        expect(await hoverAt('moment', 0, 0, 'renewal.journey', { 'renewal.journey': RENEWAL.replace('evidence survey\n', 'evidence survey\n moment of truth\n') })).toContain('**moment** — A moment of truth');
        expect(await hoverAt('    reviewed', 5)).toContain('`reviewed YYYY-MM-DD [every N days]`');
    });
});

describe('cards in a file that does not parse (hovered while typing)', () => {
    /** The card at `needle` (+ delta) of a one-file workspace. */
    async function hoverIn(text: string, needle: string, delta = 1): Promise<string> {
        return withWorkspace({ 'a.journey': text }, async ws => {
            const document = ws.doc('a.journey');
            const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta),
            });
            return (hover?.contents as MarkupContent | undefined)?.value ?? '';
        });
    }

    test('a declaration cut short says what it has, never `undefined`', async () => {
        const source = await hoverIn('source q3 "Q3 survey"\n', 'q3');
        expect(source).toContain('**source** `q3` — Q3 survey');
        expect(source).toContain('- Kind: not given');
        const channel = await hoverIn('channel web "Website"\n', 'web');
        expect(channel).toBe('**channel** `web` — Website');
        for (const card of [source, channel]) {
            expect(card).not.toMatch(/undefined|NaN|\[object/);
        }
    });

    test('a line cut short before its name, team, channel or text does not break the card', async () => {
        const cards = [
            await hoverIn('team ops "Ops"\njourney j "J" {\n    trigger\n    owner', 'j "J"', 0),
            await hoverIn('journey j "J" {\n    stage s "S" {\n        touchpoint t "T" { action "A" channel', 't "T"', 0),
            await hoverIn('persona p "P" {\n    description\n    goal\n    need', 'p "P"', 0),
            await hoverIn('journey j "J" {\n    stage s "S" { question\n touchpoint', 's "S"', 0),
            await hoverIn('journey j "J" {\n    plan p "P" { owner target', 'p "P"', 0),
        ];
        expect(cards.map(card => card.split('\n')[0])).toEqual([
            '**journey** `j` — J', '**touchpoint** `t` — T', '**persona** `p` — P', '**stage** `s` — S', '**plan** `p` — P',
        ]);
        for (const card of cards) {
            expect(card).not.toMatch(/undefined|NaN|\[object/);
        }
        expect(cards[1]).toContain('- Channel: none');
    });
});

describe('the rule behind a diagnostic', () => {
    test('hovering a diagnostic\'s range adds the rule\'s description and its page', async () => {
        const files = { 'renewal.journey': RENEWAL.replace('emotion -1 "Confused"', 'emotion 5 "Confused"') };
        const card = await hoverAt('emotion 5', 'emotion '.length, 0, 'renewal.journey', files);
        expect(card).toContain('**Emotion +5**: outside the scale (−3..+3)');
        expect(card).toContain('**Rule `emotion-out-of-range`** (default: error)');
        expect(card).toContain('/docs/rules/emotion-out-of-range.md');
        expect(card).toContain('Quick fix:');
    });

    test('a diagnostic on a name that is no declaration: only the rule', async () => {
        const files = { 'renewal.journey': RENEWAL.replace('channel email serves reporting', 'channel emial serves reporting') };
        const card = await hoverAt('emial', 1, 0, 'renewal.journey', files);
        expect(card).toMatch(/^\*\*Rule `unresolved-reference`\*\*/);
    });

    test('nothing under the cursor, nothing shown', async () => {
        expect(await hoverAt('\n\n    stage research', 1)).toBe('');
    });
});
