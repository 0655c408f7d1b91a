import { defineRule } from './rule-registry.js';

export const stageWithoutTouchpointsRule = defineRule({
    id: 'stage-without-touchpoints',
    defaultSeverity: 'warning',
    description: 'A stage has no touchpoint, so the map says nothing about what the customer meets in it.',
    checks: {
        Stage: (stage, context) => {
            if (stage.touchpoints.length === 0) {
                context.report({
                    node: stage, property: 'name',
                    message: `Stage \`${stage.name}\` has no touchpoint: add \`touchpoint NAME "What the customer meets" { channel … }\` `
                        + 'for each moment the customer meets us in this stage.',
                });
            }
        }
    }
});

export const personaWithoutNeedsRule = defineRule({
    id: 'persona-without-needs',
    defaultSeverity: 'warning',
    description: 'A persona declares no need, so no touchpoint can be checked against what the persona wants.',
    checks: {
        Persona: (persona, context) => {
            if (persona.needs.length === 0) {
                context.report({
                    node: persona, property: 'name',
                    message: `Persona \`${persona.name}\` declares no need: add \`need NAME "What they need" importance 1..5\` `
                        + 'so that touchpoints can say which needs they serve.',
                });
            }
        }
    }
});

export const journeyWithoutPersonaRule = defineRule({
    id: 'journey-without-persona',
    defaultSeverity: 'error',
    description: 'A journey has no `persona` line: a journey map is always mapped for someone.',
    checks: {
        Journey: (journey, context) => {
            if (!journey.personaLines.some(line => line.personas.length > 0)) {
                context.report({
                    node: journey, property: 'name',
                    message: `Journey \`${journey.name}\` names no persona: add a \`persona NAME\` line for the persona whose journey this is.`,
                });
            }
        }
    }
});
