import type { JourneyMapModel } from '@journey/language';
import { html, join, raw, type Markup } from '../html/markup.js';
import type { SitePage } from '../html/page-shell.js';
import { badge, counted, table } from '../html/parts.js';
import { opportunitiesOf, painsOf, phasesOf, teamsOf, touchpointsOf } from '../site/journey-elements.js';
import type { SiteContext } from '../site/site-context.js';
import { personaLink } from '../site/site-links.js';
import { INDEX_PAGE } from '../site/site-paths.js';

/** What the index says of a journey: one row, and what its search box and filters match. */
interface JourneyRow {
    journey: JourneyMapModel;
    pains: number;
    opportunities: number;
    openPlans: number;
    errors: number;
    warnings: number;
    teams: string[];
    phases: string[];
}

/**
 * The index: every journey with its personas, state, owner, review, counts and lint status, a search
 * box and filters by persona, team, state and phase (the site's script hides the rows that do not
 * match; without script every row shows), then the files that do not parse.
 */
export function indexPage(context: SiteContext): SitePage {
    const { workspace, paths } = context;
    const rows: JourneyRow[] = workspace.journeys.map(journey => {
        const findings = context.findingsOf(journey);
        return {
            journey,
            pains: painsOf(journey).length,
            opportunities: opportunitiesOf(journey).length,
            openPlans: journey.plans.filter(plan => plan.status !== 'done').length,
            errors: findings.filter(finding => finding.severity === 'error').length,
            warnings: findings.filter(finding => finding.severity === 'warning').length,
            teams: teamsOf(journey),
            phases: phasesOf(journey),
        };
    });
    const personaOptions = workspace.personas.map(persona => ({ value: persona.name, label: persona.label }));
    const teamOptions = workspace.teams.map(team => ({ value: team.name, label: team.label }));
    const broken = context.input.files.filter(file => file.syntaxErrors);
    const body = html`<h1>${context.input.title ?? 'Journey maps'}</h1>
<p class="lead">${counted(workspace.journeys.length, 'journey')}, ${counted(workspace.personas.length, 'persona')}, ${counted(context.input.files.length, 'file')}. Judged as of ${context.input.today}.</p>
${glance(context, rows)}
<div class="filters" role="search" aria-label="Find journeys">
<div class="field"><label for="journey-search">Search</label><input type="search" id="journey-search" data-filter="text" placeholder="Title, persona, touchpoint, owner…" autocomplete="off"></div>
${filter('persona', 'Persona', personaOptions)}
${filter('team', 'Team', teamOptions)}
${filter('state', 'State', [{ value: 'current', label: 'Current state' }, { value: 'future', label: 'Future state' }, { value: 'unspecified', label: 'Not stated' }])}
${filter('phase', 'Phase', [{ value: 'pre-purchase', label: 'Pre-purchase' }, { value: 'purchase', label: 'Purchase' }, { value: 'post-purchase', label: 'Post-purchase' }])}
</div>
<p class="match-count" role="status" aria-live="polite" data-match-count></p>
${table<JourneyRow>('Journeys', [
    { header: 'Journey', cell: row => html`<a href="${paths.href(INDEX_PAGE, paths.journey(row.journey))}">${row.journey.label}</a> <code>${row.journey.name}</code>` },
    { header: 'Personas', cell: row => personaLinks(context, row.journey) },
    { header: 'State', cell: row => stateText(row.journey) },
    { header: 'Owner', cell: row => row.journey.owner?.label ?? html`<span class="muted">none</span>` },
    { header: 'Reviewed', cell: row => reviewed(row.journey) },
    { header: 'Pains', cell: row => row.pains, numeric: true },
    { header: 'Opportunities', cell: row => row.opportunities, numeric: true },
    { header: 'Unknowns', cell: row => row.journey.unknowns.length, numeric: true },
    { header: 'Open plans', cell: row => row.openPlans, numeric: true },
    { header: 'Lint', cell: row => lintStatus(row) },
], rows, 'No journey in these files yet: a journey is written `journey NAME "Title" { … }`.', row => html` data-journey="${row.journey.name}" data-text="${searchText(row.journey)}" data-persona="${row.journey.personas.map(p => p.name).join(' ')}" data-team="${row.teams.join(' ')}" data-state="${row.journey.state.kind}" data-phase="${row.phases.join(' ')}"`)}
<p class="empty" data-no-match hidden>No journey matches. Clear the search or a filter.</p>
${broken.length > 0 ? html`<h2>Files that do not parse</h2>
<p>These files have syntax errors: their maps show what could be read. Run <code>journey lint</code> for the details.</p>
<ul>${broken.map(file => html`<li><code>${file.path}</code>: ${file.findings.filter(f => f.ruleId === 'syntax').slice(0, 1).map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`)}</li>`)}</ul>` : ''}`;
    return { path: INDEX_PAGE, title: context.input.title ?? 'Journey maps', section: 'journeys', body };
}

/** The workspace at a glance: the totals a director asks for first, each linking to where it is detailed. */
function glance(context: SiteContext, rows: readonly JourneyRow[]): Markup {
    const { paths, workspace } = context;
    const sum = (count: (row: JourneyRow) => number) => rows.reduce((total, row) => total + count(row), 0);
    const plans = workspace.journeys.flatMap(journey => journey.plans);
    const overdue = plans.filter(plan => plan.overdue).length;
    const offTarget = workspace.journeys.flatMap(journey => touchpointsOf(journey).flatMap(({ touchpoint }) => touchpoint.kpis)).filter(kpi => kpi.onTarget === false).length;
    const stale = workspace.journeys.filter(journey => journey.reviewed?.stale).length;
    const card = (value: number, label: string, report: string, note?: string) => html`<div class="glance-card"><dt><a href="${paths.href(INDEX_PAGE, report)}">${label}</a></dt><dd><span class="glance-value">${value}</span>${note ? html` <span class="glance-note">${note}</span>` : ''}</dd></div>`;
    return html`<dl class="glance" aria-label="At a glance">
${card(sum(row => row.pains), 'Pains', 'reports/pains.html')}
${card(sum(row => row.opportunities), 'Opportunities', 'reports/opportunities.html')}
${card(sum(row => row.openPlans), 'Open plans', 'reports/plans.html', overdue > 0 ? `${overdue} overdue` : undefined)}
${card(offTarget, 'KPIs off target', 'reports/kpis.html')}
${card(sum(row => row.journey.unknowns.length), 'Unknowns', 'reports/unknowns.html')}
${card(stale, 'Stale reviews', INDEX_PAGE)}
</dl>`;
}

function filter(name: string, label: string, options: ReadonlyArray<{ value: string; label: string }>): Markup {
    return html`<div class="field"><label for="filter-${name}">${label}</label><select id="filter-${name}" data-filter="${name}"><option value="">All</option>${options.map(option => html`<option value="${option.value}">${option.label}</option>`)}</select></div>`;
}

/** Everything the search box looks in, lower case: names, titles, personas, owner, stages, touchpoints. */
function searchText(journey: JourneyMapModel): string {
    return [
        journey.name, journey.label, ...(journey.description ?? []), journey.trigger ?? '', journey.owner?.label ?? '',
        ...journey.personas.flatMap(persona => [persona.name, persona.label]),
        ...journey.stages.flatMap(stage => [stage.name, stage.label]),
        ...touchpointsOf(journey).flatMap(({ touchpoint }) => [touchpoint.name, touchpoint.label, touchpoint.owner?.label ?? '']),
    ].join(' ').toLowerCase();
}

export function personaLinks(context: SiteContext, journey: JourneyMapModel, from = INDEX_PAGE): Markup {
    if (journey.personas.length === 0) {
        return html`<span class="muted">none</span>`;
    }
    return join(journey.personas.map(persona => personaLink(context, from, persona)), ', ');
}

export function stateText(journey: JourneyMapModel): Markup {
    switch (journey.state.kind) {
        case 'current': return badge('current', 'muted');
        case 'future': return html`${badge('future', 'info')}${journey.state.ofLabel ? html` of ${journey.state.ofLabel}` : ''}`;
        default: return html`<span class="muted">not stated</span>`;
    }
}

export function reviewed(journey: JourneyMapModel): Markup {
    const review = journey.reviewed;
    if (!review) {
        return html`<span class="muted">never</span>`;
    }
    return html`${review.date}${review.stale ? html` ${badge('stale', 'warn')}` : review.stale === false ? raw('') : ''}`;
}

function lintStatus(row: JourneyRow): Markup {
    if (row.errors > 0) {
        return badge(counted(row.errors, 'error'), 'bad');
    }
    if (row.warnings > 0) {
        return badge(counted(row.warnings, 'warning'), 'warn');
    }
    return badge('clean', 'good');
}
