import type { DiffFinding } from '../diff-model.js';

/**
 * Findings introduced and fixed, compared as multisets: a finding is the same on both sides when its
 * rule, severity, message and journey agree, and (outside a journey) its file's path; line numbers
 * are left out, as edits above a finding shift it. A finding inside a journey is keyed by the
 * journey, not the file, so moving a journey to another file neither introduces nor fixes anything
 * (a renamed journey's BASE findings are read under its HEAD name; the message may still differ).
 */
export function diffFindings(
    base: readonly DiffFinding[], head: readonly DiffFinding[], renamedJourneys: ReadonlyMap<string, string> = new Map(),
): { introduced: DiffFinding[]; fixed: DiffFinding[] } {
    const key = (journey: (finding: DiffFinding) => string | undefined) => (finding: DiffFinding) => {
        const name = journey(finding);
        return JSON.stringify(name !== undefined
            ? ['journey', name, finding.ruleId, finding.severity, finding.message]
            : ['file', finding.path, finding.ruleId, finding.severity, finding.message]);
    };
    const headKey = key(finding => finding.journey);
    const baseKey = key(finding => finding.journey !== undefined ? renamedJourneys.get(finding.journey) ?? finding.journey : undefined);
    return { introduced: minus(head, headKey, base, baseKey), fixed: minus(base, baseKey, head, headKey) };
}

/** The findings of `from` left when each of `other` takes away one with its key; in `from`'s order. */
function minus(from: readonly DiffFinding[], fromKey: (finding: DiffFinding) => string, other: readonly DiffFinding[], otherKey: (finding: DiffFinding) => string): DiffFinding[] {
    const counts = new Map<string, number>();
    for (const finding of other) {
        const k = otherKey(finding);
        counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const result: DiffFinding[] = [];
    for (const finding of from) {
        const k = fromKey(finding);
        const count = counts.get(k) ?? 0;
        if (count > 0) {
            counts.set(k, count - 1);
        } else {
            result.push(finding);
        }
    }
    return result;
}
