import { currentStateOf, layoutJourneyMap } from '@journey/preview';
import { pageDocument, singleFileDocument, type ShellContext, type SitePage } from './html/page-shell.js';
import { SITE_STYLESHEET } from './html/stylesheet.js';
import { indexPage } from './pages/index-page.js';
import { journeyPage } from './pages/journey-page.js';
import { personaPages } from './pages/persona-pages.js';
import { reportPages } from './reports/index.js';
import { SiteContext } from './site/site-context.js';
import type { SiteFiles, SiteInput, SiteOptions } from './site/site-input.js';
import { INDEX_PAGE, SCRIPT, STYLESHEET } from './site/site-paths.js';

/**
 * The site of a workspace of journey maps, as files in memory:
 *
 *   SiteInput (workspace model + lint findings) ──► pages (index, journeys, personas, reports)
 *                                                      └──► documents (one per page, or one for all) + assets
 *
 * Pure: no file system, no clock, no randomness (the nonce is given), so the same input gives the same
 * bytes; the CLI writes the files (`journey build`) or serves them (`journey serve`).
 */

export * from './site/site-input.js';
export { SITE_STYLESHEET } from './html/stylesheet.js';
export { contentSecurityPolicy } from './html/page-shell.js';

export interface SiteAssets {
    /** The site's browser script (packages/site/client, bundled). */
    script: string;
}

export interface BuildHooks {
    /** Told of each map drawn. */
    progress?: (done: number, total: number) => void;
}

export async function buildSite(input: SiteInput, options: SiteOptions, assets: SiteAssets, hooks: BuildHooks = {}): Promise<SiteFiles> {
    const context = new SiteContext(input, options);
    const journeys = input.workspace.journeys;
    // Each journey's page is made as soon as its map is laid out, so that only one layout is held at a time
    // (a layout weighs several times its page). One map at a time: in worker threads, two at a time took
    // longer than one on the 2-core machine (V8's collector and compiler threads already use the second core).
    const journeyPages: SitePage[] = [];
    for (const [index, journey] of journeys.entries()) {
        hooks.progress?.(index, journeys.length);
        // A future state's map carries its current state's emotion curve, drawn faintly under its own.
        journeyPages.push(journeyPage(context, journey, await layoutJourneyMap(journey, { baseline: currentStateOf(journey, journeys) })));
    }
    hooks.progress?.(journeys.length, journeys.length);
    const pages: SitePage[] = [indexPage(context), ...journeyPages, ...personaPages(context), ...reportPages(context)];
    const shell: ShellContext = { siteTitle: input.title ?? 'Journey maps', version: input.version, paths: context.paths, options };
    const files: SiteFiles = new Map();
    if (options.singleFile) {
        files.set(INDEX_PAGE, singleFileDocument(pages, shell, SITE_STYLESHEET, assets.script));
        return files;
    }
    const entries: Array<[string, string]> = [
        [STYLESHEET, SITE_STYLESHEET],
        [SCRIPT, assets.script],
        ...pages.map((page): [string, string] => [page.path, pageDocument(page, shell)]),
    ];
    for (const [path, content] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        files.set(path, content);
    }
    return files;
}
