#!/usr/bin/env node
// Draws media/icon.png (128×128): a rounded tile with a journey's emotion curve through four touchpoints.
// Run once by hand when the icon changes; the PNG is committed. No dependencies: a supersampled
// rasteriser and a PNG writer on node:zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel per axis
const tile = [0x1f, 0x4e, 0x79];
const line = [0xff, 0xff, 0xff];
const dot = [0xff, 0xb3, 0x47];
const points = [[22, 84], [50, 50], [78, 74], [106, 34]];

function inRoundedRect(x, y, r) {
    const cx = Math.min(Math.max(x, r), SIZE - r);
    const cy = Math.min(Math.max(y, r), SIZE - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(px, py, [ax, ay], [bx, by]) {
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function sample(x, y) {
    if (!inRoundedRect(x, y, 24)) return undefined;
    if (points.some(([cx, cy]) => Math.hypot(x - cx, y - cy) <= 11)) return dot;
    for (let i = 0; i < points.length - 1; i++) {
        if (distToSegment(x, y, points[i], points[i + 1]) <= 4.5) return line;
    }
    if (y > 104 && y < 108 && x > 16 && x < 112) return [0x9f, 0xbf, 0xdf];
    return tile;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
        const acc = [0, 0, 0, 0];
        for (let sy = 0; sy < SS; sy++) {
            for (let sx = 0; sx < SS; sx++) {
                const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
                if (c) { acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1; }
            }
        }
        const o = y * (SIZE * 4 + 1) + 1 + x * 4;
        const n = acc[3];
        raw[o] = n ? Math.round(acc[0] / n) : 0;
        raw[o + 1] = n ? Math.round(acc[1] / n) : 0;
        raw[o + 2] = n ? Math.round(acc[2] / n) : 0;
        raw[o + 3] = Math.round((n / (SS * SS)) * 255);
    }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
const crc32 = buf => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0;
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
