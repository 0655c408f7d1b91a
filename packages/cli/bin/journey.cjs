#!/usr/bin/env node
// The `journey` command: the bundled CLI built by `npm run build`.
try {
    require.resolve('../dist/journey.cjs');
} catch {
    process.stderr.write('journey: the CLI is not built yet: run `npm run build` at the repository root.\n');
    process.exit(2);
}
require('../dist/journey.cjs');
