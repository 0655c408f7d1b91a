import type { Card, EmotionLegendEntry, Layout, PersonaMarker, Point, Rect, TextLine, Tone } from './layout/index.js';
import { PERSONA_MARKERS } from './layout/lanes.js';

/**
 * Layout → a standalone SVG document. Real `<text>` elements (searchable, selectable, translatable),
 * every string from the document escaped, a `data-id` on the group of every element that has a
 * source range, colours from CSS custom properties (`--journey-*`) with a light and a dark theme built
 * in. Meaning never rests on colour alone: pains carry "▲ Severity n/5" and a dashed border, KPIs
 * "✓ On target" / "✗ Off target", loops back are dashed. No script, no event handler, no `style`
 * attribute (a CSP without 'unsafe-inline' would drop it), nothing random: the same layout gives the
 * same bytes.
 */

export type Theme = 'light' | 'dark';

export interface SvgOptions {
    theme?: Theme;
    /** Put on the `<style>` element, for pages whose CSP allows styles by nonce (the VS Code webview). */
    nonce?: string;
    /**
     * Colours and font written into the rules instead of CSS custom properties, for renderers that
     * know no `var()` or `:where()` (resvg for PNG, PDFKit for PDF). The SVG then has one theme only,
     * and a host can no longer restyle it.
     */
    fixedStyle?: { fontFamily: string };
}

/** The theme colours. A host (the VS Code webview) overrides them by setting the same properties. */
export const THEMES: Record<Theme, Record<string, string>> = {
    light: {
        background: '#ffffff',
        foreground: '#1f2328',
        muted: '#57606a',
        border: '#d0d7de',
        band: '#f6f8fa',
        'band-alt': '#ffffff',
        surface: '#ffffff',
        'node-border': '#57606a',
        edge: '#57606a',
        'back-edge': '#a1487f',
        accent: '#0969da',
        good: '#0065a1',
        bad: '#b54400',
        warn: '#8a5a00',
        bar: '#0969da',
        'bar-competitor': '#8c959f',
        // The persona curves: Okabe and Ito's colour-blind safe palette (those with 3:1 on white), then
        // grey and indigo; any two stay apart under protanopia, deuteranopia and tritanopia (persona-curves.test.ts).
        'persona-1': '#0072b2',
        'persona-2': '#d55e00',
        'persona-3': '#009e73',
        'persona-4': '#cc79a7',
        'persona-5': '#3d3d3d',
        'persona-6': '#332288',
    },
    dark: {
        background: '#1e1e1e',
        foreground: '#e6edf3',
        muted: '#9da7b3',
        border: '#3d444d',
        band: '#252526',
        'band-alt': '#1e1e1e',
        surface: '#2b2b2b',
        'node-border': '#9da7b3',
        edge: '#9da7b3',
        'back-edge': '#e28fc4',
        accent: '#4493f8',
        good: '#56b4e9',
        bad: '#ff8c4d',
        warn: '#e6b422',
        bar: '#4493f8',
        'bar-competitor': '#6e7681',
        'persona-1': '#56b4e9',
        'persona-2': '#e69f00',
        'persona-3': '#009e73',
        'persona-4': '#cc79a7',
        'persona-5': '#f0e442',
        'persona-6': '#d9d9d9',
    },
};

function themeBlock(theme: Theme): string {
    return Object.entries(THEMES[theme]).map(([name, value]) => `--journey-${name}:${value};`).join('');
}

/** The stylesheet. `:where()` keeps the defaults at zero specificity, so any host rule wins. */
export function journeyStylesheet(): string {
    return [
        `:where(svg.journey){--journey-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;${themeBlock('light')}}`,
        `:where(svg.journey[data-theme="dark"]){${themeBlock('dark')}}`,
        ...styleRules(),
    ].join('\n');
}

/** The stylesheet of one theme with its values written in (SvgOptions.fixedStyle). */
export function fixedJourneyStylesheet(theme: Theme, fontFamily: string): string {
    const values: Record<string, string> = { ...THEMES[theme], font: fontFamily };
    return styleRules()
        .map(rule => rule.replace(/var\(--journey-([a-z0-9-]+)\)/g, (_, name: string) => values[name]))
        .join('\n');
}

function styleRules(): string[] {
    return [
        'svg.journey{font-family:var(--journey-font);color:var(--journey-foreground)}',
        '.journey-background{fill:var(--journey-background)}',
        '.journey text{fill:var(--journey-foreground)}',
        '.journey text.journey-muted{fill:var(--journey-muted)}',
        '.journey text.journey-tone-good{fill:var(--journey-good)}',
        '.journey text.journey-tone-bad{fill:var(--journey-bad)}',
        '.journey text.journey-tone-warn{fill:var(--journey-warn)}',
        '.journey-band{fill:var(--journey-band)}',
        '.journey-band-alt{fill:var(--journey-band-alt)}',
        '.journey-band,.journey-band-alt{stroke:var(--journey-border);stroke-width:1}',
        '.journey-phase rect{fill:var(--journey-accent);fill-opacity:.12;stroke:var(--journey-accent);stroke-opacity:.5}',
        '.journey-rule{stroke:var(--journey-border);stroke-width:1}',
        '.journey-card>rect{fill:var(--journey-surface);stroke:var(--journey-border);stroke-width:1}',
        '.journey-header>rect{fill:none;stroke:none}',
        '.journey-node>rect{fill:var(--journey-surface);stroke:var(--journey-node-border);stroke-width:1.5}',
        '.journey-node.journey-moment>rect{stroke:var(--journey-warn);stroke-width:3}',
        '.journey-tone-good>rect{stroke:var(--journey-good);stroke-width:1.5}',
        '.journey-tone-bad>rect{stroke:var(--journey-bad);stroke-width:1.5;stroke-dasharray:5 3}',
        '.journey-tone-warn>rect{stroke:var(--journey-warn);stroke-width:1.5}',
        '.journey-header.journey-tone-warn>rect{stroke:none}',
        '.journey-edge path{fill:none;stroke:var(--journey-edge);stroke-width:1.5}',
        '.journey-edge-implied path{stroke-opacity:.7}',
        '.journey-edge-back path{stroke:var(--journey-back-edge);stroke-dasharray:6 4}',
        '.journey-edge-label rect{fill:var(--journey-background);fill-opacity:.9;stroke:none}',
        '.journey-arrow{fill:var(--journey-edge)}',
        '.journey-arrow-back{fill:var(--journey-back-edge)}',
        '.journey-zero{stroke:var(--journey-muted);stroke-width:1;stroke-dasharray:4 3}',
        '.journey-axis{stroke:var(--journey-border);stroke-width:1}',
        '.journey-curve{fill:none;stroke:var(--journey-accent);stroke-width:2.5;stroke-linejoin:round}',
        '.journey-emotion circle{fill:var(--journey-surface);stroke:var(--journey-accent);stroke-width:2}',
        '.journey-emotion.journey-tone-good circle{fill:var(--journey-good);stroke:var(--journey-good)}',
        '.journey-emotion.journey-tone-bad circle{fill:var(--journey-bad);stroke:var(--journey-bad)}',
        '.journey-emotion-baseline{fill:none;stroke:var(--journey-muted);stroke-width:1.5;stroke-dasharray:5 3;stroke-opacity:.75;stroke-linejoin:round}',
        '.journey-emotion-baseline-point circle{fill:var(--journey-background);stroke:var(--journey-muted);stroke-width:1.5}',
        '.journey-emotion-legend line{stroke:var(--journey-accent);stroke-width:2.5}',
        '.journey-emotion-legend line.journey-emotion-baseline{stroke:var(--journey-muted);stroke-width:1.5}',
        // Its width is the curve's own (an attribute: the first personas' are wider, under the next).
        '.journey-persona-curve{fill:none;stroke-linejoin:round;stroke-linecap:round}',
        '.journey-persona-dashed{stroke-dasharray:6 3}',
        // Above the tone rules of an emotion's group (`.journey-emotion.journey-tone-bad circle`).
        '.journey .journey-persona-marker{stroke:var(--journey-background);stroke-width:1}',
        // A page's view of one persona (browser/persona-focus.ts): the others' curves faded.
        '.journey-faded{opacity:.15}',
        '.journey-legend-persona{cursor:pointer}',
        ...PERSONA_MARKERS.map((_, index) => `.journey-persona-curve.journey-persona-${index + 1}{stroke:var(--journey-persona-${index + 1})}`),
        ...PERSONA_MARKERS.map((_, index) => `.journey .journey-persona-marker.journey-persona-${index + 1}{fill:var(--journey-persona-${index + 1})}`),
        '.journey-gap-background{fill:none;stroke:var(--journey-border)}',
        '.journey-gap-highlighted>.journey-gap-background{fill:var(--journey-bad);fill-opacity:.07;stroke:var(--journey-bad);stroke-dasharray:5 3}',
        '.journey-gap-severe>.journey-gap-background{stroke-width:2}',
        '.journey-bar{fill:var(--journey-bar-competitor)}',
        '.journey-bar-us{fill:var(--journey-bar)}',
        '.journey-section-title{font-weight:700}',
    ];
}

/** Between the maps of a stack. */
const STACK_GAP = 40;

/**
 * Several maps as one SVG document, each below the one before (the file's journeys in one picture);
 * one map is its own SVG. No XML declaration, as renderSvg.
 */
export function renderSvgStack(layouts: readonly Layout[], options: SvgOptions = {}): string {
    const svgs = layouts.map(layout => renderSvg(layout, options).trimEnd());
    if (svgs.length === 1) {
        return `${svgs[0]}\n`;
    }
    const { width, height } = stackSize(layouts);
    let y = 0;
    const nested = layouts.map((layout, index) => {
        const placed = svgs[index].replace('<svg ', `<svg x="0" y="${num(y)}" `);
        y += layout.height + STACK_GAP;
        return placed;
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">\n${nested.join('\n')}\n</svg>\n`;
}

/** The size of renderSvgStack's picture. */
export function stackSize(layouts: readonly Pick<Layout, 'width' | 'height'>[]): { width: number; height: number } {
    return {
        width: Math.max(...layouts.map(layout => layout.width)),
        height: layouts.reduce((sum, layout) => sum + layout.height, 0) + STACK_GAP * (layouts.length - 1),
    };
}

/** Renders a layout as an SVG document (no XML declaration: it can be inlined in HTML as it is). */
export function renderSvg(layout: Layout, options: SvgOptions = {}): string {
    const theme = options.theme ?? 'light';
    const prefix = `journey-${cssIdent(layout.name)}`;
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="journey" data-theme="${theme}" data-id="${attr(layout.id)}"`
        + ` width="${num(layout.width)}" height="${num(layout.height)}" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}"`
        + ` role="img" aria-labelledby="${prefix}-title" font-family="${attr(options.fixedStyle?.fontFamily ?? 'system-ui, sans-serif')}">`);
    out.push(`<title id="${prefix}-title">${text(`Journey map: ${layout.title}`)}</title>`);
    const stylesheet = options.fixedStyle ? fixedJourneyStylesheet(theme, options.fixedStyle.fontFamily) : journeyStylesheet();
    out.push(`<style${options.nonce ? ` nonce="${attr(options.nonce)}"` : ''}>\n${stylesheet}\n</style>`);
    out.push('<defs>');
    out.push(`<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="journey-arrow" d="M0,1 L9,5 L0,9 z"/></marker>`);
    out.push(`<marker id="${prefix}-arrow-back" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="journey-arrow-back" d="M0,1 L9,5 L0,9 z"/></marker>`);
    out.push('</defs>');
    out.push(`<rect class="journey-background" x="0" y="0" width="${num(layout.width)}" height="${num(layout.height)}"/>`);

    // Stage columns first: everything else is drawn over them.
    out.push('<g class="journey-stages">');
    for (const stage of layout.stages) {
        out.push(`<g class="journey-stage" data-id="${attr(stage.id)}"><title>${text(stage.header.title)}</title>`);
        out.push(rect(stage.band, stage.index % 2 === 0 ? 'journey-band' : 'journey-band-alt'));
        out.push(lines(stage.header.lines));
        out.push('</g>');
    }
    out.push('</g>');

    out.push(cardGroup(layout.header, 'journey-header'));

    if (layout.phases.length > 0) {
        out.push('<g class="journey-phases">');
        for (const phase of layout.phases) {
            out.push(`<g class="journey-phase" data-phase="${attr(phase.phase)}">${rect(phase.box)}${lines(phase.lines)}</g>`);
        }
        out.push('</g>');
    }

    out.push(`<g class="journey-row-titles">${lines(layout.rowTitles)}</g>`);

    out.push('<g class="journey-lanes">');
    for (const lane of layout.lanes) {
        out.push(`<g class="journey-lane journey-lane-${lane.kind}" data-lane="${lane.kind}">`);
        out.push(`<line class="journey-rule" x1="${num(lane.box.x)}" y1="${num(lane.box.y)}" x2="${num(lane.box.x + lane.box.width)}" y2="${num(lane.box.y)}"/>`);
        if (lane.kind === 'emotions' && layout.emotion) {
            out.push(emotionGroup(layout));
        }
        for (const item of lane.items) {
            out.push(cardGroup(item));
        }
        out.push('</g>');
    }
    out.push('</g>');

    out.push('<g class="journey-edges">');
    for (const edge of layout.edges) {
        const classes = ['journey-edge', edge.back ? 'journey-edge-back' : '', edge.implied ? 'journey-edge-implied' : ''].filter(Boolean).join(' ');
        out.push(`<g class="${classes}" data-id="${attr(edge.id)}" data-from="${attr(edge.from)}" data-to="${attr(edge.to)}">`);
        out.push(`<path d="${pathData(edge.points)}" marker-end="url(#${prefix}-arrow${edge.back ? '-back' : ''})"/>`);
        if (edge.label) {
            out.push(`<g class="journey-edge-label">${rect(edge.label.box)}${lines(edge.label.lines)}</g>`);
        }
        out.push('</g>');
    }
    out.push('</g>');

    out.push('<g class="journey-nodes">');
    for (const node of layout.nodes) {
        out.push(cardGroup(node, `journey-node${node.momentOfTruth ? ' journey-moment' : ''}`, 6));
    }
    out.push('</g>');

    if (layout.valueGap) {
        const gap = layout.valueGap;
        out.push(`<g class="journey-value-gap">${lines(gap.titleLines)}`);
        for (const row of gap.rows) {
            const classes = ['journey-gap-row', row.highlighted ? 'journey-gap-highlighted' : '', row.severe ? 'journey-gap-severe' : ''].filter(Boolean).join(' ');
            out.push(`<g class="${classes}" data-id="${attr(row.id)}"><title>${text(row.title)}</title>${rect(row.box, 'journey-gap-background', 4)}`);
            for (const bar of row.bars) {
                out.push(`<rect class="journey-bar${bar.us ? ' journey-bar-us' : ''}" x="${num(bar.box.x)}" y="${num(bar.box.y)}" width="${num(bar.box.width)}" height="${num(bar.box.height)}"/>`);
            }
            out.push(`${lines(row.lines)}</g>`);
        }
        out.push('</g>');
    }
    for (const [list, name] of [[layout.unknowns, 'unknowns'], [layout.plans, 'plans']] as const) {
        if (list) {
            out.push(`<g class="journey-list journey-${name}">${lines(list.titleLines)}`);
            for (const item of list.items) {
                out.push(cardGroup(item));
            }
            out.push('</g>');
        }
    }
    out.push('</svg>');
    return out.join('\n') + '\n';
}

function emotionGroup(layout: Layout): string {
    const emotion = layout.emotion!;
    const { plot } = emotion;
    const out: string[] = [];
    out.push(`<line class="journey-axis" x1="${num(plot.x)}" y1="${num(plot.y)}" x2="${num(plot.x + plot.width)}" y2="${num(plot.y)}"/>`);
    out.push(`<line class="journey-axis" x1="${num(plot.x)}" y1="${num(plot.y + plot.height)}" x2="${num(plot.x + plot.width)}" y2="${num(plot.y + plot.height)}"/>`);
    out.push(`<line class="journey-zero" x1="${num(plot.x)}" y1="${num(emotion.zeroY)}" x2="${num(plot.x + plot.width)}" y2="${num(emotion.zeroY)}"/>`);
    out.push(lines(emotion.ticks));
    if (emotion.legend.length > 0) {
        out.push(legendGroup(emotion.legend));
    }
    if (emotion.baseline) {
        out.push(baselineGroup(emotion.baseline));
    }
    if (emotion.polyline.length > 1) {
        out.push(`<polyline class="journey-curve" points="${points(emotion.polyline)}"/>`);
    }
    // Each persona's markers at a touchpoint go in that touchpoint's group: a click on any reveals its emotion.
    const markersAt = new Map<string, string[]>();
    for (const curve of emotion.personas ?? []) {
        const classes = `journey-persona-curve journey-persona-${curve.slot}${curve.dashed ? ' journey-persona-dashed' : ''}`;
        if (curve.polyline.length > 1) {
            out.push(`<polyline class="${classes}" data-persona="${attr(curve.persona)}" stroke-width="${num(curve.width)}" points="${points(curve.polyline)}"><title>${text(curve.label || curve.persona)}</title></polyline>`);
        }
        for (const point of curve.points) {
            const list = markersAt.get(point.touchpointId) ?? [];
            list.push(personaMarker(curve.marker, curve.slot, point.x, point.y, curve.markerSize, curve.persona));
            markersAt.set(point.touchpointId, list);
        }
    }
    for (const point of emotion.points) {
        const marker = emotion.personas ? (markersAt.get(point.touchpointId) ?? []).join('') : `<circle cx="${num(point.x)}" cy="${num(point.y)}" r="5"/>`;
        out.push(`<g class="journey-emotion${toneClass(point.tone)}" data-id="${attr(point.id)}" data-value="${num(point.value)}">`
            + `<title>${text(point.title)}</title>${marker}${lines(point.lines)}</g>`);
    }
    return out.join('\n');
}

/** A persona curve's marker: its shape, `size` (its circle's radius) from its centre, filled with its colour. */
function personaMarker(shape: PersonaMarker, slot: number, x: number, y: number, size: number, persona?: string): string {
    const at = `class="journey-persona-marker journey-persona-${slot}"${persona !== undefined ? ` data-persona="${attr(persona)}"` : ''}`;
    // The shapes' corners for a circle of radius 1, about as heavy as it.
    const polygon = (corners: Array<[number, number]>) =>
        `<path ${at} d="${corners.map(([dx, dy], i) => `${i === 0 ? 'M' : 'L'}${num(x + dx * size)},${num(y + dy * size)}`).join(' ')} Z"/>`;
    switch (shape) {
        case 'circle': return `<circle ${at} cx="${num(x)}" cy="${num(y)}" r="${num(size)}"/>`;
        case 'square': return `<rect ${at} x="${num(x - size * 0.89)}" y="${num(y - size * 0.89)}" width="${num(size * 1.78)}" height="${num(size * 1.78)}"/>`;
        case 'triangle': return polygon([[0, -1.22], [1.11, 0.78], [-1.11, 0.78]]);
        case 'triangle-down': return polygon([[0, 1.22], [1.11, -0.78], [-1.11, -0.78]]);
        case 'diamond': return polygon([[0, -1.22], [1.11, 0], [0, 1.22], [-1.11, 0]]);
        case 'hexagon': return polygon([[0, -1.11], [0.96, -0.56], [0.96, 0.56], [0, 1.11], [-0.96, 0.56], [-0.96, -0.56]]);
    }
}

/** The radius of a legend sample's marker. */
const LEGEND_MARKER = 4;

/** A sample of each curve's line (and a persona's marker) with what it is. */
function legendGroup(legend: EmotionLegendEntry[]): string {
    return `<g class="journey-emotion-legend">${legend.map(entry => {
        const classes = entry.kind === 'baseline' ? 'journey-emotion-baseline'
            : entry.kind === 'persona' ? `journey-persona-curve journey-persona-${entry.slot}${entry.dashed ? ' journey-persona-dashed' : ''}` : '';
        const sample = `<line${classes ? ` class="${classes}"` : ''} x1="${num(entry.from.x)}" y1="${num(entry.from.y)}" x2="${num(entry.to.x)}" y2="${num(entry.to.y)}"/>`;
        const marker = entry.kind === 'persona' && entry.marker && entry.slot
            ? personaMarker(entry.marker, entry.slot, (entry.from.x + entry.to.x) / 2, entry.from.y, LEGEND_MARKER) : '';
        const persona = entry.kind === 'persona' && entry.persona !== undefined ? ` data-persona="${attr(entry.persona)}"` : '';
        return `<g class="journey-legend-${entry.kind}"${persona}><title>${text(entry.title)}</title>${sample}${marker}${lines([entry.text])}</g>`;
    }).join('')}</g>`;
}

/** The current state's curve: under this journey's, dashed and faint, hollow markers. */
function baselineGroup(baseline: NonNullable<Layout['emotion']>['baseline'] & object): string {
    const out: string[] = ['<g class="journey-emotion-baselines">'];
    if (baseline.polyline.length > 1) {
        out.push(`<polyline class="journey-emotion-baseline" points="${points(baseline.polyline)}"/>`);
    }
    for (const point of baseline.points) {
        const at = point.touchpointId !== undefined ? ` data-touchpoint="${attr(point.touchpointId)}"` : '';
        out.push(`<g class="journey-emotion-baseline-point"${at} data-value="${num(point.value)}">`
            + `<title>${text(point.title)}</title><circle cx="${num(point.x)}" cy="${num(point.y)}" r="3.5"/></g>`);
    }
    out.push('</g>');
    return out.join('\n');
}

function points(list: Point[]): string {
    return list.map(p => `${num(p.x)},${num(p.y)}`).join(' ');
}

function cardGroup(card: Card, extraClass?: string, radius = 4): string {
    const classes = ['journey-card', `journey-${card.kind}`, extraClass ?? '', toneClass(card.tone).trim()].filter(Boolean).join(' ');
    return `<g class="${classes}" data-id="${attr(card.id)}"><title>${text(card.title)}</title>${rect(card.box, undefined, radius)}${lines(card.lines)}</g>`;
}

function toneClass(tone: Tone | undefined): string {
    return tone && tone !== 'neutral' ? ` journey-tone-${tone}` : '';
}

function rect(box: Rect, className?: string, radius?: number): string {
    return `<rect${className ? ` class="${className}"` : ''} x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}"${radius ? ` rx="${radius}"` : ''}/>`;
}

function lines(list: TextLine[]): string {
    return list.map(line => {
        const classes = [line.muted ? 'journey-muted' : '', line.tone && line.tone !== 'neutral' ? `journey-tone-${line.tone}` : ''].filter(Boolean).join(' ');
        return `<text x="${num(line.x)}" y="${num(line.y)}" font-size="${num(line.size)}"`
            + (line.bold ? ' font-weight="700"' : '')
            + (line.italic ? ' font-style="italic"' : '')
            + (line.anchor && line.anchor !== 'start' ? ` text-anchor="${line.anchor}"` : '')
            + (classes ? ` class="${classes}"` : '')
            + `>${text(line.text)}</text>`;
    }).join('');
}

function pathData(points: Point[]): string {
    return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ');
}

/** A number as SVG wants it: at most two decimals, never `-0` or an exponent. */
export function svgNumber(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    return Object.is(rounded, -0) ? '0' : String(rounded);
}

function cssIdent(name: string): string {
    return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any character escapeXml changes, or a surrogate (paired or not): most strings have none. */
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Escapes text for XML and HTML content and attribute values. */
export function escapeXml(value: string): string {
    if (!NEEDS_ESCAPING.test(value)) {
        return value;
    }
    return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, char => ENTITIES[char]);
}

/**
 * Escapes text for an attribute value: as escapeXml, and tab, line feed and carriage return as character
 * references too. An XML parser reads those three as spaces in an attribute value (attribute-value
 * normalization), so an id holding one would not round-trip in the standalone SVG; a reference keeps it.
 */
export function escapeAttribute(value: string): string {
    const escaped = escapeXml(value);
    return /[\t\n\r]/.test(escaped) ? escaped.replace(/[\t\n\r]/g, char => `&#${char.charCodeAt(0)};`) : escaped;
}

const num = svgNumber;
const text = escapeXml;
const attr = escapeAttribute;
