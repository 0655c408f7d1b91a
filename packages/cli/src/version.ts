declare const JOURNEY_VERSION: string;

/** The CLI's version: the workspace's, put in by the bundler; a placeholder when run unbundled. */
export const journeyVersion: string = typeof JOURNEY_VERSION === 'string' ? JOURNEY_VERSION : '0.0.0-dev';
