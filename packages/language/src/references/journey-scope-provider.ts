import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMapScope, WorkspaceCache, type AstNode, type AstNodeDescription,
    type LangiumCoreServices, type ReferenceInfo, type Scope
} from 'langium';
import { isBy, isJourney, type Journey, type Persona } from '../generated/ast.js';
import { qualifiedNeedName } from './journey-scope-computation.js';

/**
 * The scoping restrictions of the spec on top of Langium's default (local names, then global ones):
 * - `serves` and value-gap rows see only the needs of the journey's personas, by `need` or `persona.need`;
 * - `by` sees only the journey's personas.
 * Touchpoints, pains and opportunities are local to their journey by construction (see
 * JourneyScopeComputation), so `at`, `for`, `addresses` and flow ends need nothing special here.
 */
export class JourneyScopeProvider extends DefaultScopeProvider {
    /** Local scopes by the declaration holding the symbols and the reference type; dropped on any change. */
    private readonly localScopes: WorkspaceCache<AstNode, Map<string, Scope>>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.localScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === 'Need') {
            const journey = AstUtils.getContainerOfType(context.container, isJourney);
            if (!journey) {
                return super.getScope(context);
            }
            // The same for every `serves` of the journey: described once, looked up by name.
            const byType = this.localScopes.get(journey, () => new Map<string, Scope>());
            let needs = byType.get('Need (journey personas)');
            if (!needs) {
                needs = new MultiMapScope(this.describeNeeds(journeyPersonas(journey)));
                byType.set('Need (journey personas)', needs);
            }
            return needs;
        }
        if (referenceType === 'Persona' && isBy(context.container)) {
            const journey = AstUtils.getContainerOfType(context.container, isJourney);
            if (!journey) {
                return EMPTY_SCOPE;
            }
            return this.createScopeForNodes(journeyPersonas(journey));
        }
        return this.localOrGlobalScope(context);
    }

    /**
     * Langium's default (the journey's or persona's own names, then the global ones), looked up by name
     * in a map built once per declaration and reference type: the default scans every local name for
     * every reference, which is quadratic in the size of a journey.
     */
    private localOrGlobalScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        let holder: AstNode | undefined = context.container;
        while (holder && !localSymbols?.has(holder)) {
            holder = holder.$container;
        }
        if (!holder || !localSymbols || holder.$container?.$container) {
            return super.getScope(context); // symbols only ever sit on top-level declarations; anything else the default way
        }
        const byType = this.localScopes.get(holder, () => new Map<string, Scope>());
        let scope = byType.get(referenceType);
        if (!scope) {
            const local = localSymbols.getStream(holder).filter(description => this.reflection.isSubtype(description.type, referenceType));
            scope = new MultiMapScope(local, this.getGlobalScope(referenceType, context));
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /**
     * Each need as `persona.need`, and as `need` when no other persona of the journey has a need of that
     * name: a bare name two personas share would mean one of them at random, so it resolves to nothing
     * and the unresolved reference says which `persona.need` to write.
     */
    private describeNeeds(personas: Persona[]): AstNodeDescription[] {
        return personas.flatMap(persona => persona.needs.filter(need => need.name).flatMap(need => [
            ...(personasWithNeed(personas, need.name).length === 1 ? [this.descriptions.createDescription(need, need.name)] : []),
            this.descriptions.createDescription(need, qualifiedNeedName(persona.name, need.name)),
        ]));
    }
}

/**
 * Which of the given personas (a journey's) have a need of this name. With more than one, the bare name
 * does not say whose: scoping, the unresolved-reference message and need-not-served's advice all ask this.
 */
export function personasWithNeed(personas: readonly Persona[], needName: string): Persona[] {
    return personas.filter(persona => persona.needs.some(need => need.name === needName));
}

/** The personas named on the journey's `persona` lines, resolved, without repeats. */
export function journeyPersonas(journey: Journey): Persona[] {
    const personas = new Set<Persona>();
    for (const line of journey.personaLines) {
        for (const reference of line.personas) {
            if (reference.ref) {
                personas.add(reference.ref);
            }
        }
    }
    return [...personas];
}
