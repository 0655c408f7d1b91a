import type { JourneyMapModel, NamedRef } from '@journey/language';
import { html, type Markup } from '../html/markup.js';
import type { SiteContext } from './site-context.js';
import type { PagePath } from './site-paths.js';

/** The links every page writes to the site's other pages. */

/** A link to the page of a journey (no element highlighted), its title as the text. */
export function journeyLink(context: SiteContext, from: PagePath, journey: JourneyMapModel): Markup {
    return html`<a href="${context.paths.href(from, context.paths.journey(journey))}">${journey.label}</a>`;
}

/** A persona's name linked to its page, or as text when the workspace declares no such persona. */
export function personaLink(context: SiteContext, from: PagePath, persona: NamedRef): Markup {
    const page = context.paths.persona(persona.name);
    return page ? html`<a href="${context.paths.href(from, page)}">${persona.label}</a>` : html`${persona.label}`;
}
