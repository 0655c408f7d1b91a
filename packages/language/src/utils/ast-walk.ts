import { interruptAndCheck, isAstNode, isReference, type AstNode, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

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

/** How many nodes are visited between two looks at the cancellation token (Langium looks at each). */
const CHECK_EVERY = 64;

/**
 * Calls `visit` for each node under `root` (root first, in `astNodesOf`'s order), as Langium's linker,
 * validator and index of references loop over a document, looking at the cancellation token every
 * {@link CHECK_EVERY} nodes. A visit that returns a promise is awaited; one that does not costs no await.
 */
export async function visitAstNodes(root: AstNode, cancelToken: CancellationToken, visit: (node: AstNode) => void | Promise<void>): Promise<void> {
    const nodes = astNodesOf(root);
    for (let i = 0; i < nodes.length; i++) {
        if (i % CHECK_EVERY === 0) {
            await interruptAndCheck(cancelToken);
        }
        const visited = visit(nodes[i]);
        if (visited) {
            await visited;
        }
    }
}
