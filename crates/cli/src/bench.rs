//! `perspectief bench-fit`: time the CHAID fit on synthetic data against the
//! physical floor (one counting pass per level), in one run.

use std::time::Instant;

use perspectief_core::chaid::synthetic::{byte_classes, counting_pass, dataset};
use perspectief_core::chaid::{fit, ChaidParams};

#[derive(clap::Args)]
pub struct BenchArgs {
    #[arg(long, default_value_t = 1_000_000)]
    rows: usize,
    #[arg(long, default_value_t = 30)]
    predictors: usize,
    /// Nominal, ordinal and binned scale predictors mixed.
    #[arg(long)]
    mixed: bool,
    #[arg(long, default_value_t = 5)]
    repeat: usize,
    /// Write the synthetic data as CSV (columns y, x0, x1, …) and stop.
    #[arg(long)]
    write_csv: Option<std::path::PathBuf>,
}

fn write_csv(data: &perspectief_core::chaid::Dataset, path: &std::path::Path) -> Result<(), String> {
    use std::io::Write;
    let file = std::fs::File::create(path).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let names: Vec<&str> = data.predictors.iter().map(|p| p.name.as_str()).collect();
    let err = |e: std::io::Error| e.to_string();
    writeln!(out, "y,{}", names.join(",")).map_err(err)?;
    let perspectief_core::chaid::Target::Classes { codes: y, .. } = &data.target else {
        return Ok(());
    };
    let mut line = String::new();
    for (row, class) in y.iter().enumerate() {
        line.clear();
        line.push_str(&class.to_string());
        for p in &data.predictors {
            line.push_str(",c");
            line.push_str(&p.codes.get(row).to_string());
        }
        writeln!(out, "{line}").map_err(err)?;
    }
    out.flush().map_err(err)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

pub fn run(args: &BenchArgs) -> Result<(), String> {
    let data = dataset(args.rows, args.predictors, 42, args.mixed);
    if let Some(path) = &args.write_csv {
        return write_csv(&data, path);
    }
    let params = ChaidParams::default()
        .max_depth(3)
        .min_parent(100.0)
        .min_child(50.0)
        .check()
        .map_err(|e| e.to_string())?;
    let y = byte_classes(&data);
    let mut floor = Vec::new();
    let mut fits = Vec::new();
    let mut nodes = 0;
    let mut levels = 0;
    for _ in 0..args.repeat {
        let t = Instant::now();
        std::hint::black_box(counting_pass(&data, &y));
        floor.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let tree = fit(&data, &params).map_err(|e| e.to_string())?;
        fits.push(t.elapsed().as_secs_f64() * 1e3);
        nodes = tree.nodes.len();
        levels = tree
            .nodes
            .iter()
            .filter(|n| n.split.is_some())
            .map(|n| n.depth + 1)
            .max()
            .unwrap_or(0);
    }
    let (f, m) = (median(floor), median(fits));
    println!(
        "rows={} predictors={} mixed={} nodes={nodes} split_levels={levels} fit_ms={m:.1} floor_pass_ms={f:.1} floor_ms={:.1} ratio={:.2}",
        args.rows,
        args.predictors,
        args.mixed,
        f * levels.max(1) as f64,
        m / (f * levels.max(1) as f64)
    );
    Ok(())
}
