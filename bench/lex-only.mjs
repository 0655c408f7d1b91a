#!/usr/bin/env node
// The baseline of bench/lint-bench.mjs's "lint vs lex" row: a process that loads the language's services
// (as lint does) and only lexes the files it is given (services.Journey.parser.Lexer.tokenize), nothing
// else. Prints the number of tokens. Usage: node bench/lex-only.mjs FILE...
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { createJourneyServices } = await import(pathToFileURL(path.join(root, 'packages/language/out/index.js')).href);
const { EmptyFileSystem } = await import('langium');
const { Journey } = createJourneyServices(EmptyFileSystem);
let tokens = 0;
for (const file of process.argv.slice(2)) {
    tokens += Journey.parser.Lexer.tokenize(readFileSync(file, 'utf8')).tokens.length;
}
console.log(tokens);
