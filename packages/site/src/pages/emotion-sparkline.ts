import type { JourneyMapModel, StageModel, TouchpointModel } from '@journey/language';
import { html, type Markup } from '../html/markup.js';
import { signed } from '../html/parts.js';
import { touchpointsOf } from '../site/journey-elements.js';

/**
 * A persona's emotion curve in a journey: the emotions of the touchpoints the persona meets, in stage
 * order, drawn as a small inline SVG (-3..+3, a dashed zero line, a point per touchpoint with its
 * `<title>`), named for screen readers by a summary (`role="img"`, `aria-label`) and followed by the
 * same values as a table (screen readers, print). Classes only, no `style` (the CSP forbids it);
 * every coordinate finite and rounded to 2 decimals, so the same journey gives the same bytes.
 */

export interface EmotionPoint {
    stage: StageModel;
    touchpoint: TouchpointModel;
    value: number;
    label?: string;
}

/** The lowest and highest emotion the language writes. */
export const EMOTION_MIN = -3;
export const EMOTION_MAX = 3;

const STEP = 36;
const PAD = 6;
const HEIGHT = 56;
const RADIUS = 3.5;

/** The touchpoints of `journey` that `persona` meets (its `by` line, else the journey's personas), in stage order. */
export function touchpointsMet(journey: JourneyMapModel, persona: string): Array<{ stage: StageModel; touchpoint: TouchpointModel }> {
    return touchpointsOf(journey).filter(({ touchpoint }) => touchpoint.personas.includes(persona));
}

/** The emotion points of the touchpoints `persona` meets in `journey` that have a (finite) emotion. */
export function emotionPoints(journey: JourneyMapModel, persona: string): EmotionPoint[] {
    return touchpointsMet(journey, persona).flatMap(({ stage, touchpoint }) => {
        const emotion = touchpoint.emotion;
        return emotion && Number.isFinite(emotion.value) ? [{ stage, touchpoint, value: emotion.value, label: emotion.label }] : [];
    });
}

/** A number as an SVG attribute: finite, rounded to 2 decimals, no `-0`. */
export function coordinate(value: number): string {
    const rounded = Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
    return String(rounded === 0 ? 0 : rounded);
}

/** The y of a value: +3 at the top, -3 at the bottom (values outside are drawn at the edge). */
export function emotionY(value: number): number {
    const clamped = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, value));
    return PAD + ((EMOTION_MAX - clamped) / (EMOTION_MAX - EMOTION_MIN)) * (HEIGHT - 2 * PAD);
}

function emotionX(index: number): number {
    return PAD + index * STEP;
}

/** A value as the reader reads it: `+2 (relieved)`. */
export function emotionText(point: Pick<EmotionPoint, 'value' | 'label'>): string {
    return point.label !== undefined && point.label !== '' ? `${signed(point.value)} (${point.label})` : signed(point.value);
}

/** "Emotion in Fleet renewal: from -1 to +2, lowest -2 at Pricing page, highest +2 at Renewal call". */
export function emotionSummary(journeyLabel: string, points: readonly EmotionPoint[]): string {
    if (points.length === 0) {
        return `Emotion in ${journeyLabel}: none written`;
    }
    if (points.length === 1) {
        return `Emotion in ${journeyLabel}: ${signed(points[0].value)} at ${points[0].touchpoint.label}`;
    }
    // Ties: the first in stage order.
    const lowest = points.reduce((low, point) => (point.value < low.value ? point : low));
    const highest = points.reduce((high, point) => (point.value > high.value ? point : high));
    const first = points[0];
    const last = points[points.length - 1];
    return `Emotion in ${journeyLabel}: from ${signed(first.value)} to ${signed(last.value)}, `
        + `lowest ${signed(lowest.value)} at ${lowest.touchpoint.label}, highest ${signed(highest.value)} at ${highest.touchpoint.label}`;
}

function tone(value: number): string {
    return value > 0 ? 'positive' : value < 0 ? 'negative' : 'neutral';
}

/** The SVG of the curve; `undefined` when no point has an emotion. */
export function sparklineSvg(journeyLabel: string, points: readonly EmotionPoint[]): Markup | undefined {
    if (points.length === 0) {
        return undefined;
    }
    const width = 2 * PAD + Math.max(1, points.length - 1) * STEP;
    const zero = coordinate(emotionY(0));
    const placed = points.map((point, index) => ({ point, x: coordinate(points.length === 1 ? width / 2 : emotionX(index)), y: coordinate(emotionY(point.value)) }));
    const line = placed.length > 1 ? html`<polyline class="line" points="${placed.map(p => `${p.x},${p.y}`).join(' ')}"/>` : undefined;
    return html`<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 ${coordinate(width)} ${coordinate(HEIGHT)}" width="${coordinate(width)}" height="${coordinate(HEIGHT)}" role="img" aria-label="${emotionSummary(journeyLabel, points)}">
<line class="zero" x1="0" y1="${zero}" x2="${coordinate(width)}" y2="${zero}"/>
${line}
${placed.map(({ point, x, y }) => html`<circle class="point emotion-${tone(point.value)}" cx="${x}" cy="${y}" r="${coordinate(RADIUS)}" data-value="${String(point.value)}"><title>${point.touchpoint.label}: ${emotionText(point)}</title></circle>\n`)}</svg>`;
}

/**
 * The curve and its values side by side. The summary under the curve is the SVG's accessible name
 * written out for the eye (hidden from screen readers, who hear it once, as the image's name). `touchpointCell` writes a touchpoint in the table (a link to
 * the map with it highlighted); `caption` names the table.
 */
export function emotionCurve(journeyLabel: string, points: readonly EmotionPoint[], caption: string, touchpointCell: (point: EmotionPoint) => Markup | string): Markup {
    const svg = sparklineSvg(journeyLabel, points);
    if (!svg) {
        return html``;
    }
    return html`<div class="emotion-curve">
<div class="emotion-spark">${svg}<p class="spark-summary muted" aria-hidden="true">${emotionSummary(journeyLabel, points)}</p></div>
<div class="table-wrap"><table class="emotion-values">
<caption>${caption}</caption>
<thead><tr><th scope="col">Stage</th><th scope="col">Touchpoint</th><th scope="col" class="num">Emotion</th></tr></thead>
<tbody>
${points.map(point => html`<tr><td>${point.stage.label}</td><td>${touchpointCell(point)}</td><td class="num">${emotionText(point)}</td></tr>\n`)}</tbody>
</table></div>
</div>`;
}
