//! A fitted tree's tables as sheets for xlsx/csv: the tree table, risk,
//! classification and gains, and the screening table; every count through the
//! disclosure rule ([`super::published`]), as in the diagram.

use super::published::{PublishedGains, PublishedTree};
use super::report::Report;
use super::screen::ScreenRow;
use crate::disclosure::Count;
use crate::locale::Locale;
use crate::table::{Cell, Sheet};

fn number(x: f64) -> Cell {
    Cell::Number(x)
}

fn count(c: Count, threshold: u64) -> Cell {
    c.n.map_or_else(|| Cell::text(c.text(threshold, Locale::Nl)), |n| Cell::Number(n as f64))
}

fn maybe(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, |x| Cell::Number((x * 10.0).round() / 10.0))
}

fn p_cell(p: Option<f64>) -> Cell {
    p.map_or_else(
        || Cell::text("niet getoond"),
        |p| Cell::Number((p * 10_000.0).round() / 10_000.0),
    )
}

impl Report {
    /// The tree table, risk, classification and gains (for the report's target class).
    pub fn sheets(&self, threshold: u64) -> Vec<Sheet> {
        let published = self.publish(threshold);
        let gains = self.gains.as_ref().and_then(|g| {
            let class = published.categories.iter().position(|c| *c == g.target_class)?;
            published.gains(class, &g.nodes)
        });
        published.sheets(gains.as_ref())
    }
}

impl PublishedTree {
    /// The tree table (one row per node), then classification and gains.
    pub fn sheets(&self, gains: Option<&PublishedGains>) -> Vec<Sheet> {
        let t = self.threshold;
        let classes: Vec<String> = if self.is_scale() {
            vec!["Gemiddelde".into(), "Std. afw.".into()]
        } else {
            self.categories.clone()
        };
        let header = ["Knoop", "Ouder", "Waarden"]
            .iter()
            .map(|h| h.to_string())
            .chain(classes.iter().cloned())
            .chain(
                ["N", "%", "Splitsing", "Adj. P-waarde", "Statistiek", "df"]
                    .iter()
                    .map(|h| h.to_string()),
            )
            .collect();
        let mut tree = Sheet::new("Boomtabel", header);
        tree.title_rows
            .push(vec![Cell::text(format!("Afhankelijke: {}", self.target))]);
        for n in &self.nodes {
            let mut row = vec![
                number(n.id as f64),
                n.parent.map_or(Cell::Empty, |p| number(p as f64)),
                Cell::text(n.branch.clone().unwrap_or_default()),
            ];
            if self.is_scale() {
                row.extend([n.mean.map_or(Cell::Empty, number), n.sd.map_or(Cell::Empty, number)]);
            } else {
                row.extend(n.counts.iter().map(|&c| count(c, t)));
            }
            row.extend([count(n.n, t), maybe(n.share)]);
            match &n.split {
                Some(s) => row.extend([
                    Cell::text(s.name.clone()),
                    p_cell(s.adj_p),
                    s.statistic
                        .map_or(Cell::Empty, |x| number((x * 1000.0).round() / 1000.0)),
                    Cell::text(if s.df2 > 0.0 {
                        format!("{}, {}", s.df1, s.df2)
                    } else {
                        format!("{}", s.df1)
                    }),
                ]),
                None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]),
            }
            tree.rows.push(row);
        }
        match self.risk {
            Some((estimate, se)) => tree.footer_rows.push(vec![
                Cell::text("Risico"),
                number(estimate),
                Cell::text("Std. fout"),
                number(se),
            ]),
            None => tree.footer_rows.push(vec![Cell::text(
                "Risico: niet getoond (het zou een verborgen aantal verraden)",
            )]),
        }
        if self.hides {
            tree.footer_rows
                .push(vec![Cell::text(crate::disclosure::note(t, Locale::Nl))]);
        }
        let mut out = vec![tree];
        if let Some(c) = &self.classification {
            let header = std::iter::once("Waargenomen".to_string())
                .chain(c.classes.iter().cloned())
                .chain(["% juist".to_string()])
                .collect();
            let mut s = Sheet::new("Classificatie", header);
            for ((k, row), pc) in c.classes.iter().zip(&c.counts).zip(&c.percent_correct) {
                let mut cells = vec![Cell::text(k.clone())];
                cells.extend(row.iter().map(|&x| count(x, t)));
                cells.push(maybe(*pc));
                s.rows.push(cells);
            }
            s.footer_rows
                .push(vec![Cell::text("Totaal juist %"), maybe(c.overall_percent_correct)]);
            out.push(s);
        }
        if let Some(g) = gains {
            let header = ["Knoop", "N", "Knoop %", "Winst N", "Winst %", "Respons %", "Index %"]
                .iter()
                .map(|h| h.to_string())
                .collect();
            let mut s = Sheet::new("Winst", header);
            s.title_rows
                .push(vec![Cell::text(format!("Doelcategorie: {}", g.target_class))]);
            for r in &g.nodes {
                s.rows.push(vec![
                    number(r.node as f64),
                    count(r.n, t),
                    maybe(r.node_percent),
                    count(r.gain_n, t),
                    maybe(r.gain_percent),
                    maybe(r.response_percent),
                    maybe(r.index_percent),
                ]);
            }
            out.push(s);
        }
        out
    }
}

/// The screening table (appendices 14–17) as a sheet.
pub fn screening_sheet(target: &str, rows: &[ScreenRow]) -> Sheet {
    let header = ["Variabele", "Adj. P-waarde", "Statistiek", "df", "Groepen"]
        .iter()
        .map(|h| h.to_string())
        .collect();
    let mut s = Sheet::new("Screening", header);
    s.title_rows.push(vec![Cell::text(format!("Afhankelijke: {target}"))]);
    for r in rows {
        s.rows.push(vec![
            Cell::text(r.predictor.clone()),
            number(r.adj_p),
            number(r.statistic),
            number(r.df1),
            Cell::text(r.groups.join(" | ")),
        ]);
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::chaid::data::{Dataset, Level, RawColumn, Spec};
    use crate::chaid::report::report;
    use crate::chaid::{fit, ChaidParams};
    use crate::write::csv::{write, CsvStyle};

    #[test]
    fn the_tree_table_as_csv_hides_small_class_counts() {
        // 200 cases: a splits the outcome; node "a = 1" holds 3 "ja" among 100.
        let a: Vec<Option<&str>> = (0..200).map(|i| Some(if i < 100 { "1" } else { "2" })).collect();
        let y: Vec<Option<&str>> = (0..200)
            .map(|i| Some(if i < 3 || (100..160).contains(&i) { "ja" } else { "nee" }))
            .collect();
        let columns = vec![
            ("a".to_string(), RawColumn::text(a)),
            ("y".to_string(), RawColumn::text(y)),
        ];
        let spec = Spec {
            target: "y".into(),
            target_level: Level::Nominal,
            predictors: vec![("a".into(), Level::Nominal)],
            freq_weight: None,
            case_weight: None,
            intervals: 10,
        };
        let data = Dataset::build(&columns, &spec).unwrap();
        let tree = fit(&data, &ChaidParams::default().check().unwrap()).unwrap();
        let sheets = report(tree, &data, Some(0), None).sheets(5);
        assert_eq!(
            sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Boomtabel", "Classificatie", "Winst"]
        );
        let csv = String::from_utf8(write(&sheets[0], CsvStyle::default())).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Afhankelijke: y");
        assert_eq!(
            lines[1],
            "Knoop;Ouder;Waarden;ja;nee;N;%;Splitsing;Adj. P-waarde;Statistiek;df"
        );
        assert!(
            lines[2].starts_with("0;;;63;137;200;100;a;niet getoond;;1"),
            "{}",
            lines[2]
        );
        assert_eq!(
            lines[3], "1;0;1;<5;x;100;50;;;;",
            "3 is hidden, and 97 with it (100 − 3)"
        );
        assert_eq!(
            lines[4], "2;0;2;x;x;100;50;;;;",
            "and so are 60 and 40 (63 − 3, 137 − 97)"
        );
    }
}
