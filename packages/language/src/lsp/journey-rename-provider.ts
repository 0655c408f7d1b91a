import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import {
    ErrorCodes, ResponseError, type Position, type PrepareRenameParams, type Range, type RenameParams, type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import { isJourney, isModel, isNeed, isServes, isValueGapRow, type Need, type Serves, type ValueGapRow } from '../generated/ast.js';
import type { JourneyServices } from '../journey-services.js';
import { qualifiedParts } from '../references/journey-references.js';
import { journeyPersonas } from '../references/journey-scope-provider.js';

/** What the grammar accepts as a name. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Rename across every file of the workspace, through JourneyReferences (so `persona.need` is renamed
 * part by part). Refuses, with a message that says why, a new name that is not a name or that is
 * already taken in the same scope: the global names (teams, channels, metrics, competitors, sources,
 * personas, journeys share one namespace), a persona's needs, the names inside one journey.
 * Renaming a need keeps every `serves` meaning what it meant: where the new bare name would be
 * ambiguous in a journey (another of its personas has a need of that name), references are qualified.
 */
export class JourneyRenameProvider extends DefaultRenameProvider {
    private readonly services: JourneyServices;

    constructor(services: JourneyServices) {
        super(services as LangiumServices);
        this.services = services;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        const newName = params.newName.trim();
        if (!NAME_PATTERN.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `\`${params.newName}\` is not a valid name: a name starts with a letter or _ and continues with letters, digits or _ ([A-Za-z_][A-Za-z0-9_]*).`);
        }
        const oldName = this.nameProvider.getName(target);
        if (newName === oldName) {
            return { changes: {} };
        }
        const clash = this.clashFor(target, newName);
        if (clash) {
            throw new ResponseError(ErrorCodes.InvalidParams, clash);
        }
        const changes: Record<string, TextEdit[]> = {};
        const add = (uri: string, edit: TextEdit): void => {
            const edits = changes[uri] ??= [];
            if (!edits.some(other => sameRange(other.range, edit.range))) {
                edits.push(edit);
            }
        };
        const qualifyHere = isNeed(target) ? this.referencesToQualify(target, newName) : new Map<AstNode, Need>();
        for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
            const source = this.sourceNode(ref.sourceUri.toString(), ref.sourcePath);
            if (source && qualifyHere.has(source) && (isServes(source) || isValueGapRow(source)) && source.need.$refNode) {
                const need = qualifyHere.get(source)!;
                add(ref.sourceUri.toString(), { range: source.need.$refNode.range, newText: `${need.$container.name}.${need === target ? newName : need.name}` });
                qualifyHere.delete(source);
            } else {
                add(ref.sourceUri.toString(), { range: ref.segment.range, newText: newName });
            }
        }
        // References to other needs whose bare name the renamed need would now shadow.
        for (const [source, need] of qualifyHere) {
            if ((isServes(source) || isValueGapRow(source)) && source.need.$refNode) {
                add(AstUtils.getDocument(source).uri.toString(), { range: source.need.$refNode.range, newText: `${need.$container.name}.${need.name}` });
            }
        }
        return { changes };
    }

    override async prepareRename(document: LangiumDocument, params: PrepareRenameParams): Promise<Range | undefined> {
        const range = this.renameNodeRange(document, params.position);
        if (!range) {
            // Throwing (not returning null) lets the editor say why nothing happens.
            this.targetAt(document, params.position);
            throw new ResponseError(ErrorCodes.InvalidRequest, 'Only names can be renamed: put the cursor on a declaration or a reference to one.');
        }
        return range;
    }

    /** The declaration the name at `position` declares or refers to; a clear error when there is none. */
    private targetAt(document: LangiumDocument, position: Position): AstNode {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(position);
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        if (!leaf) {
            throw new ResponseError(ErrorCodes.InvalidRequest, 'Only names can be renamed: put the cursor on a declaration or a reference to one.');
        }
        const targets = this.references.findDeclarations(leaf);
        if (targets.length === 0) {
            const isReference = GrammarAST.isCrossReference(GrammarUtils.findAssignment(leaf)?.terminal);
            throw new ResponseError(ErrorCodes.InvalidRequest, isReference
                ? `\`${leaf.text}\` does not resolve to a declaration, so there is nothing to rename: fix the reference first.`
                : 'Only names can be renamed: put the cursor on a declaration or a reference to one.');
        }
        return targets[0];
    }

    /** Why `newName` cannot be given to `target`, or `undefined` when it can. */
    private clashFor(target: AstNode, newName: string): string | undefined {
        const kind = target.$type.toLowerCase();
        if (isModel(target.$container)) {
            const taken = this.services.references.JourneyDeclarations.declarationsNamed(newName);
            if (taken.length > 0) {
                return `Cannot rename ${kind} \`${this.nameProvider.getName(target)}\` to \`${newName}\`: ${article(taken[0].type)} \`${newName}\` is already declared `
                    + 'in this workspace, and top-level names are shared by all files.';
            }
            return undefined;
        }
        if (isNeed(target)) {
            if (target.$container.needs.some(need => need !== target && need.name === newName)) {
                return `Cannot rename need \`${target.name}\` to \`${newName}\`: persona \`${target.$container.name}\` already has a need \`${newName}\`.`;
            }
            return undefined;
        }
        const journey = AstUtils.getContainerOfType(target, isJourney);
        if (journey) {
            const other = AstUtils.streamAllContents(journey).find(node => node !== target && this.nameProvider.getName(node) === newName);
            if (other) {
                return `Cannot rename ${kind} \`${this.nameProvider.getName(target)}\` to \`${newName}\`: ${article(other.$type)} \`${newName}\` already exists `
                    + `in journey \`${journey.name}\`, and stages, touchpoints, pains, opportunities and plans share one namespace per journey.`;
            }
        }
        return undefined;
    }

    /**
     * Bare need references that must become `persona.need` for the rename to keep their meaning: in each
     * journey with the renamed need's persona, references to the renamed need when another persona of
     * the journey already has a need called `newName`, and references written `newName` to another need.
     * Maps the referencing node to the need it must keep naming.
     */
    private referencesToQualify(target: Need, newName: string): Map<AstNode, Need> {
        const result = new Map<AstNode, Need>();
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            for (const journey of document.parseResult.value.$type === 'Model' ? AstUtils.streamContents(document.parseResult.value).filter(isJourney) : []) {
                const personas = journeyPersonas(journey);
                if (!personas.includes(target.$container)) {
                    continue;
                }
                const othersNamed = personas.some(p => p !== target.$container && p.needs.some(n => n.name === newName));
                for (const node of AstUtils.streamAllContents(journey)) {
                    if (!(isServes(node) || isValueGapRow(node))) {
                        continue;
                    }
                    const need = node.need?.ref;
                    if (!need || qualifiedParts(node.need)) {
                        continue;
                    }
                    if ((need === target && othersNamed) || (need !== target && need.name === newName)) {
                        result.set(node as Serves | ValueGapRow, need);
                    }
                }
            }
        }
        return result;
    }

    private sourceNode(uri: string, path: string): AstNode | undefined {
        const document = this.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.toString() === uri);
        return document ? this.services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, path) : undefined;
    }
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function article(type: string): string {
    const word = type.toLowerCase();
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
