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
    assert.match(asset.headers()["cache-control"], /immutable/, "hashed files are cached for good");
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
  const transform = (path, body) =>
    deployed && path === "index.html" ? Buffer.from(body.toString().replace("<html lang=fr", "<html lang=fr data-build=new")) : body;
  const server = await startServer({ root: DIST, headers: kitHeaders, transform });
  const { page, context, problems } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  try {
    await page.goto(server.url + "?view=documents");
    await waitForApp(page);
    // The worker is registered after the page has loaded and takes the page once installed.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated", null, { timeout: 15000 });
    const total = await page.locator("[data-doc].doc-card").count();
    // Online, the worker never holds back a new deployment: the page comes from the network.
    deployed = true;
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getAttribute("html", "data-build"), "new", "the new build is shown at once");
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
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
