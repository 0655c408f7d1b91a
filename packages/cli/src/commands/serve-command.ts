import { CliError, ExitCode } from '../cli-error.js';
import { parseToday } from '../cli-options.js';
import { LiveSite } from '../site/live-site.js';
import { SiteServer } from '../site/site-server.js';
import type { CommandIO } from './lint-command.js';

export interface ServeOptions {
    port?: string;
    host?: string;
    today?: string;
    config?: string;
    title?: string;
    progress?: boolean;
}

/** The port `journey serve` listens on without `--port` (Vite's preview port: free on most machines). */
export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

/** Hosts that only this machine reaches. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function parsePort(value: string | undefined): number {
    if (value === undefined) {
        return DEFAULT_PORT;
    }
    const number = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isInteger(number) || number > 65535) {
        throw new CliError(`--port takes a port number from 0 to 65535, not "${value}" (e.g. --port ${DEFAULT_PORT}; --port 0 picks any free port)`);
    }
    return number;
}

function parseHost(value: string | undefined): string {
    const host = (value ?? DEFAULT_HOST).trim();
    if (host === '' || /[\s/]/.test(host)) {
        throw new CliError(`--host takes a host name or an address of this machine, not "${value}" (e.g. --host ${DEFAULT_HOST})`);
    }
    // `[::1]` as in a URL: the server wants the bare address.
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The address to print: an unspecified address (all interfaces) is reached here as the loopback one. */
function urlOf(host: string, port: number): string {
    const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
    return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}

/**
 * `journey serve [PATHS] [--port N] [--host H]`: the site of `journey build`, served from memory with
 * live reload. The workspace's folder is watched; after a change to a `.journey` file or the
 * configuration the site is rebuilt, and the open pages reload (server-sent events at
 * `/__journey/events`). A file that does not parse shows its syntax errors over its last map that
 * parsed. Runs until SIGINT or SIGTERM (or `signal`, for tests in process), then resolves to 0.
 */
export async function serveCommand(patterns: string[], options: ServeOptions, io: CommandIO, signal?: AbortSignal): Promise<number> {
    const port = parsePort(options.port);
    const host = parseHost(options.host);
    const today = parseToday(options.today);
    const progress = io.progress?.(options.progress !== false);
    let server: SiteServer | undefined;
    const live = new LiveSite(patterns, io, { today, config: options.config, title: options.title, progress },
        build => server?.reload(build.number));
    const first = await live.start();
    server = new SiteServer({ host, port, current: () => live.current });
    let bound: number;
    try {
        bound = await server.listen();
    } catch (error) {
        await server.close();
        throw error;
    }
    live.watch();
    if (!LOOPBACK.has(host)) {
        io.stderr(`journey: warning: listening on ${host}: the site (your journey maps) can be reached from other machines `
            + `on the network; use --host ${DEFAULT_HOST} to keep it to this one\n`);
    }
    io.stdout(`journey: serving ${first.journeys} journey${first.journeys === 1 ? '' : 's'} at ${urlOf(host, bound)} (Ctrl-C to stop)\n`);

    await new Promise<void>(resolve => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            signal?.removeEventListener('abort', stop);
            resolve();
        };
        if (signal) {
            if (signal.aborted) {
                stop();
                return;
            }
            signal.addEventListener('abort', stop, { once: true });
        } else {
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        }
    });
    await Promise.all([live.stop(), server.close()]);
    io.stderr('journey: stopped\n');
    return ExitCode.Ok;
}
