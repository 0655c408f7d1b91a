import { html } from '../html/markup.js';
import type { SitePage } from '../html/page-shell.js';
import type { SiteContext } from '../site/site-context.js';
import { REPORTS_PAGE } from '../site/site-paths.js';
import { evidenceReport } from './evidence.js';
import { kpisReport } from './kpis.js';
import { opportunitiesReport } from './opportunities.js';
import { ownershipReport } from './ownership.js';
import { painsReport } from './pains.js';
import { plansReport } from './plans.js';
import { unknownsReport } from './unknowns.js';
import { valueGapsReport } from './value-gaps.js';

/** A report across all journeys: its page, and the line the reports page says of it. */
export interface Report {
    /** `reports/NAME.html`. */
    path: string;
    title: string;
    /** One sentence: what the report answers. */
    summary: string;
    /** One headline number for the reports page ("12 opportunities, top score 40"): cheap to work out. */
    headline?: (context: SiteContext) => string;
    body: (context: SiteContext, path: string) => ReturnType<typeof html>;
}

/** The reports, in the order of the reports page (docs/site-reports.md says what each shows). */
export const REPORTS: readonly Report[] = [
    opportunitiesReport,
    painsReport,
    ownershipReport,
    kpisReport,
    plansReport,
    unknownsReport,
    evidenceReport,
    valueGapsReport,
];

/** The reports page (a list of the reports, each with its headline) and a page per report. */
export function reportPages(context: SiteContext): SitePage[] {
    const { paths } = context;
    const overview: SitePage = {
        path: REPORTS_PAGE,
        title: 'Reports',
        section: 'reports',
        body: html`<h1>Reports across all journeys</h1>
<ul class="report-list">${REPORTS.map(report => html`<li><a href="${paths.href(REPORTS_PAGE, report.path)}">${report.title}</a>${report.headline ? html` <span class="report-headline">${report.headline(context)}</span>` : ''}: ${report.summary}</li>`)}</ul>`,
    };
    return [overview, ...REPORTS.map((report): SitePage => ({
        path: report.path,
        title: report.title,
        section: 'reports',
        body: html`<nav class="breadcrumb" aria-label="Breadcrumb"><a href="${paths.href(report.path, REPORTS_PAGE)}">Reports</a> › <span aria-current="page">${report.title}</span></nav>
<h1>${report.title}</h1>
<p class="lead">${report.summary}</p>
${report.body(context, report.path)}`,
    }))];
}
