//! The check that the text says nothing the published object does not: every number equals
//! (to its printed decimals) the value its trace points at, no count is below the threshold,
//! a label's digits are in the name or category it points at, and the words between hold no
//! digit at all. The tests run it over every generated text; it needs only the JSON.

use serde_json::Value;

use super::{Narrative, Span, Trace};
use crate::disclosure::PClass;
use crate::locale::Locale;

/// What a number's text says of its value.
fn parse(text: &str, l: Locale) -> Option<(bool, f64, usize)> {
    let t = text.trim().trim_end_matches('%').trim();
    let (below, t) = match t.strip_prefix("< ") {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix("= ").unwrap_or(t)),
    };
    let (group, decimal) = match l {
        Locale::Nl => ('.', ','),
        Locale::En => (',', '.'),
    };
    let plain: String = t
        .chars()
        .filter(|&c| c != group)
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
    Some((below, plain.parse().ok()?, decimals))
}

fn at(json: &Value, pointer: &str) -> Result<f64, String> {
    json.pointer(pointer)
        .and_then(Value::as_f64)
        .ok_or_else(|| format!("{pointer}: no number there"))
}

fn digit_runs(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(String::from)
        .collect()
}

/// Every problem of `n` against `json` (empty when the text holds).
pub fn check(n: &Narrative, json: &Value, threshold: u64, l: Locale) -> Vec<String> {
    let mut problems = Vec::new();
    for span in n.paragraphs.iter().flat_map(|p| &p.spans) {
        match span {
            Span::Text { text } => {
                if text.chars().any(|c| c.is_ascii_digit()) {
                    problems.push(format!("a number without a trace in {text:?}"));
                }
            }
            Span::Label { text, at } => match json.pointer(at).and_then(Value::as_str) {
                Some(source) => {
                    for run in digit_runs(text) {
                        if !source.contains(&run) {
                            problems.push(format!("label {text:?}: {run} is not in {source:?} ({at})"));
                        }
                    }
                }
                None => problems.push(format!("label {text:?}: no text at {at}")),
            },
            Span::Number { text, trace } => {
                if let Err(e) = number(text, trace, json, threshold, l) {
                    problems.push(format!("{text:?}: {e}"));
                }
            }
        }
    }
    problems
}

fn number(text: &str, trace: &Trace, json: &Value, threshold: u64, l: Locale) -> Result<(), String> {
    let value = match trace {
        Trace::PClass { at } => {
            let class: PClass = json
                .pointer(at)
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .ok_or_else(|| format!("{at}: no p-value class there"))?;
            return if class.text(l) == text {
                Ok(())
            } else {
                Err(format!("{at} is {class:?}"))
            };
        }
        Trace::Value { at: p } => at(json, p)?,
        Trace::Percent { part, whole } => {
            let (a, b) = (at(json, part)?, at(json, whole)?);
            for (c, ptr) in [(a, part), (b, whole)] {
                if c > 0.0 && c < threshold as f64 {
                    return Err(format!("{ptr} = {c} is below the threshold {threshold}"));
                }
            }
            100.0 * a / b
        }
    };
    let (below, printed, decimals) = parse(text, l).ok_or("not a number")?;
    if below {
        return if value < printed {
            Ok(())
        } else {
            Err(format!("{value} is not below {printed}"))
        };
    }
    if (value - printed).abs() > 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9 {
        return Err(format!("{} is {value}", trace.at()));
    }
    let is_count = trace.at().ends_with("/n") && matches!(trace, Trace::Value { .. });
    if is_count && value > 0.0 && value < threshold as f64 {
        return Err(format!("a count below the threshold {threshold}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::narrative::{Paragraph, Trace};

    fn one(text: &str, at: &str) -> Narrative {
        Narrative {
            paragraphs: vec![Paragraph {
                spans: vec![Span::Number {
                    text: text.into(),
                    trace: Trace::Value { at: at.into() },
                }],
            }],
        }
    }

    #[test]
    fn the_check_fails_on_a_wrong_a_small_or_an_untraced_number() {
        let json = serde_json::json!({"n": {"n": 327}, "small": {"n": 3}, "p": 18.96, "q": 0.0004});
        assert!(check(&one("327", "/n/n"), &json, 5, Locale::Nl).is_empty());
        assert!(check(&one("19,0 %", "/p"), &json, 5, Locale::Nl).is_empty());
        assert!(check(&one("< 0,001", "/q"), &json, 5, Locale::Nl).is_empty());
        assert!(!check(&one("328", "/n/n"), &json, 5, Locale::Nl).is_empty());
        assert!(!check(&one("3", "/small/n"), &json, 5, Locale::Nl).is_empty());
        assert!(!check(&one("19,1 %", "/p"), &json, 5, Locale::Nl).is_empty());
        assert!(!check(&one("1.234", "/n/n"), &json, 5, Locale::Nl).is_empty());
        let untraced = Narrative {
            paragraphs: vec![Paragraph {
                spans: vec![Span::Text {
                    text: "Van de 12".into(),
                }],
            }],
        };
        assert!(!check(&untraced, &json, 5, Locale::Nl).is_empty());
    }
}
