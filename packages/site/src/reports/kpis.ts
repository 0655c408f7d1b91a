import type { JourneyMapModel, KpiModel, SourceModel, TouchpointModel } from '@journey/language';
import { html } from '../html/markup.js';
import { badge, counted, table } from '../html/parts.js';
import { touchpointsOf } from '../site/journey-elements.js';
import type { SiteContext } from '../site/site-context.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { byJourneyThenName, journeyOrder, mapLink, quantity } from './report-parts.js';

/** Every KPI of every touchpoint: value against target (with its n when computed from data), and the source it is read from with its date. */

export type KpiStatus = 'off' | 'on' | 'none';

export interface KpiRow {
    journey: JourneyMapModel;
    touchpoint: TouchpointModel;
    kpi: KpiModel;
    status: KpiStatus;
    source?: SourceModel;
}

const STATUS_ORDER: Record<KpiStatus, number> = { off: 0, on: 1, none: 2 };

export function kpiRows(context: SiteContext): KpiRow[] {
    const { workspace } = context;
    const rows = workspace.journeys.flatMap(journey => touchpointsOf(journey).flatMap(({ touchpoint }) => touchpoint.kpis.map((kpi): KpiRow => ({
        journey, touchpoint, kpi,
        status: kpi.onTarget === undefined ? 'none' : kpi.onTarget ? 'on' : 'off',
        source: kpi.source && workspace.sources.find(source => source.name === kpi.source!.name),
    }))));
    const tie = byJourneyThenName<KpiRow>(journeyOrder(workspace), row => row.journey, row => row.touchpoint.name);
    return rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || tie(a, b) || (a.kpi.metric.name < b.kpi.metric.name ? -1 : a.kpi.metric.name > b.kpi.metric.name ? 1 : 0));
}

function statusBadge(status: KpiStatus) {
    return status === 'off' ? badge('Off target', 'bad') : status === 'on' ? badge('On target', 'good') : badge('No target', 'muted');
}

export const kpisReport: Report = {
    path: 'reports/kpis.html',
    title: 'KPIs',
    summary: 'Every KPI against its target, with the answers a computed one rests on, the source it is read from and when that data was cut.',
    headline: context => {
        const rows = kpiRows(context);
        return `${counted(rows.length, 'KPI')}, ${rows.filter(row => row.status === 'off').length} off target`;
    },
    body: (context, path) => {
        const rows = kpiRows(context);
        const off = rows.filter(row => row.status === 'off').length;
        const on = rows.filter(row => row.status === 'on').length;
        return html`<p>${off} off target, ${on} on target, ${rows.length - off - on} without a target. Off target first.</p>
${table<KpiRow>(counted(rows.length, 'KPI'), [
    { header: 'Journey', cell: row => journeyLink(context, path, row.journey) },
    { header: 'Touchpoint', cell: row => mapLink(context, path, row.journey, row.kpi.range, row.touchpoint.label) },
    { header: 'Metric', cell: row => row.kpi.metric.label },
    { header: 'Value', cell: row => quantity(row.kpi.value, row.kpi.metric.percent), numeric: true },
    // A value computed from a data file: the answers it rests on, and a mark when they are too few.
    { header: 'n', cell: row => row.kpi.computed ? (row.kpi.computed.smallSample ? html`${row.kpi.computed.n} ${badge('Small sample', 'warn')}` : String(row.kpi.computed.n)) : '', numeric: true },
    { header: 'Target', cell: row => row.kpi.target === undefined ? html`<span class="muted">none</span>` : quantity(row.kpi.target, row.kpi.metric.percent), numeric: true },
    { header: 'Status', cell: row => statusBadge(row.status) },
    { header: 'Source', cell: row => row.kpi.source?.label ?? badge('No source', 'warn') },
    { header: 'Source date', cell: row => row.kpi.source?.stale ? html`${row.source?.date ?? ''} ${badge('Stale', 'warn')}` : row.source?.date ?? (row.kpi.source ? html`<span class="muted">no date</span>` : '') },
], rows, 'No KPI: a KPI is written `kpi METRIC VALUE target VALUE source SOURCE` in a touchpoint.')}`;
    },
};
