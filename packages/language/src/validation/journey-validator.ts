import { isOperationCancelled, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { JourneyDslAstType } from '../generated/ast.js';
import type { JourneyServices } from '../journey-services.js';
import { journeyRules, type FindingData, type JourneyRule, type RuleContext, type RuleSeverity } from '../rules/index.js';
import { REPOSITORY_URL } from '../utils/project-links.js';

type AnyCheck = (node: unknown, context: RuleContext) => void;

/**
 * Turns the rule registry into Langium validation checks: one check per AST type that runs every
 * enabled rule interested in that type, reporting with the rule's id as the diagnostic code.
 *
 * Each rule's call is isolated: Langium's own exception wrapper is around the whole check, so a rule
 * that throws would silence the rules after it on that node (and, reported per node, flood the file).
 * Here a rule that throws is reported once per document, as a problem of that rule on the node where it
 * first failed ({@link ruleFailureMessage}), is not run again on that document, and the other rules
 * still run.
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
    // The rules that failed on the document being validated, by its root (reset before each validation).
    const failedRules = new WeakMap<AstNode, Set<string>>();
    services.validation.ValidationRegistry.registerBeforeDocument(root => {
        failedRules.set(root, new Set());
    });
    const checks: Record<string, (node: unknown, accept: ValidationAcceptor) => void> = {};
    for (const [type, entries] of checksByType) {
        const named = 'name' in reflection.getTypeMetaData(type).properties;
        checks[type] = (node, accept) => {
            if (named && !(node as { name?: string }).name) {
                return; // a declaration whose name is not written yet: the syntax error says so, rules would say `undefined`
            }
            const today = settings.currentDate();
            const root = rootOf(node as AstNode);
            const failed = failedRules.get(root) ?? new Set<string>();
            failedRules.set(root, failed);
            for (const { rule, check } of entries) {
                const severity = settings.severityOf(rule.id);
                if (severity === 'off' || failed.has(rule.id)) {
                    continue;
                }
                try {
                    check(node, ruleContext(rule, severity, accept, services, today));
                } catch (error) {
                    if (isOperationCancelled(error)) {
                        throw error;
                    }
                    failed.add(rule.id);
                    reportRuleFailure(rule, severity, error, node as AstNode, accept);
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
            if (services.references.JourneyDeclarations.refersIntoBrokenFile(node)) {
                return; // what a file that does not parse declares is a guess: no finding elsewhere rests on it
            }
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

function rootOf(node: AstNode): AstNode {
    let root = node;
    while (root.$container) {
        root = root.$container;
    }
    return root;
}

/** What a rule that threw says, once per file: which rule, the error, and where to report it. */
export function ruleFailureMessage(ruleId: string, error: unknown): string {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    return `Rule \`${ruleId}\` failed on this file: ${detail}. Its findings here may be incomplete; `
        + `the other rules still ran. Please report it: ${REPOSITORY_URL}/issues`;
}

/**
 * The failure is reported as a finding of the rule itself (its id as the code, its configured
 * severity): it stands in for the findings the rule could not make, so a rule at `error` still fails
 * the lint (the file was not fully checked), a rule at `warning` does not start failing builds over
 * our bug, and the user can silence it as they would the rule (`off`, a suppression comment) until a
 * fix ships. It is placed on the name of the node where the rule first failed, if it has one.
 */
function reportRuleFailure(rule: JourneyRule, severity: RuleSeverity, error: unknown, node: AstNode, accept: ValidationAcceptor): void {
    const named = typeof (node as { name?: unknown }).name === 'string';
    const data: FindingData = { ruleId: rule.id, internalError: true };
    accept(severity, ruleFailureMessage(rule.id, error), {
        node,
        ...(named ? { property: 'name' } : {}),
        code: rule.id,
        data,
    } as Parameters<ValidationAcceptor>[2]);
}
