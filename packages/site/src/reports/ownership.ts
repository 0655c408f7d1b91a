import type { JourneyMapModel, NamedRef } from '@journey/language';
import { html } from '../html/markup.js';
import { badge, counted, table } from '../html/parts.js';
import { opportunitiesOf, touchpointsOf, type PlacedTouchpoint } from '../site/journey-elements.js';
import type { SiteContext } from '../site/site-context.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { byJourneyThenName, journeyOrder, mapLink, UNOWNED, workspaceTeams } from './report-parts.js';

/** Who owns what: per team, the touchpoints (and moments of truth), opportunities and journeys it owns. */

export interface TeamOwnership {
    name: string;
    label: string;
    touchpoints: number;
    moments: number;
    opportunities: number;
    journeys: number;
}

interface JourneyTouchpoint extends PlacedTouchpoint {
    journey: JourneyMapModel;
}

export function ownership(context: SiteContext): { teams: TeamOwnership[]; unowned: JourneyTouchpoint[] } {
    const { workspace } = context;
    const teams = workspaceTeams(workspace).map((team): TeamOwnership => ({ ...team, touchpoints: 0, moments: 0, opportunities: 0, journeys: 0 }));
    const unownedRow: TeamOwnership = { name: UNOWNED, label: UNOWNED, touchpoints: 0, moments: 0, opportunities: 0, journeys: 0 };
    const rowOf = (owner: NamedRef | undefined): TeamOwnership => {
        if (!owner) {
            return unownedRow;
        }
        let row = teams.find(team => team.name === owner.name);
        if (!row) {
            row = { name: owner.name, label: owner.label, touchpoints: 0, moments: 0, opportunities: 0, journeys: 0 };
            teams.push(row);
        }
        return row;
    };
    const unowned: JourneyTouchpoint[] = [];
    for (const journey of workspace.journeys) {
        rowOf(journey.owner).journeys++;
        for (const placed of touchpointsOf(journey)) {
            const row = rowOf(placed.touchpoint.owner);
            row.touchpoints++;
            if (placed.touchpoint.momentOfTruth) {
                row.moments++;
            }
            if (!placed.touchpoint.owner) {
                unowned.push({ ...placed, journey });
            }
        }
        for (const { opportunity } of opportunitiesOf(journey)) {
            rowOf(opportunity.owner).opportunities++;
        }
    }
    return {
        teams: [...teams, unownedRow],
        unowned: unowned.sort(byJourneyThenName<JourneyTouchpoint>(journeyOrder(workspace), row => row.journey, row => row.touchpoint.name)),
    };
}

export const ownershipReport: Report = {
    path: 'reports/ownership.html',
    title: 'Ownership',
    summary: 'Which team owns which touchpoints, moments of truth, opportunities and journeys, and what no team owns.',
    headline: context => {
        const { unowned } = ownership(context);
        return `${counted(unowned.length, 'unowned touchpoint')}`;
    },
    body: (context, path) => {
        const { teams, unowned } = ownership(context);
        return html`<p>A touchpoint without an <code>owner</code> of its own is its journey's; "Unowned" counts what has no owner at all.</p>
${table<TeamOwnership>(`${counted(teams.length - 1, 'team')} and what no team owns`, [
    { header: 'Team', cell: row => row.name === UNOWNED ? badge(UNOWNED, 'warn') : row.label },
    { header: 'Touchpoints', cell: row => row.touchpoints, numeric: true },
    { header: 'Moments of truth', cell: row => row.moments, numeric: true },
    { header: 'Opportunities', cell: row => row.opportunities, numeric: true },
    { header: 'Journeys', cell: row => row.journeys, numeric: true },
], teams, '')}
<h2 id="ownership-unowned">Unowned touchpoints</h2>
${table<JourneyTouchpoint>(counted(unowned.length, 'unowned touchpoint'), [
    { header: 'Touchpoint', cell: row => mapLink(context, path, row.journey, row.touchpoint.range, row.touchpoint.label) },
    { header: 'Journey', cell: row => journeyLink(context, path, row.journey) },
    { header: 'Stage', cell: row => row.stage.label },
    { header: 'Moment of truth', cell: row => row.touchpoint.momentOfTruth ? badge('Moment of truth', 'bad') : '' },
], unowned, 'Every touchpoint has an owner.')}`;
    },
};
