import { createHash } from 'node:crypto';
import { summaryLine, where, withRemovedElements, type Change, type DiffNames, type JourneyDiff, type RemovedKey, type WorkspaceDiff } from '@journey/diff';
import { buildViewModel, escapeAttribute, layoutJourneyMap, renderSvg, type ViewModel } from '@journey/preview';
import { contentSecurityPolicy } from '@journey/site';

/**
 * `journey diff --format html`: one self-contained page (no request: styles and script inline, by
 * nonce; every text from the maps escaped). A summary line, then per journey HEAD's map (BASE's for a
 * removed journey) drawn by the preview's renderer with the elements the changes are about marked
 * (`diff-added`: solid outline, `diff-changed`: dashed outline) and the removed stages, touchpoints,
 * pains and opportunities drawn back where they were (`diff-removed`: faded, dotted, "(removed)");
 * beside it the list of changes, better or worse said in words. A click on a change highlights its
 * element (`journey-highlight`) and scrolls it into view.
 *
 * It lives in the CLI (which depends on the diff, the preview and the site) so that `@journey/diff`
 * stays free of the renderer. Pure but for the layout: the same diff and nonce give the same bytes.
 */
export interface DiffHtmlOptions {
    /** The CSP nonce of the page's style and script (base64): {@link diffNonce} derives it from the content. */
    nonce: string;
}

/** A nonce derived from what the page shows, so that the same input gives the same bytes. */
export function diffNonce(diff: WorkspaceDiff, names: DiffNames): string {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(names));
    hash.update(JSON.stringify(diff, (key, value: unknown) => (key === 'uri' ? undefined : value)));
    return hash.digest('base64url').slice(0, 24);
}

export async function formatDiffHtml(diff: WorkspaceDiff, names: DiffNames, options: DiffHtmlOptions): Promise<string> {
    const { nonce } = options;
    const title = `journey diff ${names.base} → ${names.head}`;
    const sections: string[] = [];
    for (const [index, journey] of diff.journeys.entries()) {
        sections.push(await journeySection(journey, index, names, nonce));
    }
    if (diff.workspace.length > 0) {
        sections.push(`<section class="diff-journey" aria-labelledby="diff-workspace"><h2 id="diff-workspace">Personas and needs</h2>
<ul class="diff-changes">${diff.workspace.map(change => changeItem(change, { mark: undefined })).join('\n')}</ul></section>`);
    }
    const { introduced, fixed } = diff.findings;
    if (introduced.length > 0 || fixed.length > 0) {
        const finding = (badge: string, f: typeof introduced[number]) => `<li><span class="diff-badge diff-badge-${badge}">${badge}</span> <code>${h(`${f.path}:${f.line}`)}</code> ${h(f.severity)} ${h(f.message)} <code>${h(f.ruleId)}</code></li>`;
        sections.push(`<section class="diff-journey" aria-labelledby="diff-findings"><h2 id="diff-findings">Lint findings</h2>
<ul class="diff-findings">${[...introduced.map(f => finding('introduced', f)), ...fixed.map(f => finding('fixed', f))].join('\n')}</ul></section>`);
    }
    for (const [side, files] of [[names.base, diff.broken.base], [names.head, diff.broken.head]] as const) {
        if (files.length > 0) {
            sections.push(`<p class="diff-broken" role="note">On <code>${h(side)}</code>, ${files.map(file => `<code>${h(file)}</code>`).join(', ')} ${files.length === 1 ? 'has' : 'have'} syntax errors: not compared.</p>`);
        }
    }
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ nonce })}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${h(title)}</title>
<style nonce="${h(nonce)}">${STYLESHEET}</style>
</head>
<body>
<main>
<h1>journey diff <code>${h(names.base)}</code> → <code>${h(names.head)}</code></h1>
<p class="diff-summary">${h(summaryLine(diff))}</p>
<p class="diff-legend">On the maps: <span class="diff-badge diff-badge-added">added</span> solid green outline, <span class="diff-badge diff-badge-changed">changed</span> dashed amber outline, <span class="diff-badge diff-badge-removed">removed</span> faded and dotted, where it was. Click a change to find it on the map.</p>
${sections.join('\n')}
<p class="diff-status" role="status" aria-live="polite" id="diff-status"></p>
</main>
<script nonce="${h(nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}

type Mark = 'diff-added' | 'diff-changed' | 'diff-removed';

interface ChangeTarget {
    mark: Mark | undefined;
    /** The drawn element's `data-id` on the map shown. */
    id?: string;
    /** For a removed element: the stage it was in, when the map shown has it. */
    stage?: { id: string; label: string };
}

async function journeySection(journey: JourneyDiff, index: number, names: DiffNames, nonce: string): Promise<string> {
    const removed = journey.status === 'removed';
    const drawn = removed ? undefined : withRemovedElements(journey);
    const model = removed ? journey.base ?? journey.head : drawn?.model;
    const heading = journey.status === 'renamed'
        ? `${h(journey.label)} (<code>${h(journey.previousName ?? '')}</code> → <code>${h(journey.name)}</code>)`
        : `${h(journey.label)} (<code>${h(journey.name)}</code>)`;
    const headingId = `diff-journey-${index}`;
    const statusBadge = `<span class="diff-badge diff-badge-${journey.status}">${journey.status}</span>`;
    if (!model) {
        return `<section class="diff-journey" aria-labelledby="${headingId}"><h2 id="${headingId}">${heading} ${statusBadge}</h2>
<ul class="diff-changes">${journey.changes.map(change => changeItem(change, { mark: undefined })).join('\n')}</ul></section>`;
    }
    const view = buildViewModel(model);
    const baseView = journey.base && !removed ? buildViewModel(journey.base) : undefined;
    const marks = new Map<string, Mark>();
    if (journey.status === 'added' || removed) {
        marks.set(view.header.id, removed ? 'diff-removed' : 'diff-added');
    }
    const putBack = drawn?.removed ?? new Set<RemovedKey>();
    // What a removed touchpoint's lanes show (its action, thoughts) is removed with it.
    const removedTouchpoints = new Set(view.touchpoints.filter(tp => putBack.has(`touchpoint:${tp.name}`)).map(tp => tp.id));
    for (const item of Object.values(view.lanes).flat()) {
        if (item.touchpointId && removedTouchpoints.has(item.touchpointId)) {
            marks.set(item.id, 'diff-removed');
        }
    }
    const items = journey.changes.map(change => {
        const target = targetOf(change, journey, view, baseView, putBack);
        if (target.id && target.mark && !marks.has(target.id)) {
            marks.set(target.id, target.mark);
        }
        return changeItem(change, target);
    });
    const svg = markSvg(renderSvg(await layoutJourneyMap(model), { theme: 'light', nonce }).trimEnd(), marks);
    return `<section class="diff-journey" aria-labelledby="${headingId}">
<h2 id="${headingId}">${heading} ${statusBadge}</h2>
<p class="diff-map-note">${removed ? `The map as it was on <code>${h(names.base)}</code> (removed on <code>${h(names.head)}</code>).` : `The map on <code>${h(names.head)}</code>${putBack.size > 0 ? `, with what <code>${h(names.base)}</code> had drawn faded where it was` : ''}.`}</p>
<div class="diff-layout">
<div class="diff-map" tabindex="0" role="region" aria-label="${h(`Journey map: ${model.label}`)}">${svg}</div>
<ul class="diff-changes" aria-label="${h(`Changes to ${journey.label}`)}">
${items.join('\n')}
</ul>
</div>
</section>`;
}

/** Where the change is on the map shown: its element by kind and name (a removed one drawn back), else the stage it was in. */
function targetOf(change: Change, journey: JourneyDiff, view: ViewModel, baseView: ViewModel | undefined, putBack: ReadonlySet<RemovedKey>): ChangeTarget {
    if (journey.status === 'removed') {
        return { mark: undefined, id: view.header.id };
    }
    if (change.kind === 'removed' && putBack.has(`${change.element}:${change.name}`)) {
        const ghost = findElement(view, change);
        return ghost ? { mark: 'diff-removed', id: ghost.id } : { mark: undefined };
    }
    if (change.kind === 'removed') {
        const was = baseView ? findElement(baseView, change) : undefined;
        const stageName = was?.stageId ? baseView!.stages.find(stage => stage.id === was.stageId)?.name : undefined;
        const stage = stageName !== undefined ? view.stages.find(candidate => candidate.name === stageName) : undefined;
        return { mark: undefined, stage: stage ? { id: stage.id, label: stage.label } : undefined };
    }
    const found = findElement(view, change);
    return found ? { mark: change.kind === 'added' ? 'diff-added' : 'diff-changed', id: found.id } : { mark: undefined };
}

interface Found {
    id: string;
    stageId?: string;
}

/** The drawn element a change is about: matched by its element kind and name in the view model. */
export function findElement(view: ViewModel, change: Pick<Change, 'element' | 'name'>): Found | undefined {
    const { name } = change;
    switch (change.element) {
        case 'journey':
            return view.header;
        case 'stage': {
            const stage = view.stages.find(candidate => candidate.name === name);
            return stage && { id: stage.id, stageId: stage.id };
        }
        case 'touchpoint':
            return view.touchpoints.find(candidate => candidate.name === name);
        case 'pain':
            return view.lanes.pains.find(candidate => candidate.name === name);
        case 'opportunity':
            return view.lanes.opportunities.find(candidate => candidate.name === name);
        case 'kpi': {
            const dot = name.indexOf('.');
            const touchpoint = view.touchpoints.find(candidate => candidate.name === name.slice(0, dot));
            if (!touchpoint) {
                return undefined;
            }
            const kpis = view.lanes.kpis.filter(kpi => kpi.touchpointId === touchpoint.id);
            return kpis.find(kpi => kpi.id === `kpi:${view.name}:${name.slice(0, dot)}:${name.slice(dot + 1)}`) ?? kpis[0];
        }
        case 'plan':
            return view.plans.find(candidate => candidate.name === name);
        case 'value-gap':
            return view.valueGap.rows.find(row => row.need === name);
        case 'unknown':
            return view.unknowns.find(unknown => unknown.text === name);
        default:
            return undefined;
    }
}

function changeItem(change: Change, target: ChangeTarget): string {
    const direction = change.direction === 'better' ? '<span class="diff-badge diff-badge-better">better</span>'
        : change.direction === 'worse' ? '<span class="diff-badge diff-badge-worse">worse</span>' : '';
    const kind = change.kind === 'added' ? '<span class="diff-badge diff-badge-added">added</span>'
        : change.kind === 'removed' ? '<span class="diff-badge diff-badge-removed">removed</span>'
            : target.mark === 'diff-changed' ? '<span class="diff-badge diff-badge-changed">changed</span>' : '';
    const place = where(change);
    const stageNote = target.stage ? ` <span class="diff-where">(was in stage ${h(target.stage.label)})</span>` : '';
    const content = `${kind}${direction} ${h(change.text)}${stageNote}${place ? ` <span class="diff-where">${h(place)}</span>` : ''}`;
    const id = target.id ?? target.stage?.id;
    if (id === undefined) {
        return `<li class="diff-change" data-element="${h(change.element)}" data-kind="${h(change.kind)}">${content}</li>`;
    }
    return `<li class="diff-change" data-element="${h(change.element)}" data-kind="${h(change.kind)}"><button type="button" class="diff-find" data-target="${h(id)}" aria-pressed="false">${content}</button></li>`;
}

/** The marks put on the drawn elements' groups (`class="…" data-id="ID"` as renderSvg writes them). */
function markSvg(svg: string, marks: ReadonlyMap<string, Mark>): string {
    if (marks.size === 0) {
        return svg;
    }
    const byAttribute = new Map([...marks].map(([id, mark]) => [escapeAttribute(id), mark]));
    return svg.replace(/class="([^"]*)" data-id="([^"]*)"/g, (whole, classes: string, id: string) => {
        const mark = byAttribute.get(id);
        return mark ? `class="${classes} ${mark}" data-id="${id}" data-diff="${mark.slice('diff-'.length)}"` : whole;
    });
}

function h(text: string): string {
    return escapeAttribute(text);
}

const STYLESHEET = `
:root{--fg:#1f2328;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--border:#d0d7de;--added:#1a7f37;--changed:#9a6700;--removed:#57606a;--better:#0550ae;--worse:#a40e26;--highlight:#8250df}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{padding:1rem 1.5rem;max-width:120rem;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .3rem}
code{font-family:ui-monospace,monospace;font-size:.9em}
.diff-summary{font-weight:600}
.diff-legend,.diff-map-note,.diff-where{color:var(--muted);font-size:.9em}
.diff-layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,1fr);gap:1rem;align-items:start}
@media (max-width:900px){.diff-layout{grid-template-columns:1fr}}
.diff-map{overflow:auto;max-height:80vh;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
.diff-map svg{display:block}
.diff-changes,.diff-findings{list-style:none;margin:0;padding:0}
.diff-change{margin:0 0 .4rem}
.diff-find{all:unset;display:block;cursor:pointer;padding:.35rem .5rem;border:1px solid var(--border);border-radius:6px;background:var(--panel)}
.diff-find:hover{border-color:var(--fg)}
.diff-find:focus-visible{outline:3px solid var(--highlight);outline-offset:2px}
.diff-find[aria-pressed="true"]{border:2px solid var(--highlight)}
li.diff-change:not(:has(button)){padding:.35rem .5rem;border:1px dashed var(--border);border-radius:6px}
.diff-badge{display:inline-block;font-size:.75em;font-weight:700;text-transform:uppercase;letter-spacing:.03em;padding:0 .4em;margin-right:.3em;border-radius:3px;border:1px solid currentColor}
.diff-badge-added{color:var(--added)}
.diff-badge-changed,.diff-badge-renamed{color:var(--changed);border-style:dashed}
.diff-badge-removed,.diff-badge-fixed{color:var(--removed);border-style:dotted;text-decoration:line-through}
.diff-badge-better{color:var(--better)}
.diff-badge-worse,.diff-badge-introduced{color:var(--worse)}
.diff-map .diff-added>rect,.diff-map .diff-added>circle{stroke:var(--added)!important;stroke-width:4px!important;stroke-dasharray:none!important}
.diff-map .diff-changed>rect,.diff-map .diff-changed>circle{stroke:var(--changed)!important;stroke-width:4px!important;stroke-dasharray:8 4!important}
.diff-map .diff-removed{opacity:.6}
.diff-map .diff-removed>rect,.diff-map .diff-removed>circle{stroke:var(--removed)!important;stroke-width:3px!important;stroke-dasharray:2 3!important}
.diff-map .journey-highlight>rect,.diff-map .journey-highlight>circle,.diff-map .journey-highlight>path{stroke:var(--highlight)!important;stroke-width:6px!important;stroke-dasharray:none!important}
.diff-broken{border-left:4px solid var(--worse);padding-left:.5rem}
`;

/** The page's script: a click on a change marks its element (`journey-highlight`) and scrolls to it. No markup from data. */
const SCRIPT = `
(function () {
  var status = document.getElementById('diff-status');
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('button[data-target]') : null;
    if (!button) { return; }
    var id = button.getAttribute('data-target');
    var section = button.closest('section');
    document.querySelectorAll('.journey-highlight').forEach(function (element) { element.classList.remove('journey-highlight'); });
    document.querySelectorAll('button[aria-pressed="true"]').forEach(function (other) { other.setAttribute('aria-pressed', 'false'); });
    var first = null;
    (section || document).querySelectorAll('.diff-map [data-id]').forEach(function (element) {
      if (element.getAttribute('data-id') === id) {
        element.classList.add('journey-highlight');
        if (!first) { first = element; }
      }
    });
    if (!first) { status.textContent = 'This change has no element on the map.'; return; }
    button.setAttribute('aria-pressed', 'true');
    first.scrollIntoView({ block: 'center', inline: 'center' });
    var title = first.querySelector('title');
    status.textContent = 'Highlighted on the map: ' + (title && title.textContent ? title.textContent.split('\\n')[0] : id);
  });
})();
`;
