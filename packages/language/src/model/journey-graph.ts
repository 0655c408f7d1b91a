import type { FlowStep, Journey, Touchpoint } from '../generated/ast.js';

/** A step of the customer's way through the journey: explicit (`flow`) or implied by stage order. */
export interface JourneyEdge {
    from: Touchpoint;
    to: Touchpoint;
    label?: string;
    /** The `-> target` step that wrote this edge; none for the implied sequence. */
    step?: FlowStep;
}

export interface JourneyGraph {
    /** All touchpoints in stage order, then customer order within the stage. */
    touchpoints: Touchpoint[];
    edges: JourneyEdge[];
    /** True when the journey has `flow` lines: they replace the implied stage-order sequence. */
    hasFlows: boolean;
}

/** The touchpoints of a journey in stage order ("the first" and "the last" of the spec). */
export function touchpointsInOrder(journey: Journey): Touchpoint[] {
    return journey.stages.flatMap(stage => stage.touchpoints);
}

/**
 * The journey as a graph: `flow` chains when there are any (branches, loops back, skipped stages),
 * otherwise the sequence of all touchpoints in stage order. Unresolved flow ends are left out.
 */
export function journeyGraph(journey: Journey): JourneyGraph {
    const touchpoints = touchpointsInOrder(journey);
    const hasFlows = journey.flows.length > 0;
    const edges: JourneyEdge[] = [];
    if (hasFlows) {
        for (const flow of journey.flows) {
            let from = flow.start?.ref;
            for (const step of flow.steps) {
                const to = step.target?.ref;
                if (from && to) {
                    edges.push({ from, to, label: step.label, step });
                }
                from = to;
            }
        }
    } else {
        for (let i = 1; i < touchpoints.length; i++) {
            edges.push({ from: touchpoints[i - 1], to: touchpoints[i] });
        }
    }
    return { touchpoints, edges, hasFlows };
}

/** Touchpoints reachable from `start` along the edges (including `start`). */
export function reachableFrom(graph: JourneyGraph, start: Touchpoint): Set<Touchpoint> {
    const next = new Map<Touchpoint, Touchpoint[]>();
    for (const edge of graph.edges) {
        next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    }
    const seen = new Set<Touchpoint>([start]);
    const queue = [start];
    while (queue.length > 0) {
        for (const target of next.get(queue.shift()!) ?? []) {
            if (!seen.has(target)) {
                seen.add(target);
                queue.push(target);
            }
        }
    }
    return seen;
}
