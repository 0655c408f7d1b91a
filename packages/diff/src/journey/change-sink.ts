import type { Change, DiffSide } from '../diff-model.js';

/**
 * Where a journey's changes are collected: in buckets named after the element of the HEAD map they
 * belong to (a stage, a touchpoint, the stage's own pains), so that they come out in the map's order
 * whatever order they were found in.
 */
export class ChangeSink {
    private readonly buckets = new Map<string, Change[]>();

    constructor(readonly journey: string, readonly base: DiffSide, readonly head: DiffSide, readonly baseUri: string, readonly headUri: string) {}

    add(bucket: string, change: Omit<Change, 'journey'>): void {
        const list = this.buckets.get(bucket) ?? [];
        list.push({ ...change, journey: this.journey });
        this.buckets.set(bucket, list);
    }

    /** The changes of the buckets, in the order given (each bucket's in the order added). */
    collect(order: readonly string[]): Change[] {
        const seen = new Set<string>();
        const result: Change[] = [];
        for (const bucket of [...order, ...this.buckets.keys()]) {
            if (!seen.has(bucket)) {
                seen.add(bucket);
                result.push(...this.buckets.get(bucket) ?? []);
            }
        }
        return result;
    }
}

export const bucket = {
    journey: 'journey',
    stage: (name: string) => `stage:${name}`,
    touchpoint: (name: string) => `touchpoint:${name}`,
    stageItems: (name: string) => `stage-items:${name}`,
    removedStages: 'removed-stages',
    plans: 'plans',
    valueGap: 'value-gap',
    unknowns: 'unknowns',
} as const;
