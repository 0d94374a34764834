// Draws the app icon (two columns of text lines side by side: Arabic right-aligned, English
// left-aligned, one row linked across — "parallel") and writes PNGs with a tiny pure-Node
// encoder (zlib + CRC32), so the icon is reproducible without image tools:
//   node scripts/make-icon.mjs   → assets/icon.png (1024) and assets/icons/<n>x<n>.png
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (size×size×4) → PNG bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1), painted in order; each is [test(x, y), [r, g, b]].
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const BG = [22, 78, 99];
const PAPER = [248, 246, 240];
const AR = [217, 72, 15]; // source side
const EN = [25, 113, 194]; // target side
const LINK = [47, 158, 68];
const shapes = [[roundRect(0.04, 0.04, 0.96, 0.96, 0.18), BG]];
shapes.push([roundRect(0.12, 0.14, 0.88, 0.86, 0.05), PAPER]);
shapes.push([(x, y) => x >= 0.497 && x <= 0.503 && y >= 0.2 && y <= 0.8, [190, 190, 190]]);
const rows = [0.24, 0.36, 0.48, 0.6, 0.72];
const arLen = [0.28, 0.2, 0.3, 0.16, 0.24];
const enLen = [0.26, 0.3, 0.18, 0.28, 0.14];
rows.forEach((y, i) => {
  shapes.push([roundRect(0.83 - arLen[i], y - 0.028, 0.83, y + 0.028, 0.028), AR]); // right-aligned
  shapes.push([roundRect(0.17, y - 0.028, 0.17 + enLen[i], y + 0.028, 0.028), EN]); // left-aligned
});
// the aligned row: a link across the divider
shapes.push([roundRect(0.17 + enLen[2] - 0.01, 0.48 - 0.012, 0.83 - arLen[2] + 0.01, 0.48 + 0.012, 0.012), LINK]);

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = size >= 64 ? 3 : 5; // supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let col = null;
          for (const [test, c] of shapes) if (test(x, y)) col = c;
          if (col) {
            r += col[0];
            g += col[1];
            b += col[2];
            a++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(join(root, 'assets', 'icons'), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(root, 'assets', 'icons', `${size}x${size}.png`), render(size));
writeFileSync(join(root, 'assets', 'icon.png'), render(1024));
console.log('wrote assets/icon.png and assets/icons/*.png');
