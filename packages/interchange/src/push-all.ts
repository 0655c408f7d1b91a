/**
 * Appends `items` to `target` one at a time: `target.push(...items)` passes one argument per item, and
 * a list of some 100,000 (comment lines, touchpoints) overflows the stack.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
    for (const item of items) {
        target.push(item);
    }
}
