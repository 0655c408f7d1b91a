import type { JourneyMapModel, OpportunityModel, PainModel, StageModel, TouchpointModel } from '@journey/language';

/**
 * The elements of a journey as the pages and reports count them, each once: a pain written in a stage
 * `at` a touchpoint is in both the stage's list and the touchpoint's, and is one pain.
 */

export interface PlacedTouchpoint {
    stage: StageModel;
    touchpoint: TouchpointModel;
}

export function touchpointsOf(journey: JourneyMapModel): PlacedTouchpoint[] {
    return journey.stages.flatMap(stage => stage.touchpoints.map(touchpoint => ({ stage, touchpoint })));
}

export interface PlacedPain {
    stage: StageModel;
    /** The touchpoint it is at, when it is at one. */
    touchpoint?: TouchpointModel;
    pain: PainModel;
}

export function painsOf(journey: JourneyMapModel): PlacedPain[] {
    const seen = new Set<string>();
    const result: PlacedPain[] = [];
    const add = (stage: StageModel, pain: PainModel, touchpoint?: TouchpointModel) => {
        const key = `${pain.range.start.line}:${pain.range.start.character}:${pain.name}`;
        if (!seen.has(key)) {
            seen.add(key);
            result.push({ stage, touchpoint, pain });
        }
    };
    for (const stage of journey.stages) {
        for (const touchpoint of stage.touchpoints) {
            touchpoint.pains.forEach(pain => add(stage, pain, touchpoint));
        }
        stage.pains.forEach(pain => add(stage, pain, stage.touchpoints.find(t => t.name === pain.touchpoint)));
    }
    return result.sort((a, b) => a.pain.range.start.line - b.pain.range.start.line || a.pain.range.start.character - b.pain.range.start.character);
}

export interface PlacedOpportunity {
    stage: StageModel;
    touchpoint?: TouchpointModel;
    opportunity: OpportunityModel;
}

export function opportunitiesOf(journey: JourneyMapModel): PlacedOpportunity[] {
    return journey.stages.flatMap(stage => [
        ...stage.touchpoints.flatMap(touchpoint => touchpoint.opportunities.map(opportunity => ({ stage, touchpoint, opportunity }))),
        ...stage.opportunities.map(opportunity => ({ stage, opportunity })),
    ]).sort((a, b) => a.opportunity.range.start.line - b.opportunity.range.start.line);
}

/** Declarations, each name once: the first declared (lint reports the others as duplicates). */
export function firstOfEachName<T extends { name: string }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.name) && seen.add(item.name) !== undefined);
}

/** The teams a journey involves: its owner and every touchpoint's and opportunity's. */
export function teamsOf(journey: JourneyMapModel): string[] {
    const teams = new Set<string>();
    if (journey.owner) {
        teams.add(journey.owner.name);
    }
    for (const { touchpoint } of touchpointsOf(journey)) {
        if (touchpoint.owner) {
            teams.add(touchpoint.owner.name);
        }
    }
    for (const { opportunity } of opportunitiesOf(journey)) {
        if (opportunity.owner) {
            teams.add(opportunity.owner.name);
        }
    }
    return [...teams].sort();
}

/** The phases of a journey's stages, in the order of the customer's journey. */
export function phasesOf(journey: JourneyMapModel): Array<NonNullable<StageModel['phase']>> {
    const phases = new Set(journey.stages.flatMap(stage => stage.phase ? [stage.phase] : []));
    return (['pre-purchase', 'purchase', 'post-purchase'] as const).filter(phase => phases.has(phase));
}
