// Through the protocol module, not the index: the webview bundles the preview without Langium.
import { formatNumber, SIGNED_SCORE } from '@journey/language/number-format';
import type { KpiItem, LaneItemBase, OpportunityItem, PainItem, PersonaCurveView, ViewModel } from '../view-model.js';
import type { Columns } from './routing.js';
import {
    BAND_PADDING, CARD_GAP, EMOTION_UNIT, FONT, LANE_PADDING, LAYER_SPACING, MARGIN, NODE_WIDTH, TITLE_COLUMN,
    card, lineHeight, oneLine, placeBlocks, round, type Block
} from './metrics.js';
import type {
    CardKind, EmotionLayout, EmotionLegendEntry, LaneKind, LaneLayout, PersonaCurveLayout, PersonaMarker, StageGraphLayout,
    StageLayout, TextLine, Tone
} from './types.js';
import { largest } from '../largest.js';

/** The lanes under the graph (does, thinks, feels, pains, …): each item in its touchpoint's column of its stage's band. */

/** A row's title in the title column at the left. */
export function rowTitleLines(text: string, top: number): TextLine[] {
    return placeBlocks([{ text, font: FONT.rowTitle }], MARGIN, top + LANE_PADDING, TITLE_COLUMN - 12).lines;
}

/** The lanes from `y` down, the row titles of those drawn, and where the last one ends. */
export function layoutLanes(
    view: ViewModel, stages: StageLayout[], columns: Columns, y: number
): { lanes: LaneLayout[]; emotion?: EmotionLayout; rowTitles: TextLine[]; bottom: number } {
    const { bandX, bandWidth, mapRight } = columns;
    const slotOf = new Map(stages.flatMap(stage => stage.slots.map(slot => [slot.touchpointId, slot] as const)));
    const rowTitles: TextLine[] = [];
    const rowTitle = (text: string, top: number) => {
        for (const line of rowTitleLines(text, top)) {
            rowTitles.push(line);
        }
    };
    const lanes: LaneLayout[] = [];
    let emotion: EmotionLayout | undefined;
    const laneSpecs: Array<{ kind: LaneKind; title: string; items: Array<{ item: LaneItemBase; blocks: Block[]; kind: CardKind; tone?: Tone }> }> = [
        { kind: 'actions', title: 'Does', items: view.lanes.actions.map(item => ({ item, kind: 'action', blocks: [{ text: item.text, font: FONT.text }] })) },
        { kind: 'thoughts', title: 'Thinks', items: view.lanes.thoughts.map(item => ({ item, kind: 'thought', blocks: [{ text: `“${item.text}”`, font: FONT.text, italic: true }] })) },
        { kind: 'emotions', title: 'Feels', items: [] },
        { kind: 'pains', title: 'Pains', items: view.lanes.pains.map(item => ({ item, kind: 'pain', tone: 'bad', blocks: painBlocks(item) })) },
        { kind: 'opportunities', title: 'Opportunities', items: view.lanes.opportunities.map(item => ({ item, kind: 'opportunity', tone: 'good', blocks: opportunityBlocks(item) })) },
        { kind: 'moments', title: 'Moments of truth', items: view.lanes.moments.map(item => ({ item, kind: 'moment', tone: 'warn', blocks: [{ text: '★ Moment of truth', font: FONT.smallBold, tone: 'warn' }, { text: item.label, font: FONT.text }] })) },
        { kind: 'backstage', title: 'Backstage', items: view.lanes.backstage.map(item => ({ item, kind: 'backstage', blocks: [{ text: item.text, font: FONT.text }] })) },
        { kind: 'kpis', title: 'KPIs', items: view.lanes.kpis.map(item => ({ item, kind: 'kpi', tone: kpiTone(item), blocks: kpiBlocks(item) })) },
    ];
    const contentLeft = MARGIN;
    const contentWidth = mapRight - MARGIN;
    for (const spec of laneSpecs) {
        const laneId = `lane:${view.name}:${spec.kind}`;
        if (spec.kind === 'emotions') {
            if (view.lanes.emotions.length === 0 && !view.baseline) {
                continue;
            }
            emotion = emotionLane(view, laneId, slotOf, y, mapRight - MARGIN - TITLE_COLUMN);
            const labels = largest(emotion.points.map(p => p.lines.length * lineHeight(FONT.small)), 0);
            // Tall enough for its legend too (many personas).
            const legendBottom = largest(emotion.legend.map(entry => entry.text.y + LANE_PADDING - y), 0);
            const height = Math.max(emotion.plot.height + LANE_PADDING * 2 + labels + 8, legendBottom);
            lanes.push({ id: laneId, kind: 'emotions', box: { x: contentLeft, y, width: contentWidth, height }, titleLines: [], items: [] });
            rowTitle(spec.title, y);
            y += height;
            continue;
        }
        if (spec.items.length === 0) {
            continue;
        }
        const top = y + LANE_PADDING;
        let laneHeight = 0;
        const items: LaneLayout['items'] = [];
        const byStage: Array<typeof spec.items> = view.stages.map(() => []);
        for (const entry of spec.items) {
            byStage[entry.item.stageIndex]?.push(entry);
        }
        view.stages.forEach((stage, index) => {
            const columnBottom = new Map<string, number>();
            let stageBottom = top;
            const inStage = byStage[index];
            for (const entry of inStage.filter(e => e.item.touchpointId !== undefined && slotOf.has(e.item.touchpointId))) {
                const slot = slotOf.get(entry.item.touchpointId!)!;
                const at = columnBottom.get(slot.touchpointId) ?? top;
                const placed = card(entry.item.id, entry.kind, entry.blocks, slot.x, at, slot.width, entry.tone);
                items.push({ ...placed, stageId: stage.id, touchpointId: entry.item.touchpointId });
                columnBottom.set(slot.touchpointId, at + placed.box.height + CARD_GAP);
                stageBottom = Math.max(stageBottom, at + placed.box.height + CARD_GAP);
            }
            // Items of the whole stage span its band, under the touchpoints' columns.
            for (const entry of inStage.filter(e => e.item.touchpointId === undefined || !slotOf.has(e.item.touchpointId))) {
                const placed = card(entry.item.id, entry.kind, entry.blocks, bandX[index] + BAND_PADDING, stageBottom, bandWidth[index] - BAND_PADDING * 2, entry.tone);
                items.push({ ...placed, stageId: stage.id });
                stageBottom += placed.box.height + CARD_GAP;
            }
            laneHeight = Math.max(laneHeight, stageBottom - top);
        });
        const height = Math.max(36, laneHeight + LANE_PADDING * 2 - CARD_GAP);
        lanes.push({ id: laneId, kind: spec.kind, box: { x: contentLeft, y, width: contentWidth, height }, titleLines: [], items });
        rowTitle(spec.title, y);
        y += height;
    }
    return { lanes, ...(emotion ? { emotion } : {}), rowTitles, bottom: y };
}

/**
 * The lane columns of a stage's touchpoints, in customer order: each as near under its node as the
 * others allow. Touchpoints side by side in the graph get their own columns; where several share a
 * layer (a branch), the later ones move right, and where that would leave the band, columns move back
 * left. The band is wide enough for every column (see the band widths), so they never overlap.
 */
export function laneSlots(touchpoints: string[], graph: StageGraphLayout, bandX: number, bandWidth: number): StageLayout['slots'] {
    const left = bandX + BAND_PADDING;
    const right = bandX + bandWidth - BAND_PADDING;
    const xs = touchpoints.map(id => bandX + (graph.nodes[id]?.x ?? BAND_PADDING));
    for (let i = 0; i < xs.length; i++) {
        xs[i] = Math.max(xs[i], i === 0 ? left : xs[i - 1] + NODE_WIDTH + LAYER_SPACING);
    }
    for (let i = xs.length - 1; i >= 0; i--) {
        xs[i] = Math.min(xs[i], i === xs.length - 1 ? right - NODE_WIDTH : xs[i + 1] - NODE_WIDTH - LAYER_SPACING);
    }
    return touchpoints.map((touchpointId, i) => ({ touchpointId, x: round(xs[i]), width: NODE_WIDTH }));
}

function severityMark(severity: number | undefined): string {
    if (severity === undefined) {
        return '▲ Pain';
    }
    const filled = Math.max(0, Math.min(5, Math.round(severity)));
    return `▲ Severity ${formatNumber(severity)}/5 ${'■'.repeat(filled)}${'□'.repeat(5 - filled)}`;
}

function painBlocks(item: PainItem): Block[] {
    const blocks: Block[] = [
        { text: severityMark(item.severity), font: FONT.smallBold, tone: 'bad' },
        { text: item.label, font: FONT.text },
    ];
    if (item.evidence.length > 0) {
        blocks.push({ text: `Evidence: ${item.evidence.join(', ')}`, font: FONT.small, muted: true });
    }
    return blocks;
}

function opportunityBlocks(item: OpportunityItem): Block[] {
    const blocks: Block[] = [
        { text: '◆ Opportunity', font: FONT.smallBold, tone: 'good' },
        { text: item.label, font: FONT.text },
    ];
    if (item.owner) {
        blocks.push({ text: `Owner: ${item.owner}`, font: FONT.small, muted: true });
    }
    return blocks;
}

function kpiTone(item: KpiItem): Tone {
    return item.onTarget === undefined ? 'neutral' : item.onTarget ? 'good' : 'bad';
}

function kpiBlocks(item: KpiItem): Block[] {
    const mark = item.onTarget === undefined ? '○ No target' : item.onTarget ? '✓ On target' : '✗ Off target';
    const blocks: Block[] = [
        { text: item.metric, font: FONT.textBold },
        { text: `${item.value}${item.target !== undefined ? ` (target ${item.target}${item.lowerIsBetter ? ', lower is better' : ''})` : ''}`, font: FONT.text },
        { text: mark, font: FONT.smallBold, tone: kpiTone(item) },
    ];
    if (item.n !== undefined) {
        blocks.push(item.smallSample
            ? { text: `⚠ Small sample: n = ${item.n}`, font: FONT.smallBold, tone: 'warn' }
            : { text: `Computed from n = ${item.n}`, font: FONT.small, muted: true });
    }
    if (item.source) {
        blocks.push(item.sourceStale
            ? { text: `⚠ Source: ${item.source} (stale: ${item.sourceDate})`, font: FONT.small, tone: 'warn' }
            : { text: `Source: ${item.source}`, font: FONT.small, muted: true });
    }
    return blocks;
}

function emotionLane(view: ViewModel, laneId: string, slotOf: Map<string, { x: number; width: number }>, top: number, width: number): EmotionLayout {
    const plot = { x: MARGIN + TITLE_COLUMN, y: top + LANE_PADDING + 6, width, height: EMOTION_UNIT * 6 };
    const zeroY = plot.y + EMOTION_UNIT * 3;
    const points: EmotionLayout['points'] = [];
    const emotionById = new Map(view.lanes.emotions.map(item => [item.touchpointId, item]));
    for (const tp of view.touchpoints) {
        const item = emotionById.get(tp.id);
        const slot = slotOf.get(tp.id);
        if (!item || !slot) {
            continue;
        }
        const value = Math.max(-3, Math.min(3, item.value));
        const x = round(slot.x + slot.width / 2);
        const text = `${formatNumber(item.value, SIGNED_SCORE)}${item.label ? ` ${item.label}` : ''}`;
        const tone: Tone = item.value > 0 ? 'good' : item.value < 0 ? 'bad' : 'neutral';
        const { lines } = placeBlocks([{ text, font: FONT.small }], slot.x, plot.y + plot.height + 6, slot.width, 'middle');
        points.push({ id: item.id, touchpointId: tp.id, x, y: round(zeroY - value * EMOTION_UNIT), value: item.value, tone, lines, title: text });
    }
    const tickX = MARGIN + TITLE_COLUMN - 8;
    const ticks = [3, 0, -3].map(value => ({
        text: formatNumber(value, SIGNED_SCORE),
        x: tickX, y: round(zeroY - value * EMOTION_UNIT + 4), size: FONT.small.size, anchor: 'end' as const, muted: true,
    }));
    const personas = view.personaCurves ? personaCurves(view.personaCurves, points) : undefined;
    if (personas) {
        // Whose feeling it is: the point's hover names the personas whose curves go through it.
        const who = new Map<string, string[]>();
        for (const curve of personas) {
            for (const { touchpointId } of curve.points) {
                who.set(touchpointId, [...who.get(touchpointId) ?? [], legendName(curve)]);
            }
        }
        for (const point of points) {
            point.title = `${point.title} (${who.get(point.touchpointId)?.join(', ') ?? 'no persona of the journey'})`;
        }
    }
    const baseline = baselineEmotions(view, slotOf, zeroY);
    return {
        laneId, plot, zeroY, unit: EMOTION_UNIT, ticks, points,
        polyline: personas ? [] : points.map(p => ({ x: p.x, y: p.y })),
        ...(personas ? { personas } : {}),
        ...(baseline ? { baseline } : {}),
        legend: emotionLegend(plot.y, baseline !== undefined, points.length > 0, personas),
    };
}

/** Marker shapes given out to the persona curves in turn (each with its colour: `--journey-persona-N`). */
export const PERSONA_MARKERS: readonly PersonaMarker[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'hexagon'];
/**
 * Curves through the same points lie on each other: the first personas' are drawn wider, each under the
 * next, so a stretch they share shows every colour (the narrowest on top, the others as its edges), and
 * their markers larger, one inside the next. From the fourth persona on, all are the narrowest.
 */
const CURVE_WIDTH = 2.5;
const CURVE_WIDTH_STEP = 1.75;
const MARKER_SIZE = 4.5;
const MARKER_SIZE_STEP = 2;
const NESTED = 3;

/** Each persona's curve through exactly the points of the touchpoints it meets. */
function personaCurves(curves: PersonaCurveView[], points: EmotionLayout['points']): PersonaCurveLayout[] {
    const pointAt = new Map(points.map(point => [point.touchpointId, point]));
    const nested = Math.min(curves.length, NESTED);
    return curves.map((curve, index) => {
        const through = curve.touchpointIds.flatMap(id => {
            const point = pointAt.get(id);
            return point ? [{ touchpointId: id, x: point.x, y: point.y, value: point.value }] : [];
        });
        const wider = Math.max(0, nested - 1 - index);
        return {
            persona: curve.persona, label: curve.label,
            slot: (index % PERSONA_MARKERS.length) + 1,
            marker: PERSONA_MARKERS[index % PERSONA_MARKERS.length],
            dashed: Math.floor(index / PERSONA_MARKERS.length) % 2 === 1,
            width: CURVE_WIDTH + CURVE_WIDTH_STEP * wider,
            markerSize: MARKER_SIZE + MARKER_SIZE_STEP * wider,
            points: through,
            polyline: through.map(p => ({ x: p.x, y: p.y })),
        };
    });
}

/** The baseline's (current state's) emotions at this journey's touchpoints. */
function baselineEmotions(view: ViewModel, slotOf: Map<string, { x: number; width: number }>, zeroY: number): EmotionLayout['baseline'] {
    const points: NonNullable<EmotionLayout['baseline']>['points'] = [];
    // Spread along this journey: from its first touchpoint's centre to its last's.
    const centres = [...slotOf.values()].map(slot => slot.x + slot.width / 2);
    const first = Math.min(...centres);
    const last = Math.max(...centres);
    const spread = view.baseline?.alignment === 'spread';
    for (const emotion of view.baseline?.emotions ?? []) {
        const slot = emotion.touchpointId !== undefined ? slotOf.get(emotion.touchpointId) : undefined;
        const x = slot ? slot.x + slot.width / 2 : emotion.position !== undefined && centres.length > 0 ? first + emotion.position * (last - first) : undefined;
        if (x === undefined) {
            continue;
        }
        const value = Math.max(-3, Math.min(3, emotion.value));
        points.push({
            ...(emotion.touchpointId !== undefined ? { touchpointId: emotion.touchpointId } : {}),
            x: round(x),
            y: round(zeroY - value * EMOTION_UNIT),
            value: emotion.value,
            title: `Current state${spread ? `, ${emotion.touchpointLabel}` : ''}: ${formatNumber(emotion.value, SIGNED_SCORE)}${emotion.label ? ` (${emotion.label})` : ''}`,
        });
    }
    return points.length > 0 ? { points, polyline: points.map(p => ({ x: p.x, y: p.y })) } : undefined;
}

/**
 * What tells the curves apart, under the lane's title, left of the scale's ticks: the current state and
 * this journey, and each persona. Nothing for one plain curve.
 */
function emotionLegend(plotTop: number, baseline: boolean, ownCurve: boolean, personas: PersonaCurveLayout[] | undefined): EmotionLegendEntry[] {
    const entries: Array<Omit<EmotionLegendEntry, 'from' | 'to' | 'text'> & { label: string; muted?: boolean }> = [];
    if (baseline) {
        entries.push({ kind: 'baseline', label: 'current state', title: 'current state', muted: true });
    }
    if (personas) {
        for (const curve of personas) {
            entries.push({ kind: 'persona', persona: curve.persona, slot: curve.slot, marker: curve.marker, dashed: curve.dashed, label: legendName(curve), title: curve.label || curve.persona });
        }
    } else if (baseline && ownCurve) {
        entries.push({ kind: 'journey', label: 'this journey', title: 'this journey' });
    }
    return entries.map(({ label, muted, ...entry }, index) => {
        const y = round(plotTop + 30 + index * lineHeight(FONT.small));
        const textX = MARGIN + LEGEND_SAMPLE + 5;
        return {
            ...entry,
            from: { x: MARGIN, y: y - 4 },
            to: { x: MARGIN + LEGEND_SAMPLE, y: y - 4 },
            text: {
                text: oneLine(label, LEGEND_TICKS_X - textX, FONT.small), x: textX, y, size: FONT.small.size,
                ...(muted ? { muted: true } : {}),
            },
        };
    });
}

/** A persona's label is mostly "Name, Role": the name tells the curves apart (a title has it all). */
function legendName(curve: PersonaCurveLayout): string {
    return curve.label.split(',')[0].trim() || curve.persona;
}

/** Where the legend's text must end: short of the scale's ticks ("+3") at the title column's right. */
const LEGEND_TICKS_X = MARGIN + TITLE_COLUMN - 26;

/** The length of a legend's sample of a curve. */
const LEGEND_SAMPLE = 18;

/** The stage bands (their height is set once the lanes are laid out), headers and lane columns. */
export function stageLayouts(view: ViewModel, graphs: StageGraphLayout[], columns: Columns, stageTop: number, headers: StageLayout['header'][]): StageLayout[] {
    const { bandX, bandWidth } = columns;
    return view.stages.map((stage, index) => ({
        id: stage.id,
        index,
        band: { x: bandX[index], y: stageTop, width: bandWidth[index], height: 0 },
        header: headers[index],
        slots: laneSlots(stage.touchpoints, graphs[index], bandX[index], bandWidth[index]),
    }));
}
