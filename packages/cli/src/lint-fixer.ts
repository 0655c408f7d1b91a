import { readFile, writeFile } from 'node:fs/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { compareText, type FindingData } from '@journey/language';
import { hasSyntaxProblems, type LoadedFile } from './journey-workspace.js';

/** What `--fix` did to one file. */
export interface FileFixes {
    filePath: string;
    /** Rule id → how many findings were fixed. */
    fixed: Map<string, number>;
}

const BOM = '\uFEFF';

/**
 * Applies the safe quick fixes (the rule registry's `fix.safe`) of a validated workspace to the files
 * on disk: the first fix of each finding, skipping fixes that overlap an earlier one (the next pass
 * picks them up). Files with syntax errors are never touched. A byte order mark and the file's line
 * ends are kept. Returns what changed, so that callers can re-validate and run another pass.
 */
export async function applySafeFixes(files: readonly LoadedFile[]): Promise<FileFixes[]> {
    const changed: FileFixes[] = [];
    for (const file of files) {
        if (hasSyntaxProblems(file)) {
            continue;
        }
        const chosen: Array<{ ruleId: string; edits: TextEdit[] }> = [];
        for (const diagnostic of file.diagnostics) {
            const data = diagnostic.data as FindingData | undefined;
            const fix = data?.safeFix ? data.fixes?.[0] : undefined;
            if (fix && fix.edits.length > 0 && !chosen.some(other => overlaps(other.edits, fix.edits))) {
                chosen.push({ ruleId: data!.ruleId, edits: fix.edits });
            }
        }
        if (chosen.length === 0) {
            continue;
        }
        const raw = await readFile(file.filePath, 'utf8');
        const hasBom = raw.startsWith(BOM);
        const text = hasBom ? raw.slice(1) : raw;
        if (text !== file.document.textDocument.getText()) {
            continue; // changed on disk since it was read: leave it alone
        }
        const fixedText = TextDocument.applyEdits(file.document.textDocument as TextDocument, chosen.flatMap(c => c.edits));
        await writeFile(file.filePath, (hasBom ? BOM : '') + fixedText);
        const fixed = new Map<string, number>();
        for (const { ruleId } of chosen) {
            fixed.set(ruleId, (fixed.get(ruleId) ?? 0) + 1);
        }
        changed.push({ filePath: file.filePath, fixed });
    }
    return changed;
}

/** Merges the passes of one run into one line per file, in file order. */
export function mergeFixes(passes: readonly FileFixes[][]): FileFixes[] {
    const byFile = new Map<string, Map<string, number>>();
    for (const pass of passes) {
        for (const { filePath, fixed } of pass) {
            const total = byFile.get(filePath) ?? new Map<string, number>();
            fixed.forEach((count, ruleId) => total.set(ruleId, (total.get(ruleId) ?? 0) + count));
            byFile.set(filePath, total);
        }
    }
    return [...byFile].sort(([a], [b]) => compareText(a, b)).map(([filePath, fixed]) => ({ filePath, fixed }));
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
    return a.some(x => b.some(y => before(x.range.start, y.range.end) && before(y.range.start, x.range.end)
        || (equal(x.range.start, y.range.start))));
}

function before(p: { line: number; character: number }, q: { line: number; character: number }): boolean {
    return p.line < q.line || (p.line === q.line && p.character < q.character);
}

function equal(p: { line: number; character: number }, q: { line: number; character: number }): boolean {
    return p.line === q.line && p.character === q.character;
}
