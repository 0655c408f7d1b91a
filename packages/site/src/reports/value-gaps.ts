import type { JourneyMapModel, ValueGapRowModel } from '@journey/language';
import { html } from '../html/markup.js';
import { badge, counted, table } from '../html/parts.js';
import type { SiteContext } from '../site/site-context.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { byJourneyThenName, DEFAULT_WEIGHT, journeyOrder, mapLink, quantity } from './report-parts.js';

/**
 * The value gaps of every journey: per row, the best competitor's score against ours, the gap
 * (best − us) and the gap weighted by the need's importance (a need without one counts 3).
 */

export interface ValueGapRow {
    journey: JourneyMapModel;
    row: ValueGapRowModel;
    personaLabel?: string;
    best?: { label: string; score: number };
    /** Best competitor − us; undefined without a competitor. */
    gap?: number;
    weighted?: number;
    /** Behind on a need of importance 4 or more (lint's `value-gap`). */
    flagged: boolean;
}

export function valueGapRows(context: SiteContext): ValueGapRow[] {
    const { workspace } = context;
    const rows = workspace.journeys.flatMap(journey => journey.valueGap.map((row): ValueGapRow => {
        const best = row.competitors.reduce<ValueGapRowModel['competitors'][number] | undefined>((top, c) => (top === undefined || c.score > top.score ? c : top), undefined);
        const gap = best === undefined ? undefined : best.score - row.us;
        return {
            journey, row,
            personaLabel: journey.personas.find(persona => persona.name === row.persona)?.label ?? row.persona,
            best: best && { label: best.label, score: best.score },
            gap,
            weighted: gap === undefined ? undefined : gap * (row.importance ?? DEFAULT_WEIGHT),
            flagged: gap !== undefined && gap > 0 && (row.importance ?? 0) >= 4,
        };
    }));
    const tie = byJourneyThenName<ValueGapRow>(journeyOrder(workspace), row => row.journey, row => row.row.need);
    return rows.sort((a, b) => (b.weighted ?? -Infinity) - (a.weighted ?? -Infinity) || tie(a, b));
}

const number = (value: number) => quantity(value, false);

export const valueGapsReport: Report = {
    path: 'reports/value-gaps.html',
    title: 'Value gaps',
    summary: 'Where a competitor serves a need better than we do, weighted by how much the need matters.',
    headline: context => {
        const rows = valueGapRows(context);
        return `${counted(rows.length, 'value gap row')}, ${rows.filter(row => row.flagged).length} flagged`;
    },
    body: (context, path) => {
        const rows = valueGapRows(context);
        return html`<p><strong>Gap</strong> = best competitor's score − ours; <strong>weighted gap</strong> = gap × the need's importance (a need without an importance counts 3, the middle of 1..5). A row behind on a need of importance 4 or more is marked "Gap", as lint's <code>value-gap</code> rule reports it.</p>
${table<ValueGapRow>(counted(rows.length, 'row'), [
    { header: 'Journey', cell: row => journeyLink(context, path, row.journey) },
    { header: 'Persona', cell: row => row.personaLabel ?? html`<span class="muted">unknown</span>` },
    { header: 'Need', cell: row => mapLink(context, path, row.journey, row.row.range, row.row.label) },
    { header: 'Importance', cell: row => row.row.importance ?? html`<span class="muted">3 (none written)</span>`, numeric: true },
    { header: 'Us', cell: row => number(row.row.us), numeric: true },
    { header: 'Best competitor', cell: row => row.best?.label ?? html`<span class="muted">none</span>` },
    { header: 'Its score', cell: row => row.best ? number(row.best.score) : '', numeric: true },
    { header: 'Gap', cell: row => row.gap === undefined ? '' : number(row.gap), numeric: true },
    { header: 'Weighted gap', cell: row => row.weighted === undefined ? '' : html`<span data-weighted>${number(row.weighted)}</span>`, numeric: true },
    { header: 'Flag', cell: row => row.flagged ? badge('Gap', 'warn') : row.gap !== undefined && row.gap <= 0 ? badge('Ahead or level', 'good') : '' },
], rows, 'No value gap: scores against competitors are written in a journey\'s `valuegap { NEED us N COMPETITOR N }`.')}`;
    },
};
