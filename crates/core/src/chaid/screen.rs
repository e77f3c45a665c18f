//! Screening: for one dependent, the one-level CHAID result of every predictor
//! on its own, sorted by adjusted p (the report's appendices 14–17).

use serde::{Deserialize, Serialize};

use super::data::{Dataset, Level};
use super::error::ChaidError;
use super::grow::{branch_label, count, evaluate, statistic_kind, tester, Layout};
use super::merge;
use super::params::CheckedParams;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenRow {
    pub predictor: String,
    pub level: Level,
    /// Categories present.
    pub categories: usize,
    /// Labels of the groups after merging (and the min-child merge).
    pub groups: Vec<String>,
    pub statistic_kind: String,
    pub statistic: f64,
    pub df1: f64,
    pub df2: f64,
    pub p: f64,
    pub adj_p: f64,
    pub adj_ln_p: f64,
}

pub fn screen(data: &Dataset, params: &CheckedParams) -> Result<Vec<ScreenRow>, ChaidError> {
    let params = params.get();
    let layout = Layout {
        predictors: data.predictors.len(),
        width: data.predictors.iter().map(|p| p.categories() + 1).max().unwrap_or(1),
    };
    let slot_row = vec![0u32; data.rows()];
    let tables = count(data, &slot_row, 1, &layout);
    let tester = tester(data, params);
    let cats_of = |p: usize| tables.categories(0, p, &layout, data.predictors[p].categories() + 1);
    let results = evaluate(data, params, &tester, &cats_of);
    let kind = statistic_kind(data, params);
    let mut rows: Vec<ScreenRow> = data
        .predictors
        .iter()
        .zip(results)
        .enumerate()
        .map(|(index, (pred, merged))| {
            let merged = merged.map(|m| merge::enforce_min_child(m, pred.missing(), params, &tester));
            match merged {
                Some(m) => ScreenRow {
                    predictor: pred.name.clone(),
                    level: pred.level,
                    categories: m.categories,
                    groups: m.groups.iter().map(|g| branch_label(pred, &g.codes)).collect(),
                    statistic_kind: kind.to_string(),
                    statistic: m.test.statistic,
                    df1: m.test.df1,
                    df2: m.test.df2,
                    p: m.test.ln_p.exp(),
                    adj_p: m.adj_ln_p.exp(),
                    adj_ln_p: m.adj_ln_p,
                },
                None => ScreenRow {
                    predictor: pred.name.clone(),
                    level: pred.level,
                    categories: cats_of(index).len(),
                    groups: Vec::new(),
                    statistic_kind: kind.to_string(),
                    statistic: 0.0,
                    df1: 0.0,
                    df2: 0.0,
                    p: 1.0,
                    adj_p: 1.0,
                    adj_ln_p: 0.0,
                },
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.adj_ln_p
            .total_cmp(&b.adj_ln_p)
            .then(b.statistic.total_cmp(&a.statistic))
    });
    Ok(rows)
}
