//! The two languages of the interface. Dutch first; English as a toggle.

use perspectief_core::locale::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The text in this language: every visible string is written as a Dutch/English pair.
    pub fn pick(self, nl: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// "1 melding", "3 meldingen", "1 notice": a count with its noun, singular or plural, the
    /// number written the language's way.
    pub fn count(self, n: usize, nl: (&str, &str), en: (&str, &str)) -> String {
        let (one, many) = match self {
            Lang::Nl => nl,
            Lang::En => en,
        };
        format!(
            "{} {}",
            self.locale().integer(n as u64),
            if n == 1 { one } else { many }
        )
    }

    /// A p-value as every table and drawing prints it: three decimals as SPSS does, or
    /// "< 0,001" when smaller (never "0,000").
    pub fn p_value(self, p: f64) -> String {
        let loc = self.locale();
        if p < 0.001 {
            format!("< {}", loc.number(0.001, 3))
        } else {
            loc.number(p, 3)
        }
    }

    /// A category label as shown: the engine's `<missing>` in the user's language, and the
    /// bins of a scale variable (`<= 18.497`, `(5.355, 7.425]`, `> 23`) with a decimal comma
    /// in Dutch (and `;` between the two edges).
    /// A merged group ("<= 18.497; <missing>", categories joined with "; ") is converted part
    /// by part.
    pub fn label(self, label: &str) -> String {
        let label = label.replace("<missing>", self.pick("<ontbrekend>", "<missing>"));
        if self == Lang::En {
            return label;
        }
        if label.contains("; ") {
            return label
                .split("; ")
                .map(|part| self.label(part))
                .collect::<Vec<_>>()
                .join("; ");
        }
        let number = |t: &str| {
            let t = t.strip_prefix('-').unwrap_or(t);
            !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') && t.matches('.').count() <= 1
        };
        let comma = |t: &str| t.replace('.', ",");
        if let Some(x) = label.strip_prefix("<= ").filter(|x| number(x)) {
            return format!("<= {}", comma(x));
        }
        if let Some(x) = label.strip_prefix("> ").filter(|x| number(x)) {
            return format!("> {}", comma(x));
        }
        if let Some((a, b)) = label
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|r| r.split_once(", "))
            .filter(|(a, b)| number(a) && number(b))
        {
            return format!("({}; {}]", comma(a), comma(b));
        }
        label
    }

    /// A variable's label in this language: the data dictionary's, or a characteristic's
    /// header in words. Files and the recept keep the technical name.
    pub fn var(self, name: &str) -> String {
        perspectief_core::analysis::labels::label(name, self.locale())
    }

    pub fn locale(self) -> Locale {
        match self {
            Lang::Nl => Locale::Nl,
            Lang::En => Locale::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn counts_take_the_singular_for_one() {
        let m = (("melding", "meldingen"), ("notice", "notices"));
        assert_eq!(Lang::Nl.count(1, m.0, m.1), "1 melding");
        assert_eq!(Lang::Nl.count(1234, m.0, m.1), "1.234 meldingen");
        assert_eq!(Lang::En.count(0, m.0, m.1), "0 notices");
        assert_eq!(Lang::En.count(1, m.0, m.1), "1 notice");
    }

    #[test]
    fn p_values_are_printed_one_way() {
        assert_eq!(Lang::Nl.p_value(0.04567), "0,046");
        assert_eq!(Lang::Nl.p_value(0.0000123), "< 0,001");
        assert_eq!(Lang::En.p_value(0.0000123), "< 0.001");
        assert_eq!(Lang::Nl.label("C; <missing>"), "C; <ontbrekend>");
        assert_eq!(Lang::Nl.label("<= 18.497"), "<= 18,497");
        assert_eq!(Lang::Nl.label("(5.355, 7.425]"), "(5,355; 7,425]");
        assert_eq!(Lang::En.label("(5.355, 7.425]"), "(5.355, 7.425]");
        assert_eq!(Lang::Nl.label("Den Haag"), "Den Haag");
        assert_eq!(Lang::Nl.label("V.2836"), "V.2836");
        assert_eq!(Lang::Nl.label("> 18.497; <missing>"), "> 18,497; <ontbrekend>");
        assert_eq!(Lang::Nl.label("(2.3, 7.425]; <missing>"), "(2,3; 7,425]; <ontbrekend>");
    }
}
