#!/usr/bin/env node
// The `journey` command: checks the Node.js version (in syntax any Node.js can read, so that an old
// one gets this message rather than a syntax error), then runs the bundled CLI.
'use strict';
var path = require('path');
var fs = require('fs');

var required = [20, 10]; // engines.node in package.json: what the bundled code needs (Langium's floor)
var running = process.versions.node.split('.').map(Number);
if (running[0] < required[0] || (running[0] === required[0] && running[1] < required[1])) {
    process.stderr.write('journey: needs Node.js ' + required.join('.') + ' or later; this is Node.js ' + process.versions.node + '.\n');
    process.exit(2);
}

var dist = path.join(__dirname, '..', 'dist');
var bundle = path.join(dist, 'journey.cjs');
// The commands and ELK, which the program loads when they run, ship beside it (scripts/bundle.mjs).
var missing = [bundle, path.join(dist, 'commands.cjs'), path.join(dist, 'elk.cjs')].filter(function (file) { return !fs.existsSync(file); })[0];
if (missing) {
    // Only a checkout of the journey repository can lack the bundle; an installed package ships it.
    var inCheckout = fs.existsSync(path.join(__dirname, '..', '..', '..', 'langium-config.json'));
    process.stderr.write(inCheckout
        ? 'journey: this checkout is not built yet: run `npm run build` at its root.\n'
        : 'journey: this installation is incomplete (' + missing + ' is missing): install @journey-maps/cli again.\n');
    process.exit(2);
}
// Node.js 22.1 and later keep the compiled code between runs (in the system's temporary folder).
var Module = require('module');
if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
}
require(bundle);
