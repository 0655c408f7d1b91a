import type { JourneyMapModel, StageModel, TouchpointModel } from '@journey/language';
import type { Change, DiffSide } from '../diff-model.js';
import { matchElements, reorderedIndexes, sameKeys } from '../match/matching.js';
import { location, quoted, quotedList } from '../text/words.js';
import { bucket, ChangeSink } from './change-sink.js';
import { diffOpportunities, diffPains } from './pain-diff.js';
import { diffPlans, diffUnknowns, diffValueGap } from './journey-lists.js';
import { diffTouchpointDetails } from './touchpoint-diff.js';

/** Stage and touchpoint names of BASE as HEAD calls them (renames followed). */
export interface ElementMaps {
    stage: Map<string, string>;
    touchpoint: Map<string, string>;
}

/**
 * The changes in meaning between two versions of one journey, in the map's order: the journey's
 * own lines, then stage by stage (the stage, its touchpoints with their pains and opportunities, the
 * stage's own pains and opportunities, touchpoints removed from it), removed stages, then plans, the
 * value gap and unknowns.
 */
export function diffJourney(base: JourneyMapModel, head: JourneyMapModel, baseSide: DiffSide, headSide: DiffSide, personaLabel: (name: string) => string): Change[] {
    const sink = new ChangeSink(head.name, baseSide, headSide, base.uri, head.uri);
    diffJourneyLines(sink, base, head);
    const maps = diffStagesAndTouchpoints(sink, base, head, personaLabel);
    const painRename = diffPains(sink, base, head, maps);
    diffOpportunities(sink, base, head, maps, painRename);
    diffPlans(sink, base, head);
    diffValueGap(sink, base, head);
    diffUnknowns(sink, base, head);
    const order: string[] = [bucket.journey];
    for (const stage of head.stages) {
        order.push(bucket.stage(stage.name));
        order.push(...stage.touchpoints.map(tp => bucket.touchpoint(tp.name)));
        order.push(bucket.stageItems(stage.name));
    }
    order.push(bucket.removedStages, bucket.plans, bucket.valueGap, bucket.unknowns);
    return sink.collect(order);
}

function stateText(state: JourneyMapModel['state']): string {
    switch (state.kind) {
        case 'current': return 'current';
        case 'future': return state.of ? `future of "${state.ofLabel ?? state.of}"` : 'future';
        default: return 'not given';
    }
}

function diffJourneyLines(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel): void {
    const common = { element: 'journey' as const, name: head.name, label: head.label, at: location(sink.head, sink.headUri, head.nameRange), was: location(sink.base, sink.baseUri, base.nameRange) };
    if (base.label !== head.label) {
        sink.add(bucket.journey, { ...common, kind: 'label', direction: 'neutral', before: base.label, after: head.label, text: `Journey ${quoted(base)} is now called ${quoted(head)}` });
    }
    const personaNames = (journey: JourneyMapModel) => journey.personas.map(persona => persona.name);
    if (!sameKeys(personaNames(base), personaNames(head))) {
        sink.add(bucket.journey, { ...common, kind: 'by', direction: 'neutral', before: personaNames(base).join(', '), after: personaNames(head).join(', '),
            text: `${quoted(head)} is now the journey of ${quotedList(head.personas)} (was ${quotedList(base.personas)})` });
    }
    if (base.owner?.name !== head.owner?.name) {
        sink.add(bucket.journey, { ...common, kind: 'owner', direction: 'neutral', before: base.owner?.name ?? null, after: head.owner?.name ?? null,
            text: `Owner of ${quoted(head)} changed from ${base.owner ? quoted(base.owner) : 'none'} to ${head.owner ? quoted(head.owner) : 'none'}` });
    }
    const before = stateText(base.state);
    const after = stateText(head.state);
    if (before !== after) {
        sink.add(bucket.journey, { ...common, kind: 'state', direction: 'neutral', before, after, text: `State of ${quoted(head)} changed from ${before} to ${after}` });
    }
    const reviewedBefore = base.reviewed;
    const reviewedAfter = head.reviewed;
    if (reviewedBefore?.date !== reviewedAfter?.date) {
        const text = !reviewedAfter ? `${quoted(head)} no longer says when it was reviewed (was ${reviewedBefore?.date})`
            : !reviewedBefore ? `${quoted(head)} was reviewed on ${reviewedAfter.date}`
                : `${quoted(head)} was reviewed again: ${reviewedAfter.date} (before: ${reviewedBefore.date})`;
        sink.add(bucket.journey, { ...common, kind: 'reviewed', direction: 'neutral', before: reviewedBefore?.date ?? null, after: reviewedAfter?.date ?? null, text });
    } else if (reviewedBefore && reviewedAfter && reviewedBefore.everyDays !== reviewedAfter.everyDays) {
        const every = (days: number | undefined) => days === undefined ? 'no interval' : `every ${days} days`;
        sink.add(bucket.journey, { ...common, kind: 'reviewed', direction: 'neutral', before: reviewedBefore.everyDays ?? null, after: reviewedAfter.everyDays ?? null,
            text: `Review interval of ${quoted(head)} changed from ${every(reviewedBefore.everyDays)} to ${every(reviewedAfter.everyDays)}` });
    }
}

interface PlacedTouchpoint {
    touchpoint: TouchpointModel;
    stage: StageModel;
    /** Its position in its stage. */
    position: number;
}

function placed(journey: JourneyMapModel): PlacedTouchpoint[] {
    return journey.stages.flatMap(stage => stage.touchpoints.map((touchpoint, position) => ({ touchpoint, stage, position })));
}

function diffStagesAndTouchpoints(sink: ChangeSink, base: JourneyMapModel, head: JourneyMapModel, personaLabel: (name: string) => string): ElementMaps {
    const at = (range: StageModel['range']) => location(sink.head, sink.headUri, range);
    const was = (range: StageModel['range']) => location(sink.base, sink.baseUri, range);

    // Stages: by name, else the same label (renamed).
    const stages = matchElements(base.stages, head.stages, stage => stage.name, [(b, h) => b.label === h.label ? 1 : 0]);
    const stageMap = new Map(stages.pairs.map(pair => [pair.base.name, pair.head.name]));
    const headStageByName = new Map(head.stages.map(stage => [stage.name, stage]));
    const baseStageIndex = new Map(base.stages.map((stage, index) => [stage.name, index]));
    const movedStages = reorderedIndexes(stages.pairs.map(pair => baseStageIndex.get(pair.base.name) ?? 0));
    stages.pairs.forEach((pair, index) => {
        const { base: b, head: h } = pair;
        const common = { element: 'stage' as const, name: h.name, label: h.label, at: at(h.nameRange), was: was(b.nameRange) };
        if (pair.renamed) {
            sink.add(bucket.stage(h.name), { ...common, kind: 'renamed', direction: 'neutral', before: b.name, after: h.name, text: `Stage ${quoted(h)} renamed from ${b.name} to ${h.name}` });
        }
        if (b.label !== h.label) {
            sink.add(bucket.stage(h.name), { ...common, kind: 'label', direction: 'neutral', before: b.label, after: h.label, text: `Stage ${quoted(b)} is now called ${quoted(h)}` });
        }
        if (movedStages.has(index)) {
            const position = head.stages.indexOf(h);
            const previous = head.stages[position - 1];
            sink.add(bucket.stage(h.name), { ...common, kind: 'reordered', direction: 'neutral', before: baseStageIndex.get(b.name)! + 1, after: position + 1,
                text: previous ? `Stage ${quoted(h)} now comes after ${quoted(previous)}` : `Stage ${quoted(h)} now comes first` });
        }
    });
    for (const h of stages.added) {
        sink.add(bucket.stage(h.name), { element: 'stage', name: h.name, label: h.label, kind: 'added', direction: 'neutral', at: at(h.nameRange), text: `New stage ${quoted(h)}` });
    }
    for (const b of stages.removed) {
        sink.add(bucket.removedStages, { element: 'stage', name: b.name, label: b.label, kind: 'removed', direction: 'neutral', was: was(b.nameRange), text: `Stage ${quoted(b)} removed` });
    }

    // Touchpoints: by name across the journey, else the same label (the same stage and position first).
    const baseTps = placed(base);
    const headTps = placed(head);
    const touchpoints = matchElements(baseTps, headTps, item => item.touchpoint.name, [(b, h) => {
        if (b.touchpoint.label !== h.touchpoint.label) {
            return 0;
        }
        return stageMap.get(b.stage.name) === h.stage.name && b.position === h.position ? 2 : 1;
    }]);
    const tpMap = new Map(touchpoints.pairs.map(pair => [pair.base.touchpoint.name, pair.head.touchpoint.name]));
    const moved = new Set<TouchpointModel>();
    for (const pair of touchpoints.pairs) {
        const { base: b, head: h } = pair;
        const where = bucket.touchpoint(h.touchpoint.name);
        const common = { element: 'touchpoint' as const, name: h.touchpoint.name, label: h.touchpoint.label, at: at(h.touchpoint.nameRange), was: was(b.touchpoint.nameRange) };
        if (pair.renamed) {
            sink.add(where, { ...common, kind: 'renamed', direction: 'neutral', before: b.touchpoint.name, after: h.touchpoint.name,
                text: `Touchpoint ${quoted(h.touchpoint)} renamed from ${b.touchpoint.name} to ${h.touchpoint.name}` });
        }
        if (b.touchpoint.label !== h.touchpoint.label) {
            sink.add(where, { ...common, kind: 'label', direction: 'neutral', before: b.touchpoint.label, after: h.touchpoint.label,
                text: `Touchpoint ${quoted(b.touchpoint)} is now called ${quoted(h.touchpoint)}` });
        }
        if (stageMap.get(b.stage.name) !== h.stage.name) {
            moved.add(h.touchpoint);
            sink.add(where, { ...common, kind: 'moved', direction: 'neutral', before: b.stage.name, after: h.stage.name,
                text: `Touchpoint ${quoted(h.touchpoint)} moved from ${quoted(b.stage)} to ${quoted(h.stage)}` });
        }
        diffTouchpointDetails(sink, b.touchpoint, h.touchpoint, personaLabel, { base, head });
    }
    // Reordered within a stage: of the touchpoints that stayed in their stage, those out of their old order.
    for (const stage of head.stages) {
        const stayed = touchpoints.pairs.filter(pair => pair.head.stage === stage && !moved.has(pair.head.touchpoint));
        const reordered = reorderedIndexes(stayed.map(pair => pair.base.position));
        stayed.forEach((pair, index) => {
            if (!reordered.has(index)) {
                return;
            }
            const h = pair.head;
            const previous = stage.touchpoints[h.position - 1];
            sink.add(bucket.touchpoint(h.touchpoint.name), {
                element: 'touchpoint', name: h.touchpoint.name, label: h.touchpoint.label, kind: 'reordered', direction: 'neutral',
                before: pair.base.position + 1, after: h.position + 1, at: at(h.touchpoint.nameRange), was: was(pair.base.touchpoint.nameRange),
                text: previous ? `Touchpoint ${quoted(h.touchpoint)} now comes after ${quoted(previous)} in ${quoted(stage)}` : `Touchpoint ${quoted(h.touchpoint)} now comes first in ${quoted(stage)}`,
            });
        });
    }
    for (const h of touchpoints.added) {
        sink.add(bucket.touchpoint(h.touchpoint.name), { element: 'touchpoint', name: h.touchpoint.name, label: h.touchpoint.label, kind: 'added', direction: 'neutral',
            at: at(h.touchpoint.nameRange), text: `New touchpoint ${quoted(h.touchpoint)} in ${quoted(h.stage)}` });
    }
    for (const b of touchpoints.removed) {
        const headStage = stageMap.get(b.stage.name);
        const stage = headStage !== undefined ? headStageByName.get(headStage) : undefined;
        sink.add(stage ? bucket.stageItems(stage.name) : bucket.removedStages, { element: 'touchpoint', name: b.touchpoint.name, label: b.touchpoint.label, kind: 'removed',
            direction: 'neutral', was: was(b.touchpoint.nameRange), text: `Touchpoint ${quoted(b.touchpoint)} removed from ${quoted(b.stage)}` });
    }
    return { stage: stageMap, touchpoint: tpMap };
}
