// The single-file site: every page is a `<div class="page" data-page="PATH">` of the one document; the
// fragment `#page=PATH[&highlight=ID]` says which one shows (the index when none or an unknown one).
// A plain anchor (`#main-…`, a report's section) stays within the page that holds it. Maps are set up
// when their page is first shown (a hidden page has no size).
import { initIndexFilters } from './index-filters.js';
import type { ReloadRecord } from './live.js';
import { highlight, mapsIn } from './maps.js';
import { load, save, storageKey } from './storage.js';

const INDEX_PAGE = 'index.html';
/** The page shown last: a document loaded again without a fragment (VS Code's report, rebuilt on save) opens it again. */
const SHOWN_KEY = storageKey('shown', '');

export interface Route {
    /** `page=` of the fragment (single-file). */
    page?: string;
    /** `highlight=` of the fragment: the `data-id` of a map element. */
    highlight?: string;
}

/** The route a fragment names, or undefined when it is a plain anchor (`#main-index`). */
export function routeOf(hash: string): Route {
    const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
    if (!/^(page|highlight)=/.test(fragment)) {
        return {};
    }
    const params = new URLSearchParams(fragment);
    return { page: params.get('page') ?? undefined, highlight: params.get('highlight') ?? undefined };
}

/** Whether a fragment is the script's (`page=`, `highlight=`) rather than a plain anchor. */
export function isRoute(hash: string): boolean {
    return /^#?(page|highlight)=/.test(hash);
}

export function initRouter(reload: ReloadRecord | undefined, onPage: (path: string) => void): void {
    const pages = [...document.querySelectorAll<HTMLElement>('div.page[data-page]')];
    const index = pages.find(page => page.dataset.page === INDEX_PAGE) ?? pages[0];
    if (!index) {
        return;
    }
    let current: HTMLElement | undefined;
    const prepared = new WeakSet<HTMLElement>();

    const show = (page: HTMLElement): boolean => {
        if (page === current) {
            return false;
        }
        for (const other of pages) {
            other.hidden = other !== page;
        }
        current = page;
        const path = page.dataset.page ?? INDEX_PAGE;
        document.body.dataset.page = path;
        if (page.dataset.title) {
            document.title = page.dataset.title;
        }
        if (!prepared.has(page)) {
            prepared.add(page);
            initIndexFilters(page, path);
        }
        onPage(path);
        return true;
    };

    const route = (initial: boolean): void => {
        const saved = initial && (location.hash === '' || location.hash === '#') ? load<string>(SHOWN_KEY) : undefined;
        const hash = typeof saved === 'string' && isRoute(saved) ? saved : location.hash;
        let target = index;
        let anchor: HTMLElement | null = null;
        let highlighted: string | undefined;
        if (hash === '' || hash === '#' || isRoute(hash)) {
            const wanted = routeOf(hash);
            target = pages.find(page => page.dataset.page === (wanted.page ?? INDEX_PAGE)) ?? index;
            highlighted = wanted.highlight;
        } else {
            let id = hash.slice(1);
            try {
                id = decodeURIComponent(id);
            } catch {
                // Not percent-encoded: the id as written.
            }
            anchor = document.getElementById(id);
            target = anchor?.closest<HTMLElement>('div.page[data-page]') ?? current ?? index;
        }
        const changed = show(target);
        const path = target.dataset.page ?? INDEX_PAGE;
        save(SHOWN_KEY, `#page=${encodeURIComponent(path)}`);
        const restoring = initial && reload?.page === path;
        const maps = mapsIn(target, path);
        if (restoring) {
            window.scrollTo(reload.x, reload.y);
        } else if (anchor) {
            if (changed) {
                anchor.scrollIntoView();
            }
        } else if (changed && !(initial && hash === '')) {
            target.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
            window.scrollTo(0, 0);
        }
        if (!anchor) {
            highlight(target, maps, highlighted, !restoring);
        }
    };

    route(true);
    window.addEventListener('hashchange', () => route(false));
    window.addEventListener('popstate', () => route(false));
    // The router follows its own links: a host may keep a click on `#…` from reaching the address (VS Code's
    // webview does, to scroll to an id instead), and then no hashchange would come.
    document.addEventListener('click', event => {
        const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
        const href = link?.getAttribute('href');
        if (!href || !isRoute(href) || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        if (location.hash !== href) {
            history.pushState(null, '', href);
        }
        route(false);
    });
}
