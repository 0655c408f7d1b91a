import type { JourneyMapModel } from '@journey/language';
import { layoutJourneyMap, type Layout } from '@journey/preview';
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

/** Lays out one journey's map; `baseline`: the current state under a future state's emotion curve. */
export type MapLayouter = (journey: JourneyMapModel, baseline?: JourneyMapModel) => Promise<Layout>;

export interface BuildHooks {
    /** Told of each map drawn. */
    progress?: (done: number, total: number) => void;
    /** How maps are laid out (the CLI lays them out in worker threads); the preview's `layoutJourneyMap` when absent. */
    layout?: MapLayouter;
    /** How many maps are laid out at a time (default 1: on this thread more would only hold more in memory). */
    concurrency?: number;
}

const layoutHere: MapLayouter = (journey, baseline) => layoutJourneyMap(journey, { baseline });

export async function buildSite(input: SiteInput, options: SiteOptions, assets: SiteAssets, hooks: BuildHooks = {}): Promise<SiteFiles> {
    const context = new SiteContext(input, options);
    const journeys = input.workspace.journeys;
    const layout = hooks.layout ?? layoutHere;
    const layouts = new Map<JourneyMapModel, Layout>();
    hooks.progress?.(0, journeys.length);
    // `concurrency` at a time: a layouter with threads of its own lays them out side by side; the pages' order does not depend on it.
    let next = 0;
    const lane = async () => {
        while (next < journeys.length) {
            const journey = journeys[next++];
            const baseline = journey.state.kind === 'future' ? context.paths.journeyNamed(journey.state.of) : undefined;
            layouts.set(journey, await layout(journey, baseline));
            hooks.progress?.(layouts.size, journeys.length);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, hooks.concurrency ?? 1) }, lane));
    const pages: SitePage[] = [
        indexPage(context),
        ...journeys.map(journey => journeyPage(context, journey, layouts.get(journey)!)),
        ...personaPages(context),
        ...reportPages(context),
    ];
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
