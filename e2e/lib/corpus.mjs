// What the tests expect, read from the repository itself (never hard-coded lists).
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = process.env.DIST_DIR ?? join(REPO, "dist");

/** Stems of the seed articles (seeds/*.txt), sorted like the app sorts them. */
export function seedStems() {
  return readdirSync(join(REPO, "seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
}
