// The mini-map's picture (renderMiniMap): the outline of the maps only — bands, touchpoint boxes, the
// emotion curves — scaled down, and no text of the document at all.
import { layoutJourneyMap, renderMiniMap } from '@journey/preview';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { exampleJourneys, HOSTILE, modelOf, SCRIPT } from './preview-helper.js';

const parse = (svg: string) => {
    const document = new DOMParser({ onError: level => { if (level !== 'warning') throw new Error(level); } }).parseFromString(svg, 'image/svg+xml');
    return (className: string) => (Array.from(document.getElementsByTagName('*')) as Element[]).filter(element => element.getAttribute('class') === className);
};

describe('renderMiniMap', () => {
    it('draws each map\'s stage bands, touchpoints and curves where the map is, at the scale asked', async () => {
        const ebike = (await exampleJourneys()).find(j => j.model.name === 'ebike_purchase')!.model;
        const renewal = (await exampleJourneys()).find(j => j.model.name === 'renewal')!.model;
        const [a, b] = [await layoutJourneyMap(ebike), await layoutJourneyMap(renewal)];
        const width = Math.max(a.width, b.width);
        const height = a.height + 40 + b.height;
        const svg = renderMiniMap([{ layout: a, x: 0, y: 0 }, { layout: b, x: 0, y: a.height + 40 }], width, height, 0.05);
        const all = parse(svg);
        const [picture] = all('journey-minimap-picture');
        expect(picture.getAttribute('width')).toBe(String(Math.round(width * 0.05 * 100) / 100));
        expect(picture.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
        expect(all('journey-minimap-map')).toHaveLength(2);
        expect(all('journey-minimap-band').length + all('journey-minimap-band-alt').length).toBe(a.stages.length + b.stages.length);
        expect(all('journey-minimap-node')).toHaveLength(a.nodes.length + b.nodes.length);
        // ebike: a curve per persona (two); renewal: one.
        expect(all('journey-minimap-curve')).toHaveLength(3);
        // The second map's group is placed below the first.
        expect(svg).toContain(`<g transform="translate(0 ${a.height + 40})">`);
        // The in-view rectangle, last (drawn over the rest), for the browser to move.
        expect(svg.endsWith('<rect class="journey-minimap-view" x="0" y="0" width="0" height="0"/></svg>')).toBe(true);
    });

    it('carries no text of the document: only numbers and its own class names', async () => {
        const layout = await layoutJourneyMap(await modelOf(HOSTILE));
        const svg = renderMiniMap([{ layout, x: 16, y: 16 }], layout.width + 32, layout.height + 32, 0.1);
        expect(svg).not.toContain(SCRIPT.slice(1, 7));
        expect(svg).not.toContain('<text');
        expect(svg).not.toContain('<title');
        // No text between tags; every attribute a number list, a translation, its own class or the SVG namespace.
        expect(svg).not.toMatch(/>[^<]+</);
        const values = [...svg.matchAll(/="([^"]*)"/g)].map(match => match[1]);
        expect(values.filter(value => !/^(?:[-\d., ]*|translate\([-\d. ]+\)|journey-minimap-[a-z-]+|true|http:\/\/www\.w3\.org\/2000\/svg)$/.test(value))).toEqual([]);
    });
});
