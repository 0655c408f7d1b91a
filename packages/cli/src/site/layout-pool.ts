import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JourneyMapModel } from '@journey/language';
import type { Layout } from '@journey/preview';
import type { BuildHooks } from '@journey/site';

export interface LayoutRequest {
    id: number;
    journey: JourneyMapModel;
    baseline?: JourneyMapModel;
}

export type LayoutReply = { id: number; layout: Layout; error?: undefined } | { id: number; error: string; layout?: undefined };

/** Touchpoints below which the maps are laid out on this thread: starting a worker (loading ELK) costs more. */
const WORTH_A_THREAD = 400;

export interface LayoutPool {
    hooks: Pick<BuildHooks, 'layout' | 'concurrency'>;
    close(): Promise<void>;
}

/**
 * Worker threads that lay out maps, one per core, for a build with enough to draw (the preview's
 * layout is pure: a map model in, a layout out, both plain data). None when the bundle's worker file is
 * not there (the sources run by the tests) or there is little to draw: then the site lays out here.
 */
export function layoutPool(journeys: readonly JourneyMapModel[]): LayoutPool {
    const script = fileURLToPath(new URL('./layout-worker.cjs', import.meta.url));
    const touchpoints = journeys.reduce((sum, journey) => sum + journey.stages.reduce((n, stage) => n + stage.touchpoints.length, 0), 0);
    const threads = Math.min(availableParallelism(), journeys.length, 4);
    if (threads < 2 || touchpoints < WORTH_A_THREAD || !existsSync(script)) {
        return { hooks: {}, close: async () => undefined };
    }
    const workers = Array.from({ length: threads }, () => new Worker(script));
    const pending = new Map<number, { resolve: (layout: Layout) => void; reject: (error: Error) => void }>();
    const load = new Map<Worker, number>(workers.map(worker => [worker, 0]));
    let ids = 0;
    for (const worker of workers) {
        worker.unref();
        worker.on('message', (reply: LayoutReply) => {
            const waiting = pending.get(reply.id);
            pending.delete(reply.id);
            load.set(worker, load.get(worker)! - 1);
            if (reply.error !== undefined) {
                waiting?.reject(new Error(`laying out a map failed: ${reply.error}`));
            } else {
                waiting?.resolve(reply.layout);
            }
        });
        worker.on('error', error => {
            for (const waiting of pending.values()) {
                waiting.reject(error);
            }
            pending.clear();
        });
    }
    return {
        hooks: {
            concurrency: threads * 2,
            layout: (journey, baseline) => new Promise<Layout>((resolve, reject) => {
                const id = ++ids;
                pending.set(id, { resolve, reject });
                // The least busy thread: maps differ a lot in size.
                const worker = workers.reduce((best, candidate) => load.get(candidate)! < load.get(best)! ? candidate : best);
                load.set(worker, load.get(worker)! + 1);
                worker.postMessage({ id, journey, baseline } satisfies LayoutRequest);
            }),
        },
        close: async () => {
            await Promise.all(workers.map(worker => worker.terminate()));
        },
    };
}
