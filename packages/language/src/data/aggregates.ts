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
        return { value: answers.length, n: answers.length, leftOut: cells.length - answers.length, distribution: textSpread(answers), percent };
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
        n, leftOut: cells.length - n, distribution: numberSpread(numbers, scale), percent,
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
const NUMBER = /^\s*([+-]?\d+)(?:([.,])(\d+))?\s*$/;

export function readNumber(cell: string): number | undefined {
    const match = NUMBER.exec(cell);
    return match ? Number(match[2] === ',' ? `${match[1]}.${match[3]}` : match[0].trim()) : undefined;
}

/** The most rows a distribution has: more distinct answers are binned (numbers) or summed up as "other" (texts). */
const MOST_ROWS = 12;

/**
 * Numeric answers with their counts: a scale's every step (zeros too) in order, else the answers given
 * in order; past {@link MOST_ROWS} distinct values, ten equal ranges, so that the model stays small for
 * a 100,000-row export.
 */
function numberSpread(numbers: readonly number[], scale?: { low: number; high: number }): AggregateResult['distribution'] {
    const counts = new Map<number, number>();
    if (scale) {
        for (let step = scale.low; step <= scale.high; step++) {
            counts.set(step, 0);
        }
    }
    for (const number of numbers) {
        counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    if (scale || counts.size <= MOST_ROWS) {
        return [...counts].sort(([a], [b]) => a - b).map(([answer, count]) => ({ answer: String(answer), count }));
    }
    let low = Infinity;
    let high = -Infinity;
    for (const number of counts.keys()) {
        low = Math.min(low, number);
        high = Math.max(high, number);
    }
    const width = (high - low) / 10;
    const bins = Array.from({ length: 10 }, (_, index) => ({ from: low + index * width, count: 0 }));
    for (const [number, count] of counts) {
        bins[Math.min(9, Math.floor((number - low) / width))].count += count;
    }
    const round = (value: number) => String(Math.round(value * 100) / 100);
    return bins.map((bin, index) => ({ answer: `${round(bin.from)}–${round(index === 9 ? high : bin.from + width)}`, count: bin.count }));
}

/** Text answers (`count`) with their counts, in order; past {@link MOST_ROWS}, the most given and "other". */
function textSpread(answers: readonly string[]): AggregateResult['distribution'] {
    const counts = new Map<string, number>();
    for (const answer of answers) {
        counts.set(answer, (counts.get(answer) ?? 0) + 1);
    }
    const rows = [...counts].map(([answer, count]) => ({ answer, count }));
    const byText = (a: { answer: string }, b: { answer: string }) => (a.answer < b.answer ? -1 : a.answer > b.answer ? 1 : 0);
    if (rows.length <= MOST_ROWS) {
        // Numbers in numeric order (`count` of a column of scores), other answers alphabetically.
        const numeric = rows.every(row => readNumber(row.answer) !== undefined);
        return numeric ? rows.sort((a, b) => readNumber(a.answer)! - readNumber(b.answer)!) : rows.sort(byText);
    }
    const most = rows.sort((a, b) => b.count - a.count || byText(a, b)).slice(0, MOST_ROWS - 1);
    return [...most, { answer: 'other', count: answers.length - most.reduce((sum, row) => sum + row.count, 0) }];
}
