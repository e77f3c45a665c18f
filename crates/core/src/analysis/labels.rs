//! The names people read: for every variable of the analysis file a Dutch and an English label
//! and a one-line description, from the data dictionary (`spec/data-dictionary.md`). The
//! technical name (`verblijfsduur_nl_bij_instroom`) stays the column header of every file and
//! the key of the recept; the page and the report show the label. A characteristic from the
//! steunpunten' own file has no entry: its header is shown with spaces for underscores.

use crate::locale::Locale;

/// name, Dutch label, English label, Dutch description, English description.
type Entry = (&'static str, &'static str, &'static str, &'static str, &'static str);

const ENTRIES: &[Entry] = &[
    (
        "steunpunt",
        "Steunpunt",
        "Steunpunt (support centre)",
        "Het steunpunt dat de cliënt begeleidt.",
        "The support centre that counsels the client.",
    ),
    (
        "geslacht",
        "Geslacht",
        "Sex",
        "Man of vrouw, uit de registratie van het steunpunt.",
        "Male or female, from the steunpunt's registration.",
    ),
    (
        "land_herkomst",
        "Land van herkomst",
        "Country of origin",
        "Het land van herkomst volgens het steunpunt.",
        "The country of origin according to the steunpunt.",
    ),
    (
        "regio_herkomst",
        "Regio van herkomst",
        "Region of origin",
        "Afrika, Azië of Europa-Amerika, afgeleid van het land van herkomst.",
        "Africa, Asia or Europe-America, derived from the country of origin.",
    ),
    (
        "resultaat",
        "Resultaat",
        "Outcome",
        "Hoe de begeleiding afliep (of nog loopt).",
        "How the counselling ended (or that it goes on).",
    ),
    (
        "in_begeleiding",
        "Nog in begeleiding",
        "Still in counselling",
        "Ja als de cliënt op de peildatum nog begeleid wordt.",
        "Yes if the client is still counselled on the reference date.",
    ),
    (
        "mob",
        "Vertrokken met onbekende bestemming (MOB)",
        "Left for an unknown destination (MOB)",
        "Ja als de cliënt met onbekende bestemming vertrok.",
        "Yes if the client left for an unknown destination.",
    ),
    (
        "terugkeer",
        "Teruggekeerd",
        "Returned",
        "Ja als de cliënt terugkeerde naar het land van herkomst.",
        "Yes if the client returned to the country of origin.",
    ),
    (
        "verblijfsvergunning",
        "Verblijfsvergunning gekregen",
        "Residence permit granted",
        "Ja als de cliënt een verblijfsvergunning kreeg.",
        "Yes if the client was granted a residence permit.",
    ),
    (
        "aantal_contacten",
        "Aantal contacten",
        "Number of contacts",
        "Het aantal contacten tussen cliënt en steunpunt.",
        "The number of contacts between client and steunpunt.",
    ),
    (
        "arts",
        "Onder behandeling van een arts",
        "Under a doctor's care",
        "Of de cliënt onder behandeling van een arts is.",
        "Whether the client is under a doctor's care.",
    ),
    (
        "psychiatrische_diagnose",
        "Psychiatrische diagnose",
        "Psychiatric diagnosis",
        "Of er een psychiatrische diagnose is (gevoelig gegeven).",
        "Whether there is a psychiatric diagnosis (sensitive).",
    ),
    (
        "kinderen_nl",
        "Kinderen in Nederland",
        "Children in the Netherlands",
        "Of de cliënt kinderen in Nederland heeft.",
        "Whether the client has children in the Netherlands.",
    ),
    (
        "traject",
        "Ingezet traject",
        "Trajectory",
        "Het traject dat het steunpunt inzette (vergunning, buitenschuld, terugkeer, …).",
        "The trajectory the steunpunt started (permit, no-fault, return, …).",
    ),
    (
        "beeindigd_door",
        "Beëindigd door",
        "Ended by",
        "Wie de begeleiding beëindigde.",
        "Who ended the counselling.",
    ),
    (
        "vastlopend",
        "Vastlopend dossier",
        "Stalled case",
        "Of het dossier vastliep.",
        "Whether the case stalled.",
    ),
    (
        "leeftijd_instroom",
        "Leeftijd bij instroom",
        "Age at intake",
        "Leeftijd in jaren op de datum van instroom bij het steunpunt.",
        "Age in years on the date of intake at the steunpunt.",
    ),
    (
        "leeftijd_bekend_nl",
        "Leeftijd bij eerste registratie",
        "Age at first registration",
        "Leeftijd in jaren bij de eerste registratie in Nederland.",
        "Age in years at the first registration in the Netherlands.",
    ),
    (
        "verblijfsduur_nl_bij_instroom",
        "Jaren in Nederland bij instroom",
        "Years in the Netherlands at intake",
        "Jaren tussen de eerste registratie in Nederland en de instroom bij het steunpunt.",
        "Years between the first registration in the Netherlands and the intake at the steunpunt.",
    ),
    (
        "duur_begeleiding_maanden",
        "Duur van de begeleiding (maanden)",
        "Length of counselling (months)",
        "Maanden van instroom tot uitstroom, of tot de peildatum als de begeleiding nog loopt.",
        "Months from intake to outflow, or to the reference date while counselling goes on.",
    ),
    (
        "contacten_per_maand",
        "Contacten per maand",
        "Contacts per month",
        "Aantal contacten gedeeld door de duur van de begeleiding.",
        "Number of contacts divided by the length of counselling.",
    ),
    (
        "kwartaal_instroom",
        "Kwartaal van instroom",
        "Quarter of intake",
        "Het kwartaal waarin de cliënt instroomde (vóór de start van het experiment één groep).",
        "The quarter of intake (before the experiment's start, one group).",
    ),
    (
        "ooit_vbm",
        "Ooit in vreemdelingenbewaring",
        "Ever in immigration detention",
        "Of de cliënt ooit in vreemdelingenbewaring (VBM) zat.",
        "Whether the client was ever in immigration detention (VBM).",
    ),
    (
        "vbm_voor_instroom",
        "Vreemdelingenbewaring vóór instroom",
        "Detention before intake",
        "Of de eerste vreemdelingenbewaring vóór de instroom bij het steunpunt lag.",
        "Whether the first detention came before the intake at the steunpunt.",
    ),
    (
        "leeftijd_eerste_asielaanvraag",
        "Leeftijd bij eerste asielaanvraag",
        "Age at first asylum application",
        "Leeftijd in jaren bij de eerste asielaanvraag.",
        "Age in years at the first asylum application.",
    ),
    (
        "duur_eerste_beslissing_maanden",
        "Duur tot eerste beslissing (maanden)",
        "Time to first decision (months)",
        "Maanden van de eerste asielaanvraag tot de beslissing daarop.",
        "Months from the first asylum application to its decision.",
    ),
    (
        "nationaliteit",
        "Nationaliteit",
        "Nationality",
        "De nationaliteit volgens het landelijke extract (DMB/IND).",
        "The nationality according to the national extract (DMB/IND).",
    ),
    (
        "aantal_asielaanvragen",
        "Aantal asielaanvragen",
        "Number of asylum applications",
        "Het aantal asielaanvragen volgens het landelijke extract.",
        "The number of asylum applications according to the national extract.",
    ),
    (
        "aantal_beroep_ar",
        "Aantal beroepen (AR)",
        "Appeals (AR)",
        "Het aantal beroepszaken in de AR-procedure.",
        "The number of appeals in the AR procedure.",
    ),
    (
        "aantal_beroep_ac",
        "Aantal beroepen (AC)",
        "Appeals (AC)",
        "Het aantal beroepszaken in de AC-procedure.",
        "The number of appeals in the AC procedure.",
    ),
    (
        "aantal_beroep_vk",
        "Aantal beroepen (VK)",
        "Appeals (VK)",
        "Het aantal beroepszaken in de VK-procedure.",
        "The number of appeals in the VK procedure.",
    ),
    (
        "aantal_reguliere_aanvragen",
        "Aantal reguliere aanvragen",
        "Regular applications",
        "Het aantal reguliere (niet-asiel) verblijfsaanvragen.",
        "The number of regular (non-asylum) residence applications.",
    ),
    (
        "aantal_vbm",
        "Aantal keer in vreemdelingenbewaring",
        "Times in immigration detention",
        "Hoe vaak de cliënt in vreemdelingenbewaring zat.",
        "How often the client was in immigration detention.",
    ),
    (
        "duur_vbm_dagen",
        "Duur vreemdelingenbewaring (dagen)",
        "Days in immigration detention",
        "Het totale aantal dagen in vreemdelingenbewaring.",
        "The total number of days in immigration detention.",
    ),
    (
        "buiten_schuld",
        "Buitenschuldaanvraag",
        "No-fault application",
        "Of de cliënt een buitenschuldvergunning aanvroeg.",
        "Whether the client applied for a no-fault permit.",
    ),
    (
        "buiten_schuld_gegrond",
        "Buitenschuldaanvraag gegrond",
        "No-fault application granted",
        "Of die aanvraag gegrond werd verklaard.",
        "Whether that application was granted.",
    ),
    (
        "huidige_verblijfstitel",
        "Huidige verblijfstitel",
        "Current residence status",
        "De verblijfstitel volgens het landelijke extract.",
        "The residence status according to the national extract.",
    ),
    (
        "in_procedure",
        "In procedure",
        "In a procedure",
        "Of en welke procedure loopt volgens het landelijke extract.",
        "Whether, and which, procedure is running according to the national extract.",
    ),
];

fn entry(name: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.0 == name)
}

/// The label of a variable in `locale`: the dictionary's, or for a characteristic from a
/// file its header with spaces for underscores and a capital first letter.
pub fn label(name: &str, locale: Locale) -> String {
    match (entry(name), locale) {
        (Some(e), Locale::Nl) => e.1.to_string(),
        (Some(e), Locale::En) => e.2.to_string(),
        (None, _) => {
            let spaced = name.replace('_', " ");
            let mut chars = spaced.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// The one-line description of a variable of the data dictionary, in `locale`.
pub fn description(name: &str, locale: Locale) -> Option<&'static str> {
    entry(name).map(|e| match locale {
        Locale::Nl => e.3,
        Locale::En => e.4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_of_the_demo_analysis_file_has_a_label_and_description_or_is_a_characteristic() {
        let mut s: crate::session::Session<Vec<u8>> = crate::session::Session::new(|| 0.0);
        s.edit(crate::session::Edit::LoadDemo, &mut || None, &mut |_, _, _| {})
            .unwrap();
        let a = s.analysis_file(&mut |_, _, _| {}).unwrap();
        let (mut missing, mut checked) = (Vec::new(), 0);
        for v in &a.variables {
            let from_file = v.set.as_deref().is_some_and(|set| set != "Kenmerken ex-AMV's");
            if from_file {
                continue;
            }
            checked += 1;
            if description(&v.name, Locale::Nl).is_none() {
                missing.push(v.name.clone());
            }
        }
        assert!(missing.is_empty(), "no label for {missing:?}");
        assert!(
            checked >= 35,
            "{checked} variables of the registrations and the extract"
        );
        for e in ENTRIES {
            assert!(e.3.ends_with('.') && e.4.ends_with('.'), "{}: one sentence each", e.0);
            assert_ne!(e.1, e.2, "{}: two languages", e.0);
        }
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(
            label("verblijfsduur_nl_bij_instroom", Locale::Nl),
            "Jaren in Nederland bij instroom"
        );
        assert_eq!(
            label("verblijfsduur_nl_bij_instroom", Locale::En),
            "Years in the Netherlands at intake"
        );
        assert_eq!(label("communicatie_dtv", Locale::Nl), "Communicatie dtv");
        assert_eq!(label("", Locale::Nl), "");
    }
}
