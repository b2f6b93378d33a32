// The research tools: reader permalinks and click-to-filter, actor and sector pages, the
// co-occurrence network, CSV and JSON exports checked against the view, an automated
// accessibility check (axe-core), and the screenshots of every view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serveApp } from "../lib/app.mjs";
import { REPO } from "../lib/corpus.mjs";

const SHOTS = join(REPO, "docs", "screenshots");
mkdirSync(join(REPO, "docs", "screenshots"), { recursive: true });
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const app = serveApp();
const open = app.open;

const params = (page) => new URL(page.url()).searchParams;
const tabCount = (page, view) => page.$eval(`[data-view="${view}"] .count`, (e) => Number(e.textContent));

/** Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function readCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  return rows;
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-action="${action}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

test("a passage permalink opens the reader scrolled to the highlighted passage", async () => {
  const { page, problems, context } = await open("?doc=001_acfb4e3aff133b8d&p=6", { viewport: { width: 1280, height: 700 } });
  await page.waitForSelector('[data-reader="001_acfb4e3aff133b8d"] #passage-6.current');
  await page.waitForFunction(() => {
    const r = document.getElementById("passage-6").getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight + 1;
  });
  // Metadata on top: outlet, date with its precision, and whether it was inferred.
  const meta = await page.$eval(".reader .doc-meta", (e) => e.textContent);
  assert.match(meta, /précision : jour/);
  // Each passage has its own permalink.
  const link = await page.$eval("#passage-2 .permalink", (a) => a.getAttribute("href"));
  assert.equal(new URLSearchParams(link.slice(1)).get("p"), "2");
  // Mentions are marked by kind, furniture greyed.
  for (const kind of ["m-actor", "m-sector", "m-date"]) assert.ok(await page.$(`.reader-text .${kind}`), kind);
  assert.ok(await page.$(".reader-text .furniture"));
  // Printed, the reader stands alone: no filters, results, buttons or passage marks.
  await page.emulateMedia({ media: "print" });
  const shown = (sel) => page.$eval(sel, (e) => getComputedStyle(e).display !== "none");
  assert.equal(await shown(".reader-text"), true);
  for (const hidden of [".filters", ".results", ".masthead", ".reader-close", ".permalink"])
    assert.equal(await shown(hidden), false, `${hidden} is not printed`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("clicking a mention in the reader adds it as a filter", async () => {
  const { page, context } = await open("?doc=000_194bb33a507fa3a4");
  const mention = await page.waitForSelector(".reader-text .m-actor");
  const actor = new URLSearchParams((await mention.getAttribute("href")).slice(1)).get("actor");
  assert.ok(actor, "the mention links to a filter");
  await mention.click();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get("actor") === id, actor);
  assert.equal(await page.$("[data-reader]"), null, "the reader closes on the filtered results");
  assert.equal(params(page).get("doc"), null);
  const facet = await page.$eval(`[data-facet="actor"][data-value="${actor}"]`, (e) => e.classList.contains("checked"));
  assert.ok(facet, "the actor facet shows the filter");
  assert.ok((await page.$$("[data-doc].doc-card")).some(Boolean));
  await page.goBack();
  await page.waitForSelector('[data-reader="000_194bb33a507fa3a4"]');
  await context.close();
});

test("the reader lists what cites the document, each linking to its passage", async () => {
  const { page, context } = await open("?doc=000_194bb33a507fa3a4");
  const links = await page.$$eval(".cited a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.length >= 3, `${links.length} items cite the document`);
  const first = new URLSearchParams(links[0].slice(1));
  assert.equal(first.get("doc"), "000_194bb33a507fa3a4");
  await page.click(".cited a");
  await page.waitForSelector(`#passage-${first.get("p")}.current`);
  await context.close();
});

test("an actor page shows the actor and leads to its passages and to other actors", async () => {
  const { page, problems, context } = await open("?entity=actor.sergei-tsivilev");
  await page.waitForSelector('[data-entity="actor.sergei-tsivilev"]');
  assert.match(await page.$eval("#reader-title", (e) => e.textContent), /Tsivilev/);
  assert.match(await page.$eval(".aliases", (e) => e.textContent), /Sergei Tsivilev/);
  const sections = await page.$$eval(".entity-section h3", (hs) => hs.map((h) => h.textContent));
  for (const s of ["Fonctions citées", "Documents", "Événements", "Secteurs associés", "Acteurs associés"])
    assert.ok(sections.includes(s), `${s} in ${sections}`);
  // A document link opens the reader at a passage that mentions him.
  await page.click(".entity-section:nth-of-type(2) a");
  await page.waitForSelector("[data-reader] .passage.current");
  const mentionsHim = await page.$$eval(".passage.current .m-actor", (as) =>
    as.some((a) => new URLSearchParams(a.getAttribute("href").slice(1)).get("actor")?.split(",").includes("sergei-tsivilev")),
  );
  assert.ok(mentionsHim, "the linked passage mentions the actor");
  // Closing the reader returns to his page; a co-actor's count opens the passages they share.
  await page.click(".reader-close");
  await page.waitForSelector('[data-entity="actor.sergei-tsivilev"]');
  const shared = await page.$(".entity-section li[class^=side-] a[href*='edge=']");
  const announced = Number((await shared.textContent()).match(/\d+/)[0]);
  await shared.click();
  await page.waitForSelector(".edge-passages");
  assert.equal(params(page).get("view"), "network");
  assert.equal(await page.$$eval(".edge-passages .passage", (ps) => ps.length), announced);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a sector page shows its place in the taxonomy and filters by month", async () => {
  const { page, context } = await open("?entity=sector.civil-nuclear&lang=en");
  await page.waitForSelector('[data-entity="sector.civil-nuclear"]');
  assert.match(await page.$eval(".taxonomy", (e) => e.textContent), /Energy.*Civil nuclear/);
  assert.ok((await page.$$(".entity-section a")).length > 2);
  await page.click(".entity .filter-by");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("sector") === "civil-nuclear");
  assert.equal(await page.$("[data-entity]"), null);
  await context.close();
});

test("a pair chosen in the network's drawing brings the head of its passages into view, below the drawing", async () => {
  const { page, problems, context } = await open("?view=network&sector=energy", { viewport: { width: 1280, height: 800 } });
  await page.waitForSelector(".network-svg");
  await page.locator(".network-svg [data-edge]").first().click();
  await page.waitForSelector(".edge-head");
  // (Scrolling may be smooth: until the head is wholly on screen.)
  await page.waitForFunction(() => {
    const r = document.querySelector(".edge-head").getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight + 1;
  });
  assert.ok(await page.evaluate(() => scrollY > 0), "the page moved");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the network draws the actors of the results; an edge lists its passages, a node opens the actor", async () => {
  const { page, problems, context } = await open("?view=network&sector=energy");
  await page.waitForSelector(".network-svg");
  const nodes = await page.$$eval("[data-node]", (ns) => ns.map((n) => n.dataset.node));
  assert.equal(nodes.length, await tabCount(page, "network"), "the tab counts the actors drawn");
  const sizes = await page.$$eval("[data-node] circle", (cs) => cs.map((c) => Number(c.getAttribute("r"))));
  assert.ok(sizes[0] >= sizes[sizes.length - 1], "most mentioned drawn largest");
  // The network follows the filters.
  await page.click('[data-facet="actor"][data-value="rosatom"]');
  await page.waitForFunction(() => location.search.includes("actor=rosatom"));
  const fewer = await page.$$eval("[data-node]", (ns) => ns.length);
  assert.ok(fewer < nodes.length, `${fewer} < ${nodes.length}`);
  // An edge: its passages, each naming both actors.
  const edge = await page.$("[data-edge]");
  const [a, b] = (await edge.getAttribute("data-edge")).split(",");
  await page.click(".pairs a");
  await page.waitForSelector(".edge-passages .passage");
  const edgeParam = params(page).get("edge").split(",");
  assert.equal(edgeParam.length, 2);
  const shown = await page.$$eval(".edge-passages .passage", (ps) => ps.map((p) => p.querySelectorAll("mark").length));
  assert.ok(shown.length > 0 && shown.every((marks) => marks >= 2), `both actors highlighted in each: ${shown}`);
  assert.ok([a, b].every(Boolean));
  // A node opens the actor's page.
  const node = await page.$("[data-node]");
  const circle = await page.$("[data-node] circle");
  const id = await node.getAttribute("data-node");
  await circle.click();
  await page.waitForSelector(`[data-entity="actor.${id}"]`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the CSV and JSON exports hold exactly the filtered results, with the permalink and corpus version", async () => {
  const { page, context } = await open("?sector=energy&q=commission");
  const docs = await page.$$eval("[data-doc].doc-card", (cs) => cs.map((c) => c.dataset.doc));
  const events = await tabCount(page, "timeline");
  const passages = await tabCount(page, "passages");
  const url = page.url();

  const csv = await download(page, "export-csv");
  assert.match(csv.name, /^mali-russie-[0-9a-f]{8}\.csv$/);
  const rows = readCsv(csv.text.replace(/^\uFEFF/, ""));
  assert.deepEqual(rows[0].slice(0, 4), ["record", "id", "document", "passage"]);
  const view = rows.find((r) => r[0] === "view");
  assert.equal(view[10], url, "the permalink of the view");
  assert.match(view[1], /^[0-9a-f]{16}$/, "the corpus version");
  assert.deepEqual(rows.filter((r) => r[0] === "document").map((r) => r[1]), docs);
  assert.equal(rows.filter((r) => r[0] === "event" || r[0] === "agreement").length, events);
  const passageRows = rows.filter((r) => r[0] === "passage");
  assert.equal(passageRows.length, passages);

  const json = JSON.parse((await download(page, "export-json")).text);
  assert.equal(json.permalink, url);
  assert.equal(json.corpus_version, view[1]);
  assert.deepEqual(json.documents.map((d) => d.id), docs);
  assert.equal(json.events.length, events);
  assert.equal(json.passages.length, passages);
  // The passages are the ones the passages view lists, text included.
  await page.click('[data-view="passages"]');
  await page.waitForSelector(".passage-list");
  const listed = await page.$$eval(".passage-list .passage", (ps) =>
    ps.map((p) => [p.dataset.doc, Number(p.dataset.passage), p.querySelector("blockquote").textContent]),
  );
  assert.deepEqual(json.passages.map((p) => [p.document, p.passage, p.text]), listed);
  assert.deepEqual(passageRows.map((r) => [r[2], Number(r[3]), r[9]]), listed);
  await context.close();
});

/** Runs axe-core on the page and returns its serious and critical violations. */
async function axe(page) {
  // Evaluated by the test driver, not added as a script tag: the page's policy refuses
  // inline scripts, as it should.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const VIEWS = [
  ["documents", "?sector=energy&actor=sergei-tsivilev", ".doc-list"],
  ["timeline", "?view=timeline&sector=energy", ".tl-list"],
  ["passages", "?view=passages&q=%C3%A9nergie", ".passage-list"],
  ["network", "?view=network&edge=bamako,sergei-tsivilev", ".edge-passages"],
  ["reader", "?doc=000_194bb33a507fa3a4&p=3&actor=sergei-tsivilev", "#passage-3.current"],
  ["actor", "?entity=actor.sergei-tsivilev", "[data-entity]"],
  ["sector", "?entity=sector.energy", "[data-entity]"],
  ["compare", "?view=compare", ".fact-grid"],
];

test("accessibility: axe-core finds no serious or critical violation in any view, light or dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const [name, query, ready] of VIEWS) {
      const { page, context } = await open(query, { colorScheme });
      await page.waitForSelector(ready);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${name} (${colorScheme}): ${JSON.stringify(violations, null, 1)}`);
      await context.close();
    }
  }
});

test("keyboard: the skip link and the filters are reachable, focus is visible", async () => {
  const { page, context } = await open();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#results");
  // A facet value is a link: Enter toggles it.
  await page.focus('[data-facet="sector"][data-value="mining"]');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "focus is visible");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("sector=mining"));
  await context.close();
});

test("screenshots of every view: desktop, phone, dark", async () => {
  const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 760 } };
  for (const [name, query, ready] of VIEWS) {
    for (const [mode, viewport, colorScheme] of [
      ["desktop", sizes.desktop, "light"],
      ["phone", sizes.phone, "light"],
      ["dark", sizes.desktop, "dark"],
    ]) {
      const { page, context } = await open(query, { viewport, colorScheme });
      await page.waitForSelector(ready);
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(SHOTS, `${name}-${mode}.png`) });
      await context.close();
    }
  }
  const phone = await open("?sector=energy", { viewport: sizes.phone });
  await phone.page.click(".filters-toggle");
  await phone.page.waitForSelector(".filters.open");
  await phone.page.screenshot({ path: join(SHOTS, "filters-phone.png") });
  await phone.context.close();
  // The day histogram of a month: every day fits, on a desktop and in the phone's drawer.
  const month = "?from=2025-07-01&to=2025-07-31";
  const desktop = await open(month, { viewport: sizes.desktop });
  await desktop.page.waitForSelector(".histogram.daily");
  await desktop.page.locator(".facet.dates").screenshot({ path: join(SHOTS, "histogram-desktop.png") });
  await desktop.context.close();
  const small = await open(month, { viewport: sizes.phone });
  await small.page.click(".filters-toggle");
  await small.page.waitForSelector(".filters.open .histogram.daily");
  await small.page.screenshot({ path: join(SHOTS, "histogram-phone.png") });
  await small.context.close();
});
