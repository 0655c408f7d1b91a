import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteFiles } from '@journey/site';
import { CliError } from '../cli-error.js';

/** Where a served page listens for the reload events (server-sent events). */
export const EVENTS_URL = '/__journey/events';

/** A comment on every open event stream this often, so proxies and browsers keep it open. */
const KEEP_ALIVE_MS = 15_000;

/** One build of the site, as served: its files and the Content-Security-Policy of its pages. */
export interface ServedSite {
    files: SiteFiles;
    /** The CSP of every HTML page of this build (the same as their `<meta>`: its nonce). */
    contentSecurityPolicy: string;
}

const CONTENT_TYPES: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    svg: 'image/svg+xml; charset=utf-8',
    json: 'application/json; charset=utf-8',
    txt: 'text/plain; charset=utf-8',
};

const COMMON_HEADERS = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
};

/**
 * The key of the site's map a request's target names, or undefined: the query (and a fragment) cut
 * off, percent-decoded once, `/` → `index.html` and `folder/` → `folder/index.html`. Nothing else is
 * done to it: dot segments, backslashes, NUL bytes, encoded slashes and doubled slashes are left as they
 * are, so they never match a key (the site's paths have none) and such a request is a 404, never a file
 * outside the site: only exact keys of the map are ever served.
 */
export function sitePathOf(target: string | undefined): string | undefined {
    if (target === undefined || !target.startsWith('/')) {
        return undefined;
    }
    const end = target.search(/[?#]/);
    const rawPath = end === -1 ? target : target.slice(0, end);
    let decoded: string;
    try {
        decoded = decodeURIComponent(rawPath);
    } catch {
        return undefined;
    }
    if (/[\0\\]/.test(decoded) || decoded.split('/').some(segment => segment === '.' || segment === '..')) {
        return undefined;
    }
    const relative = decoded.slice(1);
    return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

function contentTypeOf(file: string): string {
    const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
    return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

function plainText(response: ServerResponse, status: number, text: string, head: boolean, headers: Record<string, string> = {}): void {
    const body = `${text}\n`;
    response.writeHead(status, {
        ...COMMON_HEADERS,
        ...headers,
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Content-Security-Policy': "default-src 'none'",
    });
    response.end(head ? undefined : body);
}

export interface SiteServerOptions {
    host: string;
    port: number;
    /** The build being served now (it changes with each rebuild). */
    current: () => ServedSite;
}

/**
 * The HTTP server of `journey serve`: GET and HEAD of the site's files from memory, and the event
 * stream that tells open pages to reload. Binds only to the host given.
 */
export class SiteServer {
    private readonly server: Server;
    private readonly streams = new Set<ServerResponse>();
    private keepAlive: NodeJS.Timeout | undefined;
    private closed = false;

    constructor(private readonly options: SiteServerOptions) {
        this.server = createServer((request, response) => this.handle(request, response));
        // A stream is open for as long as the page is: no request timeout on it (the keep-alive comments).
        this.server.requestTimeout = 0;
        this.server.headersTimeout = 30_000;
    }

    /** Starts listening; resolves to the port bound (the one asked for, or any free one for 0). */
    listen(): Promise<number> {
        const { host, port } = this.options;
        return new Promise((resolve, reject) => {
            const onError = (error: NodeJS.ErrnoException) => {
                this.server.off('listening', onListening);
                reject(listenError(error, host, port));
            };
            const onListening = () => {
                this.server.off('error', onError);
                this.keepAlive = setInterval(() => this.broadcast(': keep-alive\n\n'), KEEP_ALIVE_MS);
                this.keepAlive.unref();
                resolve((this.server.address() as AddressInfo).port);
            };
            this.server.once('error', onError);
            this.server.once('listening', onListening);
            this.server.listen({ host, port, exclusive: true });
        });
    }

    /** Tells every open page to reload: the site is now build `build`. */
    reload(build: number): void {
        this.broadcast(`event: reload\ndata: ${build}\n\n`);
    }

    /** How many pages are listening for reloads. */
    get listeners(): number {
        return this.streams.size;
    }

    /** Ends the event streams and every connection, and stops listening. */
    async close(): Promise<void> {
        if (this.closed) {
            return;
        }
        this.closed = true;
        clearInterval(this.keepAlive);
        for (const stream of this.streams) {
            stream.end();
        }
        this.streams.clear();
        const done = new Promise<void>(resolve => this.server.close(() => resolve()));
        this.server.closeAllConnections();
        if (this.server.listening) {
            await done;
        }
    }

    private broadcast(text: string): void {
        for (const stream of this.streams) {
            stream.write(text);
        }
    }

    private handle(request: IncomingMessage, response: ServerResponse): void {
        const head = request.method === 'HEAD';
        if (request.method !== 'GET' && !head) {
            plainText(response, 405, 'Method not allowed: journey serve answers GET and HEAD only.', false, { Allow: 'GET, HEAD' });
            return;
        }
        const target = request.url ?? '';
        const end = target.search(/[?#]/);
        if ((end === -1 ? target : target.slice(0, end)) === EVENTS_URL) {
            this.openStream(request, response, head);
            return;
        }
        const file = sitePathOf(target);
        const site = this.options.current();
        const content = file === undefined ? undefined : site.files.get(file);
        if (file === undefined || content === undefined) {
            plainText(response, 404, 'Not found: no such page in this journey site.', head);
            return;
        }
        const type = contentTypeOf(file);
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'Content-Type': type,
            'Content-Length': Buffer.byteLength(content),
            ...(type.startsWith('text/html') ? { 'Content-Security-Policy': site.contentSecurityPolicy } : {}),
        });
        response.end(head ? undefined : content);
    }

    private openStream(request: IncomingMessage, response: ServerResponse, head: boolean): void {
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'Content-Type': 'text/event-stream; charset=utf-8',
            Connection: 'keep-alive',
        });
        if (head || this.closed) {
            response.end();
            return;
        }
        request.socket.setNoDelay(true);
        request.socket.setTimeout(0);
        // Reconnect quickly when the server restarts; the first bytes tell the page it is connected.
        response.write('retry: 1000\n: connected\n\n');
        this.streams.add(response);
        const forget = () => this.streams.delete(response);
        request.on('close', forget);
        response.on('close', forget);
    }
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
    switch (error.code) {
        case 'EADDRINUSE':
            return new CliError(`port ${port} on ${host} is already in use; stop what listens there, or pick another port `
                + `(--port ${port === 65535 ? port - 1 : port + 1}), or --port 0 for any free one`);
        case 'EACCES':
            return new CliError(`not allowed to listen on port ${port} (ports below 1024 need privileges); pick another with `
                + '--port 4173, or --port 0 for any free one');
        case 'EADDRNOTAVAIL':
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return new CliError(`cannot listen on host ${host} (${error.code}): give an address of this machine with --host, `
                + 'e.g. --host 127.0.0.1');
        default:
            return new CliError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
    }
}
