import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider,
    type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type NameProvider, type URI
} from 'langium';

/**
 * Langium's descriptions of named nodes (what scopes and the index hold, one per declaration and per
 * named thing in a journey) as instances of one class. Langium's are object literals with a getter
 * closing over its arguments: V8 keeps those in dictionary mode, ~500 bytes each. Both segments are
 * worked out when first asked, from the node's CST (the node is kept either way).
 */
export class JourneyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const path = this.astNodeLocator.getAstNodePath(node);
        name ??= this.nameProvider.getName(node);
        if (!name) {
            throw new Error(`Node at path ${path} has no name.`);
        }
        return new JourneyNodeDescription(node, name, (document ?? AstUtils.getDocument(node)).uri, path, this.nameProvider);
    }
}

class JourneyNodeDescription implements AstNodeDescription {
    readonly type: string;
    /** The name's segment once asked for (`null`: not yet). */
    private foundNameSegment: DocumentSegment | undefined | null = null;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly names: NameProvider,
    ) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        if (this.foundNameSegment === null) {
            this.foundNameSegment = CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
        }
        return this.foundNameSegment;
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
