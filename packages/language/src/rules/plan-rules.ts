import { parseCalendarDate, toEpochDay } from '../model/calendar-date.js';
import { defineRule } from './rule-registry.js';

export const planOverdueRule = defineRule({
    id: 'plan-overdue',
    defaultSeverity: 'warning',
    description: 'A plan is past its `due` date and its status is not `done`.',
    checks: {
        Plan: (plan, context) => {
            const dueText = plan.dues[0]?.date;
            const due = dueText ? parseCalendarDate(dueText) : undefined;
            const status = plan.statuses[0]?.status ?? 'open';
            if (!due || status === 'done' || toEpochDay(due) >= toEpochDay(context.today)) {
                return;
            }
            const late = toEpochDay(context.today) - toEpochDay(due);
            context.report({
                node: plan, property: 'name',
                message: `Plan \`${plan.name}\` is overdue: due ${dueText} (${late} day${late === 1 ? '' : 's'} ago) and still \`${status}\`. `
                    + 'Set `status done` if it shipped, or agree a new `due` date with its owner.',
            });
        }
    }
});
