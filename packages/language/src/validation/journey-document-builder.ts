import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import type { Model } from '../generated/ast.js';

/**
 * Langium revalidates a document when a file it refers to changes. `duplicate-name` also depends on
 * files it does not refer to (the first declaration of a name may live anywhere), so every document
 * with top-level declarations is checked again when any file changes.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || (document.parseResult.value as Model).declarations?.length > 0;
    }
}
