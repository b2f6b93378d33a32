// Filterable views: facets, dates, search, URL state, history, hostile links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveApp } from "../lib/app.mjs";

const app = serveApp();
const open = app.open;

const docIds = (page) => page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc));
const query = (page) => new URL(page.url()).searchParams;
const count = (page, facet, value) =>
  page.$eval(`[data-facet="${facet}"][data-value="${value}"]`, (e) => Number(e.dataset.count));

test("clicking a sector filters the documents, updates counts and the URL", async () => {
  const { page, problems, foreign, context } = await open();
  const all = await docIds(page);
  assert.equal(all.length, 5);
  const spaceCount = await count(page, "sector", "space");
  await page.click('[data-facet="sector"][data-value="space"]');
  await page.waitForFunction(() => location.search.includes("sector=space"));
  const filtered = await docIds(page);
  assert.equal(filtered.length, spaceCount, "the facet count announced the result");
  assert.ok(filtered.length < all.length);
  assert.equal(await page.$eval('[data-facet="sector"][data-value="space"]', (e) => e.classList.contains("checked")), true);
  assert.equal(new URL(page.url()).pathname, "/explorer/", "the subpath is kept");
  assert.match(await page.title(), /Espace/);
  // Counts of other facets now apply the sector filter.
  const rosatom = await count(page, "actor", "rosatom");
  assert.ok(rosatom <= filtered.length);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("the page title says what the tab shows: every filter in its chip's words and the count, or the open profile", async () => {
  const { page, problems, context } = await open("?actor=rosatom&source=001_acfb4e3aff133b8d");
  const titled = (start) => page.waitForFunction((s) => document.title.startsWith(s), start);
  const chips = await page.locator(".chip > span").allInnerTexts();
  assert.equal(chips.length, 2, "an actor and a source");
  const n = (await docIds(page)).length;
  assert.equal(n, 1);
  await titled(chips[0]);
  assert.equal(await page.title(), `${chips.join(", ")} (1 document) — Mali–Russie explorer`);
  assert.doesNotMatch(await page.title(), /001_/, "a source by its label, never its id");
  await page.goto(`${app.url()}?from=2025-07`);
  await titled("Depuis juillet 2025 (");
  assert.match(await page.title(), /^Depuis juillet 2025 \(\d+ documents?\) — Mali–Russie explorer$/);
  await page.goto(`${app.url()}?disputed=1`);
  await page.waitForSelector("html[data-ready] .chip");
  const disputed = await page.locator(".chip > span").innerText();
  await titled(disputed);
  assert.match(await page.title(), new RegExp(`^${disputed} \\(\\d+ documents?\\) — Mali–Russie explorer$`));
  await page.goto(`${app.url()}?entity=actor.rosatom`);
  await titled("Rosatom — ");
  // An unknown document (a notice says so) does not hide the profile's name.
  await page.goto(`${app.url()}?entity=actor.rosatom&doc=nope`);
  await page.waitForSelector("html[data-ready] [data-entity]");
  await titled("Rosatom — ");
  await page.goto(`${app.url()}?from=2025-07&lang=en`);
  await titled("From July 2025 (");
  assert.match(await page.title(), /^From July 2025 \(\d+ documents?\) — Mali–Russia explorer$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("values are OR-ed within a facet and AND-ed across facets", async () => {
  const { page, context } = await open("?actor=abdoulaye-maiga");
  const maiga = await docIds(page);
  await page.click('[data-facet="actor"][data-value="rosatom"]');
  await page.waitForFunction(() => location.search.includes("rosatom"));
  const either = await docIds(page);
  assert.ok(either.length > maiga.length, "OR within actors widens");
  assert.equal(query(page).get("actor"), "abdoulaye-maiga,rosatom");
  await page.click('[data-facet="sector"][data-value="space"]');
  await page.waitForFunction(() => location.search.includes("sector=space"));
  const both = await docIds(page);
  assert.ok(both.length < either.length, "AND across facets narrows");
  await context.close();
});

test("a link reproduces the view exactly, on reload and in a fresh page", async () => {
  const { page, context } = await open();
  await page.click('[data-facet="actor"][data-value="sergei-tsivilev"]');
  await page.waitForFunction(() => location.search.includes("actor="));
  await page.click('[data-view="timeline"]');
  await page.waitForSelector("[data-event]");
  const url = page.url();
  const events = await page.$$eval("[data-event]", (els) => els.map((e) => [e.dataset.event, e.dataset.date]));
  assert.ok(events.length > 0);
  await page.reload();
  await page.waitForSelector("[data-event]");
  assert.deepEqual(await page.$$eval("[data-event]", (els) => els.map((e) => [e.dataset.event, e.dataset.date])), events);
  const fresh = await open(new URL(url).search);
  await fresh.page.waitForSelector("[data-event]");
  assert.deepEqual(await fresh.page.$$eval("[data-event]", (els) => els.map((e) => [e.dataset.event, e.dataset.date])), events);
  await fresh.context.close();
  await context.close();
});

test("back and forward step exactly once per change; typing is one step", async () => {
  const { page, context } = await open();
  await page.click('[data-facet="sector"][data-value="mining"]');
  await page.waitForFunction(() => location.search === "?sector=mining");
  await page.click('[data-facet="actor"][data-value="rosatom"]');
  await page.waitForFunction(() => location.search.includes("rosatom"));
  await page.fill("#q", "");
  await page.type("#q", "uranium", { delay: 20 });
  await page.waitForFunction(() => location.search.includes("q=uranium"));
  await page.locator("#q").blur();
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("q="));
  assert.equal(new URL(page.url()).search, "?sector=mining&actor=rosatom", "one Back leaves the whole typed query");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?sector=mining");
  assert.equal((await docIds(page)).length, await page.$$eval("[data-doc].doc-card", (e) => e.length));
  await page.goForward();
  await page.waitForFunction(() => location.search.includes("rosatom"));
  assert.equal(await page.$eval('[data-facet="actor"][data-value="rosatom"]', (e) => e.classList.contains("checked")), true);
  await context.close();
});

test("a histogram bar sets a date range; month precision is honest", async () => {
  const { page, context } = await open();
  await page.click('.histogram [data-bucket="2025-06-01"]');
  await page.waitForFunction(() => location.search.includes("from=2025-06"));
  assert.equal(query(page).get("from"), "2025-06");
  assert.equal(query(page).get("to"), "2025-06");
  const june = await docIds(page);
  assert.ok(june.includes("002_054c372ceee383ed"), "002 is dated June 2025 (month precision)");
  assert.ok(!june.includes("001_acfb4e3aff133b8d"));
  await context.close();
});

test("the date inputs set a range of days", async () => {
  const { page, context } = await open();
  await page.fill('[data-date-input="from"]', "2025-07-28");
  await page.waitForFunction(() => location.search.includes("from=2025-07-28"));
  await page.fill('[data-date-input="to"]', "2025-07-28");
  await page.waitForFunction(() => location.search.includes("to=2025-07-28"));
  assert.deepEqual(await docIds(page), ["001_acfb4e3aff133b8d"], "only 001 is about 28 July 2025");
  await context.close();
});

test("dragging across the histogram selects a range of months", async () => {
  const { page, context } = await open();
  const box = async (bucket) => page.locator(`.histogram [data-bucket="${bucket}"]`).boundingBox();
  const june = await box("2025-06-01");
  const august = await box("2025-08-01");
  await page.mouse.move(june.x + june.width / 2, june.y + june.height - 2);
  await page.mouse.down();
  await page.mouse.move(august.x + august.width / 2, august.y + august.height - 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => location.search.includes("from=2025-06"));
  assert.equal(query(page).get("from"), "2025-06");
  assert.equal(query(page).get("to"), "2025-08");
  await context.close();
});

test("search is French-aware and highlights matches", async () => {
  const { page, context } = await open("?q=GOITA&view=passages");
  await page.waitForSelector(".passage mark");
  const marks = await page.$$eval(".passage mark", (els) => els.map((e) => e.textContent));
  assert.ok(marks.includes("Goïta"), JSON.stringify(marks));
  await context.close();
});

test("hostile links show a notice naming what was ignored, and run no script", async () => {
  const { page, problems, context } = await open(
    "?actor=%3Cimg+src%3Dx+onerror%3Dwindow.pwned%3D1%3E,rosatom&q=%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E&from=2025-99&to=2025-01&view=%22%3E%3Csvg+onload%3Dwindow.pwned%3D3%3E&p=%ZZ&" +
      "actor=aes&".repeat(1200),
  );
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const notice = await page.locator(".notices").innerText();
  assert.match(notice, /actor=<img src=x onerror=window.pwned=1>/);
  assert.match(notice, /from=2025-99/);
  assert.match(notice, /view=/);
  assert.equal(await page.evaluate(() => window.pwned), undefined, "no injected script ran");
  assert.equal(await page.locator(".notices img, .notices svg, .notices script").count(), 0);
  assert.equal(dialogs, 0);
  // The rest of the view works: the valid actor and sector apply.
  assert.equal(await page.$eval('[data-facet="actor"][data-value="rosatom"]', (e) => e.classList.contains("checked")), true);
  // The hostile q is searched as plain text: it matches nothing, and the empty state quotes it as text.
  assert.equal(await page.$eval("#q", (e) => e.value), "<script>window.pwned=2</script>");
  assert.match(await page.locator(".empty").innerText(), /<script>window\.pwned=2<\/script>/);
  assert.equal(await page.locator(".empty script").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("empty results say why and offer to remove the last filter", async () => {
  const { page, context } = await open("?actor=abdoulaye-maiga&sector=uranium");
  await page.waitForSelector(".empty");
  assert.match(await page.locator(".empty").innerText(), /Abdoulaye Maïga/);
  await page.click(".remove-last");
  await page.waitForSelector("[data-doc].doc-card");
  assert.ok((await docIds(page)).length > 0);
  await context.close();
});

test("the actor type-ahead ignores accents and case, and matches aliases", async () => {
  const { page, context } = await open();
  await page.fill("#actor-find", "goita");
  await page.waitForFunction(() => document.querySelectorAll('[data-facet="actor"]').length < 10);
  const shown = await page.$$eval('[data-facet="actor"]', (els) => els.map((e) => e.dataset.value));
  assert.deepEqual(shown, ["assimi-goita"]);
  await page.fill("#actor-find", "SERGEI");
  await page.waitForFunction(() => document.querySelector('[data-facet="actor"]')?.dataset.value === "sergei-tsivilev");
  await page.fill("#actor-find", "rosatom");
  await page.waitForSelector('[data-facet="actor"][data-value="rosatom"]');
  await context.close();
});

test("the copy-link button copies the canonical URL of the view", async () => {
  const { page, context } = await open("?actor=rosatom,bamako&view=timeline");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(app.url()).origin });
  await page.click(".copy-link");
  await page.waitForFunction(() => document.querySelector(".copy-status")?.textContent.length > 0);
  assert.match(await page.locator(".copy-status").innerText(), /Lien copié/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.equal(new URL(copied).search, "?view=timeline&actor=rosatom,bamako");
  await context.close();
});

test("the language switch reloads the view in English, one history step, and is remembered", async () => {
  const { page, context } = await open("?sector=energy");
  assert.match(await page.title(), /Mali–Russie explorer/);
  await Promise.all([page.waitForEvent("load"), page.click(".lang-switch")]);
  await page.waitForSelector("html[data-ready] .tabs");
  assert.equal(new URL(page.url()).search, "?sector=energy&lang=en");
  assert.match(await page.title(), /Mali–Russia explorer/);
  assert.match(await page.locator(".tabs").innerText(), /Timeline/);
  assert.equal(await page.locator(".lang-switch").innerText(), "Français");
  // A link that names no language opens in the remembered one, and says so in the address.
  await page.goto(`${app.url()}?actor=rosatom`);
  await page.waitForSelector("html[data-ready] .tabs");
  assert.equal(new URL(page.url()).search, "?actor=rosatom&lang=en");
  assert.match(await page.locator(".tabs").innerText(), /Timeline/);
  // A link that names one is followed as it is.
  await page.goto(`${app.url()}?actor=rosatom&lang=fr`);
  await page.waitForSelector("html[data-ready] .tabs");
  assert.match(await page.locator(".tabs").innerText(), /Chronologie/);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("lang=en"));
  await page.waitForSelector("html[data-ready] .tabs");
  assert.match(await page.locator(".tabs").innerText(), /Timeline/);
  await context.close();
});

test("the language switch keeps focus over its reload, both ways, by keyboard", async () => {
  const { page, context } = await open("?sector=energy");
  for (const label of ["Français", "English"]) {
    await page.focus(".lang-switch");
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    await page.waitForSelector("html[data-ready] .tabs");
    await page.waitForFunction(() => document.activeElement?.id === "lang-switch");
    assert.equal(await page.locator(".lang-switch").innerText(), label);
  }
  // Once: a reload of one's own later starts at the top, as any page.
  await page.reload();
  await page.waitForSelector("html[data-ready] .tabs");
  await page.waitForTimeout(100);
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "lang-switch");
  await context.close();
});

test("choosing French after English works, and is remembered on reload, on new links and after Back", async () => {
  const { page, context } = await open("?sector=energy");
  await Promise.all([page.waitForEvent("load"), page.click(".lang-switch")]);
  await page.waitForSelector("html[data-ready] .tabs");
  assert.match(await page.locator(".tabs").innerText(), /Timeline/);
  await Promise.all([page.waitForEvent("load"), page.click(".lang-switch")]);
  await page.waitForSelector("html[data-ready] .tabs");
  assert.equal(new URL(page.url()).search, "?sector=energy", "the address names no English any more");
  assert.match(await page.locator(".tabs").innerText(), /Chronologie/);
  await page.reload();
  await page.waitForSelector("html[data-ready] .tabs");
  assert.match(await page.locator(".tabs").innerText(), /Chronologie/, "after reload");
  await page.goto(`${app.url()}?actor=rosatom`);
  await page.waitForSelector("html[data-ready] .tabs");
  assert.match(await page.locator(".tabs").innerText(), /Chronologie/, "a new link opens in the language chosen");
  await page.goBack();
  await page.waitForSelector("html[data-ready] .tabs");
  assert.match(await page.locator(".tabs").innerText(), /Chronologie/, "after Back");
  await context.close();
});
