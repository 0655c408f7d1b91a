import { distance } from 'fastest-levenshtein';
import { compareText } from './ordering.js';

/**
 * The candidates closest to a misspelled name, best first: what "did you mean …?" offers.
 * A candidate qualifies when it is within two edits (one for names of three letters or fewer; a third of
 * the length for long names; two swapped letters are one edit), or when one name contains the other
 * (`pricing` for `clear_pricing`).
 */
export function closeMatches(name: string, candidates: Iterable<string>, limit = 3): string[] {
    const wanted = name.toLowerCase();
    const maxDistance = wanted.length <= 3 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
    const scored: Array<{ candidate: string; score: number }> = [];
    for (const candidate of new Set(candidates)) {
        const lower = candidate.toLowerCase();
        const edits = isOneSwap(wanted, lower) ? 1 : distance(wanted, lower);
        const contains = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
        if (edits <= maxDistance || contains) {
            scored.push({ candidate, score: contains ? Math.min(edits, maxDistance) : edits });
        }
    }
    scored.sort((a, b) => a.score - b.score || compareText(a.candidate, b.candidate));
    return scored.slice(0, limit).map(s => s.candidate);
}

/** Whether swapping two adjacent letters of `a` gives `b` (`wbe` → `web`): Levenshtein counts that as two edits. */
function isOneSwap(a: string, b: string): boolean {
    if (a.length !== b.length) {
        return false;
    }
    let first = 0;
    while (first < a.length && a[first] === b[first]) {
        first++;
    }
    return first + 1 < a.length && a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`". */
export function formatAlternatives(names: readonly string[]): string {
    return formatList(names.map(n => `\`${n}\``), 'or');
}

/** "a", "a and b", "a, b and c" (or with another conjunction): a list in a sentence. */
export function formatList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
