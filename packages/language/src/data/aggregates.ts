/** The aggregates a computed KPI may use (`as nps`, `as share 4 to 5`). */
export type AggregateKind = 'nps' | 'csat' | 'ces' | 'mean' | 'median' | 'count' | 'share';

export interface AggregateSpec {
    kind: AggregateKind;
    /** `share LOW to HIGH`. */
    low?: number;
    high?: number;
}

export interface AggregateResult {
    /** The value, rounded to two decimals; undefined when no answer counts (nothing to compute from). */
    value: number | undefined;
    /** The answers it is computed from. */
    n: number;
    /** The rows that passed the filters but were left out: an empty cell, not a number, outside the scale. */
    leftOut: number;
    /** How the answers counted are spread: each answer and how many gave it, in order. */
    distribution: Array<{ answer: string; count: number }>;
    /** Whether the value is a percentage (`csat`, `share`). */
    percent: boolean;
}

/** The scale each aggregate reads; answers outside it are left out. */
const SCALES: Partial<Record<AggregateKind, { low: number; high: number; integer: boolean }>> = {
    nps: { low: 0, high: 10, integer: true },
    csat: { low: 1, high: 5, integer: true },
    ces: { low: 1, high: 7, integer: true },
};

/** What the aggregate's value ranges over, for `score-out-of-range` on the metric that holds it. */
export function aggregateRange(spec: AggregateSpec): { low: number; high: number; percent: boolean } | undefined {
    switch (spec.kind) {
        case 'nps':
            return { low: -100, high: 100, percent: false };
        case 'csat':
        case 'share':
            return { low: 0, high: 100, percent: true };
        case 'ces':
            return { low: 1, high: 7, percent: false };
        default:
            return undefined;
    }
}

/**
 * Computes an aggregate over the cells of one column (the rows that passed the filters). Empty cells and
 * non-numbers are left out and counted, as are answers outside the aggregate's scale (an NPS answer of 11).
 * `count` counts the cells that are not empty, whatever they hold.
 */
export function computeAggregate(spec: AggregateSpec, cells: readonly string[]): AggregateResult {
    const percent = spec.kind === 'csat' || spec.kind === 'share';
    if (spec.kind === 'count') {
        const answers = cells.map(cell => cell.trim()).filter(cell => cell !== '');
        return { value: answers.length, n: answers.length, leftOut: cells.length - answers.length, distribution: spread(answers), percent };
    }
    const scale = SCALES[spec.kind];
    const numbers: number[] = [];
    for (const cell of cells) {
        const number = readNumber(cell);
        if (number === undefined || (scale && (number < scale.low || number > scale.high || (scale.integer && !Number.isInteger(number))))) {
            continue;
        }
        numbers.push(number);
    }
    const n = numbers.length;
    const result = (value: number | undefined): AggregateResult => ({
        value: value === undefined || n === 0 ? undefined : Math.round(value * 100) / 100,
        n, leftOut: cells.length - n, distribution: spread(numbers.map(String), scale), percent,
    });
    const share = (within: (answer: number) => boolean) => 100 * numbers.filter(within).length / n;
    switch (spec.kind) {
        case 'nps':
            return result(share(answer => answer >= 9) - share(answer => answer <= 6));
        case 'csat':
            return result(share(answer => answer >= 4));
        case 'share': {
            const low = Math.min(spec.low ?? 0, spec.high ?? 0);
            const high = Math.max(spec.low ?? 0, spec.high ?? 0);
            return result(share(answer => answer >= low && answer <= high));
        }
        case 'ces':
        case 'mean':
            return result(numbers.reduce((sum, answer) => sum + answer, 0) / n);
        case 'median': {
            const sorted = [...numbers].sort((a, b) => a - b);
            const middle = Math.floor(n / 2);
            return result(n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
        }
    }
}

/**
 * A number as exports write one: `4`, `-1`, `3.5`, and `3,5` (a decimal comma, as `;`-separated files
 * from many locales have). Anything else (`n/a`, `4 stars`, empty) is not a number.
 */
export function readNumber(cell: string): number | undefined {
    const text = cell.trim();
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) {
        return Number(text);
    }
    if (/^[+-]?\d+,\d+$/.test(text)) {
        return Number(text.replace(',', '.'));
    }
    return undefined;
}

/** The most rows a distribution has: more distinct answers are binned (numbers) or summed up as "other" (texts). */
const MOST_ROWS = 12;

/**
 * Each answer with its count: a scale's every step (zeros too) in order, else the answers given, in
 * order; past {@link MOST_ROWS} distinct answers, numbers in ten equal ranges and texts as the most given
 * and "other", so that the model stays small for a 100,000-row export.
 */
function spread(answers: readonly string[], scale?: { low: number; high: number }): AggregateResult['distribution'] {
    const all = exactSpread(answers, scale);
    if (all.length <= MOST_ROWS || scale) {
        return all;
    }
    const numbers = answers.map(readNumber);
    if (numbers.every(number => number !== undefined)) {
        const low = (numbers as number[]).reduce((least, number) => Math.min(least, number), Infinity);
        const high = (numbers as number[]).reduce((most, number) => Math.max(most, number), -Infinity);
        const width = (high - low) / 10;
        const bins = Array.from({ length: 10 }, (_, index) => ({ from: low + index * width, count: 0 }));
        for (const number of numbers as number[]) {
            bins[Math.min(9, Math.floor((number - low) / width))].count++;
        }
        const round = (value: number) => String(Math.round(value * 100) / 100);
        return bins.map((bin, index) => ({ answer: `${round(bin.from)}–${round(index === 9 ? high : bin.from + width)}`, count: bin.count }));
    }
    const most = [...all].sort((a, b) => b.count - a.count || (a.answer < b.answer ? -1 : 1)).slice(0, MOST_ROWS - 1);
    const other = answers.length - most.reduce((sum, row) => sum + row.count, 0);
    return [...most, { answer: 'other', count: other }];
}

function exactSpread(answers: readonly string[], scale?: { low: number; high: number }): AggregateResult['distribution'] {
    const counts = new Map<string, number>();
    if (scale) {
        for (let step = scale.low; step <= scale.high; step++) {
            counts.set(String(step), 0);
        }
    }
    for (const answer of answers) {
        counts.set(answer, (counts.get(answer) ?? 0) + 1);
    }
    const numeric = [...counts.keys()].every(answer => readNumber(answer) !== undefined);
    return [...counts].map(([answer, count]) => ({ answer, count }))
        .sort((a, b) => numeric ? readNumber(a.answer)! - readNumber(b.answer)! : a.answer < b.answer ? -1 : a.answer > b.answer ? 1 : 0);
}
