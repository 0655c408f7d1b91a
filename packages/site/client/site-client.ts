// The site's browser script (bundled by scripts/bundle-site-client.mjs to packages/site/dist/site-client.js,
// an IIFE that the site ships as assets/site.js or inline in a single-file site). It only reads the page:
// no request (but the live-reload events of `journey serve`), no eval, no markup from data (DOM calls and
// textContent only), and it works from file://.
//
// - the index: search box and filters (index-filters.ts);
// - a journey's map: pan and zoom, fit, the view remembered per page, the highlighted element (maps.ts);
// - a single-file site: `#page=PATH[&highlight=ID]` shows one `div.page` at a time (router.ts);
// - `journey serve`: reload on the server's `reload` event, keeping where the reader was (live.ts).
import { initIndexFilters } from './index-filters.js';
import { initLiveReload, takeReloadRecord } from './live.js';
import { highlight, mapsIn } from './maps.js';
import { initRouter, isRoute, routeOf } from './router.js';

function start(): void {
    const body = document.body;
    const reload = takeReloadRecord();
    let current = body.dataset.page ?? 'index.html';
    if (body.hasAttribute('data-single-file')) {
        initRouter(reload, path => { current = path; });
    } else {
        initIndexFilters(document, current);
        const maps = mapsIn(document, current);
        const show = (centre: boolean) => highlight(body, maps, routeOf(location.hash).highlight, centre);
        show(reload?.page !== current);
        window.addEventListener('hashchange', () => {
            // A plain anchor (the skip link, a report's section) leaves the highlight as it is.
            if (location.hash === '' || isRoute(location.hash)) {
                show(true);
            }
        });
        if (reload?.page === current) {
            window.scrollTo(reload.x, reload.y);
        }
    }
    if (body.dataset.live) {
        initLiveReload(body.dataset.live, () => current);
    }
    document.documentElement.dataset.script = 'ready';
}

if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
    start();
}
