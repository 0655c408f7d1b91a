import { DefaultDocumentBuilder, DocumentState, URI, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import { wordsOf } from '../references/journey-declarations.js';

/** What other files can see of a file: the names it exports, and whether it parses (see JourneyDeclarations). */
interface Exports {
    names: Set<string>;
    /** `name:line` of each: `duplicate-name` says on which line the first declaration of a name is. */
    places: Set<string>;
    /** The words of a file that does not parse (they keep `unresolved-reference` quiet elsewhere); undefined when it parses. */
    brokenWords: Set<string> | undefined;
}

const NOTHING: Exports = { names: new Set(), places: new Set(), brokenWords: undefined };

/**
 * An edit costs what it changed. Langium relinks, on every change, each document that refers to a
 * changed file (its references point at nodes that are gone) and each document with an unresolved
 * reference (which might resolve now). The first is needed; the second only when the names the changed
 * files export are not what they were. So a change is built in two steps:
 *
 * 1. the changed files and the files that refer to them (Langium's rule without its second part);
 * 2. then, only if the changed files now export other names, or their parsing state changed: the files
 *    with unresolved references are linked again (a name may resolve now, and the message's "did you
 *    mean" reads every name), and the files that declare one of those names are validated again
 *    (`duplicate-name` reads the workspace's table of names, not references). A name that only moved
 *    to another line has the files declaring it validated again (the message names the line).
 *
 * Typing inside a touchpoint (a label, a new local name, a number) changes no exported name: only the
 * edited file and the few that refer to it are built.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    /** What the files changed since the last finished step 2 exported before (kept when an update is cancelled). */
    private readonly exportedBefore = new Map<string, Exports>();
    /** The files step 1 of the current update relinks. */
    private readonly relinked = new Set<string>();
    /** The files with an unresolved reference, noted when they are linked (looking costs a walk over every reference). */
    private readonly unresolved = new Set<string>();
    /** Closed files whose linking and validation wait for the open ones (see {@link buildDocuments}). */
    private readonly waiting = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, document => {
            const key = document.uri.toString();
            if (document.references.some(reference => reference.error !== undefined)) {
                this.unresolved.add(key);
            } else {
                this.unresolved.delete(key);
            }
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        const touched = [...changed, ...deleted].map(uri => uri.toString());
        const isTouched = (key: string) => touched.some(uri => key === uri || key.startsWith(`${uri}/`));
        for (const document of this.langiumDocuments.all) {
            const key = document.uri.toString();
            if (!this.exportedBefore.has(key) && isTouched(key)) {
                this.exportedBefore.set(key, this.exportsOf(document));
            }
        }
        this.relinked.clear();
        await super.update(changed, deleted, cancelToken);
        // A file that is new (opened, created, or in a folder that appeared) exported nothing before.
        for (const document of this.langiumDocuments.all) {
            const key = document.uri.toString();
            if (!this.exportedBefore.has(key) && isTouched(key)) {
                this.exportedBefore.set(key, NOTHING);
            }
        }

        const changedNames = new Set<string>();
        const movedNames = new Set<string>();
        let parsingChanged = false;
        for (const [key, before] of this.exportedBefore) {
            const document = this.langiumDocuments.getDocument(URI.parse(key));
            if (!document) {
                this.unresolved.delete(key);
            }
            const now = document ? this.exportsOf(document) : NOTHING;
            addDifference(changedNames, before.names, now.names);
            const moved = new Set<string>();
            addDifference(moved, before.places, now.places);
            moved.forEach(place => movedNames.add(place.slice(0, place.lastIndexOf(':'))));
            if ((before.brokenWords === undefined) !== (now.brokenWords === undefined)) {
                parsingChanged = true;
                // A file that does not parse declares nothing in the table of names: all of its names come and go.
                before.names.forEach(name => changedNames.add(name));
                now.names.forEach(name => changedNames.add(name));
            } else if (before.brokenWords && now.brokenWords && differ(before.brokenWords, now.brokenWords)) {
                parsingChanged = true;
            }
        }
        const step1 = new Set(this.exportedBefore.keys());
        this.exportedBefore.clear();
        if (changedNames.size === 0 && movedNames.size === 0 && !parsingChanged) {
            return;
        }
        const namesChanged = changedNames.size > 0 || parsingChanged;
        const declaring = this.filesDeclaring(new Set([...changedNames, ...movedNames]));
        const again: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            const key = document.uri.toString();
            if (step1.has(key) || this.relinked.has(key) || document.state < DocumentState.Validated) {
                continue;
            }
            if (namesChanged && this.unresolved.has(key)) {
                this.resetToState(document, DocumentState.ComputedScopes);
                again.push(document);
            } else if (declaring.has(key)) {
                this.resetToState(document, DocumentState.IndexedReferences);
                again.push(document);
            }
        }
        if (again.length > 0) {
            // Reset before building: a cancelled build leaves them incomplete, and the next update builds them.
            await this.buildDocuments(this.sortDocuments(again), this.updateBuildOptions, cancelToken);
        }
    }

    /**
     * Open files first. Linking a file needs every file parsed and its names indexed, not linked: so a
     * build of open and closed files (the workspace at start-up, a changed name many files use) parses
     * and indexes them all, then links and validates the files open in the editor (their diagnostics
     * are published then), then the others. No rule reads what another file refers to (the index of
     * references), so an open file's findings do not depend on the others being linked.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const closed = documents.filter(document => !this.textDocuments?.get(document.uri.toString()));
        if (closed.length === 0 || closed.length === documents.length) {
            return super.buildDocuments(documents, options, cancelToken);
        }
        closed.forEach(document => this.waiting.add(document.uri.toString()));
        try {
            await super.buildDocuments(documents, options, cancelToken);
        } finally {
            this.waiting.clear();
        }
        // Left below Linked: were this cancelled, the next update builds them (Langium's rule).
        await super.buildDocuments(closed, options, cancelToken);
    }

    protected override shouldLink(document: LangiumDocument): boolean {
        return !this.waiting.has(document.uri.toString()) && super.shouldLink(document);
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        return !this.waiting.has(document.uri.toString()) && super.shouldValidate(document);
    }

    /**
     * Langium adds new findings to a document that has some with `push(...findings)`, one argument per
     * finding (a stack overflow with some 100,000): it is given none here, and they are added one by one.
     */
    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const earlier = document.diagnostics;
        document.diagnostics = undefined;
        try {
            await super.validate(document, cancelToken);
        } finally {
            if (earlier) {
                for (const diagnostic of document.diagnostics ?? []) {
                    earlier.push(diagnostic);
                }
                document.diagnostics = earlier;
            }
        }
    }

    /** Step 1 relinks what refers to a changed file; unresolved references wait for step 2. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const affected = this.indexManager.isAffected(document, changedUris);
        if (affected) {
            this.relinked.add(document.uri.toString());
        }
        return affected;
    }

    private exportsOf(document: LangiumDocument): Exports {
        const descriptions = this.exportedDescriptions(document).toArray();
        const names = new Set(descriptions.map(description => description.name));
        const places = new Set(descriptions.map(description => `${description.name}:${description.nameSegment?.range.start.line ?? -1}`));
        const broken = document.state >= DocumentState.Parsed && hasSyntaxErrors(document);
        return { names, places, brokenWords: broken ? new Set(wordsOf(document)) : undefined };
    }

    /** The files that export one of `names`, in one pass over the index. */
    private filesDeclaring(names: Set<string>): Set<string> {
        const files = new Set<string>();
        if (names.size > 0) {
            for (const description of this.indexManager.allElements()) {
                if (names.has(description.name)) {
                    files.add(description.documentUri.toString());
                }
            }
        }
        return files;
    }

    private exportedDescriptions(document: LangiumDocument) {
        return this.indexManager.allElements(undefined, new Set([document.uri.toString()]));
    }
}

/** Adds to `into` the names in one of the sets and not the other. */
function addDifference(into: Set<string>, a: Set<string>, b: Set<string>): void {
    a.forEach(name => b.has(name) || into.add(name));
    b.forEach(name => a.has(name) || into.add(name));
}

function differ(a: Set<string>, b: Set<string>): boolean {
    if (a.size !== b.size) {
        return true;
    }
    for (const word of a) {
        if (!b.has(word)) {
            return true;
        }
    }
    return false;
}
