import { AstUtils } from 'langium';
import { isServes, type Journey, type Need, type Persona } from '../generated/ast.js';
import { defineRule } from './rule-registry.js';

export const needNotServedRule = defineRule({
    id: 'need-not-served',
    defaultSeverity: 'warning',
    description: "A need of one of the journey's personas is served by no touchpoint of the journey.",
    checks: {
        Journey: (journey, context) => {
            const served = servedNeeds(journey);
            const reported = new Set<Persona>();
            for (const line of journey.personaLines) {
                line.personas.forEach((reference, index) => {
                    const persona = reference.ref;
                    if (!persona || reported.has(persona)) {
                        return;
                    }
                    reported.add(persona);
                    for (const need of persona.needs) {
                        if (!served.has(need)) {
                            context.report({
                                node: line, property: 'personas', index,
                                message: `Need \`${persona.name}.${need.name}\` ("${need.label}") is served by no touchpoint of journey \`${journey.name}\`: `
                                    + `add \`serves ${need.name}\` to the touchpoint that meets it, or map the stage where it is met.`,
                                data: { persona: persona.name, need: need.name },
                            });
                        }
                    }
                });
            }
        }
    }
});

/** The needs that some touchpoint of the journey serves. */
export function servedNeeds(journey: Journey): Set<Need> {
    const served = new Set<Need>();
    for (const node of AstUtils.streamAllContents(journey)) {
        if (isServes(node) && node.need.ref) {
            served.add(node.need.ref);
        }
    }
    return served;
}
