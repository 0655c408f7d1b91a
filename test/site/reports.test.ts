// The reports across journeys (packages/site/src/reports): a small workspace whose scores, counts and
// orders are worked out by hand below, built through the language's own services into the workspace
// model, then into the site; the report pages are read back as HTML.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkspaceModel, createJourneyServices, type CalendarDate, type Model, type WorkspaceModel } from '@journey/language';
import { buildSite, type SiteFiles } from '@journey/site';
import { Window, type Element } from 'happy-dom';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';

const TODAY: CalendarDate = { year: 2026, month: 11, day: 23 };
const SCRIPT = '<script>alert(1)</script>';

const FILES: Record<string, string> = {
    'shared.journey': `
team sales "Sales"
team care "Care"
team idle "Idle team"
channel web "Website" online
metric csat "Satisfaction" scale 1 to 5
metric conv "Conversion" percent
competitor acme "Acme"
competitor zeta "Zeta"
source survey "Survey ${SCRIPT}" survey 2026-09-30 sample 120
source tickets "Tickets" support 2026-10-01
source unused "Unused interviews" interview
persona pat "Pat" {
    need price "Know the price" importance 5
    need speed "Be quick"
    need help "Get help" importance 2
}
`,
    'shop.journey': `
journey shop "Shop ${SCRIPT}" {
    persona pat
    owner care
    stage browse "Browse" {
        phase pre-purchase
        touchpoint page "Pricing page" {
            channel web
            owner sales
            emotion -2 "Confused"
            serves price
            evidence survey
            moment of truth
            kpi conv 3% target 5% source tickets
        }
        touchpoint chat "Chat" {
            channel web
            emotion 1
            serves speed
            kpi csat 4.5 target 4
        }
        pain p_price "Price unclear" at page severity 4 evidence tickets
        pain p_stage "Stage-wide confusion"
        opportunity o_calc "Calculator" for p_price, p_stage owner sales
        opportunity o_tie "Tie in shop" for p_stage
        opportunity o_none "Nothing answered" owner care
    }
    stage buy "Buy" {
        phase purchase
        touchpoint checkout "Checkout" {
            channel web
            serves help
            emotion -1
            pain p_checkout "Checkout fails" severity 2
            opportunity o_fix "Fix checkout" for p_checkout
        }
    }
    unknown "Why do they leave?"
    valuegap {
        price us 2 acme 4 zeta 3
        speed us 1 acme 3
        help us 1 zeta 5
    }
    plan late "Late plan" {
        addresses o_calc
        due 2026-01-01
        status open
    }
    plan later "Later plan" {
        addresses p_checkout
        due 2027-05-01
        status doing
    }
    plan undated "Undated plan" {
        addresses p_stage
        status done
    }
}
`,
    'help.journey': `
journey help "Help" {
    persona pat
    stage ask "Ask" {
        touchpoint desk "Desk" {
            channel web
            serves price
            pain p_wait "Long wait"
            opportunity o_wait "Faster desk" for p_wait
        }
    }
    unknown "Do they call again?"
}
`,
};

async function workspaceOf(files: Record<string, string>, strict = true): Promise<WorkspaceModel> {
    const { shared } = createJourneyServices({ ...EmptyFileSystem });
    const documents: Array<LangiumDocument<Model>> = [];
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    for (const document of documents.filter(() => strict)) {
        expect(document.parseResult.parserErrors, document.uri.toString()).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message), document.uri.toString()).toEqual([]);
    }
    return buildWorkspaceModel(documents.map(document => document.parseResult.value), TODAY);
}

interface BuiltSite {
    files: SiteFiles;
    workspace: WorkspaceModel;
}

async function siteOf(files: Record<string, string>, strict = true, singleFile = false): Promise<BuiltSite> {
    const workspace = await workspaceOf(files, strict);
    return { workspace, files: await buildSite({
        workspace,
        files: Object.keys(files).map(name => ({ uri: `file:///ws/${name}`, path: name, findings: [], syntaxErrors: false })),
        today: '2026-11-23',
        version: '0.0.0-test',
    }, { nonce: 'test', singleFile }, { script: '' }) };
}

/** Every `#highlight=` link of the report pages: [report, href, whether the journey page draws that data-id]. */
function highlightLinks(files: SiteFiles): Array<[string, string, boolean]> {
    const links: Array<[string, string, boolean]> = [];
    for (const [file, text] of files) {
        if (!file.startsWith('reports/')) {
            continue;
        }
        for (const [, href] of text.matchAll(/href="([^"]*#highlight=[^"]*)"/g)) {
            const [target, fragment] = href.split('#');
            const drawn = target.startsWith('../journeys/') ? files.get(target.slice(3)) : undefined;
            const id = decodeURIComponent(fragment.slice('highlight='.length));
            links.push([file, href, drawn !== undefined && drawn.includes(`data-id="${id}"`)]);
        }
    }
    return links;
}

/** Links to a journey page without a highlight whose text is not a journey's title: a map element whose drawing was not found. */
function unhighlighted(files: SiteFiles, workspace: WorkspaceModel): string[] {
    const titles = new Set(workspace.journeys.map(journey => journey.label));
    const found: string[] = [];
    for (const [file, text] of files) {
        if (file.startsWith('reports/')) {
            const window = new Window();
            window.document.body.innerHTML = /<main[^>]*>([\s\S]*)<\/main>/.exec(text)![1];
            for (const link of Array.from(window.document.querySelectorAll('a[href^="../journeys/"]'))) {
                if (!link.getAttribute('href')!.includes('#highlight=') && !titles.has(link.textContent ?? '')) {
                    found.push(`${file}: ${link.textContent}`);
                }
            }
        }
    }
    return found;
}

function journeyFiles(folder: string): string[] {
    return readdirSync(folder).sort().flatMap(entry => {
        const full = path.join(folder, entry);
        return statSync(full).isDirectory() ? journeyFiles(full) : entry.endsWith('.journey') ? [full] : [];
    });
}

let built: BuiltSite;
let site: SiteFiles;

beforeAll(async () => {
    built = await siteOf(FILES);
    site = built.files;
});

/** The `<main>` of a page, as a DOM. */
function page(path: string) {
    const text = site.get(path);
    expect(text, path).toBeDefined();
    const window = new Window();
    window.document.body.innerHTML = /<main[^>]*>([\s\S]*)<\/main>/.exec(text!)![1];
    return window.document;
}

function rowsOf(path: string, caption?: RegExp) {
    const tables = Array.from(page(path).querySelectorAll('table')).filter(t => !caption || caption.test(t.querySelector('caption')?.textContent ?? ''));
    expect(tables.length, `${path} ${caption}`).toBeGreaterThan(0);
    return Array.from(tables[0].querySelectorAll('tbody tr'));
}

const cells = (row: Element) => Array.from(row.querySelectorAll('td'), cell => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('reports', () => {
    it('lists the eight reports in order, each with a headline', () => {
        const items = Array.from(page('reports/index.html').querySelectorAll('.report-list li'));
        expect(items.map(item => item.querySelector('a')!.getAttribute('href'))).toEqual([
            'opportunities.html', 'pains.html', 'ownership.html', 'kpis.html', 'plans.html', 'unknowns.html', 'evidence.html', 'value-gaps.html',
        ]);
        expect(items[0].querySelector('.report-headline')!.textContent).toBe('5 opportunities, top score 35');
        expect(items[4].querySelector('.report-headline')!.textContent).toBe('3 plans, 1 overdue');
        for (const item of items) {
            expect(item.querySelector('.report-headline')).not.toBeNull();
        }
    });

    it('ranks opportunities by severity × importance, defaults 3, ties by journey order, no pain last', () => {
        // o_calc: p_price 4 × 5 (serves price at page) + p_stage 3 (none) × 5 (highest of page's price 5, chat's speed 3 by default) = 35
        // o_tie: p_stage 15; o_wait (help, later journey): p_wait 3 × 5 = 15; o_fix: 2 × 2 = 4; o_none: 0.
        const rows = rowsOf('reports/opportunities.html').map(cells);
        expect(rows.map(row => [row[0], row[1], row[5]])).toEqual([
            ['1', 'Calculator', '35'],
            ['2', 'Tie in shop', '15'],
            ['3', 'Faster desk', '15'],
            ['4', 'Fix checkout', '4'],
            ['—', 'Nothing answered', '0'],
        ]);
        expect(rows[0][4]).toContain('severity 3 by default × importance 5 = 15');
        expect(rows[4][4]).toBe('answers no pain');
        expect(rows[0][7]).toContain('Planned');
        expect(rows[0][7]).toContain('Late plan');
        expect(rows[1][7]).toContain('Undated plan'); // addresses p_stage, which o_tie answers
        expect(rows[2][7]).toBe('No plan');
        expect(rows[0][6]).toBe('Sales');
        const text = page('reports/opportunities.html').body.textContent!;
        expect(text).toContain('counts 3');
    });

    it('counts pains per phase and team in the heat map', () => {
        const document = page('reports/pains.html');
        const table = document.querySelector('table.heat-map')!;
        const headers = Array.from(table.querySelectorAll('thead th'), th => th.textContent);
        expect(headers).toEqual(['Phase', 'Sales', 'Care', 'Unowned']);
        expect(Array.from(table.querySelectorAll('thead th')).every(th => th.getAttribute('scope') === 'col')).toBe(true);
        const grid = Object.fromEntries(Array.from(table.querySelectorAll('tbody tr'), row => [
            row.querySelector('th[scope=row]')!.textContent,
            Array.from(row.querySelectorAll('td'), td => `${td.getAttribute('data-count')}/${td.getAttribute('data-severity') ?? 0}`),
        ]));
        // p_price at page (Sales, 4); p_stage: stage-level, no `at` → the journey's owner Care (3 by default);
        // p_checkout at checkout (journey owner Care, 2); p_wait: no phase, no owner (3 by default).
        expect(grid).toEqual({
            'Pre-purchase': ['1/4', '1/3', '0/0'],
            'Purchase': ['0/0', '1/2', '0/0'],
            'Post-purchase': ['0/0', '0/0', '0/0'],
            'No phase': ['0/0', '0/0', '1/3'],
        });
        const link = table.querySelector('tbody tr td a')!.getAttribute('href')!;
        expect(link.startsWith('#')).toBe(true);
        const section = document.getElementById(link.slice(1))!.parentElement!;
        expect(section.textContent).toContain('Price unclear');
        expect(table.querySelector('td.heat-5')).not.toBeNull();
    });

    it('counts ownership per team and lists unowned touchpoints', () => {
        // An opportunity's owner is effective too: o_tie, o_none and o_fix are the journey's (Care); o_wait has none.
        const rows = Object.fromEntries(rowsOf('reports/ownership.html', /team/).map(cells).map(row => [row[0], row.slice(1)]));
        expect(rows).toEqual({
            'Sales': ['1', '1', '1', '0'],
            'Care': ['2', '0', '3', '1'],
            'Idle team': ['0', '0', '0', '0'],
            'Unowned': ['1', '0', '1', '1'],
        });
        expect(rowsOf('reports/ownership.html', /unowned touchpoint/).map(row => cells(row)[0])).toEqual(['Desk']);
    });

    it('puts off-target KPIs first, with the source and its date', () => {
        const rows = rowsOf('reports/kpis.html').map(cells);
        // Typed values: no n.
        expect(rows[0]).toEqual([`Shop ${SCRIPT}`, 'Pricing page', 'Conversion', '3%', '', '5%', 'Off target', 'Tickets', '2026-10-01']);
        expect(rows[1].slice(1, 7)).toEqual(['Chat', 'Satisfaction', '4.5', '', '4', 'On target']);
        expect(rows[1][7]).toBe('No source');
    });

    it('lays plans out by due date, marks the overdue one and counts them', () => {
        const document = page('reports/plans.html');
        expect(document.querySelector('[data-summary]')!.textContent).toContain('3 plans: 1 open, 1 doing, 1 done; 1 overdue');
        const items = Array.from(document.querySelectorAll('.plan-timeline > li'));
        expect(items.map(item => item.querySelector('.plan-due')!.textContent)).toEqual(['2026-01-01', '2027-05-01', 'No due date']);
        expect(items[0].textContent).toContain('Overdue');
        expect(items[0].classList.contains('overdue')).toBe(true);
        expect(items[1].textContent).not.toContain('Overdue');
        expect(items[0].textContent).toContain('Calculator');
    });

    it('lists every unknown by journey', () => {
        expect(rowsOf('reports/unknowns.html').map(cells).map(row => row[1])).toEqual(['Why do they leave?', 'Do they call again?']);
    });

    it('counts the claims each source backs and lists the claims without evidence', () => {
        const rows = Object.fromEntries(rowsOf('reports/evidence.html', /source/).map(cells).map(row => [row[0], row.slice(1)]));
        // survey: the emotion of page; tickets: the KPI of page and the pain p_price.
        expect(rows['Tickets']).toEqual(['support', '2026-10-01', '', '0', '1', '1', '2']);
        expect(rows[`Survey ${SCRIPT}`]).toEqual(['survey', '2026-09-30', '120', '1', '0', '0', '1']);
        expect(rows['Unused interviews'][6]).toBe('Backs nothing');
        expect(page('reports/evidence.html').querySelector('.idle-sources')!.textContent).toContain('Unused interviews');
        const claims = rowsOf('reports/evidence.html', /without evidence/).map(cells).map(row => `${row[0]} ${row[1]}`);
        expect(claims).toEqual(['Emotion Chat', 'KPI Chat', 'Emotion Checkout', 'Pain Checkout fails', 'Pain Stage-wide confusion', 'Pain Long wait']);
    });

    it('orders value gaps by weighted gap and flags the important ones', () => {
        const rows = rowsOf('reports/value-gaps.html').map(cells);
        // price: (4 − 2) × 5 = 10, flagged; help: (5 − 1) × 2 = 8, importance 2 so not flagged; speed: (3 − 1) × 3 by default = 6.
        expect(rows.map(row => [row[2], row[7], row[8], row[9]])).toEqual([
            ['Know the price', '2', '10', 'Gap'],
            ['Get help', '4', '8', ''],
            ['Be quick', '2', '6', ''],
        ]);
        expect(rows[0][5]).toBe('Acme');
    });

    it('links every row to an element drawn on an existing journey page', () => {
        const links = highlightLinks(site);
        expect(links.filter(([, , drawn]) => !drawn)).toEqual([]);
        expect(unhighlighted(site, built.workspace)).toEqual([]);
        const checked = links.length;
        expect(checked).toBeGreaterThan(30);
        // Rows about map elements have a highlight; none is left without.
        for (const path of ['reports/opportunities.html', 'reports/kpis.html', 'reports/unknowns.html', 'reports/value-gaps.html']) {
            for (const row of rowsOf(path)) {
                expect(Array.from(row.querySelectorAll('a')).some(a => a.getAttribute('href')!.includes('#highlight=')), `${path}: ${row.textContent}`).toBe(true);
            }
        }
    });

    it('escapes labels', () => {
        for (const [path, text] of site) {
            if (path.startsWith('reports/')) {
                expect(text, path).not.toContain(SCRIPT);
            }
        }
        expect(site.get('reports/kpis.html')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(site.get('reports/evidence.html')).toContain('Survey &lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('builds from the examples with every map link resolving', async () => {
        const folder = fileURLToPath(new URL('../../examples/brightspoke-cx', import.meta.url));
        const files = Object.fromEntries(journeyFiles(folder).map(file => [path.relative(folder, file).split(path.sep).join('/'), readFileSync(file, 'utf8')]));
        const examples = await siteOf(files, false);
        const links = highlightLinks(examples.files);
        expect(links.length).toBeGreaterThan(100);
        expect(links.filter(([, , drawn]) => !drawn)).toEqual([]);
        expect(unhighlighted(examples.files, examples.workspace)).toEqual([]);
        expect(examples.files.get('reports/opportunities.html')).toMatch(/<td class="num"><span data-score>\d+<\/span><\/td>/);
    });

    it('links to the map inside a single-file site too', async () => {
        const single = await siteOf(FILES, true, true);
        const text = single.files.get('index.html')!;
        const reports = text.slice(text.indexOf('data-page="reports/opportunities.html"'));
        const links = [...reports.matchAll(/href="#page=journeys%2F([a-z_-]+)\.html&amp;highlight=([^"]+)"/g)];
        expect(links.length).toBeGreaterThan(30);
        for (const [, journey, id] of links) {
            const start = text.indexOf(`data-page="journeys/${journey}.html"`);
            const drawn = text.slice(start, text.indexOf('data-page=', start + 20));
            expect(drawn.includes(`data-id="${decodeURIComponent(id)}"`), `${journey} ${id}`).toBe(true);
        }
    });
});
