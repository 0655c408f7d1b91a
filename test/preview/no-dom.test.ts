// The renderer runs in Node (`journey render`, `journey build`) and in browsers alike: no file of
// packages/preview/src uses the DOM or Node's globals, but for src/browser/ (`@journey/preview/browser`,
// pan and zoom), which the package's index never loads. The package's tsconfig has the DOM lib (for
// src/browser), so the compiler no longer says so; this test does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/journey-process.js';

const SRC = path.join(repoRoot, 'packages/preview/src');
const BROWSER = path.join(SRC, 'browser');

function sources(folder: string): string[] {
    return readdirSync(folder).sort().flatMap(entry => {
        const full = path.join(folder, entry);
        return statSync(full).isDirectory() ? sources(full) : entry.endsWith('.ts') ? [full] : [];
    });
}

/** The code without its comments and string literals (a rough cut, enough for names of globals). */
function code(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, ' ');
}

/** Globals of the DOM and of Node, used as names (not as a property: `x.document` is fine). */
const GLOBALS = /(?<![.\w$])(?:window|document|navigator|location|HTMLElement|SVGElement|Element|Node|Event|KeyboardEvent|PointerEvent|WheelEvent|MouseEvent|getComputedStyle|requestAnimationFrame|localStorage|sessionStorage|DOMParser|XMLSerializer|ResizeObserver|process|require|Buffer|__dirname|__filename)(?![\w$])/g;

function globalsIn(file: string): string[] {
    return [...new Set(code(readFileSync(file, 'utf8')).match(GLOBALS) ?? [])];
}

describe('the renderer uses no DOM (all of packages/preview/src but src/browser)', () => {
    const renderer = sources(SRC).filter(file => !file.startsWith(BROWSER + path.sep));

    it('names no DOM or Node global', () => {
        expect(renderer.length).toBeGreaterThan(10);
        const found = renderer.map(file => [path.relative(SRC, file), globalsIn(file)] as const).filter(([, names]) => names.length > 0);
        expect(found).toEqual([]);
    });

    it('never imports src/browser, and the index does not export it', () => {
        const importsBrowser = renderer.filter(file => /from\s+['"][^'"]*browser\//.test(readFileSync(file, 'utf8')));
        expect(importsBrowser.map(file => path.relative(SRC, file))).toEqual([]);
    });

    it('src/browser is reached by its own subpath, @journey/preview/browser', () => {
        const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'packages/preview/package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
        expect(manifest.exports['./browser']?.default).toBe('./out/browser/index.js');
        expect(manifest.exports['.'].default).toBe('./out/index.js');
    });

    it('the check sees DOM code where there is some (src/browser/pan-zoom.ts)', () => {
        expect(globalsIn(path.join(BROWSER, 'pan-zoom.ts'))).toEqual(expect.arrayContaining(['HTMLElement', 'Element']));
    });
});
