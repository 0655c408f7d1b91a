import { AstUtils, UriUtils, type AstNode, type AstNodeDescription } from 'langium';
import type { Journey, Persona } from '../generated/ast.js';
import { propertyRange, replaceRange } from '../fixes/text-edits.js';
import { defineRule, type QuickFix, type RuleContext } from './rule-registry.js';
import { uniqueName } from './unique-names.js';
import { astNodesOf } from '../utils/ast-walk.js';

/** Parse and link errors are turned into diagnostics by the document validator; this entry carries their metadata. */
export const unresolvedReferenceRule = defineRule({
    id: 'unresolved-reference',
    defaultSeverity: 'error',
    description: 'A name refers to nothing that is declared where it may be used; the message lists close matches.',
    fix: { description: 'Change the name to one of the close matches.', safe: false },
});

export const duplicateNameRule = defineRule({
    id: 'duplicate-name',
    defaultSeverity: 'error',
    description: 'Two declarations share one name in one scope (the workspace, a persona or a journey).',
    // Not safe: references to the name may have meant either declaration.
    fix: { description: 'Rename the later declaration to a free name (`name_2`).', safe: false },
    checks: {
        Model: (model, context) => {
            for (const declaration of model.declarations) {
                checkTopLevel(declaration, context);
            }
        },
        Persona: (persona, context) => checkLocalNames(persona, context),
        Journey: (journey, context) => checkLocalNames(journey, context),
    }
});

function checkTopLevel(node: AstNode & { name?: string }, context: RuleContext): void {
    if (!node.name) {
        return;
    }
    const first = context.services.references.JourneyDeclarations.declarationsNamed(node.name)[0];
    const document = AstUtils.getDocument(node);
    const isFirst = !first || (first.documentUri.toString() === document.uri.toString()
        && first.path === context.services.workspace.AstNodeLocator.getAstNodePath(node));
    if (isFirst) {
        return;
    }
    context.report({
        node,
        property: 'name',
        message: `Duplicate name \`${node.name}\`: ${article(first.type)} ${kindOf(first.type)} \`${node.name}\` is already declared `
            + `${whereIs(first, document.uri.toString())}. Top-level names are shared by all files of the workspace: rename one of them.`,
        fixes: renameFix(node, name => context.services.references.JourneyDeclarations.declarationsNamed(name).length > 0),
    });
}

/** "Rename to `quote_2`": the first name of `name_2`, `name_3`, … that `taken` does not hold. */
function renameFix(node: AstNode & { name?: string }, taken: (name: string) => boolean): QuickFix[] {
    const range = propertyRange(node, 'name');
    if (!range || !node.name) {
        return [];
    }
    let candidate = `${node.name}_2`;
    for (let i = 3; taken(candidate); i++) {
        candidate = `${node.name}_${i}`;
    }
    return [{ title: `Rename this ${kindOf(node.$type)} to \`${candidate}\``, edits: [replaceRange(range, candidate)] }];
}

function checkLocalNames(scope: Journey | Persona, context: RuleContext): void {
    const seen = new Map<string, AstNode>();
    for (const node of namedInTextOrder(scope)) {
        const { name } = node;
        const first = seen.get(name);
        if (!first) {
            seen.set(name, node);
            continue;
        }
        const line = (first.$cstNode?.range.start.line ?? 0) + 1;
        const scopeKind = scope.$type === 'Journey' ? 'journey' : 'persona';
        context.report({
            node,
            property: 'name',
            message: `Duplicate name \`${name}\`: ${article(first.$type)} ${kindOf(first.$type)} \`${name}\` is already declared on line ${line} `
                + `of this ${scopeKind}. Names inside a ${scopeKind} must be unique: rename one of them.`,
            fixes: renameFix(node, candidate => uniqueName(scope, candidate) !== candidate),
        });
    }
}

/**
 * The named declarations inside a scope in the order of the text: the AST walk goes kind by kind
 * (a stage's touchpoints, then its pains), and "the first" declaration is the one written first.
 */
function namedInTextOrder(scope: AstNode): Array<AstNode & { name: string }> {
    return astNodesOf(scope, false)
        .filter((node): node is AstNode & { name: string } => {
            const name = (node as { name?: unknown }).name;
            return typeof name === 'string' && name !== '';
        })
        .sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
}

function whereIs(description: AstNodeDescription, currentUri: string): string {
    const line = (description.nameSegment?.range.start.line ?? 0) + 1;
    return description.documentUri.toString() === currentUri
        ? `on line ${line}`
        : `in ${UriUtils.basename(description.documentUri)} on line ${line}`;
}

/** "Touchpoint" → "touchpoint"; used in messages. */
export function kindOf(type: string): string {
    return type === 'Addressable' ? 'pain or opportunity' : type.toLowerCase();
}

function article(type: string): string {
    return /^[aeiou]/i.test(kindOf(type)) ? 'an' : 'a';
}

/** Reported by the document validator, which owns suppressions (see suppressions.ts). */
export const unusedSuppressionRule = defineRule({
    id: 'unused-suppression',
    defaultSeverity: 'info',
    description: 'A `// journey-disable-next-line` comment silences nothing on the next line, or names an unknown rule.',
    fix: { description: 'Remove the unused rule from the comment (or the whole comment).', safe: true },
});
