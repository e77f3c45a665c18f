//! The generalisation lattice: every combination of levels of the
//! quasi-identifiers' hierarchies. The search finds the combination with the
//! least information loss whose classes are k-anonymous and l-diverse once
//! the records of unsafe classes are suppressed (at most `max_suppressed`);
//! then local suppression blanks the fewest cells that make those records safe.
//!
//! Records are first grouped by their level-0 values (each node is then
//! evaluated on the distinct combinations, not on every record), and nodes are
//! visited in order of their generalisation loss, which bounds their total loss
//! from below: the search stops when no unvisited node can beat the best.
//! Hierarchies are nested, so generalising only merges classes: a node finer
//! than one with too many unsafe records has too many too and is skipped, and
//! a node's classes are rolled up from those of an evaluated finer node (ARX's
//! predictive tagging and roll-up).

use std::collections::HashMap;

use super::dimensions::Coding;

/// What a sensitive attribute contributes per record: one bit per value (values
/// beyond 64 share bits, which can only make the diversity look lower: safe).
pub fn value_bits(codes: &[u32], present: impl Fn(usize) -> bool) -> Vec<u64> {
    codes
        .iter()
        .enumerate()
        .map(|(r, &c)| if present(r) { 1u64 << (c % 64) } else { 0 })
        .collect()
}

/// What a safe class needs: k records, l distinct values of each sensitive attribute (one bit
/// word per attribute), and, when asked, t-closeness (a histogram per attribute after the bits).
/// A class's profile is the bit words followed by the histograms; merging ORs the one and adds
/// the other.
pub struct Requirement {
    pub k: usize,
    pub l: usize,
    /// Sensitive attributes (bit words per profile).
    pub s: usize,
    pub t: Option<Closeness>,
}

/// t-closeness as a requirement: each attribute's codes (missing: `u32::MAX`), its number of
/// values, and the file's distribution of them.
pub struct Closeness {
    pub t: f64,
    pub codes: Vec<Vec<u32>>,
    offsets: Vec<usize>,
    overall: Vec<f64>,
}

impl Closeness {
    pub fn new(t: f64, codes: Vec<Vec<u32>>, cards: &[usize]) -> Closeness {
        let mut offsets = vec![0];
        for c in cards {
            offsets.push(offsets.last().expect("one") + c);
        }
        let mut overall = vec![0f64; *offsets.last().expect("one")];
        for (a, codes) in codes.iter().enumerate() {
            let present: Vec<u32> = codes.iter().copied().filter(|&c| c != u32::MAX).collect();
            for &c in &present {
                overall[offsets[a] + c as usize] += 1.0 / present.len() as f64;
            }
        }
        Closeness {
            t,
            codes,
            offsets,
            overall,
        }
    }
}

impl Requirement {
    /// Words in a profile.
    fn width(&self) -> usize {
        self.s + self.t.as_ref().map_or(0, |t| t.overall.len())
    }

    fn merge(&self, into: &mut [u64], from: &[u64]) {
        for j in 0..self.s {
            into[j] |= from[j];
        }
        for j in self.s..into.len() {
            into[j] += from[j];
        }
    }

    /// A record's profile.
    fn profile(&self, bits: &[Vec<u64>], row: usize) -> Vec<u64> {
        let mut p = vec![0u64; self.width()];
        for (j, b) in bits.iter().enumerate() {
            p[j] = b[row];
        }
        if let Some(t) = &self.t {
            for (a, codes) in t.codes.iter().enumerate() {
                if codes[row] != u32::MAX {
                    p[self.s + t.offsets[a] + codes[row] as usize] += 1;
                }
            }
        }
        p
    }

    fn safe(&self, count: u32, profile: &[u64]) -> bool {
        if (count as usize) < self.k || profile[..self.s].iter().any(|b| (b.count_ones() as usize) < self.l) {
            return false;
        }
        let Some(t) = &self.t else { return true };
        let hist = &profile[self.s..];
        t.offsets.windows(2).all(|w| {
            let n: u64 = hist[w[0]..w[1]].iter().sum();
            n == 0
                || (w[0]..w[1])
                    .map(|v| (hist[v] as f64 / n as f64 - t.overall[v]).max(0.0))
                    .sum::<f64>()
                    <= t.t + 1e-12
        })
    }
}

/// Records grouped by their level-0 quasi-identifier values.
struct Base {
    /// `codes[b * q + i]`: level-0 code of quasi-identifier i in group b.
    codes: Vec<u32>,
    counts: Vec<u32>,
    /// `bits[b * s + j]`: values of sensitive attribute j in group b.
    bits: Vec<u64>,
    /// Each record's group.
    group_of: Vec<u32>,
}

fn width(cardinality: usize) -> u32 {
    usize::BITS - cardinality.leading_zeros()
}

fn base(h: &[&Coding], sensitive: &[Vec<u64>], req: &Requirement, rows: usize) -> Base {
    let (q, s) = (h.len(), req.width());
    let mut ids: HashMap<u128, u32> = HashMap::new();
    let mut b = Base {
        codes: Vec::new(),
        counts: Vec::new(),
        bits: Vec::new(),
        group_of: Vec::with_capacity(rows),
    };
    for row in 0..rows {
        let mut key = 0u128;
        for x in h {
            key = key << width(x.cardinality(0)) | x.codes[row] as u128;
        }
        let next = ids.len() as u32;
        let id = *ids.entry(key).or_insert(next);
        if id == next {
            b.codes.extend(h.iter().map(|x| x.codes[row]));
            b.counts.push(0);
            b.bits.extend(std::iter::repeat_n(0, s));
        }
        b.counts[id as usize] += 1;
        let profile = req.profile(sensitive, row);
        let at = id as usize * s;
        req.merge(&mut b.bits[at..at + s], &profile);
        b.group_of.push(id);
    }
    debug_assert_eq!(b.codes.len(), b.counts.len() * q);
    b
}

/// Groups of records with their count and value bits, each with a base group standing for it:
/// the base groups themselves, or the classes of an evaluated node.
struct Items {
    reps: Vec<u32>,
    counts: Vec<u32>,
    bits: Vec<u64>,
}

impl Items {
    fn of_base(b: &Base) -> Items {
        Items {
            reps: (0..b.counts.len() as u32).collect(),
            counts: b.counts.clone(),
            bits: b.bits.clone(),
        }
    }
}

/// The classes at `levels` of items from a finer node (or the base).
fn roll(h: &[&Coding], b: &Base, from: &Items, req: &Requirement, levels: &[usize]) -> Items {
    let s = req.width();
    let q = h.len();
    let mut ids: HashMap<u128, u32> = HashMap::with_capacity(from.counts.len() / 4 + 16);
    let mut out = Items {
        reps: Vec::new(),
        counts: Vec::new(),
        bits: Vec::new(),
    };
    for (g, &rep) in from.reps.iter().enumerate() {
        let rep = rep as usize;
        let mut key = 0u128;
        for (i, x) in h.iter().enumerate() {
            let code = x.maps[levels[i]][b.codes[rep * q + i] as usize];
            key = key << width(x.cardinality(levels[i])) | code as u128;
        }
        let next = ids.len() as u32;
        let id = *ids.entry(key).or_insert(next) as usize;
        if id == next as usize {
            out.reps.push(rep as u32);
            out.counts.push(0);
            out.bits.extend(std::iter::repeat_n(0, s));
        }
        out.counts[id] += from.counts[g];
        req.merge(&mut out.bits[id * s..(id + 1) * s], &from.bits[g * s..(g + 1) * s]);
    }
    out
}

/// Whether node `a` is finer than or equal to node `b` in every dimension.
fn finer(h: &[&Coding], a: &[usize], b: &[usize]) -> bool {
    h.iter().zip(a.iter().zip(b)).all(|(x, (&sa, &sb))| {
        let ((band_a, kept_a), (band_b, kept_b)) = (x.shape[sa], x.shape[sb]);
        band_a <= band_b && kept_a >= kept_b
    })
}

/// Roll-up sources kept in memory, at most this many classes in all.
const CACHE_CLASSES: usize = 2_000_000;

/// Classes of one node: each base group's class, and each class's count and value bits.
struct Classes {
    class_of: Vec<u32>,
    counts: Vec<u32>,
    bits: Vec<u64>,
    keys: Vec<u128>,
}

fn classes(h: &[&Coding], b: &Base, req: &Requirement, levels: &[usize]) -> Classes {
    let s = req.width();
    let q = h.len();
    let mut ids: HashMap<u128, u32> = HashMap::with_capacity(b.counts.len() / 4 + 16);
    let mut c = Classes {
        class_of: Vec::with_capacity(b.counts.len()),
        counts: Vec::new(),
        bits: Vec::new(),
        keys: Vec::new(),
    };
    for g in 0..b.counts.len() {
        let mut key = 0u128;
        for (i, x) in h.iter().enumerate() {
            let code = x.maps[levels[i]][b.codes[g * q + i] as usize];
            key = key << width(x.cardinality(levels[i])) | code as u128;
        }
        let next = ids.len() as u32;
        let id = *ids.entry(key).or_insert(next);
        if id == next {
            c.counts.push(0);
            c.bits.extend(std::iter::repeat_n(0, s));
            c.keys.push(key);
        }
        c.counts[id as usize] += b.counts[g];
        let at = id as usize * s;
        req.merge(&mut c.bits[at..at + s], &b.bits[g * s..(g + 1) * s]);
        c.class_of.push(id);
    }
    c
}

/// The chosen levels, and how each record comes out: `suppressed[row]` has bit i set when
/// quasi-identifier i is blanked in that record; `removed` rows are left out of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub levels: Vec<usize>,
    pub suppressed: Vec<u32>,
    pub removed: Vec<bool>,
    pub suppressed_cells: usize,
    pub removed_records: usize,
    /// Information loss: the mean over quasi-identifier cells of level/height
    /// (1 for a blanked cell or a removed record).
    pub loss: f64,
    pub nodes: usize,
    pub evaluated: usize,
}

/// Generalisation loss of a node: the weighted mean of level/height.
fn generalisation_loss(h: &[&Coding], weights: &[f64], levels: &[usize]) -> f64 {
    let total: f64 = weights.iter().sum();
    h.iter()
        .zip(levels)
        .zip(weights)
        .map(|((x, &l), w)| w * x.losses[l])
        .sum::<f64>()
        / total.max(f64::MIN_POSITIVE)
}

/// Find the least-loss node (each dimension in one of its `allowed` states) and suppress locally.
/// `None` when no node is safe enough: the whole file is not l-diverse (fewer than l distinct
/// values) or has fewer than k records.
#[allow(clippy::too_many_arguments)]
pub fn search(
    h: &[&Coding],
    weights: &[f64],
    allowed: &[Vec<usize>],
    sensitive: &[Vec<u64>],
    req: &Requirement,
    rows: usize,
    max_suppressed: usize,
) -> Option<Solution> {
    let s = req.width();
    let b = base(h, sensitive, req, rows);
    // Every node, by generalisation loss (then fewer levels, then the order of the quasi-identifiers).
    let mut nodes: Vec<Vec<usize>> = vec![Vec::new()];
    for states in allowed {
        nodes = nodes
            .into_iter()
            .flat_map(|n| {
                states.iter().map(move |&l| {
                    let mut m = n.clone();
                    m.push(l);
                    m
                })
            })
            .collect();
    }
    let total = nodes.len();
    let mut ranked: Vec<(f64, Vec<usize>)> = nodes
        .into_iter()
        .map(|n| (generalisation_loss(h, weights, &n), n))
        .collect();
    ranked.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.iter().sum::<usize>().cmp(&b.1.iter().sum()))
    });
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut evaluated = 0;
    let base_items = Items::of_base(&b);
    let mut infeasible: Vec<Vec<usize>> = Vec::new();
    let mut cache: Vec<(Vec<usize>, Items)> = Vec::new();
    for (lower, levels) in ranked {
        if best.as_ref().is_some_and(|(loss, _)| lower >= *loss) {
            break;
        }
        if infeasible.iter().any(|n| finer(h, &levels, n)) {
            continue;
        }
        evaluated += 1;
        let from = cache
            .iter()
            .filter(|(n, _)| finer(h, n, &levels))
            .min_by_key(|(_, items)| items.counts.len())
            .map_or(&base_items, |(_, items)| items);
        let c = roll(h, &b, from, req, &levels);
        let unsafe_records: usize = (0..c.counts.len())
            .filter(|&i| !req.safe(c.counts[i], &c.bits[i * s..(i + 1) * s]))
            .map(|i| c.counts[i] as usize)
            .sum();
        if c.counts.len() < from.counts.len() {
            let held: usize = cache.iter().map(|(_, items)| items.counts.len()).sum();
            if held + c.counts.len() <= CACHE_CLASSES {
                cache.push((levels.clone(), c));
            }
        }
        if unsafe_records > max_suppressed {
            infeasible.retain(|n| !finer(h, n, &levels));
            infeasible.push(levels);
            continue;
        }
        let share = unsafe_records as f64 / rows.max(1) as f64;
        let loss = lower * (1.0 - share) + share;
        if best.as_ref().is_none_or(|(l0, _)| loss < *l0) {
            best = Some((loss, levels));
        }
    }
    // Nothing within the suppression budget: the coarsest node, where local suppression may also
    // blank the dimensions the user or the purpose limited (as a last resort).
    let levels = best.map_or_else(
        || allowed.iter().map(|a| *a.last().expect("a state")).collect(),
        |(_, l)| l,
    );
    let mut solution = suppress(h, weights, &b, req, &levels, allowed);
    solution.nodes = total;
    solution.evaluated = evaluated;
    (solution.removed_records < rows || rows == 0).then_some(solution)
}

/// Local suppression at a node: the records of each unsafe class get the
/// smallest set of blanked quasi-identifiers that puts them in a safe class
/// (trying one, then two, … quasi-identifiers, the most detailed first);
/// records still unsafe with every quasi-identifier blanked are removed.
#[allow(clippy::too_many_arguments)]
fn suppress(
    h: &[&Coding],
    weights: &[f64],
    b: &Base,
    req: &Requirement,
    levels: &[usize],
    allowed: &[Vec<usize>],
) -> Solution {
    let q = h.len();
    let s = req.width();
    let c = classes(h, b, req, levels);
    let n_classes = c.counts.len();
    // Per class: the blanked set (None = not yet safe).
    let mut pattern: Vec<Option<u32>> = (0..n_classes)
        .map(|i| req.safe(c.counts[i], &c.bits[i * s..(i + 1) * s]).then_some(0))
        .collect();
    // Blanking sets: those that spare the quasi-identifiers the user limited first; then fewer
    // blanks; among equal sizes the most detailed quasi-identifiers first.
    let detail = |i: usize| h[i].cardinality(levels[i]);
    let limited = (0..q)
        .filter(|&i| !allowed[i].contains(&h[i].height()))
        .fold(0u32, |m, i| m | 1 << i);
    let mut sets: Vec<u32> = (1..(1u32 << q)).collect();
    sets.sort_by_key(|&m| {
        let d: usize = (0..q).filter(|i| m >> i & 1 == 1).map(detail).sum();
        (m & limited != 0, m.count_ones(), std::cmp::Reverse(d), m)
    });
    // The bits of each quasi-identifier in a class key (the last one lowest).
    let mut masks = vec![0u128; q];
    let mut at = 0;
    for i in (0..q).rev() {
        let w = width(h[i].cardinality(levels[i]));
        masks[i] = ((1u128 << w) - 1) << at;
        at += w;
    }
    let blank_of = |set: u32| -> u128 { (0..q).filter(|i| set >> i & 1 == 1).fold(0u128, |m, i| m | masks[i]) };
    let mut fixed: HashMap<(u32, u128), (u32, Vec<u64>)> = HashMap::new();
    // Pool the open classes that look alike with `set` blanked; keep the pools that are safe.
    let pool = |set: u32, pattern: &mut [Option<u32>], fixed: &mut HashMap<(u32, u128), (u32, Vec<u64>)>| {
        let blank = blank_of(set);
        let mut tentative: HashMap<u128, (u32, Vec<u64>, Vec<usize>)> = HashMap::new();
        for i in (0..n_classes).filter(|&i| pattern[i].is_none()) {
            let e = tentative
                .entry(c.keys[i] & !blank)
                .or_insert_with(|| (0, vec![0; s], Vec::new()));
            e.0 += c.counts[i];
            req.merge(&mut e.1, &c.bits[i * s..(i + 1) * s]);
            e.2.push(i);
        }
        for (key, (count, bits, members)) in tentative {
            let (count0, mut merged) = fixed.get(&(set, key)).cloned().unwrap_or((0, vec![0; s]));
            req.merge(&mut merged, &bits);
            if req.safe(count + count0, &merged) {
                for i in members {
                    pattern[i] = Some(set);
                }
                fixed.insert((set, key), (count + count0, merged));
            }
        }
    };
    let everything = (1u32 << q) - 1;
    for &set in sets.iter().filter(|&&m| m != everything) {
        if pattern.iter().all(Option::is_some) {
            break;
        }
        pool(set, &mut pattern, &mut fixed);
    }
    // What is left joins a safe pool it matches (which stays safe), with the fewest blanks.
    for i in 0..n_classes {
        if pattern[i].is_some() {
            continue;
        }
        for &set in &sets {
            if let Some(entry) = fixed.get_mut(&(set, c.keys[i] & !blank_of(set))) {
                let mut merged = entry.1.clone();
                req.merge(&mut merged, &c.bits[i * s..(i + 1) * s]);
                // Joining may not make the pool unsafe (t-closeness can change; k and l cannot).
                if req.safe(entry.0 + c.counts[i], &merged) {
                    entry.0 += c.counts[i];
                    entry.1 = merged;
                    pattern[i] = Some(set);
                    break;
                }
            }
        }
    }
    // The rest with every quasi-identifier blanked, if that pool is safe.
    pool(everything, &mut pattern, &mut fixed);
    // Still too few or too alike: blank the cheapest safe pools (or classes) entirely and join them,
    // rather than leave records out; records are removed only if the whole file cannot be safe.
    let open: Vec<usize> = (0..n_classes).filter(|&i| pattern[i].is_none()).collect();
    if !open.is_empty() {
        let mut count: u32 = open.iter().map(|&i| c.counts[i]).sum();
        let mut bits = vec![0u64; s];
        for &i in &open {
            req.merge(&mut bits, &c.bits[i * s..(i + 1) * s]);
        }
        // Candidates: (pattern, key) → (count, extra blanked cells), cheapest first.
        let mut candidates: HashMap<(u32, u128), (u32, u64)> = HashMap::new();
        for i in 0..n_classes {
            if let Some(set) = pattern[i] {
                let key = c.keys[i] & !blank_of(set);
                let e = candidates.entry((set, key)).or_insert((0, 0));
                e.0 += c.counts[i];
                e.1 += c.counts[i] as u64 * (q as u32 - set.count_ones()) as u64;
            }
        }
        let mut order: Vec<((u32, u128), (u32, u64))> = candidates.into_iter().collect();
        order.sort_by_key(|&((set, key), (_, cost))| (cost, set, key));
        let mut chosen: Vec<(u32, u128)> = Vec::new();
        for ((set, key), (n, _)) in order {
            if req.safe(count, &bits) {
                break;
            }
            count += n;
            for i in 0..n_classes {
                if pattern[i] == Some(set) && c.keys[i] & !blank_of(set) == key {
                    req.merge(&mut bits, &c.bits[i * s..(i + 1) * s]);
                }
            }
            chosen.push((set, key));
        }
        if req.safe(count, &bits) {
            for i in 0..n_classes {
                let joins = match pattern[i] {
                    None => true,
                    Some(set) => chosen.contains(&(set, c.keys[i] & !blank_of(set))),
                };
                if joins {
                    pattern[i] = Some(everything);
                }
            }
        }
    }
    let rows = b.group_of.len();
    let mut suppressed = vec![0u32; rows];
    let mut removed = vec![false; rows];
    let (mut cells, mut gone) = (0usize, 0usize);
    let mut lost = 0.0;
    let level_loss: Vec<f64> = h.iter().zip(levels).map(|(x, &lv)| x.losses[lv]).collect();
    let total_weight: f64 = weights.iter().sum();
    for row in 0..rows {
        let class = c.class_of[b.group_of[row] as usize] as usize;
        match pattern[class] {
            Some(set) => {
                suppressed[row] = set;
                cells += set.count_ones() as usize;
                lost += (0..q)
                    .map(|i| weights[i] * if set >> i & 1 == 1 { 1.0 } else { level_loss[i] })
                    .sum::<f64>();
            }
            None => {
                removed[row] = true;
                gone += 1;
                lost += total_weight;
            }
        }
    }
    Solution {
        levels: levels.to_vec(),
        suppressed,
        removed,
        suppressed_cells: cells,
        removed_records: gone,
        loss: if rows == 0 || q == 0 {
            0.0
        } else {
            lost / (rows as f64 * total_weight)
        },
        nodes: 0,
        evaluated: 0,
    }
}
