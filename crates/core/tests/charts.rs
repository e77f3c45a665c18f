//! The gains, index, response and ROC charts of a tree, checked against what they plot: the
//! ROC curve's area equals the Mann–Whitney probability counted pair by pair over the cases
//! (each scored by its node's response); the curves end at (100 %, 100 %); and a hidden count
//! stops every cumulative curve and withholds the area.

use perspectief_core::chaid::charts::charts;
use perspectief_core::chaid::report::{gains, report};
use perspectief_core::chaid::{fit, ChaidParams, Dataset};

mod common;

#[test]
fn auc_is_the_mann_whitney_probability() {
    let (columns, s) = common::titanic_known();
    let data = Dataset::build(&columns, &s).unwrap();
    let tree = fit(
        &data,
        &ChaidParams::default()
            .min_parent(100.0)
            .min_child(50.0)
            .check()
            .unwrap(),
    )
    .unwrap();
    let class = 1;
    let r = report(tree.clone(), &data, Some(class), None);
    let published = r.publish(5);
    let g = published.gains(class, &gains(&tree, class).unwrap().nodes).unwrap();
    let c = charts(&published, &g).unwrap();
    assert!(c.complete, "every count of this tree is shown");
    assert_eq!(*c.gains.last().unwrap(), (100.0, 100.0));
    assert_eq!(*c.roc.last().unwrap(), (100.0, 100.0));
    assert!((c.response.last().unwrap().1 - c.base.unwrap()).abs() < 1e-9);
    assert!((c.index.last().unwrap().1 - 100.0).abs() < 1e-9);
    assert!(
        c.index.windows(2).all(|w| w[0].1 >= w[1].1 - 1e-9),
        "cumulative index falls"
    );
    // Pair by pair: a case of the class against one of the others.
    let perspectief_core::chaid::Target::Classes { codes, .. } = &data.target else {
        unreachable!()
    };
    let score: Vec<f64> = (0..data.rows())
        .map(|row| {
            let node = &tree.nodes[tree.node_of(&data, row)];
            let perspectief_core::chaid::tree::Summary::Classes { counts } = &node.summary else {
                unreachable!()
            };
            counts[class] / node.n
        })
        .collect();
    let (mut wins, mut pairs) = (0.0, 0.0);
    for i in (0..data.rows()).filter(|&i| usize::from(codes[i]) == class) {
        for j in (0..data.rows()).filter(|&j| usize::from(codes[j]) != class) {
            pairs += 1.0;
            wins += if score[i] > score[j] {
                1.0
            } else if score[i] == score[j] {
                0.5
            } else {
                0.0
            };
        }
    }
    let auc = c.auc.expect("a whole curve");
    assert!((auc - wins / pairs).abs() < 1e-12, "{auc} vs {}", wins / pairs);
    assert!(auc > 0.7);

    // With a threshold above some count, the curves stop there and the area is withheld.
    let strict = r.publish(60);
    let g = strict.gains(class, &gains(&tree, class).unwrap().nodes).unwrap();
    let c = charts(&strict, &g).unwrap();
    assert!(!c.complete);
    assert_eq!(c.auc, None);
    assert!(c.gains.len() < g.nodes.len() + 1);
}
