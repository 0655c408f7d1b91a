import type { Opportunity, Touchpoint } from '../generated/ast.js';
import { journeyOf, ownOwner } from '../model/journey-facts.js';
import { defineRule } from './rule-registry.js';

/**
 * Whether an `owner` line covers the node: its own, else the journey's. A misspelt team is still an owner
 * line: unresolved-reference reports it, and "add an owner" would be the wrong advice.
 */
function hasOwnerLine(node: Touchpoint | Opportunity): boolean {
    return ownOwner(node) !== undefined || (journeyOf(node)?.owners.length ?? 0) > 0;
}

export const touchpointWithoutChannelRule = defineRule({
    id: 'touchpoint-without-channel',
    defaultSeverity: 'info',
    description: 'A touchpoint does not say through which channel the customer meets us.',
    checks: {
        Touchpoint: (touchpoint, context) => {
            if (!touchpoint.channels.some(c => c.channel)) {
                context.report({
                    node: touchpoint, property: 'name',
                    message: `Touchpoint \`${touchpoint.name}\` has no channel: add \`channel NAME\` (web, email, phone, store…) `
                        + 'so the map shows where the customer meets us.',
                });
            }
        }
    }
});

export const touchpointWithoutOwnerRule = defineRule({
    id: 'touchpoint-without-owner',
    defaultSeverity: 'info',
    description: "A touchpoint has no owning team, neither its own `owner` nor the journey's.",
    checks: {
        Touchpoint: (touchpoint, context) => {
            if (!hasOwnerLine(touchpoint)) {
                context.report({
                    node: touchpoint, property: 'name',
                    message: `Touchpoint \`${touchpoint.name}\` has no owner: add \`owner TEAM\` to it (or to the journey) so that `
                        + 'someone answers for this moment of the experience.',
                });
            }
        }
    }
});

export const opportunityWithoutOwnerRule = defineRule({
    id: 'opportunity-without-owner',
    defaultSeverity: 'warning',
    description: "An opportunity nobody owns: no `owner` on it and none on the journey.",
    checks: {
        Opportunity: (opportunity, context) => {
            if (!hasOwnerLine(opportunity)) {
                context.report({
                    node: opportunity, property: 'name',
                    message: `Opportunity \`${opportunity.name}\` has no owner: add \`owner TEAM\` after it; an opportunity nobody owns does not get done.`,
                });
            }
        }
    }
});
