// One small deterministic random number generator for everything generated with a fixed seed (the
// example's data files, the benches' inputs): mulberry32, the same numbers on every Node version.

/** A generator of numbers in [0, 1) from `seed`. */
export function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
