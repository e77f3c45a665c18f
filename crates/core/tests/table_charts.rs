//! The charts beside the demo's count tables (every frequency table, every person variable ×
//! the first two outcomes), as an attacker holding the picture would read them: every number the chart
//! writes is a count, a percentage or a label the published table shows, every coloured segment
//! is a shown cell's row percentage, and what the table hides is one hatched segment, the
//! remainder of the row, which the table's shown counts already give.

use std::collections::BTreeSet;

use perspectief_core::analysis::run::{table, TableRequest, TableView};
use perspectief_core::analysis::OUTCOMES;
use perspectief_core::describe::tables::Of;
use perspectief_core::describe::Published;
use perspectief_core::drawing::chart::chart;
use perspectief_core::locale::Locale;

mod common;

use common::numbers;

const T: u64 = 5;

/// A bar's segment: its row's y, its x, its width and its fill.
type Segment = (f64, f64, f64, String);

/// The texts of the chart (`<text>` and `<title>`), and its segments.
fn read(svg: &str) -> (Vec<String>, Vec<Segment>) {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[at..].split('"').next()?.to_string())
    };
    let mut texts = Vec::new();
    let mut segments = Vec::new();
    for part in svg.split('<').skip(1) {
        let (tag, text) = part.split_once('>').unwrap_or((part, ""));
        if (tag.starts_with("text") || tag.starts_with("title")) && !text.is_empty() {
            texts.push(
                text.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&"),
            );
        }
        // A bar's segment: a rect with a title inside (the legend's swatches have none).
        if tag.starts_with("rect") && !tag.ends_with('/') {
            let num = |n: &str| attr(tag, n).unwrap().parse::<f64>().unwrap();
            segments.push((num("y"), num("x"), num("width"), attr(tag, "fill").unwrap()));
        }
    }
    (texts, segments)
}

fn what_the_table_shows(p: &Published, l: Locale) -> BTreeSet<String> {
    let mut out = BTreeSet::from([T.to_string()]);
    let counts = p.cells.iter().flatten().chain(&p.row_totals).chain(&p.col_totals);
    out.extend(counts.filter_map(|c| c.n).map(|n| l.integer(n)));
    for i in 0..p.rows.len() {
        for j in 0..p.cols.len() {
            out.extend(p.percent(i, j, Of::Row).map(|x| l.number(x, 1)));
        }
    }
    let labels = p
        .rows
        .iter()
        .chain(&p.cols)
        .chain([&p.row_variable])
        .chain(&p.col_variable);
    out.extend(labels.flat_map(|s| numbers(&l.category(s))));
    out
}

/// What the chart of `p` shows beyond the table: numbers it does not show, segments that are no
/// shown cell's row percentage, rows that do not reach 100 %.
fn beyond(p: &Published, l: Locale) -> Vec<String> {
    let svg = chart(p, l);
    let (texts, segments) = read(&svg);
    let may = what_the_table_shows(p, l);
    let mut out: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            numbers(t)
                .into_iter()
                .filter(|n| !may.contains(n))
                .map(move |n| format!("{n} in {t:?}"))
        })
        .collect();
    if p.col_variable.is_none() {
        return out;
    }
    let rows: BTreeSet<u64> = segments.iter().map(|s| s.0 as u64).collect();
    assert_eq!(rows.len(), p.rows.len(), "a bar per row");
    for (i, y) in rows.iter().enumerate() {
        let bar: Vec<_> = segments.iter().filter(|s| s.0 as u64 == *y).collect();
        let total: f64 = bar.iter().map(|s| s.2).sum();
        if (total - 420.0).abs() > 0.5 {
            out.push(format!("row {i} reaches {total} of 420"));
        }
        let shown: Vec<f64> = (0..p.cols.len())
            .filter_map(|j| p.percent(i, j, Of::Row))
            .map(|x| (420.0 * x / 100.0 * 10.0).round() / 10.0)
            .collect();
        let coloured: Vec<f64> = bar.iter().filter(|s| s.3 != "url(#pf-hidden)").map(|s| s.2).collect();
        let same = coloured.len() == shown.len() && coloured.iter().zip(&shown).all(|(a, b)| (a - b).abs() < 0.06);
        if !same {
            out.push(format!("row {i}: segments {coloured:?}, shown percentages {shown:?}"));
        }
    }
    out
}

#[test]
fn a_chart_shows_only_what_its_table_shows() {
    let demo = common::demo();
    let a = &demo.analysis;
    let mut hatched = 0;
    let mut charts = 0;
    for v in &a.variables {
        let mut requests = vec![TableRequest::Frequencies {
            variable: v.name.clone(),
        }];
        if v.set.as_deref() == Some("Kenmerken ex-AMV's") {
            // Two outcomes of the four: the disclosure search makes every table cost time, and
            // the narrative test already publishes all four.
            requests.extend(OUTCOMES.iter().take(2).map(|(outcome, _)| TableRequest::Crosstab {
                row: v.name.clone(),
                col: outcome.to_string(),
            }));
        }
        for request in requests {
            let Ok(TableView::Counts(p)) = table(a, &request, T) else {
                continue;
            };
            for l in [Locale::Nl, Locale::En] {
                let found = beyond(&p, l);
                assert!(found.is_empty(), "{request:?} ({l:?}): {found:?}");
            }
            hatched += usize::from(chart(&p, Locale::Nl).contains(r#"fill="url(#pf-hidden)" stroke"#));
            charts += 1;
        }
    }
    assert!(charts > 80, "{charts} charts");
    assert!(hatched > 5, "the demo hides counts in {hatched} crosstabs");
}

/// The check sees a count put back: a crosstab's hidden cell drawn as if it were shown.
#[test]
fn the_check_finds_a_hidden_count_drawn() {
    let demo = common::demo();
    let (p, i, j) = demo
        .analysis
        .variables
        .iter()
        .filter(|v| v.set.as_deref() == Some("Kenmerken ex-AMV's"))
        .find_map(|v| {
            let request = TableRequest::Crosstab {
                row: v.name.clone(),
                col: "mob".into(),
            };
            let Ok(TableView::Counts(p)) = table(&demo.analysis, &request, T) else {
                return None;
            };
            let (i, j) = (0..p.rows.len())
                .flat_map(|i| (0..p.cols.len()).map(move |j| (i, j)))
                .find(|&(i, j)| {
                    p.cells[i][j].mark == perspectief_core::disclosure::Mark::Small && p.row_totals[i].n.is_some()
                })?;
            Some((p, i, j))
        })
        .expect("a crosstab with mob hides a small count beside a shown row total");
    let mut leaky = p.clone();
    leaky.cells[i][j] = perspectief_core::disclosure::Count::of(3, perspectief_core::disclosure::Mark::Shown);
    let svg = chart(&leaky, Locale::Nl);
    let (texts, _) = read(&svg);
    let may = what_the_table_shows(&p, Locale::Nl);
    let leaked: Vec<String> = texts
        .iter()
        .flat_map(|t| numbers(t))
        .filter(|n| !may.contains(n))
        .collect();
    assert!(!leaked.is_empty(), "the put-back cell's percentage is seen: {texts:?}");
}
