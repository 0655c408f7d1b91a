// `import text from './file?raw'`: the file's text (vitest reads it so; scripts/bundle.mjs's raw-text plugin too).
declare module '*?raw' {
    const text: string;
    export default text;
}
