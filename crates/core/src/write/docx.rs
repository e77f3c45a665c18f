//! A Word document (Office Open XML, `.docx`) from a [`Verslag`]: headings as Word's heading
//! styles (so the navigation pane and a table of contents find them), the text as paragraphs,
//! tables as real Word tables with a repeated header row and their notes under them, pictures
//! as inline PNG. Written by hand with the archive writer the app already has: the format needs
//! six small XML parts, and a library for it would add more to the page than this file.

use crate::table::{Cell, Sheet};
use crate::verslag::{Block, Verslag};

use super::zip::{self, ZipError};

fn esc(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\t' || c == '\n' || c >= ' ')
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn run(text: &str, props: &str) -> String {
    format!("<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
}

fn paragraph(style: Option<&str>, text: &str, props: &str) -> String {
    let p_pr = style.map_or(String::new(), |s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"));
    format!("<w:p>{p_pr}{}</w:p>", run(text, props))
}

fn table(sheet: &Sheet, l: crate::locale::Locale) -> String {
    let cell_text = |c: &Cell| crate::verslag::cell_text(c, l);
    let mut out = String::new();
    for row in &sheet.title_rows {
        let line: Vec<String> = row.iter().map(&cell_text).filter(|t| !t.is_empty()).collect();
        if !line.is_empty() {
            out.push_str(&paragraph(Some("Caption"), &line.join(" "), ""));
        }
    }
    let columns = sheet
        .header
        .len()
        .max(sheet.rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    out.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabelraster\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>",
    );
    for _ in 0..columns {
        out.push_str("<w:gridCol/>");
    }
    out.push_str("</w:tblGrid>");
    let row_xml = |cells: Vec<String>, header: bool| {
        let tr_pr = if header { "<w:trPr><w:tblHeader/></w:trPr>" } else { "" };
        let props = if header { "<w:rPr><w:b/></w:rPr>" } else { "" };
        let tcs: String = (0..columns)
            .map(|j| {
                let t = cells.get(j).cloned().unwrap_or_default();
                format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>{}</w:tc>",
                    paragraph(None, &t, props)
                )
            })
            .collect();
        format!("<w:tr>{tr_pr}{tcs}</w:tr>")
    };
    if !sheet.header.is_empty() {
        out.push_str(&row_xml(sheet.header.clone(), true));
    }
    for r in &sheet.rows {
        out.push_str(&row_xml(r.iter().map(&cell_text).collect(), false));
    }
    for r in sheet.footer_rows.iter().filter(|r| crate::verslag::is_total(r)) {
        out.push_str(&row_xml(r.iter().map(&cell_text).collect(), false));
    }
    out.push_str("</w:tbl>");
    for row in sheet.footer_rows.iter().filter(|r| !crate::verslag::is_total(r)) {
        let line: Vec<String> = row.iter().map(&cell_text).filter(|t| !t.is_empty()).collect();
        if !line.is_empty() {
            out.push_str(&paragraph(Some("Noot"), &line.join(" "), ""));
        }
    }
    out
}

/// 9,525 EMU to a pixel (96 per inch); a picture at most 16 cm wide.
const EMU_PER_PX: u64 = 9525;
const MAX_WIDTH_EMU: u64 = 5_760_000;

fn image(index: usize, width: u32, height: u32, alt: &str) -> String {
    let (mut cx, mut cy) = (width.max(1) as u64 * EMU_PER_PX, height.max(1) as u64 * EMU_PER_PX);
    if cx > MAX_WIDTH_EMU {
        cy = cy * MAX_WIDTH_EMU / cx;
        cx = MAX_WIDTH_EMU;
    }
    let id = index + 1;
    let alt = esc(alt);
    format!(
        "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:docPr id=\"{id}\" name=\"Afbeelding {id}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
<pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"afbeelding{id}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rIdImage{id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"30\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Noot\"><w:name w:val=\"Noot\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"60\"/></w:pPr><w:rPr><w:i/><w:sz w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"Tabelraster\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>\
<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C0C0C0\"/></w:tblBorders>\
<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

/// The Word file of `v`, with its locale as the proofing language.
pub fn write(v: &Verslag) -> Result<Vec<u8>, ZipError> {
    let mut body = paragraph(Some("Title"), &v.title, "");
    for line in &v.intro {
        body.push_str(&paragraph(None, line, ""));
    }
    let mut images: Vec<Vec<u8>> = Vec::new();
    for s in &v.sections {
        body.push_str(&paragraph(Some("Heading1"), &s.title, ""));
        for b in &s.blocks {
            match b {
                Block::Text(n) => {
                    for line in n.plain().lines() {
                        body.push_str(&paragraph(None, line, ""));
                    }
                }
                Block::Paragraph(p) => body.push_str(&paragraph(None, p, "")),
                Block::Table(sheet) => body.push_str(&table(sheet, v.locale)),
                Block::Image {
                    png,
                    width,
                    height,
                    alt,
                } => {
                    body.push_str(&image(images.len(), *width, *height, alt));
                    images.push(png.clone());
                }
            }
        }
    }
    body.push_str("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>");
    let document = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{body}</w:body></w:document>");
    let styles = STYLES.replace("nl-NL", v.locale.region_tag());
    let image_rels: String = (1..=images.len())
        .map(|i| format!("<Relationship Id=\"rIdImage{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/afbeelding{i}.png\"/>"))
        .collect();
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>{image_rels}</Relationships>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>";
    let package_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let mut files = vec![
        ("[Content_Types].xml".to_string(), content_types.as_bytes().to_vec()),
        ("_rels/.rels".to_string(), package_rels.as_bytes().to_vec()),
        ("word/document.xml".to_string(), document.into_bytes()),
        ("word/styles.xml".to_string(), styles.into_bytes()),
        ("word/_rels/document.xml.rels".to_string(), rels.into_bytes()),
    ];
    for (i, png) in images.into_iter().enumerate() {
        files.push((format!("word/media/afbeelding{}.png", i + 1), png));
    }
    zip::write(&files)
}
