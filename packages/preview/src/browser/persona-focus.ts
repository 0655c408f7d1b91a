/**
 * A click on a persona in a map's Feels legend brings that persona's curve forward and fades the
 * others' (a second click, or a click on another, changes it back or over): with many personas, one
 * curve can be followed. Only the page's view changes; the map's SVG, and so its exports, stay whole.
 * Returns whether the click was on a legend entry (the caller then does nothing else with it).
 */
export function focusPersona(target: EventTarget | null): boolean {
    const entry = target instanceof Element ? target.closest('g.journey-legend-persona[data-persona]') : null;
    const svg = entry?.closest('svg.journey');
    if (!entry || !svg) {
        return false;
    }
    const persona = entry.getAttribute('data-persona');
    const focused = svg.getAttribute('data-focused-persona') === persona ? null : persona;
    if (focused === null) {
        svg.removeAttribute('data-focused-persona');
    } else {
        svg.setAttribute('data-focused-persona', focused);
    }
    for (const element of svg.querySelectorAll('[data-persona]')) {
        element.classList.toggle('journey-faded', focused !== null && element.getAttribute('data-persona') !== focused);
    }
    return true;
}
