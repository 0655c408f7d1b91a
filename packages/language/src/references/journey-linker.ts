import {
    AstUtils, DefaultLinker, DocumentState, RefResolving, isAstNode, isAstNodeDescription, isLinkingError,
    type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type Reference, type ReferenceInfo
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { referencesOf, visitAstNodes } from '../utils/ast-walk.js';

/**
 * Langium's linker with references that are instances of one class. Langium makes each reference an
 * object literal with three getters closing over its arguments: V8 keeps those in dictionary mode,
 * about 700 bytes a reference with its closures, the largest part of a linked file after its CST.
 * {@link JourneyReference} behaves as Langium's reference does (see `DefaultLinker.buildReference`)
 * in about 80 bytes.
 */
export class JourneyLinker extends DefaultLinker {
    /** Langium's loop over the document's references, without its streams (see utils/ast-walk.ts). */
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        await visitAstNodes(document.parseResult.value, cancelToken, node => {
            for (const info of referencesOf(node)) {
                this.doLink(info, document);
            }
        });
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new JourneyReference(this as unknown as LinkerInternals, node, property, refNode, refText);
    }

    override unlink(document: LangiumDocument): void {
        for (const reference of document.references) {
            if (reference instanceof JourneyReference) {
                // Langium deletes the description, which sends the object to dictionary mode.
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            }
        }
        super.unlink(document);
    }
}

/** The protected members of Langium's linker that its references call. */
interface LinkerInternals {
    loadAstNode(description: AstNodeDescription): AstNode | undefined;
    createLinkingError(info: ReferenceInfo, description?: AstNodeDescription): LinkingError;
    getLinkedNode(info: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

/**
 * A reference resolved when first read, as Langium's: `_ref` and `_nodeDescription` are set by the
 * linker too. Its container is the node its CST node belongs to (so it follows the node when the parser
 * replaces it, see parser/journey-parser.ts); kept only for a reference made without a CST node.
 */
class JourneyReference implements Reference {
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;
    private readonly detached: AstNode | undefined;

    constructor(
        private readonly linker: LinkerInternals,
        container: AstNode,
        private readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string,
    ) {
        this.detached = $refNode ? undefined : container;
    }

    private get container(): AstNode {
        return this.detached ?? this.$refNode!.astNode;
    }

    get ref(): AstNode | undefined {
        if (isAstNode(this._ref)) {
            return this._ref;
        }
        if (isAstNodeDescription(this._nodeDescription)) {
            // Found before, not loaded yet.
            this._ref = this.linker.loadAstNode(this._nodeDescription) ?? this.linker.createLinkingError(this.info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            this._ref = RefResolving;
            const document = AstUtils.findRootNode(this.container).$document;
            const found = this.linker.getLinkedNode(this.info());
            if (found.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready: the linker tries again later.
                return this._ref = undefined;
            }
            this._ref = found.node ?? found.error;
            this._nodeDescription = found.descr;
            document?.references.push(this);
        } else if (this._ref === RefResolving) {
            this.linker.throwCyclicReferenceError(this.container, this.property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    private info(): ReferenceInfo {
        return { reference: this, container: this.container, property: this.property };
    }
}

