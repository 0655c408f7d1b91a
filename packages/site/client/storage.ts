// sessionStorage, read and written as JSON under keys of this file (file:// pages of two sites share
// one storage). Storage may be off (a privacy setting, a sandbox): then nothing is remembered.

/** A key for something of this document's page `page` (single-file: every page shares one path). */
export function storageKey(kind: string, page: string): string {
    return `journey-site:${kind}:${location.pathname}:${page}`;
}

export function load<T>(key: string): T | undefined {
    try {
        const text = sessionStorage.getItem(key);
        return text === null ? undefined : JSON.parse(text) as T;
    } catch {
        return undefined;
    }
}

export function save(key: string, value: unknown): void {
    try {
        sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
        // Storage full or off: the state is simply not remembered.
    }
}

export function forget(key: string): void {
    try {
        sessionStorage.removeItem(key);
    } catch {
        // As above.
    }
}
