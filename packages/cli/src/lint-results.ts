import type { Diagnostic } from 'vscode-languageserver';
import type { FindingData } from '@journey/language';
import { hasSyntaxProblems, type LoadedFile } from './journey-workspace.js';

/** ESLint's severities: 2 error, 1 warning; 0 is our info (shown only when asked for). */
export type LintSeverity = 0 | 1 | 2;

/** One problem, in the shape of ESLint's JSON formatter (1-based lines and columns, end exclusive). */
export interface LintMessage {
    ruleId: string;
    severity: LintSeverity;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

/** One file's problems, in the shape of ESLint's JSON formatter. */
export interface LintResult {
    filePath: string;
    messages: LintMessage[];
    suppressedMessages: LintMessage[];
    errorCount: number;
    fatalErrorCount: number;
    warningCount: number;
    fixableErrorCount: number;
    fixableWarningCount: number;
    usedDeprecatedRules: never[];
}

export interface ResultOptions {
    /** Errors only (`--quiet`). */
    quiet?: boolean;
    /** Keep info diagnostics, as severity 0 (`--info`). */
    includeInfo?: boolean;
}

export function toLintResults(files: readonly LoadedFile[], options: ResultOptions = {}): LintResult[] {
    return resultsOf(files.map(file => ({ filePath: file.filePath, messages: fileMessages(file) })), options);
}

/** One finding of a file as the results read it: the message, and whether `--fix` would fix it. */
export interface FileMessage {
    message: LintMessage;
    fixable: boolean;
}

/** A file's findings, every severity (what `lint --cache` keeps of a file). */
export interface FileMessages {
    filePath: string;
    messages: readonly FileMessage[];
}

/**
 * Every finding of a file, with whether `--fix` would fix it: ESLint counts the problems `--fix` would
 * fix; ours are the safe quick fixes, never in a file with syntax errors.
 */
export function fileMessages(file: LoadedFile): FileMessage[] {
    const syntaxProblems = hasSyntaxProblems(file);
    return file.diagnostics.map(diagnostic => ({ message: toLintMessage(diagnostic), fixable: !syntaxProblems && isSafelyFixable(diagnostic) }));
}

/** The results of files' findings: `toLintResults` for findings read from a file or from the cache. */
export function resultsOf(files: readonly FileMessages[], options: ResultOptions = {}): LintResult[] {
    return files.map(file => {
        const kept = file.messages
            .filter(({ message }) => message.severity === 2 || (!options.quiet && (message.severity === 1 || options.includeInfo)));
        const messages = kept.map(({ message }) => message);
        const fixable = kept.filter(entry => entry.fixable).map(entry => entry.message);
        return {
            filePath: file.filePath,
            messages,
            suppressedMessages: [],
            errorCount: count(messages, 2),
            fatalErrorCount: messages.filter(message => message.severity === 2 && message.ruleId === 'syntax').length,
            warningCount: count(messages, 1),
            fixableErrorCount: count(fixable, 2),
            fixableWarningCount: count(fixable, 1),
            usedDeprecatedRules: [],
        };
    });
}

/** The info findings (severity 0) of the files: what `--info` adds to the output. */
export function infoCountOf(files: readonly FileMessages[]): number {
    return files.reduce((sum, file) => sum + file.messages.filter(({ message }) => message.severity === 0).length, 0);
}

/** What `--fix` applies: the finding's first fix, when the rule says its fixes are safe (see lint-fixer). */
function isSafelyFixable(diagnostic: Diagnostic): boolean {
    const data = diagnostic.data as FindingData | undefined;
    return Boolean(data?.safeFix && (data.fixes?.[0]?.edits.length ?? 0) > 0);
}

function toLintMessage(diagnostic: Diagnostic): LintMessage {
    const { start, end } = diagnostic.range;
    return {
        ruleId: String(diagnostic.code ?? 'syntax'),
        severity: diagnostic.severity === 1 ? 2 : diagnostic.severity === 2 ? 1 : 0,
        message: diagnostic.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
    };
}

function count(messages: readonly LintMessage[], severity: LintSeverity): number {
    return messages.filter(message => message.severity === severity).length;
}

export interface LintTotals {
    errors: number;
    warnings: number;
    infos: number;
}

export function totalsOf(results: readonly LintResult[]): LintTotals {
    const totals = { errors: 0, warnings: 0, infos: 0 };
    for (const result of results) {
        totals.errors += result.errorCount;
        totals.warnings += result.warningCount;
        totals.infos += count(result.messages, 0);
    }
    return totals;
}
