//! CHAID against the public reference values of the CHAID specification
//! (iris and the Titanic file of the Python CHAID package's tests, in tests/data/reference).

use perspectief_core::chaid::screen::screen;
use perspectief_core::chaid::{fit, ChaidParams, Dataset, Level};

mod common;
use common::{reference, spec};

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs()
}

fn sizes(data: &Dataset, p: usize) -> Vec<usize> {
    let pred = &data.predictors[p];
    let mut n = vec![0; pred.categories() + 1];
    for r in 0..data.rows() {
        n[pred.codes.get(r)] += 1;
    }
    n.pop();
    n
}

fn iris() -> Dataset {
    Dataset::build(&reference("iris.csv"), &common::iris_spec()).unwrap()
}

#[test]
fn iris_binning_follows_ibm() {
    let data = iris();
    assert_eq!(sizes(&data, 2), [11, 13, 20, 14, 17, 15, 14, 16, 14, 16]);
    assert_eq!(
        data.predictors[2].cut_points.as_deref().unwrap(),
        [1.3, 1.4, 1.6, 3.8, 4.3, 4.6, 4.9, 5.3, 5.7, 6.9]
    );
    assert_eq!(sizes(&data, 3).len(), 9);
}

#[test]
fn iris_root_merging_matches_chaidr() {
    let data = iris();
    let params = ChaidParams::default().min_parent(2.0).min_child(1.0).check().unwrap();
    let rows = screen(&data, &params).unwrap();
    let length = rows.iter().find(|r| r.predictor == "petal_length").unwrap();
    assert_eq!(length.groups.len(), 6);
    assert!(close(length.statistic, 243.83, 1e-4), "{}", length.statistic);
    assert_eq!(length.df1, 10.0);
    assert!(close(length.adj_p, 1.35415e-44, 1e-5), "{}", length.adj_p);
    assert!(close(length.adj_p / length.p, 126.0, 1e-9));
    let width = rows.iter().find(|r| r.predictor == "petal_width").unwrap();
    assert_eq!(width.groups.len(), 4);
    assert!(close(width.statistic, 239.118, 1e-5), "{}", width.statistic);
    assert_eq!(width.df1, 6.0);
    assert!(close(width.adj_p / width.p, 56.0, 1e-9));
    assert!(close(width.adj_p, 4.84922e-47, 1e-5), "{}", width.adj_p);
    // Strictly the smaller adjusted p: petal width splits the root.
    assert_eq!(rows[0].predictor, "petal_width");
    let tree = fit(&data, &params).unwrap();
    assert_eq!(tree.nodes[0].split.as_ref().unwrap().name, "petal_width");
    let group_sizes: Vec<f64> = tree.nodes[0].children.iter().map(|&c| tree.nodes[c].n).collect();
    assert_eq!(group_sizes, [41.0, 19.0, 44.0, 46.0]);
}

fn titanic(target: &str, level: Level, predictors: &[(&str, Level)]) -> Dataset {
    Dataset::build(&reference("titanic.csv"), &spec(target, level, predictors)).unwrap()
}

#[test]
fn titanic_root_statistics() {
    let data = titanic(
        "survived",
        Level::Nominal,
        &[
            ("sex", Level::Nominal),
            ("pclass", Level::Ordinal),
            ("embarked", Level::Nominal),
        ],
    );
    let rows = screen(&data, &ChaidParams::default().check().unwrap()).unwrap();
    let get = |name: &str| rows.iter().find(|r| r.predictor == name).unwrap();
    assert!(close(get("sex").statistic, 365.8869, 1e-6));
    assert!(close(get("sex").adj_p, get("sex").p, 1e-12), "B = 1");
    let pclass = get("pclass");
    assert_eq!(pclass.groups.len(), 3);
    assert!(close(pclass.statistic, 127.8592, 1e-6));
    assert_eq!(pclass.df1, 2.0);
    let embarked = get("embarked");
    assert_eq!(embarked.groups, ["C; <missing>", "Q; S"]);
    assert!(close(embarked.statistic, 45.4897, 1e-5), "{}", embarked.statistic);
    assert_eq!(embarked.df1, 1.0);
    assert!(close(embarked.adj_p / embarked.p, 7.0, 1e-9));
    assert!(close(embarked.adj_p, 1.07409e-10, 1e-5), "{}", embarked.adj_p);
}

#[test]
fn titanic_fare_by_class_anova() {
    let data = titanic("fare", Level::Scale, &[("pclass", Level::Ordinal)]);
    assert_eq!(data.rows(), 1308);
    let tree = fit(&data, &ChaidParams::default().max_depth(1).check().unwrap()).unwrap();
    let split = tree.nodes[0].split.as_ref().unwrap();
    assert!(close(split.statistic, 372.7418288, 1e-9), "{}", split.statistic);
    assert_eq!((split.df1, split.df2), (2.0, 1305.0));
    let means: Vec<f64> = tree.nodes[0]
        .children
        .iter()
        .map(|&c| tree.nodes[c].predicted)
        .collect();
    for (m, want) in means.iter().zip([87.50899, 21.17920, 13.30289]) {
        assert!(close(*m, want, 1e-6), "{m} vs {want}");
    }
}

#[test]
fn report_risk_classification_gains_and_json() {
    use perspectief_core::chaid::cv::cross_validate;
    use perspectief_core::chaid::report::{report, Report};
    let data = titanic(
        "survived",
        Level::Nominal,
        &[
            ("sex", Level::Nominal),
            ("pclass", Level::Ordinal),
            ("embarked", Level::Nominal),
            ("age", Level::Scale),
        ],
    );
    let params = ChaidParams::default().check().unwrap();
    let tree = fit(&data, &params).unwrap();
    assert_eq!(tree.nodes[0].split.as_ref().unwrap().name, "sex");
    let cv = cross_validate(&data, &params, 10, 7).unwrap();
    let r = report(tree, &data, Some(1), Some(cv));
    let c = r.classification.as_ref().unwrap();
    assert!(close(c.overall_percent_correct, 100.0 * (1.0 - r.risk.estimate), 1e-12));
    assert!(close(
        r.risk.se,
        (r.risk.estimate * (1.0 - r.risk.estimate) / 1309.0).sqrt(),
        1e-12
    ));
    let g = r.gains.as_ref().unwrap();
    let last = g.cumulative.last().unwrap();
    assert!(close(last.gain_percent, 100.0, 1e-12) && close(last.node_percent, 100.0, 1e-12));
    assert!(close(last.index_percent, 100.0, 1e-12));
    assert!(g.nodes.windows(2).all(|w| w[0].index_percent >= w[1].index_percent));
    let cv = r.cross_validation.unwrap();
    assert!(
        cv.estimate > 0.0 && (cv.estimate - r.risk.estimate).abs() < 0.05,
        "{cv:?} vs {:?}",
        r.risk
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"format\":\"perspectief-chaid/1\""));
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}
