import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { BAND_PADDING, LAYER_SPACING, NODE_SPACING, PORT_SPACING, STAGE_PADDING_BOTTOM, STAGE_PADDING_TOP } from './metrics.js';
import type { Rect, StageGraphLayout } from './types.js';
import { largest } from '../largest.js';

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
        const tallest = largest(nodes.map(node => node.height!));
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
        laid.width = BAND_PADDING + largest(nodes.map(node => node.width!)) + BAND_PADDING;
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
