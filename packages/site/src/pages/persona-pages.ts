import { html } from '../html/markup.js';
import type { SitePage } from '../html/page-shell.js';
import { table } from '../html/parts.js';
import type { SiteContext } from '../site/site-context.js';
import { PERSONAS_PAGE } from '../site/site-paths.js';
import type { WorkspacePersonaModel } from '@journey/language';

/** The personas page (every persona) and a page per persona. */
export function personaPages(context: SiteContext): SitePage[] {
    const { workspace, paths } = context;
    const overview: SitePage = {
        path: PERSONAS_PAGE,
        title: 'Personas',
        section: 'personas',
        body: html`<h1>Personas</h1>
${table<WorkspacePersonaModel>('Personas', [
    { header: 'Persona', cell: persona => html`<a href="${paths.href(PERSONAS_PAGE, paths.persona(persona.name)!)}">${persona.label}</a>` },
    { header: 'Needs', cell: persona => persona.needs.length, numeric: true },
    { header: 'Journeys', cell: persona => workspace.journeys.filter(j => j.personas.some(p => p.name === persona.name)).length, numeric: true },
], uniquePersonas(context), 'No persona declared: a persona is written `persona NAME "Label" { … }`.')}`,
    };
    return [overview, ...uniquePersonas(context).map((persona): SitePage => {
        const path = paths.persona(persona.name)!;
        return {
            path,
            title: persona.label,
            section: 'personas',
            body: html`<nav class="breadcrumb" aria-label="Breadcrumb"><a href="${paths.href(path, PERSONAS_PAGE)}">Personas</a> › <span aria-current="page">${persona.label}</span></nav>
<h1>${persona.label}</h1>`,
        };
    })];
}

/** Each persona once (a name declared twice is the first declaration; lint reports the other). */
export function uniquePersonas(context: SiteContext): WorkspacePersonaModel[] {
    const seen = new Set<string>();
    return context.workspace.personas.filter(persona => !seen.has(persona.name) && seen.add(persona.name) !== undefined);
}
