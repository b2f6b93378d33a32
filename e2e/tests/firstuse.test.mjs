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
