import type { ELK, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { textWidth, wrapText, type FontSpec } from './text-metrics.js';
import type {
    KpiItem, LaneItemBase, OpportunityItem, PainItem, Phase, PlanView, TouchpointView, ViewModel
} from './view-model.js';
import { formatNumber } from './view-model.js';

/**
 * ViewModel → Layout: where everything goes, in pixels, with every text already broken into lines.
 *
 * ELK lays out each stage on its own (its touchpoints and the flows between them; flows to other
 * stages end at ports on the stage's sides), and the stages are set side by side as column bands in
 * stage order. Flows between stages are routed here: through the gutter between neighbouring bands,
 * or along tracks below the graph (forward) and above it (loops back) when they skip stages. Laying
 * out stages apart keeps each ELK layout small, and a stage whose ELK input did not change is taken
 * from the cache: an edit to one touchpoint lays out one stage again. (From cold it is not much
 * cheaper than one ELK layout of the whole map with the stages as partitions: on a 500-touchpoint map
 * of 40 stages, ELK's 40 stage layouts take some 0.5–0.8 of that one; bench/render-bench.mjs.)
 *
 * The stages that need ELK go to it in one call, each a separate child of one root (ELK lays out each
 * on its own, with its own random seed, exactly as in a call of its own), which saves ELK's per-call
 * cost. A stage whose graph is a plain chain, or has no flows between its touchpoints (see
 * `chainStageLayout`), is not given to ELK at all: its layout is computed here, equal to what ELK
 * layered gives for it.
 */

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
    points: Array<{ id: string; touchpointId: string; x: number; y: number; value: number; tone: Tone; lines: TextLine[]; title: string }>;
    /** Through the points in journey order. */
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

/**
 * Per-stage layouts, keyed by the stage's ELK input (its JSON: an exact key, and cheaper to make than
 * a digest of it); least recently used dropped first.
 */
export class StageLayoutCache {
    private readonly entries = new Map<string, StageGraphLayout>();
    /**
     * Stage layouts computed (misses) and reused (hits) since creation; `chains` of the misses were
     * computed by the fast path for plain stages (`chainStageLayout`), the others by ELK.
     */
    misses = 0;
    hits = 0;
    chains = 0;

    constructor(readonly maxEntries = 2000) {}

    get(key: string): StageGraphLayout | undefined {
        const entry = this.entries.get(key);
        if (entry) {
            this.entries.delete(key);
            this.entries.set(key, entry);
        }
        return entry;
    }

    set(key: string, value: StageGraphLayout): void {
        this.entries.delete(key);
        this.entries.set(key, value);
        while (this.entries.size > this.maxEntries) {
            this.entries.delete(this.entries.keys().next().value as string);
        }
    }

    get size(): number {
        return this.entries.size;
    }

    clear(): void {
        this.entries.clear();
    }
}

export interface LayoutOptions {
    /** The ELK instance to use (default: one shared instance of the bundled ELK). */
    elk?: ElkLike;
    /** Where stage layouts are kept between runs (default: one shared cache). */
    cache?: StageLayoutCache;
    /**
     * Lay out stages of a plain shape (see `chainStageLayout`) without ELK (default: true). The result
     * is the same either way (the tests hold the fast path to ELK's result); off, every stage goes to ELK.
     */
    chainFastPath?: boolean;
}

/** A stage's ELK result, relative to the stage's top-left corner. */
export interface StageGraphLayout {
    width: number;
    height: number;
    nodes: Record<string, Rect>;
    ports: Record<string, Point>;
    edges: Record<string, { points: Point[]; labels: Rect[] }>;
}

// ---- Dimensions (px) -------------------------------------------------------------------------------

const MARGIN = 24;
const TITLE_COLUMN = 128;
const NODE_WIDTH = 184;
const NODE_PADDING = 10;
const LAYER_SPACING = 28;
/** A lane column per touchpoint: a node's width plus the space ELK leaves between layers. */
const SLOT_WIDTH = NODE_WIDTH + LAYER_SPACING;
const BAND_PADDING = 12;
const MIN_BAND_WIDTH = SLOT_WIDTH + BAND_PADDING * 2 - LAYER_SPACING;
const GUTTER_MIN = 24;
const EDGE_SPACING = 8;
const TRACK_SPACING = 10;
const TRACK_MARGIN = 14;
const CARD_PADDING = 8;
const CARD_GAP = 6;
const LANE_PADDING = 8;
const EMOTION_UNIT = 14;
const SECTION_GAP = 28;
const MIN_SECTION_WIDTH = 760;
const MAX_SECTION_WIDTH = 1040;
const EDGE_LABEL_WIDTH = 150;
/** In a stage graph: its padding above and below the nodes, and the least space between ports. */
const STAGE_PADDING_TOP = 16;
const STAGE_PADDING_BOTTOM = 16;
const PORT_SPACING = 12;
/** In a stage graph: the least space between two touchpoints in one layer. */
const NODE_SPACING = 20;

const FONT = {
    title: { size: 22, bold: true },
    meta: { size: 13 },
    stage: { size: 14, bold: true },
    question: { size: 12 },
    node: { size: 13, bold: true },
    small: { size: 11 },
    smallBold: { size: 11, bold: true },
    text: { size: 12 },
    textBold: { size: 12, bold: true },
    section: { size: 16, bold: true },
    rowTitle: { size: 12, bold: true },
} satisfies Record<string, FontSpec>;

function lineHeight(font: FontSpec): number {
    return Math.round(font.size * 1.35);
}

// ---- Text blocks ---------------------------------------------------------------------------------------

interface Block {
    text: string;
    font: FontSpec;
    italic?: boolean;
    muted?: boolean;
    tone?: Tone;
}

/** Wraps blocks to a width; returns lines positioned from (x, y) as the top-left, and the height used. */
function placeBlocks(blocks: Block[], x: number, y: number, width: number, anchor: TextLine['anchor'] = 'start'): { lines: TextLine[]; height: number } {
    const lines: TextLine[] = [];
    let cursor = y;
    for (const block of blocks) {
        const height = lineHeight(block.font);
        for (const text of wrapText(block.text, width, block.font)) {
            cursor += height;
            lines.push({
                text,
                x: anchor === 'middle' ? x + width / 2 : anchor === 'end' ? x + width : x,
                // Baseline: a quarter of the line height above the line's bottom.
                y: round(cursor - height * 0.28),
                size: block.font.size,
                ...(block.font.bold ? { bold: true } : {}),
                ...(block.italic ? { italic: true } : {}),
                ...(block.muted ? { muted: true } : {}),
                ...(block.tone ? { tone: block.tone } : {}),
                ...(anchor !== 'start' ? { anchor } : {}),
            });
        }
    }
    return { lines, height: cursor - y };
}

function blocksHeight(blocks: Block[], width: number): number {
    return blocks.reduce((sum, block) => sum + wrapText(block.text, width, block.font).length * lineHeight(block.font), 0);
}

/** A card of `blocks` at (x, y), `width` wide, as tall as its text. */
function card(id: string, kind: CardKind, blocks: Block[], x: number, y: number, width: number, tone?: Tone): Card {
    const { lines, height } = placeBlocks(blocks, x + CARD_PADDING, y + CARD_PADDING, width - CARD_PADDING * 2);
    return {
        id, kind, box: { x, y, width, height: height + CARD_PADDING * 2 }, lines,
        ...(tone ? { tone } : {}),
        title: blocks.map(block => block.text).join('\n'),
    };
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

// ---- Touchpoint nodes -------------------------------------------------------------------------------

function nodeBlocks(tp: TouchpointView): Block[] {
    const blocks: Block[] = [{ text: tp.label, font: FONT.node }];
    if (tp.channel) {
        blocks.push({ text: `Channel: ${tp.channel.label}${tp.channel.mode ? ` (${tp.channel.mode})` : ''}`, font: FONT.small, muted: true });
    }
    if (tp.owner) {
        blocks.push({ text: `Owner: ${tp.owner}`, font: FONT.small, muted: true });
    }
    if (tp.momentOfTruth) {
        blocks.push({ text: '★ Moment of truth', font: FONT.smallBold, tone: 'warn' });
    }
    return blocks;
}

/** The size a touchpoint's node takes: fixed width, height from its wrapped text. */
export function touchpointNodeSize(tp: TouchpointView): { width: number; height: number } {
    return { width: NODE_WIDTH, height: blocksHeight(nodeBlocks(tp), NODE_WIDTH - NODE_PADDING * 2) + NODE_PADDING * 2 };
}

// ---- Stage graphs (ELK) -----------------------------------------------------------------------------

/** A flow between two stages, in three parts: ELK in the source stage, a route here, ELK in the target stage. */
interface CrossEdge {
    index: number;
    id: string;
    fromStage: number;
    toStage: number;
    /** Towards an earlier stage. */
    backwards: boolean;
    outPort: string;
    inPort: string;
    outEdge: string;
    inEdge: string;
}

const STAGE_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.portConstraints': 'FIXED_SIDE',
    'elk.padding': `[top=${STAGE_PADDING_TOP},left=${BAND_PADDING},bottom=${STAGE_PADDING_BOTTOM},right=${BAND_PADDING}]`,
    'elk.spacing.nodeNode': String(NODE_SPACING),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_SPACING),
    'elk.spacing.edgeNode': '12',
    'elk.layered.spacing.edgeNodeBetweenLayers': '12',
    'elk.spacing.edgeEdge': '8',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.spacing.portPort': String(PORT_SPACING),
    'elk.spacing.edgeLabel': '4',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.separateConnectedComponents': 'false',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

function edgeLabel(text: string): { width: number; height: number; lines: string[] } {
    const lines = wrapText(text, EDGE_LABEL_WIDTH, FONT.small);
    const width = Math.ceil(Math.max(...lines.map(line => textWidth(line, FONT.small)), 1)) + 8;
    return { width, height: lines.length * lineHeight(FONT.small) + 4, lines };
}

/** The ELK graph of one stage; deterministic, so its JSON is the cache key. */
function stageGraph(
    view: ViewModel, stageIndex: number, internal: number[], crossing: CrossEdge[], sizes: Map<string, { width: number; height: number }>
): ElkNode {
    const stage = view.stages[stageIndex];
    const ports: ElkPort[] = [];
    const edges: ElkExtendedEdge[] = [];
    const labelled = (text: string | undefined) => {
        if (!text) {
            return {};
        }
        const { width, height } = edgeLabel(text);
        return { labels: [{ text, width, height }] };
    };
    // In the order of the view model's edges: the flows inside the stage and those leaving or entering it.
    let i = 0;
    let c = 0;
    while (i < internal.length || c < crossing.length) {
        if (c >= crossing.length || (i < internal.length && internal[i] < crossing[c].index)) {
            const edge = view.edges[internal[i++]];
            edges.push({ id: edge.id, sources: [edge.from], targets: [edge.to], ...labelled(edge.label) });
            continue;
        }
        const cross = crossing[c++];
        const edge = view.edges[cross.index];
        if (cross.fromStage === stageIndex) {
            ports.push({ id: cross.outPort, width: 0, height: 0, layoutOptions: { 'elk.port.side': cross.backwards ? 'WEST' : 'EAST' } });
            edges.push({ id: cross.outEdge, sources: [edge.from], targets: [cross.outPort], ...labelled(edge.label) });
        } else {
            ports.push({ id: cross.inPort, width: 0, height: 0, layoutOptions: { 'elk.port.side': cross.backwards ? 'EAST' : 'WEST' } });
            edges.push({ id: cross.inEdge, sources: [cross.inPort], targets: [edge.to] });
        }
    }
    return {
        id: 'stage',
        layoutOptions: STAGE_OPTIONS,
        children: stage.touchpoints.map(id => ({ id, ...sizes.get(id)! })),
        ports,
        edges,
    };
}

/** The flows between stages, and the ELK graph of every stage (in stage order). */
function stageGraphsOf(view: ViewModel): { graphs: ElkNode[]; crossEdges: CrossEdge[]; stageOf: Map<string, number> } {
    const stageOf = new Map(view.touchpoints.map(tp => [tp.id, tp.stageIndex]));
    const sizes = new Map(view.touchpoints.map(tp => [tp.id, touchpointNodeSize(tp)]));
    const crossEdges: CrossEdge[] = [];
    const internal: number[][] = view.stages.map(() => []);
    const crossing: CrossEdge[][] = view.stages.map(() => []);
    view.edges.forEach((edge, index) => {
        const fromStage = stageOf.get(edge.from)!;
        const toStage = stageOf.get(edge.to)!;
        if (fromStage === toStage) {
            internal[fromStage].push(index);
            return;
        }
        const cross: CrossEdge = {
            index, id: edge.id, fromStage, toStage, backwards: toStage < fromStage,
            outPort: `${edge.id}|out`, inPort: `${edge.id}|in`, outEdge: `${edge.id}|a`, inEdge: `${edge.id}|b`,
        };
        crossEdges.push(cross);
        crossing[fromStage].push(cross);
        crossing[toStage].push(cross);
    });
    const graphs = view.stages.map((_, index) => stageGraph(view, index, internal[index], crossing[index], sizes));
    return { graphs, crossEdges, stageOf };
}

/**
 * The ELK graph of every stage of a view model, in stage order, as layout gives them to ELK (each is
 * laid out as the child of a root, so that the ports on its sides take part).
 */
export function stageGraphs(view: ViewModel): ElkNode[] {
    return stageGraphsOf(view).graphs;
}

let sharedElk: Promise<ElkLike> | undefined;
const sharedCache = new StageLayoutCache();

/**
 * The ELK instance layouts use unless given one: the bundled ELK, loaded on first use (it is large, and
 * commands that draw nothing should not pay for it), then shared.
 */
export function defaultElk(): Promise<ElkLike> {
    sharedElk ??= import('elkjs/lib/elk.bundled.js').then(module => {
        // A CommonJS module: its exports are the constructor, which also carries itself as `default`.
        const exported = module.default as unknown as { default?: unknown };
        const Constructor = (exported.default ?? exported) as new () => ELK;
        return new Constructor();
    });
    return sharedElk;
}

const EMPTY_STAGE: StageGraphLayout = { width: 0, height: 0, nodes: {}, ports: {}, edges: {} };

/** The cache key of a stage graph: its JSON (the options are the same for every stage). */
function stageKey(graph: ElkNode): string {
    return JSON.stringify([graph.children, graph.ports, graph.edges]);
}

/** A stage graph laid out by ELK, as a stage layout. */
export function readStageLayout(laid: ElkNode): StageGraphLayout {
    const nodes: StageGraphLayout['nodes'] = {};
    for (const node of laid.children ?? []) {
        nodes[node.id] = { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 };
    }
    const ports: StageGraphLayout['ports'] = {};
    for (const port of laid.ports ?? []) {
        ports[port.id] = { x: port.x ?? 0, y: port.y ?? 0 };
    }
    const edges: StageGraphLayout['edges'] = {};
    for (const edge of laid.edges ?? []) {
        const points: Point[] = [];
        for (const section of edge.sections ?? []) {
            points.push({ x: section.startPoint.x, y: section.startPoint.y });
            for (const bend of section.bendPoints ?? []) {
                points.push({ x: bend.x, y: bend.y });
            }
            points.push({ x: section.endPoint.x, y: section.endPoint.y });
        }
        edges[edge.id] = {
            points,
            labels: (edge.labels ?? []).map(label => ({ x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 })),
        };
    }
    return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, ports, edges };
}

/**
 * The layout ELK layered gives (with the stage options) a stage graph of a plain shape, computed
 * without ELK; undefined for any other graph. The plain shapes:
 * - a chain: the stage's touchpoints in their order, each flowing to the next and nowhere else inside
 *   the stage; flows from earlier stages enter the first touchpoint only, flows to later stages leave
 *   the last one only. (Every stage of a journey without `flow` lines is one, and so are many stages
 *   of small maps.)
 * - touchpoints with no flow between them, each with any flows from earlier stages and to later ones.
 * In both, no loop back touches the stage and no flow of it has a label.
 *
 * What ELK does with them. A chain: one layer per touchpoint, left to right from the padding at the
 * spacing between layers, all touchpoints centred on one line (a chain's edges are straight), the
 * tallest one at the top padding. Touchpoints without flows between them: all in one layer, one under
 * the other in their order at the spacing between nodes. Either way, the flows in and out end at ports
 * spread evenly on a touchpoint's west and east sides, in the order of the flows, and each port of the
 * stage is level with the touchpoint's port it is connected to (unless ports would be closer than the
 * port spacing: then ELK moves the stage's ports apart and bends the flows, and the stage is left to
 * ELK). The tests compare this with ELK's own result.
 */
export function chainStageLayout(graph: ElkNode): StageGraphLayout | undefined {
    const nodes = graph.children ?? [];
    const n = nodes.length;
    // Touchpoint nodes: all as wide (what the tests hold this to), no children.
    if (n === 0 || nodes[0].width === undefined || nodes.some(node => node.width !== nodes[0].width || node.height === undefined || (node.children?.length ?? 0) > 0)) {
        return undefined;
    }
    const position = new Map<string, number>();
    nodes.forEach((node, i) => position.set(node.id, i));
    const portSide = new Map((graph.ports ?? []).map(port => [port.id, port.layoutOptions?.['elk.port.side']]));
    const chain: ElkExtendedEdge[] = [];
    const ins: ElkExtendedEdge[][] = nodes.map(() => []);
    const outs: ElkExtendedEdge[][] = nodes.map(() => []);
    let portEdges = 0;
    for (const edge of graph.edges ?? []) {
        if ((edge.labels?.length ?? 0) > 0 || edge.sources.length !== 1 || edge.targets.length !== 1) {
            return undefined;
        }
        const from = position.get(edge.sources[0]);
        const to = position.get(edge.targets[0]);
        if (from !== undefined && to !== undefined) {
            if (to !== from + 1 || chain[from]) {
                return undefined;
            }
            chain[from] = edge;
        } else if (from === undefined && to !== undefined && portSide.get(edge.sources[0]) === 'WEST') {
            ins[to].push(edge);
            portEdges++;
        } else if (to === undefined && from !== undefined && portSide.get(edge.targets[0]) === 'EAST') {
            outs[from].push(edge);
            portEdges++;
        } else {
            return undefined;
        }
    }
    // Every port of the stage must be the end of one of those flows.
    if ((graph.ports?.length ?? 0) !== portEdges) {
        return undefined;
    }
    const links = chain.filter(Boolean).length;
    const isChain = links === n - 1;
    if (!isChain && links > 0) {
        return undefined;
    }
    // A chain's flows in and out are at its ends.
    if (isChain && (ins.some((edges, i) => i > 0 && edges.length > 0) || outs.some((edges, i) => i < n - 1 && edges.length > 0))) {
        return undefined;
    }
    // Touchpoints without flows between them stay in their order only if the flows in, and the flows
    // out, come in the same order (else ELK reorders them to untangle the flows).
    if (!isChain && n > 1) {
        const order = (edges: ElkExtendedEdge[], end: 'sources' | 'targets') => edges.map(edge => position.get(edge[end][0]));
        const monotone = (list: Array<number | undefined>) => list.every((value, i) => i === 0 || value! >= list[i - 1]!);
        const all = graph.edges ?? [];
        if (!monotone(order(all.filter(edge => !position.has(edge.sources[0])), 'targets'))
            || !monotone(order(all.filter(edge => !position.has(edge.targets[0])), 'sources'))) {
            return undefined;
        }
    }
    const crowded = (edges: ElkExtendedEdge[], node: ElkNode) => edges.length > 0 && node.height! / (edges.length + 1) < PORT_SPACING;
    if (nodes.some((node, i) => crowded(ins[i], node) || crowded(outs[i], node))) {
        return undefined;
    }

    const laid: StageGraphLayout = { width: 0, height: 0, nodes: {}, ports: {}, edges: {} };
    let boxes: Rect[];
    if (isChain) {
        const tallest = Math.max(...nodes.map(node => node.height!));
        const centre = STAGE_PADDING_TOP + tallest / 2;
        let x = BAND_PADDING;
        boxes = nodes.map(node => {
            const box = { x, y: centre - node.height! / 2, width: node.width!, height: node.height! };
            x += node.width! + LAYER_SPACING;
            return box;
        });
        laid.width = x - LAYER_SPACING + BAND_PADDING;
        laid.height = STAGE_PADDING_TOP + tallest + STAGE_PADDING_BOTTOM;
        chain.forEach((edge, i) => {
            laid.edges[edge.id] = { points: [{ x: boxes[i].x + boxes[i].width, y: centre }, { x: boxes[i + 1].x, y: centre }], labels: [] };
        });
    } else {
        let y = STAGE_PADDING_TOP;
        boxes = nodes.map(node => {
            const box = { x: BAND_PADDING, y, width: node.width!, height: node.height! };
            y += node.height! + NODE_SPACING;
            return box;
        });
        laid.width = BAND_PADDING + Math.max(...nodes.map(node => node.width!)) + BAND_PADDING;
        laid.height = y - NODE_SPACING + STAGE_PADDING_BOTTOM;
    }
    nodes.forEach((node, i) => {
        laid.nodes[node.id] = boxes[i];
    });
    const spread = (edges: ElkExtendedEdge[], box: Rect, side: 'WEST' | 'EAST') => edges.forEach((edge, k) => {
        const y = box.y + (box.height * (k + 1)) / (edges.length + 1);
        const port = side === 'WEST' ? edge.sources[0] : edge.targets[0];
        const portX = side === 'WEST' ? 0 : laid.width;
        const nodeX = side === 'WEST' ? box.x : box.x + box.width;
        laid.ports[port] = { x: portX, y };
        laid.edges[edge.id] = { points: side === 'WEST' ? [{ x: portX, y }, { x: nodeX, y }] : [{ x: nodeX, y }, { x: portX, y }], labels: [] };
    });
    boxes.forEach((box, i) => {
        spread(ins[i], box, 'WEST');
        spread(outs[i], box, 'EAST');
    });
    return laid;
}

/**
 * The layouts of stage graphs: from the cache, computed here (plain shapes), or from ELK, all of
 * ELK's in one call.
 */
async function layoutStageGraphs(graphs: ElkNode[], elk: ElkLike, cache: StageLayoutCache, chainFastPath: boolean): Promise<StageGraphLayout[]> {
    const results: StageGraphLayout[] = new Array(graphs.length);
    const pending = new Map<string, number[]>();
    graphs.forEach((graph, index) => {
        if (!graph.children?.length) {
            results[index] = EMPTY_STAGE;
            return;
        }
        const key = stageKey(graph);
        const waiting = pending.get(key);
        if (waiting) {
            waiting.push(index);
            return;
        }
        const cached = cache.get(key);
        if (cached) {
            cache.hits++;
            results[index] = cached;
            return;
        }
        cache.misses++;
        const chain = chainFastPath ? chainStageLayout(graph) : undefined;
        if (chain) {
            cache.chains++;
            cache.set(key, chain);
            results[index] = chain;
            return;
        }
        pending.set(key, [index]);
    });
    if (pending.size === 0) {
        return results;
    }
    const batch = [...pending.values()];
    // Each stage a separate child of the root: ELK lays out each on its own (SEPARATE_CHILDREN), and
    // the root (fixed) leaves them where they are.
    const root = await elk.layout({
        id: 'root',
        layoutOptions: { 'elk.algorithm': 'fixed', 'elk.hierarchyHandling': 'SEPARATE_CHILDREN' },
        children: batch.map((indices, i) => ({ ...graphs[indices[0]], id: `stage${i}` })),
    });
    const laidById = new Map((root.children ?? []).map(child => [child.id, child]));
    [...pending].forEach(([key, indices], i) => {
        const result = readStageLayout(laidById.get(`stage${i}`)!);
        cache.set(key, result);
        for (const index of indices) {
            results[index] = result;
        }
    });
    return results;
}

// ---- The whole map --------------------------------------------------------------------------------------

/** Lays out a view model. Deterministic: the same view model gives an equal layout, cached or not. */
export async function layoutJourney(view: ViewModel, options: LayoutOptions = {}): Promise<Layout> {
    const cache = options.cache ?? sharedCache;
    const { graphs: stageInputs, crossEdges, stageOf } = stageGraphsOf(view);
    const graphs = await layoutStageGraphs(stageInputs, options.elk ?? { layout: async graph => (await defaultElk()).layout(graph) }, cache, options.chainFastPath ?? true);

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
    const mapRight = x;
    const width = Math.ceil(Math.max(mapRight + MARGIN, MARGIN * 2 + MIN_SECTION_WIDTH));
    const sectionWidth = Math.min(width - MARGIN * 2, MAX_SECTION_WIDTH);
    const gutterX = (gutter: number, run: number) => bandX[gutter] + bandWidth[gutter] + (run + 1) * (gutterWidths[gutter] / (gutterRuns[gutter].length + 1));
    const runX = new Map<string, number>();
    gutterRuns.forEach((runs, gutter) => runs.forEach((run, i) => runX.set(`${run.edge}:${run.part}`, round(gutterX(gutter, i)))));

    // Tracks for flows that skip stages: below the graph going forward, above it going back.
    const forwardSkips = crossEdges.filter(c => !c.backwards && c.toStage > c.fromStage + 1);
    const backSkips = crossEdges.filter(c => c.backwards && c.toStage < c.fromStage - 1);
    const trackOf = new Map<number, number>();
    const packTracks = (skips: CrossEdge[]) => {
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
    const bottomTracks = packTracks(forwardSkips);
    const topTracks = packTracks(backSkips);

    // Top to bottom: header, phases, stage headers, tracks, graph, tracks, lanes, sections.
    let y = MARGIN;
    const header = headerCard(view, MARGIN, y, width - MARGIN * 2);
    y += header.box.height + 16;

    const phases: Layout['phases'] = [];
    const hasPhases = view.stages.some(stage => stage.phase);
    if (hasPhases) {
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
        y += phaseHeight + 6;
    }

    const stageTop = y;
    const stageHeaders = view.stages.map((stage, index) => {
        const blocks: Block[] = [{ text: stage.label, font: FONT.stage }];
        if (stage.question) {
            blocks.push({ text: stage.question, font: FONT.question, italic: true, muted: true });
        }
        return card(stage.id, 'stage', blocks, bandX[index], stageTop, bandWidth[index]);
    });
    const headerHeight = Math.max(40, ...stageHeaders.map(h => h.box.height));
    stageHeaders.forEach(h => { h.box.height = headerHeight; });
    y += headerHeight;

    const topTrackBase = y + TRACK_MARGIN;
    y = topTrackBase + Math.max(0, topTracks - 1) * TRACK_SPACING + (topTracks > 0 ? TRACK_MARGIN : 0);
    const graphTop = Math.ceil(y);
    const graphHeight = Math.ceil(Math.max(60, ...graphs.map(g => g.height)));
    const graphBottom = graphTop + graphHeight;
    const topTrackY = (track: number) => topTrackBase + (topTracks - 1 - track) * TRACK_SPACING;
    const bottomTrackY = (track: number) => graphBottom + TRACK_MARGIN + track * TRACK_SPACING;
    y = graphBottom + (bottomTracks > 0 ? TRACK_MARGIN * 2 + (bottomTracks - 1) * TRACK_SPACING : 0) + 12;

    // Nodes and edges in map coordinates.
    const nodes: NodeLayout[] = [];
    const nodeBoxes = new Map<string, Rect>();
    view.touchpoints.forEach(tp => {
        const graph = graphs[tp.stageIndex];
        const at = graph.nodes[tp.id];
        const box = { x: round(bandX[tp.stageIndex] + at.x), y: round(graphTop + at.y), width: at.width, height: at.height };
        nodeBoxes.set(tp.id, box);
        const { lines } = placeBlocks(nodeBlocks(tp), box.x + NODE_PADDING, box.y + NODE_PADDING, NODE_WIDTH - NODE_PADDING * 2);
        nodes.push({
            id: tp.id, kind: 'touchpoint', box, lines, stageId: tp.stageId, momentOfTruth: tp.momentOfTruth,
            ...(tp.momentOfTruth ? { tone: 'warn' as const } : {}),
            title: [tp.label, tp.channel?.label, tp.owner].filter(Boolean).join('\n'),
        });
    });
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
    const edges: EdgeLayout[] = view.edges.map((edge, index) => {
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
            const track = trackOf.get(index)!;
            const ty = round(cross.backwards ? topTrackY(track) : bottomTrackY(track));
            const gOut = runX.get(`${index}:out`)!;
            const gIn = runX.get(`${index}:in`)!;
            middle.push({ x: gOut, y: start.y }, { x: gOut, y: ty }, { x: gIn, y: ty }, { x: gIn, y: end.y });
        }
        const label = labelOf(s, cross.outEdge, edge.label);
        return { ...base, points: simplify([...first, start, ...middle, end, ...last]), ...(label ? { label } : {}) };
    });

    // Lanes under the graph.
    const stages: StageLayout[] = view.stages.map((stage, index) => ({
        id: stage.id,
        index,
        band: { x: bandX[index], y: stageTop, width: bandWidth[index], height: 0 },
        header: stageHeaders[index],
        slots: laneSlots(stage.touchpoints, graphs[index], bandX[index], bandWidth[index]),
    }));
    const slotOf = new Map(stages.flatMap(stage => stage.slots.map(slot => [slot.touchpointId, slot] as const)));
    const rowTitles: TextLine[] = [];
    const rowTitle = (text: string, top: number) => {
        rowTitles.push(...placeBlocks([{ text, font: FONT.rowTitle }], MARGIN, top + LANE_PADDING, TITLE_COLUMN - 12).lines);
    };
    rowTitle('Stages', stageTop);
    rowTitle('Touchpoints', graphTop);

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
            if (view.lanes.emotions.length === 0) {
                continue;
            }
            emotion = emotionLane(view, laneId, slotOf, y, mapRight - MARGIN - TITLE_COLUMN);
            const height = emotion.plot.height + LANE_PADDING * 2 + Math.max(0, ...emotion.points.map(p => p.lines.length * lineHeight(FONT.small))) + 8;
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
    const bandsBottom = y;
    stages.forEach(stage => { stage.band.height = round(bandsBottom - stage.band.y); });

    // Sections under the map, one column.
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

    return {
        id: view.id,
        name: view.name,
        title: view.header.title,
        width,
        height: Math.ceil(y - SECTION_GAP + MARGIN),
        header,
        phases,
        rowTitles,
        stages,
        graph: { x: MARGIN + TITLE_COLUMN, y: graphTop, width: mapRight - MARGIN - TITLE_COLUMN, height: graphHeight },
        nodes,
        edges,
        lanes,
        ...(emotion ? { emotion } : {}),
        ...(valueGap ? { valueGap } : {}),
        ...(unknowns ? { unknowns } : {}),
        ...(plans ? { plans } : {}),
    };
}

/**
 * The lane columns of a stage, one per touchpoint in customer order: right under the nodes when ELK
 * put them in that order side by side (a chain), else an even grid across the band.
 */
/**
 * The lane columns of a stage's touchpoints, in customer order: each as near under its node as the
 * others allow. Touchpoints side by side in the graph get their own columns; where several share a
 * layer (a branch), the later ones move right, and where that would leave the band, columns move back
 * left. The band is wide enough for every column (see the band widths), so they never overlap.
 */
function laneSlots(touchpoints: string[], graph: StageGraphLayout, bandX: number, bandWidth: number): StageLayout['slots'] {
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

function phaseTitle(phase: Phase): string {
    return phase === 'pre-purchase' ? 'Pre-purchase' : phase === 'purchase' ? 'Purchase' : 'Post-purchase';
}

function headerCard(view: ViewModel, x: number, y: number, width: number): Card {
    const h = view.header;
    const blocks: Block[] = [{ text: h.title, font: FONT.title }];
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
    if (item.source) {
        blocks.push({ text: `Source: ${item.source}`, font: FONT.small, muted: true });
    }
    return blocks;
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
        const sign = item.value > 0 ? '+' : item.value < 0 ? '−' : '';
        const text = `${sign}${formatNumber(Math.abs(item.value))}${item.label ? ` ${item.label}` : ''}`;
        const tone: Tone = item.value > 0 ? 'good' : item.value < 0 ? 'bad' : 'neutral';
        const { lines } = placeBlocks([{ text, font: FONT.small }], slot.x, plot.y + plot.height + 6, slot.width, 'middle');
        points.push({ id: item.id, touchpointId: tp.id, x, y: round(zeroY - value * EMOTION_UNIT), value: item.value, tone, lines, title: text });
    }
    const tickX = MARGIN + TITLE_COLUMN - 8;
    const ticks = [3, 0, -3].map(value => ({
        text: value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0',
        x: tickX, y: round(zeroY - value * EMOTION_UNIT + 4), size: FONT.small.size, anchor: 'end' as const, muted: true,
    }));
    return { laneId, plot, zeroY, unit: EMOTION_UNIT, ticks, points, polyline: points.map(p => ({ x: p.x, y: p.y })) };
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
    const widestParty = Math.ceil(Math.max(...view.valueGap.parties.map((party, i) => textWidth(party, i === 0 ? FONT.smallBold : FONT.small))));
    const partyWidth = Math.max(120, Math.min(widestParty, width - needWidth - 16 - 8 - barMax - 40 - 8 - 240));
    const barX = x + needWidth + 16 + partyWidth + 8;
    const gapX = barX + barMax + 40;
    const gapWidth = Math.max(120, x + width - gapX - 8);
    const rowHeightOfBars = 16;
    const rows: ValueGapLayout['rows'] = view.valueGap.rows.map(row => {
        const needBlocks: Block[] = [{ text: row.need, font: FONT.textBold }];
        const meta = [row.importance !== undefined ? `Importance ${row.importance}/5` : 'Importance not given', row.persona].filter(Boolean).join(' · ');
        needBlocks.push({ text: meta, font: FONT.small, muted: true });
        const need = placeBlocks(needBlocks, x + 8, cursor + 6, needWidth - 8);
        const gapText = row.highlighted
            ? `▲ Behind by ${formatNumber(row.gap)} × importance ${row.importance ?? 1} = ${formatNumber(row.weightedGap)}`
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

/** `text` on one line at most `width` wide: cut short with an ellipsis when it does not fit. */
function oneLine(text: string, width: number, font: FontSpec): string {
    if (textWidth(text, font) <= width) {
        return text;
    }
    const chars = Array.from(text);
    while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, font) > width) {
        chars.pop();
    }
    return `${chars.join('').trimEnd()}…`;
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
