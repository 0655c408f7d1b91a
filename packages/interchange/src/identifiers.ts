/**
 * Names for generated declarations: `[A-Za-z_][A-Za-z0-9_]*`, lower case with underscores, made from
 * the text a person wrote (which stays the label), unique within their scope.
 */

const MAX_LENGTH = 40;

/** `Go to work` → `go_to_work`, `Café crème` → `cafe_creme`, `1st call` → `touchpoint_1st_call`. */
export function identifierFrom(text: string, fallback: string): string {
    const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    let name = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    if (name.length > MAX_LENGTH) {
        const cut = name.slice(0, MAX_LENGTH);
        // Cut at a word boundary when there is one, so a long label gives a readable name.
        name = (cut.includes('_') ? cut.slice(0, cut.lastIndexOf('_')) : cut).replace(/_+$/, '');
    }
    if (name === '') {
        return fallback;
    }
    return /^[0-9]/.test(name) ? `${fallback}_${name}` : name;
}

/** Hands out names unique within one scope: `base`, then `base_2`, `base_3`, … */
export class NameScope {
    private readonly taken = new Set<string>();

    constructor(taken: Iterable<string> = []) {
        for (const name of taken) {
            this.taken.add(name);
        }
    }

    claim(base: string): string {
        let candidate = base;
        for (let i = 2; this.taken.has(candidate); i++) {
            candidate = `${base}_${i}`;
        }
        this.taken.add(candidate);
        return candidate;
    }
}
