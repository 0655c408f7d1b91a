import type { JourneyMapModel } from '@journey/language';
import { matchElements, type Matching } from './matching.js';

/** How much of a journey's body two versions share: the touchpoint names in common, over the larger set. */
export function bodySimilarity(base: JourneyMapModel, head: JourneyMapModel): number {
    const names = (journey: JourneyMapModel) => new Set(journey.stages.flatMap(stage => stage.touchpoints.map(tp => tp.name)));
    const a = names(base);
    const b = names(head);
    const size = Math.max(a.size, b.size);
    if (size === 0) {
        return 0;
    }
    let common = 0;
    a.forEach(name => b.has(name) && common++);
    return common / size;
}

/** The share of touchpoint names two versions must have in common to be one journey renamed. */
export const RENAME_SIMILARITY = 0.6;

/**
 * Journeys by name; of those left, a BASE and a HEAD journey with the same label are one renamed,
 * then those whose bodies match (at least 60% of touchpoint names in common), the best match first.
 */
export function matchJourneys(base: readonly JourneyMapModel[], head: readonly JourneyMapModel[]): Matching<JourneyMapModel> {
    return matchElements(base, head, journey => journey.name, [
        (b, h) => b.label === h.label ? 1 : 0,
        (b, h) => {
            const similarity = bodySimilarity(b, h);
            return similarity >= RENAME_SIMILARITY ? similarity : 0;
        },
    ]);
}
