import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { JourneyDslAstType } from '../generated/ast.js';
import type { JourneyServices } from '../journey-services.js';
import { journeyRules, type FindingData, type JourneyRule, type RuleContext, type RuleSeverity } from '../rules/index.js';

type AnyCheck = (node: unknown, context: RuleContext) => void;

/**
 * Turns the rule registry into Langium validation checks: one check per AST type that runs every
 * enabled rule interested in that type, reporting with the rule's id as the diagnostic code.
 */
export function registerValidationChecks(services: JourneyServices): void {
    const checksByType = new Map<string, Array<{ rule: JourneyRule; check: AnyCheck }>>();
    for (const rule of journeyRules) {
        for (const [type, check] of Object.entries(rule.checks ?? {})) {
            const list = checksByType.get(type) ?? [];
            list.push({ rule, check: check as AnyCheck });
            checksByType.set(type, list);
        }
    }
    const settings = services.validation.JourneySettings;
    const reflection = services.shared.AstReflection;
    const checks: Record<string, (node: unknown, accept: ValidationAcceptor) => void> = {};
    for (const [type, entries] of checksByType) {
        const named = 'name' in reflection.getTypeMetaData(type).properties;
        checks[type] = (node, accept) => {
            if (named && !(node as { name?: string }).name) {
                return; // a declaration whose name is not written yet: the syntax error says so, rules would say `undefined`
            }
            const today = settings.currentDate();
            for (const { rule, check } of entries) {
                const severity = settings.severityOf(rule.id);
                if (severity !== 'off') {
                    check(node, ruleContext(rule, severity, accept, services, today));
                }
            }
        };
    }
    services.validation.ValidationRegistry.register(checks as ValidationChecks<JourneyDslAstType>);
}

function ruleContext(rule: JourneyRule, severity: RuleSeverity, accept: ValidationAcceptor, services: JourneyServices,
    today: RuleContext['today']): RuleContext {
    return {
        today,
        services,
        report: finding => {
            const { node, message, property, index, keyword, range, data, fixes } = finding;
            const findingData: FindingData = { ...data, ruleId: rule.id };
            if (fixes && fixes.length > 0) {
                findingData.fixes = fixes;
                findingData.safeFix = rule.fix?.safe ?? false;
            }
            accept(severity, message, {
                node, property, index, keyword, range,
                code: rule.id,
                data: findingData,
            } as Parameters<ValidationAcceptor>[2]);
        },
    };
}
