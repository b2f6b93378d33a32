//! The network view: actors mentioned in the same passages of the current results, as an SVG
//! laid out by `explorer::network`. An edge links to the passages behind it, a node to the
//! actor's page; the same pairs are listed as text below the drawing.

use explorer::i18n::{Counted, Strings};
use explorer::model::Side;
use explorer::network::{NAMED, Network, VIEW_BOX, WIDTH, network, shared_passages};
use explorer::query::eval::Evaluation;
use explorer::query::state::edge;
use explorer::query::{Entity, ViewState};

use super::Explorer;
use super::dom::{Node, el, svg};
use super::shared::{entity_href, passage_item, side_key};

/// The network of the evaluation's passages, and the passages of the selected edge.
pub fn build(explorer: &Explorer, e: &Evaluation, state: &ViewState, t: &Strings) -> Vec<Node> {
    let corpus = explorer.corpus();
    let net = network(explorer.index, &e.passages);
    let name = |n: usize| explorer.actor_name(&corpus.actors[net.nodes[n].actor]);
    let id = |n: usize| corpus.actors[net.nodes[n].actor].id.as_ref();
    let edge_href = |a: usize, b: usize| explorer.href(&|s| s.edge = Some(edge(id(a), id(b))));
    let selected = |a: usize, b: usize| {
        state.edge.as_ref().is_some_and(|(x, y)| (x == id(a) && y == id(b)) || (x == id(b) && y == id(a)))
    };
    // Each edge's link serves twice (the drawing and the list): printed once.
    let hrefs: Vec<String> = net.edges.iter().map(|e| edge_href(e.a, e.b)).collect();
    let max = net.edges.first().map(|e| e.weight).unwrap_or(1).max(1);
    let mut edges = svg("g").class("edges");
    for (k, edge) in net.edges.iter().enumerate().rev() {
        let (a, b) = (&net.nodes[edge.a], &net.nodes[edge.b]);
        let label =
            [name(edge.a), " – ", name(edge.b), t.colon, &t.count(edge.weight, Counted::SharedPassages)].concat();
        let line = |class: &str, width: usize| {
            svg("line")
                .class(class)
                .attr("x1", &a.x.to_string())
                .attr("y1", &a.y.to_string())
                .attr("x2", &b.x.to_string())
                .attr("y2", &b.y.to_string())
                .attr("stroke-width", &width.to_string())
        };
        edges = edges.child(
            svg("a")
                .class(if selected(edge.a, edge.b) { "edge selected" } else { "edge" })
                .attr("href", &hrefs[k])
                .attr("data-nav", "")
                .attr("data-edge", &[id(edge.a), ",", id(edge.b)].concat())
                .attr("aria-label", &label)
                .child(svg("title").text(&label))
                .child(line("hit", 12))
                .child(line("stroke", 1 + edge.weight * 7 / max)),
        );
    }
    let mut nodes = svg("g").class("nodes");
    for (n, node) in net.nodes.iter().enumerate() {
        let actor = &corpus.actors[node.actor];
        let label = [explorer.actor_name(actor), t.colon, &t.count(node.mentions, Counted::Mentions)].concat();
        let (x, y) = (node.x.to_string(), node.y.to_string());
        // Labels left of the centre read leftwards, so they stay inside the frame.
        let anchor = if node.x > WIDTH * 4 / 5 {
            "end"
        } else if node.x < WIDTH / 5 {
            "start"
        } else {
            "middle"
        };
        nodes = nodes.child(
            svg("a")
                // The most mentioned are named; the others on hover or focus (and in the list below).
                .class(&["node side-", side_key(actor.side), if n < NAMED { "" } else { " quiet" }].concat())
                .attr("href", &entity_href(explorer, Entity::Actor(actor.id.to_string())))
                .attr("data-nav", "")
                .attr("data-node", id(n))
                .attr("aria-label", &label)
                .child(svg("title").text(&label))
                .child(svg("circle").attr("cx", &x).attr("cy", &y).attr("r", &node.radius.to_string()))
                .child(
                    svg("text")
                        .attr("x", &x)
                        .attr("y", &(node.y + node.radius + 14).to_string())
                        .attr("text-anchor", anchor)
                        .text(explorer.actor_name(actor)),
                ),
        );
    }
    let drawing = svg("svg")
        .class("network-svg")
        .attr("viewBox", VIEW_BOX)
        .attr("role", "group")
        .attr("aria-label", t.network_label)
        .child(edges)
        .child(nodes);
    let legend = el("p").class("legend").children(
        [Side::Mali, Side::Russia, Side::Niger, Side::Other]
            .into_iter()
            .map(|side| el("span").class(&["key side-", side_key(side)].concat()).text(t.side(side)))
            .collect(),
    );
    let mut out = vec![el("figure").class("network").child(drawing).child(
        el("figcaption").child(el("p").class("hint").text(t.network_help)).child(legend).child_opt(
            (net.left_out > 0).then(|| el("p").class("hint").num(net.left_out).text(" ").text(t.network_left_out)),
        ),
    )];
    out.extend(edge_passages(explorer, e, state, t));
    out.push(pairs(&net, t, &|n| name(n).to_string(), &hrefs));
    out
}

/// The pairs, heaviest first, as a list of links (the drawing's text equivalent).
fn pairs(net: &Network, t: &Strings, name: &dyn Fn(usize) -> String, hrefs: &[String]) -> Node {
    let items: Vec<Node> = net
        .edges
        .iter()
        .zip(hrefs)
        .map(|(e, href)| {
            el("li")
                .child(el("a").attr("href", href).attr("data-nav", "").text(&format!("{} – {}", name(e.a), name(e.b))))
                .child(el("span").class("count").text(" ").text(&t.count(e.weight, Counted::SharedPassages)))
        })
        .collect();
    let body = if items.is_empty() { el("p").text(t.network_empty) } else { el("ol").class("pairs").children(items) };
    el("section").class("network-pairs").child(el("h3").text(t.network_pairs)).child(body)
}

/// The passages of the selected edge, under the current filters.
fn edge_passages(explorer: &Explorer, e: &Evaluation, state: &ViewState, t: &Strings) -> Option<Node> {
    let corpus = explorer.corpus();
    let (x, y) = state.edge.as_ref()?;
    let (a, b) = (explorer.index.actor_index(x)?, explorer.index.actor_index(y)?);
    let passages = shared_passages(explorer.index, &e.passages, a, b);
    let close = explorer.href(&|s| s.edge = None);
    let title = format!(
        "{} – {}{}{}",
        explorer.actor_name(&corpus.actors[a]),
        explorer.actor_name(&corpus.actors[b]),
        t.colon,
        t.count(passages.len(), Counted::SharedPassages)
    );
    let items: Vec<Node> = passages
        .iter()
        .map(|&(d, p)| {
            let marks: Vec<(usize, usize)> = explorer
                .index
                .mentions_in(d, p)
                .into_iter()
                .filter(|(m, _)| matches!(&m.target, explorer::model::Target::Actor(id) if id == x || id == y))
                .map(|(_, s)| (s.start, s.end))
                .collect();
            passage_item(explorer, d, p, &marks)
        })
        .collect();
    Some(
        el("section")
            .class("edge-passages")
            .attr("aria-labelledby", "edge-title")
            .attr("data-edge-passages", &passages.len().to_string())
            .child(
                el("div")
                    .class("edge-head")
                    .child(el("h3").attr("id", "edge-title").text(&title))
                    .child(el("a").class("edge-close").attr("href", &close).attr("data-nav", "").text(t.close_edge)),
            )
            .child(el("ol").class("passage-list").children(items)),
    )
}
