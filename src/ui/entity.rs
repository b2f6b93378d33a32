//! Actor and sector pages: what the whole corpus says about one of them (see
//! `explorer::profile`), every item linked to its passage.

use explorer::format::month_short;
use explorer::i18n::{Counted, Strings, actor_kind, sector_label, strings};
use explorer::profile::{self, Together};
use explorer::query::eval::Unit;
use explorer::query::state::edge;
use explorer::query::{Entity, Filter, View, ViewState};

use super::Explorer;
use super::dom::{Node, el};
use super::shared::{cited_items, entity_href, link, section, sheet, side_key, source_href};

/// The page of the entity of the state, if one is open.
pub fn build(explorer: &Explorer, state: &ViewState) -> Vec<Node> {
    let t = strings(state.lang);
    let close = explorer.href(&|s| s.entity = None);
    match &state.entity {
        Some(Entity::Actor(id)) => actor_page(explorer, t, id, &close),
        Some(Entity::Sector(id)) => sector_page(explorer, t, id, &close),
        None => Vec::new(),
    }
}

/// Actors listed with a count: the name opens their page; the count, for an actor page, the
/// passages both appear in (the network's edge).
fn actor_list(explorer: &Explorer, t: &Strings, title: &str, actors: &[Together], with: Option<&str>) -> Option<Node> {
    let corpus = explorer.corpus();
    let items = actors
        .iter()
        .map(|&(a, n)| {
            let actor = &corpus.actors[a];
            let count = t.count(n, if with.is_some() { Counted::SharedPassages } else { Counted::Passages });
            let count = match with {
                Some(me) => {
                    let href = explorer.href(&|s| {
                        s.filter = Filter::default();
                        s.view = View::Network;
                        s.edge = Some(edge(me, &actor.id));
                        s.entity = None;
                    });
                    link(&href, &count)
                }
                None => el("span").class("count").text(&count),
            };
            el("li")
                .class(&["side-", side_key(actor.side)].concat())
                .child(link(&entity_href(explorer, Entity::Actor(actor.id.to_string())), explorer.actor_name(actor)))
                .text(" · ")
                .child(count)
        })
        .collect();
    section(title, items)
}

/// The link that filters the results by an entity (and closes its page).
fn filter_link(explorer: &Explorer, t: &Strings, add: &dyn Fn(&mut Filter)) -> Node {
    let href = explorer.href(&|s| {
        add(&mut s.filter);
        s.entity = None;
    });
    el("p").child(el("a").class("filter-by").attr("href", &href).attr("data-nav", "").text(t.filter_by))
}

fn actor_page(explorer: &Explorer, t: &Strings, id: &str, close: &str) -> Vec<Node> {
    let Some(p) = profile::actor(explorer.index, id) else { return Vec::new() };
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    let actor = &corpus.actors[p.actor];
    let meta = format!(
        "{} · {}{}{} · {} · {}",
        actor_kind(lang, actor.kind),
        t.side,
        t.colon,
        t.side(actor.side),
        t.count(p.mentions, Counted::Mentions),
        t.count(p.documents.len(), Counted::Documents)
    );
    let aliases = (!actor.aliases.is_empty()).then(|| {
        el("p").class("aliases").child(el("strong").text(t.aliases).text(t.colon)).text(&actor.aliases.join(" · "))
    });
    let description = lang.pick(&actor.description_fr, &actor.description_en);
    let roles = actor
        .roles
        .iter()
        .map(|r| {
            let outlet = explorer.doc_label(&r.source.doc);
            el("li").child(el("q").text(&r.role)).text(" — ").child(link(&source_href(explorer, &r.source), outlet))
        })
        .collect();
    let sectors = p
        .sectors
        .iter()
        .map(|&(s, n)| {
            let sector = &corpus.sectors[s];
            el("li")
                .child(link(&entity_href(explorer, Entity::Sector(sector.id.to_string())), sector_label(lang, sector)))
                .child(el("span").class("count").text(" ").text(&t.count(n, Counted::Passages)))
        })
        .collect();
    let mut body = vec![
        el("div")
            .class("entity-intro")
            .child_opt(aliases)
            .child_opt((!description.is_empty()).then(|| el("p").class("description").text(description)))
            .child(filter_link(explorer, t, &|f| Filter::add(&mut f.actors, id))),
    ];
    body.extend(section(t.roles, roles));
    body.extend(cited_items(explorer, t, &p.documents, (&p.events, &p.agreements, &p.figures), &|s| s.first()));
    // Sectors named in its name or titles ("ministre de l'Énergie"): what it is, not what the
    // passages are about.
    let title_sectors = actor
        .sectors
        .iter()
        .filter_map(|id| corpus.sector(id))
        .map(|s| el("li").child(link(&entity_href(explorer, Entity::Sector(s.id.to_string())), sector_label(lang, s))))
        .collect();
    body.extend(section(t.title_sectors, title_sectors).map(|s| s.attr("data-title-sectors", "")));
    body.extend(section(t.with_sectors, sectors));
    body.extend(actor_list(explorer, t, t.with_actors, &p.actors, Some(id)));
    sheet(
        close,
        t.close_entity,
        ("data-entity", &["actor.", id].concat()),
        vec![
            el("h2").attr("id", "reader-title").text(explorer.actor_name(actor)),
            el("p").class("doc-meta").text(&meta),
        ],
        vec![el("div").class("entity").children(body)],
    )
}

fn sector_page(explorer: &Explorer, t: &Strings, id: &str, close: &str) -> Vec<Node> {
    let Some(p) = profile::sector(explorer.index, id) else { return Vec::new() };
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    let sector = &corpus.sectors[p.sector];
    let other = lang.pick(&sector.label_en, &sector.label_fr);
    let meta = format!(
        "{other} · {} · {}",
        t.count(p.mentions, Counted::Mentions),
        t.count(p.documents.len(), Counted::Documents)
    );
    let sector_link = |i: usize| {
        let s = &corpus.sectors[i];
        link(&entity_href(explorer, Entity::Sector(s.id.to_string())), sector_label(lang, s))
    };
    // The taxonomy: its ancestors, itself, its sub-sectors.
    let mut path = el("p").class("taxonomy").child(el("strong").text(t.taxonomy).text(t.colon));
    for &a in &p.path {
        path = path.child(sector_link(a)).text(" › ");
    }
    path = path.child(el("span").attr("aria-current", "page").text(sector_label(lang, sector)));
    let children: Vec<Node> = p.children.iter().map(|&c| el("li").child(sector_link(c))).collect();
    let mut body = vec![
        el("div")
            .class("entity-intro")
            .child(path)
            .child(filter_link(explorer, t, &|f| Filter::add(&mut f.sectors, id))),
    ];
    body.extend(section(t.sub_sectors, children));
    body.extend(over_time(explorer, t, &p, id));
    body.extend(cited_items(explorer, t, &p.documents, (&p.events, &p.agreements, &p.figures), &|s| s.first()));
    body.extend(actor_list(explorer, t, t.actors_involved, &p.actors, None));
    sheet(
        close,
        t.close_entity,
        ("data-entity", &["sector.", id].concat()),
        vec![
            el("h2").attr("id", "reader-title").text(sector_label(lang, sector)),
            el("p").class("doc-meta").text(&meta),
        ],
        vec![el("div").class("entity").children(body)],
    )
}

/// The sector's passages by the month they are dated in, each bar a link that filters the
/// results to the sector in that month.
fn over_time(explorer: &Explorer, t: &Strings, p: &profile::SectorProfile, id: &str) -> Option<Node> {
    let lang = explorer.lang();
    let h = &p.over_time;
    if h.unit != Unit::Month || h.buckets.iter().all(|b| b.count == 0) {
        return None;
    }
    let max = h.buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bars = h
        .buckets
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| {
            let month = explorer::date::DateSpec::month(b.start.year, b.start.month);
            let href = explorer.href(&|s| {
                s.filter = Filter { sectors: vec![id.to_string()], from: month, to: month, ..Default::default() };
                s.entity = None;
            });
            let label = month_short(lang, b.start.year, b.start.month);
            el("li")
                .child(el("a").attr("href", &href).attr("data-nav", "").text(&label))
                .child(el("span").class("spark").style("width", &format!("{}%", 4 + b.count * 96 / max)))
                .child(el("span").class("count").text(&t.count(b.count, Counted::Passages)))
        })
        .collect::<Vec<_>>();
    Some(
        el("section")
            .class("entity-section over-time")
            .child(el("h3").text(t.over_time))
            .child(el("ol").children(bars)),
    )
}
