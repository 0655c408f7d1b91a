/** How much data a claim needs, and how old its evidence may be (`small-sample`, `stale-evidence`). */
export interface EvidenceSettings {
    /** A computed KPI on fewer answers is a small sample. */
    minSample: number;
    /** A source dated more days than this before today is stale. */
    maxEvidenceAgeDays: number;
}

export const DEFAULT_EVIDENCE: Readonly<EvidenceSettings> = { minSample: 30, maxEvidenceAgeDays: 365 };

