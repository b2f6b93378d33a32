// Builds the app with Trunk over another corpus folder (EXPLORER_SEEDS) into another folder,
// for the benchmark and the test at a larger scale; dist/ is left alone. The tools the build
// needs (trunk, wasm-bindgen, wasm-opt, terser) are found as `make` finds them.
import { execFileSync } from "node:child_process";
import { homedir } from "node:os";
import { join } from "node:path";
import { REPO } from "./corpus.mjs";

const PATH = [join(REPO, "e2e", "node_modules", ".bin"), join(homedir(), ".cargo", "bin"), process.env.PATH].join(":");

/**
 * `trunk build --release --offline --dist <dist>`, over the corpus in `seeds` (the real one when
 * omitted). Trunk's own output is kept quiet; its errors show.
 */
export function buildSite(dist, seeds) {
  const env = { ...process.env, PATH };
  if (seeds) env.EXPLORER_SEEDS = seeds;
  else delete env.EXPLORER_SEEDS;
  const args = ["build", "--release", "--offline", ...(dist ? ["--dist", dist] : [])];
  try {
    execFileSync("trunk", args, { cwd: REPO, env, stdio: ["ignore", "pipe", "inherit"] });
  } catch (error) {
    // Trunk writes its reasons on stdout.
    throw new Error(`trunk ${args.join(" ")} failed:\n${error.stdout?.toString().split("\n").filter((l) => /ERROR|error|Caused|^\s+\d+:/.test(l)).join("\n")}`);
  }
}
