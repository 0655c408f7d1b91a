import type { JourneyMapModel } from '@journey/language';
import { buildViewModel, viewElements } from '@journey/preview';
import type { Range } from './site-input.js';

/**
 * The drawn element (`data-id` in the map's SVG) of each source range of a journey: a report row
 * names the pain, KPI or touchpoint it is about by its range, and links to the map with that element
 * highlighted. Worked out from the view model the map is drawn from, so the ids are the drawing's.
 */
export class MapElements {
    private readonly byJourney = new Map<JourneyMapModel, Map<string, string>>();

    idOf(journey: JourneyMapModel, range: Range): string | undefined {
        let ids = this.byJourney.get(journey);
        if (!ids) {
            ids = new Map();
            for (const element of viewElements(buildViewModel(journey))) {
                const key = rangeKey(element.range);
                if (!ids.has(key)) {
                    ids.set(key, element.id);
                }
            }
            this.byJourney.set(journey, ids);
        }
        return ids.get(rangeKey(range));
    }
}

function rangeKey(range: Range): string {
    return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}
