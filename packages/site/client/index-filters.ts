// The index's search box and filters: rows that do not match are hidden (every condition must hold),
// the count says how many show, the no-match line shows when none does. What was searched is kept in
// sessionStorage, so Back (or a reload) finds the same rows.
import { load, save, storageKey } from './storage.js';

type FilterControl = HTMLInputElement | HTMLSelectElement;
type FilterState = Record<string, string>;

export function initIndexFilters(root: ParentNode, page: string): void {
    const controls = [...root.querySelectorAll<FilterControl>('[data-filter]')];
    const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-journey]')];
    if (controls.length === 0) {
        return;
    }
    const count = root.querySelector<HTMLElement>('[data-match-count]');
    const noMatch = root.querySelector<HTMLElement>('[data-no-match]');
    const key = storageKey('filters', page);

    const saved = load<FilterState>(key);
    if (saved && typeof saved === 'object') {
        for (const control of controls) {
            const value = saved[control.dataset.filter ?? ''];
            if (typeof value !== 'string') {
                continue;
            }
            if (control instanceof HTMLSelectElement && ![...control.options].some(option => option.value === value)) {
                continue;
            }
            control.value = value;
        }
    }

    const apply = (): void => {
        const state: FilterState = {};
        const conditions: Array<(row: HTMLTableRowElement) => boolean> = [];
        for (const control of controls) {
            const name = control.dataset.filter ?? '';
            const value = control.value;
            state[name] = value;
            if (name === 'text') {
                const words = value.toLowerCase().split(/\s+/).filter(word => word !== '');
                if (words.length > 0) {
                    conditions.push(row => {
                        const text = (row.dataset.text ?? '').toLowerCase();
                        return words.every(word => text.includes(word));
                    });
                }
            } else if (value !== '') {
                conditions.push(row => (row.getAttribute(`data-${name}`) ?? '').split(/\s+/).includes(value));
            }
        }
        let shown = 0;
        for (const row of rows) {
            const matches = conditions.every(condition => condition(row));
            row.hidden = !matches;
            if (matches) {
                shown++;
            }
        }
        if (count) {
            count.textContent = rows.length === 0 ? '' : `${shown} of ${rows.length} ${rows.length === 1 ? 'journey' : 'journeys'}`;
        }
        if (noMatch) {
            noMatch.hidden = rows.length === 0 || shown > 0;
        }
        save(key, state);
    };

    for (const control of controls) {
        control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', apply);
    }
    // The browser may put back the form's values itself when the page comes back from its cache.
    window.addEventListener('pageshow', apply);
    apply();
}
