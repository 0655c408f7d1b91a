#!/usr/bin/env node
// Writes schemas/journey.config.schema.json from the rule registry (run by the build after tsc).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { journeyConfigSchema } from '../packages/language/out/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(`${root}schemas/journey.config.schema.json`, `${JSON.stringify(journeyConfigSchema(), null, 2)}\n`);
