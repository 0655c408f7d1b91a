// esbuild: `import text from './file?raw'` is the file's text, as vitest (Vite) reads it. The CLI and the
// VS Code extension carry the static site's browser script (packages/site/dist/site-client.js) this way.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const rawText = {
    name: 'raw-text',
    setup(build) {
        build.onResolve({ filter: /\?raw$/ }, args => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')), namespace: 'raw-text' }));
        build.onLoad({ filter: /.*/, namespace: 'raw-text' }, args => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
    },
};
