//! The canonical fields of the three kinds of file and their header synonyms
//! (data dictionary). Headers match after [`fold`](super::fold::fold).

use serde::{Deserialize, Serialize};

use super::fold::fold;
use crate::kind::FileKind;

/// How a field's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    Text,
    /// The V-nummer: validated separately.
    Id,
    Date,
    Count,
    /// Yes / no / unknown.
    YesNo,
    /// Yes/no or a count (kinderen in NL).
    YesNoOrCount,
    Code(CodeSet),
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeSet {
    Sex,
    Result,
    Trajectory,
    EndedBy,
}

/// A canonical field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Steunpunt,
    VNummer,
    Naam,
    Voornaam,
    Tussenvoegsel,
    Achternaam,
    Geslacht,
    Geboortedatum,
    LandHerkomst,
    DatumInstroom,
    DatumUitstroom,
    Resultaat,
    AantalContacten,
    Arts,
    PsychiatrischeDiagnose,
    KinderenNl,
    Traject,
    BeeindigdDoor,
    Vastlopend,
    Nationaliteit,
    DatumEersteRegistratie,
    AantalAsielaanvragen,
    DatumEersteAsielaanvraag,
    DatumBeslissingEersteAanvraag,
    AantalBeroepAr,
    AantalBeroepAc,
    AantalBeroepVk,
    AantalReguliereAanvragen,
    BuitenSchuld,
    BuitenSchuldGegrond,
    AantalVbm,
    DuurVbmDagen,
    DatumEersteVbm,
    HuidigeVerblijfstitel,
    InProcedure,
    /// Linkage files (keyed pseudonyms instead of identifiers): the birth date's pseudonym,
    /// the pseudonym of the date with day and month swapped, and the birth year.
    GeboortedatumPseudoniem,
    GeboortedatumOmgedraaid,
    Geboortejaar,
    /// Linkage files: Table 3's birth-date rules as keyed date tests (`link::date_tests`).
    /// A registration's: its birth date and intake as points, the first registrations that
    /// make its birth date plausible as a range.
    DatumtoetsGeboortedatum,
    DatumtoetsInstroom,
    DatumtoetsLokaalAannemelijk,
    /// The extract's: the birth dates within a year of its own and the intakes that make its
    /// birth date plausible as ranges, its first registration as a point.
    DatumtoetsBinnenEenJaar,
    DatumtoetsLandelijkAannemelijk,
    DatumtoetsEersteRegistratie,
}

pub struct FieldInfo {
    pub field: Field,
    pub key: &'static str,
    pub value: ValueType,
    /// The kinds of file this field belongs to.
    pub kinds: &'static [FileKind],
    pub synonyms: &'static [&'static str],
}

const R: &[FileKind] = &[FileKind::Registration];
const N: &[FileKind] = &[FileKind::National];
const RN: &[FileKind] = &[FileKind::Registration, FileKind::National];
const RC: &[FileKind] = &[FileKind::Registration, FileKind::Characteristics];

const fn f(
    field: Field,
    key: &'static str,
    value: ValueType,
    kinds: &'static [FileKind],
    synonyms: &'static [&'static str],
) -> FieldInfo {
    FieldInfo {
        field,
        key,
        value,
        kinds,
        synonyms,
    }
}

pub const FIELDS: &[FieldInfo] = &[
    f(
        Field::Steunpunt,
        "steunpunt",
        ValueType::Text,
        RC,
        &["steunpunt", "locatie", "gemeente", "project"],
    ),
    f(
        Field::VNummer,
        "v_nummer",
        ValueType::Id,
        RN,
        &[
            "v-nummer",
            "vnummer",
            "v-nr",
            "vnr",
            "v nummer",
            "vreemdelingennummer",
            "pseudoniem v-nummer",
        ],
    ),
    // A linkage file's keyed name encoding stands where the name goes.
    f(
        Field::Naam,
        "naam",
        ValueType::Text,
        RN,
        &["naam", "volledige naam", "naamcodering"],
    ),
    f(
        Field::Voornaam,
        "voornaam",
        ValueType::Text,
        R,
        &["voornaam", "voornamen", "roepnaam"],
    ),
    f(
        Field::Tussenvoegsel,
        "tussenvoegsel",
        ValueType::Text,
        R,
        &["tussenvoegsel", "tussenvoegsels"],
    ),
    f(
        Field::Achternaam,
        "achternaam",
        ValueType::Text,
        R,
        &["achternaam", "familienaam", "geslachtsnaam"],
    ),
    f(
        Field::Geslacht,
        "geslacht",
        ValueType::Code(CodeSet::Sex),
        RN,
        &["geslacht", "sekse"],
    ),
    f(
        Field::Geboortedatum,
        "geboortedatum",
        ValueType::Date,
        RN,
        &["geboortedatum", "geb datum", "geboren"],
    ),
    f(
        Field::LandHerkomst,
        "land_herkomst",
        ValueType::Country,
        R,
        &["land van herkomst", "herkomstland", "land"],
    ),
    f(
        Field::DatumInstroom,
        "datum_instroom",
        ValueType::Date,
        R,
        &["datum instroom", "instroomdatum", "startdatum", "start begeleiding"],
    ),
    f(
        Field::DatumUitstroom,
        "datum_uitstroom",
        ValueType::Date,
        R,
        &["datum uitstroom", "uitstroomdatum", "einddatum", "einde begeleiding"],
    ),
    f(
        Field::Resultaat,
        "resultaat",
        ValueType::Code(CodeSet::Result),
        R,
        &["resultaat", "uitkomst", "uitstroomreden"],
    ),
    f(
        Field::AantalContacten,
        "aantal_contacten",
        ValueType::Count,
        R,
        &["aantal clientcontacten", "aantal contacten", "contacten"],
    ),
    f(
        Field::Arts,
        "arts",
        ValueType::YesNo,
        R,
        &["onder behandeling arts", "behandeling arts", "lichamelijke klachten"],
    ),
    f(
        Field::PsychiatrischeDiagnose,
        "psychiatrische_diagnose",
        ValueType::YesNo,
        R,
        &["psychiatrische diagnose", "psychiatrie", "psych diagnose"],
    ),
    f(
        Field::KinderenNl,
        "kinderen_nl",
        ValueType::YesNoOrCount,
        R,
        &["kinderen in nl", "kinderen"],
    ),
    f(
        Field::Traject,
        "traject",
        ValueType::Code(CodeSet::Trajectory),
        R,
        &["ingezet traject", "traject"],
    ),
    f(
        Field::BeeindigdDoor,
        "beeindigd_door",
        ValueType::Code(CodeSet::EndedBy),
        R,
        &["beeindigd door", "beeindiging door", "gestopt door"],
    ),
    f(
        Field::Vastlopend,
        "vastlopend",
        ValueType::YesNo,
        R,
        &["vastlopend dossier", "vastgelopen", "vastlopend"],
    ),
    f(
        Field::Nationaliteit,
        "nationaliteit",
        ValueType::Country,
        N,
        &["nationaliteit"],
    ),
    f(
        Field::DatumEersteRegistratie,
        "datum_eerste_registratie",
        ValueType::Date,
        N,
        &["datum eerste registratie", "eerste registratie nl", "bekend sinds"],
    ),
    f(
        Field::AantalAsielaanvragen,
        "aantal_asielaanvragen",
        ValueType::Count,
        N,
        &["aantal asielaanvragen"],
    ),
    f(
        Field::DatumEersteAsielaanvraag,
        "datum_eerste_asielaanvraag",
        ValueType::Date,
        N,
        &["datum eerste asielaanvraag"],
    ),
    f(
        Field::DatumBeslissingEersteAanvraag,
        "datum_beslissing_eerste_aanvraag",
        ValueType::Date,
        N,
        &["datum beslissing eerste aanvraag"],
    ),
    f(
        Field::AantalBeroepAr,
        "aantal_beroep_ar",
        ValueType::Count,
        N,
        &["aantal beroep ar"],
    ),
    f(
        Field::AantalBeroepAc,
        "aantal_beroep_ac",
        ValueType::Count,
        N,
        &["aantal beroep ac"],
    ),
    f(
        Field::AantalBeroepVk,
        "aantal_beroep_vk",
        ValueType::Count,
        N,
        &["aantal beroep vk"],
    ),
    f(
        Field::AantalReguliereAanvragen,
        "aantal_reguliere_aanvragen",
        ValueType::Count,
        N,
        &["aantal reguliere aanvragen"],
    ),
    f(
        Field::BuitenSchuld,
        "buiten_schuld",
        ValueType::YesNo,
        N,
        &["buiten schuld aanvraag", "buiten schuld"],
    ),
    f(
        Field::BuitenSchuldGegrond,
        "buiten_schuld_gegrond",
        ValueType::YesNo,
        N,
        &["buiten schuld gegrond"],
    ),
    f(Field::AantalVbm, "aantal_vbm", ValueType::Count, N, &["aantal vbm"]),
    f(
        Field::DuurVbmDagen,
        "duur_vbm_dagen",
        ValueType::Count,
        N,
        &["duur vbm dagen", "totale duur vbm"],
    ),
    f(
        Field::DatumEersteVbm,
        "datum_eerste_vbm",
        ValueType::Date,
        N,
        &["datum eerste vbm"],
    ),
    f(
        Field::HuidigeVerblijfstitel,
        "huidige_verblijfstitel",
        ValueType::Text,
        N,
        &["huidige verblijfstitel", "verblijfstitel"],
    ),
    f(
        Field::InProcedure,
        "in_procedure",
        ValueType::Text,
        N,
        &["in procedure"],
    ),
    f(
        Field::GeboortedatumPseudoniem,
        "pseudoniem_geboortedatum",
        ValueType::Text,
        RN,
        &[],
    ),
    f(
        Field::GeboortedatumOmgedraaid,
        "pseudoniem_geboortedatum_omgedraaid",
        ValueType::Text,
        RN,
        &[],
    ),
    f(
        Field::Geboortejaar,
        "geboortejaar",
        ValueType::Count,
        RN,
        &["geboortejaar"],
    ),
    f(
        Field::DatumtoetsGeboortedatum,
        "datumtoets_geboortedatum",
        ValueType::Text,
        R,
        &[],
    ),
    f(
        Field::DatumtoetsInstroom,
        "datumtoets_instroom",
        ValueType::Text,
        R,
        &[],
    ),
    f(
        Field::DatumtoetsLokaalAannemelijk,
        "datumtoets_lokaal_aannemelijk",
        ValueType::Text,
        R,
        &[],
    ),
    f(
        Field::DatumtoetsBinnenEenJaar,
        "datumtoets_binnen_een_jaar",
        ValueType::Text,
        N,
        &[],
    ),
    f(
        Field::DatumtoetsLandelijkAannemelijk,
        "datumtoets_landelijk_aannemelijk",
        ValueType::Text,
        N,
        &[],
    ),
    f(
        Field::DatumtoetsEersteRegistratie,
        "datumtoets_eerste_registratie",
        ValueType::Text,
        N,
        &[],
    ),
];

impl Field {
    pub fn info(self) -> &'static FieldInfo {
        FIELDS.iter().find(|i| i.field == self).expect("every field is listed")
    }

    pub fn key(self) -> &'static str {
        self.info().key
    }
}

/// A field, the kinds it belongs to, and its folded synonyms.
/// The fields a folded header names, in the order of [`FIELDS`], with the kinds of file they belong to.
type Named = Vec<(Field, &'static [FileKind])>;

/// Every field's synonyms (and key), folded once, as a map from the folded text
/// (a header is looked up, not compared with every synonym).
fn folded_synonyms() -> &'static std::collections::HashMap<String, Named> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<String, Named>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: std::collections::HashMap<String, Named> = std::collections::HashMap::new();
        for i in FIELDS {
            for s in i.synonyms.iter().chain(std::iter::once(&i.key)) {
                let named = table.entry(fold(s)).or_default();
                if !named.iter().any(|(f, _)| *f == i.field) {
                    named.push((i.field, i.kinds));
                }
            }
        }
        table
    })
}

/// The field a header names for a file of `kind` (None: keep the column unmapped).
pub fn field_for_header(header: &str, kind: FileKind) -> Option<Field> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    folded_synonyms()
        .get(&h)?
        .iter()
        .find(|(_, kinds)| kinds.contains(&kind))
        .map(|(f, _)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_as_steunpunten_write_them() {
        let r = FileKind::Registration;
        assert_eq!(field_for_header("V-Nummer ", r), Some(Field::VNummer));
        assert_eq!(field_for_header("vnr", r), Some(Field::VNummer));
        assert_eq!(field_for_header("geb. datum", r), Some(Field::Geboortedatum));
        assert_eq!(
            field_for_header("Aantal cliëntcontacten", r),
            Some(Field::AantalContacten)
        );
        assert_eq!(
            field_for_header("Psych. diagnose", r),
            Some(Field::PsychiatrischeDiagnose)
        );
        assert_eq!(field_for_header("Beëindiging door", r), Some(Field::BeeindigdDoor));
        assert_eq!(field_for_header("Uren begeleiding", r), None);
        assert_eq!(
            field_for_header("Nationaliteit", r),
            None,
            "a national field is not a registration field"
        );
        assert_eq!(
            field_for_header("Duur VBM dagen", FileKind::National),
            Some(Field::DuurVbmDagen)
        );
    }

    #[test]
    fn every_synonym_is_unique_within_a_kind() {
        for kind in [FileKind::Registration, FileKind::National] {
            let mut seen = std::collections::HashMap::new();
            for i in FIELDS.iter().filter(|i| i.kinds.contains(&kind)) {
                for s in i.synonyms {
                    if let Some(other) = seen.insert(fold(s), i.field) {
                        assert_eq!(other, i.field, "{s} names two fields");
                    }
                }
            }
        }
    }
}
