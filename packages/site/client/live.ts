// `journey serve`: the page listens to the server's events (the only connection the script makes; the
// page's CSP allows it only when served live) and reloads on `reload`, having saved the window's
// scroll (the maps save their view as it changes) so the new page opens where the reader was.
import { forget, load, save, storageKey } from './storage.js';

export interface ReloadRecord {
    /** The page shown when the reload came (single-file: the routed page). */
    page: string;
    x: number;
    y: number;
}

const RELOAD_KEY = storageKey('reload', '');

export function initLiveReload(url: string, currentPage: () => string): void {
    if (typeof EventSource !== 'function') {
        return;
    }
    const events = new EventSource(url);
    events.addEventListener('reload', () => {
        save(RELOAD_KEY, { page: currentPage(), x: window.scrollX, y: window.scrollY } satisfies ReloadRecord);
        events.close();
        location.reload();
    });
}

/** What the reload that opened this page saved, once (a later load is a visit of its own). */
export function takeReloadRecord(): ReloadRecord | undefined {
    const record = load<ReloadRecord>(RELOAD_KEY);
    forget(RELOAD_KEY);
    if (!record || typeof record.page !== 'string' || !Number.isFinite(record.x) || !Number.isFinite(record.y)) {
        return undefined;
    }
    return record;
}
