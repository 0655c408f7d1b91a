import type { JourneyMapModel, OpportunityModel, PlanModel, StageModel, TouchpointModel, WorkspaceModel } from '@journey/language';
import { html } from '../html/markup.js';
import { badge, counted, table } from '../html/parts.js';
import { opportunitiesOf, painsOf, type PlacedPain } from '../site/journey-elements.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { byJourneyThenName, DEFAULT_WEIGHT, journeyOrder, mapLink } from './report-parts.js';

/**
 * Opportunities ranked by score: Σ over the pains an opportunity answers (`for p1, p2`) of
 * severity(pain) × importance(pain), where importance(pain) is the highest `importance` of the needs
 * served (`serves`) at the pain's touchpoint (a stage-level pain without `at`: at any touchpoint of
 * its stage). A missing severity or importance counts 3 (the middle of 1..5); no need served counts 3.
 */

export interface AnsweredPain {
    placed: PlacedPain;
    severity: number;
    severityDefaulted: boolean;
    importance: number;
    importanceDefaulted: boolean;
    points: number;
}

export interface RankedOpportunity {
    journey: JourneyMapModel;
    stage: StageModel;
    touchpoint?: TouchpointModel;
    opportunity: OpportunityModel;
    pains: AnsweredPain[];
    score: number;
    /** The plans addressing the opportunity or one of the pains it answers. */
    plans: PlanModel[];
}

/** The importance of the needs served at the touchpoints: the highest, a need without one counting 3; 3 when none is served. */
function importanceAt(journey: JourneyMapModel, touchpoints: readonly TouchpointModel[]): { value: number; defaulted: boolean } {
    const written = touchpoints.flatMap(touchpoint => touchpoint.serves.map(served =>
        journey.personas.find(persona => persona.name === served.persona)?.needs.find(need => need.name === served.need)?.importance));
    const value = Math.max(...written.map(importance => importance ?? DEFAULT_WEIGHT));
    return written.length === 0 ? { value: DEFAULT_WEIGHT, defaulted: true } : { value, defaulted: !written.includes(value) };
}

export function answeredPain(journey: JourneyMapModel, placed: PlacedPain): AnsweredPain {
    const severity = placed.pain.severity ?? DEFAULT_WEIGHT;
    const importance = importanceAt(journey, placed.touchpoint ? [placed.touchpoint] : placed.stage.touchpoints);
    return {
        placed,
        severity,
        severityDefaulted: placed.pain.severity === undefined,
        importance: importance.value,
        importanceDefaulted: importance.defaulted,
        points: severity * importance.value,
    };
}

export function rankedOpportunities(workspace: WorkspaceModel): RankedOpportunity[] {
    const rows = workspace.journeys.flatMap(journey => {
        const pains = painsOf(journey);
        return opportunitiesOf(journey).map(({ stage, touchpoint, opportunity }): RankedOpportunity => {
            const answered = [...new Set(opportunity.answers)].flatMap(name => {
                const placed = pains.find(p => p.pain.name === name);
                return placed ? [answeredPain(journey, placed)] : [];
            });
            const names = new Set([opportunity.name, ...answered.map(a => a.placed.pain.name)]);
            return {
                journey, stage, touchpoint, opportunity,
                pains: answered,
                score: answered.reduce((sum, a) => sum + a.points, 0),
                plans: journey.plans.filter(plan => plan.addresses.some(name => names.has(name))),
            };
        });
    });
    const tie = byJourneyThenName<RankedOpportunity>(journeyOrder(workspace), row => row.journey, row => row.opportunity.name);
    return rows.sort((a, b) => b.score - a.score || tie(a, b));
}

export const opportunitiesReport: Report = {
    path: 'reports/opportunities.html',
    title: 'Opportunities',
    summary: 'Which opportunities answer the most severe pains on the most important needs.',
    headline: context => {
        const rows = rankedOpportunities(context.workspace);
        return rows.length === 0 ? 'no opportunities' : `${counted(rows.length, 'opportunity', 'opportunities')}, top score ${rows[0].score}`;
    },
    body: (context, path) => {
        const rows = rankedOpportunities(context.workspace);
        return html`<section class="report-method" aria-label="How the score is worked out">
<p><strong>Score</strong> = Σ over the pains the opportunity answers (<code>for p1, p2</code>) of <em>severity</em> × <em>importance</em>.</p>
<ul>
<li><em>severity</em>: the pain's <code>severity</code> (1..5); a pain without one counts <strong>3</strong>, the middle of 1..5.</li>
<li><em>importance</em>: the highest <code>importance</code> (1..5) of the needs served (<code>serves</code>) at the pain's touchpoint; for a pain written in a stage without <code>at</code>, the highest over the stage's touchpoints. A need without an importance, or no need served, counts <strong>3</strong>, the middle of 1..5.</li>
<li>An opportunity answering no pain scores 0 and is listed last. Ties are in journey order, then by name.</li>
</ul>
</section>
${table<RankedOpportunity>(counted(rows.length, 'opportunity', 'opportunities'), [
    { header: 'Rank', cell: row => row.score > 0 ? rows.indexOf(row) + 1 : '—', numeric: true },
    { header: 'Opportunity', cell: row => mapLink(context, path, row.journey, row.opportunity.range, row.opportunity.label) },
    { header: 'Journey', cell: row => journeyLink(context, path, row.journey) },
    { header: 'Stage / touchpoint', cell: row => html`${row.stage.label}${row.touchpoint ? html` / ${row.touchpoint.label}` : ''}` },
    {
        header: 'Pains answered',
        cell: row => row.pains.length === 0 ? badge('answers no pain', 'muted') : html`<ul class="compact">${row.pains.map(a => html`<li>${mapLink(context, path, row.journey, a.placed.pain.range, a.placed.pain.label)} <span class="muted">(severity ${a.severity}${a.severityDefaulted ? ' by default' : ''} × importance ${a.importance}${a.importanceDefaulted ? ' by default' : ''} = ${a.points})</span></li>`)}</ul>`,
    },
    { header: 'Score', cell: row => html`<span data-score>${row.score}</span>`, numeric: true },
    { header: 'Owner', cell: row => row.opportunity.owner?.label ?? badge('Unowned', 'warn') },
    { header: 'Plan', cell: row => row.plans.length === 0 ? badge('No plan', 'warn') : html`${badge('Planned', 'good')} ${row.plans.map((plan, index) => html`${index > 0 ? ', ' : ''}${mapLink(context, path, row.journey, plan.range, plan.label)}`)}` },
], rows, 'No opportunity: an opportunity is written `opportunity NAME "Label" for PAIN` in a stage or a touchpoint.')}`;
    },
};
