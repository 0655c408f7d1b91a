import type { JourneyMapModel, StageModel, TouchpointModel, WorkspacePersonaModel } from '@journey/language';
import { html, join, type Markup } from '../html/markup.js';
import type { SitePage } from '../html/page-shell.js';
import { badge, counted, table } from '../html/parts.js';
import { firstOfEachName, touchpointsOf } from '../site/journey-elements.js';
import { journeyLink, personaLink } from '../site/site-links.js';
import type { SiteContext } from '../site/site-context.js';
import { PERSONAS_PAGE, type PagePath } from '../site/site-paths.js';
import { emotionCurve, emotionPoints, touchpointsMet } from './emotion-sparkline.js';

/**
 * The personas page (every persona: its needs served and unserved, its journeys) and a page per
 * declared persona: who they are (description, goals, pains, motivations, preferred channels), their
 * needs and the touchpoints serving each (linked to the map with the touchpoint highlighted; a need no
 * touchpoint serves is said so in words), the journeys they are in, and their emotion curve in each.
 * A persona a journey names but the workspace does not declare has no page: links to it are written
 * only when `paths.persona` gives one.
 */

type Need = WorkspacePersonaModel['needs'][number];

/** A touchpoint serving a need, where it is. */
export interface ServingTouchpoint {
    journey: JourneyMapModel;
    stage: StageModel;
    touchpoint: TouchpointModel;
}

/** What the persona pages read of the workspace, worked out once: who serves which need, who is in which journey. */
class PersonaFacts {
    private readonly serving = new Map<string, ServingTouchpoint[]>();
    private readonly journeys = new Map<string, JourneyMapModel[]>();

    constructor(context: SiteContext) {
        for (const journey of context.workspace.journeys) {
            for (const persona of new Set(journey.personas.map(p => p.name))) {
                const list = this.journeys.get(persona) ?? [];
                list.push(journey);
                this.journeys.set(persona, list);
            }
            for (const { stage, touchpoint } of touchpointsOf(journey)) {
                const seen = new Set<string>();
                for (const serves of touchpoint.serves) {
                    const key = needKey(serves.persona, serves.need);
                    if (seen.has(key)) {
                        continue;
                    }
                    seen.add(key);
                    const list = this.serving.get(key) ?? [];
                    list.push({ journey, stage, touchpoint });
                    this.serving.set(key, list);
                }
            }
        }
    }

    /** The touchpoints serving a need of a persona, in workspace, stage and touchpoint order. */
    servingOf(persona: string, need: string): ServingTouchpoint[] {
        return this.serving.get(needKey(persona, need)) ?? [];
    }

    /** The journeys naming the persona, in workspace order. */
    journeysOf(persona: string): JourneyMapModel[] {
        return this.journeys.get(persona) ?? [];
    }

    /** The persona's needs (each name once, the first declaration) split by whether a touchpoint serves them. */
    needsOf(persona: WorkspacePersonaModel): { served: Need[]; unserved: Need[]; all: Need[] } {
        const seen = new Set<string>();
        const all = persona.needs.filter(need => !seen.has(need.name) && seen.add(need.name) !== undefined);
        const served = all.filter(need => this.servingOf(persona.name, need.name).length > 0);
        const unserved = all.filter(need => this.servingOf(persona.name, need.name).length === 0);
        return { served, unserved, all };
    }
}

function needKey(persona: string, need: string): string {
    return `${persona}\0${need}`;
}

/** The personas page (every persona) and a page per persona. */
export function personaPages(context: SiteContext): SitePage[] {
    const personas = uniquePersonas(context);
    const facts = new PersonaFacts(context);
    return [overviewPage(context, facts, personas), ...personas.map(persona => personaPage(context, facts, persona))];
}

function overviewPage(context: SiteContext, facts: PersonaFacts, personas: readonly WorkspacePersonaModel[]): SitePage {
    const path = PERSONAS_PAGE;
    return {
        path,
        title: 'Personas',
        section: 'personas',
        body: html`<h1>Personas</h1>
<p class="lead">Who the journeys are for: each persona's needs, whether a touchpoint serves them, and the journeys the persona is in.</p>
${table<WorkspacePersonaModel>('Personas', [
    { header: 'Persona', cell: persona => personaLink(context, path, persona) },
    { header: 'Needs', cell: persona => facts.needsOf(persona).all.length, numeric: true },
    { header: 'Served', cell: persona => facts.needsOf(persona).served.length, numeric: true },
    { header: 'Unserved', cell: persona => unservedCell(facts.needsOf(persona).unserved.length), numeric: true },
    { header: 'Journeys', cell: persona => journeyLinks(context, path, facts.journeysOf(persona.name)) },
], personas, 'No persona declared: a persona is written `persona NAME "Label" { … }`.')}`,
    };
}

function unservedCell(count: number): Markup {
    return count === 0 ? html`0` : html`${count} ${badge('unserved', 'warn')}`;
}

function journeyLinks(context: SiteContext, path: PagePath, journeys: readonly JourneyMapModel[], empty = 'In no journey'): Markup {
    if (journeys.length === 0) {
        return html`<span class="muted">${empty}</span>`;
    }
    return join(journeys.map(journey => journeyLink(context, path, journey)), ', ');
}

function personaPage(context: SiteContext, facts: PersonaFacts, persona: WorkspacePersonaModel): SitePage {
    const path = context.paths.persona(persona.name)!;
    const needs = facts.needsOf(persona);
    const journeys = facts.journeysOf(persona.name);
    return {
        path,
        title: persona.label,
        section: 'personas',
        body: html`<nav class="breadcrumb" aria-label="Breadcrumb"><a href="${context.paths.href(path, PERSONAS_PAGE)}">Personas</a> › <span aria-current="page">${persona.label}</span></nav>
<h1>${persona.label}</h1>
${persona.description.map(line => html`<p class="lead">${line}</p>\n`)}<dl class="facts">
<div><dt>Name</dt><dd><code>${persona.name}</code></dd></div>
<div><dt>Needs</dt><dd>${needs.all.length}</dd></div>
<div><dt>Served</dt><dd>${needs.served.length}</dd></div>
<div><dt>Served by nothing</dt><dd>${needs.unserved.length}</dd></div>
<div><dt>Journeys</dt><dd>${journeys.length}</dd></div>
</dl>
<div class="persona-profile">
${profileList('Goals', persona.goals, 'No goal written.')}
${profileList('Pains', persona.pains, 'No pain written.')}
${profileList('Motivations', persona.motivations, 'No motivation written.')}
${profileList('Preferred channels', persona.prefers.map(channel => channel.label), 'No preferred channel written.')}
</div>
<h2 id="needs">Needs</h2>
${needs.unserved.length > 0
        ? html`<p class="unserved-needs">${badge('Served by nothing', 'warn')} ${counted(needs.unserved.length, 'need')} of ${persona.label} ${needs.unserved.length === 1 ? 'is' : 'are'} served by no touchpoint: ${join(needs.unserved.map(need => html`<strong>${need.label}</strong>`), ', ')}.</p>`
        : needs.all.length > 0 ? html`<p>Every need is served by at least one touchpoint.</p>` : ''}
${table<Need>(`Needs of ${persona.label}`, [
    { header: 'Need', cell: need => html`${need.label} <code>${need.name}</code>` },
    { header: 'Importance', cell: need => need.importance ?? html`<span class="muted">not set</span>`, numeric: true },
    { header: 'Journeys', cell: need => journeyLinks(context, path, distinctJourneys(facts.servingOf(persona.name, need.name)), 'None') },
    { header: 'Served by', cell: need => servedBy(context, path, facts.servingOf(persona.name, need.name)) },
], needs.all, 'No need written: a need is written `need NAME "Label" importance 1..5` in the persona.', need => html` id="${`need-${need.name}`}"${facts.servingOf(persona.name, need.name).length === 0 ? html` class="unserved"` : ''}`)}
<h2 id="journeys">Journeys</h2>
${journeys.length === 0
        ? html`<p class="empty">${persona.label} is in no journey: a journey names its personas with <code>persona NAME</code>.</p>`
        : journeys.map(journey => journeySection(context, path, persona, journey))}`,
    };
}

function profileList(heading: string, items: readonly string[], empty: string): Markup {
    return html`<section class="profile-part"><h2>${heading}</h2>
${items.length === 0 ? html`<p class="empty">${empty}</p>` : html`<ul>${items.map(item => html`<li>${item}</li>`)}</ul>`}
</section>`;
}

function distinctJourneys(serving: readonly ServingTouchpoint[]): JourneyMapModel[] {
    return [...new Set(serving.map(s => s.journey))];
}

function servedBy(context: SiteContext, path: PagePath, serving: readonly ServingTouchpoint[]): Markup {
    if (serving.length === 0) {
        return badge('Served by nothing', 'warn');
    }
    return html`<ul class="served-by">${serving.map(({ journey, stage, touchpoint }) =>
        html`<li><a href="${context.mapHref(path, journey, touchpoint.range)}">${touchpoint.label}</a> <span class="muted">in ${journey.label} › ${stage.label}</span></li>`)}</ul>`;
}

function journeySection(context: SiteContext, path: PagePath, persona: WorkspacePersonaModel, journey: JourneyMapModel): Markup {
    const met = touchpointsMet(journey, persona.name);
    const points = emotionPoints(journey, persona.name);
    const state = journey.state.kind === 'future' ? badge('future state', 'info') : journey.state.kind === 'current' ? badge('current state', 'muted') : '';
    const withoutEmotion = met.length - points.length;
    return html`<section class="persona-journey">
<h3>${journeyLink(context, path, journey)}${state ? html` ${state}` : ''}</h3>
<p>${persona.label} meets ${counted(met.length, 'touchpoint')} in ${counted(new Set(met.map(m => m.stage)).size, 'stage')}${withoutEmotion > 0 && points.length > 0 ? html`, ${withoutEmotion} of them with no emotion written` : ''}.</p>
${points.length === 0
        ? html`<p class="empty">No emotion written at the touchpoints ${persona.label} meets in ${journey.label}.</p>`
        : emotionCurve(journey.label, points, `Emotion of ${persona.label} in ${journey.label}, by touchpoint`,
            point => html`<a href="${context.mapHref(path, journey, point.touchpoint.range)}">${point.touchpoint.label}</a>`)}
</section>\n`;
}

/** Each persona once (a name declared twice is the first declaration; lint reports the other). */
export function uniquePersonas(context: SiteContext): WorkspacePersonaModel[] {
    return firstOfEachName(context.workspace.personas);
}
