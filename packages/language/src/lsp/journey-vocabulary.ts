/**
 * The words of the language explained once, for people: what each keyword does, what each value of
 * a closed set means, how the emotion scale reads. Completion, hover and inlay hints all read these
 * tables, so the editor says the same thing everywhere.
 */

export interface WordDoc {
    /** A few words, shown next to the completion label. */
    detail: string;
    /** Markdown: what it means and how to write it. */
    documentation: string;
}

/** The emotion scale of a touchpoint: −3 (very negative) .. +3 (very positive). */
export const EMOTION_MEANINGS: ReadonlyMap<number, string> = new Map([
    [-3, 'very negative'],
    [-2, 'negative'],
    [-1, 'slightly negative'],
    [0, 'neutral'],
    [1, 'slightly positive'],
    [2, 'positive'],
    [3, 'very positive'],
]);

/** What an emotion score means on the −3..+3 scale; `undefined` outside it or between steps. */
export function emotionMeaning(value: number): string | undefined {
    return EMOTION_MEANINGS.get(value);
}

export const EMOTION_SCALE_TEXT = 'The emotion scale runs from −3 (very negative) through 0 (neutral) to +3 (very positive); '
    + 'the preview draws the experience curve through these scores.';

/** `importance` of a need, 1..5. */
export const IMPORTANCE_MEANINGS: ReadonlyMap<number, string> = new Map([
    [1, 'nice to have'],
    [2, 'minor'],
    [3, 'matters'],
    [4, 'important'],
    [5, 'critical: a reason to buy or to leave'],
]);

/** `severity` of a pain, 1..5. */
export const SEVERITY_MEANINGS: ReadonlyMap<number, string> = new Map([
    [1, 'an annoyance'],
    [2, 'minor'],
    [3, 'noticeable'],
    [4, 'serious'],
    [5, 'blocking: customers give up here'],
]);

export const PHASE_DOCS: Readonly<Record<string, string>> = {
    'pre-purchase': 'Before the purchase: the trigger, awareness, research and consideration.',
    purchase: 'The decision and the purchase itself: negotiation, signing, checkout.',
    'post-purchase': 'After the purchase: onboarding, usage, support, renewal, upgrade and advocacy.',
};

export const SOURCE_KIND_DOCS: Readonly<Record<string, string>> = {
    survey: 'A survey: answers from many customers, usually with a sample size.',
    interview: 'Interviews: what a few customers said in their own words.',
    analytics: 'Product or web analytics: what customers did, measured.',
    support: 'Support tickets, chats and calls.',
    crm: 'CRM records: deals, renewals, loss reasons.',
    review: 'Public reviews (app stores, G2, Trustpilot).',
    observation: 'Field observation or usability sessions.',
    other: 'Any other kind of evidence.',
};

export const PLAN_STATUS_DOCS: Readonly<Record<string, string>> = {
    open: 'Agreed but not started.',
    doing: 'In progress.',
    done: 'Finished: a plan that is done is never overdue.',
};

export const CHANNEL_MODE_DOCS: Readonly<Record<string, string>> = {
    online: 'A digital channel: website, app, email, social, ads.',
    offline: 'A physical or human channel: store, phone, visit, mail.',
};

const word = (detail: string, documentation: string): WordDoc => ({ detail, documentation });

/**
 * Keywords by the grammar rule they belong to (`Rule:keyword`), with a fallback by keyword alone.
 * The same word means different things in different places: `persona` declares a persona at the top
 * level and names the journey's personas inside a journey.
 */
const KEYWORD_DOCS: Readonly<Record<string, WordDoc>> = {
    // Top-level declarations
    'Team:team': word('Declare a team', '`team NAME "Label"`: a team that owns touchpoints, opportunities and plans (marketing, sales, product, service…). Global across the workspace.'),
    'Channel:channel': word('Declare a channel', '`channel NAME "Label" online|offline`: where a touchpoint happens (website, email, phone, store…). Global across the workspace.'),
    'Metric:metric': word('Declare a metric', '`metric NAME "Label" percent` or `scale LOW to HIGH`, optionally `lower is better`: what KPIs and plan targets measure (CSAT, NPS, conversion…).'),
    'Competitor:competitor': word('Declare a competitor', '`competitor NAME "Label"`: an alternative the persona considers; scored against us in `valuegap` blocks.'),
    'Source:source': word('Declare an evidence source', '`source NAME "Label" KIND [DATE] [sample N] [data "PATH"]`: where a claim comes from (survey, interviews, analytics, tickets, CRM…).'),
    'Persona:persona': word('Declare a persona', '`persona NAME "Label" { … }`: who the customer is, with goals, needs (`need`), pains and preferred channels.'),
    'Journey:journey': word('Declare a journey', '`journey NAME "Label" { … }`: one persona\'s way from a trigger through stages and touchpoints, before and after the purchase.'),
    // Persona members
    'Description:description': word('Who the persona is', '`description "…"`: a sentence or two about the persona.'),
    'Goal:goal': word('A goal of the persona', '`goal "…"`: what the persona wants to achieve.'),
    'Need:need': word('A need of the persona', '`need NAME "text" [importance 1..5]`: something the persona needs; touchpoints `serve` it, `valuegap` rows compare us on it.'),
    'PersonaPain:pain': word('A pain the persona has', '`pain "…"`: descriptive text; no rule applies to it.'),
    'Motivation:motivation': word('What drives the persona', '`motivation "…"`.'),
    'Prefers:prefers': word('Preferred channels', '`prefers CHANNEL, …`: the channels the persona likes to use.'),
    // Journey members
    'PersonaLine:persona': word('The journey\'s personas', '`persona NAME, …`: who this journey is for. Touchpoints `serve` their needs; `by` names some of them.'),
    'Trigger:trigger': word('What started the journey', '`trigger "…"`: the event that made the persona look for a solution.'),
    'JourneyState:state': word('Current or future state', '`state current`, or `state future of JOURNEY` for the desired state of a current-state journey.'),
    'Owner:owner': word('The owning team', '`owner TEAM`: who owns this. A touchpoint or opportunity without one is owned by the journey\'s owner.'),
    'Review:reviewed': word('Last review date', '`reviewed YYYY-MM-DD [every N days]`: when the map was last checked against reality, and how often it must be.'),
    'Stage:stage': word('A stage of the journey', '`stage NAME "Label" { phase … touchpoint … }`: a step such as research, purchase, onboarding or renewal.'),
    'Flow:flow': word('A path between touchpoints', '`flow a -> b -> c "label"`: the order customers actually take. With flows the journey is a graph; without, the touchpoints in stage order.'),
    'Unknown:unknown': word('A knowledge gap', '`unknown "…"`: something we do not know yet and should find out.'),
    'ValueGap:valuegap': word('Compare us with competitors', '`valuegap { NEED us SCORE COMPETITOR SCORE … }`: scores 0..5 per need of the journey\'s personas.'),
    'Plan:plan': word('A plan to change the journey', '`plan NAME "Label" { addresses … owner … due … target … status … }`: turns opportunities into work with an owner, a date and a measurable target.'),
    // Stage members
    'StagePhase:phase': word('Funnel phase of the stage', '`phase pre-purchase | purchase | post-purchase`.'),
    'Question:question': word('The customer\'s question here', '`question "…"`: what the persona is asking themselves in this stage.'),
    'Touchpoint:touchpoint': word('A touchpoint', '`touchpoint NAME "Label" { channel … owner … action … emotion … }`: one moment where the customer meets us (or a competitor).'),
    'Pain:pain': word('A pain point', '`pain NAME "Label" [at TOUCHPOINT] [severity 1..5] [evidence SOURCE, …]`: what hurts here. Inside a touchpoint, `at` is implied.'),
    'Opportunity:opportunity': word('An opportunity', '`opportunity NAME "Label" [for PAIN, …] [owner TEAM]`: what we could do about a pain.'),
    // Touchpoint members
    'TouchpointChannel:channel': word('Where it happens', '`channel CHANNEL`: the channel of this touchpoint.'),
    'By:by': word('Which personas meet it', '`by PERSONA, …`: some of the journey\'s personas; without `by`, all of them.'),
    'Action:action': word('What the customer does', '`action "…"`.'),
    'Thinks:thinks': word('What the customer thinks', '`thinks "…"`.'),
    'Emotion:emotion': word('How it feels, −3..+3', `\`emotion SCORE ["label"]\`. ${EMOTION_SCALE_TEXT}`),
    'Serves:serves': word('A need this touchpoint serves', '`serves NEED` or `serves PERSONA.NEED`: one need of the journey\'s personas per line.'),
    'Backstage:backstage': word('What happens behind the scenes', '`backstage "…"`: the company\'s internal view of this touchpoint.'),
    'Kpi:kpi': word('A measured KPI', '`kpi METRIC VALUE [target VALUE] [source SOURCE]`: a number on this touchpoint, e.g. `kpi conversion 3.1% target 5%`; or computed from data: `kpi nps from SOURCE column "…" as nps`.'),
    'KpiComputation:from': word('Computed from a data file', '`from SOURCE column "COLUMN" as AGG [where "COLUMN" = "VALUE" …]`: the value is computed from the source\'s `data` file every time the workspace is built.'),
    'KpiComputation:column': word('The column read', '`column "COLUMN"`: a header of the data file (in a Qualtrics export, the field name or the question\'s text).'),
    'KpiComputation:as': word('The aggregate', '`as nps | csat | ces | mean | median | count | share LOW to HIGH`: how the answers become one number.'),
    'KpiComputation:where': word('Only some rows', '`where "COLUMN" = "VALUE"`: only the rows whose cell is VALUE (after trimming); several with `and`.'),
    'Aggregate:nps': word('Net Promoter Score', 'The share of 9–10 minus the share of 0–6, of whole answers 0..10: −100..100.'),
    'Aggregate:csat': word('Customer satisfaction', 'The share of 4–5 of whole answers 1..5, as a percentage.'),
    'Aggregate:ces': word('Customer effort score', 'The mean of whole answers 1..7.'),
    'Aggregate:mean': word('Mean', 'The mean of the numeric answers.'),
    'Aggregate:median': word('Median', 'The middle numeric answer (the two middle ones averaged).'),
    'Aggregate:count': word('Count', 'How many cells are not empty.'),
    'Aggregate:share': word('Share within a range', '`share LOW to HIGH`: the percentage of numeric answers within LOW..HIGH.'),
    'Evidence:evidence': word('What backs the claims', '`evidence SOURCE, …`: covers this touchpoint\'s emotion, KPIs and the pains at it.'),
    'MomentOfTruth:moment': word('A moment of truth', '`moment of truth`: a moment that decides whether the customer stays or goes.'),
    // Plan members
    'Addresses:addresses': word('Pains and opportunities the plan acts on', '`addresses PAIN_OR_OPPORTUNITY, …`.'),
    'Due:due': word('Due date', '`due YYYY-MM-DD`: a plan past its due date that is not `done` is overdue.'),
    'PlanTarget:target': word('A measurable target', '`target METRIC VALUE`: what the plan should achieve.'),
    'PlanStatus:status': word('Progress', '`status open | doing | done`.'),
    // Clauses
    'Kpi:target': word('The KPI\'s target', '`target VALUE`: on or off target respects the metric\'s `lower is better`.'),
    'Kpi:source': word('Where the KPI comes from', '`source SOURCE`: the KPI\'s evidence.'),
    'Pain:at': word('The touchpoint it happens at', '`at TOUCHPOINT` (implied inside a touchpoint).'),
    'Pain:severity': word('How much it hurts, 1..5', '`severity 1..5`: 1 an annoyance … 5 blocking.'),
    'Pain:evidence': word('What backs the pain', '`evidence SOURCE, …`.'),
    'Opportunity:for': word('The pains it answers', '`for PAIN, …`.'),
    'Need:importance': word('How much it matters, 1..5', '`importance 1..5`: value gaps on needs of importance 4 or 5 are reported.'),
    'Review:every': word('Review period', '`every N days`: the map is stale when its last review is older than this.'),
    'Metric:percent': word('Measured in percent', 'Values are written `3.1%`.'),
    'Metric:scale': word('Measured on a scale', '`scale LOW to HIGH`, e.g. `scale 1 to 5` or `scale -100 to 100`.'),
    'Metric:lower': word('Smaller values are better', '`lower is better`: off-target checks go the other way (churn, effort, time).'),
    'Source:sample': word('Sample size', '`sample N`: how many answers or records.'),
    'Source:data': word('The data file', '`data "PATH"`: the raw export (CSV) the source\'s numbers come from, relative to this file; KPIs may be computed `from` it.'),
    'JourneyState:current': word('How the journey runs today', 'A current-state journey.'),
    'JourneyState:future': word('The desired journey', '`state future of JOURNEY`: the current-state journey this one improves on.'),
};

/** The documentation of a keyword written in `ruleName`; `undefined` when there is none. */
export function keywordDoc(ruleName: string | undefined, keyword: string): WordDoc | undefined {
    const specific = ruleName ? KEYWORD_DOCS[`${ruleName}:${keyword}`] : undefined;
    if (specific) {
        return specific;
    }
    if (keyword in PHASE_DOCS) {
        return word('Phase', PHASE_DOCS[keyword]);
    }
    if (keyword in SOURCE_KIND_DOCS) {
        return word('Source kind', SOURCE_KIND_DOCS[keyword]);
    }
    if (keyword in PLAN_STATUS_DOCS) {
        return word('Plan status', PLAN_STATUS_DOCS[keyword]);
    }
    if (keyword in CHANNEL_MODE_DOCS) {
        return word('Channel mode', CHANNEL_MODE_DOCS[keyword]);
    }
    return undefined;
}

/** Keywords the editor offers as a phrase: the words after them are never anything else. */
export const KEYWORD_PHRASES: Readonly<Record<string, string>> = {
    'MomentOfTruth:moment': 'moment of truth',
    'Metric:lower': 'lower is better',
};
