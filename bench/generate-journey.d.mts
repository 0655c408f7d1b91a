export interface GenerateOptions {
    stages?: number;
    touchpoints?: number;
    extraForward?: number;
    loopsBack?: number;
    seed?: number;
    name?: string;
}

/** A large journey map as .journey text (deterministic for the same options). */
export function generateJourney(options?: GenerateOptions): { text: string; name: string; stages: number; touchpoints: number; flows: number };
