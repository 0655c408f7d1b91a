import {
    AstUtils, CstUtils, DefaultReferences, stream, type AstNode, type CstNode, type FindReferencesOptions, type LangiumDocument,
    type LangiumDocuments, type Reference, type ReferenceDescription, type Stream
} from 'langium';
import { DefaultDefinitionProvider, type GoToLink, type LangiumServices } from 'langium/lsp';
import { isPersona, isServes, isValueGapRow, type Need, type Serves, type ValueGapRow } from '../generated/ast.js';

/**
 * References that understand `persona.need`: the persona part of a qualified need reference is a
 * reference to the persona, the need part a reference to the need. Go to definition, find references,
 * document highlight, hover and rename all ask this service, so each of them gets it right at once:
 * - `findDeclarations` on `olivia` in `serves olivia.clear_pricing` answers the persona;
 * - `findReferences(need)` answers the need part only (`clear_pricing`), so a rename keeps `olivia.`;
 * - `findReferences(persona)` also answers the persona part of every qualified reference to its needs.
 */
export class JourneyReferences extends DefaultReferences {
    private readonly langiumDocuments: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const qualified = qualifiedPartAt(sourceCstNode);
        if (qualified?.part === 'persona') {
            // The need may not resolve (yet): the persona part still names a persona.
            const persona = qualified.reference.ref?.$container ?? this.globalPersona(sourceCstNode.text);
            return persona ? [persona] : [];
        }
        return super.findDeclarations(sourceCstNode);
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const own = super.findReferences(targetNode, options).toArray().map(ref => this.narrow(ref, 'need'));
        if (!isPersona(targetNode)) {
            return stream(own);
        }
        const targetUri = AstUtils.getDocument(targetNode).uri;
        const targetPath = this.nodeLocator.getAstNodePath(targetNode);
        const personaParts: ReferenceDescription[] = [];
        for (const need of targetNode.needs) {
            for (const ref of super.findReferences(need, { ...options, includeDeclaration: false })) {
                const narrowed = this.narrow(ref, 'persona');
                if (narrowed !== ref) {
                    personaParts.push(changed(narrowed, { targetUri, targetPath }));
                }
            }
        }
        return stream([...own, ...personaParts]);
    }

    /**
     * A reference description whose segment covers only one part of a qualified need reference; the
     * description itself when the reference is not qualified.
     */
    private narrow(ref: ReferenceDescription, part: 'persona' | 'need'): ReferenceDescription {
        const source = this.sourceNode(ref);
        if (!source || !(isServes(source) || isValueGapRow(source))) {
            return ref;
        }
        const parts = qualifiedParts(source.need);
        if (!parts) {
            return ref;
        }
        return changed(ref, { segment: CstUtils.toDocumentSegment(part === 'persona' ? parts.persona : parts.need) });
    }

    private globalPersona(name: string): AstNode | undefined {
        const description = this.index.allElements('Persona').find(candidate => candidate.name === name);
        const document = description && this.langiumDocuments.getDocument(description.documentUri);
        return document ? this.nodeLocator.getAstNode(document.parseResult.value, description.path) : undefined;
    }

    private sourceNode(ref: ReferenceDescription): AstNode | undefined {
        const document: LangiumDocument | undefined = this.langiumDocuments.getDocument(ref.sourceUri);
        return document ? this.nodeLocator.getAstNode(document.parseResult.value, ref.sourcePath) : undefined;
    }
}

/** The persona and need leaves of a reference written `persona.need`; `undefined` for a bare `need`. */
export function qualifiedParts(reference: Reference<Need> | undefined): { persona: CstNode; need: CstNode } | undefined {
    const refNode = reference?.$refNode;
    if (!refNode) {
        return undefined;
    }
    const leaves = CstUtils.flattenCst(refNode).filter(leaf => !leaf.hidden).toArray();
    const dot = leaves.findIndex(leaf => leaf.text === '.');
    if (dot <= 0 || dot === leaves.length - 1) {
        return undefined;
    }
    return { persona: leaves[0], need: leaves[leaves.length - 1] };
}

/** Which part of a qualified need reference a leaf is, if it is one. */
export function qualifiedPartAt(leaf: CstNode): { part: 'persona' | 'need'; reference: Reference<Need>; node: Serves | ValueGapRow } | undefined {
    const node = leaf.astNode;
    if (!(isServes(node) || isValueGapRow(node))) {
        return undefined;
    }
    const parts = qualifiedParts(node.need);
    if (!parts) {
        return undefined;
    }
    if (leaf === parts.persona || CstUtils.isChildNode(leaf, parts.persona)) {
        return { part: 'persona', reference: node.need, node };
    }
    if (leaf.offset >= parts.persona.end && leaf.end <= parts.need.end) {
        return { part: 'need', reference: node.need, node };
    }
    return undefined;
}

/** The AST nodes holding a reference to `target`, across the workspace (e.g. the `serves` lines of a need). */
export function referencingNodes(services: LangiumServices, target: AstNode): AstNode[] {
    const documents = services.shared.workspace.LangiumDocuments;
    const locator = services.workspace.AstNodeLocator;
    const path = locator.getAstNodePath(target);
    const nodes: AstNode[] = [];
    for (const ref of services.shared.workspace.IndexManager.findAllReferences(target, path)) {
        const document = documents.getDocument(ref.sourceUri);
        const node = document && locator.getAstNode(document.parseResult.value, ref.sourcePath);
        if (node) {
            nodes.push(node);
        }
    }
    return nodes;
}

/** Go to definition from either part of `persona.need` lands on that part's declaration. */
export class JourneyDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: CstNode): GoToLink[] {
        if (!qualifiedPartAt(source)) {
            return super.findLinks(source);
        }
        return this.references.findDeclarationNodes(source).map(target => ({
            source, target, targetDocument: AstUtils.getDocument(target.astNode),
        }));
    }
}

/**
 * A copy of a reference description with some fields changed. Field by field: the index's descriptions
 * work out their segment and source path in getters, which a spread (`{ ...ref }`) does not copy.
 */
function changed(ref: ReferenceDescription, changes: Partial<ReferenceDescription>): ReferenceDescription {
    return {
        sourceUri: ref.sourceUri, sourcePath: ref.sourcePath, targetUri: ref.targetUri, targetPath: ref.targetPath,
        segment: ref.segment, local: ref.local, ...changes,
    };
}
