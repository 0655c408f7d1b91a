import { AstUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isServes, isValueGapRow } from '../generated/ast.js';
import { qualifiedParts } from '../references/journey-references.js';

/**
 * Each kind of name as a standard semantic token type, so every theme colours it without a
 * language-specific rule. Declarations carry the `declaration` modifier; references none.
 */
export const SEMANTIC_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Persona: SemanticTokenTypes.class,
    Need: SemanticTokenTypes.property,
    Team: SemanticTokenTypes.namespace,
    Channel: SemanticTokenTypes.enum,
    Metric: SemanticTokenTypes.type,
    Source: SemanticTokenTypes.struct,
    Competitor: SemanticTokenTypes.interface,
    Journey: SemanticTokenTypes.function,
    Stage: SemanticTokenTypes.method,
    Touchpoint: SemanticTokenTypes.event,
    Pain: SemanticTokenTypes.variable,
    Opportunity: SemanticTokenTypes.enumMember,
    Plan: SemanticTokenTypes.macro,
};

/**
 * Semantic tokens for names only (keywords, strings, numbers and comments are the TextMate grammar's):
 * this is what tells a stage called `purchase` from the keyword `purchase`, and a persona from a need.
 */
export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: LangiumServices['shared']['AstReflection'];

    constructor(services: LangiumServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = SEMANTIC_TOKEN_TYPES[node.$type];
        if (declared && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name' as never, type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { reference, property, index } of AstUtils.streamReferences(node)) {
            if ((isServes(node) || isValueGapRow(node)) && property === 'need') {
                const parts = qualifiedParts(node.need);
                if (parts) {
                    acceptor({ cst: parts.persona, type: SemanticTokenTypes.class });
                    acceptor({ cst: parts.need, type: SemanticTokenTypes.property });
                    continue;
                }
            }
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = SEMANTIC_TOKEN_TYPES[target?.$type ?? this.reflection.getReferenceType({ container: node, property, reference })];
            if (type) {
                acceptor({ node, property: property as never, index, type });
            }
        }
    }
}
