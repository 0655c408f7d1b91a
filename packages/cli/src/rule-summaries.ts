import { journeyRules, type RuleSeverity } from '@journey/language';

/** What the CLI tells about a rule: no checks, just the facts (formatters stay pure). */
export interface RuleSummary {
    id: string;
    defaultSeverity: RuleSeverity;
    description: string;
}

/** Every rule of the registry, in the registry's order, read when asked (never a copied list). */
export function ruleSummaries(): RuleSummary[] {
    return journeyRules.map(rule => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description }));
}
