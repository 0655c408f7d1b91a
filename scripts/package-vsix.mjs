#!/usr/bin/env node
// Packages the built extension (npm run build first) as packages/vscode/journey-<version>.vsix with
// vsce 3.9.2 (4.x needs Node 22). Only what .vscodeignore lets through goes in: the bundles (the CLI's too), the
// webview's script and style, the grammar, the schema, icon, README, CHANGELOG and LICENSE.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ext = `${root}packages/vscode/`;
const { version } = JSON.parse(readFileSync(`${ext}package.json`, 'utf8'));
for (const built of ['dist/extension.cjs', 'dist/server.cjs', 'dist/cli/journey.cjs', 'dist/cli/commands.cjs', 'dist/cli/elk.cjs', 'media/preview.js', 'media/elk-worker.js', 'syntaxes/journey.tmLanguage.json']) {
    if (!existsSync(`${ext}${built}`)) {
        console.error(`package:vsix: packages/vscode/${built} is missing; run npm run build first.`);
        process.exit(1);
    }
}
const out = `journey-${version}.vsix`;
const result = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
    cwd: ext,
    stdio: 'inherit',
    env: { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false' },
});
if (result.status !== 0) {
    process.exit(result.status ?? 1);
}
console.log(`packages/vscode/${out}: ${Math.round(statSync(`${ext}${out}`).size / 1024)} KiB`);
