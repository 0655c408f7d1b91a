import type { JourneyMapModel } from '@journey/language';
import { renderHtml } from './html.js';
import { layoutJourney, type Layout, type LayoutOptions } from './layout/index.js';
import { renderSvg, type Theme } from './svg.js';
import { buildViewModel, type ViewModelOptions } from './view-model.js';

/**
 * The preview: a journey map model drawn, in one direction and in steps that each stand alone.
 *
 *   JourneyMapModel ──buildViewModel──► ViewModel ──layoutJourney (ELK)──► Layout ──renderSvg──► SVG
 *                                                                                 └──renderHtml──► HTML
 *
 * It runs in Node (`journey render`) and in a browser (the VS Code webview): no DOM, no VS Code, no
 * Node built-ins, and only the plain model from `@journey/language` (types only, never the AST) and its
 * `formatNumber` (from `@journey/language/number-format`, which pulls in no Langium: a number written as in the exports and hovers).
 */

export * from './html.js';
export * from './layout/index.js';
export * from './minimap.js';
export * from './svg.js';
export * from './text-metrics.js';
export * from './view-model.js';

/** How a map is laid out: the layout's options, and the view model's (`baseline`: the current state under a future state). */
export interface MapLayoutOptions extends LayoutOptions, ViewModelOptions {}

export interface RenderOptions extends MapLayoutOptions {
    theme?: Theme;
}

/** View model and layout of a journey map: what the SVG and the HTML page are drawn from. */
export async function layoutJourneyMap(model: JourneyMapModel, options: MapLayoutOptions = {}): Promise<Layout> {
    return layoutJourney(buildViewModel(model, { baseline: options.baseline }), options);
}

/** The journey map as a standalone SVG document. */
export async function renderJourneySvg(model: JourneyMapModel, options: RenderOptions = {}): Promise<string> {
    return renderSvg(await layoutJourneyMap(model, options), { theme: options.theme });
}

/** The journey map as a self-contained HTML page (inline SVG, CSP, no script). */
export async function renderJourneyHtml(model: JourneyMapModel, options: RenderOptions = {}): Promise<string> {
    return renderHtml(await layoutJourneyMap(model, options), { theme: options.theme });
}
