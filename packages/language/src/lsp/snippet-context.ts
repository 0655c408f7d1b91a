import { AstUtils, type AstNode, type IndexManager } from 'langium';
import { isJourney, isStage, type Journey, type Stage, type Touchpoint } from '../generated/ast.js';

/**
 * What a new touchpoint or stage is likely to take, read from where it is written: the snippets of
 * completion offer these first (as choices), so a new touchpoint starts with the channel and team of
 * the ones around it, the journey's personas, and a need no touchpoint serves yet.
 */
export interface SnippetContext {
    /** Channels: of the stage's touchpoints (the nearest before the cursor first), of the journey's, then the workspace's. */
    channels: string[];
    /** Teams, in the same order; the journey's owner before the workspace's others. */
    owners: string[];
    /** The journey's personas (a `by` line is offered when there are several). */
    personas: string[];
    /** Needs of the journey's personas that no touchpoint of the journey serves yet. */
    unservedNeeds: string[];
    /** The phase of the last stage before the cursor (a new stage most often continues it). */
    phase?: string;
    /** The workspace's personas, for a new journey. */
    workspacePersonas: string[];
}

/** The most choices a snippet's tab stop offers. */
const MAX_CHOICES = 12;

export function snippetContext(node: AstNode | undefined, offset: number, index: IndexManager): SnippetContext {
    const journey = node && AstUtils.getContainerOfType(node, isJourney);
    const stage = node && AstUtils.getContainerOfType(node, isStage);
    const workspace = (type: string) => index.allElements(type).map(element => element.name).toArray().sort();
    const nearestFirst = stage ? nearestTouchpointsFirst(stage, offset) : [];
    const journeyTouchpoints = journey ? journey.stages.flatMap(s => s.touchpoints) : [];
    const around = [...nearestFirst, ...journeyTouchpoints];
    const channels = around.flatMap(tp => tp.channels.map(line => line.channel.ref?.name ?? ''));
    const owners = [...around.flatMap(tp => tp.owners.map(line => line.team.ref?.name ?? '')), ...(journey?.owners.map(line => line.team.ref?.name ?? '') ?? [])];
    const personas = journey ? journey.personaLines.flatMap(line => line.personas.map(ref => ref.ref)).filter(persona => persona !== undefined) : [];
    // `serves` is written only in touchpoints: no walk of the whole journey.
    const served = new Set(journeyTouchpoints.flatMap(tp => tp.serves.map(serves => serves.need.ref)));
    return {
        channels: distinct([...channels, ...workspace('Channel')]),
        owners: distinct([...owners, ...workspace('Team')]),
        personas: distinct(personas.map(persona => persona.name)),
        unservedNeeds: distinct(personas.flatMap(persona => persona.needs.filter(need => !served.has(need)).map(need => need.name))),
        ...(journey ? phaseBefore(journey, offset) : {}),
        workspacePersonas: distinct(workspace('Persona')),
    };
}

/** The stage's touchpoints: those before the cursor, the nearest first, then those after it. */
function nearestTouchpointsFirst(stage: Stage, offset: number): Touchpoint[] {
    const before = stage.touchpoints.filter(tp => (tp.$cstNode?.end ?? 0) <= offset);
    return [...before.reverse(), ...stage.touchpoints.filter(tp => !before.includes(tp))];
}

function phaseBefore(journey: Journey, offset: number): { phase?: string } {
    const phase = journey.stages.filter(stage => (stage.$cstNode?.end ?? 0) <= offset).at(-1)?.phases[0]?.phase;
    return phase ? { phase } : {};
}

function distinct(names: string[]): string[] {
    return [...new Set(names.filter(name => name !== ''))].slice(0, MAX_CHOICES);
}

/**
 * Builds a snippet's text with tab stops numbered in order: `stop('name')` is a placeholder,
 * `choice(['a', 'b'], 'fallback')` a choice of names (a placeholder when there is none).
 */
export class SnippetWriter {
    private next = 1;

    stop(placeholder: string): string {
        return `\${${this.next++}:${placeholder}}`;
    }

    choice(names: readonly string[], placeholder: string): string {
        // Names are identifiers: no `,`, `|` or `}` to escape.
        return names.length > 0 ? `\${${this.next++}|${names.join(',')}|}` : this.stop(placeholder);
    }
}
