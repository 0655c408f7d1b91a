import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { textWidth, wrapText } from '../text-metrics.js';
import type { TouchpointView, ViewModel } from '../view-model.js';
import {
    BAND_PADDING, EDGE_LABEL_WIDTH, FONT, LAYER_SPACING, NODE_PADDING, NODE_SPACING, NODE_WIDTH, PORT_SPACING,
    STAGE_PADDING_BOTTOM, STAGE_PADDING_TOP, blocksHeight, lineHeight, type Block
} from './metrics.js';
import { largest } from '../largest.js';

/**
 * The ELK input of every stage: its touchpoints (sized from their text), the flows inside it, and a
 * port on its side for each flow to or from another stage.
 */

// ---- Touchpoint nodes -------------------------------------------------------------------------------

export function nodeBlocks(tp: TouchpointView): Block[] {
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
    if (tp.staleEvidence) {
        blocks.push({ text: `⚠ Stale evidence: ${tp.staleEvidence.join(', ')}`, font: FONT.small, tone: 'warn' });
    }
    return blocks;
}

/** The size a touchpoint's node takes: fixed width, height from its wrapped text. */
export function touchpointNodeSize(tp: TouchpointView): { width: number; height: number } {
    return { width: NODE_WIDTH, height: blocksHeight(nodeBlocks(tp), NODE_WIDTH - NODE_PADDING * 2) + NODE_PADDING * 2 };
}

// ---- Stage graphs (ELK) -----------------------------------------------------------------------------

/** A flow between two stages, in three parts: ELK in the source stage, a route here, ELK in the target stage. */
export interface CrossEdge {
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

export const STAGE_OPTIONS: Record<string, string> = {
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

export function edgeLabel(text: string): { width: number; height: number; lines: string[] } {
    const lines = wrapText(text, EDGE_LABEL_WIDTH, FONT.small);
    const width = Math.ceil(largest(lines.map(line => textWidth(line, FONT.small)), 1)) + 8;
    return { width, height: lines.length * lineHeight(FONT.small) + 4, lines };
}

/** The ELK graph of one stage; deterministic, so its JSON is the cache key. */
export function stageGraph(
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
export function stageGraphsOf(view: ViewModel): { graphs: ElkNode[]; crossEdges: CrossEdge[]; stageOf: Map<string, number> } {
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
