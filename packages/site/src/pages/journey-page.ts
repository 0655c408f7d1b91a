import type { JourneyMapModel } from '@journey/language';
import { renderSvg, type Layout } from '@journey/preview';
import { html, raw } from '../html/markup.js';
import type { SitePage } from '../html/page-shell.js';
import { anchor, counted, position, severityBadge, table } from '../html/parts.js';
import type { SiteContext } from '../site/site-context.js';
import type { SiteFinding } from '../site/site-input.js';
import { personaLinks, reviewed, stateText } from './index-page.js';

/**
 * A journey's page: what it is (personas, state, owner, review), links to its current or future
 * counterparts, the map (drawn by the preview's renderer; the script zooms, pans and fits it, and
 * highlights the element a link names), then its lint findings.
 */
export function journeyPage(context: SiteContext, journey: JourneyMapModel, layout: Layout): SitePage {
    const { paths } = context;
    const path = paths.journey(journey);
    const file = context.fileOf(journey.uri);
    const findings = context.findingsOf(journey);
    const current = journey.state.kind === 'future' ? paths.journeyNamed(journey.state.of) : undefined;
    const futures = context.workspace.journeys.filter(other => other.state.kind === 'future' && other.state.of === journey.name && other !== journey);
    const svg = renderSvg(layout, { theme: 'light', nonce: context.options.nonce }).trimEnd();
    const body = html`<nav class="breadcrumb" aria-label="Breadcrumb"><a href="${paths.href(path, 'index.html')}">Journeys</a> › <span aria-current="page">${journey.label}</span></nav>
<h1>${journey.label}</h1>
${(journey.description ?? []).map(line => html`<p class="lead">${line}</p>`)}
<dl class="facts">
<div><dt>Name</dt><dd><code>${journey.name}</code> in <code>${file?.path ?? journey.uri}</code></dd></div>
<div><dt>Personas</dt><dd>${personaLinks(context, journey, path)}</dd></div>
<div><dt>State</dt><dd>${stateText(journey)}</dd></div>
<div><dt>Owner</dt><dd>${journey.owner?.label ?? html`<span class="muted">none</span>`}</dd></div>
<div><dt>Reviewed</dt><dd>${reviewed(journey)}${journey.reviewed?.everyDays !== undefined ? ` (every ${journey.reviewed.everyDays} days)` : ''}</dd></div>
${journey.trigger ? html`<div><dt>Trigger</dt><dd>${journey.trigger}</dd></div>` : ''}
</dl>
${current ? html`<p class="counterpart">Future state of <a href="${paths.href(path, paths.journey(current))}">${current.label}</a>: its emotion curve is drawn faintly under this one.</p>` : ''}
${futures.length > 0 ? html`<p class="counterpart">Future state: ${futures.map((future, index) => html`${index > 0 ? ', ' : ''}<a href="${paths.href(path, paths.journey(future))}">${future.label}</a>`)}.</p>` : ''}
${file?.syntaxErrors ? html`<div class="overlay-errors" role="alert"><strong>${file.stale ? 'Showing the last map that parsed:' : 'This file has syntax errors: the map shows what could be read.'}</strong> ${file.path} ${file.stale ? 'has syntax errors.' : ''}<ul>${file.findings.filter(f => f.ruleId === 'syntax').map(f => html`<li>${position(f.range)} ${f.message}</li>`)}</ul></div>` : ''}
<section class="map-section" aria-label="Map">
<div class="map-toolbar" role="toolbar" aria-label="Zoom">
<button type="button" data-zoom="out" aria-label="Zoom out">−</button>
<span class="zoom-level" data-zoom-level aria-live="polite">100%</span>
<button type="button" data-zoom="in" aria-label="Zoom in">+</button>
<button type="button" data-zoom="fit">Fit</button>
<button type="button" data-zoom="reset">100%</button>
${layout.emotion?.baseline ? html`<label class="toggle" title="Draw the current state's emotion curve faintly under this one"><input type="checkbox" data-current-state checked> Current state</label>` : ''}
<span class="hint">Drag to pan, Ctrl + wheel to zoom, 0 to fit.</span>
</div>
<div class="map-viewport" tabindex="0" role="region" aria-label="${`Journey map: ${journey.label}`}" data-map-viewport><div class="map-canvas" data-map-canvas>${raw(svg)}</div></div>
</section>
<section aria-labelledby="findings-${anchor(journey.name)}">
<h2 id="findings-${anchor(journey.name)}">Lint findings</h2>
${table<SiteFinding>(counted(findings.length, 'finding'), [
    { header: 'Severity', cell: finding => severityBadge(finding.severity) },
    { header: 'Line', cell: finding => position(finding.range), numeric: true },
    { header: 'Finding', cell: finding => finding.message },
    { header: 'Rule', cell: finding => html`<code>${finding.ruleId}</code>` },
], findings, 'No findings: lint has nothing to say about this journey.')}
</section>`;
    return { path, title: journey.label, section: 'journeys', body };
}
