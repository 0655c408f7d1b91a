import { AstUtils, GrammarUtils, type CstNode, type Reference } from 'langium';
import {
    isJourney, isTouchpoint, isValueGapRow, type CompetitorScore, type Journey, type Kpi, type Metric, type Opportunity, type Owner,
    type Pain, type Source, type Team, type Touchpoint, type ValueGap, type ValueGapRow
} from '../generated/ast.js';
import { kpiDataOf } from '../data/kpi-data.js';
import type { AggregateSpec } from '../data/aggregates.js';
import { parseCalendarDate, toEpochDay, type CalendarDate } from './calendar-date.js';

/**
 * Derived facts the rules (and later the preview) share: who owns what, what is backed by evidence,
 * how to read a KPI. Each answers one question of the spec's "details that decide".
 */

/** The owning team: a touchpoint's or opportunity's own `owner`, else the journey's. */
export function effectiveOwner(node: Touchpoint | Opportunity): Team | undefined {
    return ownOwner(node)?.team?.ref ?? journeyOf(node)?.owners[0]?.team?.ref;
}

/** A touchpoint's or opportunity's own `owner` line (the first, for a touchpoint), if any. */
export function ownOwner(node: Touchpoint | Opportunity): Owner | undefined {
    return isTouchpoint(node) ? touchpointOwners(node)[0] : opportunityOwner(node);
}

// ---- Clauses on a line of their own inside a touchpoint ---------------------------------------------
//
// A pain may end with `evidence SOURCE` and an opportunity with `owner TEAM`, and the grammar reads
// such a clause wherever it is, even lines below. Inside a touchpoint, a line that starts with
// `evidence` or `owner` reads as the touchpoint's own member, and that is how its author meant it: so
// the layout decides, as a reader would. The clause is the pain's or opportunity's on its own line, or
// on a line indented deeper than the one it starts on (a continuation); a line that starts with it at
// the member's indentation (or less) is the touchpoint's. Outside touchpoints there is no other owner
// for it: it stays theirs wherever it is.

/** Whether a pain's or opportunity's trailing clause is, by its layout, the touchpoint's. */
function clauseIsTouchpoints(node: Pain | Opportunity, clause: CstNode | undefined): boolean {
    const start = node.$cstNode;
    if (!isTouchpoint(node.$container) || clause === undefined || start === undefined || clause.range.start.line === start.range.start.line) {
        return false;
    }
    const text = clause.root.fullText;
    const lineStart = text.lastIndexOf('\n', clause.offset - 1) + 1;
    const startsLine = text.slice(lineStart, clause.offset).trim() === '';
    return startsLine && clause.range.start.character <= start.range.start.character;
}

/** The `evidence` keyword of a pain's evidence clause. */
export function painEvidenceClause(pain: Pain): CstNode | undefined {
    return pain.evidence.length > 0 ? GrammarUtils.findNodeForKeyword(pain.$cstNode, 'evidence') : undefined;
}

/** Whether this pain's `evidence` clause, on a later line in a touchpoint, is the touchpoint's. */
export function painEvidenceIsTouchpoints(pain: Pain): boolean {
    return clauseIsTouchpoints(pain, painEvidenceClause(pain));
}

/** Whether this opportunity's `owner` clause, on a later line in a touchpoint, is the touchpoint's. */
export function opportunityOwnerIsTouchpoints(opportunity: Opportunity): boolean {
    return clauseIsTouchpoints(opportunity, opportunity.owner?.$cstNode);
}

/** A pain's own evidence: its `evidence` clause, unless that is the touchpoint's. */
export function painEvidence(pain: Pain): Array<Reference<Source>> {
    return painEvidenceIsTouchpoints(pain) ? [] : pain.evidence;
}

/** An opportunity's own `owner` clause, unless that is the touchpoint's. */
export function opportunityOwner(opportunity: Opportunity): Owner | undefined {
    return opportunityOwnerIsTouchpoints(opportunity) ? undefined : opportunity.owner;
}

/** A touchpoint's evidence: its `evidence` lines and those read as a pain's clause, in text order. */
export function touchpointEvidence(touchpoint: Touchpoint): Array<Reference<Source>> {
    const lines = [
        ...touchpoint.evidence.map(line => ({ offset: line.$cstNode?.offset ?? 0, sources: line.sources })),
        ...touchpoint.pains.filter(painEvidenceIsTouchpoints).map(pain => ({ offset: painEvidenceClause(pain)!.offset, sources: pain.evidence })),
    ];
    return lines.sort((a, b) => a.offset - b.offset).flatMap(line => line.sources);
}

/** A touchpoint's `owner` lines, those read as an opportunity's clause included, in text order. */
export function touchpointOwners(touchpoint: Touchpoint): Owner[] {
    const moved = touchpoint.opportunities.filter(opportunityOwnerIsTouchpoints).map(opportunity => opportunity.owner!);
    return moved.length === 0 ? touchpoint.owners
        : [...touchpoint.owners, ...moved].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
}

export function journeyOf(node: Touchpoint | Opportunity | Pain | Kpi): Journey | undefined {
    return AstUtils.getContainerOfType(node, isJourney);
}

/** A touchpoint's `evidence` lines cover its emotion, its KPIs and the pains at it. */
export function touchpointHasEvidence(touchpoint: Touchpoint): boolean {
    return touchpointEvidence(touchpoint).length > 0;
}

/** The touchpoint a pain is at: its `at`, or the touchpoint it is written in. */
export function painTouchpoint(pain: Pain): Touchpoint | undefined {
    return pain.at?.ref ?? (isTouchpoint(pain.$container) ? pain.$container : undefined);
}

export function painHasEvidence(pain: Pain): boolean {
    const touchpoint = painTouchpoint(pain);
    return painEvidence(pain).length > 0 || (touchpoint !== undefined && touchpointHasEvidence(touchpoint));
}

/** A KPI's `source` (or the source it is computed `from`) is its evidence; its touchpoint's evidence covers it too. */
export function kpiHasEvidence(kpi: Kpi): boolean {
    return kpi.source !== undefined || kpi.computation?.source !== undefined || (isTouchpoint(kpi.$container) && touchpointHasEvidence(kpi.$container));
}

/** The source a KPI's number comes from: the one it is computed `from`, else its `source`. */
export function kpiSource(kpi: Kpi): Source | undefined {
    return kpi.computation?.source?.ref ?? kpi.source?.ref;
}

/** A KPI's value: as written, or as computed from its source's data (undefined when it cannot be). */
export function kpiValue(kpi: Kpi): QuantityValue | undefined {
    if (kpi.computation) {
        const value = kpiDataOf(kpi)?.result?.value;
        return value === undefined ? undefined : { value, percent: Boolean(kpi.metric?.ref?.percent) };
    }
    return readQuantity(kpi.value);
}

/** A number or percentage as written: `3.1%` → { value: 3.1, percent: true }. */
export interface QuantityValue {
    value: number;
    percent: boolean;
}

export function readQuantity(written: string | number | undefined): QuantityValue | undefined {
    if (written === undefined) {
        return undefined;
    }
    const text = String(written);
    const percent = text.endsWith('%');
    const value = Number(percent ? text.slice(0, -1) : text);
    return Number.isFinite(value) ? { value, percent } : undefined;
}

/** The range a metric's values may take: its scale, or 0..100 for a percentage. */
export function metricRange(metric: Metric): { low: number; high: number } {
    if (metric.percent) {
        return { low: 0, high: 100 };
    }
    const low = metric.low ?? 0;
    const high = metric.high ?? 0;
    return { low: Math.min(low, high), high: Math.max(low, high) };
}

/** Whether `value` is worse than `target` for this metric (`lower is better` flips the direction). */
export function isOffTarget(metric: Metric, value: number, target: number): boolean {
    return metric.lowerIsBetter ? value > target : value < target;
}

/** Value-gap rows with the competitor scores written after them (the grammar keeps them as siblings). */
export function valueGapRows(valueGap: ValueGap): Array<{ row: ValueGapRow; scores: CompetitorScore[] }> {
    const rows: Array<{ row: ValueGapRow; scores: CompetitorScore[] }> = [];
    for (const entry of valueGap.entries) {
        if (isValueGapRow(entry)) {
            rows.push({ row: entry, scores: [] });
        } else {
            rows[rows.length - 1]?.scores.push(entry);
        }
    }
    return rows;
}

/** Whether a source's date is more than `maxDays` before today (a source without a date is not). */
export function isStaleSource(source: Source, today: CalendarDate, maxDays: number): boolean {
    const date = source.date ? parseCalendarDate(source.date) : undefined;
    return date !== undefined && toEpochDay(today) - toEpochDay(date) > maxDays;
}

/** The aggregate as the text writes it: `nps`, `share 4 to 5`. */
export function aggregateText(spec: AggregateSpec): string {
    return spec.kind === 'share' ? `share ${spec.low} to ${spec.high}` : spec.kind;
}

/** A KPI's value as a message quotes it: as written (`3.1%`), or computed (`42 (computed from 120 answers)`). */
export function kpiValueText(kpi: Kpi): string {
    if (!kpi.computation) {
        return String(kpi.value);
    }
    const result = kpiDataOf(kpi)?.result;
    return result?.value === undefined ? 'no value'
        : `${result.value}${kpi.metric?.ref?.percent ? '%' : ''} (computed from ${result.n} answer${result.n === 1 ? '' : 's'})`;
}
