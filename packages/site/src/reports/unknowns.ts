import type { JourneyMapModel, TextModel } from '@journey/language';
import { counted, table } from '../html/parts.js';
import type { SiteContext } from '../site/site-context.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { mapLink } from './report-parts.js';

/** Every `unknown` of every journey: the questions the maps leave open, in journey order, then as written. */

export interface UnknownRow {
    journey: JourneyMapModel;
    unknown: TextModel;
}

export function unknownRows(context: SiteContext): UnknownRow[] {
    return context.workspace.journeys.flatMap(journey => journey.unknowns.map(unknown => ({ journey, unknown })));
}

export const unknownsReport: Report = {
    path: 'reports/unknowns.html',
    title: 'Unknowns',
    summary: 'The questions the maps leave open, journey by journey.',
    headline: context => counted(unknownRows(context).length, 'unknown'),
    body: (context, path) => {
        const rows = unknownRows(context);
        return table<UnknownRow>(`${counted(rows.length, 'unknown')} in ${counted(new Set(rows.map(row => row.journey)).size, 'journey')}`, [
            { header: 'Journey', cell: row => journeyLink(context, path, row.journey) },
            { header: 'Unknown', cell: row => mapLink(context, path, row.journey, row.unknown.range, row.unknown.text) },
        ], rows, 'No unknown: an open question is written `unknown "…"` in a journey.');
    },
};
