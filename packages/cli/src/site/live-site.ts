import { createHash, randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { JourneyMapModel } from '@journey/language';
import { buildSite, contentSecurityPolicy, type SiteFiles, type SiteOptions } from '@journey/site';
import type { CommandIO } from '../commands/lint-command.js';
import { SITE_ASSETS } from './site-assets.js';
import { EVENTS_URL, type ServedSite } from './site-server.js';
import { loadSite, type LoadedSite, type SiteSourceOptions } from './site-workspace.js';

/** How long the watcher waits for more changes before it rebuilds (an editor's save is several events). */
export const DEBOUNCE_MS = 100;

/** A build of the site as served, and what the command says of it. */
export interface LiveBuild extends ServedSite {
    /** 1 for the first build, then one more for each rebuild that changed the site. */
    number: number;
    journeys: number;
    /** A hash of the files with the nonce left out: a rebuild that changes nothing is not a new build. */
    signature: string;
}

/**
 * The site of `journey serve`, kept up to date: built in memory with a fresh nonce per build, rebuilt
 * when a `.journey` file, a data file (`.csv`, which computed KPIs read) or `journey.config.json` under
 * the watched folders changes. A file that does
 * not parse shows its syntax errors over the journeys of its last version that parsed ("last good
 * map"); a load that fails (a file removed while it was read) keeps the site as it was.
 */
export class LiveSite {
    private build: LiveBuild | undefined;
    /** Per file URI, the journeys of its last version that parsed (plain data). */
    private readonly lastGood = new Map<string, JourneyMapModel[]>();
    private readonly watchers: FSWatcher[] = [];
    private timer: NodeJS.Timeout | undefined;
    private running: Promise<void> | undefined;
    private changed = new Set<string>();
    private again = false;
    private stopped = false;
    private root = '';
    /** The configuration the first load read (`--config`, or found from the root up). */
    private configFile: string | undefined;

    constructor(
        private readonly patterns: readonly string[],
        private readonly io: CommandIO,
        private readonly options: SiteSourceOptions,
        /** Called after each rebuild that changed the site. */
        private readonly onRebuilt: (build: LiveBuild) => void,
    ) {}

    /** The build served now. */
    get current(): LiveBuild {
        if (!this.build) {
            throw new Error('the site is not built yet');
        }
        return this.build;
    }

    /** The first build: its errors (no files, a bad configuration) are the command's. */
    async start(): Promise<LiveBuild> {
        const site = await loadSite(this.patterns, this.io, this.options);
        this.root = site.root;
        this.configFile = site.configFile;
        this.build = await this.make(site, 1);
        return this.build;
    }

    /** Watches the workspace's folder (recursively) and the configuration read, when it is outside it. */
    watch(): void {
        this.watchFolder(this.root, true);
        const config = this.options.config !== undefined ? path.resolve(this.io.cwd, this.options.config) : this.configFile;
        if (config !== undefined) {
            const relative = path.relative(this.root, config);
            if (relative.startsWith('..') || path.isAbsolute(relative)) {
                this.watchFolder(path.dirname(config), false, path.basename(config));
            }
        }
    }

    /** Stops watching; a rebuild under way is let finish, and nothing is announced after. */
    async stop(): Promise<void> {
        this.stopped = true;
        clearTimeout(this.timer);
        for (const watcher of this.watchers.splice(0)) {
            watcher.close();
        }
        await this.running;
    }

    /** Something changed (a path relative to the workspace's root): rebuild once things settle. */
    changedFile(relative: string): void {
        if (this.stopped) {
            return;
        }
        this.changed.add(relative);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.rebuild(), DEBOUNCE_MS);
    }

    private watchFolder(folder: string, recursive: boolean, only?: string): void {
        try {
            const watcher = watch(folder, { recursive, persistent: true }, (_event, filename) => {
                const name = filename === null ? undefined : String(filename);
                if (name === undefined) {
                    this.changedFile('(unknown file)');
                } else if (only !== undefined ? name === only : isWatchedFile(name)) {
                    this.changedFile(path.relative(this.root, path.join(folder, name)).split(path.sep).join('/'));
                }
            });
            watcher.on('error', error => this.io.stderr(`journey: stopped watching ${folder}: ${error.message}\n`));
            this.watchers.push(watcher);
        } catch (error) {
            this.io.stderr(`journey: cannot watch ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); `
                + 'changes there are not seen: restart journey serve after editing\n');
        }
    }

    private rebuild(): void {
        if (this.stopped) {
            return;
        }
        if (this.running) {
            this.again = true;
            return;
        }
        const changed = [...this.changed].sort();
        this.changed.clear();
        this.running = this.rebuildOnce(changed).finally(() => {
            this.running = undefined;
            if (this.again && !this.stopped) {
                this.again = false;
                this.rebuild();
            }
        });
    }

    private async rebuildOnce(changed: string[]): Promise<void> {
        const started = performance.now();
        try {
            const site = await loadSite(this.patterns, this.io, { ...this.options, progress: undefined });
            if (this.stopped) {
                return;
            }
            const previous = this.current;
            const build = await this.make(site, previous.number + 1);
            if (this.stopped) {
                return;
            }
            const took = Math.round(performance.now() - started);
            const what = describeChanges(changed);
            if (build.signature === previous.signature) {
                this.io.stderr(`journey: nothing to rebuild (${what})\n`);
                return;
            }
            this.build = build;
            const broken = site.broken.length > 0 ? `; ${site.broken.join(', ')} ${site.broken.length === 1 ? 'does' : 'do'} not parse` : '';
            this.io.stderr(`journey: rebuilt in ${took} ms (${what})${broken}\n`);
            this.onRebuilt(build);
        } catch (error) {
            this.io.stderr(`journey: rebuild failed, still serving the previous site: ${error instanceof Error ? error.message : String(error)}\n`);
        }
    }

    /** The site of a loaded workspace, with the last good journeys of the files that do not parse. */
    private async make(site: LoadedSite, number: number): Promise<LiveBuild> {
        this.keepLastGood(site);
        const nonce = randomBytes(16).toString('base64');
        const options: SiteOptions = { nonce, live: { eventsUrl: EVENTS_URL } };
        const progress = number === 1 ? this.options.progress : undefined;
        const files = await buildSite(site.input, options, SITE_ASSETS, { progress: (done, total) => progress?.report('drawing maps', done, total) });
        progress?.clear();
        return {
            files,
            contentSecurityPolicy: contentSecurityPolicy(options),
            number,
            journeys: site.input.workspace.journeys.length,
            signature: signatureOf(files, nonce),
        };
    }

    /**
     * Remembers the journeys of each file that parses, and gives each file that does not (and parsed
     * before) the journeys it had then, in its place among the files, marked `stale`.
     */
    private keepLastGood(site: LoadedSite): void {
        const { input } = site;
        const byFile = new Map<string, JourneyMapModel[]>();
        for (const journey of input.workspace.journeys) {
            const list = byFile.get(journey.uri) ?? [];
            list.push(journey);
            byFile.set(journey.uri, list);
        }
        const present = new Set(input.files.map(file => file.uri));
        for (const uri of [...this.lastGood.keys()].filter(uri => !present.has(uri))) {
            this.lastGood.delete(uri);
        }
        const journeys: JourneyMapModel[] = [];
        for (const file of input.files) {
            const read = byFile.get(file.uri) ?? [];
            byFile.delete(file.uri);
            const good = this.lastGood.get(file.uri);
            if (file.syntaxErrors && good) {
                file.stale = true;
                journeys.push(...good);
            } else {
                if (!file.syntaxErrors) {
                    this.lastGood.set(file.uri, read);
                }
                journeys.push(...read);
            }
        }
        // Journeys of no file listed (none expected) stay, after the others.
        for (const rest of byFile.values()) {
            journeys.push(...rest);
        }
        input.workspace.journeys = journeys;
    }
}

/** `.journey` files, data files (`.csv`) and `journey.config.json`, outside `node_modules` and `.git`. */
export function isWatchedFile(relative: string): boolean {
    const parts = relative.split(/[\\/]/);
    const name = parts[parts.length - 1] ?? '';
    if (parts.some(part => part === 'node_modules' || part === '.git')) {
        return false;
    }
    return name.endsWith('.journey') || name.toLowerCase().endsWith('.csv') || name === 'journey.config.json';
}

function describeChanges(changed: readonly string[]): string {
    if (changed.length === 0) {
        return 'changes';
    }
    const shown = changed.length <= 3 ? changed.join(', ') : `${changed.slice(0, 2).join(', ')} and ${changed.length - 2} more`;
    return `${shown} changed`;
}

function signatureOf(files: SiteFiles, nonce: string): string {
    const hash = createHash('sha256');
    for (const [file, content] of files) {
        hash.update(file).update('\0').update(content.split(nonce).join('')).update('\0');
    }
    return hash.digest('base64');
}
