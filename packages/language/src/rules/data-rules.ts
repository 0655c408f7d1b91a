import type { Reference } from 'langium';
import { propertyRange, replaceRange } from '../fixes/text-edits.js';
import type { Journey, Source } from '../generated/ast.js';
import { kpiDataOf } from '../data/kpi-data.js';
import { parseCalendarDate, toEpochDay } from '../model/calendar-date.js';
import { isStaleSource, kpiHasEvidence, painHasEvidence, touchpointHasEvidence } from '../model/journey-facts.js';
import { astNodesOf } from '../utils/ast-walk.js';
import { defineRule, type RuleContext } from './rule-registry.js';

export const dataUnreadableRule = defineRule({
    id: 'data-unreadable',
    defaultSeverity: 'error',
    description: 'A data file is missing or not CSV, or a KPI names a column its data file does not have.',
    checks: {
        Source: (source, context) => {
            const file = context.services.data.DataFiles.ofSource(source);
            if (file?.read.problem) {
                context.report({
                    node: source, property: 'data',
                    message: `Cannot read the data file "${file.path}" of source \`${source.name}\`: ${file.read.problem}. `
                        + 'The path is relative to this file; point `data` at the CSV export kept in the repository.',
                });
            }
        },
        KpiComputation: (computation, context) => {
            const problem = computation.$container && kpiDataOf(computation.$container)?.problem;
            if (!problem) {
                return;
            }
            if (problem.at === 'filter' && problem.index !== undefined) {
                context.report({ node: computation.filters[problem.index], property: 'column', message: problem.message });
            } else {
                context.report({ node: computation, property: problem.at, message: problem.message });
            }
        },
    },
});

export const smallSampleRule = defineRule({
    id: 'small-sample',
    defaultSeverity: 'warning',
    description: 'A computed KPI rests on fewer answers than `minSample` (journey.config.json, default 30).',
    checks: {
        Kpi: (kpi, context) => {
            const result = kpiDataOf(kpi)?.result;
            const { minSample } = context.services.validation.JourneySettings.evidence;
            if (!result || result.n >= minSample) {
                return;
            }
            const filtered = (kpi.computation?.filters.length ?? 0) > 0 ? ' after its `where` filters' : '';
            context.report({
                node: kpi, property: 'metric',
                message: result.n === 0
                    ? `KPI \`${kpi.metric?.$refText}\` has no answers to compute from${filtered} (${result.leftOut} left out): check the column and the filters, or write the value by hand.`
                    : `KPI \`${kpi.metric?.$refText}\` rests on ${result.n} answer${result.n === 1 ? '' : 's'}${filtered}, fewer than ${minSample}: `
                        + 'read it as a signal, not a measure, and say so, or gather more answers.',
            });
        },
    },
});

export const sampleMismatchRule = defineRule({
    id: 'sample-mismatch',
    defaultSeverity: 'warning',
    description: "A source's written `sample` differs from the number of rows in its data file.",
    fix: { description: 'Set `sample` to the number of data rows.', safe: false },
    checks: {
        Source: (source, context) => {
            const table = source.sample !== undefined ? context.services.data.DataFiles.ofSource(source)?.read.table : undefined;
            if (!table || table.rows.length === source.sample) {
                return;
            }
            const rows = table.rows.length;
            const range = propertyRange(source, 'sample');
            context.report({
                node: source, property: 'sample',
                message: `Source \`${source.name}\` says \`sample ${source.sample}\`, but its data file "${source.data}" has ${rows} data row${rows === 1 ? '' : 's'}: `
                    + `write \`sample ${rows}\` (or remove it: with \`data\`, the sample is the file's rows).`,
                fixes: range ? [{ title: `Set the sample to ${rows}`, edits: [replaceRange(range, String(rows))] }] : [],
            });
        },
    },
});

export const staleEvidenceRule = defineRule({
    id: 'stale-evidence',
    defaultSeverity: 'warning',
    description: 'On a current-state journey, evidence from a source dated more than `maxEvidenceAgeDays` (default 365) before today.',
    checks: {
        Journey: (journey, context) => {
            if (!isCurrentState(journey)) {
                return;
            }
            // Every place the journey names a source as evidence: `evidence` lines, a pain's evidence, a KPI's source.
            for (const node of astNodesOf(journey, false)) {
                const record = node as unknown as Record<string, unknown>;
                for (const property of ['sources', 'evidence', 'source'] as const) {
                    const value = record[property];
                    const references = (Array.isArray(value) ? value : value ? [value] : []) as Array<Reference<Source>>;
                    references.forEach((reference, index) => {
                        const source = reference?.ref;
                        if (source?.$type === 'Source') {
                            reportIfStale(context, node, property, Array.isArray(value) ? index : undefined, source);
                        }
                    });
                }
            }
        },
    },
});

function reportIfStale(context: RuleContext, node: Parameters<RuleContext['report']>[0]['node'], property: string, index: number | undefined, source: Source): void {
    const { maxEvidenceAgeDays } = context.services.validation.JourneySettings.evidence;
    if (!isStaleSource(source, context.today, maxEvidenceAgeDays)) {
        return;
    }
    const age = toEpochDay(context.today) - toEpochDay(parseCalendarDate(source.date!)!);
    context.report({
        node, property, index,
        message: `Source \`${source.name}\` is dated ${source.date}, ${age} days ago (more than ${maxEvidenceAgeDays}): on a current-state map its evidence may no longer hold. `
            + 'Refresh the research and date the new source, or mark the journey as it was then.',
    });
}

export const claimWithoutResearchRule = defineRule({
    id: 'claim-without-research',
    defaultSeverity: 'warning',
    description: 'A current-state journey none of whose emotions, pains or KPIs has any evidence.',
    checks: {
        Journey: (journey, context) => {
            if (!isCurrentState(journey)) {
                return;
            }
            let claims = 0;
            for (const stage of journey.stages) {
                for (const touchpoint of stage.touchpoints) {
                    const claimsHere = touchpoint.emotions.length + touchpoint.kpis.length;
                    if (claimsHere > 0 && (touchpointHasEvidence(touchpoint) || touchpoint.kpis.some(kpiHasEvidence))) {
                        return;
                    }
                    claims += claimsHere;
                }
            }
            for (const node of astNodesOf(journey, false)) {
                if (node.$type === 'Pain') {
                    if (painHasEvidence(node as never)) {
                        return;
                    }
                    claims++;
                }
            }
            if (claims === 0) {
                return;
            }
            context.report({
                node: journey, property: 'name',
                message: `Journey \`${journey.name}\` shows the current state, but none of its ${claims} emotions, pains and KPIs has evidence: `
                    + 'name the research behind them (`evidence SOURCE` on touchpoints and pains, `source` on KPIs), or the map is a guess.',
            });
        },
    },
});

function isCurrentState(journey: Journey): boolean {
    const state = journey.states[0];
    return state !== undefined && !state.future;
}
