import type { Phase, ViewModel } from '../view-model.js';
import { FONT, card, placeBlocks, type Block } from './metrics.js';
import type { Card, Layout } from './types.js';
import { largest } from '../largest.js';

/** The top of the map: the journey's header card, the phase bars over the bands, the stage headers. */

export function headerCard(view: ViewModel, x: number, y: number, width: number): Card {
    const h = view.header;
    const blocks: Block[] = [{ text: h.title, font: FONT.title }];
    for (const line of h.description) {
        blocks.push({ text: line, font: FONT.meta, italic: true });
    }
    if (h.personas.length > 0) {
        blocks.push({ text: `Personas: ${h.personas.join(', ')}`, font: FONT.meta });
    }
    if (h.trigger) {
        blocks.push({ text: `Trigger: ${h.trigger}`, font: FONT.meta });
    }
    const facts = [h.state, h.owner ? `Owner: ${h.owner}` : undefined].filter(Boolean);
    if (facts.length > 0) {
        blocks.push({ text: facts.join(' · '), font: FONT.meta, muted: true });
    }
    const review = h.review.date
        ? `Reviewed ${h.review.date}${h.review.everyDays !== undefined ? `, every ${h.review.everyDays} days` : ''}${h.review.stale ? ' · ⚠ Stale: due for review' : ''}`
        : '⚠ Never reviewed';
    blocks.push({ text: review, font: FONT.meta, ...(h.review.stale ? { tone: 'warn' as const } : { muted: true }) });
    if (view.stages.length === 0) {
        // A journey just started draws empty rows: say what makes the map.
        blocks.push({ text: 'No stages yet: add stage NAME "…" { touchpoint NAME "…" } to the journey to draw its map.', font: FONT.meta, muted: true });
    }
    return { ...card(h.id, 'header', blocks, x, y, width, h.review.stale ? 'warn' : undefined) };
}

/** The phase bars over the runs of stages in one phase, from `y`; and the height they take (none without phases). */
export function phaseBars(view: ViewModel, bandX: number[], bandWidth: number[], y: number): { phases: Layout['phases']; height: number } {
    const phases: Layout['phases'] = [];
    const hasPhases = view.stages.some(stage => stage.phase);
    if (!hasPhases) {
        return { phases, height: 0 };
    }
    const phaseHeight = 22;
    let start = 0;
    for (let i = 1; i <= view.stages.length; i++) {
        if (i === view.stages.length || view.stages[i].phase !== view.stages[start].phase) {
            const phase = view.stages[start].phase;
            if (phase) {
                const box = { x: bandX[start], y, width: bandX[i - 1] + bandWidth[i - 1] - bandX[start], height: phaseHeight };
                const { lines } = placeBlocks([{ text: phaseTitle(phase), font: FONT.smallBold }], box.x + 8, y + 2, box.width - 16);
                phases.push({ phase, box, lines: lines.slice(0, 1) });
            }
            start = i;
        }
    }
    return { phases, height: phaseHeight + 6 };
}

function phaseTitle(phase: Phase): string {
    return phase === 'pre-purchase' ? 'Pre-purchase' : phase === 'purchase' ? 'Purchase' : 'Post-purchase';
}

/** The stage headers at the top of their bands, all as tall as the tallest (at least 40). */
export function stageHeaderCards(view: ViewModel, bandX: number[], bandWidth: number[], stageTop: number): { headers: Card[]; height: number } {
    const headers = view.stages.map((stage, index) => {
        const blocks: Block[] = [{ text: stage.label, font: FONT.stage }];
        if (stage.question) {
            blocks.push({ text: stage.question, font: FONT.question, italic: true, muted: true });
        }
        return card(stage.id, 'stage', blocks, bandX[index], stageTop, bandWidth[index]);
    });
    const height = largest(headers.map(h => h.box.height), 40);
    headers.forEach(h => { h.box.height = height; });
    return { headers, height };
}
