import type { ViewModel } from '../view-model.js';
import { edgeLabel, nodeBlocks, type CrossEdge } from './elk-input.js';
import {
    BAND_PADDING, EDGE_SPACING, FONT, GUTTER_MIN, LAYER_SPACING, MARGIN, MIN_BAND_WIDTH, NODE_PADDING, NODE_WIDTH, SLOT_WIDTH,
    TITLE_COLUMN, TRACK_MARGIN, TRACK_SPACING, placeBlocks, round
} from './metrics.js';
import type { EdgeLayout, NodeLayout, Point, Rect, StageGraphLayout } from './types.js';
import { largest } from '../largest.js';

/**
 * The stage layouts set side by side, and the flows between stages routed: through the gutter between
 * neighbouring bands, or along tracks below the graph (forward) and above it (loops back) when they
 * skip stages.
 */

/** The map's columns: the stage bands and the gutters between them. */
export interface Columns {
    bandX: number[];
    bandWidth: number[];
    /** The right end of the last band. */
    mapRight: number;
    /** The x of each vertical run in a gutter, by `${edge index}:${part}` ('out', 'in' or 'both'). */
    runX: Map<string, number>;
}

/** x of every band, wide enough for its graph, its lane columns and its header, and the gutters' runs. */
export function bandColumns(view: ViewModel, graphs: StageGraphLayout[], crossEdges: CrossEdge[]): Columns {
    // Gutters between bands: one vertical run per flow passing through.
    const gutterRuns: Array<Array<{ edge: number; part: 'out' | 'in' | 'both' }>> = view.stages.map(() => []);
    for (const cross of crossEdges) {
        const { fromStage: s, toStage: t } = cross;
        if (!cross.backwards) {
            if (t === s + 1) {
                gutterRuns[s].push({ edge: cross.index, part: 'both' });
            } else {
                gutterRuns[s].push({ edge: cross.index, part: 'out' });
                gutterRuns[t - 1].push({ edge: cross.index, part: 'in' });
            }
        } else if (t === s - 1) {
            gutterRuns[t].push({ edge: cross.index, part: 'both' });
        } else {
            gutterRuns[s - 1].push({ edge: cross.index, part: 'out' });
            gutterRuns[t].push({ edge: cross.index, part: 'in' });
        }
    }
    const gutterWidths = gutterRuns.map(runs => Math.max(GUTTER_MIN, (runs.length + 1) * EDGE_SPACING));

    // Columns: x of every band, wide enough for its graph, its lane columns and its header.
    const bandX: number[] = [];
    const bandWidth: number[] = [];
    let x = MARGIN + TITLE_COLUMN;
    view.stages.forEach((stage, index) => {
        const slots = Math.max(stage.touchpoints.length, 1);
        const width = Math.max(graphs[index].width, BAND_PADDING * 2 + slots * SLOT_WIDTH - LAYER_SPACING, MIN_BAND_WIDTH);
        bandX.push(x);
        bandWidth.push(Math.ceil(width));
        x += Math.ceil(width) + (index < view.stages.length - 1 ? gutterWidths[index] : 0);
    });
    const gutterX = (gutter: number, run: number) => bandX[gutter] + bandWidth[gutter] + (run + 1) * (gutterWidths[gutter] / (gutterRuns[gutter].length + 1));
    const runX = new Map<string, number>();
    gutterRuns.forEach((runs, gutter) => runs.forEach((run, i) => runX.set(`${run.edge}:${run.part}`, round(gutterX(gutter, i)))));
    return { bandX, bandWidth, mapRight: x, runX };
}

/** The tracks of flows that skip stages: below the graph going forward, above it going back. */
export interface Tracks {
    /** The track of each skipping flow, by edge index. */
    trackOf: Map<number, number>;
    top: number;
    bottom: number;
}

export function packTracks(crossEdges: CrossEdge[], runX: Map<string, number>): Tracks {
    const forwardSkips = crossEdges.filter(c => !c.backwards && c.toStage > c.fromStage + 1);
    const backSkips = crossEdges.filter(c => c.backwards && c.toStage < c.fromStage - 1);
    const trackOf = new Map<number, number>();
    const pack = (skips: CrossEdge[]) => {
        const intervals = skips.map(c => {
            const a = runX.get(`${c.index}:out`)!;
            const b = runX.get(`${c.index}:in`)!;
            return { edge: c.index, start: Math.min(a, b), end: Math.max(a, b) };
        }).sort((p, q) => p.start - q.start || p.edge - q.edge);
        const ends: number[] = [];
        for (const interval of intervals) {
            let track = ends.findIndex(end => end + EDGE_SPACING < interval.start);
            if (track < 0) {
                track = ends.length;
                ends.push(0);
            }
            ends[track] = interval.end;
            trackOf.set(interval.edge, track);
        }
        return ends.length;
    };
    const bottom = pack(forwardSkips);
    const top = pack(backSkips);
    return { trackOf, top, bottom };
}

/** The rows of the graph from `y` down: the tracks above, the graph, the tracks below. */
export interface GraphRows {
    graphTop: number;
    graphHeight: number;
    topTrackY: (track: number) => number;
    bottomTrackY: (track: number) => number;
    /** Where the lanes start. */
    bottom: number;
}

export function graphRows(y: number, graphs: StageGraphLayout[], tracks: Tracks): GraphRows {
    const { top: topTracks, bottom: bottomTracks } = tracks;
    const topTrackBase = y + TRACK_MARGIN;
    const graphTop = Math.ceil(topTrackBase + Math.max(0, topTracks - 1) * TRACK_SPACING + (topTracks > 0 ? TRACK_MARGIN : 0));
    const graphHeight = Math.ceil(largest(graphs.map(g => g.height), 60));
    const graphBottom = graphTop + graphHeight;
    return {
        graphTop,
        graphHeight,
        topTrackY: track => topTrackBase + (topTracks - 1 - track) * TRACK_SPACING,
        bottomTrackY: track => graphBottom + TRACK_MARGIN + track * TRACK_SPACING,
        bottom: graphBottom + (bottomTracks > 0 ? TRACK_MARGIN * 2 + (bottomTracks - 1) * TRACK_SPACING : 0) + 12,
    };
}

/** The touchpoint nodes in map coordinates. */
export function placeNodes(view: ViewModel, graphs: StageGraphLayout[], bandX: number[], graphTop: number): NodeLayout[] {
    return view.touchpoints.map((tp): NodeLayout => {
        const at = graphs[tp.stageIndex].nodes[tp.id];
        const box: Rect = { x: round(bandX[tp.stageIndex] + at.x), y: round(graphTop + at.y), width: at.width, height: at.height };
        const { lines } = placeBlocks(nodeBlocks(tp), box.x + NODE_PADDING, box.y + NODE_PADDING, NODE_WIDTH - NODE_PADDING * 2);
        return {
            id: tp.id, kind: 'touchpoint', box, lines, stageId: tp.stageId, momentOfTruth: tp.momentOfTruth,
            ...(tp.momentOfTruth ? { tone: 'warn' as const } : {}),
            title: [tp.label, tp.channel?.label, tp.owner].filter(Boolean).join('\n'),
        };
    });
}

/**
 * Every flow in map coordinates: inside a stage as ELK laid it out; between stages, ELK's part in the
 * source stage, a route through the gutters (and a track when it skips stages), ELK's part in the target.
 */
export function routeEdges(
    view: ViewModel, graphs: StageGraphLayout[], crossEdges: CrossEdge[], stageOf: Map<string, number>,
    columns: Columns, tracks: Tracks, rows: GraphRows
): EdgeLayout[] {
    const { bandX, runX } = columns;
    const { graphTop, topTrackY, bottomTrackY } = rows;
    const toMap = (stage: number, p: Point): Point => ({ x: round(bandX[stage] + p.x), y: round(graphTop + p.y) });
    const labelOf = (stage: number, edgeId: string, text: string | undefined): EdgeLayout['label'] => {
        const rect = graphs[stage].edges[edgeId]?.labels[0];
        if (!text || !rect) {
            return undefined;
        }
        const { lines } = edgeLabel(text);
        const at = toMap(stage, rect);
        const box = { x: at.x, y: at.y, width: rect.width, height: rect.height };
        const placed = placeBlocks(lines.map(line => ({ text: line, font: FONT.small })), box.x, box.y + 2, box.width, 'middle');
        return { box, lines: placed.lines };
    };
    const crossByIndex = new Map(crossEdges.map(c => [c.index, c]));
    return view.edges.map((edge, index) => {
        const base = { id: edge.id, from: edge.from, to: edge.to, back: edge.back, implied: edge.implied };
        const cross = crossByIndex.get(index);
        if (!cross) {
            const stage = stageOf.get(edge.from)!;
            const points = (graphs[stage].edges[edge.id]?.points ?? []).map(p => toMap(stage, p));
            const label = labelOf(stage, edge.id, edge.label);
            return { ...base, points: simplify(points), ...(label ? { label } : {}) };
        }
        const s = cross.fromStage;
        const t = cross.toStage;
        const first = (graphs[s].edges[cross.outEdge]?.points ?? []).map(p => toMap(s, p));
        const last = (graphs[t].edges[cross.inEdge]?.points ?? []).map(p => toMap(t, p));
        const start = first[first.length - 1] ?? toMap(s, graphs[s].ports[cross.outPort]);
        const end = last[0] ?? toMap(t, graphs[t].ports[cross.inPort]);
        const middle: Point[] = [];
        if (Math.abs(t - s) === 1) {
            const gx = runX.get(`${index}:both`)!;
            middle.push({ x: gx, y: start.y }, { x: gx, y: end.y });
        } else {
            const track = tracks.trackOf.get(index)!;
            const ty = round(cross.backwards ? topTrackY(track) : bottomTrackY(track));
            const gOut = runX.get(`${index}:out`)!;
            const gIn = runX.get(`${index}:in`)!;
            middle.push({ x: gOut, y: start.y }, { x: gOut, y: ty }, { x: gIn, y: ty }, { x: gIn, y: end.y });
        }
        const label = labelOf(s, cross.outEdge, edge.label);
        return { ...base, points: simplify([...first, start, ...middle, end, ...last]), ...(label ? { label } : {}) };
    });
}

/** Drops repeated points and middle points of straight runs. */
function simplify(points: Point[]): Point[] {
    const out: Point[] = [];
    for (const p of points) {
        const last = out[out.length - 1];
        if (last && last.x === p.x && last.y === p.y) {
            continue;
        }
        const before = out[out.length - 2];
        if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) {
            out[out.length - 1] = p;
            continue;
        }
        out.push(p);
    }
    return out;
}
