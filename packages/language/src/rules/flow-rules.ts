import { journeyGraph, reachableFrom, type JourneyGraph } from '../model/journey-graph.js';
import { defineRule } from './rule-registry.js';

export const unreachableTouchpointRule = defineRule({
    id: 'unreachable-touchpoint',
    defaultSeverity: 'warning',
    description: 'With `flow` lines, a touchpoint that no path from the first touchpoint reaches.',
    checks: {
        Journey: (journey, context) => {
            const graph = journeyGraph(journey);
            const first = graph.touchpoints[0];
            if (!graph.hasFlows || !first || hasNamelessTouchpoint(graph)) {
                return;
            }
            const reached = reachableFrom(graph, first);
            for (const touchpoint of graph.touchpoints) {
                if (!reached.has(touchpoint)) {
                    context.report({
                        node: touchpoint, property: 'name',
                        message: `Touchpoint \`${touchpoint.name}\` cannot be reached from the first touchpoint \`${first.name}\`: `
                            + `add a \`flow … -> ${touchpoint.name}\` step that leads the customer here, or remove it.`,
                    });
                }
            }
        }
    }
});

export const deadEndRule = defineRule({
    id: 'dead-end',
    defaultSeverity: 'info',
    description: 'With `flow` lines, a touchpoint other than the last one that leads nowhere.',
    checks: {
        Journey: (journey, context) => {
            const graph = journeyGraph(journey);
            if (!graph.hasFlows || hasNamelessTouchpoint(graph)) {
                return;
            }
            const last = graph.touchpoints[graph.touchpoints.length - 1];
            const leaving = new Set(graph.edges.map(edge => edge.from));
            for (const touchpoint of graph.touchpoints) {
                if (touchpoint !== last && !leaving.has(touchpoint)) {
                    context.report({
                        node: touchpoint, property: 'name',
                        message: `Touchpoint \`${touchpoint.name}\` is a dead end: no flow leads on from it. Add \`flow ${touchpoint.name} -> …\` `
                            + 'for where the customer goes next (or where they drop out).',
                    });
                }
            }
        }
    }
});

/** A touchpoint whose name is not written yet (a syntax error) cannot be in a flow yet: the graph is not the user's. */
function hasNamelessTouchpoint(graph: JourneyGraph): boolean {
    return graph.touchpoints.some(touchpoint => !touchpoint.name);
}
