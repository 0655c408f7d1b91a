#!/usr/bin/env node
// Writes the example's data files (examples/brightspoke-cx/data/): the survey exports the BrightSpoke
// maps compute KPIs from. Fixed seed: the same files on every run (`node scripts/generate-example-data.mjs`,
// then `git diff` shows nothing). The answers are random but nudged, one answer at a time, until each
// column gives the figure the journeys were written with, so the maps read as they did.
//
// - rider-pulse-survey.csv: a Qualtrics export (three header rows: field names, question texts, import
//   ids), comma-separated, 318 riders, a few skipped questions and free-text answers with commas,
//   quotes and line breaks.
// - fleet-relationship-nps.csv: an NPS tool's export, semicolon-separated with a byte order mark (as
//   spreadsheet tools in German locales write it), 50 fleet accounts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, 'examples/brightspoke-cx/data');


const random = seededRandom(20261015);
const pick = list => list[Math.floor(random() * list.length)];
/** An answer on a scale, drawn from weights (index 0 is the scale's low end). */
const weighted = (low, weights) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let roll = random() * total;
    for (const [index, weight] of weights.entries()) {
        roll -= weight;
        if (roll < 0) {
            return low + index;
        }
    }
    return low + weights.length - 1;
};

/** Moves answers one step at a time (randomly chosen, within the scale) until `score(answers)` is `wanted`. */
function nudge(answers, low, high, score, wanted) {
    for (let guard = 0; guard < 10_000 && score(answers) !== wanted; guard++) {
        const up = score(answers) < wanted;
        const candidates = answers.map((answer, index) => [answer, index]).filter(([answer]) => answer !== null && (up ? answer < high : answer > low));
        const [, index] = pick(candidates);
        answers[index] += up ? 1 : -1;
    }
    if (score(answers) !== wanted) {
        throw new Error(`could not reach ${wanted}`);
    }
    return answers;
}

const round = value => Math.round(value * 100) / 100;
const mean = answers => {
    const given = answers.filter(answer => answer !== null);
    return round(given.reduce((sum, answer) => sum + answer, 0) / given.length);
};
const nps = answers => {
    const given = answers.filter(answer => answer !== null);
    return round(100 * (given.filter(answer => answer >= 9).length - given.filter(answer => answer <= 6).length) / given.length);
};

/** RFC 4180: a cell with the delimiter, a quote or a line break is quoted, quotes doubled. */
const cell = (value, delimiter) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows, delimiter) => rows.map(row => row.map(value => cell(value, delimiter)).join(delimiter)).join('\r\n') + '\r\n';

const pad = number => String(number).padStart(2, '0');
const date = (day, minutes) => `2026-10-${pad(1 + (day % 15))} ${pad(7 + Math.floor(minutes / 60) % 12)}:${pad(minutes % 60)}:00`;

// ---- Rider pulse survey (Qualtrics) -------------------------------------------------------------

const DEPOTS = ['Berlin Nord', 'Berlin Süd', 'Hamburg Hafen', 'München Ost', 'Köln Deutz'];
const IMPROVE = [
    '', '', '', '', '', '',
    'More practice with the 100 kg load, please',
    'Battery swap demo was too quick',
    'Trainer was great, "hands-on" all the way',
    'Give us the app before the training, not after',
    'Rain gear, helmets, locks: a checklist would help',
    'The course was fine.\nThe paperwork afterwards was not.',
];
const riders = 318;
const satisfaction = Array.from({ length: riders }, () => (random() < 0.02 ? null : weighted(1, [1, 2, 6, 28, 63])));
nudge(satisfaction, 1, 5, mean, 4.6);
const effort = Array.from({ length: riders }, () => (random() < 0.03 ? null : weighted(1, [20, 34, 22, 12, 7, 3, 2])));
const pulse = [
    ['StartDate', 'EndDate', 'Status', 'ResponseId', 'Depot', 'Q1', 'Q2', 'Q3_TEXT'],
    ['Start Date', 'End Date', 'Response Type', 'Response ID', 'Depot',
        'Overall, how satisfied were you with your rider training? (1-5)',
        'How easy was it to start your first shift? (1 very easy - 7 very hard)',
        'What should we improve?'],
    ['{"ImportId":"startDate","timeZone":"Europe/Berlin"}', '{"ImportId":"endDate","timeZone":"Europe/Berlin"}', '{"ImportId":"status"}',
        '{"ImportId":"_recordId"}', '{"ImportId":"QID5"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}'],
    ...satisfaction.map((answer, index) => {
        const minutes = Math.floor(random() * 600);
        return [date(index, minutes), date(index, minutes + 4), 'IP Address', `R_${(index * 7919 + 104729).toString(36).toUpperCase()}`,
            pick(DEPOTS), answer, effort[index], pick(IMPROVE)];
    }),
];

// ---- Fleet relationship NPS (semicolon, BOM) ----------------------------------------------------

const SEGMENTS = ['Last-mile delivery', 'Food delivery', 'Facility services', 'Municipal'];
const LIFECYCLE = ['First year', 'Established', 'Renewal due'];
const accounts = 50;
const recommend = Array.from({ length: accounts }, () => weighted(0, [0, 0, 1, 1, 1, 2, 3, 6, 10, 12, 9]));
nudge(recommend, 0, 10, nps, 38);
const support = Array.from({ length: accounts }, () => weighted(1, [1, 1, 4, 14, 20]));
nudge(support, 1, 5, mean, 4.4);
const COMMENTS = ['', '', '', 'Great bikes and software, clunky commercials', 'Uptime is excellent; invoices are not', 'Quote took 3 weeks; CargoFlex answered in 2 days', 'Depot team knows our riders by name'];
const relationship = [
    ['Account', 'Segment', 'Lifecycle', 'Bikes', 'How likely are you to recommend BrightSpoke Fleet to a peer? (0-10)', 'Support satisfaction (1-5)', 'Comment'],
    ...recommend.map((answer, index) => [
        `ACC-${String(1001 + index * 37).padStart(5, '0')}`, pick(SEGMENTS), pick(LIFECYCLE), 10 + Math.floor(random() * 140),
        answer, support[index], pick(COMMENTS),
    ]),
];

mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, 'rider-pulse-survey.csv'), csv(pulse, ','));
writeFileSync(path.join(folder, 'fleet-relationship-nps.csv'), `\uFEFF${csv(relationship, ';')}`);
process.stdout.write(`wrote ${path.relative(root, folder)}/rider-pulse-survey.csv (${riders} responses, onboarding CSAT ${mean(satisfaction)}) `
    + `and fleet-relationship-nps.csv (${accounts} accounts, NPS ${nps(recommend)}, support ${mean(support)})\n`);
