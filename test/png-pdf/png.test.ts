// PNG pictures of maps: resvg with the map font's own files. Decoded with pngjs and measured on the raster.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MAP_FONT_FAMILY, pngOfSvg, renderPng, PictureError } from '@journey/png-pdf';
import { layoutJourneyMap, renderSvg, textWidth, THEMES, type Layout, type TextLine } from '@journey/preview';
import { exampleJourneys, modelOf, ONE_TOUCHPOINT } from '../preview/preview-helper.js';

const decode = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
    const at = (png.width * y + x) * 4;
    return [png.data[at], png.data[at + 1], png.data[at + 2], png.data[at + 3]];
}

const hex = (colour: string): [number, number, number] => [1, 3, 5].map(at => parseInt(colour.slice(at, at + 2), 16)) as [number, number, number];

/** Every text line of a layout, wherever it sits (cards, headers, lanes, axes, lists). */
function textLines(value: unknown, found: TextLine[] = []): TextLine[] {
    if (Array.isArray(value)) {
        value.forEach(item => textLines(item, found));
    } else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.text === 'string' && typeof record.x === 'number' && typeof record.y === 'number' && typeof record.size === 'number') {
            found.push(record as unknown as TextLine);
        } else {
            Object.values(record).forEach(item => textLines(item, found));
        }
    }
    return found;
}

async function renewal(): Promise<Layout> {
    const example = (await exampleJourneys()).find(journey => journey.model.name === 'renewal')!;
    return layoutJourneyMap(example.model);
}

describe('renderPng', () => {
    it('is the size of the map times the scale, opaque, in the theme\'s background colour', async () => {
        const layout = await renewal();
        for (const [theme, scale] of [['light', 1], ['dark', 2]] as const) {
            const png = decode(await renderPng(layout, { theme, scale }));
            expect([png.width, png.height]).toEqual([Math.ceil(layout.width * scale), Math.ceil(layout.height * scale)]);
            expect(pixel(png, 2, 2)).toEqual([...hex(THEMES[theme].background), 255]);
            expect(pixel(png, png.width - 2, png.height - 2)).toEqual([...hex(THEMES[theme].background), 255]);
        }
    });

    it('draws each persona\'s curve in its own colour (the fixed style writes every theme colour in)', async () => {
        const ebike = (await exampleJourneys()).find(journey => journey.model.name === 'ebike_purchase')!;
        const layout = await layoutJourneyMap(ebike.model);
        const curves = layout.emotion!.personas!;
        expect(curves).toHaveLength(2);
        for (const theme of ['light', 'dark'] as const) {
            const png = decode(await renderPng(layout, { theme }));
            for (const curve of curves) {
                // Halfway along each segment no other curve also has (where one does, the narrower is on top).
                const key = (a: { x: number; y: number }, b: { x: number; y: number }) => `${a.x},${a.y}-${b.x},${b.y}`;
                const others = new Set(curves.filter(other => other !== curve).flatMap(other => other.polyline.slice(1).map((p, i) => key(other.polyline[i], p))));
                const colour = hex(THEMES[theme][`persona-${curve.slot}`]);
                let own = 0;
                let hits = 0;
                for (let i = 1; i < curve.polyline.length; i++) {
                    const [a, b] = [curve.polyline[i - 1], curve.polyline[i]];
                    if (others.has(key(a, b))) {
                        continue;
                    }
                    own++;
                    const [x, y] = [Math.round((a.x + b.x) / 2), Math.round((a.y + b.y) / 2)];
                    const near = [-1, 0, 1].some(dy => pixel(png, x, y + dy).slice(0, 3).every((c, k) => Math.abs(c - colour[k]) <= 40));
                    hits += near ? 1 : 0;
                }
                // Another curve may cross one at a midpoint; most are its own colour.
                expect(own, `${theme} ${curve.persona}: segments of its own`).toBeGreaterThan(2);
                expect(hits, `${theme} ${curve.persona}`).toBeGreaterThanOrEqual(own * 0.8);
            }
        }
    });

    it('gives the same bytes every time', async () => {
        const layout = await renewal();
        const first = await renderPng(layout, { scale: 1.5 });
        expect(Buffer.from(await renderPng(layout, { scale: 1.5 })).equals(Buffer.from(first))).toBe(true);
    });

    it('draws the text: a touchpoint card holds dark ink where its title is', async () => {
        const layout = await layoutJourneyMap(await modelOf(ONE_TOUCHPOINT));
        const png = decode(await renderPng(layout));
        const title = textLines(layout.nodes)[0];
        const width = textWidth(title.text, { size: title.size, bold: title.bold });
        let ink = 0;
        for (let y = Math.floor(title.y - title.size * 0.7); y < title.y; y++) {
            for (let x = Math.floor(title.x); x < title.x + width; x++) {
                ink += pixel(png, x, y)[0] < 128 ? 1 : 0;
            }
        }
        expect(ink).toBeGreaterThan(width);
    });

    it('keeps every text within the width the layout measured for it (the fonts are the ones measured)', async () => {
        for (const example of await exampleJourneys()) {
            const layout = await layoutJourneyMap(example.model);
            // Text alone: every shape but the background hidden, so any ink is a glyph.
            const svg = renderSvg(layout, { fixedStyle: { fontFamily: MAP_FONT_FAMILY } })
                .replace('</style>', 'rect,line,path,polyline,polygon,circle,marker{display:none}.journey-background{display:inline}\n</style>');
            const png = decode(await pngOfSvg(svg, 1));
            const allowed = new Uint8Array(png.width * png.height);
            for (const line of textLines(layout)) {
                const width = textWidth(line.text, { size: line.size, bold: line.bold });
                const left = line.anchor === 'middle' ? line.x - width / 2 : line.anchor === 'end' ? line.x - width : line.x;
                // Glyphs reach a little past their advance (antialiasing, italics): 2 px of slack.
                for (let y = Math.max(0, Math.floor(line.y - line.size)); y < Math.min(png.height, Math.ceil(line.y + line.size * 0.3)); y++) {
                    for (let x = Math.max(0, Math.floor(left - 2)); x < Math.min(png.width, Math.ceil(left + width + 2)); x++) {
                        allowed[y * png.width + x] = 1;
                    }
                }
            }
            const outside: string[] = [];
            for (let y = 0; y < png.height; y++) {
                for (let x = 0; x < png.width; x++) {
                    if (!allowed[y * png.width + x] && pixel(png, x, y)[0] < 200) {
                        outside.push(`${x},${y}`);
                    }
                }
            }
            expect(outside.slice(0, 10), `${example.file}: ink outside every measured text`).toEqual([]);
        }
    });

    it('refuses a picture too large to hold, saying which scale fits', async () => {
        const layout = await renewal();
        await expect(renderPng(layout, { scale: 200 })).rejects.toThrow(PictureError);
        await expect(renderPng(layout, { scale: 200 })).rejects.toThrow(/use --scale \d+(\.\d)? or lower/);
        await expect(renderPng(layout, { scale: 0 })).rejects.toThrow('the scale of a PNG is a number above 0, not 0');
    });
});
