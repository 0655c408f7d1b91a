// ELK for the preview, in a Web Worker when the webview can start one: laying out a big map takes
// ELK a second or more (much more on first use, while its code compiles), and on the webview's own
// thread that second would freeze zoom, pan and clicks. The worker runs ELK's own worker script
// (elkjs/lib/elk-worker.min.js, copied to media/elk-worker.js by scripts/bundle-vscode.mjs); where no
// worker can start, ELK runs on this thread as before.
import * as elkApiModule from 'elkjs/lib/elk-api.js';
import type { ELK, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import { defaultElk, type ElkLike } from '@journey/preview';

// A CommonJS module whose export is `{ default: ELK }`; bundlers hand it over either way.
const exported = elkApiModule as unknown as { default?: { default?: unknown } };
const ElkApi = (exported.default?.default ?? exported.default) as new (args: ELKConstructorArguments) => ELK;

export type LayoutThread = 'worker' | 'main thread';

export interface PreviewElk {
    elk: ElkLike;
    thread: LayoutThread;
}

/** How long the worker may take to answer its first, empty layout before the preview gives up on it. */
const WORKER_START_TIMEOUT_MS = 20_000;

/** ELK in a worker started from `workerUrl`, else on this thread (saying why in the console). */
export async function createPreviewElk(workerUrl: string | undefined): Promise<PreviewElk> {
    if (workerUrl && typeof Worker !== 'undefined') {
        try {
            return { elk: await startWorkerElk(workerUrl), thread: 'worker' };
        } catch (error) {
            console.warn(`journey preview: ELK runs on the page's thread (no worker: ${error instanceof Error ? error.message : String(error)})`);
        }
    }
    return { elk: await defaultElk(), thread: 'main thread' };
}

/** ELK on this thread: what the preview falls back to when the worker fails while drawing. */
export async function mainThreadElk(): Promise<PreviewElk> {
    return { elk: await defaultElk(), thread: 'main thread' };
}

async function startWorkerElk(workerUrl: string): Promise<ElkLike> {
    // A webview may not start a worker from its resource URLs (another origin); from a blob of the same
    // script it may (the CSP allows `worker-src blob:` and fetching from the webview's resources).
    const response = await fetch(workerUrl);
    if (!response.ok) {
        throw new Error(`${workerUrl} answered ${response.status}`);
    }
    const blobUrl = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
    // elk-api's promises never settle if the worker dies: a worker error rejects every pending layout.
    let failure: Error | undefined;
    const pending = new Set<(error: Error) => void>();
    const api = new ElkApi({
        workerFactory: () => {
            const worker = new Worker(blobUrl);
            worker.addEventListener('error', event => {
                failure = new Error(event.message || 'the ELK worker failed');
                pending.forEach(reject => reject(failure!));
                pending.clear();
            });
            return worker;
        },
    });
    const layout = ((graph: ElkNode) => {
        if (failure) {
            return Promise.reject(failure);
        }
        return new Promise<ElkNode>((resolve, reject) => {
            pending.add(reject);
            api.layout(graph).then(resolve, reject).finally(() => pending.delete(reject));
        });
    }) as ElkLike['layout'];
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
        await Promise.race([
            layout({ id: 'probe', children: [] }),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${WORKER_START_TIMEOUT_MS / 1000} s`)), WORKER_START_TIMEOUT_MS);
            }),
        ]);
    } catch (error) {
        api.terminateWorker();
        throw error;
    } finally {
        clearTimeout(timer);
    }
    return { layout };
}
