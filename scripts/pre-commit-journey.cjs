#!/usr/bin/env node
// `journey` as the pre-commit framework installs this repository (`language: node`: it packs the
// root package and installs that globally): runs the @journey-maps/cli release the root depends on.
'use strict';
require('@journey-maps/cli/bin/journey.cjs');
