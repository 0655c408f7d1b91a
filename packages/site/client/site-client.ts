// The site's browser script (bundled by scripts/bundle-site-client.mjs to packages/site/dist/site-client.js,
// an IIFE that the site ships as assets/site.js or inline in a single-file site). It only reads the page:
// no request, no markup from data.
document.documentElement.dataset.script = 'ready';
