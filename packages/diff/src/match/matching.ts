import { compareText } from '@journey/language/ordering';

// Matching the elements of one version with those of the other: first by name (the identity a map
// gives them), then, among those left, by fallbacks (same label, similar body), best match first.

export interface MatchedPair<T> {
    base: T;
    head: T;
    /** Matched by a fallback, not by name: the element was renamed. */
    renamed: boolean;
}

export interface Matching<T> {
    /** Matched pairs, in HEAD order. */
    pairs: Array<MatchedPair<T>>;
    /** HEAD elements without a match, in HEAD order. */
    added: T[];
    /** BASE elements without a match, in BASE order. */
    removed: T[];
}

/**
 * A fallback: how well an unmatched BASE element fits an unmatched HEAD one; 0 (or less) is no
 * match. Each fallback runs over what the earlier ones left, highest score first (ties: HEAD order,
 * then BASE order).
 */
export type MatchScore<T> = (base: T, head: T, baseIndex: number, headIndex: number) => number;

export function matchElements<T>(base: readonly T[], head: readonly T[], nameOf: (item: T) => string, fallbacks: ReadonlyArray<MatchScore<T>> = []): Matching<T> {
    const headToBase = new Map<number, { index: number; renamed: boolean }>();
    const baseTaken = new Set<number>();
    const baseByName = new Map<string, number>();
    base.forEach((item, index) => {
        const name = nameOf(item);
        if (!baseByName.has(name)) {
            baseByName.set(name, index);
        }
    });
    head.forEach((item, index) => {
        const found = baseByName.get(nameOf(item));
        if (found !== undefined && !baseTaken.has(found)) {
            baseTaken.add(found);
            headToBase.set(index, { index: found, renamed: false });
        }
    });
    for (const score of fallbacks) {
        const candidates: Array<{ b: number; h: number; score: number }> = [];
        head.forEach((headItem, h) => {
            if (headToBase.has(h)) {
                return;
            }
            base.forEach((baseItem, b) => {
                if (baseTaken.has(b)) {
                    return;
                }
                const value = score(baseItem, headItem, b, h);
                if (value > 0) {
                    candidates.push({ b, h, score: value });
                }
            });
        });
        candidates.sort((x, y) => y.score - x.score || x.h - y.h || x.b - y.b);
        for (const candidate of candidates) {
            if (!headToBase.has(candidate.h) && !baseTaken.has(candidate.b)) {
                headToBase.set(candidate.h, { index: candidate.b, renamed: true });
                baseTaken.add(candidate.b);
            }
        }
    }
    const pairs: Array<MatchedPair<T>> = [];
    const added: T[] = [];
    head.forEach((item, h) => {
        const match = headToBase.get(h);
        if (match) {
            pairs.push({ base: base[match.index], head: item, renamed: match.renamed });
        } else {
            added.push(item);
        }
    });
    const removed = base.filter((_, b) => !baseTaken.has(b));
    return { pairs, added, removed };
}

/**
 * Which of a sequence's items moved: given the BASE positions of items in HEAD order, the indexes
 * (into that list) of the items outside one longest increasing run (those that kept their relative
 * order stay put; the rest were reordered). Ties go to the earliest run, so the result is stable.
 */
export function reorderedIndexes(basePositions: readonly number[]): Set<number> {
    const n = basePositions.length;
    const length = new Array<number>(n).fill(1);
    const previous = new Array<number>(n).fill(-1);
    let best = -1;
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) {
            if (basePositions[j] < basePositions[i] && length[j] + 1 > length[i]) {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
        if (best < 0 || length[i] > length[best]) {
            best = i;
        }
    }
    const kept = new Set<number>();
    for (let i = best; i >= 0; i = previous[i]) {
        kept.add(i);
    }
    const moved = new Set<number>();
    for (let i = 0; i < n; i++) {
        if (!kept.has(i)) {
            moved.add(i);
        }
    }
    return moved;
}

/** Items of `after` not in `before`, and of `before` not in `after`, by key; each in its list's order. */
export function setDifference<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { added: T[]; removed: T[] } {
    const beforeKeys = new Set(before.map(key));
    const afterKeys = new Set(after.map(key));
    return {
        added: after.filter(item => !beforeKeys.has(key(item))),
        removed: before.filter(item => !afterKeys.has(key(item))),
    };
}

/** The same set of keys, whatever the order. */
export function sameKeys(before: readonly string[], after: readonly string[]): boolean {
    const a = [...new Set(before)].sort(compareText);
    const b = [...new Set(after)].sort(compareText);
    return a.length === b.length && a.every((key, index) => key === b[index]);
}
