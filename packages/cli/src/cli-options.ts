import { parseCalendarDate, type CalendarDate } from '@journey/language';
import { CliError } from './cli-error.js';

/** Option values shared by several commands, checked once: a bad value is a usage error (exit 2). */

export function parseMaxWarnings(value: string | undefined): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!/^-?\d+$/.test(value)) {
        throw new CliError(`--max-warnings takes a whole number, not "${value}"`);
    }
    const number = Number(value);
    // ESLint's convention: -1 means no limit.
    return number < 0 ? undefined : number;
}

export function parseToday(value: string | undefined): CalendarDate | undefined {
    if (value === undefined) {
        return undefined;
    }
    const date = parseCalendarDate(value);
    if (!date) {
        throw new CliError(`--today takes a calendar date as YYYY-MM-DD, not "${value}"`);
    }
    return date;
}
