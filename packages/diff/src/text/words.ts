import { formatNumber, SIGNED_SCORE } from '@journey/language/number-format';
import type { Change, DiffSide, Direction } from '../diff-model.js';

// How changes are put into words and where they are: labels in quotes, numbers as the maps print
// them, 1-based lines in the file's path as shown.

/** A label in quotes (the name when there is no label). */
export function quoted(item: { name: string; label?: string } | undefined): string {
    if (!item) {
        return '""';
    }
    return `"${item.label || item.name}"`;
}

/** A list of quoted labels: `"A", "B"`; `none` when empty. */
export function quotedList(items: ReadonlyArray<{ name: string; label?: string }>): string {
    return items.length === 0 ? 'none' : items.map(quoted).join(', ');
}

/** An emotion score: `+1`, `0`, `−2`. */
export function emotionText(value: number): string {
    return formatNumber(value, SIGNED_SCORE);
}

/** A metric value: `3.1%` for a percent metric, else `4.2`. */
export function metricText(value: number, percent: boolean): string {
    return formatNumber(value, percent ? { unit: 'percent' } : {});
}

export function numberText(value: number): string {
    return formatNumber(value);
}

/** `(better)`, `(worse)` or nothing. */
export function directionSuffix(direction: Direction): string {
    return direction === 'neutral' ? '' : ` (${direction})`;
}

/** Higher is better: the direction of a move from `before` to `after`. */
export function higherIsBetter(before: number, after: number): Direction {
    return after > before ? 'better' : after < before ? 'worse' : 'neutral';
}

export function lowerIsBetter(before: number, after: number): Direction {
    return after < before ? 'better' : after > before ? 'worse' : 'neutral';
}

interface RangeLike {
    start: { line: number };
}

/** Where something is on a side: its file's path as shown and its 1-based line. */
export function location(side: DiffSide, uri: string, range: RangeLike | undefined): Change['at'] {
    return { path: side.paths[uri] ?? uri, line: (range?.start.line ?? 0) + 1 };
}
