import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, UriUtils, isReference,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumDocument,
    type NameProvider, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { referencesOf, visitAstNodes } from '../utils/ast-walk.js';

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

/**
 * Langium's descriptions of references (the index behind find-references, rename and the reference
 * counts; the CLI does not build it) as instances of one class whose segment and source path are
 * worked out when asked: Langium stores a segment with its range, and the path of the referring node,
 * for each reference of the workspace.
 */
export class JourneyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** Langium's loop over the document's references, without its streams (see utils/ast-walk.ts). */
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await visitAstNodes(document.parseResult.value, cancelToken, node => {
            for (const info of referencesOf(node)) {
                if (!info.reference.error) {
                    for (const description of this.createInfoDescriptions(info)) {
                        descriptions.push(description);
                    }
                }
            }
        });
        return descriptions;
    }

    protected override createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] {
        const reference = info.reference;
        if (!isReference(reference) || reference.error || !reference.$refNode || !reference.$nodeDescription) {
            return super.createInfoDescriptions(info);
        }
        return [new JourneyReferenceDescription(info.container, reference.$refNode, AstUtils.getDocument(info.container).uri, reference.$nodeDescription, this.nodeLocator)];
    }
}

class JourneyReferenceDescription implements ReferenceDescription {
    readonly local: boolean;

    constructor(
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        readonly sourceUri: URI,
        private readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator,
    ) {
        this.local = UriUtils.equals(target.documentUri, sourceUri);
    }

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get targetPath(): string {
        return this.target.path;
    }

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }
}
