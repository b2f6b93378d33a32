//! The co-occurrence network: actors mentioned in the same passages, laid out for an SVG.
//!
//! Counting and layout are plain Rust, so they are tested natively and the app needs no
//! charting library. Coordinates come out as integers in a `WIDTH`×`HEIGHT` frame: an SVG
//! needs no more precision, and formatting floats would add kilobytes to the wasm.
//!
//! ```
//! use explorer::query::eval::Index;
//! let index = Index::new(explorer::embedded::corpus().unwrap());
//! let everything = index.evaluate(&Default::default());
//! let net = explorer::network::network(&index, &everything.passages);
//! assert!(net.edges.iter().all(|e| e.a < e.b && e.weight > 0));
//! ```

use crate::model::Target;
use crate::order;
use crate::query::eval::Index;

/// Size of the drawing.
pub const WIDTH: i32 = 1000;
pub const HEIGHT: i32 = 640;
/// The SVG `viewBox` of that size (a constant: no formatting at run time).
pub const VIEW_BOX: &str = "0 0 1000 640";
/// Most actors drawn (the most mentioned); a larger corpus would otherwise be unreadable.
pub const MAX_NODES: usize = 40;
/// How many of the most mentioned actors are named on the drawing (the layout leaves room
/// for their labels); the others are named on hover or focus.
pub const NAMED: usize = 12;
/// Free space kept around the drawing for the circles and their labels.
const MARGIN: f64 = 60.0;

/// An actor of the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Index of the actor in the corpus.
    pub actor: usize,
    /// Mentions of the actor in the passages considered.
    pub mentions: usize,
    pub x: i32,
    pub y: i32,
    pub radius: i32,
}

/// Two actors mentioned in the same passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Indices into [`Network::nodes`], `a < b`.
    pub a: usize,
    pub b: usize,
    /// Passages that mention both.
    pub weight: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Network {
    /// Most mentioned first.
    pub nodes: Vec<Node>,
    /// Heaviest first.
    pub edges: Vec<Edge>,
    /// Actors mentioned but not drawn (beyond [`MAX_NODES`]).
    pub left_out: usize,
}

/// The network of the actors mentioned in `passages` (document, passage), laid out.
pub fn network(index: &Index, passages: &[(usize, usize)]) -> Network {
    let corpus = index.corpus;
    // Mentions per actor: one pass over each document's mentions, keeping those in `passages`
    // (which come grouped by document).
    let mut mentions = vec![0usize; corpus.actors.len()];
    for group in passages.chunk_by(|x, y| x.0 == y.0) {
        let d = group[0].0;
        for m in corpus.documents[d].mentions.iter().filter(|m| group.iter().any(|&(_, p)| p == m.passage)) {
            if let Target::Actor(id) = &m.target
                && let Some(a) = index.actor_index(id)
            {
                mentions[a] += 1;
            }
        }
    }
    let mut actors: Vec<usize> = (0..mentions.len()).filter(|&a| mentions[a] > 0).collect();
    order::by_key(&mut actors, |&a| order::pair(order::most_first(mentions[a]), a as u64));
    let left_out = actors.len().saturating_sub(MAX_NODES);
    actors.truncate(MAX_NODES);
    let mut node_of = vec![usize::MAX; mentions.len()];
    for (n, &a) in actors.iter().enumerate() {
        node_of[a] = n;
    }
    // Pair counts in a dense table: at most MAX_NODES² cells, and no hashing code in the wasm.
    let n = actors.len();
    let mut weights = vec![0usize; n * n];
    for &(d, p) in passages {
        let here: Vec<usize> = index.passage_actors(d, p).map(|a| node_of[a]).filter(|&n| n != usize::MAX).collect();
        for (i, &x) in here.iter().enumerate() {
            for &y in &here[i + 1..] {
                weights[x.min(y) * n + x.max(y)] += 1;
            }
        }
    }
    let mut edges: Vec<Edge> =
        (0..n * n).filter(|&k| weights[k] > 0).map(|k| Edge { a: k / n, b: k % n, weight: weights[k] }).collect();
    order::by_key(&mut edges, |e| order::pair(order::most_first(e.weight), (e.a * MAX_NODES + e.b) as u64));
    let radii: Vec<f64> = actors.iter().map(|&a| radius(mentions[a])).collect();
    // Actors linked to none are lined up along the bottom; the others share the rest. Left in
    // the force layout, they would drift to the edges and squeeze the linked ones together.
    let mut linked = vec![false; n];
    for e in &edges {
        (linked[e.a], linked[e.b]) = (true, true);
    }
    let alone: Vec<usize> = (0..n).filter(|&i| !linked[i]).collect();
    let height = if alone.is_empty() { f64::from(HEIGHT) } else { f64::from(HEIGHT) - 70.0 };
    let ids: Vec<usize> = (0..n).filter(|&i| linked[i]).collect();
    let mut local = vec![usize::MAX; n];
    for (k, &i) in ids.iter().enumerate() {
        local[i] = k;
    }
    let local_edges: Vec<Edge> =
        edges.iter().map(|e| Edge { a: local[e.a], b: local[e.b], weight: e.weight }).collect();
    let local_radii: Vec<f64> = ids.iter().map(|&i| radii[i]).collect();
    let named: Vec<bool> = ids.iter().map(|&i| i < NAMED).collect();
    let labels: Vec<f64> =
        ids.iter().map(|&i| if i < NAMED { label_width(&corpus.actors[actors[i]].name) } else { 0.0 }).collect();
    let placed = separate(fit(&layout(ids.len(), &local_edges), height), &local_radii, &named, height);
    let placed = clear_labels(placed, &local_radii, &labels, height);
    let mut positions = vec![(0.0, 0.0); n];
    for (k, &i) in ids.iter().enumerate() {
        positions[i] = placed[k];
    }
    let gap = f64::from(WIDTH) / (alone.len() + 1) as f64;
    for (k, &i) in alone.iter().enumerate() {
        positions[i] = (gap * (k + 1) as f64, f64::from(HEIGHT) - 40.0);
    }
    let nodes = actors
        .iter()
        .zip(positions)
        .zip(&radii)
        .map(|((&actor, (x, y)), &r)| Node {
            actor,
            mentions: mentions[actor],
            x: x as i32,
            y: y as i32,
            radius: r as i32,
        })
        .collect();
    Network { nodes, edges, left_out }
}

/// How many actors `passages` mention (the count of the network's tab), without a layout.
pub fn actors_in(index: &Index, passages: &[(usize, usize)]) -> usize {
    let mut seen = vec![false; index.corpus.actors.len()];
    for &(d, p) in passages {
        index.passage_actors(d, p).for_each(|a| seen[a] = true);
    }
    seen.iter().filter(|&&s| s).count().min(MAX_NODES)
}

/// The passages of `passages` that mention both actors (corpus indices).
pub fn shared_passages(index: &Index, passages: &[(usize, usize)], a: usize, b: usize) -> Vec<(usize, usize)> {
    passages
        .iter()
        .copied()
        .filter(|&(d, p)| {
            let mut here = index.passage_actors(d, p);
            let (mut has_a, mut has_b) = (false, false);
            here.all(|x| {
                has_a |= x == a;
                has_b |= x == b;
                !(has_a && has_b)
            });
            has_a && has_b
        })
        .collect()
}

/// A circle's radius: its area grows with the mentions.
fn radius(mentions: usize) -> f64 {
    (6.0 + 3.0 * (mentions as f64).sqrt()).min(30.0).floor()
}

/// Force-directed placement (after Fruchterman and Reingold): every pair repels, every edge
/// attracts with its weight, a weak pull keeps the drawing centred. Deterministic: the start is
/// a sunflower spiral in node order, so the most mentioned actors start near the middle.
fn layout(n: usize, edges: &[Edge]) -> Vec<(f64, f64)> {
    let (w, h) = (f64::from(WIDTH), f64::from(HEIGHT));
    // The golden angle's rotation, as constants: no trigonometry in the wasm.
    let (cos_g, sin_g) = (-0.737_368_878_078_319_7, 0.675_490_294_261_523_8);
    let (mut ux, mut uy) = (1.0f64, 0.0f64);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let r = ((k as f64 + 0.5) / n as f64).sqrt() * h * 0.4;
            let p = (w / 2.0 + ux * r * w / h, h / 2.0 + uy * r);
            (ux, uy) = (ux * cos_g - uy * sin_g, ux * sin_g + uy * cos_g);
            p
        })
        .collect();
    let k = (w * h / n.max(1) as f64).sqrt();
    let mut step = w / 10.0;
    for _ in 0..150 {
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                // k²/d along the unit vector: (dx, dy)·k²/d², no square root needed.
                let f = k * k / (dx * dx + dy * dy).max(1.0);
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for e in edges {
            let (dx, dy) = (pos[e.a].0 - pos[e.b].0, pos[e.a].1 - pos[e.b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(1.0);
            let f = dist / k * (1.0 + (e.weight as f64).sqrt() / 4.0);
            disp[e.a].0 -= dx * f;
            disp[e.a].1 -= dy * f;
            disp[e.b].0 += dx * f;
            disp[e.b].1 += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&mut disp) {
            d.0 -= (p.0 - w / 2.0) * 0.12;
            d.1 -= (p.1 - h / 2.0) * 0.12;
            let len = (d.0 * d.0 + d.1 * d.1).sqrt().max(0.001);
            let moved = len.min(step);
            p.0 += d.0 / len * moved;
            p.1 += d.1 / len * moved;
        }
        step = (step * 0.96).max(1.0);
    }
    pos
}

/// Scales the positions into the frame (its top `h` pixels), margins kept.
fn fit(pos: &[(f64, f64)], h: f64) -> Vec<(f64, f64)> {
    let w = f64::from(WIDTH);
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in pos {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let scale = |v: f64, lo: f64, hi: f64, size: f64| {
        if hi - lo < 1.0 { size / 2.0 } else { MARGIN + (v - lo) / (hi - lo) * (size - 2.0 * MARGIN) }
    };
    pos.iter().map(|&(x, y)| (scale(x, x0, x1, w), scale(y, y0, y1, h))).collect()
}

/// Width of a label in the drawing's units (14-unit text, about 7.6 units a character).
fn label_width(name: &str) -> f64 {
    name.chars().count() as f64 * 7.6
}

/// The box a node's label takes under its circle, anchored as the page draws it (see
/// `ui::network`): reading leftwards near the right edge, rightwards near the left one.
pub fn label_box(x: f64, y: f64, radius: f64, width: f64) -> (f64, f64, f64, f64) {
    let w = f64::from(WIDTH);
    let left = if x > w * 0.8 {
        x - width
    } else if x < w * 0.2 {
        x
    } else {
        x - width / 2.0
    };
    (left, y + radius + 2.0, left + width, y + radius + 18.0)
}

/// Moves circles off the labels of the named actors, so that no name is drawn over another
/// actor's circle.
fn clear_labels(mut pos: Vec<(f64, f64)>, radii: &[f64], labels: &[f64], h: f64) -> Vec<(f64, f64)> {
    for _ in 0..100 {
        let mut moved = false;
        for i in (0..pos.len()).filter(|&i| labels[i] > 0.0) {
            let (x0, y0, x1, y1) = label_box(pos[i].0, pos[i].1, radii[i], labels[i]);
            for j in (0..pos.len()).filter(|&j| j != i) {
                let (cx, cy) = pos[j];
                let (nx, ny) = (cx.max(x0).min(x1), cy.max(y0).min(y1));
                let (dx, dy) = (cx - nx, cy - ny);
                let room = radii[j] + 2.0;
                if dx * dx + dy * dy >= room * room {
                    continue;
                }
                // Up or down, whichever is shorter, out of the label's band.
                let up = cy + room - y0;
                let down = y1 + room - cy;
                pos[j].1 = if up < down { cy - up } else { cy + down }.max(MARGIN / 2.0).min(h - MARGIN / 2.0);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    pos
}

/// Pushes overlapping circles apart (a tightly knit group would otherwise be drawn as one
/// blot), keeping them in the frame.
fn separate(mut pos: Vec<(f64, f64)>, radii: &[f64], named: &[bool], h: f64) -> Vec<(f64, f64)> {
    let w = f64::from(WIDTH);
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                // Two named actors need room for their labels, which are wide: their distance
                // counts horizontal gaps at a third.
                let stretch = if named[i] && named[j] { 3.0 } else { 1.0 };
                let sx = dx / stretch;
                let wanted = radii[i] + radii[j] + if named[i] || named[j] { 30.0 } else { 20.0 };
                let d2 = sx * sx + dy * dy;
                if d2 >= wanted * wanted {
                    continue;
                }
                let dist = d2.sqrt();
                moved = true;
                // Coincident points part along a fixed direction that depends on the pair.
                let (ux, uy) =
                    if dist < 0.01 { (((i + j) % 3) as f64 - 1.0, 1.0) } else { (dx / stretch / dist, dy / dist) };
                let push = (wanted - dist) / 2.0;
                pos[i] = (pos[i].0 - ux * push, pos[i].1 - uy * push);
                pos[j] = (pos[j].0 + ux * push, pos[j].1 + uy * push);
            }
        }
        for p in pos.iter_mut() {
            // max/min, not clamp: clamp checks its bounds with a panic message that formats floats,
            // which would link the float printer into the wasm.
            *p = (p.0.max(MARGIN / 2.0).min(w - MARGIN / 2.0), p.1.max(MARGIN / 2.0).min(h - MARGIN / 2.0));
        }
        if !moved {
            break;
        }
    }
    pos
}

#[cfg(test)]
mod label_tests {
    use super::*;
    use crate::query::Filter;
    use crate::query::eval::Index;

    #[test]
    fn no_name_is_drawn_over_another_circle() {
        let index = Index::new(crate::embedded::corpus().unwrap());
        for filter in [Filter::default(), Filter { sectors: vec!["energy".into()], ..Filter::default() }] {
            let net = network(&index, &index.evaluate(&filter).passages);
            for (i, a) in net.nodes.iter().enumerate().take(NAMED) {
                let name = &index.corpus.actors[a.actor].name;
                let (x0, y0, x1, y1) =
                    label_box(f64::from(a.x), f64::from(a.y), f64::from(a.radius), label_width(name));
                for (_, b) in net.nodes.iter().enumerate().filter(|&(j, _)| j != i) {
                    let (cx, cy) = (f64::from(b.x), f64::from(b.y));
                    let (dx, dy) = (cx - cx.max(x0).min(x1), cy - cy.max(y0).min(y1));
                    assert!(
                        dx * dx + dy * dy >= f64::from(b.radius).powi(2),
                        "{name}'s label covers {}",
                        index.corpus.actors[b.actor].name
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filter;

    fn index() -> Index<'static> {
        Index::new(crate::embedded::corpus().expect("the embedded corpus decodes"))
    }

    #[test]
    fn edge_weights_are_the_passages_that_mention_both_actors() {
        let index = index();
        let corpus = index.corpus;
        let all = index.evaluate(&Filter::default()).passages;
        let net = network(&index, &all);
        assert!(net.edges.len() > 10, "the seeds have many pairs");
        // Count again from the mentions themselves, independently of the index.
        for e in &net.edges {
            let (a, b) = (&corpus.actors[net.nodes[e.a].actor].id, &corpus.actors[net.nodes[e.b].actor].id);
            let both = all
                .iter()
                .filter(|&&(d, p)| {
                    let has = |id: &str| {
                        corpus.documents[d]
                            .mentions
                            .iter()
                            .any(|m| m.passage == p && matches!(&m.target, Target::Actor(x) if x.as_ref() == id))
                    };
                    has(a) && has(b)
                })
                .count();
            assert_eq!(e.weight, both, "{a} – {b}");
            assert_eq!(shared_passages(&index, &all, net.nodes[e.a].actor, net.nodes[e.b].actor).len(), both);
        }
    }

    #[test]
    fn nodes_are_sized_by_mentions_and_ordered_by_them() {
        let index = index();
        let net = network(&index, &index.evaluate(&Filter::default()).passages);
        let total: usize = index
            .corpus
            .documents
            .iter()
            .flat_map(|d| d.mentions.iter())
            .filter(|m| matches!(m.target, Target::Actor(_)))
            .count();
        assert_eq!(net.nodes.iter().map(|n| n.mentions).sum::<usize>(), total, "every actor mention counted once");
        for pair in net.nodes.windows(2) {
            assert!(pair[0].mentions >= pair[1].mentions);
            assert!(pair[0].radius >= pair[1].radius);
        }
    }

    #[test]
    fn the_layout_is_deterministic_inside_the_frame_and_spreads_the_nodes() {
        let index = index();
        let passages = index.evaluate(&Filter::default()).passages;
        let net = network(&index, &passages);
        assert_eq!(net, network(&index, &passages));
        assert_eq!(VIEW_BOX, format!("0 0 {WIDTH} {HEIGHT}"));
        for n in &net.nodes {
            assert!((0..=WIDTH).contains(&n.x) && (0..=HEIGHT).contains(&n.y), "{n:?}");
        }
        for (i, a) in net.nodes.iter().enumerate() {
            for b in &net.nodes[i + 1..] {
                let d2 = (a.x - b.x).pow(2) + (a.y - b.y).pow(2);
                let apart = a.radius + b.radius;
                assert!(d2 >= apart * apart, "two actors drawn over each other: {a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_network_follows_the_filter() {
        let index = index();
        let filter = Filter { actors: vec!["sergei-tsivilev".into()], ..Default::default() };
        let passages = index.evaluate(&filter).passages;
        let net = network(&index, &passages);
        let tsivilev = index.actor_index("sergei-tsivilev").unwrap();
        assert!(net.nodes.iter().any(|n| n.actor == tsivilev));
        // Every passage mentions him, so every other actor is linked to him.
        let his = net.nodes.iter().position(|n| n.actor == tsivilev).unwrap();
        for (i, _) in net.nodes.iter().enumerate().filter(|&(i, _)| i != his) {
            assert!(net.edges.iter().any(|e| (e.a, e.b) == (i.min(his), i.max(his))));
        }
        assert_eq!(network(&index, &[]), Network::default());
        assert_eq!(actors_in(&index, &passages), net.nodes.len());
    }
}
