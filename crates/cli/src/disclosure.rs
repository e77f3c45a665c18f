//! `perspectief disclosure FILE…`: check files the app or the command line
//! wrote, as a reader would: no count below the threshold, no count shown in
//! one place and hidden in another, and no hidden count that the rest gives
//! back (the core's checker, `disclosure::feasible`, on the sums a reader can
//! write down from the file: a tree table with its classification and gains, a
//! frequency table or crosstab with its printed p-value class). SVG drawings
//! and HTML reports are read for their counts. Exit code 3 when a file fails.

use std::path::PathBuf;

use clap::Args;
use perspectief_core::disclosure::{feasible, Known, Line, PClass};
use perspectief_core::ingest::grid::{self, Grid};
use perspectief_core::locale::Locale;
use perspectief_core::stats::independence::{test, Convergence, Statistic, Table};

/// Exit code when a file fails.
pub const FAILED: i32 = 3;

#[derive(Args)]
pub struct DisclosureArgs {
    /// Files to check: xlsx and csv tables and tree tables, svg drawings, html reports.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The threshold the files were made with.
    #[arg(long, default_value_t = 5)]
    threshold: u64,
}

/// A count as written: a number, "<t", "x"; anything else is not a count.
fn known(text: &str, t: u64) -> Option<Known> {
    let s = text.trim();
    if s == perspectief_core::disclosure::HIDDEN {
        return Some(Known::Unknown);
    }
    if s.starts_with('<') && s[1..].trim().parse::<u64>().is_ok() {
        return Some(Known::Below(t));
    }
    let digits: String = s.chars().filter(|c| *c != '.').collect();
    digits
        .parse::<u64>()
        .ok()
        .filter(|_| !s.contains(','))
        .map(Known::Value)
}

fn cell(g: &Grid, r: usize, c: usize) -> String {
    g.rows
        .get(r)
        .and_then(|row| row.get(c))
        .map_or(String::new(), |x| x.to_text())
}

/// Entries and sums as a reader writes them down from the file.
#[derive(Default)]
struct System {
    known: Vec<Known>,
    labels: Vec<String>,
    lines: Vec<Line>,
    problems: Vec<String>,
    /// A condition on a whole filling (a printed p-value class), by entries of a table.
    statistic: Option<(Vec<Vec<usize>>, PClass)>,
}

impl System {
    fn entry(&mut self, k: Known, label: String, t: u64) -> usize {
        if let Known::Value(v) = k {
            if v > 0 && v < t {
                self.problems
                    .push(format!("{label}: {v} staat er, onder de drempel {t}"));
            }
        }
        self.known.push(k);
        self.labels.push(label);
        self.known.len() - 1
    }

    /// The same count shown again elsewhere: both ways must agree (shown there, shown here).
    fn same(&mut self, e: usize, k: Known, label: &str) {
        match (self.known[e], k) {
            (Known::Value(a), Known::Value(b)) if a != b => {
                self.problems.push(format!("{label}: {b} hier, {a} elders"));
            }
            (Known::Value(_), _) | (_, Known::Value(_)) if self.known[e] != k => {
                self.problems
                    .push(format!("{label}: elders getoond, hier verborgen (of andersom)"));
            }
            _ => {}
        }
    }
}

/// The tree table, with the classification and gains of the same workbook.
fn tree(grids: &[Grid], s: &mut System, t: u64) {
    let Some(g) = grids.iter().find(|g| g.sheet == "Boomtabel") else {
        return;
    };
    let Some(head) = (0..g.rows.len()).find(|&r| cell(g, r, 0) == "Knoop") else {
        return;
    };
    let header: Vec<String> = g.rows[head].iter().map(|c| c.to_text()).collect();
    let n_col = header.iter().position(|h| h == "N").unwrap_or(header.len());
    let classes: Vec<String> = header[3..n_col].to_vec();
    let scale = classes.first().is_some_and(|c| c == "Gemiddelde");
    let mut nodes: Vec<(usize, Option<usize>, Vec<usize>, usize)> = Vec::new();
    for r in head + 1..g.rows.len() {
        let Ok(id) = cell(g, r, 0).parse::<usize>() else { break };
        let parent = cell(g, r, 1).parse::<usize>().ok();
        let counts = if scale {
            Vec::new()
        } else {
            (3..n_col)
                .map(|c| {
                    let k = known(&cell(g, r, c), t).unwrap_or(Known::Unknown);
                    s.entry(k, format!("knoop {id} {}", header[c]), t)
                })
                .collect()
        };
        let n = s.entry(
            known(&cell(g, r, n_col), t).unwrap_or(Known::Unknown),
            format!("knoop {id} N"),
            t,
        );
        nodes.push((id, parent, counts, n));
    }
    let at = |id: usize| nodes.iter().position(|x| x.0 == id);
    for (id, _, counts, n) in &nodes {
        if !counts.is_empty() {
            s.lines.push(Line::new(counts.clone(), *n, true));
        }
        let children: Vec<usize> = nodes
            .iter()
            .filter(|x| x.1 == Some(*id))
            .map(|x| at(x.0).expect("listed"))
            .collect();
        if !children.is_empty() {
            for (c, &total) in counts.iter().enumerate() {
                s.lines.push(Line::new(
                    children.iter().map(|&ch| nodes[ch].2[c]).collect(),
                    total,
                    false,
                ));
            }
            s.lines
                .push(Line::new(children.iter().map(|&ch| nodes[ch].3).collect(), *n, false));
        }
    }
    // The classification: its rows add up to the root's counts.
    if let (Some(cl), Some(root)) = (grids.iter().find(|g| g.sheet == "Classificatie"), nodes.first()) {
        for (obs, r) in (1..cl.rows.len())
            .filter(|&r| !cell(cl, r, 0).is_empty())
            .take(classes.len())
            .enumerate()
        {
            let cells: Vec<usize> = (1..=classes.len())
                .map(|c| {
                    let k = known(&cell(cl, r, c), t).unwrap_or(Known::Unknown);
                    s.entry(k, format!("classificatie {obs} × {}", c - 1), t)
                })
                .collect();
            s.lines.push(Line::new(cells, root.2[obs], false));
        }
    }
    // The gains: N and gain N are the nodes' N and target-class counts again.
    if let Some(gains) = grids.iter().find(|g| g.sheet == "Winst") {
        let class = (0..gains.rows.len())
            .find_map(|r| cell(gains, r, 0).strip_prefix("Doelcategorie: ").map(String::from))
            .and_then(|c| classes.iter().position(|x| *x == c));
        for r in 0..gains.rows.len() {
            let Ok(id) = cell(gains, r, 0).parse::<usize>() else {
                continue;
            };
            let Some(i) = at(id) else { continue };
            if let Some(k) = known(&cell(gains, r, 1), t) {
                s.same(nodes[i].3, k, &format!("winst, knoop {id} N"));
            }
            if let (Some(c), Some(k)) = (class, known(&cell(gains, r, 3), t)) {
                s.same(nodes[i].2[c], k, &format!("winst, knoop {id} winst N"));
            }
        }
    }
}

/// A frequency table or crosstab (csv or a sheet), with the p-value class under it.
fn counts_table(g: &Grid, s: &mut System, t: u64) {
    let Some(head) = (0..g.rows.len()).find(|&r| {
        let second = cell(g, r, 1);
        second == "n" || second.ends_with(" (n)")
    }) else {
        return;
    };
    let header: Vec<String> = g.rows[head].iter().map(|c| c.to_text()).collect();
    let crosstab = header[1].ends_with(" (n)");
    let count_cols: Vec<usize> = (1..header.len())
        .filter(|&c| {
            if crosstab {
                header[c].ends_with(" (n)")
            } else {
                header[c] == "n"
            }
        })
        .collect();
    let total_col = header.iter().position(|h| h == "Totaal");
    let mut rows: Vec<(Vec<usize>, Option<usize>)> = Vec::new();
    let mut totals: Option<(Vec<usize>, usize)> = None;
    for r in head + 1..g.rows.len() {
        let label = cell(g, r, 0);
        let entries: Vec<usize> = count_cols
            .iter()
            .map(|&c| {
                let k = known(&cell(g, r, c), t).unwrap_or(Known::Unknown);
                s.entry(k, format!("{label} / {}", header[c]), t)
            })
            .collect();
        if label == "Totaal" {
            let grand = match total_col {
                Some(c) => s.entry(known(&cell(g, r, c), t).unwrap_or(Known::Unknown), "Totaal".into(), t),
                None => entries[0],
            };
            totals = Some((entries, grand));
            break;
        }
        let row_total = total_col.map(|c| {
            s.entry(
                known(&cell(g, r, c), t).unwrap_or(Known::Unknown),
                format!("{label} totaal"),
                t,
            )
        });
        rows.push((entries, row_total));
    }
    let Some((col_totals, grand)) = totals else { return };
    let cells: Vec<Vec<usize>> = rows.iter().map(|(e, _)| e.clone()).collect();
    if crosstab {
        for (e, total) in &rows {
            if let Some(total) = total {
                s.lines.push(Line::new(e.clone(), *total, true));
            }
        }
        for (j, &ct) in col_totals.iter().enumerate() {
            s.lines.push(Line::new(cells.iter().map(|r| r[j]).collect(), ct, true));
        }
        s.lines
            .push(Line::new(rows.iter().filter_map(|(_, t)| *t).collect(), grand, false));
        s.lines.push(Line::new(col_totals.clone(), grand, false));
    } else {
        s.lines
            .push(Line::new(cells.iter().map(|r| r[0]).collect(), grand, true));
    }
    // The p-value class printed under the table (the χ² itself only beside no hidden count).
    for r in 0..g.rows.len() {
        let row: Vec<String> = g.rows[r].iter().map(|c| c.to_text()).collect();
        if let Some(p) = row.iter().position(|x| x == "p") {
            let text = row.get(p + 1).cloned().unwrap_or_default();
            let class = [
                PClass::Below0001,
                PClass::Below001,
                PClass::Below005,
                PClass::AtLeast005,
            ]
            .into_iter()
            .find(|k| k.text(Locale::Nl) == text);
            if let Some(k) = class {
                s.statistic = Some((cells.clone(), k));
            }
        }
    }
}

/// The data cells of each body row of the tables marked `data-testid=id` in an HTML report.
fn table_rows<'a>(text: &'a str, id: &str) -> Vec<Vec<&'a str>> {
    let marker = format!("data-testid=\"{id}\"");
    let mut rows = Vec::new();
    for table in text.split(marker.as_str()).skip(1) {
        let body = table.split("</table>").next().unwrap_or("");
        for row in body.split("<tr").skip(2) {
            rows.push(
                row.split("<td")
                    .skip(1)
                    .map(|c| c.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or(""))
                    .collect(),
            );
        }
    }
    rows
}

/// Counts in an SVG drawing or an HTML report: the numbers in count places.
fn drawn(text: &str, t: u64, problems: &mut Vec<String>) {
    let mut check = |value: &str, at: &str| {
        if let Some(Known::Value(v)) = known(value, t) {
            if v > 0 && v < t {
                problems.push(format!("{at}: {v} staat er, onder de drempel {t}"));
            }
        }
    };
    // Node boxes: the n column.
    for part in text.split("class=\"pf-tree-num\">").skip(1) {
        let value = part.split('<').next().unwrap_or("");
        check(value, "tekening");
    }
    // Tables in a report: the tree table's counts (between the branch and the split columns),
    // the classification's (all but the last column).
    for row in table_rows(text, "tree-table") {
        if row.len() > 3 {
            for value in &row[2..row.len() - 1] {
                check(value, "boomtabel in het verslag");
            }
        }
    }
    for row in table_rows(text, "classification") {
        for value in row.iter().take(row.len().saturating_sub(1)) {
            check(value, "classificatie in het verslag");
        }
    }
}

fn check_system(s: &System, t: u64, problems: &mut Vec<String>) {
    problems.extend(s.problems.iter().cloned());
    // A reader knows no bound on a hidden count but the sums; the check needs one only above the
    // file's numbers (the search counts a few values per entry, not the range).
    let upper = perspectief_core::disclosure::reader_upper(&s.known, t);
    let statistic = |filled: &[u64]| match &s.statistic {
        None => true,
        Some((cells, class)) => {
            let table = Table::from_rows(
                &cells
                    .iter()
                    .map(|r| r.iter().map(|&e| filled[e] as f64).collect())
                    .collect::<Vec<_>>(),
            );
            let result = test(&table, Statistic::Pearson, Convergence::default());
            result.df1 <= 0.0 || PClass::of(result.p()) == *class
        }
    };
    let judged = |e: usize| !s.labels[e].starts_with("classificatie");
    for f in feasible(&s.lines, &s.known, t, upper, &statistic, &judged) {
        if !f.ok() {
            problems.push(format!(
                "{}: verborgen, maar er blijven maar {} mogelijke waarden (minstens {} nodig)",
                s.labels[f.entry], f.values, f.needed
            ));
        }
    }
}

pub fn run(args: &DisclosureArgs) -> Result<(), String> {
    let t = args.threshold;
    let mut failed = false;
    for path in &args.files {
        let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
        let name = path.display().to_string();
        let mut problems = Vec::new();
        let lower = name.to_lowercase();
        if lower.ends_with(".svg") || lower.ends_with(".html") {
            drawn(&String::from_utf8_lossy(&bytes), t, &mut problems);
        } else {
            let source = grid::read(&name, &bytes, grid::DEFAULT_MAX_BYTES).map_err(|e| e.to_string())?;
            let mut s = System::default();
            tree(&source.grids, &mut s, t);
            check_system(&s, t, &mut problems);
            for g in source
                .grids
                .iter()
                .filter(|g| g.sheet != "Boomtabel" && g.sheet != "Classificatie" && g.sheet != "Winst")
            {
                let mut s = System::default();
                counts_table(g, &mut s, t);
                check_system(&s, t, &mut problems);
            }
        }
        if problems.is_empty() {
            crate::say!("{name}: in orde");
        } else {
            failed = true;
            crate::say!("{name}: {} problemen", problems.len());
            for p in problems {
                crate::say!("  {p}");
            }
        }
    }
    if failed {
        std::process::exit(FAILED);
    }
    Ok(())
}
