//! Nothing parses on the page thread: the page hands a dropped file's bytes to the worker and
//! shows what comes back. A file that crashes a reader then costs the worker (which the page
//! replaces, keeping the session), never the page. Checked on the page's own sources: none of
//! them may call a reader, a parser of files, or the session that holds them.

/// The worker's side of `engine/`; every other source file runs on the page.
const WORKER_SIDE: [&str; 5] = ["worker.rs", "views.rs", "anonymise.rs", "downloads.rs", "js_bytes.rs"];

/// What reads or parses a user's file, or holds the session that does.
const PARSERS: [&str; 12] = [
    "ingest::load::load",
    "ingest::grid::read",
    "ingest::plain::",
    "read_workbook",
    "read_back(",
    "Recept::parse",
    "recept::Recept::parse",
    "calamine",
    "csv::Reader",
    "Session::",
    "Session<",
    "zip::ZipArchive",
];

fn page_sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            page_sources(&path, out);
        } else if name.ends_with(".rs")
            && !name.ends_with("_tests.rs")
            && !(dir.ends_with("engine") && WORKER_SIDE.contains(&name.as_str()))
        {
            out.push(path);
        }
    }
}

#[test]
fn the_page_thread_only_passes_bytes_to_the_worker() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    page_sources(&src, &mut files);
    assert!(files.len() > 20, "{} page sources", files.len());
    assert!(files.iter().any(|f| f.ends_with("components/files_step.rs")));
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for parser in PARSERS {
                if code.contains(parser) {
                    found.push(format!("{}:{}: {parser}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "parsing on the page thread: {found:#?}");
    // The check finds what it looks for: the worker does read files.
    let worker = std::fs::read_to_string(src.join("engine/worker.rs")).unwrap()
        + &std::fs::read_to_string(src.join("engine/anonymise.rs")).unwrap();
    assert!(
        PARSERS.iter().any(|p| worker.contains(p)),
        "the check looks for what the worker calls"
    );
}
