import { effectiveOwner } from '../journey-facts.js';
import { defineRule } from './rule-registry.js';

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
            if (!effectiveOwner(touchpoint)) {
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
            if (!effectiveOwner(opportunity)) {
                context.report({
                    node: opportunity, property: 'name',
                    message: `Opportunity \`${opportunity.name}\` has no owner: add \`owner TEAM\` after it; an opportunity nobody owns does not get done.`,
                });
            }
        }
    }
});
