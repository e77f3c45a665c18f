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

/// (variable, set, subset, values). The subsets and their sizes follow Table 25.
const STEUNPUNT_VARIABLES: [(&str, &str, &str, Values); 39] = [
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
    (
        "juridische_bijstand",
        ORG,
        "Organisatie algemeen",
        Values::Choice(&["eigen juristen", "extern", "beide"]),
    ),
    ("bereik_ex_amvs", ORG, "Organisatie algemeen", Values::Bereik),
    ("maximum_aantal_clienten", ORG, "Organisatie algemeen", YES_NO),
    ("communicatie_gemeente", ORG, "Samenwerking gemeente", SCORE),
    ("regulier_overleg_gemeente", ORG, "Samenwerking gemeente", YES_NO),
    ("leefgeld_via_gemeente", ORG, "Samenwerking gemeente", YES_NO),
    ("opvang_via_gemeente", ORG, "Samenwerking gemeente", YES_NO),
    ("vaste_contactpersoon_gemeente", ORG, "Samenwerking gemeente", YES_NO),
    ("gemeente_betrokken_bij_toetsing", ORG, "Samenwerking gemeente", YES_NO),
    ("communicatie_ind", ORG, "Samenwerking IND", SCORE),
    ("vaste_contactpersoon_ind", ORG, "Samenwerking IND", YES_NO),
    ("v_nummers_gecheckt_bij_ind", ORG, "Samenwerking IND", YES_NO),
    ("casusoverleg_ind", ORG, "Samenwerking IND", YES_NO),
    ("overleg_ind_per_jaar", ORG, "Samenwerking IND", Values::Count(0, 12)),
    ("communicatie_dtv", ORG, "Samenwerking DT&V", SCORE),
    ("dtv_in_lokaal_terugkeeroverleg", ORG, "Samenwerking DT&V", YES_NO),
    ("spreekuur_dtv_op_steunpunt", ORG, "Samenwerking DT&V", YES_NO),
    ("casusoverleg_dtv", ORG, "Samenwerking DT&V", YES_NO),
    ("samenwerking_iom", ORG, "Samenwerking DT&V", YES_NO),
    ("vaste_contactpersoon_dtv", ORG, "Samenwerking DT&V", YES_NO),
    (
        "type_werkwijze",
        WERK,
        "Aanpak & werkwijze",
        Values::Choice(&["procesgericht", "resultaatgericht", "gemengd"]),
    ),
    (
        "toetsing_vooraf",
        WERK,
        "Contracten & trajecten",
        Values::Choice(&["zelfstandig", "met andere organisatie", "geen"]),
    ),
    ("contract_met_client", WERK, "Contracten & trajecten", YES_NO),
    ("trajectplan", WERK, "Contracten & trajecten", YES_NO),
    (
        "deadline_traject",
        WERK,
        "Contracten & trajecten",
        Values::Choice(&["geen", "flexibel", "strikt"]),
    ),
    ("leefgeld_door_steunpunt", WERK, "Contracten & trajecten", YES_NO),
    ("onderling_netwerken", WERK, "Contracten & trajecten", YES_NO),
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
    ("huiskamer_maaltijden", WERK, "Huiskamer", YES_NO),
    ("huiskamer_vrijwilligers", WERK, "Huiskamer", Values::Count(0, 6)),
];

/// Variables of the person-level file that belong to the third set (Table 25).
const PERSON_VARIABLES: [(&str, &str); 25] = [
    ("geslacht", "Demografie"),
    ("leeftijd_instroom", "Demografie"),
    ("land_herkomst", "Demografie"),
    ("regio_herkomst", "Demografie"),
    ("kinderen_nl", "Demografie"),
    ("arts", "Demografie"),
    ("psychiatrische_diagnose", "Demografie"),
    ("leeftijd_bekend_nl", "Demografie"),
    ("verblijfsduur_nl_bij_instroom", "Demografie"),
    ("kwartaal_instroom", "Demografie"),
    ("aantal_asielaanvragen", "Asielachtergrond & procedures"),
    ("leeftijd_eerste_asielaanvraag", "Asielachtergrond & procedures"),
    ("duur_eerste_beslissing_maanden", "Asielachtergrond & procedures"),
    ("aantal_beroep_ar", "Asielachtergrond & procedures"),
    ("aantal_beroep_ac", "Asielachtergrond & procedures"),
    ("aantal_beroep_vk", "Asielachtergrond & procedures"),
    ("aantal_reguliere_aanvragen", "Asielachtergrond & procedures"),
    ("buiten_schuld", "Asielachtergrond & procedures"),
    ("buiten_schuld_gegrond", "Asielachtergrond & procedures"),
    ("aantal_vbm", "Asielachtergrond & procedures"),
    ("duur_vbm_dagen", "Asielachtergrond & procedures"),
    ("ooit_vbm", "Asielachtergrond & procedures"),
    ("vbm_voor_instroom", "Asielachtergrond & procedures"),
    ("huidige_verblijfstitel", "Asielachtergrond & procedures"),
    ("in_procedure", "Asielachtergrond & procedures"),
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
    for (name, subset) in &PERSON_VARIABLES {
        sets.rows
            .push(vec![Cell::text(*name), Cell::text(AMV), Cell::text(*subset)]);
    }
    DemoFile {
        name: "kenmerken_steunpunten.xlsx".into(),
        kind: crate::kind::FileKind::Characteristics,
        bytes: crate::write::xlsx::write(&[values, sets], created).expect("demo workbook"),
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
                + PERSON_VARIABLES.iter().filter(|v| v.1 == subset).count()
        };
        let table25 = [
            ("Organisatie algemeen", 9),
            ("Samenwerking gemeente", 6),
            ("Samenwerking IND", 5),
            ("Samenwerking DT&V", 6),
            ("Aanpak & werkwijze", 1),
            ("Contracten & trajecten", 6),
            ("Huiskamer", 6),
            ("Demografie", 10),
            ("Asielachtergrond & procedures", 15),
        ];
        for (subset, n) in table25 {
            assert_eq!(count(subset), n, "{subset}");
        }
        assert_eq!(STEUNPUNT_VARIABLES.len() + PERSON_VARIABLES.len(), 64);
    }
}
