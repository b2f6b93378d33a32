// What a first-time analyst hit: entity names in English, the phone drawer, exports an analyst
// can use, and the small things that mislead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serveApp } from "../lib/app.mjs";

const app = serveApp();
const open = app.open;

test("in English, countries, cities, institutions and persons have English names; article texts stay as written", async () => {
  const { page, problems, context } = await open("?lang=en&actor=russia");
  assert.match(await page.$eval(".chips", (c) => c.textContent), /Russia/);
  const actors = await page.$$eval('[data-facet="actor"] .facet-label', (ls) => ls.map((l) => l.textContent));
  for (const name of ["Russia", "Moscow", "Vladimir Putin", "Russian Ministry of Energy"]) assert.ok(actors.includes(name), `${name} in ${actors}`);
  assert.ok(!actors.includes("Moscou") && !actors.includes("Russie"), `${actors}`);
  await page.goto(app.url() + "?lang=en&entity=actor.russian-energy-ministry");
  await page.waitForSelector("[data-entity]");
  assert.equal(await page.$eval("#reader-title", (h) => h.textContent), "Russian Ministry of Energy");
  await page.goto(app.url() + "?lang=en&doc=002_054c372ceee383ed");
  await page.waitForSelector("[data-reader]");
  assert.match(await page.$eval(".reader-text", (t) => t.textContent), /Vladimir Poutine/, "the article text is not translated");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone, the drawer shows how many results a choice gives and a sticky button that shows them", async () => {
  const { page, problems, context } = await open("", { viewport: { width: 375, height: 740 } });
  await page.click(".filters-toggle");
  await page.waitForSelector(".filters.open");
  await page.click('[data-facet="sector"][data-value="mining"]');
  await page.waitForFunction(() => location.search.includes("sector=mining"));
  const n = await page.$$eval("[data-doc].doc-card", (cs) => cs.length);
  const inView = (sel) =>
    page.$eval(sel, (e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
    });
  await page.$eval(".filters", (f) => f.scrollTo(0, 0));
  assert.ok(await inView(".filters-apply"), "the button is in view at the top of the drawer");
  assert.match(await page.$eval(".filters-apply", (b) => b.textContent), new RegExp(`Voir les résultats \\(${n} documents?\\)`));
  await page.$eval(".filters", (f) => f.scrollTo(0, f.scrollHeight));
  assert.ok(await inView(".filters-close"), "the close button is in view at the bottom of the drawer");
  assert.ok(await inView(".filters-apply"));
  await page.click(".filters-apply");
  await page.waitForSelector(".filters:not(.open)", { state: "hidden" });
  assert.equal(await page.$$eval("[data-doc].doc-card", (cs) => cs.length), n);
  // The reader's close button stays in view while its text scrolls on a phone.
  await page.click('[data-doc] h2 a');
  await page.waitForSelector("[role=dialog]");
  // The close button, fixed at the top, covers no word of the head at the top of the text (it
  // floats over the text scrolled under it), in either language.
  const overlaps = () =>
    page.evaluate(() => {
      document.querySelector(".reader").scrollTo({ top: 0, behavior: "instant" });
      const c = document.querySelector(".reader-close").getBoundingClientRect();
      return [...document.querySelectorAll(".reader-head > :not(.reader-close)")]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height > 0 && r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom)
        .map((r) => `${Math.round(r.top)}–${Math.round(r.bottom)} under ${Math.round(c.top)}–${Math.round(c.bottom)}`);
    });
  assert.deepEqual(await overlaps(), [], "the close button covers the head");
  await page.goto(app.url() + "?lang=en&doc=002_054c372ceee383ed");
  await page.waitForSelector("html[data-ready] [role=dialog]");
  assert.deepEqual(await overlaps(), [], "the close button covers the head, in English");
  await page.$eval(".reader", (r) => r.scrollTo(0, r.scrollHeight));
  assert.ok(await inView(".reader-close"), "the reader's close button");
  assert.deepEqual(problems, []);
  await context.close();
});

test("small things: French range chips, one 'approx.', no 'prévu' on a proposal made, Enter in the type-ahead, the event's place", async () => {
  const { page, problems, context } = await open("?from=2025-08&view=timeline");
  assert.match(await page.$eval(".chips", (c) => c.textContent), /Depuis août 2025/);
  await page.goto(app.url() + "?view=timeline");
  await page.waitForSelector(".tl-list");
  const when = (id) => page.$eval(`.tl-item[data-event="${id}"] .tl-when`, (w) => w.textContent);
  const approx = await when("science-education-working-group");
  assert.match(approx, /\(approx\.\)/);
  assert.doesNotMatch(approx, /approximative/);
  assert.equal(await page.$$eval('.tl-item[data-event="russian-energy-proposals"] .tl-planned', (b) => b.length), 0);
  // Each line says "planned" once, and a date says its precision by its form alone.
  const lines = await page.$$eval(".tl-when", (ws) => ws.map((w) => w.textContent));
  assert.ok(lines.some((l) => /envisagé/.test(l)), "a planned agreement in the timeline");
  for (const line of lines) {
    assert.ok((line.match(/envisagé|prévu/g) ?? []).length <= 1, line);
    assert.doesNotMatch(line, /· (jour|mois|année)\b/, line);
  }
  assert.match(await when("commission-first-session"), /Bamako/);
  // An approximate, inferred publication date: one pair of brackets for both notes.
  await page.goto(app.url());
  await page.waitForSelector("html[data-ready] .doc-meta");
  const metas = await page.$$eval(".doc-meta", (ms) => ms.map((m) => m.textContent));
  assert.ok(metas.some((m) => /2025 \(approx\., date déduite\)/.test(m)), metas.join("\n"));
  assert.ok(metas.every((m) => !/\) \(/.test(m)), metas.join("\n"));
  await page.fill("#actor-find", "tsiv");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("actor=sergei-tsivilev"));
  assert.equal(await page.evaluate(() => document.activeElement.id), "actor-find", "typing can go on");
  assert.deepEqual(problems, []);
  await context.close();
});

test("exports keep every source and each passage's places, actors, sectors, figures and date; a ';' CSV for French spreadsheets", async () => {
  const { page, problems, context } = await open("?sector=civil-nuclear");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-csv-semicolon"]')]);
  const text = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "");
  assert.match(file.suggestedFilename(), /pointvirgule\.csv$/);
  const lines = text.split("\r\n");
  const header = lines[0].split(";");
  for (const column of ["source", "places", "actors", "sectors", "figures"]) assert.ok(header.includes(column), column);
  const nuclearSources = lines.filter((l) => l.startsWith("source;civil-nuclear-agreement;"));
  assert.equal(nuclearSources.length, 3, "every source of the agreement");
  const passages = lines.filter((l) => l.startsWith("passage;"));
  assert.ok(passages.length > 0 && passages.every((l) => /;(passage|document);/.test(l)), "each passage has a date and its basis");
  assert.ok(passages.some((l) => l.includes("Rosatom")), "actors named in the passages");
  assert.deepEqual(problems, []);
  await context.close();
});

test("narrow screens and charts: the selected tab is in view, timeline points stay round, empty dates look empty", async () => {
  const { page, context } = await open("?view=compare", { viewport: { width: 400, height: 800 } });
  await page.waitForSelector(".fact-grid");
  await page.waitForFunction(() => {
    const r = document.querySelector("[role=tab][aria-selected=true]").getBoundingClientRect();
    return r.left >= 0 && r.right <= innerWidth;
  });
  await page.goto(app.url() + "?view=timeline");
  await page.waitForSelector(".tl-mark.point");
  const shapes = await page.$$eval(".tl-mark.point", (ms) =>
    ms.map((m) => {
      const r = m.getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height)];
    }),
  );
  assert.ok(shapes.length > 0 && shapes.every(([w, h]) => w === h && w > 0), JSON.stringify(shapes));
  // An empty date field draws no date: hiding its text by force changes nothing on screen.
  await page.click(".filters-toggle");
  const input = page.locator('[data-date-input="from"]');
  assert.equal(await input.getAttribute("class"), "date-empty");
  const box = await input.boundingBox();
  // Where the date would be written (left of the calendar icon, inside the border).
  const clip = { x: box.x + 3, y: box.y + 3, width: box.width * 0.55, height: box.height - 6 };
  const drawn = await page.screenshot({ clip });
  await input.evaluate((i) => i.style.setProperty("color", "transparent"));
  assert.ok(drawn.equals(await page.screenshot({ clip })), "nothing drawn in an empty date field");
  await input.evaluate((i) => i.style.removeProperty("color"));
  await input.focus();
  assert.ok(!drawn.equals(await page.screenshot({ clip })), "with focus, its fields show");
  await context.close();
});

test("old or coarse dates do not stretch the charts: the timeline axis and sector charts cover the dense period", async () => {
  const { page, problems, context } = await open("?view=timeline");
  await page.waitForSelector(".tl-axis .tick-label");
  const labels = await page.$$eval(".tl-axis .tick-label", (ls) => ls.map((l) => l.textContent));
  assert.ok(labels.length > 0 && labels.every((l) => l.endsWith("2025")), `${labels}`);
  // The 2024 visits and the 1960 relations are shown at the edge.
  assert.equal(await page.$$eval('.tl-item[data-event="russian-visits-2024"] .tl-mark.earlier', (m) => m.length), 1);
  const months = await page.$$eval(".histogram [data-bucket]", (bs) => bs.map((b) => b.dataset.bucket));
  assert.deepEqual(months, ["earlier", "2025-06-01", "2025-07-01", "2025-08-01"]);
  await page.goto(app.url() + "?entity=sector.energy");
  await page.waitForSelector(".over-time li");
  const bars = await page.$$eval(".over-time li a", (as) => as.map((a) => a.textContent));
  assert.ok(bars.every((b) => b.endsWith("2025")), `${bars}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("notes name sources by their human label, as a link, never by an id", async () => {
  const { page, problems, context } = await open("?view=compare");
  const note = page.locator('[data-disagreement="commission-existence"] .relation-note');
  const text = await note.textContent();
  assert.doesNotMatch(text, /\{doc:|\d{3}_[0-9a-f]{16}/);
  const link = note.locator("a").first();
  assert.equal(await link.textContent(), "Info Matin, 28 juillet 2025");
  assert.match(await link.getAttribute("href"), /doc=001_acfb4e3aff133b8d/);
  assert.deepEqual(problems, []);
  await context.close();
});
