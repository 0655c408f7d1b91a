// A worker thread that lays out journey maps (bundled to dist/layout-worker.cjs): `journey build` and
// `journey serve` lay out several maps side by side, one per core (ELK is most of a build).
import { parentPort } from 'node:worker_threads';
import { layoutJourneyMap } from '@journey/preview';
import type { LayoutReply, LayoutRequest } from './layout-pool.js';

parentPort!.on('message', async ({ id, journey, baseline }: LayoutRequest) => {
    let reply: LayoutReply;
    try {
        reply = { id, layout: await layoutJourneyMap(journey, { baseline }) };
    } catch (error) {
        reply = { id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
});
