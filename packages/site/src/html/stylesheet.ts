/**
 * The site's stylesheet (assets/site.css, or inline in a single-file site). No web font, no image, no
 * external URL: the system's fonts. Colours meet WCAG AA on their backgrounds; meaning never rests
 * on colour alone (badges say their words, heat-map cells their numbers).
 */
import { THEMES } from '@journey/preview';

/** The maps' own dark colours (the renderer's), for a reader whose system is dark. */
const DARK_MAP = Object.entries(THEMES.dark).map(([name, value]) => `--journey-${name}:${value}`).join(';');

export const SITE_STYLESHEET = `:root{--fg:#1f2328;--muted:#57606a;--bg:#ffffff;--panel:#f6f8fa;--border:#d0d7de;--accent:#0550ae;--good:#116329;--bad:#a40e26;--warn:#7d4e00;--info:#0550ae;--highlight:#bf8700;--alert-bg:#fff1f0;
color-scheme:light dark;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.45;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--panel);padding:0 .25em;border-radius:4px}
.skip-link{position:absolute;left:-9999px;top:0;background:var(--bg);padding:.5em}
.skip-link:focus{left:.5em}
.site-header{display:flex;gap:1.5em;align-items:center;padding:.75em 1.5em;border-bottom:1px solid var(--border);background:var(--panel);flex-wrap:wrap}
.site-title{font-weight:700;color:var(--fg);text-decoration:none;font-size:1.1em}
.site-header nav{display:flex;gap:1em}
.site-header nav a{text-decoration:none;padding:.25em .5em;border-radius:6px}
.site-header nav a[aria-current="page"]{background:var(--bg);border:1px solid var(--border);font-weight:600}
main{padding:1em 1.5em 2em;max-width:110em}
main:focus{outline:none}
.site-footer{padding:1em 1.5em;color:var(--muted);border-top:1px solid var(--border);font-size:.875em}
h1{font-size:1.6em;margin:.4em 0}
h2{font-size:1.25em;margin:1.5em 0 .5em}
.lead{color:var(--muted);margin-top:0}
.muted{color:var(--muted)}
.breadcrumb{font-size:.9em;color:var(--muted)}
.filters{display:flex;gap:1em;flex-wrap:wrap;align-items:flex-end;margin:1em 0}
.field{display:flex;flex-direction:column;gap:.25em;font-size:.9em}
.field input,.field select{font:inherit;padding:.35em .5em;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--fg);min-width:12em;max-width:18em}
.match-count{color:var(--muted);font-size:.9em;min-height:1.2em}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.95em}
caption{text-align:left;font-weight:600;padding:.25em 0;color:var(--muted)}
th,td{border-bottom:1px solid var(--border);padding:.4em .6em;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr[hidden]{display:none}
.empty{color:var(--muted);font-style:italic}
.badge{display:inline-block;padding:0 .45em;border-radius:999px;font-size:.8em;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.badge-good{color:var(--good)}.badge-bad{color:var(--bad)}.badge-warn{color:var(--warn)}.badge-info{color:var(--info)}.badge-muted{color:var(--muted)}
.facts{display:flex;flex-wrap:wrap;gap:.5em 2em;margin:.5em 0 1em}
.facts div{display:flex;gap:.5em}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.counterpart{background:var(--panel);border-left:4px solid var(--accent);padding:.5em .75em}
.overlay-errors{position:sticky;top:0;z-index:2;background:var(--alert-bg);border:2px solid var(--bad);color:var(--fg);padding:.75em 1em;border-radius:6px;margin:.5em 0}
.overlay-errors ul{margin:.25em 0 0}
.map-section{border:1px solid var(--border);border-radius:8px;margin:1em 0;background:var(--bg)}
.map-toolbar{display:flex;gap:.5em;align-items:center;padding:.5em;border-bottom:1px solid var(--border);background:var(--panel);border-radius:8px 8px 0 0;flex-wrap:wrap}
.map-toolbar button{font:inherit;min-width:2.2em;padding:.2em .6em;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--fg);cursor:pointer}
.map-toolbar .zoom-level{min-width:3.5em;text-align:center;font-variant-numeric:tabular-nums}
.map-toolbar .hint{color:var(--muted);font-size:.85em;margin-left:auto}
.map-toolbar .toggle{display:inline-flex;gap:.3em;align-items:center;white-space:nowrap}
.map-section:has(input[data-current-state]:not(:checked)) :is(.journey-emotion-baselines,.journey-legend-baseline){display:none}
.map-viewport{position:relative;overflow:hidden;height:70vh;min-height:20em;cursor:grab;touch-action:none}
.map-viewport.panning{cursor:grabbing}
.map-canvas{transform-origin:0 0;position:absolute;left:0;top:0}
.map-canvas>svg{display:block;max-width:none}
.map-canvas .journey-highlight>rect,.map-canvas .journey-highlight>circle,.map-canvas .journey-highlight>path{stroke:var(--highlight)!important;stroke-width:4px!important}
.report-list li{margin:.4em 0}
.heat{text-align:center;font-variant-numeric:tabular-nums}
.heat-0{background:#ffffff}.heat-1{background:#fff4e5}.heat-2{background:#ffe2bf}.heat-3{background:#ffc98a}.heat-4{background:#ffab57}.heat-5{background:#f08c2e}
.timeline{list-style:none;padding:0;border-left:3px solid var(--border);margin-left:.5em}
.timeline li{padding:.25em 0 .25em 1em;position:relative}
.spark{display:block}
.spark .line{fill:none;stroke:var(--accent);stroke-width:2}
.spark .zero{stroke:var(--border);stroke-dasharray:3 3}
.spark circle{fill:var(--accent)}
.page[hidden]{display:none}
@media print{.site-header nav,.map-toolbar,.filters,.skip-link{display:none}.map-viewport{height:auto;overflow:visible}.map-canvas{position:static;transform:none!important}}
.report-headline{font-weight:600;font-variant-numeric:tabular-nums}
.report-method{background:var(--panel);border-left:4px solid var(--accent);padding:.25em .75em;margin:.5em 0 1em}
ul.compact{margin:0;padding-left:1.1em}
.heat-map td.heat a{color:var(--fg);font-weight:600}
.plan-timeline li.overdue{border-left:4px solid var(--bad);margin-left:-3.5px}
.plan-head{margin:.25em 0}
.persona-profile{display:grid;grid-template-columns:repeat(auto-fit,minmax(16em,1fr));gap:0 2em}
.persona-profile h2{font-size:1.05em;margin:1em 0 .25em}
.persona-profile ul{margin:.25em 0;padding-left:1.25em}
.served-by{margin:0;padding-left:1.1em}
.served-by li{margin:.1em 0}
tr.unserved td:first-child{border-left:4px solid var(--warn)}
.unserved-needs{border-left:4px solid var(--warn);background:var(--panel);padding:.5em .75em}
.persona-journey{border-top:1px solid var(--border);margin-top:1em}
.persona-journey h3{font-size:1.1em;margin:.75em 0 .25em}
.emotion-curve{display:flex;flex-wrap:wrap;gap:1em 2em;align-items:flex-start}
.emotion-spark{max-width:100%;overflow-x:auto}
.spark-summary{font-size:.85em;margin:.25em 0 0;max-width:28em}
.emotion-values{width:auto;min-width:18em}
.spark circle.emotion-negative{fill:var(--bad)}
.spark circle.emotion-neutral{fill:var(--muted)}
.spark circle.emotion-positive{fill:var(--good)}
@media print{.emotion-curve{display:block}.persona-journey{break-inside:avoid}}
.glance{display:flex;flex-wrap:wrap;gap:.75em;margin:1em 0}
.glance-card{border:1px solid var(--border);border-radius:8px;padding:.5em 1em;min-width:9em;background:var(--panel)}
.glance-card dt{font-size:.85em}
.glance-card dd{margin:0}
.glance-value{font-size:1.6em;font-weight:700;font-variant-numeric:tabular-nums}
.glance-note{color:var(--bad);font-weight:600;font-size:.9em}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.map-canvas .journey-highlight>rect,.map-canvas .journey-highlight>circle,.map-canvas .journey-highlight>path,.map-canvas .journey-highlight>polygon{stroke:var(--highlight)!important;stroke-width:4px!important}
@media (prefers-color-scheme:dark){
:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--panel:#161b22;--border:#3d444d;--accent:#58a6ff;--good:#3fb950;--bad:#ff7b72;--warn:#d29922;--info:#58a6ff;--highlight:#e3b341;--alert-bg:#2d1214}
svg.journey{${DARK_MAP}}
.heat-0{background:var(--bg)}.heat-1{background:#2b1d0e}.heat-2{background:#40280c}.heat-3{background:#573308}.heat-4{background:#6e3e04}.heat-5{background:#854a00}
}
`;
