import type { ELK } from 'elkjs/lib/elk-api.js';
import type { Phase } from '../view-model.js';

/** The layout's result: where everything goes, in pixels, with every text already broken into lines. */

export interface Point {
    x: number;
    y: number;
}

export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

/** One line of text: `y` is its baseline. */
export interface TextLine {
    text: string;
    x: number;
    y: number;
    size: number;
    bold?: boolean;
    italic?: boolean;
    anchor?: 'start' | 'middle' | 'end';
    /** Drawn in the muted colour. */
    muted?: boolean;
    tone?: Tone;
}

export type CardKind =
    | 'header' | 'stage' | 'touchpoint' | 'action' | 'thought' | 'pain' | 'opportunity' | 'moment' | 'backstage' | 'kpi'
    | 'unknown' | 'plan';

/** A box with text: nodes, lane items, list entries. */
export interface Card {
    id: string;
    kind: CardKind;
    box: Rect;
    lines: TextLine[];
    tone?: Tone;
    /** Full text for a tooltip. */
    title: string;
}

export interface NodeLayout extends Card {
    stageId: string;
    momentOfTruth: boolean;
}

export interface EdgeLayout {
    id: string;
    from: string;
    to: string;
    back: boolean;
    implied: boolean;
    /** From the source node's boundary to the target node's boundary. */
    points: Point[];
    label?: { box: Rect; lines: TextLine[] };
}

export interface StageLayout {
    id: string;
    index: number;
    /** The column: from the stage header to the last lane. */
    band: Rect;
    header: Card;
    /** x ranges of the touchpoint columns in the lanes, in customer order. */
    slots: Array<{ touchpointId: string; x: number; width: number }>;
}

export type LaneKind = 'actions' | 'thoughts' | 'emotions' | 'pains' | 'opportunities' | 'moments' | 'backstage' | 'kpis';

export interface LaneLayout {
    id: string;
    kind: LaneKind;
    /** The whole row, title column included. */
    box: Rect;
    titleLines: TextLine[];
    items: Array<Card & { stageId: string; touchpointId?: string }>;
}

export interface EmotionLayout {
    laneId: string;
    /** The plotting area: +3 at its top, -3 at its bottom. */
    plot: Rect;
    zeroY: number;
    unit: number;
    ticks: TextLine[];
    /** A point per touchpoint with an emotion: its value, its label under the plot, what a click reveals. */
    points: Array<{ id: string; touchpointId: string; x: number; y: number; value: number; tone: Tone; lines: TextLine[]; title: string }>;
    /** Through the points in journey order; empty when the curves are drawn per persona. */
    polyline: Point[];
    /** A curve per persona (the view model's `personaCurves`), instead of `polyline`. */
    personas?: PersonaCurveLayout[];
    /** The current state's curve, drawn faintly under this one (a layout of a view model with a baseline). */
    baseline?: BaselineEmotionLayout;
    /** In the title column under the lane's name: a sample of each curve and what it is; empty for one plain curve. */
    legend: EmotionLegendEntry[];
}

/** The marker shapes of the persona curves (given out in this order: lanes.ts PERSONA_MARKERS). */
export type PersonaMarker = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'hexagon';

export interface PersonaCurveLayout {
    persona: string;
    label: string;
    /**
     * 1..6: its colour (`--journey-persona-N`, colour-blind safe) and marker shape;
     * personas past the last slot start again, dashed.
     */
    slot: number;
    marker: PersonaMarker;
    dashed: boolean;
    /** Its line's width and its markers' radius: larger for the first personas, drawn under the next (lanes.ts). */
    width: number;
    markerSize: number;
    /** At each touchpoint it meets: that touchpoint's point (its x, its value on the scale). */
    points: Array<{ touchpointId: string; x: number; y: number; value: number }>;
    polyline: Point[];
}

export interface EmotionLegendEntry {
    kind: 'baseline' | 'journey' | 'persona';
    /** A persona entry's persona (its name), curve slot and marker (at the sample's middle). */
    persona?: string;
    slot?: number;
    marker?: PersonaMarker;
    dashed?: boolean;
    from: Point;
    to: Point;
    text: TextLine;
    /** The whole label, when the text is cut short. */
    title: string;
}

export interface BaselineEmotionLayout {
    /** At this journey's touchpoints' x (`touchpointId`), or spread along them, on the same scale. */
    points: Array<{ touchpointId?: string; x: number; y: number; value: number; title: string }>;
    polyline: Point[];
}

export interface ValueGapLayout {
    box: Rect;
    titleLines: TextLine[];
    rows: Array<{
        id: string;
        box: Rect;
        highlighted: boolean;
        severe: boolean;
        lines: TextLine[];
        bars: Array<{ party: string; us: boolean; box: Rect; score: number }>;
        title: string;
    }>;
}

export interface ListLayout {
    box: Rect;
    titleLines: TextLine[];
    items: Card[];
}

export interface Layout {
    id: string;
    name: string;
    title: string;
    width: number;
    height: number;
    header: Card;
    phases: Array<{ phase: Phase; box: Rect; lines: TextLine[] }>;
    /** The title column at the left: "Stages", "Touchpoints" and the lane names. */
    rowTitles: TextLine[];
    stages: StageLayout[];
    /** The area the touchpoint graph is drawn in (tracks excluded). */
    graph: Rect;
    nodes: NodeLayout[];
    edges: EdgeLayout[];
    lanes: LaneLayout[];
    emotion?: EmotionLayout;
    valueGap?: ValueGapLayout;
    unknowns?: ListLayout;
    plans?: ListLayout;
}

/** What layout needs of ELK; an instance can be shared by many layouts (and webview renders). */
export type ElkLike = Pick<ELK, 'layout'>;

/** A stage's ELK result, relative to the stage's top-left corner. */
export interface StageGraphLayout {
    width: number;
    height: number;
    nodes: Record<string, Rect>;
    ports: Record<string, Point>;
    edges: Record<string, { points: Point[]; labels: Rect[] }>;
}
