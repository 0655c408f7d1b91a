import { GrammarUtils } from 'langium';
import { insertIntoBlock } from '../fixes/text-edits.js';
import { isServes, type Journey, type Need, type Persona } from '../generated/ast.js';
import { touchpointsInOrder } from '../model/journey-graph.js';
import { journeyPersonas, personasWithNeed } from '../references/journey-scope-provider.js';
import { defineRule, type QuickFix } from './rule-registry.js';
import { astNodesOf } from '../utils/ast-walk.js';

export const needNotServedRule = defineRule({
    id: 'need-not-served',
    defaultSeverity: 'warning',
    description: "A need of one of the journey's personas is served by no touchpoint of the journey.",
    fix: { description: 'Add `serves NEED` to a touchpoint you choose.', safe: false },
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
                        // A need whose name is not written yet has its syntax error; nothing can serve it.
                        if (!served.has(need) && need.name) {
                            const reference = servesReference(journey, persona, need);
                            context.report({
                                node: line, property: 'personas', index,
                                message: `Need \`${persona.name}.${need.name}\`${need.label ? ` ("${need.label}")` : ''} is served by no touchpoint of journey \`${journey.name}\`: `
                                    + `add \`serves ${reference}\` to the touchpoint that meets it, or map the stage where it is met.`,
                                data: { persona: persona.name, need: need.name },
                                fixes: servesFixes(journey, reference),
                            });
                        }
                    }
                });
            }
        }
    }
});

/** How `serves` names the need: `persona.need` when another persona of the journey has a need of that name. */
function servesReference(journey: Journey, persona: Persona, need: Need): string {
    return personasWithNeed(journeyPersonas(journey), need.name).length > 1 ? `${persona.name}.${need.name}` : need.name;
}

/** One fix per touchpoint (the first few in stage order): add `serves NEED` to it. */
function servesFixes(journey: Journey, reference: string): QuickFix[] {
    return touchpointsInOrder(journey).slice(0, MAX_SERVES_FIXES).flatMap(touchpoint => {
        const edit = touchpoint.$cstNode && GrammarUtils.findNodeForKeyword(touchpoint.$cstNode, '{')
            ? insertIntoBlock(touchpoint, [`serves ${reference}`])
            : { range: { start: touchpoint.$cstNode!.range.end, end: touchpoint.$cstNode!.range.end }, newText: ` { serves ${reference} }` };
        return edit ? [{ title: `Add \`serves ${reference}\` to touchpoint \`${touchpoint.name}\``, edits: [edit] }] : [];
    });
}

/** Enough choices for a light bulb menu; a journey with more touchpoints is better fixed by hand. */
const MAX_SERVES_FIXES = 12;

/** The needs that some touchpoint of the journey serves. */
export function servedNeeds(journey: Journey): Set<Need> {
    const served = new Set<Need>();
    for (const node of astNodesOf(journey, false)) {
        if (isServes(node) && node.need?.ref) {
            served.add(node.need.ref);
        }
    }
    return served;
}
