//! Countries: Dutch names, aliases, land borders, and the region of origin.
//! Names compare after folding case and diacritics and through the alias table.

use crate::ingest::fold::fold;

/// Alias → the name used here (all folded when compared).
const ALIASES: &[(&str, &str)] = &[
    ("Congo (Democratische Republiek)", "Congo"),
    ("Democratische Republiek Congo", "Congo"),
    ("DR Congo", "Congo"),
    ("Congo-Kinshasa", "Congo"),
    ("Zaïre", "Congo"),
    ("Congo-Brazzaville", "Congo (Republiek)"),
    ("Republiek Congo", "Congo (Republiek)"),
    ("Ivoorkust", "Ivoorkust"),
    ("Côte d'Ivoire", "Ivoorkust"),
    ("Birma", "Myanmar"),
    ("Russische Federatie", "Rusland"),
    ("Volksrepubliek China", "China"),
    ("Soedan (Noord)", "Soedan"),
    ("Somaliland", "Somalië"),
    ("Guinee-Conakry", "Guinee"),
    ("Guinea", "Guinee"),
];

/// Nationalities that explain any difference with the country of origin.
pub fn explains_any(nationality: &str) -> Option<&'static str> {
    match fold(nationality).as_str() {
        "staatloos" | "stateless" | "vreemdelingstaatloos" => Some("staatloos"),
        "onbekend" | "unknown" | "onbekendenationaliteit" | "" => Some("onbekend"),
        "nederlandse" | "nederland" | "nederlands" => Some("Nederlandse nationaliteit"),
        _ => None,
    }
}

/// The canonical folded name of a country.
pub fn canonical(name: &str) -> String {
    static FOLDED: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let aliases = FOLDED.get_or_init(|| ALIASES.iter().map(|(a, to)| (fold(a), fold(to))).collect());
    let f = fold(name);
    aliases
        .iter()
        .find(|(alias, _)| *alias == f)
        .map_or(f, |(_, to)| to.clone())
}

pub fn same(a: &str, b: &str) -> bool {
    a == b || canonical(a) == canonical(b)
}

/// Land borders among the countries of origin of ex-AMV's (and their neighbours).
const BORDERS: &[(&str, &[&str])] = &[
    (
        "Afghanistan",
        &[
            "Iran",
            "Pakistan",
            "Turkmenistan",
            "Oezbekistan",
            "Tadzjikistan",
            "China",
        ],
    ),
    ("Albanië", &["Griekenland", "Noord-Macedonië", "Kosovo", "Montenegro"]),
    (
        "Algerije",
        &["Marokko", "Tunesië", "Libië", "Niger", "Mali", "Mauritanië"],
    ),
    ("Angola", &["Congo", "Congo (Republiek)", "Zambia", "Namibië"]),
    ("Azerbeidzjan", &["Armenië", "Georgië", "Iran", "Rusland", "Turkije"]),
    ("Bangladesh", &["India", "Myanmar"]),
    ("Benin", &["Togo", "Nigeria", "Niger", "Burkina Faso"]),
    (
        "Burkina Faso",
        &["Mali", "Niger", "Benin", "Togo", "Ghana", "Ivoorkust"],
    ),
    ("Burundi", &["Rwanda", "Tanzania", "Congo"]),
    (
        "China",
        &[
            "Mongolië",
            "Rusland",
            "Noord-Korea",
            "Vietnam",
            "Laos",
            "Myanmar",
            "India",
            "Bhutan",
            "Nepal",
            "Pakistan",
            "Afghanistan",
            "Tadzjikistan",
            "Kirgizië",
            "Kazachstan",
        ],
    ),
    ("Colombia", &["Venezuela", "Brazilië", "Peru", "Ecuador", "Panama"]),
    (
        "Congo",
        &[
            "Angola",
            "Congo (Republiek)",
            "Centraal-Afrikaanse Republiek",
            "Zuid-Soedan",
            "Oeganda",
            "Rwanda",
            "Burundi",
            "Tanzania",
            "Zambia",
        ],
    ),
    ("Egypte", &["Libië", "Soedan", "Israël"]),
    ("Eritrea", &["Ethiopië", "Soedan", "Djibouti"]),
    (
        "Ethiopië",
        &["Eritrea", "Djibouti", "Somalië", "Kenia", "Zuid-Soedan", "Soedan"],
    ),
    ("Gambia", &["Senegal"]),
    ("Ghana", &["Ivoorkust", "Burkina Faso", "Togo"]),
    (
        "Guinee",
        &[
            "Guinee-Bissau",
            "Senegal",
            "Mali",
            "Ivoorkust",
            "Liberia",
            "Sierra Leone",
        ],
    ),
    (
        "India",
        &["Pakistan", "China", "Nepal", "Bhutan", "Bangladesh", "Myanmar"],
    ),
    (
        "Irak",
        &["Iran", "Turkije", "Syrië", "Jordanië", "Saoedi-Arabië", "Koeweit"],
    ),
    (
        "Iran",
        &[
            "Irak",
            "Turkije",
            "Armenië",
            "Azerbeidzjan",
            "Turkmenistan",
            "Afghanistan",
            "Pakistan",
        ],
    ),
    ("Ivoorkust", &["Liberia", "Guinee", "Mali", "Burkina Faso", "Ghana"]),
    (
        "Kameroen",
        &[
            "Nigeria",
            "Tsjaad",
            "Centraal-Afrikaanse Republiek",
            "Congo (Republiek)",
            "Gabon",
            "Equatoriaal-Guinea",
        ],
    ),
    ("Kenia", &["Ethiopië", "Somalië", "Oeganda", "Tanzania", "Zuid-Soedan"]),
    ("Kosovo", &["Servië", "Albanië", "Noord-Macedonië", "Montenegro"]),
    ("Liberia", &["Sierra Leone", "Guinee", "Ivoorkust"]),
    (
        "Mali",
        &[
            "Algerije",
            "Niger",
            "Burkina Faso",
            "Ivoorkust",
            "Guinee",
            "Senegal",
            "Mauritanië",
        ],
    ),
    ("Marokko", &["Algerije", "Spanje"]),
    ("Mauritanië", &["Senegal", "Mali", "Algerije"]),
    ("Mongolië", &["China", "Rusland"]),
    ("Myanmar", &["Bangladesh", "India", "China", "Laos", "Thailand"]),
    ("Nepal", &["India", "China"]),
    (
        "Niger",
        &[
            "Nigeria",
            "Benin",
            "Burkina Faso",
            "Mali",
            "Algerije",
            "Libië",
            "Tsjaad",
        ],
    ),
    ("Nigeria", &["Benin", "Niger", "Tsjaad", "Kameroen"]),
    ("Oeganda", &["Kenia", "Zuid-Soedan", "Congo", "Rwanda", "Tanzania"]),
    ("Pakistan", &["India", "Afghanistan", "Iran", "China"]),
    (
        "Rusland",
        &[
            "Azerbeidzjan",
            "Georgië",
            "China",
            "Mongolië",
            "Kazachstan",
            "Oekraïne",
            "Wit-Rusland",
        ],
    ),
    ("Rwanda", &["Burundi", "Congo", "Oeganda", "Tanzania"]),
    ("Senegal", &["Gambia", "Mauritanië", "Mali", "Guinee", "Guinee-Bissau"]),
    (
        "Servië",
        &[
            "Kosovo",
            "Hongarije",
            "Roemenië",
            "Bulgarije",
            "Noord-Macedonië",
            "Montenegro",
            "Bosnië en Herzegovina",
            "Kroatië",
        ],
    ),
    ("Sierra Leone", &["Guinee", "Liberia"]),
    (
        "Soedan",
        &[
            "Egypte",
            "Libië",
            "Tsjaad",
            "Centraal-Afrikaanse Republiek",
            "Zuid-Soedan",
            "Ethiopië",
            "Eritrea",
        ],
    ),
    ("Somalië", &["Ethiopië", "Kenia", "Djibouti"]),
    ("Sri Lanka", &[]),
    ("Syrië", &["Turkije", "Irak", "Jordanië", "Israël", "Libanon"]),
    ("Togo", &["Ghana", "Benin", "Burkina Faso"]),
    (
        "Tsjaad",
        &[
            "Libië",
            "Soedan",
            "Centraal-Afrikaanse Republiek",
            "Kameroen",
            "Nigeria",
            "Niger",
        ],
    ),
    ("Vietnam", &["China", "Laos", "Cambodja"]),
];

/// The border table as folded pairs, both directions, built once.
fn folded_borders() -> &'static std::collections::HashSet<(String, String)> {
    static TABLE: std::sync::OnceLock<std::collections::HashSet<(String, String)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        BORDERS
            .iter()
            .flat_map(|(c, ns)| {
                ns.iter()
                    .flat_map(move |n| [(canonical(c), canonical(n)), (canonical(n), canonical(c))])
            })
            .collect()
    })
}

/// Whether two countries share a land border (in either direction of the table).
pub fn neighbours(a: &str, b: &str) -> bool {
    folded_borders().contains(&(canonical(a), canonical(b)))
}

/// Region of origin as the report groups it: Afrika / Azie / Europa-Amerika.
pub fn region(country: &str) -> Option<&'static str> {
    const ASIA: &[&str] = &[
        "afghanistan",
        "azerbeidzjan",
        "bangladesh",
        "china",
        "india",
        "irak",
        "iran",
        "mongolie",
        "myanmar",
        "nepal",
        "pakistan",
        "srilanka",
        "syrie",
        "vietnam",
        "armenie",
        "georgie",
        "libanon",
        "jemen",
        "koeweit",
    ];
    const AFRICA: &[&str] = &[
        "angola",
        "benin",
        "burundi",
        "congo",
        "congorepubliek",
        "egypte",
        "eritrea",
        "ethiopie",
        "gambia",
        "ghana",
        "guinee",
        "ivoorkust",
        "kameroen",
        "kenia",
        "liberia",
        "mali",
        "marokko",
        "mauritanie",
        "niger",
        "nigeria",
        "oeganda",
        "rwanda",
        "senegal",
        "sierraleone",
        "soedan",
        "somalie",
        "togo",
        "tsjaad",
        "algerije",
        "burkinafaso",
    ];
    let c = canonical(country);
    if c.is_empty() || explains_any(country).is_some() {
        return None;
    }
    Some(if AFRICA.contains(&c.as_str()) {
        "Afrika"
    } else if ASIA.contains(&c.as_str()) {
        "Azie"
    } else {
        "Europa-Amerika"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_diacritics() {
        assert!(same("Congo (Democratische Republiek)", "Congo"));
        assert!(same("Somalie", "Somalië"));
        assert!(!same("Congo-Brazzaville", "Congo"));
    }

    #[test]
    fn borders_both_ways() {
        assert!(neighbours("Sierra Leone", "Guinee"));
        assert!(neighbours("Guinee", "Sierra Leone"));
        assert!(neighbours("Angola", "Congo (Democratische Republiek)"));
        assert!(!neighbours("Angola", "China"));
        assert!(!neighbours("China", "Brazilië"));
    }

    #[test]
    fn exceptions_and_regions() {
        assert_eq!(explains_any("Staatloos"), Some("staatloos"));
        assert_eq!(explains_any("Nederlandse"), Some("Nederlandse nationaliteit"));
        assert_eq!(explains_any("Angola"), None);
        assert_eq!(region("Somalië"), Some("Afrika"));
        assert_eq!(region("Irak"), Some("Azie"));
        assert_eq!(region("Kosovo"), Some("Europa-Amerika"));
    }
}
