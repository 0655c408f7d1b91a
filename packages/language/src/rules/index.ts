import { needNotServedRule } from './coverage-rules.js';
import { duplicateNameRule, unresolvedReferenceRule } from './naming-rules.js';
import type { JourneyRule } from './rule-registry.js';
import { journeyWithoutPersonaRule, personaWithoutNeedsRule, stageWithoutTouchpointsRule } from './structure-rules.js';
import { syntaxRule } from './syntax-rules.js';

export * from './rule-registry.js';

/**
 * Every rule of the language, in the order of the specification's table. The editor, the CLI and the
 * docs all read this list: a rule exists exactly when it is here.
 */
export const journeyRules: readonly JourneyRule[] = [
    syntaxRule,
    unresolvedReferenceRule,
    duplicateNameRule,
    stageWithoutTouchpointsRule,
    personaWithoutNeedsRule,
    needNotServedRule,
    journeyWithoutPersonaRule,
];

const rulesById = new Map(journeyRules.map(rule => [rule.id, rule]));

export function findRule(id: string): JourneyRule | undefined {
    return rulesById.get(id);
}
