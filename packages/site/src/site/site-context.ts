import type { JourneyMapModel } from '@journey/language';
import { MapElements } from './map-elements.js';
import type { SiteFile, SiteFinding, SiteInput, SiteOptions } from './site-input.js';
import { SitePaths, type PagePath } from './site-paths.js';

/** What every page builder is given: the input, where pages are, and the lookups they share. */
export class SiteContext {
    readonly paths: SitePaths;
    readonly elements = new MapElements();
    private readonly files = new Map<string, SiteFile>();

    constructor(readonly input: SiteInput, readonly options: SiteOptions) {
        this.paths = new SitePaths(input.workspace, Boolean(options.singleFile));
        input.files.forEach(file => this.files.set(file.uri, file));
    }

    get workspace() {
        return this.input.workspace;
    }

    fileOf(uri: string): SiteFile | undefined {
        return this.files.get(uri);
    }

    /** The findings of a journey: those of its file inside its range. */
    findingsOf(journey: JourneyMapModel): SiteFinding[] {
        const { start, end } = journey.range;
        return (this.fileOf(journey.uri)?.findings ?? []).filter(finding => {
            const line = finding.range.start.line;
            return line >= start.line && line <= end.line;
        });
    }

    /** The href from page `from` to the map of `journey`, with the element drawn for `range` highlighted. */
    mapHref(from: PagePath, journey: JourneyMapModel, range?: JourneyMapModel['range']): string {
        const id = range && this.elements.idOf(journey, range);
        return this.paths.href(from, this.paths.journey(journey), id);
    }
}
