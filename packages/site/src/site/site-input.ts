import type { JourneyMapModel, WorkspaceModel } from '@journey/language';

export type Range = JourneyMapModel['range'];

/**
 * What a site is built from: the workspace model and, per file, what lint says of it. The CLI makes it
 * (journey build, journey serve); everything after is pure.
 */
export interface SiteInput {
    workspace: WorkspaceModel;
    /** Every file of the workspace, in the order of their paths. */
    files: SiteFile[];
    /** The site's title (default "Journey maps"). */
    title?: string;
    /** The day stale reviews and overdue plans were judged by (YYYY-MM-DD). */
    today: string;
    /** The journey version that built it (in the footer). */
    version: string;
}

export interface SiteFile {
    uri: string;
    /** The file's path as the reader knows it: relative to the workspace's root, with `/`. */
    path: string;
    /** Lint's findings, sorted by position. */
    findings: SiteFinding[];
    /** The file does not parse: its journeys are what error recovery read, or (`stale`) the last that parsed. */
    syntaxErrors: boolean;
    /** `journey serve`: the journeys shown are those of the last version of the file that parsed. */
    stale?: boolean;
}

export interface SiteFinding {
    severity: 'error' | 'warning' | 'info';
    ruleId: string;
    message: string;
    range: Range;
}

export interface SiteOptions {
    /** One self-contained HTML file (`index.html`) holding every page. */
    singleFile?: boolean;
    /** The CSP nonce of every script and style (base64). */
    nonce: string;
    /** `journey serve`: pages listen at this URL (server-sent events) and reload when the site changes. */
    live?: { eventsUrl: string };
}

/** The site: path (relative, `/`) → content, in path order. */
export type SiteFiles = Map<string, string>;
