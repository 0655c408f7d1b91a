#!/usr/bin/env node
// The action's pull-request comment (action.yml, `diff` with `comment: true`): the `journey diff`
// Markdown posted on the pull request, or the comment posted before updated, found by its hidden
// marker line, so that a pull request has one journey diff comment however often it is pushed to.
// Everything comes from the environment: GITHUB_EVENT_PATH (the pull request's number),
// GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN and JOURNEY_DIFF_MARKDOWN (the report's path).
// It never fails the step: without permission (a fork's pull request) it warns, and the job summary
// still has the diff.
'use strict';
const { readFileSync } = require('node:fs');

const MARKER = '<!-- journey-diff -->';
const PER_PAGE = 100;

function pullRequestNumber(eventPath) {
    if (!eventPath) return undefined;
    try {
        const number = JSON.parse(readFileSync(eventPath, 'utf8'))?.pull_request?.number;
        return Number.isInteger(number) ? number : undefined;
    } catch {
        return undefined;
    }
}

/** A workflow command's message: %, CR and LF escaped as the runner reads them. */
function escapeCommand(text) {
    return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function isOurs(comment) {
    return typeof comment?.body === 'string' && comment.body.trimStart().startsWith(MARKER);
}

async function main(env) {
    const number = pullRequestNumber(env.GITHUB_EVENT_PATH);
    if (number === undefined) {
        console.log('journey diff: not a pull request, no comment (the job summary has the diff).');
        return;
    }
    const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY;
    if (!repository) throw new Error('GITHUB_REPOSITORY is not set');
    if (!env.GITHUB_TOKEN) throw new Error('no token (the github-token input is empty)');
    const body = `${MARKER}\n${readFileSync(env.JOURNEY_DIFF_MARKDOWN, 'utf8')}`;
    const headers = {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${env.GITHUB_TOKEN}`,
        'Content-Type': 'application/json',
        'User-Agent': 'journey-maps-action',
        'X-GitHub-Api-Version': '2022-11-28',
    };
    const request = async (method, url, payload) => {
        const response = await fetch(url, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
        const text = await response.text();
        if (!response.ok) {
            let message = text;
            try { message = JSON.parse(text).message ?? text; } catch { /* not JSON */ }
            throw new Error(`${method} ${url.replace(api, '')}: HTTP ${response.status}${message ? ` ${message}` : ''}`);
        }
        return text ? JSON.parse(text) : undefined;
    };

    const comments = `${api}/repos/${repository}/issues/${number}/comments`;
    let existing;
    for (let page = 1; existing === undefined; page++) {
        const batch = await request('GET', `${comments}?per_page=${PER_PAGE}&page=${page}`);
        if (!Array.isArray(batch)) break;
        existing = batch.find(isOurs);
        if (batch.length < PER_PAGE) break;
    }
    if (existing) {
        const updated = await request('PATCH', `${api}/repos/${repository}/issues/comments/${existing.id}`, { body });
        console.log(`journey diff: updated the comment on pull request #${number}${updated?.html_url ? `: ${updated.html_url}` : ''}`);
    } else {
        const created = await request('POST', comments, { body });
        console.log(`journey diff: commented on pull request #${number}${created?.html_url ? `: ${created.html_url}` : ''}`);
    }
}

main(process.env).catch(error => {
    const message = `Could not comment the diff on the pull request (${error?.message ?? error}). The job summary has it; `
        + 'to comment, give the job `permissions: pull-requests: write` (a pull request from a fork gets no write token).';
    console.log(`::warning title=journey diff::${escapeCommand(message)}`);
});
