//! Running analyses on the analysis file: descriptive tables, trees,
//! screening and the report's §7.5 comparison. The app's worker and the
//! command line (`perspectief run --recept`) call the same functions.

use serde::{Deserialize, Serialize};

use super::AnalysisFile;
use crate::chaid::data::{Dataset, RawColumn, Spec};
use crate::chaid::report::report;
use crate::chaid::screen::screen;
use crate::chaid::validation::{self, Validation};
use crate::chaid::{fit, ChaidError, ChaidParams};
use crate::describe;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TableRequest {
    Frequencies { variable: String },
    Crosstab { row: String, col: String },
    Means { variable: String, by: String },
    Histogram { variable: String, bins: usize },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TableView {
    Counts(crate::describe::Published),
    Means(crate::describe::MeansTable),
}

impl TableView {
    /// `geslacht`, `geslacht × mob`, `leeftijd per steunpunt`.
    pub fn title(&self) -> String {
        match self {
            TableView::Counts(p) => p
                .col_variable
                .as_ref()
                .map_or(p.row_variable.clone(), |c| format!("{} × {c}", p.row_variable)),
            TableView::Means(m) => format!("{} per {}", m.variable, m.by),
        }
    }

    /// The table as a sheet, and the variable that names its file.
    pub fn sheet(&self) -> (crate::table::Sheet, String) {
        match self {
            TableView::Counts(p) => (p.sheet(), p.row_variable.clone()),
            TableView::Means(m) => (m.sheet(), m.variable.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeView {
    pub report: crate::chaid::report::Report,
    /// The edits by hand, as replayed: the node each applied to, or why it did not apply.
    #[serde(default)]
    pub edits: Vec<crate::chaid::edit::EditOutcome>,
    /// With a split-sample validation: the tree's nodes with the test cases in them.
    #[serde(default)]
    pub test: Option<Box<crate::chaid::report::Report>>,
    /// Cases left out (missing dependent, or missing on every predictor).
    pub dropped: crate::chaid::data::Dropped,
    pub ms: f64,
}

/// The format of [`TreeView::published_json`].
pub const PUBLISHED_FORMAT: &str = "perspectief-chaid-gepubliceerd/1";

impl TreeView {
    /// The tree as it may leave the machine (through the disclosure rule at `threshold`), with its
    /// settings, gains and edits by hand: what `perspectief run` writes and the page downloads.
    pub fn published_json(&self, threshold: u64) -> String {
        use crate::messages::Localized;
        let published = self.report.publish(threshold);
        let gains = self.report.gains.as_ref().and_then(|g| {
            let class = published.categories.iter().position(|c| *c == g.target_class)?;
            published.gains(class, &g.nodes)
        });
        let edits: Vec<serde_json::Value> = self
            .edits
            .iter()
            .map(|e| {
                serde_json::json!({
                    "edit": e.edit,
                    "node": e.node,
                    "problem": e.problem,
                    "text": e.text(crate::locale::Locale::Nl),
                })
            })
            .collect();
        let mut doc = serde_json::json!({
            "format": PUBLISHED_FORMAT,
            "params": self.report.tree.params,
            "tree": published,
            "gains": gains,
        });
        if !edits.is_empty() {
            doc["edits"] = serde_json::Value::Array(edits);
        }
        if let Some(cv) = &self.report.cross_validation {
            doc["cross_validation"] = serde_json::json!(cv);
        }
        if let Some(test) = &self.test {
            let p = test.publish(threshold);
            doc["test"] = serde_json::json!({
                "total": p.total,
                "risk": p.risk,
                "classification": p.classification,
            });
        }
        serde_json::to_string_pretty(&doc).expect("a tree serialises")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreeningView {
    pub target: String,
    pub rows: Vec<crate::chaid::screen::ScreenRow>,
}

/// One tree of the §7.5 comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedTree {
    pub predictors: usize,
    pub nodes: usize,
    /// Correctly classified share of the target class ("ja"), in %.
    pub target_correct: Option<f64>,
    pub overall_correct: Option<f64>,
    pub root_split: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonView {
    pub target: String,
    pub target_class: String,
    pub persons_only: ComparedTree,
    pub with_steunpunten: ComparedTree,
}

/// Why an analysis could not be run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnalysisError {
    /// The variable is not in the analysis file.
    UnknownVariable {
        variable: String,
    },
    /// No predictor beside the dependent.
    NoPredictor,
    /// The comparison of §7.5 needs the sets of the steunpunt characteristics file.
    NoSets,
    /// A split-sample validation left no cases to grow or to test the tree.
    EmptySample {
        training: usize,
        test: usize,
    },
    Chaid(ChaidError),
    Describe(describe::DescribeError),
}

impl From<ChaidError> for AnalysisError {
    fn from(error: ChaidError) -> AnalysisError {
        AnalysisError::Chaid(error)
    }
}

impl From<describe::DescribeError> for AnalysisError {
    fn from(error: describe::DescribeError) -> AnalysisError {
        AnalysisError::Describe(error)
    }
}

fn column<'a>(a: &'a AnalysisFile, name: &str) -> Result<&'a RawColumn, AnalysisError> {
    a.variables
        .iter()
        .find(|v| v.name == name)
        .map(|v| &v.values)
        .ok_or_else(|| AnalysisError::UnknownVariable {
            variable: name.to_string(),
        })
}

pub fn table(a: &AnalysisFile, request: &TableRequest, threshold: u64) -> Result<TableView, AnalysisError> {
    let e = AnalysisError::from;
    Ok(match request {
        TableRequest::Frequencies { variable } => {
            TableView::Counts(describe::frequencies(variable, column(a, variable)?, threshold).map_err(e)?)
        }
        TableRequest::Crosstab { row, col } => {
            TableView::Counts(describe::crosstab((row, column(a, row)?), (col, column(a, col)?), threshold).map_err(e)?)
        }
        TableRequest::Means { variable, by } => TableView::Means(
            describe::means((variable, column(a, variable)?), (by, column(a, by)?), threshold).map_err(e)?,
        ),
        TableRequest::Histogram { variable, bins } => {
            TableView::Counts(describe::histogram(variable, column(a, variable)?, *bins, threshold).map_err(e)?)
        }
    })
}

/// The cases of a tree on the analysis file (as [`tree`] builds them).
pub fn tree_dataset(
    a: &AnalysisFile,
    target: &str,
    predictors: &[String],
    params: &ChaidParams,
) -> Result<Dataset, AnalysisError> {
    dataset(a, target, predictors, params)
}

/// The cases of a tree or a screening: the dependent and the predictors with
/// the levels set in the analysis file.
fn dataset(
    a: &AnalysisFile,
    target: &str,
    predictors: &[String],
    params: &ChaidParams,
) -> Result<Dataset, AnalysisError> {
    let level = |name: &str| {
        a.variables
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.level)
            .ok_or_else(|| AnalysisError::UnknownVariable {
                variable: name.to_string(),
            })
    };
    let predictors: Vec<&String> = predictors.iter().filter(|p| p.as_str() != target).collect();
    if predictors.is_empty() {
        return Err(AnalysisError::NoPredictor);
    }
    let mut columns = vec![(target, column(a, target)?)];
    for p in &predictors {
        columns.push((p.as_str(), column(a, p)?));
    }
    let spec = Spec {
        target: target.to_string(),
        target_level: level(target)?,
        predictors: predictors
            .iter()
            .map(|p| level(p).map(|l| (p.to_string(), l)))
            .collect::<Result<_, _>>()?,
        freq_weight: None,
        case_weight: None,
        intervals: params.intervals,
    };
    Ok(Dataset::build_from(&columns, &spec)?)
}

/// Default predictors of `target` among (name, has a set): the variables with a set
/// (the report's Table 25), else every variable that is not an outcome.
pub fn default_predictors<'a>(variables: impl Iterator<Item = (&'a str, bool)> + Clone, target: &str) -> Vec<String> {
    let with_set: Vec<String> = variables
        .clone()
        .filter(|(name, set)| *set && *name != target)
        .map(|(name, _)| name.to_string())
        .collect();
    if !with_set.is_empty() {
        return with_set;
    }
    variables
        .filter(|(name, _)| *name != target && !super::is_outcome_variable(name))
        .map(|(name, _)| name.to_string())
        .collect()
}

/// A tree to grow: what the recept's [`crate::recept::Analysis::Tree`] holds.
#[derive(Debug, Clone, Copy)]
pub struct TreeRequest<'a> {
    pub target: &'a str,
    pub predictors: &'a [String],
    pub params: &'a ChaidParams,
    pub target_class: Option<&'a str>,
    pub edits: &'a [crate::chaid::edit::TreeEdit],
    pub validation: Option<&'a Validation>,
}

impl<'a> TreeRequest<'a> {
    /// A tree with nothing more than its settings.
    pub fn new(target: &'a str, predictors: &'a [String], params: &'a ChaidParams) -> TreeRequest<'a> {
        TreeRequest {
            target,
            predictors,
            params,
            target_class: None,
            edits: &[],
            validation: None,
        }
    }
}

pub fn tree(a: &AnalysisFile, request: &TreeRequest, now: impl Fn() -> f64) -> Result<TreeView, AnalysisError> {
    grown(a, request, &now).map(|(view, _)| view)
}

/// The last tree grown for the editor, kept so that the next edit is applied to it instead
/// of growing everything again: its request (without the edits), its cases, the tree as
/// grown, and the tree with the edits so far.
pub struct Steered {
    target: String,
    predictors: Vec<String>,
    params: ChaidParams,
    target_class: Option<String>,
    /// Grown on a training sample: not reused for the next edit.
    validated: bool,
    pub data: Dataset,
    base: crate::chaid::Tree,
    edits: Vec<crate::chaid::edit::TreeEdit>,
    outcomes: Vec<crate::chaid::edit::EditOutcome>,
    pub tree: crate::chaid::Tree,
}

impl Steered {
    fn serves(&self, r: &TreeRequest) -> bool {
        r.validation.is_none()
            && !self.validated
            && self.target == r.target
            && self.predictors == r.predictors
            && self.params == *r.params
            && self.target_class.as_deref() == r.target_class
    }
}

/// [`tree`] for the editor: with no validation asked, the tree and its cases are kept in
/// `cache`, and a request that only adds edits to the kept tree's applies just those (one that
/// takes edits back starts again from the kept tree as grown).
pub fn steerable_tree(
    a: &AnalysisFile,
    request: &TreeRequest,
    cache: &mut Option<Steered>,
    now: impl Fn() -> f64,
) -> Result<TreeView, AnalysisError> {
    if request.validation.is_some() {
        // Grown again on every request (the test sample goes through each edited tree); kept
        // only so that the editor can ask for a node's competitors on the training cases.
        let (view, data) = grown(a, request, &now)?;
        *cache = Some(Steered {
            target: request.target.to_string(),
            predictors: request.predictors.to_vec(),
            params: request.params.clone(),
            target_class: request.target_class.map(str::to_string),
            validated: true,
            data,
            base: view.report.tree.clone(),
            edits: request.edits.to_vec(),
            outcomes: view.edits.clone(),
            tree: view.report.tree.clone(),
        });
        return Ok(view);
    }
    let start = now();
    match cache.as_mut().filter(|c| c.serves(request)) {
        Some(c) => {
            if request.edits.starts_with(&c.edits) {
                let (tree, outcomes) =
                    crate::chaid::edit::apply(c.tree.clone(), &c.data, &request.edits[c.edits.len()..]);
                c.tree = tree;
                c.outcomes.extend(outcomes);
            } else {
                let (tree, outcomes) = crate::chaid::edit::apply(c.base.clone(), &c.data, request.edits);
                c.tree = tree;
                c.outcomes = outcomes;
            }
            c.edits = request.edits.to_vec();
        }
        None => {
            let checked = request.params.clone().check()?;
            let data = dataset(a, request.target, request.predictors, checked.get())?;
            let base = fit(&data, &checked)?;
            let (tree, outcomes) = crate::chaid::edit::apply(base.clone(), &data, request.edits);
            *cache = Some(Steered {
                target: request.target.to_string(),
                predictors: request.predictors.to_vec(),
                params: request.params.clone(),
                target_class: request.target_class.map(str::to_string),
                validated: false,
                data,
                base,
                edits: request.edits.to_vec(),
                outcomes,
                tree,
            });
        }
    }
    let c = cache.as_ref().expect("kept above");
    let class = request
        .target_class
        .and_then(|l| c.tree.target.categories.iter().position(|x| x == l));
    Ok(TreeView {
        report: report(c.tree.clone(), &c.data, class, None),
        edits: c.outcomes.clone(),
        test: None,
        dropped: c.data.dropped,
        ms: now() - start,
    })
}

/// The tree, and the cases it grew on.
fn grown(a: &AnalysisFile, request: &TreeRequest, now: &dyn Fn() -> f64) -> Result<(TreeView, Dataset), AnalysisError> {
    let start = now();
    let checked = request.params.clone().check()?;
    let all = dataset(a, request.target, request.predictors, checked.get())?;
    let mut cv = None;
    let (data, test) = match request.validation {
        None => (all, None),
        Some(Validation::CrossValidation { folds, seed }) => {
            cv = Some(crate::chaid::cv::cross_validate(&all, &checked, *folds, *seed)?);
            (all, None)
        }
        Some(v) => {
            let is_test = test_cases(a, &all, v)?;
            let (training, test) = validation::split(&all, &is_test);
            let (n_training, n_test) = (training.rows(), test.rows());
            if n_training == 0 || n_test == 0 {
                return Err(AnalysisError::EmptySample {
                    training: n_training,
                    test: n_test,
                });
            }
            (training, Some(test))
        }
    };
    let (fitted, edits) = crate::chaid::edit::apply(fit(&data, &checked)?, &data, request.edits);
    let class = request
        .target_class
        .and_then(|c| fitted.target.categories.iter().position(|l| l == c));
    let test = test.map(|t| Box::new(report(validation::tree_on(&fitted, &t), &t, class, None)));
    let report = report(fitted, &data, class, cv);
    let view = TreeView {
        report,
        edits,
        test,
        dropped: data.dropped,
        ms: now() - start,
    };
    Ok((view, data))
}

/// Which cases of `data` test the tree, by `validation`'s rule.
fn test_cases(a: &AnalysisFile, data: &Dataset, v: &Validation) -> Result<Vec<bool>, AnalysisError> {
    match v {
        Validation::CrossValidation { .. } => Ok(vec![false; data.rows()]),
        Validation::SplitSample { training_percent, seed } => {
            if !(*training_percent > 0.0 && *training_percent < 100.0) {
                return Err(AnalysisError::Chaid(ChaidError::InvalidParameter {
                    name: "training-percent".into(),
                    value: training_percent.to_string(),
                    expected: crate::chaid::error::Expected::Range { from: 1, to: 99 },
                }));
            }
            Ok(validation::random_test_cases(data.rows(), *training_percent, *seed))
        }
        Validation::SplitOn { variable, test_values } => {
            let col = column(a, variable)?;
            let label = |row: usize| -> Option<String> {
                match col {
                    RawColumn::Text(t) => t.get(row).map(str::to_string),
                    RawColumn::Number(v) => v[row].map(crate::chaid::binning::number_label),
                }
            };
            Ok(data
                .source_rows
                .iter()
                .map(|&r| label(r as usize).is_some_and(|l| test_values.contains(&l)))
                .collect())
        }
    }
}

pub fn screening(
    a: &AnalysisFile,
    target: &str,
    predictors: &[String],
    params: ChaidParams,
) -> Result<ScreeningView, AnalysisError> {
    let checked = params.check()?;
    let data = dataset(a, target, predictors, checked.get())?;
    let rows = screen(&data, &checked)?;
    Ok(ScreeningView {
        target: target.to_string(),
        rows,
    })
}

/// Whether a set holds the characteristics of the ex-AMV's themselves (not of the steunpunt).
fn is_person_set(set: &str) -> bool {
    crate::ingest::fold::fold(set)
        .replace(|c: char| !c.is_ascii_alphanumeric(), "")
        .contains("examv")
}

/// The report's §7.5: for `target`, a tree on the ex-AMV characteristics alone
/// and one on ex-AMV plus steunpunt characteristics, side by side.
pub fn compare(a: &AnalysisFile, target: &str, params: ChaidParams) -> Result<ComparisonView, AnalysisError> {
    let with_set = |person: bool| -> Vec<String> {
        a.variables
            .iter()
            .filter(|v| v.name != target)
            .filter(|v| v.set.as_deref().is_some_and(|s| !person || is_person_set(s)))
            .map(|v| v.name.clone())
            .collect()
    };
    let (persons, all) = (with_set(true), with_set(false));
    if persons.is_empty() || all.len() == persons.len() {
        return Err(AnalysisError::NoSets);
    }
    let class = "ja";
    let grown = |predictors: &[String]| -> Result<ComparedTree, AnalysisError> {
        let request = TreeRequest {
            target_class: Some(class),
            ..TreeRequest::new(target, predictors, &params)
        };
        let view = tree(a, &request, || 0.0)?;
        let t = &view.report.tree;
        // Shares correct from the published classification: none that gives a hidden count back.
        let published = view.report.publish(crate::disclosure::DEFAULT_THRESHOLD);
        let c = published.classification.as_ref();
        let k = published.categories.iter().position(|l| l == class);
        Ok(ComparedTree {
            predictors: predictors.len(),
            nodes: t.nodes.len(),
            target_correct: c.zip(k).and_then(|(c, k)| c.percent_correct.get(k).copied().flatten()),
            overall_correct: c.and_then(|c| c.overall_percent_correct),
            root_split: t.nodes.first().and_then(|n| n.split.as_ref()).map(|s| s.name.clone()),
        })
    };
    Ok(ComparisonView {
        target: target.to_string(),
        target_class: class.to_string(),
        persons_only: grown(&persons)?,
        with_steunpunten: grown(&all)?,
    })
}
