import { DefaultIndexManager, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index with, per document, the set of other documents its references lead into. Langium
 * answers `isAffected` (on every change: must this document be linked again?) by walking all of a
 * document's references, for every document of the workspace: in a 10 MB workspace, tens of
 * milliseconds of each keystroke. Here it is a lookup per changed file.
 */
export class JourneyIndexManager extends DefaultIndexManager {
    private readonly targets = new Map<string, Set<string>>();

    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            if (!reference.local) {
                targets.add(reference.targetUri.toString());
            }
        }
        this.targets.set(uri, targets);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.targets.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets || targets.size === 0) {
            return false;
        }
        for (const changed of changedUris) {
            if (targets.has(changed)) {
                return true;
            }
        }
        return false;
    }
}
