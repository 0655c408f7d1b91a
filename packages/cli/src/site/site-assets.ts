import siteScript from '../../../site/dist/site-client.js?raw';
import type { SiteAssets } from '@journey/site';

/** The site's browser script, bundled by scripts/bundle-site-client.mjs and carried in the CLI's bundle as text. */
export const SITE_ASSETS: SiteAssets = { script: siteScript };
