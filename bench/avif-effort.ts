// npm run bench:avif-effort — what AVIF's encoder effort costs and buys, at the widths the
// storefront asks for, on photo-like and drawn originals. No stack needed: every encode runs in
// this process, the efforts interleaved per original so a busy machine slows them alike. Time
// and bytes are reported as ratios of the slowest effort measured.
import sharp from 'sharp';
import { avifEffortBenchEnv } from './env';
import { photoOriginal } from './lib/photo-original';

const settings = avifEffortBenchEnv;
const efforts = settings.BENCH_EFFORTS.split(',').map(Number);
const widths = [256, 384, 640, 800] as const;

// Cards ask for 256/384, the product page 640/800 (see apps/web's image-url).
sharp.cache(false);

/** A flat illustration like the seed's pictures: gradients and shapes, large areas of one colour. */
function drawnOriginal(index: number): Promise<Buffer> {
  const hue = (index * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,85%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},60%,45%)"/>
    </linearGradient></defs>
    <rect width="1200" height="1200" fill="url(#g)"/>
    <circle cx="${300 + index * 40}" cy="420" r="260" fill="#ffffff" opacity="0.4"/>
    <rect x="520" y="600" width="520" height="380" rx="90" fill="hsl(${hue},50%,25%)" opacity="0.5"/>
    <text x="600" y="700" font-size="360" text-anchor="middle" font-family="sans-serif" fill="#fff">${String.fromCharCode(65 + (index % 26))}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

interface Tally {
  ms: number;
  bytes: number;
}
const tallies = new Map<string, Tally>();
const add = (kind: string, effort: number, ms: number, bytes: number) => {
  const key = `${kind} ${effort}`;
  const tally = tallies.get(key) ?? { ms: 0, bytes: 0 };
  tally.ms += ms;
  tally.bytes += bytes;
  tallies.set(key, tally);
};

process.stderr.write(
  `[bench] AVIF (quality 50) at efforts ${efforts.join(', ')}; widths ${widths.join(', ')}; ` +
    `${settings.BENCH_ORIGINALS} photo-like and ${settings.BENCH_ORIGINALS} drawn originals\n`,
);
// One throw-away encode loads the encoder before anything is timed.
await sharp(await drawnOriginal(0))
  .resize({ width: 64 })
  .avif()
  .toBuffer();
for (let i = 0; i < settings.BENCH_ORIGINALS; i++) {
  const originals = { photo: await photoOriginal(), drawn: await drawnOriginal(i) };
  for (const [kind, original] of Object.entries(originals)) {
    for (const width of widths) {
      for (const effort of efforts) {
        const t0 = performance.now();
        const out = await sharp(original)
          .resize({ width, withoutEnlargement: true })
          .avif({ quality: 50, effort })
          .toBuffer();
        add(kind, effort, performance.now() - t0, out.length);
      }
    }
  }
}

const slowest = Math.max(...efforts);
const encodes = settings.BENCH_ORIGINALS * widths.length;
const lines = [
  `originals  effort  ms/encode  KiB/encode  time × effort ${slowest}  bytes × effort ${slowest}`,
];
for (const [key, tally] of tallies) {
  const [kind = '', effort = ''] = key.split(' ');
  const base = tallies.get(`${kind} ${slowest}`) ?? tally;
  lines.push(
    [
      kind.padEnd(9),
      effort.padStart(6),
      String(Math.round(tally.ms / encodes)).padStart(9),
      (tally.bytes / encodes / 1024).toFixed(1).padStart(10),
      (tally.ms / base.ms).toFixed(2).padStart(15),
      (tally.bytes / base.bytes).toFixed(3).padStart(16),
    ].join('  '),
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
