import type { AstNode } from 'langium';
import { propertyRange, replaceRange } from '../fixes/text-edits.js';
import { aggregateText, metricRange, readQuantity } from '../model/journey-facts.js';
import { aggregateRange } from '../data/aggregates.js';
import { aggregateSpecOf, kpiDataOf } from '../data/kpi-data.js';
import type { Metric } from '../generated/ast.js';
import { defineRule, type RuleContext } from './rule-registry.js';

const EMOTION_MIN = -3;
const EMOTION_MAX = 3;

export const emotionOutOfRangeRule = defineRule({
    id: 'emotion-out-of-range',
    defaultSeverity: 'error',
    description: 'An emotion score lies outside -3 (very negative) .. +3 (very positive).',
    fix: { description: 'Clamp the score into -3..3.', safe: true },
    checks: {
        Emotion: (emotion, context) => {
            if (emotion.value === undefined || (emotion.value >= EMOTION_MIN && emotion.value <= EMOTION_MAX)) {
                return;
            }
            const clamped = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, emotion.value));
            const range = propertyRange(emotion, 'value');
            context.report({
                node: emotion, property: 'value',
                message: `Emotion ${emotion.value} is outside the scale: use -3 (very negative) to +3 (very positive), e.g. ${clamped}.`,
                fixes: range ? [{ title: `Clamp the emotion to ${clamped}`, edits: [replaceRange(range, String(clamped))] }] : [],
            });
        }
    }
});

export const scoreOutOfRangeRule = defineRule({
    id: 'score-out-of-range',
    defaultSeverity: 'error',
    description: "An importance, severity or value-gap score outside its scale, or a KPI outside its metric's scale.",
    checks: {
        Need: (need, context) => checkScore(context, need, 'importance', need.importance, 1, 5, `Importance of need \`${need.name}\``),
        Pain: (pain, context) => checkScore(context, pain, 'severity', pain.severity, 1, 5, `Severity of pain \`${pain.name}\``),
        ValueGapRow: (row, context) => checkScore(context, row, 'us', row.us, 0, 5, `Our score for \`${row.need?.$refText}\``),
        CompetitorScore: (score, context) =>
            checkScore(context, score, 'score', score.score, 0, 5, `The score of \`${score.competitor?.$refText}\``),
        Kpi: (kpi, context) => {
            const metric = kpi.metric?.ref;
            if (metric) {
                checkMetricValue(context, kpi, 'value', kpi.value, metric, `KPI \`${metric.name}\``);
                checkMetricValue(context, kpi, 'target', kpi.target, metric, `The target of KPI \`${metric.name}\``);
            }
        },
        KpiComputation: (computation, context) => {
            const metric = computation.$container.metric?.ref;
            // A metric without its scale did not parse whole: its file reports that, not every KPI of it.
            if (!metric || !computation.aggregate || (!metric.percent && (metric.low === undefined || metric.high === undefined))) {
                return;
            }
            const spec = aggregateSpecOf(computation);
            const holds = aggregateRange(spec);
            const scale = metricRange(metric);
            const as = `\`as ${aggregateText(spec)}\``;
            if (holds?.percent && !metric.percent) {
                context.report({
                    node: computation, property: 'aggregate',
                    message: `${as} gives a percentage, but metric \`${metric.name}\` is not one: declare it \`metric ${metric.name} "${metric.label}" percent\`.`,
                });
                return;
            }
            if (holds && !holds.percent && (metric.percent || scale.low > holds.low || scale.high < holds.high)) {
                context.report({
                    node: computation, property: 'aggregate',
                    message: `${as} gives ${holds.low} to ${holds.high}, which metric \`${metric.name}\` (${metric.percent ? 'a percentage' : `scale ${metric.low} to ${metric.high}`}) cannot hold: `
                        + `declare it \`scale ${holds.low} to ${holds.high}\`.`,
                });
                return;
            }
            const value = kpiDataOf(computation.$container)?.result?.value;
            if (value !== undefined && (value < scale.low || value > scale.high)) {
                context.report({
                    node: computation, property: 'aggregate',
                    message: `KPI \`${metric.name}\` computes to ${value}, outside ${metric.percent ? 'a percentage from 0% to 100%' : `its scale ${metric.low} to ${metric.high}`} (metric \`${metric.name}\`): `
                        + 'check the column and the aggregate, or the metric\'s scale.',
                });
            }
        },
        PlanTarget: (target, context) => {
            const metric = target.metric?.ref;
            if (metric) {
                checkMetricValue(context, target, 'value', target.value, metric, `The target for \`${metric.name}\``);
            }
        },
    }
});

function checkScore(context: RuleContext, node: AstNode, property: string, value: number | undefined, low: number, high: number, what: string): void {
    if (value !== undefined && (value < low || value > high)) {
        context.report({ node, property, message: `${what} is ${value}, outside ${low}..${high}: use a score from ${low} to ${high}.` });
    }
}

function checkMetricValue(context: RuleContext, node: AstNode, property: string, text: string | number | undefined, metric: Metric, what: string): void {
    const quantity = readQuantity(text);
    if (!quantity) {
        return;
    }
    const { low, high } = metricRange(metric);
    const scale = metric.percent ? 'a percentage from 0% to 100%' : `its scale ${metric.low} to ${metric.high}`;
    if (quantity.value < low || quantity.value > high) {
        context.report({ node, property, message: `${what} is ${text}, outside ${scale} (metric \`${metric.name}\`): correct the value or the metric's scale.` });
    }
}
