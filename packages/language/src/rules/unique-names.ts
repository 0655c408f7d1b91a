import type { AstNode } from 'langium';
import { astNodesOf } from '../utils/ast-walk.js';

/** A name not yet used inside `scope` (nor in `taken`): `base`, else `base_2`, `base_3`, … */
export function uniqueName(scope: AstNode, base: string, taken: readonly string[] = []): string {
    const used = new Set<string>(taken);
    for (const node of astNodesOf(scope, false)) {
        const name = (node as { name?: unknown }).name;
        if (typeof name === 'string') {
            used.add(name);
        }
    }
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) {
        candidate = `${base}_${i}`;
    }
    return candidate;
}
