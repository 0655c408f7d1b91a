import { AstUtils } from 'langium';
import {
    isJourney, isTouchpoint, type Journey, type Kpi, type Metric, type Opportunity, type Pain, type Team, type Touchpoint
} from './generated/ast.js';

/**
 * Derived facts the rules (and later the preview) share: who owns what, what is backed by evidence,
 * how to read a KPI. Each answers one question of the spec's "details that decide".
 */

/** The owning team: a touchpoint's or opportunity's own `owner`, else the journey's. */
export function effectiveOwner(node: Touchpoint | Opportunity): Team | undefined {
    const own = 'owners' in node ? node.owners[0]?.team.ref : node.owner?.team.ref;
    return own ?? journeyOf(node)?.owners[0]?.team.ref;
}

export function journeyOf(node: Touchpoint | Opportunity | Pain | Kpi): Journey | undefined {
    return AstUtils.getContainerOfType(node, isJourney);
}

/** A touchpoint's `evidence` lines cover its emotion, its KPIs and the pains at it. */
export function touchpointHasEvidence(touchpoint: Touchpoint): boolean {
    return touchpoint.evidence.some(line => line.sources.length > 0);
}

/** The touchpoint a pain is at: its `at`, or the touchpoint it is written in. */
export function painTouchpoint(pain: Pain): Touchpoint | undefined {
    return pain.at?.ref ?? (isTouchpoint(pain.$container) ? pain.$container : undefined);
}

export function painHasEvidence(pain: Pain): boolean {
    const touchpoint = painTouchpoint(pain);
    return pain.evidence.length > 0 || (touchpoint !== undefined && touchpointHasEvidence(touchpoint));
}

/** A KPI's `source` is its evidence; its touchpoint's evidence covers it too. */
export function kpiHasEvidence(kpi: Kpi): boolean {
    return kpi.source !== undefined || (isTouchpoint(kpi.$container) && touchpointHasEvidence(kpi.$container));
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
