/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * What the site's tests in Chromium look for on every page: console errors, page errors, CSP
 * violations (recorded by an init script, as the page's own script could not report them) and any
 * request that is not for a file of the site.
 */
export interface WatchedPage {
    page: Page;
    /** Everything that went wrong so far, as lines to show in a failed expectation. */
    problems(): Promise<string[]>;
}

declare global {
    interface Window {
        __cspViolations?: string[];
    }
}

export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
    const page = await context.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', event => {
            window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
        });
    });
    page.on('console', message => {
        if (message.type() === 'error') {
            problems.push(`console error: ${message.text()}`);
        }
    });
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('request', request => {
        const url = request.url();
        if (!url.startsWith('file:') && !url.startsWith('data:')) {
            problems.push(`request: ${url}`);
        }
    });
    return {
        page,
        async problems() {
            const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
            return [...problems, ...violations.map(violation => `CSP violation: ${violation}`)];
        },
    };
}

/** The HTML files of a built site, relative to its folder (`journeys/renewal.html`). */
export function htmlFiles(site: string): string[] {
    return readdirSync(site, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.html'))
        .map(entry => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
}

export function fileUrl(site: string, page: string, fragment = ''): string {
    return `${pathToFileURL(path.join(site, page)).href}${fragment}`;
}

function decodeEntities(text: string): string {
    return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, entity: string) => {
        switch (entity.toLowerCase()) {
            case 'amp': return '&';
            case 'lt': return '<';
            case 'gt': return '>';
            case 'quot': return '"';
            case 'apos': case '#39': return "'";
            default: return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
        }
    });
}

/** The values of one attribute in a stretch of HTML (as the site writes it: double quotes). */
export function attributeValues(html: string, attribute: string): string[] {
    const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, 'g');
    return [...html.matchAll(pattern)].map(match => decodeEntities(match[1]!));
}

/** The ids and map `data-id`s of a stretch of HTML. */
export function targetsOf(html: string): { ids: Set<string>; dataIds: Set<string> } {
    return { ids: new Set(attributeValues(html, 'id')), dataIds: new Set(attributeValues(html, 'data-id')) };
}

/**
 * Follows every link of a site of many files from index.html: returns the pages reached and each
 * broken link (a missing file, a `#highlight=ID` with no such map element, a `#anchor` with no such id).
 */
export function crawl(site: string): { reached: string[]; broken: string[]; links: number } {
    const root = pathToFileURL(`${site}${path.sep}`);
    const seen = new Set<string>();
    const queue = [new URL('index.html', root).href];
    const broken: string[] = [];
    const pages = new Map<string, { html: string; ids: Set<string>; dataIds: Set<string> } | undefined>();
    let links = 0;
    const pageAt = (url: string) => {
        if (!pages.has(url)) {
            try {
                const html = readFileSync(new URL(url), 'utf8');
                pages.set(url, { html, ...targetsOf(html) });
            } catch {
                pages.set(url, undefined);
            }
        }
        return pages.get(url);
    };
    while (queue.length > 0) {
        const url = queue.shift()!;
        if (seen.has(url)) {
            continue;
        }
        seen.add(url);
        const page = pageAt(url);
        if (!page) {
            continue;
        }
        for (const href of attributeValues(page.html, 'href')) {
            links++;
            const target = new URL(href, url);
            const fragment = decodeURIComponent(target.hash.slice(1));
            target.hash = '';
            const where = `${path.relative(site, new URL(url).pathname)}: ${href}`;
            if (target.protocol !== 'file:') {
                broken.push(`${where} leaves the site`);
                continue;
            }
            const linked = pageAt(target.href);
            if (!linked) {
                broken.push(`${where}: no such file`);
                continue;
            }
            if (/\.html$/.test(target.pathname)) {
                queue.push(target.href);
            }
            if (fragment.startsWith('highlight=')) {
                const id = new URLSearchParams(new URL(href, url).hash.slice(1)).get('highlight') ?? '';
                if (!linked.dataIds.has(id)) {
                    broken.push(`${where}: no map element ${id}`);
                }
            } else if (fragment !== '' && !linked.ids.has(fragment)) {
                broken.push(`${where}: no element #${fragment}`);
            }
        }
    }
    return { reached: [...seen].map(url => path.relative(site, new URL(url).pathname).split(path.sep).join('/')).sort(), broken, links };
}

/** The pages of a single-file site: each `<div class="page" data-page>` and its markup. */
export function singleFilePages(html: string): Map<string, string> {
    const pages = new Map<string, string>();
    const starts = [...html.matchAll(/<div class="page" data-page="([^"]*)"/g)];
    starts.forEach((start, index) => {
        const end = index + 1 < starts.length ? starts[index + 1]!.index : html.length;
        pages.set(decodeEntities(start[1]!), html.slice(start.index, end));
    });
    return pages;
}

/**
 * A large workspace, written as .journey text: `journeys` journeys of `stages` stages of `touchpoints`
 * touchpoints each, with personas, teams, phases, pains and opportunities, every fourth journey the
 * future state of the one before.
 */
export function largeWorkspace(journeys = 40, stages = 8, touchpoints = 6): Record<string, string> {
    const teams = ['sales', 'marketing', 'care', 'product', 'finance', 'logistics'];
    const phases = ['pre-purchase', 'purchase', 'post-purchase'];
    const personas = Array.from({ length: 10 }, (_, n) => `p${n}`);
    const shared = [
        ...teams.map(team => `team ${team} "Team ${team}"`),
        'channel web "Website" online',
        'channel phone "Phone call" offline',
        'metric csat "Customer satisfaction" scale 1 to 5',
        'source survey "Customer survey" survey 2026-09-30 sample 200',
        ...personas.map((persona, n) => `persona ${persona} "Persona ${n} Example" {\n    description "Person number ${n}."\n    need n${n} "Need of persona ${n}" importance 3\n    prefers web\n}`),
    ].join('\n');
    const files: Record<string, string> = { 'shared.journey': `${shared}\n`, 'journey.config.json': '{}\n' };
    for (let j = 0; j < journeys; j++) {
        const first = personas[j % personas.length]!;
        const second = personas[(j + 3) % personas.length]!;
        const lines = [`journey j${j} "Large journey ${j}" {`, `    persona ${first}, ${second}`, `    trigger "Trigger of journey ${j}"`];
        lines.push(j % 4 === 3 ? `    state future of j${j - 1}` : '    state current');
        lines.push(`    owner ${teams[j % teams.length]}`);
        for (let s = 0; s < stages; s++) {
            lines.push(`    stage s${s} "Stage ${s} of journey ${j}" {`, `        phase ${phases[Math.min(phases.length - 1, Math.floor(s * phases.length / stages))]}`);
            for (let t = 0; t < touchpoints; t++) {
                const emotion = ((j + s + t) % 7) - 3;
                lines.push(`        touchpoint t${s}_${t} "Touchpoint ${t} of stage ${s}" { channel ${t % 2 === 0 ? 'web' : 'phone'} owner ${teams[(j + s + t) % teams.length]} emotion ${emotion} serves n${first.slice(1)} }`);
            }
            lines.push(`        pain pain${s} "Pain of stage ${s}" at t${s}_0 severity ${1 + (s % 5)} evidence survey`);
            lines.push(`        opportunity opp${s} "Opportunity of stage ${s}" for pain${s} owner ${teams[s % teams.length]}`);
            lines.push('    }');
        }
        lines.push('}');
        files[`journeys/j${String(j).padStart(2, '0')}.journey`] = `${lines.join('\n')}\n`;
    }
    return files;
}

/** A running `journey serve` (started by `serveSite`): its URL, and `stop()`. */
export interface ServedSite {
    url: string;
    stop(): void;
}

/** Starts the built `journey serve ARGS` on a free port and waits for the line that gives its URL. */
export function serveSite(args: readonly string[], journeyBin: string, cwd: string): Promise<ServedSite> {
    const child: ChildProcess = spawn(process.execPath, [journeyBin, 'serve', '--port', '0', '--no-progress', ...args], {
        cwd, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stop = () => {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGKILL');
        }
    };
    let output = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { stop(); reject(new Error(`journey serve printed no URL in 20 s: ${output}`)); }, 20_000);
        const check = (chunk: string) => {
            output += chunk;
            const match = /at (http:\/\/\S+\/) \(Ctrl-C to stop\)/.exec(output);
            if (match) {
                clearTimeout(timer);
                resolve({ url: match[1]!, stop });
            }
        };
        child.stdout!.setEncoding('utf8').on('data', check);
        child.stderr!.setEncoding('utf8').on('data', check);
        child.on('exit', code => { clearTimeout(timer); reject(new Error(`journey serve exited (${code}): ${output}`)); });
    });
}
