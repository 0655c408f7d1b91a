export interface GenerateOptions {
    stages?: number;
    touchpoints?: number;
    /**
     * 'branchy' (default): a main path with alternative branches, jumps and loops back; 'chain-heavy': the
     * earlier, mostly-a-chain map; 'scattered': flows between touchpoints anywhere on the map.
     */
    shape?: 'branchy' | 'chain-heavy' | 'scattered';
    extraForward?: number;
    loopsBack?: number;
    seed?: number;
    name?: string;
}

/** A large journey map as .journey text (deterministic for the same options). */
export function generateJourney(options?: GenerateOptions): { text: string; name: string; stages: number; touchpoints: number; flows: number };
