// Hosting: served with the hosting kit's headers (a strict content security policy, no
// exception for inline code), every view works with no policy violation; after one visit the
// explorer opens and filters with the network cut; nothing is requested outside the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../lib/server.mjs";
import { launchChromium, openWatchedPage, waitForApp } from "../lib/browser.mjs";
import { DIST } from "../lib/corpus.mjs";
import { kitHeaders } from "../lib/hosting.mjs";

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => browser?.close());

/** Waits until `predicate` (run in the page, may be async) holds: Playwright's waitForFunction
 * takes a pending promise for a true value. */
async function until(page, predicate, arg, timeout = 15000) {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${predicate}`);
}

/** A page that records every policy violation, as events and as console messages. */
async function watchPolicy(browser, origin) {
  const watched = await openWatchedPage(browser, { origin });
  const violations = [];
  await watched.page.exposeFunction("reportViolation", (v) => violations.push(v));
  await watched.page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  watched.page.on("console", (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) violations.push(`console ${msg.type()}: ${msg.text()}`);
  });
  return { ...watched, violations };
}

test("under the hosting kit's strict policy, every view works with no violation", async () => {
  const server = await startServer({ root: DIST, headers: kitHeaders });
  try {
    const { page, context, problems, foreign, violations } = await watchPolicy(browser, new URL(server.url).origin);
    const response = await page.goto(server.url);
    const policy = response.headers()["content-security-policy"];
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/, "the policy is sent as a header");
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.equal(response.headers()["cache-control"], "no-cache", "the page is revalidated");
    await waitForApp(page);
    assert.ok(await page.$("[data-doc]"), "the documents are listed");
    // Every view, with a filter, by clicking as a user does.
    await page.click('[data-facet="sector"][data-value="energy"]');
    for (const view of ["timeline", "passages", "network", "compare", "documents"]) {
      await page.click(`[data-view="${view}"]`);
      await page.waitForFunction((v) => new URL(location.href).searchParams.get("view") === (v === "documents" ? null : v), view);
    }
    // Charts with positioned bars (styles set through the CSS object model), the reader, an
    // entity page, an export and the language switch.
    await page.click('[data-view="timeline"]');
    await page.waitForSelector(".tl-mark");
    await page.click('[data-view="documents"]');
    await page.click("[data-doc].doc-card h2 a");
    await page.waitForSelector("[data-reader]");
    await page.click(".reader-text .m-actor");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("actor"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-csv"]')]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    await page.click(".lang-switch");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const asset = await page.request.get(server.url + (await page.$eval('link[rel="stylesheet"]', (l) => l.getAttribute("href"))));
    assert.equal(asset.headers()["cache-control"], "public, max-age=31536000, immutable", "hashed files are cached for good");
    const single = await page.request.get(server.url + "mali-russie-explorer.html");
    assert.match(single.headers()["content-disposition"], /^attachment/, "the single file is a download");
    assert.deepEqual(violations, [], "no content security policy violation");
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], "no request leaves the origin");
    await context.close();
  } finally {
    await server.close();
  }
});

test("after one visit, the explorer opens and filters with the network cut; a new build is taken", async () => {
  // A second deployment, as the server will give it once `deployed` is set: a different page.
  let deployed = false;
  const transform = (path, body) => {
    if (!deployed) return body;
    if (path === "index.html") return Buffer.from(body.toString().replace("<html lang=fr", "<html lang=fr data-build=new"));
    if (path === "sw.js") return Buffer.from(body.toString().replace(/const BUILD="[^"]*"/, 'const BUILD="redeployed"'));
    return body;
  };
  const server = await startServer({ root: DIST, headers: kitHeaders, transform });
  const { page, context, problems } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  try {
    await page.goto(server.url + "?view=documents");
    await waitForApp(page);
    // The worker is registered after the page has loaded and takes the page once installed.
    await until(page, async () => (await navigator.serviceWorker.ready).active?.state === "activated");
    const total = await page.locator("[data-doc].doc-card").count();
    const ours = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("mali-russie-explorer ")));
    const first = await ours();
    assert.equal(first.length, 1);
    // Another app's cache on the same origin (GitHub Pages: every project of a user).
    await page.evaluate(() => caches.open("other-app-v1"));
    // Online, the worker never holds back a new deployment: the page comes from the network.
    deployed = true;
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getAttribute("html", "data-build"), "new", "the new build is shown at once");
    // The new build's worker takes over: its cache replaces ours, and only ours.
    await until(
      page,
      async (old) => {
        const keys = (await caches.keys()).filter((k) => k.startsWith("mali-russie-explorer "));
        return keys.length === 1 && keys[0] !== old && (await navigator.serviceWorker.ready).active?.state === "activated";
      },
      first[0],
    );
    assert.ok(await page.evaluate(() => caches.has("other-app-v1")), "another app's cache is left alone");
    await context.setOffline(true);
    await server.close();
    // A new address, as a shared link would be: the cached page reads its own view from it.
    await page.goto(server.url + "?sector=mining");
    await waitForApp(page);
    const filtered = await page.locator("[data-doc].doc-card").count();
    assert.ok(filtered > 0 && filtered < total, `filtered offline: ${filtered} of ${total}`);
    await page.click('[data-facet="sector"][data-value="mining"]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("sector"));
    await page.waitForFunction((n) => document.querySelectorAll("[data-doc].doc-card").length === n, total);
    assert.deepEqual(problems, []);
    // Offline, another address of the site fails: it does not become the page (the single
    // file would otherwise be "downloaded" as the page).
    await assert.rejects(page.goto(server.url + "mali-russie-explorer.html"));
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
