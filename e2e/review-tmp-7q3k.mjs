import { chromium } from "playwright-core";
import { startServer } from "./lib/server.mjs";
import { DIST } from "./lib/corpus.mjs";
const server = await startServer({ root: DIST });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const step = await import(process.argv[2] + "?t=" + Date.now());
try { await step.default({ browser, url: server.url, chromium }); }
catch (e) { console.error("STEP ERROR", e); }
await browser.close(); await server.close();
