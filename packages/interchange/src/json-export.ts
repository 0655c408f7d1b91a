// The links module, not the index: the VS Code extension bundles this package without Langium.
import { REPOSITORY_URL } from '@journey/language/links';
import type {
    JourneyMapModel, KpiModel, NamedRef, OpportunityModel, PainModel, PlanModel, StageModel, TouchpointModel, ValueGapRowModel
} from '@journey/language';

/**
 * Journeys as JSON, the shape `schemas/journey-export.schema.json` describes (JSON Schema draft-07).
 *
 * Stable: keys in a fixed order, optional values left out when absent (never `null`), lists always
 * present. Names are the identifiers of the `.journey` text; labels its quoted text. Derived values
 * (`owner` of a touchpoint when only the journey has one, `onTarget`, `supported`, `stale`, `overdue`)
 * are computed as `journey lint` computes them, `stale` and `overdue` for the date given as today.
 * Source ranges (1-based lines and columns, end exclusive) only when asked for.
 */

type Range = JourneyMapModel['range'];

/** Where the schema is published; also the `$schema` of every export. */
export const JOURNEY_EXPORT_SCHEMA_URL = `${REPOSITORY_URL}/blob/main/schemas/journey-export.schema.json`;

/** Bumped when a key changes meaning or goes away (new optional keys do not bump it). */
export const JOURNEY_EXPORT_FORMAT_VERSION = 1;

export interface JsonExportOptions {
    /** Include `range` (and `nameRange`) on every element. */
    ranges?: boolean;
}

export interface JsonExportInput {
    journey: JourneyMapModel;
    /** The file the journey is written in, as the user named it (relative, `/`-separated). */
    file: string;
}

export type JsonPosition = { line: number; column: number };

export type JsonRange = { start: JsonPosition; end: JsonPosition };

type Json = string | number | boolean | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

/** The export as an object (what `exportJson` writes). */
export function journeyExportDocument(inputs: readonly JsonExportInput[], options: JsonExportOptions = {}): JsonObject {
    const writer = new ExportWriter(Boolean(options.ranges));
    return {
        $schema: JOURNEY_EXPORT_SCHEMA_URL,
        formatVersion: JOURNEY_EXPORT_FORMAT_VERSION,
        journeys: inputs.map(input => writer.journey(input.journey, input.file)),
    };
}

/** The export as JSON text: two-space indents, a final newline. */
export function exportJson(inputs: readonly JsonExportInput[], options: JsonExportOptions = {}): string {
    return `${JSON.stringify(journeyExportDocument(inputs, options), null, 2)}\n`;
}

class ExportWriter {
    constructor(private readonly withRanges: boolean) {}

    journey(journey: JourneyMapModel, file: string): JsonObject {
        return {
            name: journey.name,
            label: journey.label,
            description: journey.description,
            file,
            personas: journey.personas.map(persona => ({
                ...named(persona),
                description: persona.description,
                goals: persona.goals,
                pains: persona.pains,
                motivations: persona.motivations,
                prefers: persona.prefers.map(channel => ({ ...named(channel), mode: channel.mode })),
                needs: persona.needs.map(need => ({ ...named(need), importance: need.importance })),
            })),
            trigger: journey.trigger,
            state: journey.state.kind === 'future' ? { kind: 'future', of: journey.state.of } : { kind: journey.state.kind },
            owner: optionalNamed(journey.owner),
            reviewed: journey.reviewed && { date: journey.reviewed.date, everyDays: journey.reviewed.everyDays, stale: journey.reviewed.stale },
            stages: journey.stages.map(stage => this.stage(stage)),
            flows: journey.flows.map(flow => ({ from: flow.from, to: flow.to, label: flow.label, implied: flow.implied, back: flow.back })),
            unknowns: journey.unknowns.map(unknown => ({ text: unknown.text, ...this.ranges(unknown.range) })),
            valueGap: journey.valueGap.map(row => this.valueGapRow(row)),
            competitors: journey.competitors.map(named),
            plans: journey.plans.map(plan => this.plan(plan)),
            ...this.ranges(journey.range, journey.nameRange),
        };
    }

    private stage(stage: StageModel): JsonObject {
        return {
            ...named(stage),
            phase: stage.phase,
            question: stage.question,
            touchpoints: stage.touchpoints.map(touchpoint => this.touchpoint(touchpoint)),
            pains: stage.pains.map(pain => this.pain(pain)),
            opportunities: stage.opportunities.map(opportunity => this.opportunity(opportunity)),
            ...this.ranges(stage.range, stage.nameRange),
        };
    }

    private touchpoint(touchpoint: TouchpointModel): JsonObject {
        return {
            ...named(touchpoint),
            stage: touchpoint.stage,
            channel: touchpoint.channel && { ...named(touchpoint.channel), mode: touchpoint.channel.mode },
            owner: optionalNamed(touchpoint.owner),
            personas: [...touchpoint.personas],
            byWritten: touchpoint.byWritten,
            action: touchpoint.action,
            thinks: touchpoint.thinks,
            emotion: touchpoint.emotion && { value: touchpoint.emotion.value, label: touchpoint.emotion.label },
            serves: touchpoint.serves.map(serves => ({ persona: serves.persona, need: serves.need, label: serves.label })),
            backstage: touchpoint.backstage,
            kpis: touchpoint.kpis.map(kpi => this.kpi(kpi)),
            evidence: touchpoint.evidence.map(source => ({ ...named(source), kind: source.kind })),
            momentOfTruth: touchpoint.momentOfTruth,
            pains: touchpoint.pains.map(pain => this.pain(pain)),
            opportunities: touchpoint.opportunities.map(opportunity => this.opportunity(opportunity)),
            supported: touchpoint.supported,
            ...this.ranges(touchpoint.range, touchpoint.nameRange),
        };
    }

    private kpi(kpi: KpiModel): JsonObject {
        const metric = kpi.metric;
        return {
            metric: { ...named(metric), percent: metric.percent, low: metric.low, high: metric.high, lowerIsBetter: metric.lowerIsBetter },
            value: kpi.value,
            target: kpi.target,
            onTarget: kpi.onTarget,
            source: kpi.source && { ...named(kpi.source), kind: kpi.source.kind, date: kpi.source.date, stale: kpi.source.stale },
            supported: kpi.supported,
            computed: kpi.computed && {
                aggregate: kpi.computed.aggregate,
                column: kpi.computed.column,
                where: kpi.computed.where.map(filter => ({ column: filter.column, value: filter.value })),
                file: kpi.computed.file,
                n: kpi.computed.n,
                leftOut: kpi.computed.leftOut,
                distribution: kpi.computed.distribution.map(row => ({ answer: row.answer, count: row.count })),
                smallSample: kpi.computed.smallSample,
            },
            ...this.ranges(kpi.range),
        };
    }

    private pain(pain: PainModel): JsonObject {
        return {
            ...named(pain),
            severity: pain.severity,
            stage: pain.stage,
            touchpoint: pain.touchpoint,
            evidence: pain.evidence.map(source => ({ ...named(source), kind: source.kind })),
            ...this.ranges(pain.range, pain.nameRange),
        };
    }

    private opportunity(opportunity: OpportunityModel): JsonObject {
        return {
            ...named(opportunity),
            answers: [...opportunity.answers],
            owner: optionalNamed(opportunity.owner),
            stage: opportunity.stage,
            touchpoint: opportunity.touchpoint,
            ...this.ranges(opportunity.range, opportunity.nameRange),
        };
    }

    private valueGapRow(row: ValueGapRowModel): JsonObject {
        return {
            need: row.need,
            persona: row.persona,
            label: row.label,
            importance: row.importance,
            us: row.us,
            competitors: row.competitors.map(competitor => ({ ...named(competitor), score: competitor.score })),
            ...this.ranges(row.range),
        };
    }

    private plan(plan: PlanModel): JsonObject {
        return {
            ...named(plan),
            addresses: [...plan.addresses],
            owner: optionalNamed(plan.owner),
            due: plan.due,
            overdue: plan.overdue,
            targets: plan.targets.map(target => ({ metric: target.metric, value: target.value, percent: target.percent })),
            status: plan.status,
            ...this.ranges(plan.range, plan.nameRange),
        };
    }

    private ranges(range: Range, nameRange?: Range): JsonObject {
        if (!this.withRanges) {
            return {};
        }
        return nameRange ? { range: jsonRange(range), nameRange: jsonRange(nameRange) } : { range: jsonRange(range) };
    }
}

function named(ref: NamedRef): JsonObject {
    return { name: ref.name, label: ref.label };
}

function optionalNamed(ref: NamedRef | undefined): JsonObject | undefined {
    return ref ? named(ref) : undefined;
}

/** LSP's 0-based positions as 1-based lines and columns (columns in UTF-16 code units, as editors count). */
export function jsonRange(range: Range): JsonRange {
    return {
        start: { line: range.start.line + 1, column: range.start.character + 1 },
        end: { line: range.end.line + 1, column: range.end.character + 1 },
    };
}
