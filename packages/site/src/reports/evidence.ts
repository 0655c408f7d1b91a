import type { JourneyMapModel, SourceModel } from '@journey/language';
import { compareText } from '@journey/language/ordering';
import { html } from '../html/markup.js';
import { badge, counted, signed, table } from '../html/parts.js';
import { painsOf, touchpointsOf } from '../site/journey-elements.js';
import type { SiteContext } from '../site/site-context.js';
import type { Range } from '../site/site-input.js';
import type { Report } from './index.js';
import { journeyLink } from '../site/site-links.js';
import { byJourneyThenName, journeyOrder, mapLink, quantity } from './report-parts.js';

/**
 * The evidence behind the maps: per source, the claims it backs (a touchpoint's emotion through the
 * touchpoint's `evidence`, a KPI through its `source`, a pain through its `evidence`; each claim once
 * per source), the sources backing nothing, then the claims with no evidence at all.
 */

export interface SourceRow {
    source: SourceModel;
    emotions: number;
    kpis: number;
    pains: number;
    claims: number;
}

export type ClaimKind = 'Emotion' | 'Pain' | 'KPI';

export interface UnbackedClaim {
    kind: ClaimKind;
    journey: JourneyMapModel;
    /** What the claim is about: the touchpoint, the pain. */
    name: string;
    label: string;
    /** The claim in words: "−2 Frustrated", "severity 4", "3.1%". */
    claim: string;
    range: Range;
}

export function sourceRows(context: SiteContext): SourceRow[] {
    const { workspace } = context;
    const seen = new Set<string>();
    const rows = new Map<string, SourceRow>();
    for (const source of workspace.sources) {
        if (!seen.has(source.name)) {
            seen.add(source.name);
            rows.set(source.name, { source, emotions: 0, kpis: 0, pains: 0, claims: 0 });
        }
    }
    const credit = (names: Iterable<string>, kind: 'emotions' | 'kpis' | 'pains') => {
        for (const name of new Set(names)) {
            const row = rows.get(name);
            if (row) {
                row[kind]++;
                row.claims++;
            }
        }
    };
    for (const journey of workspace.journeys) {
        for (const { touchpoint } of touchpointsOf(journey)) {
            if (touchpoint.emotion) {
                credit(touchpoint.evidence.map(source => source.name), 'emotions');
            }
            touchpoint.kpis.forEach(kpi => credit(kpi.source ? [kpi.source.name] : [], 'kpis'));
        }
        painsOf(journey).forEach(({ pain }) => credit(pain.evidence.map(source => source.name), 'pains'));
    }
    return [...rows.values()].sort((a, b) => b.claims - a.claims || compareText(a.source.name, b.source.name));
}

export function unbackedClaims(context: SiteContext): UnbackedClaim[] {
    const { workspace } = context;
    const claims: UnbackedClaim[] = [];
    for (const journey of workspace.journeys) {
        for (const { touchpoint } of touchpointsOf(journey)) {
            if (touchpoint.emotion && !touchpoint.supported) {
                const { value, label } = touchpoint.emotion;
                claims.push({ kind: 'Emotion', journey, name: touchpoint.name, label: touchpoint.label, claim: `${signed(value).replace('-', '\u2212')}${label ? ` ${label}` : ''}`, range: touchpoint.range });
            }
            for (const kpi of touchpoint.kpis) {
                if (!kpi.supported) {
                    claims.push({ kind: 'KPI', journey, name: touchpoint.name, label: touchpoint.label, claim: `${kpi.metric.label} ${quantity(kpi.value, kpi.metric.percent)}`, range: kpi.range });
                }
            }
        }
        for (const { pain, touchpoint } of painsOf(journey)) {
            if (pain.evidence.length === 0 && (!touchpoint || touchpoint.evidence.length === 0)) {
                claims.push({ kind: 'Pain', journey, name: pain.name, label: pain.label, claim: pain.severity === undefined ? 'no severity' : `severity ${pain.severity}`, range: pain.range });
            }
        }
    }
    const tie = byJourneyThenName<UnbackedClaim>(journeyOrder(workspace), claim => claim.journey, claim => claim.name);
    const kinds: ClaimKind[] = ['Emotion', 'KPI', 'Pain'];
    return claims.sort((a, b) => tie(a, b) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.range.start.line - b.range.start.line);
}

export const evidenceReport: Report = {
    path: 'reports/evidence.html',
    title: 'Evidence',
    summary: 'Which sources back which claims, which back nothing, and which claims rest on no evidence.',
    headline: context => `${counted(sourceRows(context).length, 'source')}, ${counted(unbackedClaims(context).length, 'claim')} without evidence`,
    body: (context, path) => {
        const sources = sourceRows(context);
        const idle = sources.filter(row => row.claims === 0);
        const claims = unbackedClaims(context);
        return html`<p>A claim is a touchpoint's emotion (backed by the touchpoint's <code>evidence</code>), a KPI (by its <code>source</code>) or a pain (by its <code>evidence</code>); each claim counts once per source.</p>
${table<SourceRow>(counted(sources.length, 'source'), [
    { header: 'Source', cell: row => row.source.label },
    { header: 'Kind', cell: row => row.source.kind },
    { header: 'Date', cell: row => row.source.date ?? html`<span class="muted">no date</span>` },
    { header: 'Sample', cell: row => row.source.sample ?? '', numeric: true },
    { header: 'Emotions', cell: row => row.emotions, numeric: true },
    { header: 'KPIs', cell: row => row.kpis, numeric: true },
    { header: 'Pains', cell: row => row.pains, numeric: true },
    { header: 'Claims backed', cell: row => row.claims === 0 ? badge('Backs nothing', 'warn') : html`<span data-claims>${row.claims}</span>`, numeric: true },
], sources, 'No source: evidence is declared `source NAME "Label" KIND YYYY-MM-DD sample N`.')}
<h2 id="evidence-idle-sources">Sources backing nothing</h2>
${idle.length === 0 ? html`<p class="empty">Every source backs at least one claim.</p>` : html`<ul class="idle-sources">${idle.map(row => html`<li>${row.source.label} <code>${row.source.name}</code></li>`)}</ul>`}
<h2 id="evidence-unbacked">Claims without evidence</h2>
${table<UnbackedClaim>(counted(claims.length, 'claim') + ' without evidence', [
    { header: 'Claim', cell: claim => badge(claim.kind, 'warn') },
    { header: 'Of', cell: claim => mapLink(context, path, claim.journey, claim.range, claim.label) },
    { header: 'Journey', cell: claim => journeyLink(context, path, claim.journey) },
    { header: 'What it says', cell: claim => claim.claim },
], claims, 'Every claim rests on evidence.')}`;
    },
};
