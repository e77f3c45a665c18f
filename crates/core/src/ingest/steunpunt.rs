//! Which steunpunt a registration belongs to: a column, else the file name,
//! else a title row, matched against the known steunpunten.

use super::fold::fold_words;

/// The twenty steunpunten of the experiment.
pub const KNOWN: [&str; 20] = [
    "Alkmaar",
    "Almelo",
    "Amsterdam",
    "Arnhem",
    "Den Haag",
    "Deventer",
    "Drachten",
    "Eindhoven",
    "Enschede",
    "Groningen",
    "Haarlem",
    "Hengelo",
    "Leeuwarden",
    "Maastricht",
    "Nijmegen",
    "Rotterdam",
    "Tilburg",
    "Utrecht",
    "Zaandam",
    "Zwolle",
];

/// The known steunpunt named in `text` (file name, title or cell), if exactly one is.
pub fn find<'a>(text: &str, known: &'a [String]) -> Option<&'a str> {
    let folded = format!(" {} ", fold_words(text));
    let hits: Vec<&String> = known
        .iter()
        .filter(|k| folded.contains(&format!(" {} ", fold_words(k))))
        .collect();
    match hits.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    }
}

/// The default list (the twenty), plus any extra names (e.g. from a characteristics file).
pub fn known_with(extra: &[String]) -> Vec<String> {
    let mut all: Vec<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    for e in extra {
        if !all.iter().any(|a| fold_words(a) == fold_words(e)) {
            all.push(e.clone());
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_titles() {
        let k = known_with(&[]);
        assert_eq!(find("den_haag_deelnemers.csv", &k), Some("Den Haag"));
        assert_eq!(find("registratie_amsterdam_2010.xlsx", &k), Some("Amsterdam"));
        assert_eq!(
            find("Steunpunt Perspectief Den Haag - overzicht cliënten", &k),
            Some("Den Haag")
        );
        assert_eq!(find("export_clientsysteem.xlsx", &k), None);
        assert_eq!(find("Utrecht en Zwolle.xlsx", &k), None, "two names: ask the user");
        let k = known_with(&["Ede".to_string()]);
        assert_eq!(find("ede-2010.csv", &k), Some("Ede"));
    }
}
