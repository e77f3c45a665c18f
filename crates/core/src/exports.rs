//! Every way a file leaves the app or the command line, and what it may carry.
//! A test (`tests/exports.rs`) finds every download and file write in the
//! sources and fails on one that is not listed here; it runs the anonymisation
//! audit on each path that carries a row per person.

/// What an export may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// One row per person, protected: its audit must pass (and the file says so).
    ProtectedPersons,
    /// One row per person, not anonymous (the analysis file, for the researcher's own use): its
    /// audit fails, and the page and the file say it is not anonymous.
    PersonsNotAnonymous,
    /// One row per person with keyed pseudonyms for linkage: not anonymous (its audit fails), only
    /// for whoever links with the project secret.
    LinkagePseudonyms,
    /// The check's problems, a row per problem (identities only for the own organisation).
    CheckProblems,
    /// Counts, statistics, trees and charts: no row per person, through the disclosure rule.
    Aggregates,
    /// Fitted trees with every count (`run --exact`): no row per person, but not through the
    /// disclosure rule; for the researcher's own machine, asked for by name.
    ExactAggregates,
    /// Settings without data (the recept). It also keeps the fallback's estimated error rates:
    /// shares and counts of linkage decisions in the hold-out and in the run, no value of a person.
    Settings,
    /// The synthetic demo files (no real person).
    Synthetic,
}

/// One way out.
#[derive(Debug, Clone, Copy)]
pub struct ExportPath {
    pub name: &'static str,
    /// Where it is made: a worker export (`Export::…`), or a page or CLI source file.
    pub source: &'static str,
    pub contents: Contents,
}

const fn path(name: &'static str, source: &'static str, contents: Contents) -> ExportPath {
    ExportPath { name, source, contents }
}

use Contents::*;

/// Every export of the page and the command line.
pub const EXPORTS: &[ExportPath] = &[
    // The page: the worker's downloads, by export request.
    path("controles (xlsx, csv)", "Export::Check", CheckProblems),
    path("analysebestand (xlsx, csv)", "Export::Analysis", PersonsNotAnonymous),
    path(
        "beschermd analysebestand (xlsx, csv)",
        "Export::Anonymised",
        ProtectedPersons,
    ),
    path("koppelbestanden (csv, zip)", "Export::LinkageFiles", LinkagePseudonyms),
    path("tabel (xlsx, csv)", "Export::Table", Aggregates),
    path("recept (json)", "Export::Recept", Settings),
    path("verslag (docx)", "Export::Verslag", Aggregates),
    path("landelijk beeld (json)", "Export::NationalFigures", Aggregates),
    // The page's own downloads.
    path(
        "boomtabel en boomtabellen (xlsx), boom (json), regels (tekst, SPSS-syntax, SQL), model (PMML)",
        "src/components/tree_view.rs",
        Aggregates,
    ),
    path("verslag (html)", "src/components/report.rs", Aggregates),
    path(
        "landelijk beeld naast de eigen cijfers (html)",
        "src/components/national_view.rs",
        Aggregates,
    ),
    path("winstgrafieken (svg, png)", "src/components/gains.rs", Aggregates),
    path("boom en grafieken (svg, png)", "src/svg_export.rs", Aggregates),
    // The command line.
    path(
        "analysebestand en populatie (csv)",
        "crates/cli/src/link.rs",
        PersonsNotAnonymous,
    ),
    path(
        "beschermd analysebestand (xlsx, csv)",
        "crates/cli/src/anonymise.rs",
        ProtectedPersons,
    ),
    path(
        "koppelbestanden (csv)",
        "crates/cli/src/pseudonymise.rs",
        LinkagePseudonyms,
    ),
    path("controles (xlsx, csv)", "crates/cli/src/check.rs", CheckProblems),
    path(
        "tabellen (csv, svg), bomen (json, xlsx, svg) en verslag (html, docx, met bomen en grafieken als plaatje) van een recept",
        "crates/cli/src/run.rs",
        Aggregates,
    ),
    path(
        "bomen met alle aantallen (run --exact)",
        "crates/cli/src/run.rs",
        ExactAggregates,
    ),
    path(
        "regels van een boom (tekst, SPSS-syntax, SQL) en model (PMML)",
        "crates/cli/src/chaid.rs",
        Aggregates,
    ),
    path(
        "landelijk beeld (json): aantallen per categorie en een boom, door de onthullingsregel en de verschilregel",
        "crates/cli/src/national.rs",
        Aggregates,
    ),
    path("demobestanden", "crates/cli/src/demo.rs", Synthetic),
    path("benchmarkbestanden", "crates/cli/src/bench.rs", Synthetic),
];

/// The export made at `source`, if it is listed.
pub fn find(source: &str) -> Option<&'static ExportPath> {
    EXPORTS.iter().find(|e| e.source == source)
}
