//! The worker's downloads: a file name and its bytes for each [`Export`], and the
//! audit of a file that carries rows per person where there is one to show.

use perspectief_core::anonymise::Audit;
use perspectief_core::check::export;
use perspectief_core::session::Session;
use perspectief_core::table::Sheet;

use super::js_bytes::JsBytes;
use super::protocol::{Export, ExportFormat, Failure};
use crate::download::today;

/// A download: its name, its bytes, and the audit of what it holds (linkage files with fields).
pub struct Download {
    pub name: String,
    pub bytes: Vec<u8>,
    pub audit: Option<Audit>,
    /// Linkage files: the frequency-attack self-test of each.
    pub self_tests: Vec<perspectief_core::link::attack::SelfTest>,
}

fn plain(name: String, bytes: Vec<u8>) -> Download {
    Download {
        name,
        bytes,
        audit: None,
        self_tests: Vec::new(),
    }
}

/// A sheet in the format asked for.
/// A sheet as xlsx or csv, its fixed words in `locale`.
fn sheet_file(
    stem: &str,
    sheet: Sheet,
    format: ExportFormat,
    locale: perspectief_core::locale::Locale,
) -> Result<Download, Failure> {
    let sheet = perspectief_core::messages::localize_sheet(sheet, locale);
    Ok(match format {
        ExportFormat::Xlsx => plain(
            format!("{stem}.xlsx"),
            perspectief_core::write::xlsx::write(&[sheet], today(), locale).map_err(|e| e.to_string())?,
        ),
        ExportFormat::Csv => plain(
            format!("{stem}.csv"),
            perspectief_core::write::csv::write(&sheet, perspectief_core::write::csv::CsvStyle::default()),
        ),
    })
}

pub fn make(
    session: &mut Session<JsBytes>,
    export: Export,
    locale: perspectief_core::locale::Locale,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> Result<Download, Failure> {
    match export {
        Export::Check {
            format,
            steunpunt,
            own_organisation,
        } => {
            let result = session.checked(progress)?;
            let sp = steunpunt.as_deref();
            let slug = sp.map_or("alle-steunpunten".to_string(), |s| s.to_lowercase().replace(' ', "-"));
            let (audience, suffix) = if own_organisation {
                (export::Audience::OwnOrganisation, "-eigen-organisatie")
            } else {
                (export::Audience::Others, "")
            };
            Ok(match format {
                ExportFormat::Xlsx => plain(
                    format!("controle-{slug}{suffix}.xlsx"),
                    export::xlsx(result, sp, audience, today(), locale)?,
                ),
                ExportFormat::Csv => plain(
                    format!("controle-{slug}{suffix}.csv"),
                    export::csv(result, sp, audience, locale),
                ),
            })
        }
        Export::Analysis { format } => {
            let a = session.analysis_file(progress)?;
            sheet_file("analysebestand", a.sheet(crate::random::seed()?), format, locale)
        }
        Export::Anonymised { settings, format } => {
            let population = session.population(progress);
            let a = session.analysis_file(progress)?;
            let columns = a.columns();
            let checked = settings.check(&columns)?;
            let extra = super::anonymise::refs(&population);
            let (name, bytes) = super::anonymise::file(&columns, extra.as_deref(), &checked, format, today())?;
            Ok(plain(name, bytes))
        }
        Export::LinkageFiles { secret, extra } => {
            let secret = perspectief_core::link::pseudonym::Secret::from_text(&secret)?;
            let (name, bytes, audit, self_tests) =
                super::anonymise::linkage_files(&session.loaded(), &secret, today(), &extra)?;
            Ok(Download {
                name,
                bytes,
                audit,
                self_tests,
            })
        }
        Export::Table {
            table,
            threshold,
            format,
        } => {
            let a = session.analysis_file(progress)?;
            let view = perspectief_core::analysis::run::table(a, &table, threshold)?;
            let (sheet, stem) = view.sheet();
            sheet_file(&format!("tabel-{stem}"), sheet, format, locale)
        }
        Export::Recept => Ok(plain(
            "perspectief-recept.json".into(),
            session.recept().to_json().into_bytes(),
        )),
        Export::NationalFigures => {
            let a = session.analysis_file(progress)?;
            let figures = perspectief_core::national::from_analysis(a, &Default::default())?;
            Ok(plain("landelijk-beeld.json".into(), figures.to_json().into_bytes()))
        }
        Export::Verslag { analyses, pictures } => {
            let threshold = perspectief_core::disclosure::DEFAULT_THRESHOLD;
            let made = today().dutch();
            let verslag =
                perspectief_core::verslag::build::build(session, &analyses, &pictures, threshold, &made, locale)?;
            let bytes = perspectief_core::write::docx::write(&verslag).map_err(|e| e.to_string())?;
            Ok(plain("perspectief-verslag.docx".into(), bytes))
        }
    }
}
