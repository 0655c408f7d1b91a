import { isAstNode, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * The nodes under `root` (with `root` first when `includeRoot`), in the order of Langium's `streamAst`:
 * depth first, children in the order of their properties. A loop with its own stack, into one array:
 * Langium's streams (an iterator per node and per property) were a fifth of a lint's time.
 */
export function astNodesOf(root: AstNode, includeRoot = true): AstNode[] {
    const nodes: AstNode[] = [];
    const pending: AstNode[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
        if (node !== root || includeRoot) {
            nodes.push(node);
        }
        const firstChild = pending.length;
        const properties = node as unknown as Record<string, unknown>;
        for (const key of Object.keys(properties)) {
            if (key.charCodeAt(0) === 36 /* $ */) {
                continue;
            }
            const value = properties[key];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (isAstNode(item)) {
                        pending.push(item);
                    }
                }
            } else if (isAstNode(value)) {
                pending.push(value);
            }
        }
        // Popped last in, first out: reversed, the first child comes next.
        for (let low = firstChild, high = pending.length - 1; low < high; low++, high--) {
            const first = pending[low];
            pending[low] = pending[high];
            pending[high] = first;
        }
    }
    return nodes;
}

/** The references a node holds, as Langium's `streamReferences` gives them (single references only: the grammar has no other). */
export function referencesOf(node: AstNode): ReferenceInfo[] {
    const found: ReferenceInfo[] = [];
    const properties = node as unknown as Record<string, unknown>;
    for (const property of Object.keys(properties)) {
        if (property.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = properties[property];
        if (isReference(value)) {
            found.push({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                if (isReference(value[index])) {
                    found.push({ reference: value[index], container: node, property, index });
                }
            }
        }
    }
    return found;
}
