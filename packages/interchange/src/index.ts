export * from './csv-export.js';
export * from './identifiers.js';
export * from './journey-text.js';
export * from './json-export.js';
export * from './mermaid-export.js';
export * from './mermaid-import.js';
export * from './mermaid-journey-parser.js';
export * from './mermaid-text.js';
