import { AstUtils, WorkspaceCache, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import type { JourneyServices } from '../journey-services.js';
import { compareText } from '../utils/ordering.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';

interface BrokenFiles {
    uris: Set<string>;
    words: Set<string>;
}

/**
 * The workspace-wide table of top-level names, rebuilt lazily after every change. Answers "which
 * declaration of this name comes first?" (files by URI, then by position) so that `duplicate-name`
 * picks the same winner in the editor and in the CLI.
 */
export class JourneyDeclarations {
    private readonly cache: WorkspaceCache<string, Map<string, AstNodeDescription[]>>;
    private readonly brokenCache: WorkspaceCache<string, BrokenFiles>;
    private readonly services: JourneyServices;

    constructor(services: JourneyServices) {
        this.services = services;
        this.cache = new WorkspaceCache(services.shared);
        this.brokenCache = new WorkspaceCache(services.shared);
    }

    /**
     * Whether a file that does not parse mentions `name`: a reference to it may then be to a part of
     * that file the parser could not read, so "unknown name" would blame the wrong file.
     */
    mentionedInBrokenFile(name: string): boolean {
        const word = name.slice(name.lastIndexOf('.') + 1);
        return this.brokenFiles().words.has(word);
    }

    /**
     * Whether one of the node's own references leads into a file that does not parse: a finding about
     * the node would reason over what the parser only guessed (a metric whose scale was not read).
     */
    refersIntoBrokenFile(node: AstNode): boolean {
        const broken = this.brokenFiles().uris;
        if (broken.size === 0) {
            return false;
        }
        return AstUtils.streamReferences(node).some(info => {
            const target = 'ref' in info.reference ? info.reference.ref : undefined;
            return target !== undefined && broken.has(AstUtils.getDocument(target).uri.toString());
        });
    }

    private brokenFiles(): BrokenFiles {
        return this.brokenCache.get('broken', () => {
            const uris = new Set<string>();
            const words = new Set<string>();
            for (const document of this.services.shared.workspace.LangiumDocuments.all) {
                if (hasSyntaxErrors(document)) {
                    uris.add(document.uri.toString());
                    for (const word of wordsOf(document)) {
                        words.add(word);
                    }
                }
            }
            return { uris, words };
        });
    }

    /** All top-level declarations called `name`, first one first. Qualified need names are not included. */
    declarationsNamed(name: string): readonly AstNodeDescription[] {
        return this.table().get(name) ?? [];
    }

    private table(): Map<string, AstNodeDescription[]> {
        return this.cache.get('top-level', () => {
            const byName = new Map<string, AstNodeDescription[]>();
            // What the parser recovered from a file that does not parse declares nothing: no duplicate from a half-read block.
            const broken = this.brokenFiles().uris;
            for (const description of this.services.shared.workspace.IndexManager.allElements()) {
                if (description.name.includes('.') || broken.has(description.documentUri.toString())) {
                    continue;
                }
                const list = byName.get(description.name) ?? [];
                list.push(description);
                byName.set(description.name, list);
            }
            for (const list of byName.values()) {
                list.sort(compareDescriptions);
            }
            return byName;
        });
    }
}

/** The words of a file (what its names could be): those of a file that does not parse keep `unresolved-reference` quiet elsewhere. */
export function wordsOf(document: LangiumDocument): string[] {
    return document.textDocument.getText().match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

function compareDescriptions(a: AstNodeDescription, b: AstNodeDescription): number {
    const byUri = compareText(a.documentUri.toString(), b.documentUri.toString());
    if (byUri !== 0) {
        return byUri;
    }
    const ra = a.nameSegment?.range.start;
    const rb = b.nameSegment?.range.start;
    return (ra?.line ?? 0) - (rb?.line ?? 0) || (ra?.character ?? 0) - (rb?.character ?? 0);
}
