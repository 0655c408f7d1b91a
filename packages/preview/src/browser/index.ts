// `@journey/preview/browser`: the DOM code the VS Code webview and the site's script share.
export * from './pan-zoom.js';
export * from './persona-focus.js';
export * from './mini-map.js';
