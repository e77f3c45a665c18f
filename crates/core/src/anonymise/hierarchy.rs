//! Generalisation hierarchies that fit this data: each quasi-identifier gets
//! levels from its own values (level 0) up to "*" (everything in one group).
//! A hierarchy is stored as codes: `maps[level][code0]` is the code at that
//! level, `labels[level][code]` its text.

use crate::chaid::binning::number_label;
use crate::chaid::data::RawColumn;
use crate::date::Date;
use crate::ingest::fold::fold_words;
use crate::link::countries;

/// The label of a value that is generalised away or suppressed.
pub const ANY: &str = "*";
/// The label of a missing value below the top level.
pub const MISSING: &str = "(leeg)";

#[derive(Debug, Clone, PartialEq)]
pub struct Hierarchy {
    pub name: String,
    /// What each level means, in Dutch ("hele jaren", "5-jaarsklassen", …, "*").
    pub levels: Vec<String>,
    pub labels: Vec<Vec<String>>,
    pub maps: Vec<Vec<u32>>,
    /// Each row's level-0 code.
    pub codes: Vec<u32>,
}

impl Hierarchy {
    /// The highest level (every value "*").
    pub fn height(&self) -> usize {
        self.levels.len() - 1
    }

    pub fn cardinality(&self, level: usize) -> usize {
        self.labels[level].len()
    }

    pub fn label(&self, level: usize, code0: u32) -> &str {
        &self.labels[level][self.maps[level][code0 as usize] as usize]
    }
}

/// Landsdelen (CBS) of the twenty steunpunten.
pub fn steunpunt_region(steunpunt: &str) -> &'static str {
    match fold_words(steunpunt).as_str() {
        "drachten" | "groningen" | "leeuwarden" => "Noord",
        "almelo" | "arnhem" | "deventer" | "enschede" | "hengelo" | "nijmegen" | "zwolle" => "Oost",
        "alkmaar" | "amsterdam" | "den haag" | "haarlem" | "rotterdam" | "utrecht" | "zaandam" => "West",
        "eindhoven" | "maastricht" | "tilburg" => "Zuid",
        _ => "Overig",
    }
}

/// Level 0 of a column: one code per distinct value (missing as MISSING), in first-seen order
/// for text and in numeric order for numbers; numbers are first passed through `whole`.
fn base(values: &RawColumn, whole: impl Fn(f64) -> f64) -> (Vec<String>, Vec<u32>, Vec<Option<f64>>) {
    match values {
        RawColumn::Text(t) => {
            let mut labels: Vec<String> = t.labels.clone();
            let missing = labels.len() as u32;
            let mut any_missing = false;
            let codes = t
                .codes
                .iter()
                .map(|&c| {
                    if c == crate::chaid::data::TextColumn::MISSING {
                        any_missing = true;
                        missing
                    } else {
                        c
                    }
                })
                .collect();
            if any_missing {
                labels.push(MISSING.into());
            }
            let numbers = labels.iter().map(|_| None).collect();
            (labels, codes, numbers)
        }
        RawColumn::Number(xs) => {
            let mut distinct: Vec<f64> = xs.iter().flatten().map(|&x| whole(x)).collect();
            distinct.sort_by(f64::total_cmp);
            distinct.dedup();
            let missing = distinct.len() as u32;
            let codes = xs
                .iter()
                .map(|x| match x {
                    Some(x) => distinct.partition_point(|d| *d < whole(*x)) as u32,
                    None => missing,
                })
                .collect();
            let mut labels: Vec<String> = distinct.iter().map(|d| number_label(*d)).collect();
            let mut numbers: Vec<Option<f64>> = distinct.iter().map(|d| Some(*d)).collect();
            if xs.iter().any(Option::is_none) {
                labels.push(MISSING.into());
                numbers.push(None);
            }
            (labels, codes, numbers)
        }
    }
}

/// Add a level: each level-0 label mapped to a group label (`None`: keep the label).
fn level_from(labels0: &[String], group: impl Fn(usize, &str) -> String) -> (Vec<String>, Vec<u32>) {
    let mut labels: Vec<String> = Vec::new();
    let map = labels0
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let g = group(i, l);
            match labels.iter().position(|x| *x == g) {
                Some(p) => p as u32,
                None => {
                    labels.push(g);
                    (labels.len() - 1) as u32
                }
            }
        })
        .collect();
    (labels, map)
}

struct Builder {
    name: String,
    labels0: Vec<String>,
    codes: Vec<u32>,
    levels: Vec<String>,
    labels: Vec<Vec<String>>,
    maps: Vec<Vec<u32>>,
}

impl Builder {
    fn new(name: &str, level0: &str, labels0: Vec<String>, codes: Vec<u32>) -> Builder {
        let n = labels0.len() as u32;
        Builder {
            name: name.to_string(),
            levels: vec![level0.to_string()],
            labels: vec![labels0.clone()],
            maps: vec![(0..n).collect()],
            labels0,
            codes,
        }
    }

    fn level(mut self, meaning: &str, group: impl Fn(usize, &str) -> String) -> Builder {
        let (labels, map) = level_from(&self.labels0, group);
        self.levels.push(meaning.to_string());
        self.labels.push(labels);
        self.maps.push(map);
        self
    }

    /// The top level ("*"); missing stays missing below it.
    fn done(self) -> Hierarchy {
        let b = self.level("*", |_, _| ANY.to_string());
        Hierarchy {
            name: b.name,
            levels: b.levels,
            labels: b.labels,
            maps: b.maps,
            codes: b.codes,
        }
    }
}

fn band(x: f64, width: f64) -> String {
    let low = (x / width).floor() * width;
    format!("{}-{}", number_label(low), number_label(low + width - 1.0))
}

/// The hierarchy for a quasi-identifier, chosen by its name and values:
/// ages and years in bands, countries to region of origin, intake quarter to
/// year, steunpunten to landsdeel (the small ones first), dates to year and
/// 5-year band; anything else straight to "*". `k` decides which steunpunten are small.
pub fn for_column(name: &str, values: &RawColumn, k: usize) -> Hierarchy {
    let folded = fold_words(name).replace(' ', "_");
    let is_number = matches!(values, RawColumn::Number(_));
    let keep_missing = |l: &str, g: String| if l == MISSING { l.to_string() } else { g };
    if is_number {
        let year_like = folded.contains("jaar") && !folded.contains("leeftijd");
        let (labels0, codes, numbers) = base(values, f64::floor);
        let num = move |i: usize| numbers[i];
        let mut b = Builder::new(name, if year_like { "jaar" } else { "hele getallen" }, labels0, codes);
        // Nested bands (each divides the next): generalising only merges classes.
        let widths: &[(f64, &str)] = if year_like {
            &[(5.0, "5-jaarsklassen"), (10.0, "10-jaarsklassen")]
        } else if folded.contains("maanden") {
            &[
                (3.0, "klassen van 3 maanden"),
                (6.0, "klassen van 6 maanden"),
                (12.0, "klassen van 12 maanden"),
                (24.0, "klassen van 24 maanden"),
            ]
        } else {
            &[(5.0, "klassen van 5"), (10.0, "klassen van 10")]
        };
        for &(w, meaning) in widths {
            let num = num.clone();
            b = b.level(meaning, move |i, l| num(i).map_or(l.to_string(), |x| band(x, w)));
        }
        return b.done();
    }
    let (labels0, codes, _) = base(values, |x| x);
    if folded.contains("land") || folded.contains("nationaliteit") {
        return Builder::new(name, "land", labels0, codes)
            .level("regio van herkomst", |_, l| {
                keep_missing(l, countries::region(l).unwrap_or("Overig").to_string())
            })
            .done();
    }
    if folded.contains("kwartaal") {
        return Builder::new(name, "kwartaal", labels0, codes)
            .level("jaar", |_, l| {
                keep_missing(l, l.split("-K").next().unwrap_or(l).to_string())
            })
            .done();
    }
    if folded == "steunpunt" {
        let counts = {
            let mut c = vec![0usize; labels0.len()];
            for &code in &codes {
                c[code as usize] += 1;
            }
            c
        };
        return Builder::new(name, "steunpunt", labels0, codes)
            .level(
                &format!("kleine steunpunten (minder dan {} cliënten) naar landsdeel", 10 * k),
                |i, l| {
                    if counts[i] < 10 * k {
                        steunpunt_region(l).to_string()
                    } else {
                        l.to_string()
                    }
                },
            )
            .level("landsdeel", |_, l| steunpunt_region(l).to_string())
            .done();
    }
    let dates: Vec<Option<Date>> = labels0
        .iter()
        .map(|l| crate::ingest::values::parse_date(l, crate::ingest::values::DateOrder::DayFirst))
        .collect();
    if !labels0.is_empty() && dates.iter().zip(&labels0).all(|(d, l)| d.is_some() || l == MISSING) {
        let (d1, d2) = (dates.clone(), dates);
        return Builder::new(name, "datum", labels0, codes)
            .level("jaar", move |i, l| d1[i].map_or(l.to_string(), |d| d.year.to_string()))
            .level("5-jaarsklassen", move |i, l| {
                d2[i].map_or(l.to_string(), |d| band(d.year as f64, 5.0))
            })
            .done();
    }
    Builder::new(name, "waarde", labels0, codes).done()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_go_to_bands_then_star() {
        let h = for_column(
            "leeftijd_instroom",
            &RawColumn::Number(vec![Some(18.4), Some(19.9), Some(23.0), None]),
            5,
        );
        assert_eq!(h.levels, ["hele getallen", "klassen van 5", "klassen van 10", "*"]);
        let labels = |level| {
            (0..4)
                .map(|r| h.label(level, h.codes[r]).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(0), ["18", "19", "23", MISSING]);
        assert_eq!(labels(1), ["15-19", "15-19", "20-24", MISSING]);
        assert_eq!(labels(2), ["10-19", "10-19", "20-29", MISSING]);
        assert_eq!(labels(3), ["*", "*", "*", "*"]);
        // Each level's bands hold whole bands of the level below (generalising only merges).
        for level in 1..h.height() {
            for code in 0..h.cardinality(0) {
                let (a, b) = (h.maps[level - 1][code], h.maps[level][code]);
                for other in 0..h.cardinality(0) {
                    if h.maps[level - 1][other] == a {
                        assert_eq!(h.maps[level][other], b);
                    }
                }
            }
        }
    }

    #[test]
    fn countries_quarters_steunpunten_dates() {
        let text = |xs: &[&str]| RawColumn::text(xs.iter().map(|x| Some(*x)));
        let h = for_column("land_herkomst", &text(&["Afghanistan", "Eritrea", "Albanië"]), 5);
        assert_eq!(h.labels[1], ["Azie", "Afrika", "Europa-Amerika"]);
        let h = for_column("kwartaal_instroom", &text(&["2010-K1", "2010-K3", "voor 1-10-2009"]), 5);
        assert_eq!(h.labels[1], ["2010", "voor 1-10-2009"]);
        let mut sp = vec!["Amsterdam"; 60];
        sp.extend(["Haarlem", "Tilburg"]);
        let h = for_column("steunpunt", &text(&sp), 5);
        assert_eq!(h.labels[1], ["Amsterdam", "West", "Zuid"]);
        assert_eq!(h.labels[2], ["West", "Zuid"]);
        let h = for_column("geboortedatum", &text(&["01-02-1990", "1993-05-06"]), 5);
        assert_eq!(h.labels[1], ["1990", "1993"]);
        assert_eq!(h.labels[2], ["1990-1994"]);
        let h = for_column("geslacht", &text(&["man", "vrouw"]), 5);
        assert_eq!(h.height(), 1);
    }
}
