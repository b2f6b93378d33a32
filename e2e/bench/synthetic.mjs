// Synthetic corpora for the browser benchmark: `scale` × the seeds, where the articles added
// are unique texts — words drawn from a two-word model of the seeds' own text, with a seeded
// generator so that the same scale gives the same corpus. Copies would be folded away by the
// codec and by gzip and hide the real cost; these read like the seeds to the annotator (the
// same names, places, sectors and dates occur) without repeating them.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A small seeded generator (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `seeds` plus (scale − 1) × its articles of synthetic text into `out`.
 * @param {string} seeds the corpus folder (articles and knowledge/)
 * @param {string} out the folder to write (replaced)
 * @param {number} scale
 */
export function writeSynthetic(seeds, out, scale) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(seeds, out, { recursive: true });
  const texts = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(seeds, f), "utf8"));
  // Which words follow which: the model the articles are drawn from.
  const next = new Map();
  const starts = [];
  for (const text of texts) {
    for (const line of text.split("\n").filter((l) => l.trim())) {
      const words = line.split(/\s+/).filter(Boolean);
      starts.push(words[0]);
      for (let i = 0; i + 1 < words.length; i++) {
        if (!next.has(words[i])) next.set(words[i], []);
        next.get(words[i]).push(words[i + 1]);
      }
    }
  }
  const rand = random(scale);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sentence = (min, max) => {
    const length = min + Math.floor(rand() * (max - min));
    const words = [pick(starts)];
    while (words.length < length) words.push(pick(next.get(words.at(-1)) ?? starts));
    return words.join(" ");
  };
  const perScale = texts.length;
  for (let n = perScale; n < perScale * scale; n++) {
    const paragraphs = [sentence(8, 16)];
    const count = 5 + Math.floor(rand() * 8);
    for (let p = 0; p < count; p++) paragraphs.push(sentence(30, 110));
    writeFileSync(join(out, `syn_${String(n).padStart(5, "0")}.txt`), paragraphs.join("\n\n") + "\n");
  }
}
