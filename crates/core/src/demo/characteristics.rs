//! The steunpunt-characteristics workbook: one row per steunpunt, coded from
//! the interviews, and a `sets` sheet (report Table 25) assigning every
//! variable to a set and subset.

use crate::date::Date;
use crate::rng::Rng;
use crate::table::{Cell, Sheet};

use super::figures::STEUNPUNTEN;
use super::files::DemoFile;

const ORG: &str = "Organisatievorm";
const WERK: &str = "Werkwijze";
const AMV: &str = "Kenmerken ex-AMV's";

/// How a variable's values are drawn.
#[derive(Clone, Copy)]
enum Values {
    Count(i64, i64),
    /// A decimal number (written with a decimal comma in Dutch files).
    Decimal(f64, f64),
    Choice(&'static [&'static str]),
    /// Report Table 10, per steunpunt.
    Bereik,
}

const YES_NO: Values = Values::Choice(&["ja", "nee"]);
const SCORE: Values = Values::Choice(&["zeer slecht", "slecht", "redelijk", "goed", "zeer goed"]);

/// (variable, set, subset, values). The subsets and their sizes follow Table 25
/// (with the person-level variables below: 74 in all; "Aanpak & werkwijze" is
/// printed as 1 in the scan and is 11, as the set totals on its pages confirm).
const STEUNPUNT_VARIABLES: [(&str, &str, &str, Values); 46] = [
    (
        "organisatietype",
        ORG,
        "Organisatie algemeen",
        Values::Choice(&[
            "Vluchtelingenwerk",
            "Zelfstandige stichting",
            "Samenwerkingsverband",
            "Gemeente",
        ]),
    ),
    (
        "startjaar_steunpunt",
        ORG,
        "Organisatie algemeen",
        Values::Count(2006, 2009),
    ),
    ("aanpak_veranderd_na_start", ORG, "Organisatie algemeen", YES_NO),
    (
        "aantal_vaste_medewerkers",
        ORG,
        "Organisatie algemeen",
        Values::Count(1, 6),
    ),
    ("fte_betaald", ORG, "Organisatie algemeen", Values::Decimal(0.5, 4.5)),
    (
        "aantal_vrijwilligers_stagiaires",
        ORG,
        "Organisatie algemeen",
        Values::Count(0, 12),
    ),
    (
        "caseload_per_medewerker",
        ORG,
        "Organisatie algemeen",
        Values::Decimal(4.0, 30.0),
    ),
    ("juristen_op_steunpunt", ORG, "Organisatie algemeen", YES_NO),
    (
        "juridische_bijstand",
        ORG,
        "Organisatie algemeen",
        Values::Choice(&["eigen juristen", "extern", "beide"]),
    ),
    ("communicatie_gemeente", ORG, "Samenwerking gemeente", SCORE),
    (
        "steun_gemeente",
        ORG,
        "Samenwerking gemeente",
        Values::Choice(&["veel", "enige", "geen"]),
    ),
    ("knelpunten_gemeente", ORG, "Samenwerking gemeente", YES_NO),
    ("overleg_op_caseniveau_gemeente", ORG, "Samenwerking gemeente", YES_NO),
    ("verschil_van_inzicht_werkwijze", ORG, "Samenwerking gemeente", YES_NO),
    (
        "samenwerking_gemeente_dtv",
        ORG,
        "Samenwerking gemeente",
        Values::Choice(&["incidenteel", "op caseniveau", "geen"]),
    ),
    ("communicatie_ind", ORG, "Samenwerking IND", SCORE),
    ("vaste_contactpersoon_ind", ORG, "Samenwerking IND", YES_NO),
    ("knelpunten_ind", ORG, "Samenwerking IND", YES_NO),
    ("gemeente_werkt_samen_met_ind", ORG, "Samenwerking IND", YES_NO),
    (
        "oordeel_ind",
        ORG,
        "Samenwerking IND",
        Values::Choice(&["structureel", "incidenteel", "geen"]),
    ),
    ("communicatie_dtv", ORG, "Samenwerking DT&V", SCORE),
    ("dtv_in_lokaal_terugkeeroverleg", ORG, "Samenwerking DT&V", YES_NO),
    ("alleen_speciale_contactpersoon_dtv", ORG, "Samenwerking DT&V", YES_NO),
    ("knelpunten_dtv", ORG, "Samenwerking DT&V", YES_NO),
    ("samenwerking_iom", ORG, "Samenwerking DT&V", YES_NO),
    (
        "contact_dtv",
        ORG,
        "Samenwerking DT&V",
        Values::Choice(&["geen", "nauwelijks", "mail/telefoon", "persoonlijk/LTO"]),
    ),
    (
        "type_werkwijze",
        WERK,
        "Aanpak & werkwijze",
        Values::Choice(&["procesgericht", "resultaatgericht", "gemengd"]),
    ),
    ("bereik_ex_amvs", WERK, "Aanpak & werkwijze", Values::Bereik),
    (
        "toetsing_vooraf",
        WERK,
        "Aanpak & werkwijze",
        Values::Choice(&["zelfstandig", "met andere organisatie", "geen"]),
    ),
    ("maximum_aantal_clienten", WERK, "Aanpak & werkwijze", YES_NO),
    ("maximumleeftijd", WERK, "Aanpak & werkwijze", YES_NO),
    ("leefgeld_door_steunpunt", WERK, "Aanpak & werkwijze", YES_NO),
    (
        "besluit_toelating",
        WERK,
        "Aanpak & werkwijze",
        Values::Choice(&["vertrouwenspersoon", "team", "coördinator"]),
    ),
    (
        "gesprek_met_doel",
        WERK,
        "Aanpak & werkwijze",
        Values::Choice(&["meestal", "soms"]),
    ),
    ("activiteiten", WERK, "Aanpak & werkwijze", YES_NO),
    ("contract_met_client", WERK, "Contracten & trajecten", YES_NO),
    ("trajectplan", WERK, "Contracten & trajecten", YES_NO),
    (
        "deadline_traject",
        WERK,
        "Contracten & trajecten",
        Values::Choice(&["geen", "flexibel", "strikt"]),
    ),
    (
        "criteria_traject",
        WERK,
        "Contracten & trajecten",
        Values::Choice(&["juridisch", "wens cliënt", "beide"]),
    ),
    (
        "beslissing_traject",
        WERK,
        "Contracten & trajecten",
        Values::Choice(&["team", "coördinator", "met cliënt"]),
    ),
    ("huiskamer", WERK, "Huiskamer", YES_NO),
    (
        "huiskamer_doelgroep",
        WERK,
        "Huiskamer",
        Values::Choice(&["ex-AMV's", "ex-AMV's en statushouders", "geen huiskamer"]),
    ),
    (
        "huiskamer_locatie",
        WERK,
        "Huiskamer",
        Values::Choice(&["zelfde locatie als kantoor", "andere locatie", "geen huiskamer"]),
    ),
    ("huiskamer_dagen_open", WERK, "Huiskamer", Values::Count(0, 5)),
    (
        "huiskamer_status_bezoek",
        WERK,
        "Huiskamer",
        Values::Choice(&["vrije inloop", "op afspraak", "geen huiskamer"]),
    ),
    ("onderling_netwerken", WERK, "Huiskamer", YES_NO),
];

/// Variables of the person-level file in the sets (Table 25).
const PERSON_VARIABLES: [(&str, &str, &str); 28] = [
    ("geslacht", AMV, "Demografie"),
    ("leeftijd_instroom", AMV, "Demografie"),
    ("land_herkomst", AMV, "Demografie"),
    ("regio_herkomst", AMV, "Demografie"),
    ("kinderen_nl", AMV, "Demografie"),
    ("arts", AMV, "Demografie"),
    ("psychiatrische_diagnose", AMV, "Demografie"),
    ("leeftijd_bekend_nl", AMV, "Demografie"),
    ("verblijfsduur_nl_bij_instroom", AMV, "Demografie"),
    ("kwartaal_instroom", AMV, "Demografie"),
    ("aantal_asielaanvragen", AMV, "Asielachtergrond & procedures"),
    ("leeftijd_eerste_asielaanvraag", AMV, "Asielachtergrond & procedures"),
    ("duur_eerste_beslissing_maanden", AMV, "Asielachtergrond & procedures"),
    ("aantal_beroep_ar", AMV, "Asielachtergrond & procedures"),
    ("aantal_beroep_ac", AMV, "Asielachtergrond & procedures"),
    ("aantal_beroep_vk", AMV, "Asielachtergrond & procedures"),
    ("aantal_reguliere_aanvragen", AMV, "Asielachtergrond & procedures"),
    ("buiten_schuld", AMV, "Asielachtergrond & procedures"),
    ("buiten_schuld_gegrond", AMV, "Asielachtergrond & procedures"),
    ("aantal_vbm", AMV, "Asielachtergrond & procedures"),
    ("duur_vbm_dagen", AMV, "Asielachtergrond & procedures"),
    ("ooit_vbm", AMV, "Asielachtergrond & procedures"),
    ("vbm_voor_instroom", AMV, "Asielachtergrond & procedures"),
    ("huidige_verblijfstitel", AMV, "Asielachtergrond & procedures"),
    ("in_procedure", AMV, "Asielachtergrond & procedures"),
    ("duur_begeleiding_maanden", WERK, "Aanpak & werkwijze"),
    ("contacten_per_maand", WERK, "Aanpak & werkwijze"),
    ("traject", WERK, "Contracten & trajecten"),
];

/// Report Table 10: how each steunpunt reaches its clients.
fn bereik(steunpunt: &str) -> &'static str {
    match steunpunt {
        "Enschede" | "Hengelo" | "Maastricht" => "via andere organisatie",
        "Arnhem" | "Deventer" | "Groningen" | "Rotterdam" | "Tilburg" | "Utrecht" | "Zwolle" => "beide",
        _ => "mond tot mond",
    }
}

pub fn workbook(rng: &mut Rng, created: Date) -> DemoFile {
    let mut header = vec!["steunpunt".to_string()];
    header.extend(STEUNPUNT_VARIABLES.iter().map(|v| v.0.to_string()));
    let mut values = Sheet::new("kenmerken", header);
    for s in &STEUNPUNTEN {
        let mut row = vec![Cell::text(s.name)];
        let has_room = rng.chance(0.6);
        for (name, _, _, how) in &STEUNPUNT_VARIABLES {
            let cell = match (*name, how) {
                ("huiskamer", _) => Cell::text(if has_room { "ja" } else { "nee" }),
                (n, Values::Choice(opts)) if n.starts_with("huiskamer_") && !has_room => {
                    Cell::text(*opts.last().expect("options"))
                }
                (n, Values::Choice(opts)) if n.starts_with("huiskamer_") => {
                    Cell::text(*rng.pick(&opts[..opts.len() - 1]))
                }
                (n, _) if n.starts_with("huiskamer_") && !has_room => Cell::Number(0.0),
                (_, Values::Count(lo, hi)) => Cell::Number(rng.range(*lo, *hi) as f64),
                (_, Values::Decimal(lo, hi)) => Cell::Number(((lo + rng.unit() * (hi - lo)) * 10.0).round() / 10.0),
                (_, Values::Choice(opts)) => Cell::text(*rng.pick(opts)),
                (_, Values::Bereik) => Cell::text(bereik(s.name)),
            };
            row.push(cell);
        }
        values.rows.push(row);
    }
    values.footer_rows.push(vec![]);
    values.footer_rows.push(vec![Cell::text(
        "Synthetische voorbeeldgegevens (geen echte steunpunten) - gemaakt door Perspectief",
    )]);

    let mut sets = Sheet::new("sets", vec!["variable".into(), "set".into(), "subset".into()]);
    for (name, set, subset, _) in &STEUNPUNT_VARIABLES {
        sets.rows
            .push(vec![Cell::text(*name), Cell::text(*set), Cell::text(*subset)]);
    }
    for (name, set, subset) in &PERSON_VARIABLES {
        sets.rows
            .push(vec![Cell::text(*name), Cell::text(*set), Cell::text(*subset)]);
    }
    DemoFile {
        name: "kenmerken_steunpunten.xlsx".into(),
        kind: crate::kind::FileKind::Characteristics,
        bytes: crate::write::xlsx::write(&[values, sets], created, crate::locale::Locale::Nl).expect("demo workbook"),
        rows: STEUNPUNTEN.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets_have_the_sizes_of_table_25() {
        let count = |subset: &str| {
            STEUNPUNT_VARIABLES.iter().filter(|v| v.2 == subset).count()
                + PERSON_VARIABLES.iter().filter(|v| v.2 == subset).count()
        };
        let table25 = [
            ("Organisatie algemeen", 9),
            ("Samenwerking gemeente", 6),
            ("Samenwerking IND", 5),
            ("Samenwerking DT&V", 6),
            ("Aanpak & werkwijze", 11),
            ("Contracten & trajecten", 6),
            ("Huiskamer", 6),
            ("Demografie", 10),
            ("Asielachtergrond & procedures", 15),
        ];
        for (subset, n) in table25 {
            assert_eq!(count(subset), n, "{subset}");
        }
        assert_eq!(STEUNPUNT_VARIABLES.len() + PERSON_VARIABLES.len(), 74);
    }
}
