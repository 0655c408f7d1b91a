import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/language/src');

/**
 * The layers of packages/language/src and what each may import (besides its own folder). A layer is
 * a folder, or one of the root files. Reading down the table, each layer sees only those above it:
 *
 *   generated ← parser ← references ← model ← rules ← config ← validation ← lsp | formatting ← journey-module ← server
 *
 * with utils/ (ordering, close matches, project links) and fixes/ (text edits) usable from their
 * rank on. journey-services.ts holds the service types only: anyone may `import type` it, and it
 * may `import type` what the types name; it is left out of the cycle check (types are erased).
 * Changing the architecture means changing this table (and ARCHITECTURE.md's copy of it).
 */
const ALLOWED: Record<string, readonly string[]> = {
    'generated': [],
    'utils': [],
    'parser': ['generated', 'utils'],
    'references': ['generated', 'parser', 'utils'],
    // Data files (CSV exports) and the KPIs computed from them: below the model, which reads their values.
    'data': ['generated', 'parser', 'utils'],
    'model': ['generated', 'parser', 'references', 'data', 'utils'],
    'fixes': ['generated', 'utils'],
    'rules': ['generated', 'parser', 'references', 'data', 'model', 'fixes', 'utils'],
    'config': ['generated', 'parser', 'references', 'data', 'model', 'rules', 'utils'],
    'validation': ['generated', 'parser', 'references', 'data', 'model', 'rules', 'config', 'utils'],
    'lsp': ['generated', 'parser', 'references', 'data', 'model', 'rules', 'fixes', 'config', 'validation', 'utils'],
    'formatting': ['generated', 'parser', 'references', 'model', 'utils'],
    'journey-module.ts': ['generated', 'parser', 'references', 'data', 'model', 'rules', 'config', 'validation', 'lsp', 'formatting', 'utils'],
    'server': ['generated', 'parser', 'references', 'model', 'utils', 'journey-module.ts'],
    'index.ts': ['generated', 'parser', 'references', 'data', 'model', 'rules', 'config', 'validation', 'formatting', 'utils', 'journey-module.ts'],
    'journey-services.ts': ['parser', 'references', 'validation', 'data'],
};
/** The types-only hub: every import of it, and every import in it, is `import type`. */
const TYPE_HUB = 'journey-services.ts';

interface Import { from: string; to: string; typeOnly: boolean; spec: string }

function sourceFiles(dir: string, rel = ''): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            return entry.name === 'generated' ? [] : sourceFiles(path.join(dir, entry.name), relPath);
        }
        return entry.name.endsWith('.ts') ? [relPath] : [];
    });
}

/** The layer of a file (path relative to src): its top folder, or the file itself at the root. */
function layerOf(relPath: string): string {

    return relPath.split('/')[0]!;
}

/** Every relative `import … from`, `export … from` and `import('…')` of a source text. */
function relativeImports(relPath: string, text: string): Import[] {
    const imports: Import[] = [];
    const pattern = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;
    for (const match of text.matchAll(pattern)) {
        const spec = match[3] ?? match[4]!;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(relPath), spec)).replace(/\.js$/, '.ts');
        imports.push({ from: relPath, to: target, typeOnly: Boolean(match[2]), spec });
    }
    return imports;
}

function allImports(): Import[] {
    return sourceFiles(SRC).flatMap(file => relativeImports(file, fs.readFileSync(path.join(SRC, file), 'utf8')));
}

/** The forbidden edges among the given imports, as readable lines. */
function violations(imports: readonly Import[]): string[] {
    const problems: string[] = [];
    for (const { from, to, typeOnly, spec } of imports) {
        const fromLayer = layerOf(from);
        const toLayer = layerOf(to);
        if (to.startsWith('..')) {
            problems.push(`${from} imports ${spec}, outside the package's sources`);
            continue;
        }
        if (toLayer === TYPE_HUB || fromLayer === TYPE_HUB) {
            if (!typeOnly) {
                problems.push(`${from} imports ${spec} without \`import type\`: ${TYPE_HUB} is types only`);
            }
            if (fromLayer !== TYPE_HUB) {
                continue; // anyone may name the service types
            }
        }
        if (fromLayer === toLayer) {
            continue;
        }
        const allowed = ALLOWED[fromLayer];
        if (!allowed) {
            problems.push(`${from} is in no layer of the table (add its folder to ALLOWED)`);
        } else if (!allowed.includes(toLayer)) {
            problems.push(`${from} imports ${spec}: ${fromLayer} may not import ${toLayer}`);
        }
    }
    return problems;
}

/** A cycle among layers (the type hub left out), as `a → b → a`, or undefined. */
function layerCycle(imports: readonly Import[]): string | undefined {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
        const a = layerOf(from);
        const b = layerOf(to);
        if (a !== b && a !== TYPE_HUB && b !== TYPE_HUB) {
            edges.set(a, (edges.get(a) ?? new Set()).add(b));
        }
    }
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string): string | undefined => {
        if (state.get(node) === 'done') {
            return undefined;
        }
        if (state.get(node) === 'open') {
            return [...stack.slice(stack.indexOf(node)), node].join(' → ');
        }
        state.set(node, 'open');
        stack.push(node);
        for (const next of [...(edges.get(node) ?? [])].sort()) {
            const cycle = visit(next);
            if (cycle) {
                return cycle;
            }
        }
        stack.pop();
        state.set(node, 'done');
        return undefined;
    };
    for (const node of [...edges.keys()].sort()) {
        const cycle = visit(node);
        if (cycle) {
            return cycle;
        }
    }
    return undefined;
}

describe('layering of packages/language/src', () => {
    const imports = allImports();

    it('reads the imports it checks', () => {
        expect(imports.length).toBeGreaterThan(100);
        expect(imports.some(i => i.from === 'index.ts' && i.to === 'journey-module.ts')).toBe(true);
        expect(imports.some(i => i.from === 'server/language-server.ts' && i.to === 'journey-module.ts')).toBe(true);
    });

    it('every import goes in an allowed direction', () => {
        expect(violations(imports)).toEqual([]);
    });

    it('has no import cycle between layers', () => {
        expect(layerCycle(imports)).toBeUndefined();
    });

    it('only index.ts and server/ import journey-module.ts; nothing imports server/', () => {
        const moduleImporters = imports.filter(i => i.to === 'journey-module.ts').map(i => layerOf(i.from));
        expect([...new Set(moduleImporters)].sort()).toEqual(['index.ts', 'server']);
        expect(imports.filter(i => layerOf(i.to) === 'server' && layerOf(i.from) !== 'server')).toEqual([]);
    });

    it('model/ does not import rules/', () => {
        expect(imports.filter(i => layerOf(i.from) === 'model' && layerOf(i.to) === 'rules')).toEqual([]);
    });

    it('catches a forbidden import and a cycle', () => {
        const forbidden = relativeImports('model/journey-model.ts', "import { valueGapRows } from '../rules/evidence-rules.js';");
        expect(violations(forbidden)).toEqual(['model/journey-model.ts imports ../rules/evidence-rules.js: model may not import rules']);
        const valueImportOfHub = relativeImports('lsp/x.ts', "import { JourneyServices } from '../journey-services.js';");
        expect(violations(valueImportOfHub)).toHaveLength(1);
        const both = [...imports, ...relativeImports('model/x.ts', "export * from '../lsp/journey-cards.js';")];
        // The real imports have no cycle; the one added export closes model → lsp → model.
        expect(layerCycle(imports)).toBeUndefined();
        expect(layerCycle(both)).toBe('model → lsp → model');
    });
});
