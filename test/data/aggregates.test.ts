// The aggregates of computed KPIs (packages/language/src/data/aggregates.ts), each against values
// worked out by hand on small columns: ties, empty cells, non-numbers, answers off the scale, one row,
// no rows. The hand computation is in the comment beside each case.
import { aggregateRange, computeAggregate, readNumber, type AggregateSpec } from '@journey/language';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const cells = (...values: Array<string | number>) => values.map(String);
const value = (spec: AggregateSpec, column: string[]) => computeAggregate(spec, column).value;

describe('the aggregates', () => {
    it('nps: the share of 9–10 minus the share of 0–6, in points', () => {
        // 10, 10, 9 promoters (3 of 4), 3 a detractor (1 of 4): 75 − 25 = 50.
        expect(value({ kind: 'nps' }, cells(10, 10, 9, 3))).toBe(50);
        // 10, 9 promoters, 8, 7 passives, 6, 0 detractors: 2 − 2 of 6 = 0.
        expect(value({ kind: 'nps' }, cells(10, 9, 8, 7, 6, 0))).toBe(0);
        // Two detractors of three, no promoter: −66.67.
        expect(value({ kind: 'nps' }, cells(0, 6, 8))).toBe(-66.67);
        expect(value({ kind: 'nps' }, cells(10))).toBe(100);
        expect(value({ kind: 'nps' }, cells(0, 1, 2))).toBe(-100);
    });

    it('csat: the share of 4–5 on 1..5, as a percentage', () => {
        // 5, 4, 4 of 5, 3, 1: 3 of 5 = 60%.
        const result = computeAggregate({ kind: 'csat' }, cells(5, 4, 4, 3, 1));
        expect(result).toMatchObject({ value: 60, n: 5, leftOut: 0, percent: true });
        // One of three: 33.33.
        expect(value({ kind: 'csat' }, cells(5, 2, 3))).toBe(33.33);
    });

    it('ces: the mean of 1..7; mean and median of any number', () => {
        // (2 + 3 + 7) / 3 = 4.
        expect(value({ kind: 'ces' }, cells(2, 3, 7))).toBe(4);
        // (1.5 + 2.5 + 4) / 3 = 2.666… → 2.67.
        expect(value({ kind: 'mean' }, cells('1.5', '2.5', 4))).toBe(2.67);
        // Odd count: the middle one (sorted 1, 3, 9); even: the middle two averaged (2, 4 → 3); ties (5, 5, 5, 8 → 5).
        expect(value({ kind: 'median' }, cells(9, 1, 3))).toBe(3);
        expect(value({ kind: 'median' }, cells(4, 1, 2, 10))).toBe(3);
        expect(value({ kind: 'median' }, cells(5, 8, 5, 5))).toBe(5);
        expect(value({ kind: 'mean' }, cells(-2, 2))).toBe(0);
    });

    it('count: the cells that are not empty, whatever they hold', () => {
        // "yes", "n/a", 4 counted; two empty cells left out.
        expect(computeAggregate({ kind: 'count' }, ['yes', '', 'n/a', '  ', '4'])).toMatchObject({ value: 3, n: 3, leftOut: 2, percent: false });
        expect(computeAggregate({ kind: 'count' }, [])).toMatchObject({ value: 0, n: 0, leftOut: 0 });
    });

    it('share LOW to HIGH: the percentage of numeric answers within LOW..HIGH, either way round', () => {
        // 4, 5, 5 within 4..5 of 1, 4, 5, 5, 2: 3 of 5 = 60%.
        expect(value({ kind: 'share', low: 4, high: 5 }, cells(1, 4, 5, 5, 2))).toBe(60);
        expect(value({ kind: 'share', low: 5, high: 4 }, cells(1, 4, 5, 5, 2))).toBe(60);
        // Any number: 12.5 is within 10..20; 9.99 is not.
        expect(value({ kind: 'share', low: 10, high: 20 }, cells('12.5', '9.99', 20, 21))).toBe(50);
    });

    it('leaves out empty cells, non-numbers and answers off the scale, and counts them', () => {
        // nps: 11 is off the scale, 9.5 is not a whole answer, "n/a" and "" are not answers: 10 and 3 count, 50 − 50 = 0.
        expect(computeAggregate({ kind: 'nps' }, cells(10, 11, '9.5', 'n/a', '', 3))).toMatchObject({ value: 0, n: 2, leftOut: 4 });
        // csat: 0 and 6 are off 1..5; "4 stars" is not a number: 5 and 4 count, both satisfied.
        expect(computeAggregate({ kind: 'csat' }, cells(0, 6, '4 stars', 5, 4))).toMatchObject({ value: 100, n: 2, leftOut: 3 });
        // ces: 8 is off 1..7.
        expect(computeAggregate({ kind: 'ces' }, cells(8, 2, 4))).toMatchObject({ value: 3, n: 2, leftOut: 1 });
    });

    it('reads numbers as exports write them: signs, decimal points and commas, spaces around', () => {
        expect(['4', '-1', '+2', '3.5', '3,5', ' 7 ', '0'].map(readNumber)).toEqual([4, -1, 2, 3.5, 3.5, 7, 0]);
        expect(['', 'n/a', '4 stars', '1,234.5', '1e3', '.5', '4.', '--1'].map(readNumber)).toEqual(Array(8).fill(undefined));
        // (3.5 + 2.5) / 2 with decimal commas.
        expect(value({ kind: 'mean' }, ['3,5', '2,5'])).toBe(3);
    });

    it('has no value without an answer: no rows, or every cell empty', () => {
        for (const kind of ['nps', 'csat', 'ces', 'mean', 'median'] as const) {
            expect(computeAggregate({ kind }, [])).toMatchObject({ value: undefined, n: 0, leftOut: 0 });
            expect(computeAggregate({ kind }, ['', ' ', 'x'])).toMatchObject({ value: undefined, n: 0, leftOut: 3 });
        }
        expect(computeAggregate({ kind: 'share', low: 1, high: 2 }, [])).toMatchObject({ value: undefined, n: 0 });
    });

    it('one row: its answer decides', () => {
        expect(value({ kind: 'nps' }, cells(7))).toBe(0);
        expect(value({ kind: 'csat' }, cells(4))).toBe(100);
        expect(value({ kind: 'median' }, cells(42))).toBe(42);
    });

    it('says what each aggregate ranges over, for the metric that holds it', () => {
        expect(aggregateRange({ kind: 'nps' })).toEqual({ low: -100, high: 100, percent: false });
        expect(aggregateRange({ kind: 'csat' })).toEqual({ low: 0, high: 100, percent: true });
        expect(aggregateRange({ kind: 'share', low: 1, high: 2 })).toEqual({ low: 0, high: 100, percent: true });
        expect(aggregateRange({ kind: 'mean' })).toBeUndefined();
    });
});

describe('the distribution', () => {
    it('lists every step of a scale in order, zeros too', () => {
        const { distribution } = computeAggregate({ kind: 'nps' }, cells(10, 10, 3, 'x'));
        expect(distribution).toEqual(Array.from({ length: 11 }, (_, step) => ({ answer: String(step), count: step === 10 ? 2 : step === 3 ? 1 : 0 })));
        expect(computeAggregate({ kind: 'csat' }, cells(5, 1)).distribution.map(row => row.answer)).toEqual(['1', '2', '3', '4', '5']);
    });

    it('lists a few distinct numbers in numeric order, and bins many into ten ranges', () => {
        expect(computeAggregate({ kind: 'mean' }, cells(10, 2, 2, 1.5)).distribution).toEqual([
            { answer: '1.5', count: 1 }, { answer: '2', count: 2 }, { answer: '10', count: 1 },
        ]);
        const many = Array.from({ length: 1000 }, (_, index) => String(index / 10));
        const binned = computeAggregate({ kind: 'mean' }, many).distribution;
        expect(binned).toHaveLength(10);
        expect(binned.reduce((sum, row) => sum + row.count, 0)).toBe(1000);
        expect(binned[0].answer).toBe('0–9.99');
        expect(binned[9].answer).toBe('89.91–99.9');
    });

    it('keeps the most given texts of a count, and sums the rest as "other"', () => {
        const answers = Array.from({ length: 30 }, (_, index) => `answer ${index % 20}`);
        const { distribution, n } = computeAggregate({ kind: 'count' }, answers);
        expect(distribution).toHaveLength(12);
        expect(distribution.at(-1)!.answer).toBe('other');
        expect(distribution.reduce((sum, row) => sum + row.count, 0)).toBe(n);
        // answer 0 … answer 9 are given twice: first.
        expect(distribution[0]).toEqual({ answer: 'answer 0', count: 2 });
    });
});

describe('any column', () => {
    const kinds: AggregateSpec[] = [{ kind: 'nps' }, { kind: 'csat' }, { kind: 'ces' }, { kind: 'mean' }, { kind: 'median' }, { kind: 'count' }, { kind: 'share', low: 2, high: 4 }];
    it('gives n + left out = the rows, a distribution that sums to n, and a value within the aggregate\'s range', () => {
        fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 14 }).map(String), fc.constantFrom('', ' ', 'n/a', '3,5', '7.25'), fc.string())), fc.constantFrom(...kinds), (column, spec) => {
            const result = computeAggregate(spec, column);
            expect(result.n + result.leftOut).toBe(column.length);
            expect(result.distribution.reduce((sum, row) => sum + row.count, 0)).toBe(result.n);
            const range = aggregateRange(spec);
            if (range && result.value !== undefined) {
                expect(result.value).toBeGreaterThanOrEqual(range.low);
                expect(result.value).toBeLessThanOrEqual(range.high);
            }
            expect(result.value === undefined).toBe(result.n === 0 && spec.kind !== 'count');
        }), { seed: 20261203, numRuns: 300 });
    });

    it('computes 100,000 rows (a repeating 10, 9, 8, 3 pattern: 50 − 25 = 25)', () => {
        const column = Array.from({ length: 100_000 }, (_, index) => String([10, 9, 8, 3][index % 4]));
        expect(computeAggregate({ kind: 'nps' }, column)).toMatchObject({ value: 25, n: 100_000, leftOut: 0 });
    });
});
