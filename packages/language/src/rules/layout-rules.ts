import { GrammarUtils, type AstNode, type CstNode } from 'langium';
import { isTouchpoint } from '../generated/ast.js';
import { defineRule } from './rule-registry.js';

/**
 * Inside a touchpoint, `evidence` after a pain and `owner` after an opportunity belong to that pain or
 * opportunity, even on the next line: the grammar cannot tell a new touchpoint member from a trailing
 * clause. Written on a line of their own they were almost always meant for the touchpoint.
 */
export const ambiguousClauseRule = defineRule({
    id: 'ambiguous-clause',
    defaultSeverity: 'warning',
    description: "Inside a touchpoint, a pain's `evidence` or an opportunity's `owner` written on a later line, where it reads like the touchpoint's own.",
    checks: {
        Pain: (pain, context) => {
            const keyword = GrammarUtils.findNodeForKeyword(pain.$cstNode, 'evidence');
            if (isTouchpoint(pain.$container) && keyword && startsLaterLine(pain, keyword)) {
                context.report({
                    node: pain, keyword: 'evidence',
                    message: `This \`evidence\` belongs to pain \`${pain.name}\`, not to touchpoint \`${pain.$container.name}\`: `
                        + "write it on the pain's line, or move the touchpoint's `evidence` above the pain.",
                });
            }
        },
        Opportunity: (opportunity, context) => {
            const owner = opportunity.owner?.$cstNode;
            if (isTouchpoint(opportunity.$container) && owner && startsLaterLine(opportunity, owner)) {
                context.report({
                    node: opportunity.owner!, keyword: 'owner',
                    message: `This \`owner\` belongs to opportunity \`${opportunity.name}\`, not to touchpoint \`${opportunity.$container.name}\`: `
                        + "write it on the opportunity's line, or move the touchpoint's `owner` above the opportunity.",
                });
            }
        },
    }
});

function startsLaterLine(node: AstNode, clause: CstNode): boolean {
    return node.$cstNode !== undefined && clause.range.start.line > node.$cstNode.range.start.line;
}
