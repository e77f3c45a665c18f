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

    /// A p-value as every table and drawing prints it ([`Locale::p_value`]).
    pub fn p_value(self, p: f64) -> String {
        self.locale().p_value(p)
    }

    /// A category label as shown ([`Locale::category`]).
    pub fn label(self, label: &str) -> String {
        self.locale().category(label)
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
