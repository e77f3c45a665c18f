//! `perspectief run` writes the report as `verslag.html` and `verslag.docx`; LibreOffice
//! (Debian's `libreoffice-writer-nogui`, installed by `make setup`) opens the Word file headless
//! and converts it to text without error, and that text holds every paragraph, heading and table
//! cell of the report in order; it prints the tree's and the chart's pictures. `perspectief chaid --narrative` prints the text after the tree.

use std::path::Path;
use std::process::Command;

mod common;

/// A Word file as LibreOffice converts it to `filter` ("txt:Text (encoded):UTF8", "pdf").
fn libreoffice(docx: &Path, filter: &str, extension: &str) -> Vec<u8> {
    let out_dir = docx.parent().unwrap().join("lo");
    std::fs::create_dir_all(&out_dir).unwrap();
    let profile = docx.parent().unwrap().join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(&out_dir)
        .arg(docx)
        .output()
        .expect("LibreOffice (soffice) is installed: make setup");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let converted = out_dir.join(docx.with_extension(extension).file_name().unwrap());
    std::fs::read(&converted)
        .unwrap_or_else(|e| panic!("{}: {e}\n{}", converted.display(), String::from_utf8_lossy(&out.stdout)))
}

/// The text LibreOffice reads from a Word file.
fn libreoffice_text(docx: &Path) -> String {
    String::from_utf8(libreoffice(docx, "txt:Text (encoded):UTF8", "txt")).unwrap()
}

/// The value of attribute `name` in the first tag of `svg`.
fn attribute(svg: &str, name: &str) -> u32 {
    let tag = &svg[..svg.find('>').unwrap()];
    let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    tag[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn a_run_writes_a_report_that_libreoffice_opens_and_whose_text_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let files = common::demo_files(dir.path());
    let recept = serde_json::json!({
        "format": "perspectief-recept/1",
        "files": [],
        "peildatum": { "year": 2011, "month": 4, "day": 1 },
        "analyses": [
            { "type": "table", "table": { "kind": "crosstab", "row": "geslacht", "col": "mob" }, "threshold": 5 },
            { "type": "tree", "target": "mob", "predictors": ["communicatie_dtv", "contacten_per_maand", "geslacht", "regio_herkomst"], "params": {}, "target_class": "ja" },
            { "type": "compare", "target": "in_begeleiding", "params": {} }
        ]
    });
    let (out_dir, out) = common::run_recept(dir.path(), &recept, &files);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(out_dir.join("verslag.html")).unwrap();
    assert!(
        html.contains("<h2>Boom voor Vertrokken met onbekende bestemming (MOB)</h2>"),
        "{html}"
    );
    assert!(html.contains("class=\"pf-trace\""), "the numbers carry their traces");
    assert!(
        html.contains("<h2>Werkwijze</h2>") && html.contains("SHA-256"),
        "the methods"
    );
    let docx = out_dir.join("verslag.docx");
    let text = libreoffice_text(&docx);
    // Every line of the report, in order, in what LibreOffice read.
    let mut rest = text.as_str();
    let lines: Vec<String> = html_lines(&html);
    assert!(lines.len() > 20, "{lines:?}");
    for line in &lines {
        let at = rest
            .find(line.as_str())
            .unwrap_or_else(|| panic!("not in the Word file's text (in order): {line:?}\n---\n{text}"));
        rest = &rest[at + line.len()..];
    }
    assert!(
        text.contains("vertrok") && text.contains("met onbekende bestemming"),
        "{text}"
    );
    // The tree as a picture: an SVG file beside its JSON, and in both reports as PNG at twice
    // its size, which LibreOffice places in what it prints.
    let svg = std::fs::read_to_string(out_dir.join("02-boom-mob.svg")).unwrap();
    assert!(
        svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" class="pf-tree" role="img""#),
        "{svg}"
    );
    assert!(svg.contains("<style>") && svg.contains(">Knoop 0</text>"), "{svg}");
    let (width, height) = (attribute(&svg, "width"), attribute(&svg, "height"));
    assert!(
        html.contains(r#"alt="Beslisboom: Boom voor Vertrokken met onbekende bestemming (MOB)">"#)
            && html.contains(&format!(r#"width="{width}" height="{height}""#)),
        "the HTML report has the picture"
    );
    // The crosstab's chart likewise, before the tree.
    let chart = std::fs::read_to_string(out_dir.join("01-tabel-geslacht.svg")).unwrap();
    assert!(
        chart.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" id="pf-chart-svg" class="pf-chart" role="img""#),
        "{chart}"
    );
    let (chart_width, chart_height) = (attribute(&chart, "width"), attribute(&chart, "height"));
    assert!(html.contains(r#"alt="Grafiek: "#), "the HTML report has the chart");
    let pdf = libreoffice(&docx, "pdf", "pdf");
    for (what, w, h) in [("chart", chart_width, chart_height), ("tree", width, height)] {
        let image = format!("/Subtype/Image/Width {}/Height {}", 2 * w, 2 * h);
        assert!(
            pdf.windows(image.len()).any(|w| w == image.as_bytes()),
            "LibreOffice prints the {what}'s picture ({image})"
        );
    }
}

/// The paragraphs and headings of the HTML report as text (its tables are cells in LibreOffice's
/// text, one per line).
fn html_lines(html: &str) -> Vec<String> {
    let body = &html[html.find("<main>").unwrap()..];
    let mut out = Vec::new();
    for part in body.split(['<']) {
        let text = part.split_once('>').map_or("", |(_, t)| t);
        let t = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        if !t.trim().is_empty() {
            out.push(t.trim().to_string());
        }
    }
    out
}

#[test]
fn chaid_narrative_prints_the_text_after_the_tree_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/reference/titanic.csv");
    for (lang, expect) in [("nl", "Het percentage met survived"), ("en", "The share with survived")] {
        let out = Command::new(common::bin())
            .current_dir(dir.path())
            .args(["chaid", "--data"])
            .arg(&data)
            .args([
                "--target",
                "survived",
                "--predictors",
                "sex,pclass,embarked",
                "--narrative",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let text = stdout.rsplit("\n\n").next().unwrap();
        assert!(stdout.contains(expect), "{stdout}");
        assert!(text.to_lowercase().contains("sex"), "{text}");
    }
}
