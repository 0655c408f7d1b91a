import { AstUtils } from 'langium';
import { formatCalendarDate, parseCalendarDate, toEpochDay } from '../model/calendar-date.js';
import { insertAfter, insertIntoBlock, propertyRange, replaceRange } from '../fixes/text-edits.js';
import { isJourney, type Journey } from '../generated/ast.js';
import { defineRule, type QuickFix } from './rule-registry.js';
import { uniqueName } from './unique-names.js';

export const missingTriggerRule = defineRule({
    id: 'missing-trigger',
    defaultSeverity: 'warning',
    description: 'A journey does not say what made the persona start looking (its `trigger`).',
    fix: { description: 'Insert `trigger ""`.', safe: false },
    checks: {
        Journey: (journey, context) => {
            if (journey.triggers.length > 0) {
                return;
            }
            const anchor = journey.personaLines[journey.personaLines.length - 1];
            const edit = anchor ? insertAfter(anchor, ['trigger ""']) : insertIntoBlock(journey, ['trigger ""']);
            context.report({
                node: journey, property: 'name',
                message: `Journey \`${journey.name}\` has no trigger: add \`trigger "…"\` with the event that made the persona look for a solution `
                    + '(a problem, a contract up for renewal); a journey map starts there.',
                fixes: edit ? [{ title: 'Insert `trigger ""`', edits: [edit] }] : [],
            });
        }
    }
});

export const missingPostPurchaseRule = defineRule({
    id: 'missing-post-purchase',
    defaultSeverity: 'warning',
    description: 'A journey stops at the purchase: no stage has `phase post-purchase`.',
    fix: { description: 'Insert an onboarding stage skeleton.', safe: false },
    checks: {
        Journey: (journey, context) => {
            if (journey.stages.some(stage => stage.phases.some(p => p.phase === 'post-purchase'))) {
                return;
            }
            context.report({
                node: journey, property: 'name',
                message: `Journey \`${journey.name}\` has no post-purchase stage: add a stage with \`phase post-purchase\` `
                    + '(onboarding, usage, renewal, advocacy); the experience does not end at the purchase.',
                fixes: onboardingStageFix(journey),
            });
        }
    }
});

function onboardingStageFix(journey: Journey): QuickFix[] {
    const stageName = uniqueName(journey, 'onboarding');
    const touchpointName = uniqueName(journey, 'welcome', [stageName]);
    const lines = [
        `stage ${stageName} "Onboarding" {`,
        '    phase post-purchase',
        '    question "How do I get value from this quickly?"',
        `    touchpoint ${touchpointName} "Welcome and first steps" {`,
        '        action "What the customer does first"',
        '    }',
        '}',
    ];
    const lastStage = journey.stages[journey.stages.length - 1];
    const edit = lastStage ? insertAfter(lastStage, ['', ...lines]) : insertIntoBlock(journey, lines);
    return edit ? [{ title: `Insert an onboarding stage \`${stageName}\``, edits: [edit] }] : [];
}

/** Maps without `every` cannot go stale by period; they still need a `reviewed` line. */
export const staleMapRule = defineRule({
    id: 'stale-map',
    defaultSeverity: 'warning',
    description: 'A journey was last reviewed longer ago than its `every N days` period, or never says when it was reviewed.',
    fix: { description: 'Set `reviewed` to today.', safe: false },
    checks: {
        Journey: (journey, context) => {
            const today = formatCalendarDate(context.today);
            const review = journey.reviews[0];
            if (!review) {
                const anchor = journey.owners[0] ?? journey.states[0] ?? journey.triggers[0] ?? journey.personaLines[journey.personaLines.length - 1];
                const line = `reviewed ${today} every 90 days`;
                const edit = anchor ? insertAfter(anchor, [line]) : insertIntoBlock(journey, [line]);
                context.report({
                    node: journey, property: 'name',
                    message: `Journey \`${journey.name}\` never says when it was reviewed: add \`reviewed YYYY-MM-DD every N days\` `
                        + 'so that readers know whether to trust it and CI can tell when it goes stale.',
                    fixes: edit ? [{ title: `Add \`${line}\``, edits: [edit] }] : [],
                });
                return;
            }
            const reviewed = parseCalendarDate(review.date);
            if (!reviewed || review.every === undefined) {
                return;
            }
            const age = toEpochDay(context.today) - toEpochDay(reviewed);
            if (age <= review.every) {
                return;
            }
            const dateRange = propertyRange(review, 'date');
            context.report({
                // On the keyword, as every rule reports on a name or keyword: the date is what the fix changes.
                node: review, keyword: 'reviewed',
                message: `Journey \`${journey.name}\` is stale: last reviewed ${review.date}, ${age} days ago, but it must be reviewed every `
                    + `${review.every} days. Review the map with the teams that own it, then set \`reviewed\` to the review's date.`,
                fixes: dateRange ? [{ title: `Set \`reviewed\` to today (${today})`, edits: [replaceRange(dateRange, today)] }] : [],
            });
        }
    }
});

export const futureWithoutCurrentRule = defineRule({
    id: 'future-without-current',
    defaultSeverity: 'warning',
    description: '`state future of X` where X is missing or is itself a future state.',
    checks: {
        JourneyState: (state, context) => {
            if (!state.future) {
                return;
            }
            const journey = AstUtils.getContainerOfType(state, isJourney);
            const current = state.currentState?.ref;
            const text = state.currentState?.$refText ?? '';
            if (!state.currentState) {
                context.report({
                    node: state, keyword: 'future',
                    message: `Future state \`${journey?.name}\` does not say which journey it improves: write \`state future of JOURNEY\`, `
                        + 'naming the current-state journey it is drawn against.',
                });
            } else if (!current) {
                context.report({
                    node: state, property: 'currentState',
                    message: `Future state \`${journey?.name}\` refers to \`${text}\`, which is not a journey: a future state is drawn against `
                        + 'the current-state journey it improves; name that journey.',
                });
            } else if (current.states.some(s => s.future)) {
                context.report({
                    node: state, property: 'currentState',
                    message: `Future state \`${journey?.name}\` is compared with \`${current.name}\`, which is itself a future state: `
                        + 'point `state future of` at a journey with `state current`.',
                });
            }
        }
    }
});
