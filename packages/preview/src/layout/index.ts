import type { ViewModel } from '../view-model.js';
import { stageGraphsOf } from './elk-input.js';
import { headerCard, phaseBars, stageHeaderCards } from './map-header.js';
import { layoutLanes, rowTitleLines, stageLayouts } from './lanes.js';
import { MARGIN, MAX_SECTION_WIDTH, MIN_SECTION_WIDTH, SECTION_GAP, TITLE_COLUMN, round } from './metrics.js';
import { bandColumns, graphRows, packTracks, placeNodes, routeEdges } from './routing.js';
import { sectionsBelow } from './sections.js';
import { defaultElk, layoutStageGraphs, sharedCache, type LayoutOptions } from './stage-layout.js';
import type { Layout } from './types.js';

/**
 * ViewModel → Layout: where everything goes, in pixels, with every text already broken into lines.
 * One phase per file, composed here:
 *
 *   elk-input.ts        the ELK graph of each stage (touchpoints sized from their text, ports for flows to other stages)
 *   stage-layout.ts     each stage laid out on its own: from the cache, the fast path, or ELK (one call for all)
 *   chain-fast-path.ts  the layout ELK gives a plain stage (a chain, or no flows inside), computed without ELK
 *   routing.ts          the stages side by side as column bands; flows between them through the gutters,
 *                       or along tracks above (loops back) and below (forward) the graph when they skip stages
 *   map-header.ts       the header card, the phase bars, the stage headers
 *   lanes.ts            the lanes under the graph, each item in its touchpoint's column
 *   sections.ts         below the map: the value gap, the unknowns, the plans
 *   metrics.ts          dimensions, fonts and text boxes (text-metrics.ts measures); types.ts the result
 *
 * Laying out stages apart keeps each ELK layout small, and a stage whose ELK input did not change is
 * taken from the cache: an edit to one touchpoint lays out one stage again. (From cold it is not much
 * cheaper than one ELK layout of the whole map with the stages as partitions: on a 500-touchpoint map
 * of 40 stages, ELK's 40 stage layouts take some 0.5–0.8 of that one; bench/render-bench.mjs.)
 */

export type * from './types.js';
export { touchpointNodeSize, stageGraphs } from './elk-input.js';
export { StageLayoutCache, defaultElk, readStageLayout, type LayoutOptions } from './stage-layout.js';
export { chainStageLayout } from './chain-fast-path.js';

/** Lays out a view model. Deterministic: the same view model gives an equal layout, cached or not. */
export async function layoutJourney(view: ViewModel, options: LayoutOptions = {}): Promise<Layout> {
    const { graphs: stageInputs, crossEdges, stageOf } = stageGraphsOf(view);
    const elk = options.elk ?? { layout: async graph => (await defaultElk()).layout(graph) };
    const graphs = await layoutStageGraphs(stageInputs, elk, options.cache ?? sharedCache, options.chainFastPath ?? true);
    const columns = bandColumns(view, graphs, crossEdges);
    const tracks = packTracks(crossEdges, columns.runX);
    const width = Math.ceil(Math.max(columns.mapRight + MARGIN, MARGIN * 2 + MIN_SECTION_WIDTH));

    // Top to bottom: header, phases, stage headers, tracks, graph, tracks, lanes, sections.
    const header = headerCard(view, MARGIN, MARGIN, width - MARGIN * 2);
    const phaseTop = MARGIN + header.box.height + 16;
    const { phases, height: phasesHeight } = phaseBars(view, columns.bandX, columns.bandWidth, phaseTop);
    const stageTop = phaseTop + phasesHeight;
    const stageHeaders = stageHeaderCards(view, columns.bandX, columns.bandWidth, stageTop);
    const rows = graphRows(stageTop + stageHeaders.height, graphs, tracks);
    const nodes = placeNodes(view, graphs, columns.bandX, rows.graphTop);
    const edges = routeEdges(view, graphs, crossEdges, stageOf, columns, tracks, rows);
    const stages = stageLayouts(view, graphs, columns, stageTop, stageHeaders.headers);
    const { lanes, emotion, rowTitles: laneTitles, bottom: bandsBottom } = layoutLanes(view, stages, columns, rows.bottom);
    stages.forEach(stage => { stage.band.height = round(bandsBottom - stage.band.y); });
    const { bottom, ...sections } = sectionsBelow(view, bandsBottom, Math.min(width - MARGIN * 2, MAX_SECTION_WIDTH));

    return {
        id: view.id,
        name: view.name,
        title: view.header.title,
        width,
        height: Math.ceil(bottom - SECTION_GAP + MARGIN),
        header,
        phases,
        rowTitles: [...rowTitleLines('Stages', stageTop), ...rowTitleLines('Touchpoints', rows.graphTop), ...laneTitles],
        stages,
        graph: { x: MARGIN + TITLE_COLUMN, y: rows.graphTop, width: columns.mapRight - MARGIN - TITLE_COLUMN, height: rows.graphHeight },
        nodes,
        edges,
        lanes,
        ...(emotion ? { emotion } : {}),
        ...sections,
    };
}
