//! Workbooks in Excel's 1904 date system (older Excel for Mac: `<workbookPr date1904="1"/>`)
//! mean their date serials from 1-1-1904. A copy of a demo registration written that way reads
//! exactly like the same workbook in the 1900 system and like the demo's CSV: the same dates,
//! the same check, and a demo registration written that way (as xlsx, xls or xlsb) gives the same
//! analysis file as the same workbook in the 1900 system. (Synthetic: the demo's invented persons.)

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::fields::Field;
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;

mod common;
mod workbooks;
use workbooks::xlsx_from_csv as workbook;

fn read(name: &str, bytes: &[u8]) -> LoadedFile {
    load(name, bytes, None, &known_with(&[])).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn dates(file: &LoadedFile) -> Vec<[Option<String>; 3]> {
    file.records
        .iter()
        .map(|r| {
            [Field::Geboortedatum, Field::DatumInstroom, Field::DatumUitstroom].map(|f| r.date(f).map(|d| d.dutch()))
        })
        .collect()
}

#[test]
fn a_1904_workbook_reads_like_the_1900_workbook_and_the_csv() {
    let demo = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
    let csv_bytes = &demo.files.iter().find(|f| f.name == "tilburg.csv").unwrap().bytes;
    let csv = String::from_utf8(csv_bytes.clone()).unwrap().replace("\r\n", "\n");
    let (plain, x1900, x1904) = (
        read("tilburg.csv", csv_bytes),
        read("tilburg.xlsx", &workbook(&csv, false)),
        read("tilburg.xlsx", &workbook(&csv, true)),
    );
    let want = dates(&plain);
    assert!(
        want.len() > 20 && want.iter().filter(|d| d[0].is_some()).count() > 20,
        "the demo file has birth dates"
    );
    assert_eq!(dates(&x1900), want, "the 1900 workbook");
    assert_eq!(
        dates(&x1904),
        want,
        "the 1904 workbook: no date four years and a day early"
    );
    let options = CheckOptions::default();
    let (a, b) = (check(&[&x1900], &options), check(&[&x1904], &options));
    assert_eq!(format!("{:?}", a.problems), format!("{:?}", b.problems));
    assert_eq!(a.persons.len(), b.persons.len());
}

/// The demo with tilburg.csv replaced by a workbook of the same rows: its analysis file.
fn analysis_with(name: &str, bytes: &[u8]) -> perspectief_core::analysis::AnalysisFile {
    let mut files = common::demo_files();
    let at = files.iter().position(|f| f.name == "tilburg.csv").unwrap();
    files[at] = read(name, bytes);
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    let linkage = perspectief_core::link::linkage::link(&refs, &checked, &Default::default()).unwrap();
    perspectief_core::analysis::build(&refs, &checked, &linkage, None)
}

#[test]
fn a_1904_copy_of_a_demo_registration_gives_the_same_analysis_file_as_xlsx_xls_and_xlsb() {
    let demo = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
    let csv_bytes = &demo.files.iter().find(|f| f.name == "tilburg.csv").unwrap().bytes;
    let csv = String::from_utf8(csv_bytes.clone()).unwrap().replace("\r\n", "\n");
    let xlsx = analysis_with("tilburg.xlsx", &workbook(&csv, false));
    assert_eq!(analysis_with("tilburg.xlsx", &workbook(&csv, true)), xlsx, "xlsx, 1904");
    let xls_1900 = workbooks::xls::from_csv(&csv, false);
    let xls_1904 = workbooks::xls::from_csv(&csv, true);
    assert_ne!(xls_1900, xls_1904, "the serials differ");
    let xls = analysis_with("tilburg.xls", &xls_1900);
    assert_eq!(analysis_with("tilburg.xls", &xls_1904), xls, "xls, 1904");
    let xlsb_1900 = workbooks::xlsb::from_csv(&csv, false);
    let xlsb_1904 = workbooks::xlsb::from_csv(&csv, true);
    let xlsb = analysis_with("tilburg.xlsb", &xlsb_1900);
    assert_eq!(analysis_with("tilburg.xlsb", &xlsb_1904), xlsb, "xlsb, 1904");
    assert_eq!(
        dates(&read("tilburg.xlsb", &xlsb_1904)),
        dates(&read("tilburg.csv", csv_bytes)),
        "xlsb dates"
    );
    // The xls gives the dates of the CSV (the writer is sound, so the comparison means something).
    assert_eq!(
        dates(&read("tilburg.xls", &xls_1904)),
        dates(&read("tilburg.csv", csv_bytes))
    );
}
