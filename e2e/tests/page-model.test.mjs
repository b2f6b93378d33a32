// The page model the build pre-renders the first view on (scripts/page-model.mjs): what it
// writes is HTML that means exactly the text and attributes it was given — article text is data,
// never markup — and what it cannot model fails loudly instead of writing a wrong page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Document, serializeChildren } from "../../scripts/page-model.mjs";

const noStyles = () => assert.fail("no style expected");

test("text and attribute values are escaped; values are quoted unless plainly safe", () => {
  const doc = new Document();
  const p = doc.createElement("p");
  p.setAttribute("title", '" onmouseover="alert(1)');
  p.setAttribute("data-q", "a=b");
  p.setAttribute("href", "?sector=mining&lang=en");
  p.setAttribute("class", "plain");
  p.setAttribute("data-empty", "");
  p.appendChild(doc.createTextNode("<img src=x onerror=alert(1)> & </p><script>"));
  doc.body.appendChild(p);
  assert.equal(
    serializeChildren(doc.body, noStyles),
    '<p title="&quot; onmouseover=&quot;alert(1)" data-q="a=b" href="?sector=mining&amp;lang=en" class=plain data-empty>' +
      "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/p&gt;&lt;script&gt;</p>",
  );
});

test("void elements have no end tag, SVG keeps its case, comments are dropped", () => {
  const doc = new Document();
  const input = doc.createElement("input");
  input.setAttribute("type", "search");
  input.value = "typed";
  const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 10 10");
  doc.body.append(input, svg, doc.createComment("-->"));
  assert.equal(serializeChildren(doc.body, noStyles), '<input type=search value=typed><svg viewBox="0 0 10 10"></svg>');
});

test("styles set through the object model become classes, never style attributes", () => {
  const doc = new Document();
  const bar = doc.createElement("span");
  bar.setAttribute("class", "fill");
  bar.style.setProperty("height", "42%");
  const other = doc.createElement("span");
  other.style.setProperty("height", "42%");
  doc.body.append(bar, other);
  const seen = [];
  const html = serializeChildren(doc.body, (css) => (seen.push(css), "pre-s0"));
  assert.equal(html, '<span class="fill pre-s0"></span><span class=pre-s0></span>');
  assert.deepEqual(seen, ["height: 42%;", "height: 42%;"]);
  assert.doesNotMatch(html, /style=/);
});

test("what the model lacks fails loudly", () => {
  const doc = new Document();
  const el = doc.createElement("div");
  doc.body.appendChild(el);
  assert.throws(() => doc.querySelector("div:hover"), /selector not supported/);
  assert.deepEqual([...doc.querySelectorAll("body > div")], [el]);
  assert.throws(() => el.insertBefore(doc.createElement("p"), doc.createElement("i")), /not a child/);
});

test("no text can read as a tag; names, raw-text elements and rule-ending styles are refused", () => {
  const doc = new Document();
  const a = doc.createElement("a");
  a.setAttribute("title", '<script src="./inline-0.js"></script>');
  doc.body.appendChild(a);
  assert.equal(serializeChildren(doc.body, noStyles), '<a title="&lt;script src=&quot;./inline-0.js&quot;&gt;&lt;/script&gt;"></a>');
  assert.throws(() => a.setAttribute('x" onclick="y', "1"), /not a plain name/);
  assert.throws(() => doc.createElement("img src=x"), /not a plain name/);
  assert.throws(() => doc.createElement("script"), /not modelled/);
  assert.throws(() => doc.createElement("STYLE"), /not modelled/);
  assert.throws(() => a.style.setProperty("height", "1px}body{display:none"), /style value refused/);
  assert.throws(() => (a.style.cssText = "width: 1px; x: </style>"), /style value refused/);
});
