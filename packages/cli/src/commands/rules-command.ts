import { ExitCode } from '../cli-error.js';
import { ruleSummaries, type RuleSummary } from '../rule-summaries.js';
import type { CommandIO } from './lint-command.js';

export interface RulesOptions {
    format: string;
}

/** `journey rules`: every rule of the registry with its default severity and what it checks. */
export function rulesCommand(options: RulesOptions, io: Pick<CommandIO, 'stdout'>): number {
    const rules = ruleSummaries();
    io.stdout(options.format === 'json' ? `${JSON.stringify(rules, undefined, 2)}\n` : rulesTable(rules));
    return ExitCode.Ok;
}

/** An aligned table with a header row, in the registry's order. */
export function rulesTable(rules: readonly RuleSummary[]): string {
    const rows = [['RULE', 'SEVERITY', 'DESCRIPTION'], ...rules.map(rule => [rule.id, rule.defaultSeverity, rule.description])];
    const widths = [0, 1].map(column => Math.max(...rows.map(row => row[column].length)));
    return rows.map(([id, severity, description]) => `${id.padEnd(widths[0])}  ${severity.padEnd(widths[1])}  ${description}\n`).join('');
}
