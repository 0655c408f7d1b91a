import type { PlanView, ViewModel } from '../view-model.js';
// Through the protocol module, not the index: the webview bundles the preview without Langium.
import { formatNumber } from '@journey/language/number-format';
import { textWidth } from '../text-metrics.js';
import { CARD_GAP, FONT, MARGIN, SECTION_GAP, card, oneLine, placeBlocks, round, type Block } from './metrics.js';
import type { CardKind, ListLayout, Tone, ValueGapLayout } from './types.js';
import { largest } from '../largest.js';

/** The sections below the map, one column `width` wide: the value gap, the unknowns, the plans. */

/** The sections from `y` (the end of the lanes) down; `bottom` is the end of the last one plus a section gap. */
export function sectionsBelow(view: ViewModel, y: number, sectionWidth: number): { valueGap?: ValueGapLayout; unknowns?: ListLayout; plans?: ListLayout; bottom: number } {
    y += SECTION_GAP;
    let valueGap: ValueGapLayout | undefined;
    if (view.valueGap.rows.length > 0) {
        valueGap = valueGapSection(view, MARGIN, y, sectionWidth);
        y += valueGap.box.height + SECTION_GAP;
    }
    let unknowns: ListLayout | undefined;
    if (view.unknowns.length > 0) {
        unknowns = listSection('Unknowns: what we do not know yet', view.unknowns.map(unknown => ({
            id: unknown.id, kind: 'unknown' as const, blocks: [{ text: `? ${unknown.text}`, font: FONT.text }],
        })), MARGIN, y, sectionWidth);
        y += unknowns.box.height + SECTION_GAP;
    }
    let plans: ListLayout | undefined;
    if (view.plans.length > 0) {
        plans = listSection('Plans', view.plans.map(plan => ({ id: plan.id, kind: 'plan' as const, blocks: planBlocks(plan), tone: planTone(plan) })), MARGIN, y, sectionWidth);
        y += plans.box.height + SECTION_GAP;
    }
    return { ...(valueGap ? { valueGap } : {}), ...(unknowns ? { unknowns } : {}), ...(plans ? { plans } : {}), bottom: y };
}

function planTone(plan: PlanView): Tone | undefined {
    return plan.overdue ? 'bad' : plan.status === 'done' ? 'good' : undefined;
}

function planBlocks(plan: PlanView): Block[] {
    const status = plan.status === 'done' ? '✓ Done' : plan.status === 'doing' ? '◐ Doing' : '○ Open';
    const facts = [status, plan.owner ? `Owner: ${plan.owner}` : undefined, plan.due ? `Due ${plan.due}` : undefined].filter(Boolean).join(' · ');
    const blocks: Block[] = [
        { text: plan.label, font: FONT.textBold },
        { text: facts, font: FONT.small, muted: true },
    ];
    if (plan.overdue) {
        blocks.push({ text: '⚠ Overdue', font: FONT.smallBold, tone: 'bad' });
    }
    if (plan.addresses.length > 0) {
        blocks.push({ text: `Addresses: ${plan.addresses.join('; ')}`, font: FONT.small });
    }
    if (plan.targets.length > 0) {
        blocks.push({ text: `Targets: ${plan.targets.join('; ')}`, font: FONT.small });
    }
    return blocks;
}

function valueGapSection(view: ViewModel, x: number, y: number, width: number): ValueGapLayout {
    const title = placeBlocks([
        { text: 'Value gap: us vs competitors, per need', font: FONT.section },
        { text: 'Scores 0–5; a gap is weighted by the need’s importance (1–5).', font: FONT.small, muted: true },
    ], x, y, width);
    let cursor = y + title.height + 8;
    const needWidth = Math.min(260, Math.round(width * 0.3));
    const barMax = 200;
    // The party names as wide as the longest, within what leaves the gap text 240 px (else cut with "…").
    const widestParty = Math.ceil(largest(view.valueGap.parties.map((party, i) => textWidth(party, i === 0 ? FONT.smallBold : FONT.small))));
    const partyWidth = Math.max(120, Math.min(widestParty, width - needWidth - 16 - 8 - barMax - 40 - 8 - 240));
    const barX = x + needWidth + 16 + partyWidth + 8;
    const gapX = barX + barMax + 40;
    const gapWidth = Math.max(120, x + width - gapX - 8);
    const rowHeightOfBars = 16;
    const rows: ValueGapLayout['rows'] = view.valueGap.rows.map(row => {
        const needBlocks: Block[] = [{ text: row.need, font: FONT.textBold }];
        const meta = [row.importance !== undefined ? `Importance ${formatNumber(row.importance)}/5` : 'Importance not given', row.persona].filter(Boolean).join(' · ');
        needBlocks.push({ text: meta, font: FONT.small, muted: true });
        const need = placeBlocks(needBlocks, x + 8, cursor + 6, needWidth - 8);
        const gapText = row.highlighted
            ? `▲ Behind by ${formatNumber(row.gap)} × importance ${formatNumber(row.importance ?? 1)} = ${formatNumber(row.weightedGap)}`
            : '✓ Level or ahead';
        const gap = placeBlocks([{ text: gapText, font: row.severe ? FONT.smallBold : FONT.small, tone: row.highlighted ? 'bad' : 'good' }], gapX, cursor + 6, gapWidth);
        const lines = [...need.lines, ...gap.lines];
        const bars: ValueGapLayout['rows'][number]['bars'] = [];
        let barY = cursor + 6;
        view.valueGap.parties.forEach((party, index) => {
            const score = row.scores[index];
            if (score === undefined) {
                return;
            }
            const partyFont = index === 0 ? FONT.smallBold : FONT.small;
            const partyLine = placeBlocks([{ text: oneLine(party, partyWidth, partyFont), font: partyFont }], x + needWidth + 16, barY, partyWidth, 'end');
            lines.push(partyLine.lines[0]);
            const clamped = Math.max(0, Math.min(5, score));
            bars.push({ party, us: index === 0, box: { x: barX, y: round(barY + 3), width: round((clamped / 5) * barMax), height: 10 }, score });
            lines.push({ text: formatNumber(score), x: round(barX + (clamped / 5) * barMax + 6), y: round(barY + 12), size: FONT.small.size });
            barY += rowHeightOfBars;
        });
        const height = Math.ceil(Math.max(need.height, barY - cursor - 6, gap.height) + 12);
        // The tooltip has every score with the party's whole name (the row may show it cut short).
        const scores = view.valueGap.parties.flatMap((party, index) => row.scores[index] === undefined ? [] : [`${party} ${formatNumber(row.scores[index]!)}`]);
        const title = `${row.need}: ${gapText}\n${scores.join(' · ')}`;
        const laid = { id: row.id, box: { x, y: cursor, width, height }, highlighted: row.highlighted, severe: row.severe, lines, bars, title };
        cursor += height + 4;
        return laid;
    });
    return { box: { x, y, width, height: cursor - y }, titleLines: title.lines, rows };
}

function listSection(titleText: string, entries: Array<{ id: string; kind: CardKind; blocks: Block[]; tone?: Tone }>, x: number, y: number, width: number): ListLayout {
    const title = placeBlocks([{ text: titleText, font: FONT.section }], x, y, width);
    let cursor = y + title.height + 8;
    const items = entries.map(entry => {
        const item = card(entry.id, entry.kind, entry.blocks, x, cursor, width, entry.tone);
        cursor += item.box.height + CARD_GAP;
        return item;
    });
    return { box: { x, y, width, height: cursor - y }, titleLines: title.lines, items };
}
