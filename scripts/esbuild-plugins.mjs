// esbuild plugins the CLI's and the extension's bundles share (scripts/bundle.mjs, scripts/bundle-vscode.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An import matching `filter` becomes `require(file)` of a bundle beside this one (its own output
 * file), loaded when first used: `import('./commands/index.js')` in the program is `require('./commands.cjs')`.
 * (An `import()` of it would make Node read the whole file once more to find its exports.)
 */
export function requiredBeside(filter, file) {
    const namespace = `beside-${file}`;
    return {
        name: `required-beside:${file}`,
        setup(build) {
            build.onResolve({ filter }, () => ({ path: file, namespace }));
            build.onLoad({ filter: /.*/, namespace }, () => ({ contents: `module.exports = require(${JSON.stringify(file)});`, loader: 'js' }));
            build.onResolve({ filter: new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => ({ path: file, external: true }));
        },
    };
}

/**
 * css-tree and csso (under SVGO) read JSON with `createRequire(import.meta.url)(…)`, which a bundle
 * cannot follow: those reads become imports, and the JSON goes into the bundle.
 */
export const jsonRequiresInlined = {
    name: 'json-requires-inlined',
    setup(build) {
        build.onLoad({ filter: /[\\/]node_modules[\\/](css-tree|csso)[\\/]lib[\\/].*\.js$/ }, async args => {
            let contents = readFileSync(args.path, 'utf8');
            if (!contents.includes('createRequire(import.meta.url)')) {
                return undefined;
            }
            const imports = [];
            contents = contents
                .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
                .replace(/\brequire\((['"])([^'"]+\.json)\1\)/g, (_, quote, file) => {
                    imports.push(`import __json${imports.length} from ${JSON.stringify(file)};`);
                    return `__json${imports.length - 1}`;
                });
            return { contents: `${imports.join('\n')}\n${contents}`, loader: 'js', resolveDir: path.dirname(args.path) };
        });
    },
};
/** fontkit decodes WOFF2 with brotli (half a megabyte); PDFs embed the map font, which is TrueType. */
export const noWoff2 = {
    name: 'no-woff2',
    setup(build) {
        build.onResolve({ filter: /^brotli\/decompress\.js$/ }, () => ({ path: 'brotli', namespace: 'no-woff2' }));
        build.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
            contents: "module.exports = () => { throw new Error('WOFF2 fonts are not read here: the map font is TrueType'); };", loader: 'js',
        }));
    },
};
