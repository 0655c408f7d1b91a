import type { JourneyMapModel } from '@journey/language';
import { html } from '../html/markup.js';
import { anchor, counted, table } from '../html/parts.js';
import { painsOf, type PlacedPain } from '../site/journey-elements.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { byJourneyThenName, DEFAULT_WEIGHT, journeyOrder, mapLink, PHASES, UNOWNED, workspaceTeams, type PhaseKey } from './report-parts.js';
import type { SiteContext } from '../site/site-context.js';

/**
 * Pains as a heat map: a row per phase of the pain's stage, a column per owning team (the owner of
 * the pain's touchpoint, which is already the journey's when the touchpoint names none; a pain in a
 * stage at no touchpoint: the journey's owner), a cell the number of pains and their total severity
 * (a missing severity counts 3), shaded heat-0..heat-5 by total severity against the largest cell.
 */

export interface HeatPain extends PlacedPain {
    journey: JourneyMapModel;
    phase: PhaseKey;
    /** The owning team's name, or UNOWNED. */
    team: string;
}

export interface HeatCell {
    phase: PhaseKey;
    team: string;
    pains: HeatPain[];
    severity: number;
}

export function heatPains(context: SiteContext): HeatPain[] {
    const { workspace } = context;
    const rows = workspace.journeys.flatMap(journey => painsOf(journey).map((placed): HeatPain => {
        const owner = placed.touchpoint ? placed.touchpoint.owner : journey.owner;
        return { ...placed, journey, phase: placed.stage.phase ?? 'none', team: owner?.name ?? UNOWNED };
    }));
    return rows.sort(byJourneyThenName<HeatPain>(journeyOrder(workspace), row => row.journey, row => row.pain.name));
}

/** The columns: the workspace's teams that own a pain (in declaration order), any other owner met, then "Unowned". */
export function heatTeams(context: SiteContext, pains: readonly HeatPain[]): Array<{ name: string; label: string }> {
    const teams = workspaceTeams(context.workspace).filter(team => pains.some(pain => pain.team === team.name));
    for (const pain of pains) {
        if (pain.team !== UNOWNED && !teams.some(team => team.name === pain.team)) {
            const owner = pain.touchpoint?.owner ?? pain.journey.owner;
            teams.push({ name: pain.team, label: owner?.label ?? pain.team });
        }
    }
    return [...teams, { name: UNOWNED, label: UNOWNED }];
}

function severityOf(pain: HeatPain): number {
    return pain.pain.severity ?? DEFAULT_WEIGHT;
}

export function heatCells(pains: readonly HeatPain[], teams: ReadonlyArray<{ name: string }>): HeatCell[] {
    return PHASES.flatMap(phase => teams.map((team): HeatCell => {
        const here = pains.filter(pain => pain.phase === phase.key && pain.team === team.name);
        return { phase: phase.key, team: team.name, pains: here, severity: here.reduce((sum, pain) => sum + severityOf(pain), 0) };
    }));
}

/** 0 for an empty cell, else 1..5 by total severity against the largest cell's. */
export function heatLevel(severity: number, largest: number): number {
    return severity <= 0 || largest <= 0 ? 0 : Math.max(1, Math.ceil((severity / largest) * 5));
}

export const painsReport: Report = {
    path: 'reports/pains.html',
    title: 'Pains',
    summary: 'Where the pains are: by phase of the journey and by the team owning them.',
    headline: context => {
        const pains = heatPains(context);
        return `${counted(pains.length, 'pain')}, total severity ${pains.reduce((sum, pain) => sum + severityOf(pain), 0)}`;
    },
    body: (context, path) => {
        const pains = heatPains(context);
        if (pains.length === 0) {
            return html`<p class="empty">No pain: a pain is written <code>pain NAME "Label" severity 1..5</code> in a stage or a touchpoint.</p>`;
        }
        const teams = heatTeams(context, pains);
        const cells = heatCells(pains, teams);
        const largest = Math.max(...cells.map(cell => cell.severity));
        const cellOf = (phase: PhaseKey, team: string) => cells.find(cell => cell.phase === phase && cell.team === team)!;
        const idOf = (cell: HeatCell) => `pains-${anchor(cell.phase, cell.team)}`;
        const labelOf = (cell: HeatCell) => `${PHASES.find(p => p.key === cell.phase)!.label} × ${teams.find(t => t.name === cell.team)!.label}`;
        return html`<p>Each cell: the number of pains and their total severity (a pain without a severity counts 3, the middle of 1..5); the darker the cell, the higher its total. A pain's team is the owner of its touchpoint (the journey's owner when the touchpoint names none); a pain in a stage at no touchpoint, the journey's owner. Teams owning no pain are left out.</p>
<div class="table-wrap"><table class="heat-map">
<caption>${counted(pains.length, 'pain')} by phase and owning team</caption>
<thead><tr><th scope="col">Phase</th>${teams.map(team => html`<th scope="col">${team.label}</th>`)}</tr></thead>
<tbody>
${PHASES.map(phase => html`<tr><th scope="row">${phase.label}</th>${teams.map(team => {
    const cell = cellOf(phase.key, team.name);
    return cell.pains.length === 0
        ? html`<td class="heat heat-0" data-count="0"><span class="muted">0</span></td>`
        : html`<td class="heat heat-${heatLevel(cell.severity, largest)}" data-count="${cell.pains.length}" data-severity="${cell.severity}"><a href="#${idOf(cell)}">${counted(cell.pains.length, 'pain')}<br>severity ${cell.severity}</a></td>`;
})}</tr>\n`)}</tbody>
</table></div>
${cells.filter(cell => cell.pains.length > 0).map(cell => html`<section class="heat-cell" aria-labelledby="${idOf(cell)}">
<h2 id="${idOf(cell)}">${labelOf(cell)}</h2>
${table<HeatPain>(`${counted(cell.pains.length, 'pain')}, total severity ${cell.severity}`, [
    { header: 'Pain', cell: row => mapLink(context, path, row.journey, row.pain.range, row.pain.label) },
    { header: 'Journey', cell: row => journeyLink(context, path, row.journey) },
    { header: 'Stage / touchpoint', cell: row => html`${row.stage.label}${row.touchpoint ? html` / ${row.touchpoint.label}` : ''}` },
    { header: 'Severity', cell: row => row.pain.severity ?? html`3 <span class="muted">(none written)</span>`, numeric: true },
], cell.pains, '')}
</section>\n`)}`;
    },
};
