import { html, join, raw, type Markup } from './markup.js';
import { INDEX_PAGE, PERSONAS_PAGE, REPORTS_PAGE, SCRIPT, STYLESHEET, type PagePath, type SitePaths } from '../site/site-paths.js';
import type { SiteOptions } from '../site/site-input.js';

/** A page of the site before it is put in its document: path, title, which part of the site it is in, its content. */
export interface SitePage {
    path: PagePath;
    title: string;
    section: 'journeys' | 'personas' | 'reports';
    body: Markup;
}

export interface ShellContext {
    siteTitle: string;
    version: string;
    paths: SitePaths;
    options: SiteOptions;
}

/**
 * The Content Security Policy of every page: nothing but the site's own script and styles, by nonce
 * (the SVG maps' `<style>` carries it too), images only as data: URLs, no base URL, no form, and, when
 * served live, a connection back to the server for the reload events.
 */
export function contentSecurityPolicy(options: SiteOptions): string {
    // Written as is into the page (its quotes are the CSP's): a nonce is base64 and the rest is ours.
    if (!/^[A-Za-z0-9+/=_-]+$/.test(options.nonce)) {
        throw new Error(`a CSP nonce is base64, not "${options.nonce}"`);
    }
    const nonce = `'nonce-${options.nonce}'`;
    return [
        "default-src 'none'",
        `script-src ${nonce}`,
        `style-src ${nonce}`,
        'img-src data:',
        ...(options.live ? ["connect-src 'self'"] : []),
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}

/** One page as its own HTML document (the site of many files). */
export function pageDocument(page: SitePage, context: ShellContext): string {
    const { paths, options } = context;
    const nonce = options.nonce;
    return documentOf(context, page.title, page.path, [
        html`<link rel="stylesheet" href="${paths.asset(page.path, STYLESHEET)}" nonce="${nonce}">`,
        html`<script src="${paths.asset(page.path, SCRIPT)}" nonce="${nonce}" defer></script>`,
    ], pageBody(page, context));
}

/**
 * Every page in one document (`--single-file`): each a `<div data-page>` of its own, one shown at a
 * time by the script from the `#page=PATH` of the address (the index without one); stylesheet and
 * script inline.
 */
export function singleFileDocument(pages: readonly SitePage[], context: ShellContext, stylesheet: string, script: string): string {
    const nonce = context.options.nonce;
    const index = pages.find(page => page.path === INDEX_PAGE) ?? pages[0];
    return documentOf(context, index.title, index.path, [
        html`<style nonce="${nonce}">${raw(stylesheet)}</style>`,
        html`<script nonce="${nonce}" defer>${raw(script.replace(/<\/script/gi, '<\\/script'))}</script>`,
    ], join(pages.map(page => html`<div class="page" data-page="${page.path}" data-title="${page.title}"${page === index ? '' : raw(' hidden')}>${pageBody(page, context)}</div>`), '\n'));
}

function documentOf(context: ShellContext, title: string, path: PagePath, head: Markup[], body: Markup): string {
    const { options } = context;
    return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(contentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="journey ${context.version}">
<title>${title}</title>
${join(head, '\n')}
</head>
<body data-page="${path}"${options.singleFile ? raw(' data-single-file=""') : ''}${options.live ? html` data-live="${options.live.eventsUrl}"` : ''}>
${body}
</body>
</html>
`.text;
}

function pageBody(page: SitePage, context: ShellContext): Markup {
    const { paths, siteTitle } = context;
    const link = (to: PagePath, label: string, section: SitePage['section'] | 'index') => {
        const current = section === page.section || (section === 'index' && page.path === INDEX_PAGE);
        return html`<a href="${paths.href(page.path, to)}"${current ? raw(' aria-current="page"') : ''}>${label}</a>`;
    };
    return html`<a class="skip-link" href="#main-${pageAnchor(page.path)}">Skip to content</a>
<header class="site-header">
<a class="site-title" href="${paths.href(page.path, INDEX_PAGE)}">${siteTitle}</a>
<nav aria-label="Site">${link(INDEX_PAGE, 'Journeys', 'journeys')}${link(PERSONAS_PAGE, 'Personas', 'personas')}${link(REPORTS_PAGE, 'Reports', 'reports')}</nav>
</header>
<main id="main-${pageAnchor(page.path)}" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">Made with journey ${context.version} from the .journey files in the repository.</footer>`;
}

/** A page's path as an id fragment (unique per page, so the single-file site has no id twice). */
export function pageAnchor(path: PagePath): string {
    return path.replace(/\.html$/, '').replace(/[^A-Za-z0-9_-]/g, '-');
}
