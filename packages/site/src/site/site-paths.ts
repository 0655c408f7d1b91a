import type { JourneyMapModel, WorkspaceModel } from '@journey/language';

/** A page of the site: its path from the site's root (`journeys/fleet_renewal.html`). */
export type PagePath = string;

export const INDEX_PAGE: PagePath = 'index.html';
export const PERSONAS_PAGE: PagePath = 'personas/index.html';
export const REPORTS_PAGE: PagePath = 'reports/index.html';
export const STYLESHEET = 'assets/site.css';
export const SCRIPT = 'assets/site.js';

/**
 * Where each journey and persona page is, and how one page links to another. Names become file
 * names in lower case (two names that differ only in case, or a name declared twice, get `-2`, `-3`:
 * the site must work on a case-insensitive file system), in workspace order, so the same workspace
 * gives the same paths. Links are relative, so the site works from `file://`, a sub-folder or GitHub
 * Pages; in a single-file site they are `#page=PATH` of the one file.
 */
export class SitePaths {
    private readonly journeyPages = new Map<JourneyMapModel, PagePath>();
    private readonly journeysByName = new Map<string, JourneyMapModel>();
    private readonly personaPages = new Map<string, PagePath>();

    constructor(workspace: WorkspaceModel, private readonly singleFile: boolean) {
        const taken = new Set<string>();
        const allocate = (folder: string, name: string): PagePath => {
            const base = slug(name);
            let candidate = base;
            for (let n = 2; taken.has(`${folder}/${candidate}`); n++) {
                candidate = `${base}-${n}`;
            }
            taken.add(`${folder}/${candidate}`);
            return `${folder}/${candidate}.html`;
        };
        for (const journey of workspace.journeys) {
            this.journeyPages.set(journey, allocate('journeys', journey.name));
            if (!this.journeysByName.has(journey.name)) {
                this.journeysByName.set(journey.name, journey);
            }
        }
        for (const persona of workspace.personas) {
            if (!this.personaPages.has(persona.name)) {
                this.personaPages.set(persona.name, allocate('personas', persona.name));
            }
        }
    }

    journey(journey: JourneyMapModel): PagePath {
        return this.journeyPages.get(journey)!;
    }

    /** The journey a name stands for (the first declared), for `state future of NAME`. */
    journeyNamed(name: string | undefined): JourneyMapModel | undefined {
        return name === undefined ? undefined : this.journeysByName.get(name);
    }

    /** The page of a persona, when the workspace declares it. */
    persona(name: string): PagePath | undefined {
        return this.personaPages.get(name);
    }

    /** The href of `to` on page `from`; `highlight` names a map element (`data-id`) to show highlighted. */
    href(from: PagePath, to: PagePath, highlight?: string): string {
        const fragment = highlight !== undefined ? `highlight=${encodeURIComponent(highlight)}` : '';
        if (this.singleFile) {
            return `#page=${encodeURIComponent(to)}${fragment ? `&${fragment}` : ''}`;
        }
        return `${relativePath(from, to)}${fragment ? `#${fragment}` : ''}`;
    }

    /** The href of an asset (stylesheet, script) on page `from`. */
    asset(from: PagePath, asset: string): string {
        return relativePath(from, asset);
    }
}

/** The path of `to` relative to the folder of `from` (both from the site's root). */
export function relativePath(from: PagePath, to: PagePath): string {
    const fromParts = from.split('/').slice(0, -1);
    const toParts = to.split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) {
        common++;
    }
    return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

/**
 * A name as a file name: lower case, letters, digits, `_` and `-` kept, anything else `-`; `index`
 * and an empty name get a prefix, as `index.html` of a folder is the site's own page.
 */
function slug(name: string): string {
    const cleaned = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
    return cleaned === '' || cleaned === 'index' ? `_${cleaned || 'unnamed'}` : cleaned;
}
