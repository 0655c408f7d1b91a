import type { JourneyMapModel, StageModel, WorkspaceModel } from '@journey/language';
import { formatNumber } from '@journey/language/number-format';
import { compareText } from '@journey/language/ordering';
import { html, type Markup } from '../html/markup.js';
import { firstOfEachName } from '../site/journey-elements.js';
import type { SiteContext } from '../site/site-context.js';
import type { Range } from '../site/site-input.js';
import type { PagePath } from '../site/site-paths.js';

/** What the reports share: ordering, links to the map, the words for phases and teams. */

/** A missing severity or importance counts as the middle of 1..5. */
export const DEFAULT_WEIGHT = 3;

/** The team column of an element with no owner. */
export const UNOWNED = 'Unowned';

/** Each journey's position in the workspace: ties of every report are broken by it, then by name. */
export function journeyOrder(workspace: WorkspaceModel): Map<JourneyMapModel, number> {
    return new Map(workspace.journeys.map((journey, index) => [journey, index]));
}

/** Compares rows by journey order, then by name. */
export function byJourneyThenName<Row>(order: Map<JourneyMapModel, number>, journeyOf: (row: Row) => JourneyMapModel, nameOf: (row: Row) => string) {
    return (a: Row, b: Row): number => (order.get(journeyOf(a)) ?? 0) - (order.get(journeyOf(b)) ?? 0) || compareText(nameOf(a), nameOf(b));
}

/** A link to the map of `journey` with the element written at `range` highlighted. */
export function mapLink(context: SiteContext, path: PagePath, journey: JourneyMapModel, range: Range, text: string | Markup): Markup {
    return html`<a href="${context.mapHref(path, journey, range)}">${text}</a>`;
}

export type PhaseKey = NonNullable<StageModel['phase']> | 'none';

export const PHASES: ReadonlyArray<{ key: PhaseKey; label: string }> = [
    { key: 'pre-purchase', label: 'Pre-purchase' },
    { key: 'purchase', label: 'Purchase' },
    { key: 'post-purchase', label: 'Post-purchase' },
    { key: 'none', label: 'No phase' },
];

/** A number as a reader reads it: `3.1%` for a percent metric, `−2` with a typographic minus. */
export function quantity(value: number, percent: boolean): string {
    return formatNumber(value, { minus: 'typographic', ...(percent ? { unit: 'percent' as const } : {}) });
}

/** The teams of the workspace, each once, in declaration order. */
export function workspaceTeams(workspace: WorkspaceModel): Array<{ name: string; label: string }> {
    return firstOfEachName(workspace.teams).map(team => ({ name: team.name, label: team.label }));
}
