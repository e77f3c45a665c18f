//! The report's pictures on the command line: a tree or a table's chart drawn by the core (the
//! page's drawings) as an SVG file of its own, and as PNG at twice its size for the report,
//! drawn with this machine's fonts. The page draws the same SVG on a canvas.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

/// The largest picture drawn, in bytes of pixels (4 a pixel): a tree wider than this at twice
/// its size is drawn at its own size, and one too large even then is left out, with a message.
const BUDGET: u64 = 64 << 20;

/// The families tried for the drawing's sans-serif, in order: metrics like Arial first, then
/// what Debian and most Linux machines have.
const FAMILIES: [&str; 5] = ["Liberation Sans", "Arial", "DejaVu Sans", "Noto Sans", "FreeSans"];

/// Why a picture could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum PictureError {
    /// The machine has none of [`FAMILIES`] (nor any other font): the text would be missing.
    NoFont,
    /// Too large to draw within [`BUDGET`], even at its own size.
    TooLarge { width: u32, height: u32 },
    /// The SVG did not parse, or the PNG was not written (a fault of ours; said with the
    /// library's words).
    Svg(String),
}

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureError::NoFont => write!(
                f,
                "Geen lettertype gevonden om bomen en grafieken te tekenen; het verslag krijgt hun tabellen en tekst, zonder plaatje. Installeer bijvoorbeeld fonts-dejavu-core of fonts-liberation."
            ),
            PictureError::TooLarge { width, height } => write!(
                f,
                "Te groot om als plaatje te tekenen ({width} × {height} beeldpunten); het verslag krijgt de tabellen en tekst. Een kleinere maximale diepte geeft een kleinere boom."
            ),
            PictureError::Svg(e) => write!(f, "De tekening kon niet worden gelezen: {e}"),
        }
    }
}

/// A drawing of the core (`svg`, its looks in `style`) as an SVG file: its namespace, its styles
/// inside, on white.
pub fn svg_file(svg: &str, style: &str) -> String {
    let open = svg.find('>').map_or(svg.len(), |i| i + 1);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"{}<style>{style}</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>{}",
        &svg["<svg".len()..open],
        &svg[open..]
    )
}

/// What draws the pictures: the machine's fonts, looked up once.
pub struct Painter {
    options: usvg::Options<'static>,
}

impl Painter {
    /// The machine's fonts, with the first of [`FAMILIES`] it has as the sans-serif.
    pub fn new() -> Result<Painter, PictureError> {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_system_fonts();
        let family = FAMILIES
            .iter()
            .find(|f| {
                fonts
                    .faces()
                    .any(|face| face.families.iter().any(|(name, _)| name == *f))
            })
            .map(|f| f.to_string())
            .or_else(|| {
                fonts
                    .faces()
                    .next()
                    .and_then(|f| f.families.first())
                    .map(|(n, _)| n.clone())
            })
            .ok_or(PictureError::NoFont)?;
        fonts.set_sans_serif_family(family.clone());
        Ok(Painter {
            options: usvg::Options {
                resources_dir: None,
                font_family: family,
                fontdb: Arc::new(fonts),
                ..usvg::Options::default()
            },
        })
    }

    /// `svg` as PNG at twice its size (its own size when that would pass the budget), with the
    /// size in the drawing's pixels.
    pub fn png(&self, svg: &str) -> Result<(Vec<u8>, u32, u32), PictureError> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| PictureError::Svg(e.to_string()))?;
        let size = tree.size().to_int_size();
        let (width, height) = (size.width(), size.height());
        let bytes = |scale: u64| width as u64 * scale * height as u64 * scale * 4;
        let scale = match (bytes(2) <= BUDGET, bytes(1) <= BUDGET) {
            (true, _) => 2,
            (false, true) => 1,
            (false, false) => return Err(PictureError::TooLarge { width, height }),
        };
        let mut pixmap =
            tiny_skia::Pixmap::new(width * scale, height * scale).ok_or(PictureError::TooLarge { width, height })?;
        pixmap.fill(tiny_skia::Color::WHITE);
        let s = scale as f32;
        resvg::render(&tree, tiny_skia::Transform::from_scale(s, s), &mut pixmap.as_mut());
        let png = pixmap.encode_png().map_err(|e| PictureError::Svg(e.to_string()))?;
        Ok((png, width, height))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dark pixels in a picture of `svg`: how much was drawn.
    fn ink(svg: &str) -> usize {
        let (png, _, _) = Painter::new().unwrap().png(svg).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        pixmap.pixels().iter().filter(|p| p.red() < 128).count()
    }

    #[test]
    fn text_is_drawn_with_a_font_of_the_machine() {
        let blank = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="100%" height="100%" fill="#fff"/></svg>"##;
        let text = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" class="pf-tree"><style>.pf-tree text{font-family:system-ui,sans-serif;font-size:12px;fill:#1a1a1a}</style><rect width="100%" height="100%" fill="#fff"/><text x="10" y="25">Knoop 0 — 733 ex-AMV's</text></svg>"##;
        assert_eq!(ink(blank), 0);
        assert!(ink(text) > 200, "the text left {} dark pixels", ink(text));
    }

    #[test]
    fn a_picture_is_twice_its_size_within_the_budget_and_refused_beyond() {
        let painter = Painter::new().unwrap();
        let svg =
            |w: u32, h: u32| format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"></svg>"#);
        let (png, w, h) = painter.png(&svg(300, 100)).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((w, h, pixmap.width(), pixmap.height()), (300, 100, 600, 200));
        // 4,200 × 1,000 at twice its size would pass the budget: drawn at its own size.
        let (png, _, _) = painter.png(&svg(4_200, 1_000)).unwrap();
        assert_eq!(tiny_skia::Pixmap::decode_png(&png).unwrap().width(), 4_200);
        assert_eq!(
            painter.png(&svg(20_000, 20_000)),
            Err(PictureError::TooLarge {
                width: 20_000,
                height: 20_000
            })
        );
    }
}
