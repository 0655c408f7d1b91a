// A tiny npm registry on 127.0.0.1 that serves the tarballs a test packed (and nothing else), so that
// `npm install @journey-maps/cli@VERSION` runs unchanged — as a GitHub Action, pre-commit or a user
// runs it — without the package being published. npm asks for a package's document (its versions and
// their tarball addresses), then downloads the tarball and checks its integrity.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export interface LocalRegistry {
    /** `http://127.0.0.1:PORT/`, for `npm_config_registry`. */
    url: string;
    /** Every request npm made, as `METHOD /path` (a test can see that the tarball was fetched). */
    requests: string[];
    close(): Promise<void>;
}

/** The package.json inside a tarball made by `npm pack`. */
function manifestOf(tarball: string): Record<string, unknown> {
    const listed = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
    if (listed.status !== 0) {
        throw new Error(`cannot read package/package.json from ${tarball}: ${listed.stderr}`);
    }
    return JSON.parse(listed.stdout) as Record<string, unknown>;
}

/**
 * `upstream`: where to send every other package's request (the real registry, for an install that
 * also needs published packages); without it they are 404.
 */
export async function startLocalRegistry(tarballs: readonly string[], upstream?: string): Promise<LocalRegistry> {
    const packages = new Map<string, { manifest: Record<string, unknown>; file: string; bytes: Buffer }>();
    for (const tarball of tarballs) {
        const manifest = manifestOf(tarball);
        packages.set(String(manifest.name), { manifest, file: path.basename(tarball), bytes: readFileSync(tarball) });
    }
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
        const url = decodeURIComponent(request.url ?? '/');
        requests.push(`${request.method} ${url}`);
        const name = url.slice(1);
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const known = packages.get(name);
        if (known) {
            const { manifest, file, bytes } = known;
            const version = String(manifest.version);
            const document = {
                name,
                'dist-tags': { latest: version },
                versions: {
                    [version]: {
                        ...manifest,
                        dist: {
                            tarball: `${base}/-/${file}`,
                            shasum: createHash('sha1').update(bytes).digest('hex'),
                            integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
                        },
                    },
                },
            };
            response.writeHead(200, { 'content-type': 'application/json' });
            response.end(JSON.stringify(document));
            return;
        }
        const byFile = [...packages.values()].find(entry => url === `/-/${entry.file}`);
        if (byFile) {
            response.writeHead(200, { 'content-type': 'application/octet-stream' });
            response.end(byFile.bytes);
            return;
        }
        if (upstream && !url.startsWith('/-/')) {
            fetch(new URL(request.url!.slice(1), upstream), { headers: { accept: request.headers.accept ?? 'application/json' } })
                .then(async answer => {
                    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
                    response.end(Buffer.from(await answer.arrayBuffer()));
                })
                .catch(() => { response.writeHead(502); response.end(); });
            return;
        }
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'not found' }));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        requests,
        close: () => new Promise<void>(resolve => server.close(() => resolve())),
    };
}
