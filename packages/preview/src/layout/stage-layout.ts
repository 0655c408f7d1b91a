import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { chainStageLayout } from './chain-fast-path.js';
import type { ElkLike, Point, StageGraphLayout } from './types.js';

/**
 * Stage layouts: from the cache, from the fast path for plain stages (chain-fast-path.ts), or from ELK.
 *
 * The stages that need ELK go to it in one call, each a separate child of one root (ELK lays out each
 * on its own, with its own random seed, exactly as in a call of its own), which saves ELK's per-call
 * cost. A stage whose graph is a plain chain, or has no flows between its touchpoints (see
 * `chainStageLayout`), is not given to ELK at all: its layout is computed here, equal to what ELK
 * layered gives for it.
 */

/**
 * Per-stage layouts, keyed by the stage's ELK input (its JSON: an exact key, and cheaper to make than
 * a digest of it); least recently used dropped first.
 */
export class StageLayoutCache {
    private readonly entries = new Map<string, StageGraphLayout>();
    /**
     * Stage layouts computed (misses) and reused (hits) since creation; `chains` of the misses were
     * computed by the fast path for plain stages (`chainStageLayout`), the others by ELK.
     */
    misses = 0;
    hits = 0;
    chains = 0;

    constructor(readonly maxEntries = 2000) {}

    get(key: string): StageGraphLayout | undefined {
        const entry = this.entries.get(key);
        if (entry) {
            this.entries.delete(key);
            this.entries.set(key, entry);
        }
        return entry;
    }

    set(key: string, value: StageGraphLayout): void {
        this.entries.delete(key);
        this.entries.set(key, value);
        while (this.entries.size > this.maxEntries) {
            this.entries.delete(this.entries.keys().next().value as string);
        }
    }

    get size(): number {
        return this.entries.size;
    }

    clear(): void {
        this.entries.clear();
    }
}

export interface LayoutOptions {
    /** The ELK instance to use (default: one shared instance of the bundled ELK). */
    elk?: ElkLike;
    /** Where stage layouts are kept between runs (default: one shared cache). */
    cache?: StageLayoutCache;
    /**
     * Lay out stages of a plain shape (see `chainStageLayout`) without ELK (default: true). The result
     * is the same either way (the tests hold the fast path to ELK's result); off, every stage goes to ELK.
     */
    chainFastPath?: boolean;
}

let sharedElk: Promise<ElkLike> | undefined;
export const sharedCache = new StageLayoutCache();

/**
 * The ELK instance layouts use unless given one: the bundled ELK, loaded on first use (it is large, and
 * commands that draw nothing should not pay for it), then shared.
 */
export function defaultElk(): Promise<ElkLike> {
    sharedElk ??= import('elkjs/lib/elk.bundled.js').then(module => {
        // A CommonJS module: its exports are the constructor, which also carries itself as `default`.
        const exported = module.default as unknown as { default?: unknown };
        const Constructor = (exported.default ?? exported) as new () => ELK;
        return new Constructor();
    });
    return sharedElk;
}

const EMPTY_STAGE: StageGraphLayout = { width: 0, height: 0, nodes: {}, ports: {}, edges: {} };

/** The cache key of a stage graph: its JSON (the options are the same for every stage). */
function stageKey(graph: ElkNode): string {
    return JSON.stringify([graph.children, graph.ports, graph.edges]);
}

/** A stage graph laid out by ELK, as a stage layout. */
export function readStageLayout(laid: ElkNode): StageGraphLayout {
    const nodes: StageGraphLayout['nodes'] = {};
    for (const node of laid.children ?? []) {
        nodes[node.id] = { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 };
    }
    const ports: StageGraphLayout['ports'] = {};
    for (const port of laid.ports ?? []) {
        ports[port.id] = { x: port.x ?? 0, y: port.y ?? 0 };
    }
    const edges: StageGraphLayout['edges'] = {};
    for (const edge of laid.edges ?? []) {
        const points: Point[] = [];
        for (const section of edge.sections ?? []) {
            points.push({ x: section.startPoint.x, y: section.startPoint.y });
            for (const bend of section.bendPoints ?? []) {
                points.push({ x: bend.x, y: bend.y });
            }
            points.push({ x: section.endPoint.x, y: section.endPoint.y });
        }
        edges[edge.id] = {
            points,
            labels: (edge.labels ?? []).map(label => ({ x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 })),
        };
    }
    return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, ports, edges };
}

/**
 * The layouts of stage graphs: from the cache, computed here (plain shapes), or from ELK, all of
 * ELK's in one call.
 */
export async function layoutStageGraphs(graphs: ElkNode[], elk: ElkLike, cache: StageLayoutCache, chainFastPath: boolean): Promise<StageGraphLayout[]> {
    const results: StageGraphLayout[] = new Array(graphs.length);
    const pending = new Map<string, number[]>();
    graphs.forEach((graph, index) => {
        if (!graph.children?.length) {
            results[index] = EMPTY_STAGE;
            return;
        }
        const key = stageKey(graph);
        const waiting = pending.get(key);
        if (waiting) {
            waiting.push(index);
            return;
        }
        const cached = cache.get(key);
        if (cached) {
            cache.hits++;
            results[index] = cached;
            return;
        }
        cache.misses++;
        const chain = chainFastPath ? chainStageLayout(graph) : undefined;
        if (chain) {
            cache.chains++;
            cache.set(key, chain);
            results[index] = chain;
            return;
        }
        pending.set(key, [index]);
    });
    if (pending.size === 0) {
        return results;
    }
    const batch = [...pending.values()];
    // Each stage a separate child of the root: ELK lays out each on its own (SEPARATE_CHILDREN), and
    // the root (fixed) leaves them where they are.
    const root = await elk.layout({
        id: 'root',
        layoutOptions: { 'elk.algorithm': 'fixed', 'elk.hierarchyHandling': 'SEPARATE_CHILDREN' },
        children: batch.map((indices, i) => ({ ...graphs[indices[0]], id: `stage${i}` })),
    });
    const laidById = new Map((root.children ?? []).map(child => [child.id, child]));
    [...pending].forEach(([key, indices], i) => {
        const result = readStageLayout(laidById.get(`stage${i}`)!);
        cache.set(key, result);
        for (const index of indices) {
            results[index] = result;
        }
    });
    return results;
}
