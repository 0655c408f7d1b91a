import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Tests that start processes: the built `journey` binary, the language server over stdio, headless Chromium, npm. */
const PROCESS_TESTS = [
    'test/cli/binary.test.ts',
    'test/package/**/*.test.ts',
    'test/integrations/**/*.test.ts',
    'test/lsp/**/*.test.ts',
    'test/lsp-features/server.test.ts',
    'test/preview/browser.test.ts',
    'test/preview/xss.browser.test.ts',
    'test/preview/spec-audit-render.test.ts',
    'test/site/**/*.browser.test.ts',
    'test/diff/**/*.browser.test.ts',
    'test/site/serve*.test.ts',
    'test/png-pdf/**/*.browser.test.ts',
];

/** Tests that drive real editors: VS Code (code-server and Chromium) and Neovim. */
const EDITOR_TESTS = ['test/vscode/**/*.test.ts', 'test/lsp-features/neovim.test.ts'];

export default defineConfig({
    // The version the bundler puts into the CLI, so that in-process runs say the same as the binary.
    define: { JOURNEY_VERSION: JSON.stringify(version) },
    resolve: {
        // Unit tests run against the sources, never a stale build; process tests run the built CLI.
        alias: {
            // Subpaths first: the first key that matches (exactly or as a path prefix) wins.
            '@journey/language/server': fileURLToPath(new URL('./packages/language/src/server/language-server.ts', import.meta.url)),
            '@journey/language/number-format': fileURLToPath(new URL('./packages/language/src/model/number-format.ts', import.meta.url)),
            '@journey/language/protocol': fileURLToPath(new URL('./packages/language/src/server/journey-protocol.ts', import.meta.url)),
            '@journey/language/ordering': fileURLToPath(new URL('./packages/language/src/utils/ordering.ts', import.meta.url)),
            '@journey/language/links': fileURLToPath(new URL('./packages/language/src/utils/project-links.ts', import.meta.url)),
            '@journey/language': fileURLToPath(new URL('./packages/language/src/index.ts', import.meta.url)),
            '@journey/preview/browser': fileURLToPath(new URL('./packages/preview/src/browser/index.ts', import.meta.url)),
            '@journey/preview': fileURLToPath(new URL('./packages/preview/src/index.ts', import.meta.url)),
            '@journey/png-pdf': fileURLToPath(new URL('./packages/png-pdf/src/index.ts', import.meta.url)),
            '@journey/markdown-it': fileURLToPath(new URL('./packages/markdown-it/src/index.ts', import.meta.url)),
            '@journey/diff': fileURLToPath(new URL('./packages/diff/src/index.ts', import.meta.url)),
            '@journey/site': fileURLToPath(new URL('./packages/site/src/index.ts', import.meta.url)),
            '@journey/interchange': fileURLToPath(new URL('./packages/interchange/src/index.ts', import.meta.url)),
        },
    },
    test: {
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Three projects, each runnable alone (`npx vitest run --project unit`, `npm run test:unit`):
        // unit runs in this process; process starts the built binary, the language server over stdio,
        // headless Chromium or npm; editor drives real editors (code-server + Chromium, Neovim).
        projects: [
            {
                extends: true,
                test: {
                    name: 'unit',
                    // Every diagnostic the language produces in these tests is checked for words not meant for people.
                    setupFiles: ['test/support/setup-messages.ts'],
                    include: ['test/**/*.test.ts'],
                    exclude: [...PROCESS_TESTS, ...EDITOR_TESTS],
                    maxWorkers: 2,
                    isolate: false,
                    sequence: { groupOrder: 0 },
                },
            },
            {
                extends: true,
                test: {
                    name: 'process',
                    include: PROCESS_TESTS,
                    maxWorkers: 2,
                    sequence: { groupOrder: 0 },
                },
            },
            {
                extends: true,
                test: {
                    name: 'editor',
                    include: EDITOR_TESTS,
                    // Alone, after the others: code-server, Chromium and Neovim react to typing, and a
                    // machine busy with other tests made them miss it.
                    maxWorkers: 1,
                    sequence: { groupOrder: 1 },
                },
            },
        ],
    },
});
