import type { AstNode } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver';
import type { CalendarDate } from '../model/calendar-date.js';
import type { JourneyDslAstType } from '../generated/ast.js';
import type { JourneyServices } from '../journey-services.js';

/** How loud a rule is. `off` only exists in configuration. */
export type RuleSeverity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = RuleSeverity | 'off';

/** Where a finding points: a property of a node (its name, a reference), a keyword, or an explicit range. */
export interface RuleFinding {
    node: AstNode;
    message: string;
    property?: string;
    index?: number;
    keyword?: string;
    range?: Range;
    /** Extra facts for quick fixes (e.g. the suggested names). */
    data?: Record<string, unknown>;
    /** Quick fixes, computed where the finding is made so that the editor and `--fix` apply the same edits. */
    fixes?: QuickFix[];
}

/** One way to fix a finding: a title for the editor's light bulb and the edits (all in the finding's file). */
export interface QuickFix {
    title: string;
    edits: TextEdit[];
}

/** What travels in a diagnostic's `data` for the code action provider and `journey lint --fix`. */
export interface FindingData {
    ruleId: string;
    fixes?: QuickFix[];
    /** True when the rule's fixes cannot change meaning: `journey lint --fix` applies the first one. */
    safeFix?: boolean;
    [key: string]: unknown;
}

export interface RuleContext {
    report(finding: RuleFinding): void;
    /** "Today" for the date rules: the clock, or what the user or a test asked for. */
    readonly today: CalendarDate;
    readonly services: JourneyServices;
}

/** Checks keyed by AST type, each called once per node of that type. */
export type RuleChecks = {
    [K in keyof JourneyDslAstType]?: (node: JourneyDslAstType[K], context: RuleContext) => void;
};

export interface JourneyRule {
    /** Stable id: the diagnostic's `code`, the key in `journey.config.json`, the name of its doc page. */
    readonly id: string;
    readonly defaultSeverity: RuleSeverity;
    /** One line: what the rule checks. */
    readonly description: string;
    /** Node checks. Rules reported by the parser or linker (`syntax`, `unresolved-reference`) may have none. */
    readonly checks?: RuleChecks;
    /**
     * The spec's quick fix, in words; `safe` when applying it cannot change what the map means, so
     * `journey lint --fix` may apply it unattended. Editors offer every fix.
     */
    readonly fix?: { readonly description: string; readonly safe: boolean };
    /**
     * `false`: always reported at its default severity. No configuration or suppression comment applies
     * (a configuration that tries is a problem of the configuration): a file that does not say what it
     * means is never clean.
     */
    readonly configurable?: false;
}

/** Whether the configuration and suppression comments may change what a rule reports. */
export function isConfigurable(rule: JourneyRule | undefined): boolean {
    return rule?.configurable !== false;
}

export function defineRule(rule: JourneyRule): JourneyRule {
    return rule;
}
