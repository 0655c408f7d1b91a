import { DiagnosticSeverity } from 'vscode-languageserver';

/** An LSP severity as the rules and the reports say it: a hint counts as info (the rules write none). */
export function severityName(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'info' {
    return severity === DiagnosticSeverity.Error ? 'error' : severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
}
