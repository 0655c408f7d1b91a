// Shared setup of the editor-feature tests: a workspace of named files built like the server builds it,
// a cursor written `<|>` in one of them, and the fixture most tests complete and hover in.
import type { Model } from '@journey/language';
import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { buildWorkspace, withWorkspace, type BuiltWorkspace } from '../language/workspace-helper.js';

export const CURSOR = '<|>';

export interface CursorWorkspace {
    ws: BuiltWorkspace;
    document: LangiumDocument<Model>;
    position: Position;
    /** The file's text without the cursor marker. */
    text: string;
}

/** Builds `files` (one of them, `file`, holding the cursor marker `<|>`) and returns the cursor position. */
export async function atCursor(files: Record<string, string>, file: string): Promise<CursorWorkspace> {
    const { text, offset } = unmark(files, file);
    return cursorIn(await buildWorkspace({ ...files, [file]: text }), file, offset, text);
}

/** Like atCursor, but gives the workspace to `use` and then back at once: nothing of it may outlive `use`. */
export function withCursor<T>(files: Record<string, string>, file: string, use: (cursor: CursorWorkspace) => T | Promise<T>): Promise<T> {
    const { text, offset } = unmark(files, file);
    return withWorkspace({ ...files, [file]: text }, ws => use(cursorIn(ws, file, offset, text)));
}

function unmark(files: Record<string, string>, file: string): { text: string; offset: number } {
    const marked = files[file];
    const offset = marked.indexOf(CURSOR);
    if (offset < 0) {
        throw new Error(`no ${CURSOR} in ${file}`);
    }
    return { text: marked.replace(CURSOR, ''), offset };
}

function cursorIn(ws: BuiltWorkspace, file: string, offset: number, text: string): CursorWorkspace {
    const document = ws.doc(file);
    return { ws, document, position: document.textDocument.positionAt(offset), text };
}

/** The position of the `occurrence`-th `needle` in a document (plus `delta` characters). */
export function positionOf(document: LangiumDocument, needle: string, delta = 0, occurrence = 0): Position {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`\`${needle}\` occurs fewer than ${occurrence + 1} times`);
        }
    }
    return document.textDocument.positionAt(offset + delta);
}

/** Shared declarations: two personas share a need name, a third persona is in no journey of the fixture. */
export const SHARED = `team marketing "Marketing"
team sales "Sales"
channel web "Website" online
channel email "Email" online
metric csat "Customer satisfaction" scale 1 to 5
metric conversion "Trial-to-paid conversion" percent
metric churn "Logo churn" percent lower is better
competitor acme "AcmeOps"
competitor bolt "BoltCRM"
source survey "Q3 customer survey" survey 2026-09-30 sample 412
source tickets "Support tickets" support
persona olivia "Olivia, Operations Manager" {
    description "Runs operations at a logistics firm."
    goal "Replace a tool whose contract is up for renewal"
    need clear_pricing "Know the total cost before talking to sales" importance 5
    need fast_setup "Be productive within one week" importance 4
}
persona ben "Ben, Finance Lead" {
    need clear_pricing "Predictable invoices" importance 3
    need reporting "A monthly cost report" importance 2
}
persona carla "Carla, somebody else" {
    need carla_only "A need of a persona in no journey here"
}
`;

/** A journey for olivia and ben, and two other journeys with touchpoints and pains of their own. */
export const RENEWAL = `journey renewal "Olivia replaces her tool" {
    persona olivia, ben
    trigger "Her contract renews in 60 days"
    state current
    owner marketing
    reviewed 2026-11-01 every 30 days

    stage research "Research" {
        phase pre-purchase
        touchpoint pricing_page "Visits the pricing page" {
            channel web
            owner marketing
            emotion -1 "Confused"
            serves fast_setup
            serves olivia.clear_pricing
            kpi conversion 3.1% target 5% source tickets
            kpi churn 9% target 8%
            evidence survey
        }
        touchpoint demo "Demo call" { channel email serves reporting }
        pain unclear_pricing "Add-ons make the total unclear" at pricing_page severity 4
        opportunity calculator "A total-cost calculator" for unclear_pricing owner marketing
    }

    stage onboarding "Onboarding" {
        phase post-purchase
        touchpoint kickoff "Kick-off" { channel web serves ben.clear_pricing }
    }

    flow pricing_page -> demo -> kickoff

    valuegap {
        fast_setup us 3 acme 4 bolt 2
    }

    plan ship_calculator "Ship the calculator" {
        addresses unclear_pricing
        owner marketing
        due 2027-01-15
        status open
    }
}

journey other "Carla's journey" {
    persona carla
    state future of renewal
    stage elsewhere "Elsewhere" {
        touchpoint other_touchpoint "Other" { channel web serves carla_only }
        pain other_pain "Another pain"
    }
}

journey old_way "The old way" {
    persona ben
    state current
    stage s "S" { touchpoint t "T" { channel web serves reporting } }
}
`;
