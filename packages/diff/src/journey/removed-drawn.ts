import type { JourneyMapModel, StageModel, TouchpointModel } from '@journey/language';
import type { Change, ElementKind, JourneyDiff } from '../diff-model.js';
import { opportunitiesOf, painsOf } from './pain-diff.js';

/** The elements put back, as `element:name` (BASE's name): what the HTML view marks as removed. */
export type RemovedKey = `${ElementKind}:${string}`;

export interface MapWithRemoved {
    model: JourneyMapModel;
    removed: ReadonlySet<RemovedKey>;
}

/**
 * HEAD's map with what BASE had and HEAD no longer has drawn back where it was, for the HTML view:
 * removed stages after the nearest earlier BASE stage still on HEAD, removed touchpoints after their
 * nearest earlier sibling still in the stage, removed pains and opportunities in their stage (under
 * their touchpoint when it is drawn). A removed touchpoint comes back without its emotion and KPIs, so
 * the curve and the numbers stay HEAD's. Names are mapped through the diff's renames.
 */
export function withRemovedElements(journey: JourneyDiff): MapWithRemoved {
    const { head, base } = journey;
    const removed = new Set<RemovedKey>();
    if (!head || !base || journey.status === 'added' || journey.status === 'removed') {
        return { model: (head ?? base)!, removed };
    }
    const removedNames = (element: ElementKind) => new Set(journey.changes.filter(change => change.kind === 'removed' && change.element === element).map(change => change.name));
    const stageOnHead = renames(journey.changes, 'stage');
    const touchpointOnHead = renames(journey.changes, 'touchpoint');
    const stages: StageModel[] = head.stages.map(stage => ({ ...stage, touchpoints: [...stage.touchpoints], pains: [...stage.pains], opportunities: [...stage.opportunities] }));
    const stageNamed = (name: string) => stages.find(stage => stage.name === name);
    const headTouchpoints = new Set(head.stages.flatMap(stage => stage.touchpoints.map(tp => tp.name)));

    const removedStages = removedNames('stage');
    base.stages.forEach((stage, index) => {
        if (!removedStages.has(stage.name) || stageNamed(stage.name)) {
            return;
        }
        const after = base.stages.slice(0, index).reverse()
            .map(earlier => stages.findIndex(candidate => candidate.name === (stageOnHead.get(earlier.name) ?? earlier.name)))
            .find(position => position >= 0) ?? -1;
        stages.splice(after + 1, 0, { ...stage, label: removedLabel(stage.label), touchpoints: [], pains: [], opportunities: [] });
        removed.add(`stage:${stage.name}`);
    });

    const removedTouchpoints = removedNames('touchpoint');
    for (const baseStage of base.stages) {
        const stage = stageNamed(stageOnHead.get(baseStage.name) ?? baseStage.name);
        baseStage.touchpoints.forEach((touchpoint, index) => {
            if (!stage || !removedTouchpoints.has(touchpoint.name) || headTouchpoints.has(touchpoint.name)) {
                return;
            }
            const after = baseStage.touchpoints.slice(0, index).reverse()
                .map(earlier => stage.touchpoints.findIndex(candidate => candidate.name === (touchpointOnHead.get(earlier.name) ?? earlier.name)))
                .find(position => position >= 0) ?? -1;
            const ghost: TouchpointModel = {
                ...touchpoint, label: removedLabel(touchpoint.label), stage: stage.name,
                emotion: undefined, kpis: [], pains: [], opportunities: [], memberRanges: {},
            };
            stage.touchpoints.splice(after + 1, 0, ghost);
            removed.add(`touchpoint:${touchpoint.name}`);
        });
    }

    const drawn = new Set(stages.flatMap(stage => stage.touchpoints.map(tp => tp.name)));
    const place = <T extends { name: string; label: string; stage: string; touchpoint?: string }>(item: T, element: 'pain' | 'opportunity', add: (stage: StageModel, item: T) => void) => {
        const stage = stageNamed(stageOnHead.get(item.stage) ?? item.stage);
        if (!stage) {
            return;
        }
        const touchpoint = item.touchpoint !== undefined ? touchpointOnHead.get(item.touchpoint) ?? item.touchpoint : undefined;
        add(stage, { ...item, label: removedLabel(item.label), stage: stage.name, touchpoint: touchpoint !== undefined && drawn.has(touchpoint) ? touchpoint : undefined });
        removed.add(`${element}:${item.name}`);
    };
    const removedPains = removedNames('pain');
    const headPains = new Set(painsOf(head).map(pain => pain.name));
    painsOf(base).filter(pain => removedPains.has(pain.name) && !headPains.has(pain.name))
        .forEach(pain => place(pain, 'pain', (stage, ghost) => stage.pains.push(ghost)));
    const removedOpportunities = removedNames('opportunity');
    const headOpportunities = new Set(opportunitiesOf(head).map(opportunity => opportunity.name));
    opportunitiesOf(base).filter(opportunity => removedOpportunities.has(opportunity.name) && !headOpportunities.has(opportunity.name))
        .forEach(opportunity => place(opportunity, 'opportunity', (stage, ghost) => stage.opportunities.push(ghost)));

    return { model: { ...head, stages }, removed };
}

/** BASE's name → HEAD's, for the elements of a kind the diff found renamed. */
function renames(changes: readonly Change[], element: ElementKind): Map<string, string> {
    return new Map(changes.filter(change => change.kind === 'renamed' && change.element === element).map(change => [String(change.before), String(change.after)]));
}

/** What the drawn box says: a reader without colour (print, grey scale) still tells a removed element. */
function removedLabel(label: string): string {
    return `${label} (removed)`;
}
