import { WorkspaceCache, type AstNodeDescription } from 'langium';
import type { JourneyServices } from '../journey-services.js';
import { compareText } from '../utils/ordering.js';

/**
 * The workspace-wide table of top-level names, rebuilt lazily after every change. Answers "which
 * declaration of this name comes first?" (files by URI, then by position) so that `duplicate-name`
 * picks the same winner in the editor and in the CLI.
 */
export class JourneyDeclarations {
    private readonly cache: WorkspaceCache<string, Map<string, AstNodeDescription[]>>;
    private readonly services: JourneyServices;

    constructor(services: JourneyServices) {
        this.services = services;
        this.cache = new WorkspaceCache(services.shared);
    }

    /** All top-level declarations called `name`, first one first. Qualified need names are not included. */
    declarationsNamed(name: string): readonly AstNodeDescription[] {
        return this.table().get(name) ?? [];
    }

    private table(): Map<string, AstNodeDescription[]> {
        return this.cache.get('top-level', () => {
            const byName = new Map<string, AstNodeDescription[]>();
            for (const description of this.services.shared.workspace.IndexManager.allElements()) {
                if (description.name.includes('.')) {
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

function compareDescriptions(a: AstNodeDescription, b: AstNodeDescription): number {
    const byUri = compareText(a.documentUri.toString(), b.documentUri.toString());
    if (byUri !== 0) {
        return byUri;
    }
    const ra = a.nameSegment?.range.start;
    const rb = b.nameSegment?.range.start;
    return (ra?.line ?? 0) - (rb?.line ?? 0) || (ra?.character ?? 0) - (rb?.character ?? 0);
}
