import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    resolve: {
        // Unit tests run against the sources, never a stale build; process tests run the built CLI.
        alias: {
            // Subpaths first: the first key that matches (exactly or as a path prefix) wins.
            '@journey/language/links': fileURLToPath(new URL('./packages/language/src/project-links.ts', import.meta.url)),
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
