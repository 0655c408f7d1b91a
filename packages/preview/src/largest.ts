/**
 * The largest of `values` and `floor` (-Infinity: `Math.max()` of nothing), as `Math.max(floor, ...values)`
 * but in a loop: a spread passes one argument per value, and some 100,000 (touchpoints, competitors,
 * lines) overflow the stack.
 */
export function largest(values: Iterable<number>, floor = -Infinity): number {
    let max = floor;
    for (const value of values) {
        max = Math.max(max, value);
    }
    return max;
}
