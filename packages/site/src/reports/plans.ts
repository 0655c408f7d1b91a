import type { JourneyMapModel, PlanModel } from '@journey/language';
import { compareText } from '@journey/language/ordering';
import { html, type Markup } from '../html/markup.js';
import { badge, counted } from '../html/parts.js';
import { opportunitiesOf, painsOf, touchpointsOf } from '../site/journey-elements.js';
import type { SiteContext } from '../site/site-context.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { journeyOrder, mapLink, quantity } from './report-parts.js';

/** The plans of every journey as a timeline by due date (those without one last). */

export interface PlanRow {
    journey: JourneyMapModel;
    plan: PlanModel;
}

export function planRows(context: SiteContext): PlanRow[] {
    const { workspace } = context;
    const order = journeyOrder(workspace);
    return workspace.journeys.flatMap(journey => journey.plans.map(plan => ({ journey, plan }))).sort((a, b) =>
        (a.plan.due === undefined ? 1 : 0) - (b.plan.due === undefined ? 1 : 0)
        || compareText(a.plan.due ?? '', b.plan.due ?? '')
        || (order.get(a.journey) ?? 0) - (order.get(b.journey) ?? 0)
        || compareText(a.plan.name, b.plan.name));
}

function statusBadge(status: PlanModel['status']): Markup {
    return status === 'done' ? badge('Done', 'good') : status === 'doing' ? badge('Doing', 'info') : badge('Open', 'muted');
}

/** What a plan addresses: each pain or opportunity linked to the map, a name that resolves to neither as written. */
function addressed(context: SiteContext, path: string, row: PlanRow): Markup {
    const pains = painsOf(row.journey);
    const opportunities = opportunitiesOf(row.journey);
    if (row.plan.addresses.length === 0) {
        return html`<span class="muted">nothing named</span>`;
    }
    return html`${row.plan.addresses.map((name, index) => {
        const pain = pains.find(p => p.pain.name === name)?.pain;
        const opportunity = opportunities.find(o => o.opportunity.name === name)?.opportunity;
        const element = opportunity ?? pain;
        const kind = opportunity ? 'opportunity' : pain ? 'pain' : undefined;
        return html`${index > 0 ? ', ' : ''}${element ? html`${mapLink(context, path, row.journey, element.range, element.label)} <span class="muted">(${kind})</span>` : html`<code>${name}</code>`}`;
    })}`;
}

function metricLabel(journey: JourneyMapModel, name: string): string {
    for (const { touchpoint } of touchpointsOf(journey)) {
        const kpi = touchpoint.kpis.find(k => k.metric.name === name);
        if (kpi) {
            return kpi.metric.label;
        }
    }
    return name;
}

export const plansReport: Report = {
    path: 'reports/plans.html',
    title: 'Plans',
    summary: 'What is planned, by when, by whom, and what is overdue.',
    headline: context => {
        const rows = planRows(context);
        return `${counted(rows.length, 'plan')}, ${rows.filter(row => row.plan.overdue).length} overdue`;
    },
    body: (context, path) => {
        const rows = planRows(context);
        const count = (status: PlanModel['status']) => rows.filter(row => row.plan.status === status).length;
        const overdue = rows.filter(row => row.plan.overdue).length;
        if (rows.length === 0) {
            return html`<p class="empty">No plan: a plan is written <code>plan NAME "Label" { addresses … due YYYY-MM-DD status open }</code> in a journey.</p>`;
        }
        return html`<p class="report-summary" data-summary>${counted(rows.length, 'plan')}: ${count('open')} open, ${count('doing')} doing, ${count('done')} done; ${overdue} overdue (judged on ${context.input.today}).</p>
<ol class="timeline plan-timeline">
${rows.map(row => html`<li${row.plan.overdue ? html` class="overdue"` : ''}>
<p class="plan-head"><strong class="plan-due">${row.plan.due ?? 'No due date'}</strong> ${mapLink(context, path, row.journey, row.plan.range, row.plan.label)} ${statusBadge(row.plan.status)}${row.plan.overdue ? html` ${badge('Overdue', 'bad')}` : ''}</p>
<dl class="facts">
<div><dt>Journey</dt><dd>${journeyLink(context, path, row.journey)}</dd></div>
<div><dt>Owner</dt><dd>${row.plan.owner?.label ?? html`<span class="muted">none</span>`}</dd></div>
<div><dt>Addresses</dt><dd>${addressed(context, path, row)}</dd></div>
<div><dt>Targets</dt><dd>${row.plan.targets.length === 0 ? html`<span class="muted">none</span>` : row.plan.targets.map((target, index) => html`${index > 0 ? ', ' : ''}${metricLabel(row.journey, target.metric)} ${quantity(target.value, target.percent)}`)}</dd></div>
</dl>
</li>\n`)}</ol>`;
    },
};
