//! The report writes itself: plain Dutch (or English) sentences about a published tree, table or
//! §7.5 comparison, in the style of the evaluation report's chapter 7. Every number in a sentence
//! carries where it comes from (a JSON pointer into the published object it was read from), so
//! the page can highlight the node or cell behind it and a test can check that each number is
//! one of the published values. The text is written from published objects only: a count the
//! disclosure rule hid is never in it, and a group below the threshold is named without a number.

use serde::{Deserialize, Serialize};

use crate::locale::Locale;

mod comparison;
mod en;
mod nl;
mod table;
pub mod trace;
mod tree;

pub use comparison::comparison;
pub use table::{means, table};
pub use tree::{report_text, tree, units_of, TreeFacts};

/// Where a number in the text comes from, as JSON pointers into the object the text describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trace {
    /// The value at the pointer (a count, a percentage, a mean, a p-value). A text starting with
    /// "< " states an upper bound of it ("p < 0,001").
    Value { at: String },
    /// 100 × part / whole: a percentage the table shows beside its counts.
    Percent { part: String, whole: String },
    /// The class of a p-value printed beside hidden counts (`"below001"` → "< 0,01").
    PClass { at: String },
}

impl Trace {
    /// The pointer the number is read from (for a percentage, its part).
    pub fn at(&self) -> &str {
        match self {
            Trace::Value { at } | Trace::PClass { at } => at,
            Trace::Percent { part, .. } => part,
        }
    }
}

/// A piece of a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Span {
    Text {
        text: String,
    },
    /// A name or category from the data (may hold digits: "(21, 23]"), and where it is.
    Label {
        text: String,
        at: String,
    },
    Number {
        text: String,
        trace: Trace,
    },
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text { text } | Span::Label { text, .. } | Span::Number { text, .. } => text,
        }
    }
}

/// One paragraph: a few sentences.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub spans: Vec<Span>,
}

/// The text about one tree, table or comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Narrative {
    pub paragraphs: Vec<Paragraph>,
}

/// Whom the counts are of: the analysis file's ex-AMV's, or the cases of any other data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    ExAmv,
    Cases,
}

impl Narrative {
    /// The text without its traces, a paragraph per line.
    pub fn plain(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| p.spans.iter().map(Span::text).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The text as HTML paragraphs; each number a focusable span that names its trace
    /// (`data-trace`), for the page's and the report's highlighting.
    pub fn html(&self) -> String {
        let esc = crate::write::escape_html;
        self.paragraphs
            .iter()
            .map(|p| {
                let inner: String = p
                    .spans
                    .iter()
                    .map(|s| match s {
                        Span::Number { text, trace } => format!(
                            "<span class=\"pf-trace\" tabindex=\"0\" data-trace=\"{}\">{}</span>",
                            esc(trace.at()),
                            esc(text)
                        ),
                        other => esc(other.text()),
                    })
                    .collect();
                format!("<p class=\"utrecht-paragraph pf-narrative\">{inner}</p>")
            })
            .collect()
    }
}

/// A sentence template of one language with `{key}` holes, filled with spans.
pub(crate) fn fill(template: &str, holes: &[(&str, Vec<Span>)]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("a closed hole");
        push_text(&mut out, &rest[..open]);
        let key = &rest[open + 1..close];
        let spans = &holes
            .iter()
            .find(|(k, _)| *k == key)
            .unwrap_or_else(|| panic!("no span for {{{key}}} in {template:?}"))
            .1;
        for s in spans {
            match s {
                Span::Text { text } => push_text(&mut out, text),
                other => out.push(other.clone()),
            }
        }
        rest = &rest[close + 1..];
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut Vec<Span>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Span::Text { text: last }) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Span::Text { text: text.to_string() });
    }
}

pub(crate) fn text(s: impl Into<String>) -> Vec<Span> {
    vec![Span::Text { text: s.into() }]
}

pub(crate) fn label(s: impl Into<String>, at: impl Into<String>) -> Vec<Span> {
    vec![Span::Label {
        text: s.into(),
        at: at.into(),
    }]
}

/// A count, as the locale writes it.
pub(crate) fn count(n: u64, at: impl Into<String>, l: Locale) -> Vec<Span> {
    vec![Span::Number {
        text: l.integer(n),
        trace: Trace::Value { at: at.into() },
    }]
}

/// A percentage with one decimal: "19,0 %" (Dutch), "19.0%" (English).
pub(crate) fn percent_text(x: f64, l: Locale) -> String {
    match l {
        Locale::Nl => format!("{} %", l.number(x, 1)),
        Locale::En => format!("{}%", l.number(x, 1)),
    }
}

pub(crate) fn percent(x: f64, trace: Trace, l: Locale) -> Vec<Span> {
    vec![Span::Number {
        text: percent_text(x, l),
        trace,
    }]
}

/// A number with `decimals` decimals (a mean, a statistic).
pub(crate) fn number(x: f64, decimals: usize, at: impl Into<String>, l: Locale) -> Vec<Span> {
    vec![Span::Number {
        text: l.number(x, decimals),
        trace: Trace::Value { at: at.into() },
    }]
}

/// A p-value: "= 0,003", or "< 0,001" below a thousandth.
pub(crate) fn p_value(p: f64, at: impl Into<String>, l: Locale) -> Vec<Span> {
    let text = if p < 0.001 {
        format!("< {}", l.number(0.001, 3))
    } else {
        format!("= {}", l.number(p, 3))
    };
    vec![Span::Number {
        text,
        trace: Trace::Value { at: at.into() },
    }]
}

/// Spans joined by ", " and a last " en " / " and ".
pub(crate) fn list(items: Vec<Vec<Span>>, and: &str) -> Vec<Span> {
    let n = items.len();
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            let sep = if i + 1 == n {
                format!(" {and} ")
            } else {
                ", ".to_string()
            };
            push_text(&mut out, &sep);
        }
        for s in item {
            match s {
                Span::Text { text } => push_text(&mut out, &text),
                other => out.push(other),
            }
        }
    }
    out
}

/// The words of one language.
pub(crate) fn words(l: Locale) -> &'static Words {
    match l {
        Locale::Nl => &nl::WORDS,
        Locale::En => &en::WORDS,
    }
}

/// Every template and word of the generated text, per language (`nl.rs`, `en.rs`).
pub(crate) struct Words {
    pub and: &'static str,
    pub or: &'static str,
    pub ex_amv: &'static str,
    pub cases: &'static str,
    /// `{p}` of the units had the outcome: per outcome variable of the analysis file.
    /// Per outcome variable: its share with `{p}`, "the share who …", the outcome as a topic
    /// ("vertrek met onbekende bestemming (MOB)") and "(the ex-AMV's) who …".
    pub outcomes: &'static [(&'static str, &'static str, &'static str, &'static str, &'static str)],
    /// `{p}` of the units had `{target}` = `{class}`.
    pub outcome_generic: &'static str,
    pub share_generic: &'static str,
    pub who_generic: &'static str,
    /// The missing category (`<missing>` in a branch).
    pub missing: &'static str,
    /// The decimal sign in a category's number.
    pub decimal: char,
    pub within: &'static str,
    pub root_class: &'static str,
    pub root_mean: &'static str,
    pub root_one_class: &'static str,
    pub no_split: &'static str,
    pub first_split: &'static str,
    pub significance: &'static str,
    pub significance_hidden: &'static str,
    pub split_two: &'static str,
    pub split_two_mean: &'static str,
    pub split_many: &'static str,
    pub group_class: &'static str,
    pub group_mean: &'static str,
    pub group_small: &'static str,
    pub condition: &'static str,
    pub extremes: &'static str,
    pub extremes_mean: &'static str,
    pub classified: &'static str,
    /// Before "highest … lowest" when some group is hidden: the comparison is among the shown.
    pub among_shown: &'static str,
    pub small_groups: &'static str,
    pub cmp_both: &'static str,
    pub cmp_more: &'static str,
    pub cmp_same: &'static str,
    pub cmp_none: &'static str,
    pub cmp_overall: &'static str,
    pub cmp_missing: &'static str,
    pub cmp_roots: &'static str,
    pub cmp_no_root: &'static str,
    pub freq_intro: &'static str,
    pub freq_item: &'static str,
    pub freq_item_small: &'static str,
    pub freq_missing: &'static str,
    pub cross_two: &'static str,
    pub cross_many: &'static str,
    pub cross_overall: &'static str,
    pub chi: &'static str,
    pub chi_class: &'static str,
    pub not_significant: &'static str,
    pub significant: &'static str,
    pub means_extremes: &'static str,
    pub means_overall: &'static str,
    pub means_no_test: &'static str,
}

/// The outcome a text follows: an outcome variable's "ja" in words, or any `target = class`.
pub(crate) struct Outcome {
    pub var: String,
    pub target: Vec<Span>,
    pub class: Vec<Span>,
    pub yes: bool,
}

impl Outcome {
    fn known(
        &self,
        w: &Words,
    ) -> Option<&'static (&'static str, &'static str, &'static str, &'static str, &'static str)> {
        w.outcomes.iter().find(|o| o.0 == self.var).filter(|_| self.yes)
    }

    /// "vertrok 19,0 % met onbekende bestemming", with `p` in its hole.
    pub fn with(&self, w: &Words, p: Vec<Span>) -> Vec<Span> {
        match self.known(w) {
            Some(o) => fill(o.1, &[("p", p)]),
            None => fill(
                w.outcome_generic,
                &[("p", p), ("target", self.target.clone()), ("class", self.class.clone())],
            ),
        }
    }

    /// "Het percentage dat met onbekende bestemming vertrok".
    pub fn share(&self, w: &Words) -> Vec<Span> {
        match self.known(w) {
            Some(o) => text(o.2),
            None => fill(
                w.share_generic,
                &[("target", self.target.clone()), ("class", self.class.clone())],
            ),
        }
    }

    /// "vertrek met onbekende bestemming (MOB)", or the dependent's name.
    pub fn topic(&self, w: &Words) -> Vec<Span> {
        match self.known(w) {
            Some(o) => text(o.3),
            None => self.target.clone(),
        }
    }

    /// "die met onbekende bestemming vertrokken", or "met mob = ja".
    pub fn who(&self, w: &Words) -> Vec<Span> {
        match self.known(w) {
            Some(o) => text(o.4),
            None => fill(
                w.who_generic,
                &[("target", self.target.clone()), ("class", self.class.clone())],
            ),
        }
    }
}

/// `sentence` compared among the groups shown only, when `some_hidden`: the words say so (a
/// hidden group may lie beyond the highest or the lowest; the text must not claim otherwise).
pub(crate) fn among_shown(w: &Words, some_hidden: bool, sentence: Vec<Span>) -> Vec<Span> {
    if !some_hidden {
        return sentence;
    }
    let mut out = text(w.among_shown);
    let mut rest = sentence.into_iter();
    if let Some(first) = rest.next() {
        out.extend(lowercased(first));
    }
    out.extend(rest);
    out
}

fn lowercased(s: Span) -> Vec<Span> {
    match s {
        Span::Text { text } => {
            let mut chars = text.chars();
            let t: String = chars
                .next()
                .map(|f| f.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            vec![Span::Text { text: t }]
        }
        other => vec![other],
    }
}

/// Whether a category reads as "yes" (the class an outcome's words describe).
pub(crate) fn is_yes(category: &str) -> bool {
    ["ja", "yes", "1"].iter().any(|y| category.eq_ignore_ascii_case(y))
}

impl Words {
    pub(crate) fn units(&self, u: Units) -> &'static str {
        match u {
            Units::ExAmv => self.ex_amv,
            Units::Cases => self.cases,
        }
    }
}

/// A binned number's label as the language writes it: `<= 18.5` as `≤ 18,5` in Dutch. Only a
/// point between digits is a decimal point.
fn interval(p: &str, decimal: char) -> String {
    let chars: Vec<char> = p.replace("<=", "≤").replace(">=", "≥").chars().collect();
    (0..chars.len())
        .map(|i| {
            let between =
                i > 0 && i + 1 < chars.len() && chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit();
            if chars[i] == '.' && between {
                decimal
            } else {
                chars[i]
            }
        })
        .collect()
}

/// "a; b; c" (a branch or group label) as "a, b of c", the missing category in words.
pub(crate) fn categories(label: &str, w: &Words) -> String {
    let or = w.or;
    let parts: Vec<String> = label
        .split("; ")
        .map(|p| {
            if p == "<missing>" {
                w.missing.to_string()
            } else {
                interval(p, w.decimal)
            }
        })
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_their_holes_and_keep_numbers_apart() {
        let s = fill(
            "Van de {n} vertrok {p}.",
            &[
                ("n", count(327, "/n", Locale::Nl)),
                ("p", percent(19.0, Trace::Value { at: "/p".into() }, Locale::Nl)),
            ],
        );
        let n = Narrative {
            paragraphs: vec![Paragraph { spans: s }],
        };
        assert_eq!(n.plain(), "Van de 327 vertrok 19,0 %.");
        assert!(n.html().contains("data-trace=\"/p\">19,0 %</span>"));
        assert_eq!(categories("goed; slecht", words(Locale::Nl)), "goed of slecht");
        assert_eq!(categories("a; b; <missing>", words(Locale::En)), "a, b or unknown");
        assert_eq!(categories("<missing>", words(Locale::Nl)), "onbekend");
        assert_eq!(
            categories("> 18.497; <missing>", words(Locale::Nl)),
            "> 18,497 of onbekend"
        );
        assert_eq!(categories("<= 18.497", words(Locale::En)), "≤ 18.497");
        assert_eq!(categories("St. Maarten", words(Locale::Nl)), "St. Maarten");
        assert_eq!(p_value(0.0004, "/p", Locale::En)[0].text(), "< 0.001");
        assert_eq!(p_value(0.0123, "/p", Locale::Nl)[0].text(), "= 0,012");
    }
}
