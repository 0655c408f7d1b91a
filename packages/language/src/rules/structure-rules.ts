import { insertIntoBlock } from '../fixes/text-edits.js';
import { isJourney } from '../generated/ast.js';
import { AstUtils } from 'langium';
import { defineRule } from './rule-registry.js';
import { uniqueName } from './unique-names.js';

export const stageWithoutTouchpointsRule = defineRule({
    id: 'stage-without-touchpoints',
    defaultSeverity: 'warning',
    description: 'A stage has no touchpoint, so the map says nothing about what the customer meets in it.',
    fix: { description: 'Insert a touchpoint skeleton into the stage.', safe: false },
    checks: {
        Stage: (stage, context) => {
            if (stage.touchpoints.length === 0) {
                const journey = AstUtils.getContainerOfType(stage, isJourney);
                const name = uniqueName(journey ?? stage, `${stage.name}_touchpoint`);
                const edit = insertIntoBlock(stage, [
                    `touchpoint ${name} "What the customer meets here" {`,
                    '    action "What the customer does"',
                    '}',
                ]);
                context.report({
                    fixes: edit ? [{ title: `Insert touchpoint \`${name}\``, edits: [edit] }] : [],
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
    fix: { description: 'Insert a need skeleton into the persona.', safe: false },
    checks: {
        Persona: (persona, context) => {
            if (persona.needs.length === 0) {
                const name = uniqueName(persona, 'main_need');
                const edit = insertIntoBlock(persona, [`need ${name} "What they need to get done" importance 3`]);
                context.report({
                    fixes: edit ? [{ title: `Insert need \`${name}\``, edits: [edit] }] : [],
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
