//! The seed report's published figures that shape the demo data.
//!
//! Sources (page numbers of the scanned report differ; tables are named):
//! Table 27 (persons and share "in begeleiding" per steunpunt), Table 26
//! (share MOB per steunpunt; four values garbled in the scan, estimated here
//! so that the total is the published 87), Table 19 (outcomes), Table 8
//! (countries of origin), Table 3 (linkage check).

use super::names::{NameBank, ASIA, CENTRAL_AFRICA, EAST_AFRICA, EUROPE_AMERICA, WEST_AFRICA};

/// A steunpunt: persons, how many still in counselling, how many left MOB.
pub struct SteunpuntFigures {
    pub name: &'static str,
    pub persons: usize,
    pub in_begeleiding: usize,
    pub mob: usize,
}

const fn sp(name: &'static str, persons: usize, in_begeleiding: usize, mob: usize) -> SteunpuntFigures {
    SteunpuntFigures {
        name,
        persons,
        in_begeleiding,
        mob,
    }
}

/// Table 27 (n and % in begeleiding, rounded to persons) and Table 26 (% MOB).
pub const STEUNPUNTEN: [SteunpuntFigures; 20] = [
    sp("Alkmaar", 12, 9, 1),
    sp("Almelo", 3, 2, 0),
    sp("Amsterdam", 84, 61, 4),
    sp("Arnhem", 54, 19, 10),
    sp("Den Haag", 79, 53, 16),
    sp("Deventer", 22, 11, 2),
    sp("Drachten", 28, 23, 2),
    sp("Eindhoven", 38, 29, 3),
    sp("Enschede", 28, 25, 1),
    sp("Groningen", 51, 26, 3),
    sp("Haarlem", 29, 17, 1),
    sp("Hengelo", 13, 9, 1),
    sp("Leeuwarden", 22, 7, 11),
    sp("Maastricht", 20, 9, 6),
    sp("Nijmegen", 26, 20, 2),
    sp("Rotterdam", 52, 36, 8),
    sp("Tilburg", 43, 27, 7),
    sp("Utrecht", 95, 74, 7),
    sp("Zaandam", 10, 7, 0),
    sp("Zwolle", 24, 9, 2),
];

/// Table 19: outcomes of the persons who left counselling, other than MOB.
pub const OTHER_OUTFLOW: [(&str, usize); 4] = [
    ("Terugkeer", 21),
    ("Verblijfsvergunning", 107),
    ("Doormigratie", 10),
    ("Overig", 35),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Afrika,
    Azie,
    EuropaAmerika,
}

pub struct Country {
    pub name: &'static str,
    pub persons: usize,
    pub region: Region,
    /// Only men from this country came to the steunpunten (report §4.2.3).
    pub men_only: bool,
    pub names: &'static NameBank,
}

const fn c(name: &'static str, persons: usize, region: Region, men_only: bool, names: &'static NameBank) -> Country {
    Country {
        name,
        persons,
        region,
        men_only,
        names,
    }
}

/// Table 8; the groups "Overig Afrika" (34), "Overige Azië" (36) and
/// "Europa / Amerika" (8) are spread over countries with fewer than 10 persons.
pub const COUNTRIES: [Country; 43] = [
    c("Angola", 154, Region::Afrika, false, &CENTRAL_AFRICA),
    c("Sierra Leone", 128, Region::Afrika, true, &WEST_AFRICA),
    c("Guinee", 76, Region::Afrika, true, &WEST_AFRICA),
    c("China", 52, Region::Azie, false, &ASIA),
    c("Irak", 26, Region::Azie, true, &ASIA),
    c("Niger", 25, Region::Afrika, true, &WEST_AFRICA),
    c("Congo", 23, Region::Afrika, false, &CENTRAL_AFRICA),
    c("Afghanistan", 22, Region::Azie, true, &ASIA),
    c("Somalië", 22, Region::Afrika, false, &EAST_AFRICA),
    c("Benin", 21, Region::Afrika, true, &WEST_AFRICA),
    c("Burundi", 21, Region::Afrika, false, &CENTRAL_AFRICA),
    c("Ethiopië", 19, Region::Afrika, false, &EAST_AFRICA),
    c("Liberia", 15, Region::Afrika, true, &WEST_AFRICA),
    c("Soedan", 13, Region::Afrika, true, &EAST_AFRICA),
    c("Togo", 13, Region::Afrika, false, &WEST_AFRICA),
    c("Vietnam", 13, Region::Azie, false, &ASIA),
    c("Nigeria", 12, Region::Afrika, false, &WEST_AFRICA),
    // Overig Afrika: 34
    c("Eritrea", 6, Region::Afrika, false, &EAST_AFRICA),
    c("Kameroen", 5, Region::Afrika, false, &CENTRAL_AFRICA),
    c("Ivoorkust", 4, Region::Afrika, false, &WEST_AFRICA),
    c("Gambia", 3, Region::Afrika, false, &WEST_AFRICA),
    c("Ghana", 3, Region::Afrika, false, &WEST_AFRICA),
    c("Mauritanië", 3, Region::Afrika, false, &WEST_AFRICA),
    c("Rwanda", 3, Region::Afrika, false, &CENTRAL_AFRICA),
    c("Oeganda", 2, Region::Afrika, false, &EAST_AFRICA),
    c("Tsjaad", 2, Region::Afrika, false, &CENTRAL_AFRICA),
    c("Mali", 2, Region::Afrika, false, &WEST_AFRICA),
    c("Marokko", 1, Region::Afrika, false, &EAST_AFRICA),
    // Overige Azië: 36
    c("Iran", 9, Region::Azie, false, &ASIA),
    c("Syrië", 5, Region::Azie, false, &ASIA),
    c("Sri Lanka", 5, Region::Azie, false, &ASIA),
    c("Mongolië", 4, Region::Azie, false, &ASIA),
    c("Pakistan", 3, Region::Azie, false, &ASIA),
    c("India", 3, Region::Azie, false, &ASIA),
    c("Myanmar", 2, Region::Azie, false, &ASIA),
    c("Nepal", 2, Region::Azie, false, &ASIA),
    c("Azerbeidzjan", 2, Region::Azie, false, &ASIA),
    c("Bangladesh", 1, Region::Azie, false, &ASIA),
    // Europa / Amerika: 8
    c("Kosovo", 3, Region::EuropaAmerika, false, &EUROPE_AMERICA),
    c("Albanië", 2, Region::EuropaAmerika, false, &EUROPE_AMERICA),
    c("Colombia", 1, Region::EuropaAmerika, false, &EUROPE_AMERICA),
    c("Rusland", 1, Region::EuropaAmerika, false, &EUROPE_AMERICA),
    c("Servië", 1, Region::EuropaAmerika, false, &EUROPE_AMERICA),
];

/// Pairs of countries that share a land border, used to plant "explained"
/// country differences (Table 3 note: 19 of them were neighbours).
pub const NEIGHBOURS: [(&str, &str); 12] = [
    ("Sierra Leone", "Guinee"),
    ("Guinee", "Sierra Leone"),
    ("Guinee", "Liberia"),
    ("Liberia", "Sierra Leone"),
    ("Angola", "Congo"),
    ("Niger", "Nigeria"),
    ("Benin", "Togo"),
    ("Togo", "Benin"),
    ("Somalië", "Ethiopië"),
    ("Ethiopië", "Eritrea"),
    ("Burundi", "Rwanda"),
    ("Afghanistan", "Iran"),
];

/// Table 3, split into disjoint profiles of links (see `population.rs`).
/// 13 sex, 63 birth date (13 incompatible), 36 country (4 in incompatible
/// links); 99 deviating links, 23 incompatible.
pub mod table3 {
    pub const SEX_ONLY: usize = 8;
    pub const SEX_AND_BIRTH: usize = 3;
    pub const SEX_AND_COUNTRY: usize = 2;
    pub const BIRTH_INCOMPATIBLE_ONLY: usize = 8;
    pub const BIRTH_INCOMPATIBLE_AND_COUNTRY: usize = 2;
    pub const BIRTH_COMPATIBLE_AND_COUNTRY: usize = 6;
    pub const BIRTH_COMPATIBLE_ONLY: usize = 44;
    pub const COUNTRY_ONLY: usize = 26;
    /// Of the 50 compatible birth-date differences: under a year apart,
    /// national date plausible, only the local date plausible.
    pub const BIRTH_UNDER_A_YEAR: usize = 30;
    pub const BIRTH_NATIONAL_PLAUSIBLE: usize = 12;
    pub const BIRTH_LOCAL_PLAUSIBLE: usize = 8;
    /// Of the 32 explained country differences.
    pub const COUNTRY_NEIGHBOUR: usize = 19;
    pub const COUNTRY_STATELESS: usize = 2;
    pub const COUNTRY_DUTCH: usize = 3;
    pub const COUNTRY_UNKNOWN: usize = 8;
}

/// 733 persons, 715 found in the national extract (2 of them only through the
/// fallback on name and birth date), so 18 not found.
pub const NOT_FOUND_VALID: usize = 14;
