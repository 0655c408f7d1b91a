import { needNotServedRule } from './coverage-rules.js';
import { duplicateNameRule, unresolvedReferenceRule, unusedSuppressionRule } from './naming-rules.js';
import type { JourneyRule } from './rule-registry.js';
import { journeyWithoutPersonaRule, personaWithoutNeedsRule, stageWithoutTouchpointsRule } from './structure-rules.js';
import { syntaxRule } from './syntax-rules.js';
import { kpiOffTargetRule, painWithoutOpportunityRule, unsupportedClaimRule, valueGapRule } from './evidence-rules.js';
import { deadEndRule, unreachableTouchpointRule } from './flow-rules.js';
import { futureWithoutCurrentRule, missingPostPurchaseRule, missingTriggerRule, staleMapRule } from './journey-rules.js';
import { opportunityWithoutOwnerRule, touchpointWithoutChannelRule, touchpointWithoutOwnerRule } from './ownership-rules.js';
import { planOverdueRule } from './plan-rules.js';
import { claimWithoutResearchRule, dataUnreadableRule, sampleMismatchRule, smallSampleRule, staleEvidenceRule } from './data-rules.js';
import { emotionOutOfRangeRule, scoreOutOfRangeRule } from './range-rules.js';

export * from './rule-registry.js';

/**
 * Every rule of the language, in the order of the rule tables of docs/language.md and docs/rules/README.md.
 * The editor, the CLI and the docs all read this list: a rule exists exactly when it is here.
 */
export const journeyRules: readonly JourneyRule[] = [
    syntaxRule,
    unresolvedReferenceRule,
    duplicateNameRule,
    stageWithoutTouchpointsRule,
    personaWithoutNeedsRule,
    needNotServedRule,
    journeyWithoutPersonaRule,
    missingTriggerRule,
    missingPostPurchaseRule,
    emotionOutOfRangeRule,
    scoreOutOfRangeRule,
    touchpointWithoutChannelRule,
    touchpointWithoutOwnerRule,
    opportunityWithoutOwnerRule,
    painWithoutOpportunityRule,
    unsupportedClaimRule,
    kpiOffTargetRule,
    valueGapRule,
    unreachableTouchpointRule,
    deadEndRule,
    staleMapRule,
    planOverdueRule,
    futureWithoutCurrentRule,
    dataUnreadableRule,
    smallSampleRule,
    sampleMismatchRule,
    staleEvidenceRule,
    claimWithoutResearchRule,
    unusedSuppressionRule,
];

const rulesById = new Map(journeyRules.map(rule => [rule.id, rule]));

export function findRule(id: string): JourneyRule | undefined {
    return rulesById.get(id);
}
