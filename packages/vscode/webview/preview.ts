// The preview webview's script (bundled to media/preview.js, an IIFE for the browser). It draws the
// journey maps the extension posts with @journey/preview (view model → ELK layout → SVG), and handles
// zoom, pan, click-to-source, cursor highlight and exports. It never sees the document's text, only
// the plain map model; all text in the SVG is escaped by the renderer, and no markup from the model
// is ever turned into script.
import type { JourneyMapModel } from '@journey/language/protocol';
import {
    buildViewModel, currentStateOf, layoutJourney, renderHtml, renderSvg, renderSvgStack, viewElements, type Layout, type Theme, type ViewElement, type ViewModel
} from '@journey/preview';
import { createMiniMap, createPanZoom, focusPersona, type MiniMap } from '@journey/preview/browser';
import { createPreviewElk, mainThreadElk, type PreviewElk } from './elk-worker-client.js';
import type { ExportedLayouts, ExportFormat, ExtensionMessage, Position, PreviewState, PreviewTheme, WebviewMessage } from '../src/webview-messages.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const viewport = document.getElementById('viewport')!;
const canvas = document.getElementById('canvas')!;
const status = document.getElementById('status')!;
const zoomLevel = document.getElementById('zoom-level')!;

/** What is drawn now: one entry per journey of the file. */
interface Drawn {
    layouts: Layout[];
    elements: Map<string, ViewElement>;
}

/**
 * The smallest zoom a preview opens at: 11 px text at 60 % is 6.6 px, about the smallest a reader makes
 * out; a wider map scrolls sideways instead of shrinking further.
 */
const READABLE_ZOOM = 0.6;

const saved = vscode.getState();
const state: PreviewState = {
    uri: document.body.dataset.uri ?? saved?.uri ?? '',
    zoom: saved?.zoom ?? 1,
    scrollX: saved?.scrollX ?? 0,
    scrollY: saved?.scrollY ?? 0,
    views: saved?.views ?? {},
    currentState: saved?.currentState ?? true,
};
/** A file shown for the first time opens fitted to the pane's width (see READABLE_ZOOM); a restored one as it was. */
let fitOnDraw = saved === undefined;
let drawn: Drawn | undefined;
let theme: PreviewTheme = 'auto';
let lastModel: { journeys: JourneyMapModel[]; baselines: JourneyMapModel[]; uri: string; version: number | null } | undefined;
let cursor: Position | undefined;
let renderSeq = 0;
/** ELK, in a worker when one starts (see elk-worker-client.ts); `data-layout` on the body says where. */
let previewElk: Promise<PreviewElk> = createPreviewElk(document.body.dataset.elkWorker).then(ready => {
    document.body.dataset.layout = ready.thread;
    return ready;
});

// ---- Messages ------------------------------------------------------------------------------------------------

window.addEventListener('message', event => {
    // Only the extension host posts to this window; its messages have these shapes.
    const message = event.data as ExtensionMessage;
    switch (message?.type) {
        case 'update':
            void update(message);
            break;
        case 'theme':
            theme = message.theme;
            redraw();
            break;
        case 'cursor':
            cursor = message.position;
            highlight();
            break;
        case 'export':
            void exportMap(message.requestId, message.format);
            break;
        case 'fit':
            panZoom.fit();
            break;
    }
});

async function update(message: Extract<ExtensionMessage, { type: 'update' }>): Promise<void> {
    theme = message.theme;
    if (state.uri !== message.uri) {
        // Each file keeps its own zoom and scroll: going back to one shows it as it was left.
        const views = Object.fromEntries([...Object.entries(state.views ?? {}).filter(([uri]) => uri !== state.uri).slice(-49),
            [state.uri, { zoom: state.zoom, scrollX: state.scrollX, scrollY: state.scrollY }]]);
        const before = views[message.uri];
        state.uri = message.uri;
        state.zoom = before?.zoom ?? 1;
        state.scrollX = before?.scrollX ?? 0;
        state.scrollY = before?.scrollY ?? 0;
        state.views = views;
        fitOnDraw = before === undefined;
        drawn = undefined;
        lastModel = undefined;
        saveState();
    }
    document.body.classList.toggle('stale', message.hasSyntaxErrors);
    status.textContent = message.hasSyntaxErrors
        ? `Out of date: ${message.fileName} has syntax errors${drawn ? '; showing the last map that parsed' : ''}.`
        : '';
    status.title = status.textContent;
    // A file with syntax errors keeps the last good map; without one, what error recovery made is better than nothing.
    if (message.hasSyntaxErrors && drawn) {
        return;
    }
    // Older extension hosts send no baselines.
    lastModel = { journeys: message.journeys, baselines: message.baselines ?? [], uri: message.uri, version: message.version };
    await draw(lastModel);
}

function redraw(): void {
    if (lastModel) {
        void draw(lastModel);
    }
}

async function draw({ journeys, baselines, uri, version }: NonNullable<typeof lastModel>): Promise<void> {
    const seq = ++renderSeq;
    try {
        const redesigned = journeys.map(journey => currentStateOf(journey, baselines));
        if (currentStateToggle) {
            currentStateToggle.hidden = !redesigned.some(Boolean);
        }
        const views = journeys.map((journey, index) => buildViewModel(journey, { baseline: state.currentState ? redesigned[index] : undefined }));
        const layouts = await layoutAll(views);
        if (seq !== renderSeq) {
            return; // a newer map arrived while this one was laid out
        }
        const svgTheme = drawTheme();
        const elements = new Map(views.flatMap(view => viewElements(view)).map(element => [element.id, element]));
        canvas.innerHTML = layouts.length > 0
            ? layouts.map(layout => renderSvg(layout, { theme: svgTheme, nonce })).join('\n')
            : `<p class="empty">${escapeText(`No journey in ${uri.split('/').pop() ?? 'this file'}: the preview draws journeys.`)}</p>`;
        document.body.dataset.theme = theme;
        drawn = { layouts, elements };
        listStages();
        applyTransform();
        // Not while the pane has no size yet (a preview opened in the background): the next draw fits.
        if (fitOnDraw && layouts.length > 0 && viewport.clientWidth > 0) {
            fitOnDraw = false;
            panZoom.fitWidth(READABLE_ZOOM);
        }
        miniMap?.draw(layouts);
        highlight();
        vscode.postMessage({ type: 'rendered', uri, version, elements: canvas.querySelectorAll('[data-id]').length });
    } catch (error) {
        vscode.postMessage({ type: 'error', message: `Could not draw the map: ${error instanceof Error ? error.message : String(error)}` });
    }
}

/** Lays out the views with the preview's ELK; if the worker fails, again on this thread from then on. */
async function layoutAll(views: ViewModel[]): Promise<Layout[]> {
    const { elk, thread } = await previewElk;
    try {
        return await Promise.all(views.map(view => layoutJourney(view, { elk })));
    } catch (error) {
        if (thread !== 'worker') {
            throw error;
        }
        console.warn(`journey preview: the ELK worker failed (${error instanceof Error ? error.message : String(error)}); laying out on the page's thread`);
        previewElk = mainThreadElk();
        document.body.dataset.layout = 'main thread';
        return layoutAll(views);
    }
}

/** The SVG's own theme: the setting's, or in `auto` the kind of the VS Code theme (whose colours then override it). */
function drawTheme(): Theme {
    if (theme === 'light' || theme === 'dark') {
        return theme;
    }
    return document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast')
        && !document.body.classList.contains('vscode-high-contrast-light') ? 'dark' : 'light';
}

// ---- Click to source, cursor to element ----------------------------------------------------------------------

canvas.addEventListener('click', event => {
    if (panZoom.dragged || focusPersona(event.target)) {
        return;
    }
    const target = (event.target as Element).closest('[data-id]');
    const element = target && drawn?.elements.get(target.getAttribute('data-id')!);
    if (element) {
        vscode.postMessage({ type: 'reveal', range: element.selectionRange });
    }
});

function highlight(): void {
    canvas.querySelectorAll('.journey-highlight').forEach(element => element.classList.remove('journey-highlight'));
    if (!cursor || !drawn) {
        return;
    }
    // The innermost drawn element whose source range holds the cursor.
    const candidates = [...drawn.elements.values()]
        .filter(element => contains(element.range, cursor!))
        .sort((a, b) => size(a.range) - size(b.range));
    for (const element of candidates) {
        const nodes = canvas.querySelectorAll(`[data-id="${CSS.escape(element.id)}"]`);
        if (nodes.length > 0 && !(nodes[0] instanceof SVGSVGElement)) {
            nodes.forEach(node => node.classList.add('journey-highlight'));
            return;
        }
    }
}

function contains(range: ViewElement['range'], position: Position): boolean {
    const after = (a: Position, b: Position) => a.line > b.line || a.line === b.line && a.character >= b.character;
    return after(position, range.start) && after(range.end, position);
}

function size(range: ViewElement['range']): number {
    return (range.end.line - range.start.line) * 100_000 + (range.end.character - range.start.character);
}

// ---- Zoom and pan (the preview's shared browser code, as the static site's) -------------------------------------

let miniMap: MiniMap | undefined;
const panZoom = createPanZoom({ viewport, canvas, state, zoomLabel: zoomLevel, onChange: () => { saveState(); miniMap?.sync(); } });
// Optional in the page, as the stage index is.
const miniMapHost = document.getElementById('minimap');
miniMap = miniMapHost ? createMiniMap(miniMapHost, viewport, canvas, panZoom) : undefined;

function applyTransform(): void {
    panZoom.setState(state);
}

function saveState(): void {
    vscode.setState({ ...state });
}

document.getElementById('zoom-in')!.addEventListener('click', () => panZoom.zoomTo(state.zoom * 1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => panZoom.zoomTo(state.zoom / 1.25));
document.getElementById('zoom-fit')!.addEventListener('click', () => panZoom.fit());
document.getElementById('zoom-reset')!.addEventListener('click', () => panZoom.zoomTo(1));
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'exportRequest', format: button.dataset.export as ExportFormat }));
}

// ---- Current state: a future state's map with or without its current state's curve ------------------------

// Optional in the page, as the stage index is (a test page may leave them out).
const currentStateToggle = document.getElementById('current-state-toggle') as HTMLLabelElement | null;
const currentStateBox = document.getElementById('current-state') as HTMLInputElement | null;
if (currentStateBox) {
    currentStateBox.checked = state.currentState !== false;
}
currentStateBox?.addEventListener('change', () => {
    state.currentState = currentStateBox.checked;
    saveState();
    // Drawn again without it (not hidden), so that an export is what is shown. The stages' layouts are cached.
    redraw();
});

// ---- Stage index: on a big map, a stage one choice away ------------------------------------------------------

const stageIndex = document.getElementById('stage-index') as HTMLSelectElement | null;

/** The stages of the maps drawn, in order, as the index's choices (hidden when there are fewer than two). */
function listStages(): void {
    if (!stageIndex) {
        return;
    }
    const stages = [...canvas.querySelectorAll<SVGGElement>('g.journey-stage[data-id]')];
    stageIndex.replaceChildren(stageIndex.options[0], ...stages.map(stage => {
        const option = document.createElement('option');
        option.value = stage.dataset.id!;
        option.textContent = stage.querySelector('title')?.textContent?.split('\n')[0] ?? stage.dataset.id!;
        return option;
    }));
    stageIndex.hidden = stages.length < 2;
}

stageIndex?.addEventListener('change', () => {
    const stage = stageIndex.value ? canvas.querySelector(`g.journey-stage[data-id="${CSS.escape(stageIndex.value)}"]`) : null;
    if (stage) {
        // The stage's band from its top left corner (a band is taller than the pane: its start is what is read first).
        const box = stage.getBoundingClientRect();
        const frame = viewport.getBoundingClientRect();
        panZoom.setState({ zoom: state.zoom, scrollX: state.scrollX + box.left - frame.left - 16, scrollY: state.scrollY + box.top - frame.top - 16 });
    }
    stageIndex.value = '';
});

// ---- Export ----------------------------------------------------------------------------------------------------

async function exportMap(requestId: number, format: ExportFormat): Promise<void> {
    try {
        while (!drawn) {
            await new Promise(resolve => setTimeout(resolve, 50)); // the first map is still being drawn
        }
        const layouts = drawn.layouts;
        if (layouts.length === 0) {
            throw new Error('this file has no journey to export');
        }
        const exportTheme = drawTheme();
        // PNG and PDF: the extension draws the maps as they are laid out here, with the CLI's own code.
        const data = format === 'html' ? exportHtml(layouts, exportTheme)
            : format === 'svg' ? exportSvg(layouts, exportTheme)
            : JSON.stringify({ theme: exportTheme, layouts } satisfies ExportedLayouts);
        vscode.postMessage({ type: 'exported', requestId, format, data });
    } catch (error) {
        vscode.postMessage({ type: 'exportFailed', requestId, message: error instanceof Error ? error.message : String(error) });
    }
}

/** One journey: its standalone SVG. Several: stacked in one SVG. */
function exportSvg(layouts: Layout[], svgTheme: Theme): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${renderSvgStack(layouts, { theme: svgTheme })}`;
}

function exportHtml(layouts: Layout[], svgTheme: Theme): string {
    const page = renderHtml(layouts[0], { theme: svgTheme });
    if (layouts.length === 1) {
        return page;
    }
    // The page's CSP allows the map's stylesheet by its hash, so the other journeys' identical ones pass too.
    const more = layouts.slice(1).map(layout => renderSvg(layout, { theme: svgTheme }).trimEnd()).join('\n');
    return page.replace('</main>', `${more}\n</main>`);
}

function escapeText(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

applyTransform();
vscode.postMessage({ type: 'ready' });
