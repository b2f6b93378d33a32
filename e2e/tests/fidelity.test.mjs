// Corpus fidelity and sources compared, tried as an analyst would by clicking: references
// without a name reach their actor, job titles earn no sector, undated articles are dated
// from what they report, and the sources of a fact are compared side by side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serveApp } from "../lib/app.mjs";

const app = serveApp();
const open = app.open;

const params = (page) => new URL(page.url()).searchParams;
const docIds = (page) => page.$$eval("[data-doc].doc-card", (cs) => cs.map((c) => c.dataset.doc));

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-action="${action}"]`)]);
  return readFileSync(await file.path(), "utf8");
}

test("a Mali filter lists all five articles, and the reader shows why 'notre pays' is Mali", async () => {
  const { page, problems, context } = await open();
  await page.click('[data-facet="actor"][data-value="mali"]');
  await page.waitForFunction(() => location.search.includes("actor=mali"));
  assert.equal((await docIds(page)).length, 5);
  // 001 never writes "Mali": open it and find the inferred mention, marked apart with its reason.
  await page.click('[data-doc="001_acfb4e3aff133b8d"] h2 a');
  await page.waitForSelector('[data-reader="001_acfb4e3aff133b8d"]');
  const inferred = await page.$$eval(".reader-text [data-inferred]", (as) =>
    as.map((a) => [a.textContent, a.dataset.inferred, a.dataset.reason, a.title]),
  );
  const home = inferred.find(([text]) => text === "notre pays");
  assert.ok(home, JSON.stringify(inferred));
  assert.equal(home[1], "home");
  assert.match(home[2], /pays du média/);
  assert.match(home[3], /mention déduite/);
  // Focus shows the reason too (not only hover).
  await page.focus('.reader-text [data-inferred="home"]');
  const shown = await page.evaluate(() => getComputedStyle(document.activeElement, "::after").content);
  assert.match(shown, /pays du média/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a whole side is one filter value: Russia with its institutions, companies and people", async () => {
  const { page, problems, context } = await open("?view=passages");
  const alone = Number(await page.$eval('[data-facet="actor"][data-value="russia"]', (a) => a.dataset.count));
  await page.click('[data-facet="side"][data-value="russia"]');
  await page.waitForFunction(() => location.search.includes("side=russia"));
  assert.match(await page.$eval(".chips", (c) => c.textContent), /Russie et son camp/);
  const passages = await page.$$eval(".passage-list .passage", (ps) => ps.length);
  const russiaOnly = await open("?view=passages&actor=russia");
  const fewer = await russiaOnly.page.$$eval(".passage-list .passage", (ps) => ps.length);
  assert.ok(passages > fewer, `${passages} passages for the side, ${fewer} naming Russia (${alone} documents)`);
  await russiaOnly.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("no passage is under energy only through a job title", async () => {
  const { page, context } = await open("?view=passages");
  await page.click('[data-facet="sector"][data-value="energy"]');
  await page.waitForFunction(() => location.search.includes("sector=energy"));
  await page.waitForSelector(".passage-list");
  const passages = await page.$$eval(".passage-list .passage", (ps) =>
    ps.map((p) => [p.querySelector("blockquote").textContent, [...p.querySelectorAll("mark")].map((m) => m.textContent)]),
  );
  assert.ok(passages.length > 0);
  for (const [text, marks] of passages) assert.ok(marks.length > 0, `a term of the sector is highlighted in: ${text}`);
  // Tsivilev quoted by his title ("le ministre russe de l'Énergie") is not about energy.
  assert.ok(!passages.some(([text]) => text.startsWith("« Il s'agit de la première commission")));
  // His page lists energy among the sectors of his titles.
  await page.goto(app.url() + "?entity=actor.sergei-tsivilev");
  await page.waitForSelector("[data-title-sectors]");
  assert.match(await page.$eval("[data-title-sectors]", (s) => s.textContent), /Énergie/);
  await context.close();
});

test("a late-July range finds the Prime Minister's audience, dated from the session it reports", async () => {
  const { page, problems, context } = await open();
  await page.fill('[data-date-input="from"]', "2025-07-29");
  await page.waitForFunction(() => location.search.includes("from=2025-07-29"));
  await page.fill('[data-date-input="to"]', "2025-07-31");
  await page.waitForFunction(() => location.search.includes("to=2025-07-31"));
  assert.ok((await docIds(page)).includes("003_05e1c35ce3dd58fc"));
  await page.click('[data-doc="003_05e1c35ce3dd58fc"] h2 a');
  await page.waitForSelector('[data-reader="003_05e1c35ce3dd58fc"]');
  const meta = await page.$eval(".reader .doc-meta", (e) => e.textContent);
  assert.match(meta, /déduite de : Première session de la commission/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the comparison view shows the four disagreements with their quotes, relation and the nuclear ladder", async () => {
  const { page, problems, context } = await open();
  await page.click('[data-view="compare"]');
  await page.waitForSelector(".fact-grid");
  assert.equal(params(page).get("view"), "compare");
  const ids = ["june-agreements-stage", "nuclear-agreement-stage", "commission-existence", "sub-commissions-count"];
  for (const id of ids) {
    const fact = await page.$(`.fact:has([data-disagreement="${id}"])`);
    assert.ok(fact, id);
    const relation = await fact.$eval(`[data-disagreement="${id}"]`, (r) => r.textContent);
    assert.match(relation, /Versions (contradictoires|compatibles)/, id);
    const quotes = await fact.$$eval(".claims q", (qs) => qs.map((q) => q.textContent));
    assert.ok(quotes.length >= 2, `${id}: ${quotes}`);
    // Sources are named by outlet or title and date, never by id.
    const sources = await fact.$$eval(".claims tbody th", (ths) => ths.map((t) => t.textContent));
    assert.ok(sources.every((s) => !/\d{3}_[0-9a-f]{16}/.test(s) && /2025|non daté/.test(s)), `${sources}`);
  }
  // The nuclear agreement's ladder: a draft for one article; "conclu" (signed) among three
  // agreements "paraphés" (initialled) for the other; flagged.
  const ladder = await page.$('.fact[data-fact="civil-nuclear-agreement"] .ladder');
  const reached = await ladder.$$eval(".rung.reached", (rs) => rs.map((r) => [r.dataset.stage, r.querySelectorAll(".rung-source").length]));
  assert.deepEqual(reached, [["draft", 1], ["initialled", 1], ["signed", 1]]);
  assert.match(await ladder.$eval(".ladder-flag", (f) => f.textContent), /divergent/);
  // 7 sub-commissions = 6 working groups + 1 committee: the breakdown is said.
  assert.match(await page.$eval('[data-disagreement="sub-commissions-count"]', (r) => r.textContent), /6 \+ 1 = 7/);
  // …and each article's own number, with the spread.
  const subs = await page.$('.fact[data-fact="thematic-sub-commissions"]');
  assert.match(await subs.$eval(".claims tbody", (b) => b.textContent), /7 sous-commissions.*6 \(« six groupes de travail »\)/s);
  assert.match(await subs.$eval(".spread", (p) => p.textContent), /6 – 7/);
  // The grid marks who reports what.
  const row = await page.$$eval('.fact-grid tr[data-fact="moscow-signing"] td', (tds) => tds.map((t) => t.className));
  assert.ok(row.includes("cell-disputes") && row.includes("cell-silent"), `${row}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("'disputed facts' and 'single-source facts' filter the facts, and both exports hold the comparisons", async () => {
  const { page, problems, context } = await open("?view=timeline");
  await page.click('[data-facet="claims"][data-value="disputed"]');
  await page.waitForFunction(() => location.search.includes("disputed=1"));
  const items = await page.$$eval(".tl-item", (is) => is.map((i) => [i.dataset.event, !!i.querySelector(".badge-disputed")]));
  assert.ok(items.length >= 3, JSON.stringify(items));
  assert.ok(items.every(([, badge]) => badge), JSON.stringify(items));
  const csv = await download(page, "export-csv");
  const comparisons = csv.split("\r\n").filter((l) => l.startsWith("comparison,"));
  assert.ok(comparisons.some((l) => l.includes("nuclear-agreement-stage") && l.includes("contradicts")), comparisons.join("\n"));
  const disputedRows = csv.split("\r\n").filter((l) => /^(event|agreement),/.test(l));
  assert.ok(disputedRows.length > 0 && disputedRows.every((l) => l.includes(",yes,")), disputedRows.join("\n"));
  const json = JSON.parse(await download(page, "export-json"));
  assert.ok(json.events.every((e) => e.disputed === true));
  assert.ok(json.comparisons.some((c) => c.id === "june-agreements-stage" && c.relation === "contradicts"));
  const nuclear = json.events.find((e) => e.id === "civil-nuclear-agreement");
  assert.deepEqual(nuclear.sources.map((s) => s.stage), ["draft", "signed", "initialled"]);
  // Single-source facts instead: the heat-map agreement (one article) is there, the nuclear one is not.
  await page.click('[data-facet="claims"][data-value="disputed"]');
  await page.waitForFunction(() => !location.search.includes("disputed=1"));
  await page.click('[data-facet="claims"][data-value="single"]');
  await page.waitForFunction(() => location.search.includes("single=1"));
  const single = await page.$$eval(".tl-item", (is) => is.map((i) => i.dataset.event));
  assert.ok(single.includes("heat-map-agreement") && !single.includes("civil-nuclear-agreement"), `${single}`);
  assert.deepEqual(problems, []);
  await context.close();
});
