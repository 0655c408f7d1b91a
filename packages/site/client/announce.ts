// A visually hidden live region per page: screen readers hear what the script did ("Highlighted: …").
export function announce(root: HTMLElement, message: string): void {
    let region = root.querySelector<HTMLElement>('[data-announce]');
    if (!region) {
        region = document.createElement('p');
        region.className = 'visually-hidden';
        region.setAttribute('role', 'status');
        region.setAttribute('aria-live', 'polite');
        region.dataset.announce = '';
        // In the page's <main>, so that it is inside a landmark like the rest of the content.
        (root.querySelector('main') ?? root).append(region);
    }
    // A new text, even the same one again, is read.
    region.textContent = '';
    const target = region;
    requestAnimationFrame(() => { target.textContent = message; });
}
