// Generates a large journey map as .journey text, the same every time for the same options: stages of
// touchpoints with channels, owners, emotions, pains, opportunities and KPIs, and flows between them.
// Used by the render benchmark and the preview tests.
//
// Two shapes of flows:
// - 'branchy' (the default): what the spec says a journey has and what the maps in examples/ look like,
//   at scale. A main path in stage order that now and then skips a run of 1–5 touchpoints, those
//   touchpoints forming an alternative branch that leaves the main path at the same touchpoint and
//   rejoins it after the run (ebike-purchase-and-return: search_ad -> friend_bike -> sizing_chat ->
//   showroom_ride -> checkout_page next to the main path); forward jumps that skip touchpoints or whole
//   stages; loops back. Jump and loop lengths are log-uniform between 2 (1 for loops) and 48
//   touchpoints: mostly short, within a stage or into the next, some over two to four stages (a stage
//   has 12–13 touchpoints at 500 in 40). About 1.2 flows per touchpoint (the 500 touchpoints
//   and 600 flows; the examples have 1.0–1.3).
// - 'chain-heavy': the earlier generator, kept for comparison: one flow through every touchpoint in
//   order, plus extra flows two ahead or up to 41 ahead, and loops back.
// - 'scattered': the graph the issue's ~14 s baseline was measured on (500 nodes, 600 edges, ends
//   anywhere): flows between touchpoints drawn uniformly from the whole map, 1.2 per touchpoint, a tenth
//   of them loops back. A map whose customers jump between any two moments (an omnichannel journey
//   written as one map); most flows cross many stages.
import { seededRandom } from '../scripts/seeded-random.mjs';


const WORDS = ['quote', 'pricing', 'demo', 'trial', 'setup', 'invoice', 'support', 'renewal', 'review', 'survey', 'onboarding',
    'training', 'contract', 'upgrade', 'referral', 'call', 'email', 'workshop', 'report', 'dashboard'];

/**
 * @param {{ stages?: number, touchpoints?: number, shape?: 'branchy' | 'chain-heavy', extraForward?: number, loopsBack?: number, seed?: number, name?: string }} options
 * @returns {{ text: string, name: string, stages: number, touchpoints: number, flows: number }}
 */
export function generateJourney(options = {}) {
    const stageCount = options.stages ?? 40;
    const total = options.touchpoints ?? 500;
    const shape = options.shape ?? 'branchy';
    if (shape !== 'branchy' && shape !== 'chain-heavy' && shape !== 'scattered') {
        throw new Error(`Unknown shape ${shape}`);
    }
    const chainHeavy = shape === 'chain-heavy';
    const extraForward = options.extraForward ?? (chainHeavy ? 60 : 30);
    const loopsBack = options.loopsBack ?? (chainHeavy ? 40 : 30);
    const name = options.name ?? 'generated';
    const next = seededRandom(options.seed ?? 1);
    const pick = list => list[Math.floor(next() * list.length)];
    const words = count => Array.from({ length: count }, () => pick(WORDS)).join(' ');

    const lines = [];
    lines.push('team sales "Sales"', 'team success "Customer Success"', 'team product "Product"', 'team marketing "Marketing"');
    lines.push('channel web "Website" online', 'channel email "Email" online', 'channel phone "Phone call" offline', 'channel store "Store" offline');
    lines.push('metric csat "Customer satisfaction" scale 1 to 5', 'metric conversion "Conversion" percent');
    lines.push('competitor acme "AcmeOps"', 'source survey "Customer survey" survey 2026-09-30 sample 400');
    lines.push('persona olivia "Olivia, Operations Manager" {', '    need fast "Be fast" importance 5', '    need cheap "Be cheap" importance 3', '}');
    lines.push(`journey ${name} "A generated journey of ${total} touchpoints in ${stageCount} stages" {`);
    lines.push('    persona olivia', '    trigger "A generated trigger"', '    state current', '    owner success', '    reviewed 2026-11-01 every 36500 days');

    const stages = [];
    const pains = [];
    let made = 0;
    for (let s = 0; s < stageCount; s++) {
        const count = Math.floor((total * (s + 1)) / stageCount) - Math.floor((total * s) / stageCount);
        stages.push(Array.from({ length: count }, (_, k) => `tp_${s}_${k}`));
        made += count;
    }
    const phases = ['pre-purchase', 'purchase', 'post-purchase'];
    stages.forEach((touchpoints, s) => {
        lines.push(`    stage stage_${s} "Stage ${s + 1}: ${words(2)}" {`);
        lines.push(`        phase ${phases[Math.min(2, Math.floor((s * 3) / stageCount))]}`);
        if (next() < 0.5) {
            lines.push(`        question "What about the ${words(2)}?"`);
        }
        for (const tp of touchpoints) {
            lines.push(`        touchpoint ${tp} "The ${words(1 + Math.floor(next() * 5))}" {`);
            lines.push(`            channel ${pick(['web', 'email', 'phone', 'store'])}`);
            lines.push(`            owner ${pick(['sales', 'success', 'product', 'marketing'])}`);
            lines.push(`            action "Does the ${words(2 + Math.floor(next() * 6))}"`);
            if (next() < 0.5) {
                lines.push(`            thinks "Is the ${words(2 + Math.floor(next() * 4))} worth it?"`);
            }
            lines.push(`            emotion ${Math.floor(next() * 7) - 3} "${pick(['Happy', 'Annoyed', 'Curious', 'Relieved', 'Confused'])}"`);
            lines.push(`            serves ${pick(['fast', 'cheap'])}`);
            lines.push('            evidence survey');
            if (next() < 0.15) {
                lines.push('            moment of truth');
            }
            if (next() < 0.2) {
                lines.push(`            kpi csat ${(1 + next() * 4).toFixed(1)} target 4 source survey`);
            }
            if (next() < 0.2) {
                pains.push(`pain_${tp}`);
                lines.push(`            pain pain_${tp} "The ${words(3)} is slow" severity ${1 + Math.floor(next() * 5)}`);
                lines.push(`            opportunity opp_${tp} "Faster ${words(2)}" for pain_${tp} owner product`);
            }
            if (next() < 0.1) {
                lines.push(`            backstage "The ${words(3)} runs overnight"`);
            }
            lines.push('        }');
        }
        lines.push('    }');
    });

    const all = stages.flat();
    const stageOf = new Map(stages.flatMap((tps, s) => tps.map(tp => [tp, s])));
    const indexOf = new Map(all.map((tp, i) => [tp, i]));
    /** @type {Array<[string, string, boolean?]>} from, to, and whether the flow may have a label */
    const flows = [];
    if (chainHeavy) {
        // The main flow, with branches inside stages: a touchpoint sometimes also leads two ahead.
        for (let i = 1; i < all.length; i++) {
            flows.push([all[i - 1], all[i]]);
        }
        for (let n = 0; n < extraForward; n++) {
            const from = Math.floor(next() * (all.length - 2));
            const jump = next() < 0.5 ? 2 : 2 + Math.floor(next() * 40);
            flows.push([all[from], all[Math.min(all.length - 1, from + jump)]]);
        }
        for (let n = 0; n < loopsBack; n++) {
            const from = 3 + Math.floor(next() * (all.length - 3));
            const back = next() < 0.5 ? 1 + Math.floor(next() * 3) : 5 + Math.floor(next() * 40);
            flows.push([all[from], all[Math.max(0, from - back)]]);
        }
        flows.forEach((flow, i) => { flow[2] = i % 10 === 5; });
    } else if (shape === 'scattered') {
        const seen = new Set();
        while (flows.length < Math.round(all.length * 1.2)) {
            let from = Math.floor(next() * all.length);
            let to = Math.floor(next() * all.length);
            if (from === to) {
                continue;
            }
            // Forward, except a tenth of them.
            if ((from > to) !== (next() < 0.1)) {
                [from, to] = [to, from];
            }
            const key = `${from}>${to}`;
            if (!seen.has(key)) {
                seen.add(key);
                flows.push([all[from], all[to], next() < 0.2]);
            }
        }
    } else {
        /** A length between min and max, log-uniform: as many of 2–4 as of 4–8, 8–16, ... */
        const length = (min, max) => Math.min(max, Math.floor(min * Math.pow((max + 1) / min, next())));
        const seen = new Set();
        const add = (from, to, labelled) => {
            const key = `${from}>${to}`;
            if (from !== to && !seen.has(key)) {
                seen.add(key);
                flows.push([all[from], all[to], labelled]);
            }
        };
        // The main path, and the alternative branches through the touchpoints it skips.
        let at = 0;
        while (at < all.length - 1) {
            const skipped = next() < 0.22 ? Math.min(1 + Math.floor(next() * 5), all.length - 2 - at) : 0;
            if (skipped <= 0) {
                add(at, at + 1, false);
                at += 1;
                continue;
            }
            const rejoin = at + skipped + 1;
            add(at, rejoin, next() < 0.3);
            add(at, at + 1, true);
            for (let k = at + 1; k < rejoin; k++) {
                add(k, k + 1, false);
            }
            at = rejoin;
        }
        // Forward jumps: past touchpoints of a stage, or past whole stages.
        for (let n = 0; n < extraForward; n++) {
            const from = Math.floor(next() * (all.length - 2));
            add(from, Math.min(all.length - 1, from + length(2, 48)), next() < 0.5);
        }
        // Loops back: mostly to a touchpoint or two before, some to an earlier stage.
        for (let n = 0; n < loopsBack; n++) {
            const from = 1 + Math.floor(next() * (all.length - 1));
            add(from, Math.max(0, from - length(1, 48)), next() < 0.5);
        }
    }
    flows.forEach(([from, to, labelled]) => {
        const label = labelled ? ` "${stageOf.get(to) < stageOf.get(from) || indexOf.get(to) < indexOf.get(from) ? 'Goes back to' : 'Jumps to'} ${words(2)}"` : '';
        lines.push(`    flow ${from} -> ${to}${label}`);
    });
    lines.push('    unknown "What is generated cannot be known"');
    lines.push('    valuegap {', '        fast us 2 acme 4', '        cheap us 4 acme 3', '    }');
    lines.push('    plan speed_up "Speed things up" {', ...(pains.length > 0 ? [`        addresses ${pains[0]}`] : []), '        owner product', '        due 2027-01-15', '        target csat 4.5', '        status open', '    }');
    lines.push('}', '');
    return { text: lines.join('\n'), name, stages: stageCount, touchpoints: made, flows: flows.length };
}
