//! One disclosure rule for every table the app shows or writes (`disclosure.md`,
//! "Tables and trees"). A table is a set of counts linked by sums: a line says
//! that its inner entries add up to its total (a row and its margin, a parent
//! node and its children, a classification cell and the nodes behind it).
//!
//! - A count below the threshold (and above zero) is hidden ([`Mark::Small`], "<5").
//! - A line in which all but one category is zero discloses an attribute,
//!   whatever its size: its entries are hidden ([`Mark::Hidden`], "x").
//! - Then, until nothing changes, for every line: one hidden entry would be
//!   given back by subtraction, so a second is hidden; and when the line's total
//!   is shown, its hidden entries must add up to at least the threshold, so that
//!   none of them is pinned to a few values. The smallest positive shown inner
//!   entry goes first, then a zero, then the total.
//!
//! [`feasible`] is the check of the result (the tests use it, and `perspectief
//! disclosure`): every filling of the hidden entries that agrees with what is
//! shown, and how many values each hidden entry can take.

use serde::{Deserialize, Serialize};

/// The threshold where the user sets none (the page's default).
pub const DEFAULT_THRESHOLD: u64 = 5;

/// How an entry is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Shown,
    /// Below the threshold: "<5".
    Small,
    /// Hidden so that a small count or an attribute cannot be given back: "x".
    Hidden,
}

impl Mark {
    pub fn hidden(self) -> bool {
        self != Mark::Shown
    }
}

/// A published count: the number when it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub n: Option<u64>,
    pub mark: Mark,
}

impl Count {
    pub fn of(value: u64, mark: Mark) -> Count {
        Count {
            n: (!mark.hidden()).then_some(value),
            mark,
        }
    }

    /// "12", "<5" (below the threshold) or "x" (hidden so that another count stays hidden).
    pub fn text(self, threshold: u64, locale: crate::locale::Locale) -> String {
        match (self.n, self.mark) {
            (Some(n), _) => locale.integer(n),
            (None, Mark::Small) => format!("<{threshold}"),
            (None, _) => HIDDEN.to_string(),
        }
    }
}

/// How a count hidden for another's sake is written.
pub const HIDDEN: &str = "x";

/// The note under every protected table (Dutch and English).
pub fn note(threshold: u64, locale: crate::locale::Locale) -> String {
    match locale {
        crate::locale::Locale::Nl => format!(
            "Aantallen onder de {threshold} staan als \"<{threshold}\". Met \"x\" is een aantal verborgen zodat een klein \
             aantal niet uit de totalen terug te rekenen is, of omdat op die regel iedereen in één categorie valt. \
             Percentages en statistieken die een verborgen aantal zouden verraden, staan er niet of alleen als klasse."
        ),
        crate::locale::Locale::En => format!(
            "Counts below {threshold} show as \"<{threshold}\". \"x\" hides a count so that a small count cannot be \
             worked out from the totals, or because everyone on that line is in one category. Percentages and statistics \
             that would give a hidden count away are left out or shown as a class only."
        ),
    }
}

/// Inner entries that add up to a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub inner: Vec<usize>,
    pub total: usize,
    /// Whether "all but one category zero" on this line discloses an attribute (the categories of
    /// one variable; not a list of nodes or of cells of different rows).
    pub attribute: bool,
}

impl Line {
    pub fn new(inner: Vec<usize>, total: usize, attribute: bool) -> Line {
        Line {
            inner,
            total,
            attribute,
        }
    }
}

/// Counts linked by sums.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Linked {
    pub values: Vec<u64>,
    pub lines: Vec<Line>,
    /// Entries derived from the others for a summary (a classification cell): hidden first when
    /// a line must be released.
    pub derived: Vec<bool>,
}

impl Linked {
    /// A new entry with this count; its index.
    pub fn entry(&mut self, value: u64) -> usize {
        self.values.push(value);
        self.derived.push(false);
        self.values.len() - 1
    }

    /// A new entry derived from others (see [`Linked::derived`]).
    pub fn derived_entry(&mut self, value: u64) -> usize {
        let e = self.entry(value);
        self.derived[e] = true;
        e
    }
}

/// The marks of every entry of `t` for `threshold` (0 or 1 hides nothing): the rules above, then
/// [`feasible`] on the result; where a hidden entry could still take fewer than `threshold`
/// values, a shown total of one of its lines is hidden too (releasing that line), and again.
pub fn protect(t: &Linked, threshold: u64) -> Vec<Mark> {
    let mut marks = rules(t, threshold, None);

    if threshold <= 1 {
        return marks;
    }
    let grand: u64 = t.values.iter().copied().max().unwrap_or(0);
    let upper = grand + 4 * threshold;
    // Hiding more only loosens the lines: an entry found free stays free.
    let mut free = vec![false; t.values.len()];
    for _ in 0..t.values.len() {
        let known: Vec<Known> = t
            .values
            .iter()
            .zip(&marks)
            .map(|(&v, &m)| Known::of(Count::of(v, m), threshold))
            .collect();
        let Some((lo, hi)) = bounded(&t.lines, &known, upper) else {
            return marks;
        };
        let mut need = needs(&t.lines, &known, threshold, upper);
        let mut weak = None;
        // Summaries (derived entries) need no room of their own: the counts they sum are checked.
        let open: Vec<usize> = (0..known.len())
            .filter(|&e| marks[e].hidden() && !free[e] && !t.derived[e])
            .collect();
        for e in open {
            if values_of(&t.lines, &lo, &hi, e, need[e], &|_| true, &t.values).values < need[e] {
                need[e] = exact_need(&t.lines, &known, upper, e, need[e]);
                if values_of(&t.lines, &lo, &hi, e, need[e], &|_| true, &t.values).values < need[e] {
                    weak = Some(e);
                    break;
                }
            }
            free[e] = true;
        }
        let Some(e) = weak else {
            return marks;
        };

        // Release it: hide a shown entry linked to it, as near to it as will do.
        let mut reached = vec![false; t.values.len()];
        reached[e] = true;
        let mut frontier = vec![e];
        // Shown entries linked to it, with how many lines away they are.
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        let mut distance = 0;
        // "<5"s in the way, nearest first (when nothing shown is left to hide, they become "x").
        let mut smalls: Vec<usize> = if marks[e] == Mark::Small { vec![e] } else { Vec::new() };
        while !frontier.is_empty() {
            let members: Vec<usize> = t
                .lines
                .iter()
                .filter(|l| frontier.iter().any(|&f| l.total == f || l.inner.contains(&f)))
                .flat_map(|l| std::iter::once(l.total).chain(l.inner.iter().copied()))
                .filter(|&x| !reached[x])
                .collect();
            frontier = members;
            frontier.sort_unstable();
            frontier.dedup();
            distance += 1;
            for &x in &frontier {
                reached[x] = true;
                if !marks[x].hidden() {
                    candidates.push((x, distance));
                } else if marks[x] == Mark::Small {
                    smalls.push(x);
                }
            }
        }
        // Nearest first (a count beside it rather than a margin far up the tree), derived entries
        // (summaries) before counts, then the smallest: the least a reader loses.
        candidates.sort_by_key(|&(x, d)| (d, std::cmp::Reverse(t.derived[x]), t.values[x]));
        let enough = need[e];
        let freed = |x: usize| {
            let mut k = known.clone();
            k[x] = Known::Unknown;
            bounded(&t.lines, &k, upper).map_or(0, |(lo, hi)| {
                values_of(&t.lines, &lo, &hi, e, enough, &|_| true, &t.values).values
            })
        };
        // Ring by ring outwards: the first entry that frees it, else the one of the ring that frees
        // it most when that is more than it has now; only then the next ring.
        let now = values_of(&t.lines, &lo, &hi, e, enough, &|_| true, &t.values).values;
        let mut pick = None;
        let mut overall: Option<(usize, usize)> = None;
        for ring in candidates.chunk_by(|a, b| a.1 == b.1) {
            let mut best: Option<(usize, usize)> = None;
            for &(x, _) in ring {
                let v = freed(x);
                if best.is_none_or(|(_, b)| v > b) {
                    best = Some((x, v));
                }
                if v >= enough {
                    break;
                }
            }
            if let Some((x, v)) = best {
                if v > now {
                    pick = Some(x);
                    break;
                }
                if overall.is_none_or(|(_, b)| v > b) {
                    overall = Some((x, v));
                }
            }
        }
        let pick = pick.or(overall.map(|(x, _)| x));
        match pick.or_else(|| smalls.first().copied()) {
            Some(x) => marks[x] = Mark::Hidden,
            None => return marks,
        }
        marks = rules(t, threshold, Some(marks));
    }
    marks
}

/// The rules: primary, attribute disclosure, then secondary until nothing changes (from `start`).
fn rules(t: &Linked, threshold: u64, start: Option<Vec<Mark>>) -> Vec<Mark> {
    let small = |n: u64| n > 0 && n < threshold;
    let mut marks: Vec<Mark> = start.unwrap_or_else(|| {
        t.values
            .iter()
            .map(|&n| if small(n) { Mark::Small } else { Mark::Shown })
            .collect()
    });
    if threshold <= 1 {
        return marks;
    }
    for line in t.lines.iter().filter(|l| l.attribute && l.inner.len() >= 2) {
        let positive = line.inner.iter().filter(|&&e| t.values[e] > 0).count();
        if positive == 1 {
            for &e in &line.inner {
                if marks[e] == Mark::Shown {
                    marks[e] = Mark::Hidden;
                }
            }
        }
    }
    loop {
        let mut changed = false;
        // A summary of hidden counts (a classification cell, the correct count) is hidden with them.
        for line in &t.lines {
            if t.derived[line.total] && !marks[line.total].hidden() && line.inner.iter().any(|&e| marks[e].hidden()) {
                marks[line.total] = Mark::Hidden;
                changed = true;
            }
        }
        for line in &t.lines {
            let hidden_inner: Vec<usize> = line.inner.iter().copied().filter(|&e| marks[e].hidden()).collect();
            let hidden = hidden_inner.len() + usize::from(marks[line.total].hidden());
            if hidden == 0 {
                continue;
            }
            let hidden_sum: u64 = hidden_inner.iter().map(|&e| t.values[e]).sum();
            let pinned = !marks[line.total].hidden() && !hidden_inner.is_empty() && hidden_sum < threshold;
            // A summary (derived) entry alone in its line is no secret of its own: what it sums
            // is checked on its other lines (and by the check below).
            let lone_summary = hidden == 1
                && line
                    .inner
                    .iter()
                    .chain([&line.total])
                    .any(|&e| marks[e].hidden() && t.derived[e] && marks[e] == Mark::Hidden);
            if (hidden != 1 || lone_summary) && !pinned {
                continue;
            }
            let visible = |e: &&usize| !marks[**e].hidden();
            let pick = line
                .inner
                .iter()
                .filter(visible)
                .filter(|&&e| t.values[e] > 0)
                .min_by_key(|&&e| t.values[e])
                .or_else(|| line.inner.iter().find(visible))
                .copied()
                .or((!marks[line.total].hidden()).then_some(line.total));
            if let Some(e) = pick {
                marks[e] = Mark::Hidden;
                changed = true;
            }
        }
        if !changed {
            return marks;
        }
    }
}

/// A p-value as it may be printed beside a table with hidden counts: its class only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PClass {
    Below0001,
    Below001,
    Below005,
    AtLeast005,
}

impl PClass {
    pub fn of(p: f64) -> PClass {
        if p < 0.001 {
            PClass::Below0001
        } else if p < 0.01 {
            PClass::Below001
        } else if p < 0.05 {
            PClass::Below005
        } else {
            PClass::AtLeast005
        }
    }

    /// "< 0,001", "≥ 0,05" (Dutch) or "< 0.001" (English).
    pub fn text(self, locale: crate::locale::Locale) -> String {
        let n = |x: f64, d| locale.number(x, d);
        match self {
            PClass::Below0001 => format!("< {}", n(0.001, 3)),
            PClass::Below001 => format!("< {}", n(0.01, 2)),
            PClass::Below005 => format!("< {}", n(0.05, 2)),
            PClass::AtLeast005 => format!("≥ {}", n(0.05, 2)),
        }
    }
}

/// What a reader knows of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Value(u64),
    /// "<t": one of 1 … t − 1.
    Below(u64),
    /// "x": anything.
    Unknown,
}

impl Known {
    /// What a published count tells a reader.
    pub fn of(c: Count, threshold: u64) -> Known {
        match (c.n, c.mark) {
            (Some(v), _) => Known::Value(v),
            (None, Mark::Small) => Known::Below(threshold),
            (None, _) => Known::Unknown,
        }
    }

    /// How many values a hidden entry must keep: as many as "<t" leaves open (t − 1), so that no
    /// hidden count, "<t" or "x", is known more closely than a small count is.
    fn needed(self, threshold: u64) -> usize {
        match self {
            Known::Value(_) => 0,
            Known::Below(t) => t.saturating_sub(1) as usize,
            Known::Unknown => threshold.saturating_sub(1) as usize,
        }
    }
}

/// What the checker found for one hidden entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feasible {
    pub entry: usize,
    /// Distinct values it can take in fillings that agree with what is shown (counted up to `needed`).
    pub values: usize,
    /// How many it must keep: t − 1 (all of 1 … t − 1 for "<t").
    pub needed: usize,
}

impl Feasible {
    pub fn ok(&self) -> bool {
        self.values >= self.needed
    }
}

/// For every hidden entry that is `judged` (a summary such as a classification cell is not: the
/// counts it sums are), how many values it can take in fillings of the hidden entries that
/// agree with what is shown (a "<t" is one of 1 … t − 1), the lines, and `also` (a further
/// condition on a whole filling, such as a printed statistic). Counting stops when an entry has
/// what it needs; `upper` bounds every entry (the grand total, or more when it is hidden). Exact:
/// bounds propagated over the lines, then a search for a filling per candidate value (a search
/// that runs out of its budget counts as not feasible, which can only make the check stricter).
pub fn feasible(
    lines: &[Line],
    known: &[Known],
    threshold: u64,
    upper: u64,
    also: &dyn Fn(&[u64]) -> bool,
    judged: &dyn Fn(usize) -> bool,
) -> Vec<Feasible> {
    let hidden: Vec<usize> = (0..known.len())
        .filter(|&e| !matches!(known[e], Known::Value(_)) && judged(e))
        .collect();
    let need = needs(lines, known, threshold, upper);
    let needed = |e: usize| need[e];
    let Some((lo, hi)) = bounded(lines, known, upper) else {
        return hidden
            .into_iter()
            .map(|entry| Feasible {
                entry,
                values: 0,
                needed: needed(entry),
            })
            .collect();
    };
    // One filling to search near (none within a large budget: nothing can be shown to be open).
    let mut budget = REFERENCE;
    let reference = exists(lines, &mut lo.clone(), &mut hi.clone(), also, &lo, &mut budget);
    hidden
        .iter()
        .map(|&e| {
            let values = reference
                .as_ref()
                .map_or(0, |r| values_of(lines, &lo, &hi, e, needed(e), also, r).values);
            let needed = if values < needed(e) {
                exact_need(lines, known, upper, e, needed(e))
            } else {
                needed(e)
            };
            Feasible {
                entry: e,
                values,
                needed,
            }
        })
        .collect()
}

/// A bound on every entry for checking a table whose grand total is hidden. A reader knows no
/// bound, but the check needs none that wide: the fillings it looks for, each hidden entry at a
/// few values, fit under the shown counts together with room for every entry to be `threshold`
/// more, and a narrower box can only make the check stricter (fewer fillings). A box of 2⁶² would
/// let bounds creep over the lines one unit per pass where they cannot all hold.
pub fn reader_upper(known: &[Known], threshold: u64) -> u64 {
    let shown: u64 = known
        .iter()
        .map(|k| match k {
            Known::Value(v) => *v,
            _ => 0,
        })
        .sum();
    shown.saturating_add(threshold.max(2).saturating_mul(known.len() as u64 + 1))
}

/// How many values each entry must keep: what "<t" leaves open (t − 1), but never more than the
/// small counts themselves leave it (a count inside a node of "<5" beside another "<5" is at most
/// 2 whatever else is hidden): the bounds when only the "<t" marks are known. Bounds can say more
/// than the marks leave (two "<5" whose sum is a third "<5" add up to 2, 3 or 4, which no bound on
/// either shows): where an entry falls short of this, [`exact_need`] counts.
fn needs(lines: &[Line], known: &[Known], threshold: u64, upper: u64) -> Vec<usize> {
    let bounds = bounded(lines, &marks_only(known), upper);
    (0..known.len())
        .map(|e| {
            let full = known[e].needed(threshold);
            match &bounds {
                Some((lo, hi)) => full.min((hi[e] - lo[e]).saturating_add(1).min(usize::MAX as u64) as usize),
                None => full,
            }
        })
        .collect()
}

/// What a reader knows with the shown numbers taken away: only the "<t" marks.
fn marks_only(known: &[Known]) -> Vec<Known> {
    known
        .iter()
        .map(|k| if let Known::Value(_) = k { Known::Unknown } else { *k })
        .collect()
}

/// How many values entry `e` can take when only the "<t" marks are known, up to `within` (its
/// [`needs`]): searched, so only for an entry that falls short; a search that runs out of its
/// budget leaves `within`.
fn exact_need(lines: &[Line], known: &[Known], upper: u64, e: usize, within: usize) -> usize {
    let Some((lo, hi)) = bounded(lines, &marks_only(known), upper) else {
        return within;
    };
    let mut budget = REFERENCE;
    let Some(reference) = exists(lines, &mut lo.clone(), &mut hi.clone(), &|_| true, &lo, &mut budget) else {
        return within;
    };
    let exact = values_of(lines, &lo, &hi, e, within, &|_| true, &reference);
    if exact.complete {
        exact.values
    } else {
        within
    }
}

/// Every entry's bounds from what is known, propagated over the lines (`None`: no filling at all).
fn bounded(lines: &[Line], known: &[Known], upper: u64) -> Option<(Vec<u64>, Vec<u64>)> {
    let (mut lo, mut hi): (Vec<u64>, Vec<u64>) = known
        .iter()
        .map(|k| match *k {
            Known::Value(v) => (v, v),
            Known::Below(t) => (1, t.saturating_sub(1).max(1)),
            Known::Unknown => (0, upper),
        })
        .unzip();
    propagate(lines, &mut lo, &mut hi).then_some((lo, hi))
}

/// How many values (at most `enough`) entry `e` can take in a filling within these bounds. The
/// search tries values near `reference` (a filling that agrees with everything) first.
fn values_of(
    lines: &[Line],
    lo: &[u64],
    hi: &[u64],
    e: usize,
    enough: usize,
    also: &dyn Fn(&[u64]) -> bool,
    reference: &[u64],
) -> Counted {
    let mut count = Counted {
        values: 0,
        complete: true,
    };
    // Each value tried costs one step and its search at most `PER_VALUE`; all of them together at
    // most `PER_VALUE` times what is needed, and a few more (counting stops there: not feasible).
    let mut total = PER_VALUE.saturating_mul(enough.saturating_add(2));
    let mut x = lo[e];
    while x <= hi[e] && count.values < enough {
        if total == 0 {
            count.complete = false;
            break;
        }
        total -= 1;
        let mut budget = PER_VALUE.min(total);
        let before = budget;
        if narrowed(lines, lo, hi, e, (x, x), also, reference, &mut budget).is_some() {
            count.values += 1;
        } else if budget == 0 {
            count.complete = false;
        }
        total -= before - budget;
        x += 1;
    }
    count
}

/// How many values an entry can take, and whether every search ended within its budget (when
/// not, `values` may be fewer than there are).
#[derive(Debug, Clone, Copy)]
struct Counted {
    values: usize,
    complete: bool,
}

/// The search for a first filling: how many steps it may take.
const REFERENCE: usize = 200_000;

/// The search for one value of one entry: how many steps it may take.
const PER_VALUE: usize = 20_000;

/// Passes over the lines before [`propagate`] stops narrowing. Bounds that only creep (a cycle of
/// lines that cannot all hold, each pass moving a bound by one) would otherwise take as many passes
/// as the bounds are wide; stopping early leaves them wider, which is still true of every filling.
const PASSES: usize = 256;

/// A domain wider than this is split in two rather than tried value by value.
const SPLIT: u64 = 16;

/// Narrow every entry's bounds by the lines until nothing changes; false when they cross.
fn propagate(lines: &[Line], lo: &mut [u64], hi: &mut [u64]) -> bool {
    for _ in 0..PASSES {
        let mut changed = false;
        for line in lines {
            let (slo, shi) = line
                .inner
                .iter()
                .fold((0u64, 0u64), |(a, b), &i| (a + lo[i], b.saturating_add(hi[i])));
            let t = line.total;
            // The total lies within the inner sums' range.
            if slo > lo[t] {
                lo[t] = slo;
                changed = true;
            }
            if shi < hi[t] {
                hi[t] = shi;
                changed = true;
            }
            if lo[t] > hi[t] {
                return false;
            }
            // Each inner entry: the total minus what the others can hold.
            for &i in &line.inner {
                let others_hi = shi.saturating_sub(hi[i]);
                let others_lo = slo - lo[i];
                let new_lo = lo[t].saturating_sub(others_hi);
                let new_hi = hi[t].saturating_sub(others_lo);
                if new_lo > lo[i] {
                    lo[i] = new_lo;
                    changed = true;
                }
                if new_hi < hi[i] {
                    hi[i] = new_hi;
                    changed = true;
                }
                if lo[i] > hi[i] {
                    return false;
                }
            }
        }
        if !changed {
            return true;
        }
    }
    true
}

/// A filling of the entries within their bounds that agrees with the lines and `also`, if the
/// search finds one within its budget. Entries with the fewest values go first; each tries the
/// value nearest `reference` first, then outwards.
fn exists(
    lines: &[Line],
    lo: &mut [u64],
    hi: &mut [u64],
    also: &dyn Fn(&[u64]) -> bool,
    reference: &[u64],
    budget: &mut usize,
) -> Option<Vec<u64>> {
    if *budget == 0 {
        return None;
    }
    *budget -= 1;
    let next = (0..lo.len()).filter(|&e| lo[e] < hi[e]).min_by_key(|&e| hi[e] - lo[e]);
    let Some(e) = next else {
        // Propagation that stopped at its passes may leave a filling whose lines do not add up.
        let holds = lines
            .iter()
            .all(|l| l.inner.iter().map(|&i| u128::from(lo[i])).sum::<u128>() == u128::from(lo[l.total]));
        return (holds && also(lo)).then(|| lo.to_vec());
    };
    let start = reference[e].clamp(lo[e], hi[e]);
    if hi[e] - lo[e] > SPLIT {
        // A wide domain: its two halves, the one holding the reference first. Propagation rules a
        // half out at once where a value-by-value search would try every value of it.
        let mid = lo[e] + (hi[e] - lo[e]) / 2;
        let mut halves = [(lo[e], mid), (mid + 1, hi[e])];
        if start > mid {
            halves.swap(0, 1);
        }
        for half in halves {
            if *budget == 0 {
                return None;
            }
            if let Some(f) = narrowed(lines, lo, hi, e, half, also, reference, budget) {
                return Some(f);
            }
        }
        return None;
    }
    let (mut up, mut down) = (Some(start), start.checked_sub(1).filter(|&x| x >= lo[e]));
    while up.is_some() || down.is_some() {
        // Alternate: start, start + 1, start − 1, start + 2, …
        let x = match (up, down) {
            (Some(u), Some(d)) if u - start <= start - d => {
                up = (u < hi[e]).then_some(u + 1);
                u
            }
            (Some(u), None) => {
                up = (u < hi[e]).then_some(u + 1);
                u
            }
            (_, Some(d)) => {
                down = d.checked_sub(1).filter(|&x| x >= lo[e]);
                d
            }
            (None, None) => unreachable!(),
        };
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        if let Some(f) = narrowed(lines, lo, hi, e, (x, x), also, reference, budget) {
            return Some(f);
        }
        if *budget == 0 {
            return None;
        }
    }
    None
}

/// [`exists`] with entry `e` narrowed to `from ..= to` and the bounds propagated.
#[allow(clippy::too_many_arguments)]
fn narrowed(
    lines: &[Line],
    lo: &[u64],
    hi: &[u64],
    e: usize,
    (from, to): (u64, u64),
    also: &dyn Fn(&[u64]) -> bool,
    reference: &[u64],
    budget: &mut usize,
) -> Option<Vec<u64>> {
    let (mut l, mut h) = (lo.to_vec(), hi.to_vec());
    l[e] = from;
    h[e] = to;
    if !propagate(lines, &mut l, &mut h) {
        return None;
    }
    exists(lines, &mut l, &mut h, also, reference, budget)
}

/// A count table with margins as linked lines: `cells[i][j]`, then row totals, column totals and
/// the grand total, in that order of entries. Rows and columns are attribute lines.
pub fn table(counts: &[Vec<u64>]) -> (Linked, TableEntries) {
    let r = counts.len();
    let c = counts.first().map_or(0, Vec::len);
    let mut t = Linked::default();
    let cells: Vec<Vec<usize>> = counts
        .iter()
        .map(|row| row.iter().map(|&n| t.entry(n)).collect())
        .collect();
    let rows: Vec<usize> = counts.iter().map(|row| t.entry(row.iter().sum())).collect();
    let cols: Vec<usize> = (0..c).map(|j| t.entry(counts.iter().map(|row| row[j]).sum())).collect();
    let total = t.entry(counts.iter().flatten().sum());
    for i in 0..r {
        t.lines.push(Line::new(cells[i].clone(), rows[i], c > 1));
    }
    for j in 0..c {
        t.lines
            .push(Line::new((0..r).map(|i| cells[i][j]).collect(), cols[j], r > 1));
    }
    t.lines.push(Line::new(rows.clone(), total, false));
    t.lines.push(Line::new(cols.clone(), total, false));
    (
        t,
        TableEntries {
            cells,
            rows,
            cols,
            total,
        },
    )
}

/// Where the parts of a [`table`] are among its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEntries {
    pub cells: Vec<Vec<usize>>,
    pub rows: Vec<usize>,
    pub cols: Vec<usize>,
    pub total: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn known(t: &Linked, marks: &[Mark], threshold: u64) -> Vec<Known> {
        t.values
            .iter()
            .zip(marks)
            .map(|(&v, &m)| Known::of(Count::of(v, m), threshold))
            .collect()
    }

    #[test]
    fn a_frequency_table_hides_a_partner_and_a_pure_line_hides_everything() {
        let (t, e) = table(&[vec![30], vec![3], vec![7]]);
        let m = protect(&t, 5);
        assert_eq!(
            e.cells.iter().map(|c| m[c[0]]).collect::<Vec<_>>(),
            [Mark::Shown, Mark::Small, Mark::Hidden]
        );
        assert_eq!(m[e.total], Mark::Shown);
        // Everyone in one category: the categories are hidden, whatever their size.
        let (t, e) = table(&[vec![0], vec![733], vec![0]]);
        let m = protect(&t, 5);
        assert!(e.cells.iter().all(|c| m[c[0]] == Mark::Hidden));
    }

    #[test]
    fn hidden_entries_of_a_line_add_up_to_the_threshold() {
        // 1 and 2 hidden with a shown total would each be one of four values: 50 goes too.
        let (t, e) = table(&[vec![1], vec![2], vec![50], vec![60]]);
        let m = protect(&t, 5);
        assert!(m[e.cells[2][0]].hidden());
        let k = known(&t, &m, 5);
        let f = feasible(&t.lines, &k, 5, 113, &|_| true, &|_| true);
        assert!(f.iter().all(Feasible::ok), "{f:?}");
    }

    #[test]
    fn a_search_in_a_wide_box_ends() {
        // x1 = x0 + 1 and x0 = x1 + x2 cannot both hold, and their bounds creep one unit per pass
        // over the lines. In a box of 2⁶² the search once tried value after value without end.
        let lines = [Line::new(vec![0, 3], 1, false), Line::new(vec![1, 2], 0, false)];
        let known = [Known::Unknown, Known::Unknown, Known::Unknown, Known::Value(1)];
        let f = feasible(&lines, &known, 5, u64::MAX / 4, &|_| true, &|_| true);
        assert_eq!(f.len(), 3);
        assert!(f.iter().all(|f| f.values == 0 && !f.ok()), "{f:?}");
    }

    proptest! {
        /// Every hidden count of a published table can take at least `threshold` values.
        #[test]
        fn no_hidden_count_can_be_pinned(counts in prop::collection::vec(prop::collection::vec(0u64..12, 1..5), 1..5), t in 2u64..6) {
            let c = counts[0].len();
            let counts: Vec<Vec<u64>> = counts.into_iter().map(|mut r| { r.resize(c, 0); r }).collect();
            let (linked, _) = table(&counts);
            let marks = protect(&linked, t);
            for (e, &v) in linked.values.iter().enumerate() {
                if v > 0 && v < t { prop_assert!(marks[e].hidden()); }
            }
            let k = known(&linked, &marks, t);
            let total: u64 = counts.iter().flatten().sum();
            let upper = if marks[linked.values.len() - 1].hidden() { total + 3 * t } else { total };
            for f in feasible(&linked.lines, &k, t, upper, &|_| true, &|_| true) {
                prop_assert!(f.ok(), "{:?} of {:?} with {:?}", f, counts, marks);
            }
        }
    }
}
