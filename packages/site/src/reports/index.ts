import { html } from '../html/markup.js';
import type { SitePage } from '../html/page-shell.js';
import type { SiteContext } from '../site/site-context.js';
import { REPORTS_PAGE } from '../site/site-paths.js';

/** A report across all journeys: its page, and the line the reports page says of it. */
export interface Report {
    /** `reports/NAME.html`. */
    path: string;
    title: string;
    /** One sentence: what the report answers. */
    summary: string;
    body: (context: SiteContext, path: string) => ReturnType<typeof html>;
}

export const REPORTS: readonly Report[] = [];

/** The reports page (a list of the reports) and a page per report. */
export function reportPages(context: SiteContext): SitePage[] {
    const { paths } = context;
    const overview: SitePage = {
        path: REPORTS_PAGE,
        title: 'Reports',
        section: 'reports',
        body: html`<h1>Reports across all journeys</h1>
<ul class="report-list">${REPORTS.map(report => html`<li><a href="${paths.href(REPORTS_PAGE, report.path)}">${report.title}</a>: ${report.summary}</li>`)}</ul>`,
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
