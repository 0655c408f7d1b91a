/**
 * Calendar dates as the language writes them: `YYYY-MM-DD`, no time zone. Kept as plain day numbers so
 * that date rules never depend on the machine's time zone.
 */
export interface CalendarDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; `undefined` when the text is not a real calendar date (e.g. 2026-02-30). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
    const match = DATE_PATTERN.exec(text);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return undefined;
    }
    return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
    // Day 0 of the next month is the last day of this one.
    return new Date(utc(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01, for differences and comparisons. */
export function toEpochDay(date: CalendarDate): number {
    return Math.round(utc(date.year, date.month - 1, date.day) / 86_400_000);
}

/** `Date.UTC` for every year: it reads years 0–99 as 1900–1999, which would make 0000-02-29 no date. */
function utc(year: number, monthIndex: number, day: number): number {
    const date = new Date(0);
    date.setUTCFullYear(year, monthIndex, day);
    return date.getTime();
}

export function formatCalendarDate(date: CalendarDate): string {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Today in the local calendar of the machine the tool runs on. */
export function calendarDateOfToday(now: Date = new Date()): CalendarDate {
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
