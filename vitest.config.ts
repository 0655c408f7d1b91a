import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
    // The version the bundler puts into the CLI, so that in-process runs say the same as the binary.
    define: { JOURNEY_VERSION: JSON.stringify(version) },
    resolve: {
        // Unit tests run against the sources, never a stale build; process tests run the built CLI.
        alias: {
            // Subpaths first: the first key that matches (exactly or as a path prefix) wins.
            '@journey/language/server': fileURLToPath(new URL('./packages/language/src/server/language-server.ts', import.meta.url)),
            '@journey/language/protocol': fileURLToPath(new URL('./packages/language/src/server/journey-protocol.ts', import.meta.url)),
            '@journey/language/links': fileURLToPath(new URL('./packages/language/src/utils/project-links.ts', import.meta.url)),
            '@journey/language': fileURLToPath(new URL('./packages/language/src/index.ts', import.meta.url)),
            '@journey/preview': fileURLToPath(new URL('./packages/preview/src/index.ts', import.meta.url)),
            '@journey/interchange': fileURLToPath(new URL('./packages/interchange/src/index.ts', import.meta.url)),
        },
    },
    test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
    },
});
