import { insertAfter } from '../fixes/text-edits.js';
import { isTouchpoint, type Emotion, type Kpi } from '../generated/ast.js';
import {
    isOffTarget, journeyOf, kpiHasEvidence, kpiValue, kpiValueText, painHasEvidence, readQuantity, touchpointHasEvidence, valueGapRows
} from '../model/journey-facts.js';
import { defineRule } from './rule-registry.js';
import { uniqueName } from './unique-names.js';

export const painWithoutOpportunityRule = defineRule({
    id: 'pain-without-opportunity',
    defaultSeverity: 'info',
    description: 'A pain that no opportunity answers (`opportunity … for PAIN`).',
    fix: { description: 'Insert an opportunity skeleton for the pain.', safe: false },
    checks: {
        Pain: (pain, context) => {
            const journey = journeyOf(pain);
            if (!journey) {
                return;
            }
            // Opportunities sit in stages and touchpoints only: no need to walk the whole journey for each pain.
            const answered = journey.stages.some(stage => [...stage.opportunities, ...stage.touchpoints.flatMap(t => t.opportunities)]
                .some(opportunity => opportunity.answers.some(answer => answer.ref === pain)));
            if (answered) {
                return;
            }
            const name = uniqueName(journey, `improve_${pain.name}`);
            const edit = insertAfter(pain, [`opportunity ${name} "How might we …?" for ${pain.name}`]);
            context.report({
                node: pain, property: 'name',
                message: `Pain \`${pain.name}\` has no opportunity: add \`opportunity NAME "How might we …?" for ${pain.name}\` `
                    + 'so the map turns the pain into something to act on.',
                fixes: edit ? [{ title: `Insert opportunity \`${name}\` for \`${pain.name}\``, edits: [edit] }] : [],
            });
        }
    }
});

export const unsupportedClaimRule = defineRule({
    id: 'unsupported-claim',
    defaultSeverity: 'info',
    description: 'An emotion, pain or KPI with no evidence on it or on its touchpoint.',
    checks: {
        Emotion: (emotion: Emotion, context) => {
            if (isTouchpoint(emotion.$container) && !touchpointHasEvidence(emotion.$container)) {
                context.report({
                    node: emotion, keyword: 'emotion',
                    message: `The emotion of touchpoint \`${emotion.$container.name}\` has no evidence: add \`evidence SOURCE\` to the touchpoint `
                        + '(a survey, interviews, analytics, support tickets) so that the curve shows what customers said, not what we guess.',
                });
            }
        },
        Pain: (pain, context) => {
            if (!painHasEvidence(pain)) {
                context.report({
                    node: pain, property: 'name',
                    message: `Pain \`${pain.name}\` has no evidence: add \`evidence SOURCE\` to it or to its touchpoint.`,
                });
            }
        },
        Kpi: (kpi: Kpi, context) => {
            if (!kpiHasEvidence(kpi)) {
                context.report({
                    node: kpi, property: 'metric',
                    message: `KPI \`${kpi.metric?.$refText}\` has no source: add \`source SOURCE\` to it (or evidence to its touchpoint) to say where the number comes from.`,
                });
            }
        },
    }
});

export const kpiOffTargetRule = defineRule({
    id: 'kpi-off-target',
    defaultSeverity: 'info',
    description: 'A KPI value is worse than its target (respecting `lower is better`).',
    checks: {
        Kpi: (kpi, context) => {
            const metric = kpi.metric?.ref;
            const value = kpiValue(kpi);
            const target = readQuantity(kpi.target);
            if (metric && value && target && isOffTarget(metric, value.value, target.value)) {
                context.report({
                    node: kpi, property: 'metric',
                    message: `KPI \`${metric.name}\` is off target: ${kpiValueText(kpi)} against a target of ${kpi.target}`
                        + `${metric.lowerIsBetter ? ' (lower is better)' : ''}. Name an opportunity or a plan that closes the gap.`,
                });
            }
        }
    }
});

export const valueGapRule = defineRule({
    id: 'value-gap',
    defaultSeverity: 'warning',
    description: 'We score below a competitor on a need of importance 4 or more.',
    checks: {
        ValueGap: (valueGap, context) => {
            for (const { row, scores } of valueGapRows(valueGap)) {
                const need = row.need?.ref;
                if (!need || (need.importance ?? 0) < 4 || row.us === undefined) {
                    continue;
                }
                const ahead = scores.filter(score => score.score !== undefined && score.score > row.us);
                if (ahead.length > 0) {
                    const names = ahead.map(score => `\`${score.competitor?.$refText}\` ${score.score}`).join(', ');
                    context.report({
                        node: row, property: 'need',
                        message: `Value gap on \`${need.name}\` (importance ${need.importance}): we score ${row.us}, behind ${names}. `
                            + 'Plan how to close it (an opportunity at the touchpoints that serve this need), and update the scores when it closes.',
                    });
                }
            }
        }
    }
});
