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
    crate::say!(
        "rows={} predictors={} mixed={} nodes={nodes} split_levels={levels} fit_ms={m:.1} floor_pass_ms={f:.1} floor_ms={:.1} ratio={:.2}",
        args.rows,
        args.predictors,
        args.mixed,
        f * levels.max(1) as f64,
        m / (f * levels.max(1) as f64)
    );
    Ok(())
}

#[derive(clap::Args)]
pub struct DataArgs {
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    /// Folder for registratie_<rows>.xlsx and .csv (synthetic).
    #[arg(long)]
    out: std::path::PathBuf,
}

/// Write a large synthetic registration (xlsx and csv) for the parse benchmark.
pub fn write_data(args: &DataArgs) -> Result<(), String> {
    use perspectief_core::date::Date;
    use perspectief_core::rng::Rng;
    use perspectief_core::table::{Cell, Sheet};
    let header = [
        "V-nummer",
        "Naam",
        "Geslacht",
        "Geboortedatum",
        "Land van herkomst",
        "Datum instroom",
        "Datum uitstroom",
        "Resultaat",
        "Aantal contacten",
        "Onder behandeling arts",
    ];
    let mut sheet = Sheet::new("Registratie", header.iter().map(|h| h.to_string()).collect());
    sheet
        .title_rows
        .push(vec![Cell::text("Synthetische benchmarkgegevens (geen echte personen)")]);
    let mut rng = Rng::new(7);
    let countries = ["Angola", "Sierra Leone", "Guinee", "China", "Irak", "Somalië"];
    let results = ["In begeleiding", "MOB", "Terugkeer", "Verblijfsvergunning"];
    for i in 0..args.rows {
        let instroom = Date::new(2009, 10, 1).expect("date").add_days(rng.range(-700, 390));
        let birth = instroom.add_days(-rng.range(18 * 366, 24 * 365));
        let result = *rng.pick(&results);
        let uitstroom = (result != "In begeleiding").then(|| instroom.add_days(rng.range(10, 300)));
        sheet.rows.push(vec![
            Cell::text(format!("{:010}", 100_000_000 + i as u64 * 7919 % 8_999_999_999)),
            Cell::text(format!("Persoon {i}")),
            Cell::text(if rng.chance(0.8) { "M" } else { "V" }),
            Cell::Date(birth),
            Cell::text(*rng.pick(&countries)),
            Cell::Date(instroom),
            uitstroom.map_or(Cell::Empty, Cell::Date),
            Cell::text(result),
            Cell::Number(rng.range(0, 80) as f64),
            Cell::text(if rng.chance(0.3) { "ja" } else { "nee" }),
        ]);
    }
    std::fs::create_dir_all(&args.out).map_err(|e| e.to_string())?;
    let created = Date::new(2026, 1, 1).expect("date");
    let xlsx = perspectief_core::write::xlsx::write(
        std::slice::from_ref(&sheet),
        created,
        perspectief_core::locale::Locale::Nl,
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(args.out.join(format!("registratie_{}.xlsx", args.rows)), xlsx).map_err(|e| e.to_string())?;
    let csv = perspectief_core::write::csv::write(&sheet, perspectief_core::write::csv::CsvStyle::default());
    std::fs::write(args.out.join(format!("registratie_{}.csv", args.rows)), csv).map_err(|e| e.to_string())?;
    Ok(())
}

#[derive(clap::Args)]
pub struct ParseArgs {
    files: Vec<std::path::PathBuf>,
    #[arg(long, default_value_t = 3)]
    repeat: usize,
}

/// Time reading and checking each file natively (median of `repeat`).
pub fn parse(args: &ParseArgs) -> Result<(), String> {
    use perspectief_core::check::registration::{check, CheckOptions};
    use perspectief_core::ingest::load::load;
    let known = perspectief_core::ingest::steunpunt::known_with(&[]);
    for path in &args.files {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..args.repeat {
            let t = Instant::now();
            let f = load(&name, &bytes, None, &known).map_err(|e| e.to_string())?;
            rows = f.records.len();
            let r = check(std::slice::from_ref(&f), &CheckOptions::default());
            std::hint::black_box(r.persons.len());
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let m = median(times);
        let t = Instant::now();
        let mut source = perspectief_core::ingest::grid::read(&name, &bytes, u64::MAX).map_err(|e| e.to_string())?;
        let grid_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let table = perspectief_core::ingest::table::find_table(&mut source.grids[0], None).ok_or("no table")?;
        let table_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let _ = perspectief_core::ingest::records::records(&name, &table);
        let records_ms = t.elapsed().as_secs_f64() * 1e3;
        crate::say!(
            "file={name} rows={rows} read_and_check_ms={m:.0} rows_per_s={:.0} (cells {grid_ms:.0} ms, table {table_ms:.0} ms, records {records_ms:.0} ms)",
            rows as f64 / (m / 1e3)
        );
    }
    Ok(())
}

#[derive(clap::Args)]
pub struct LinkBenchArgs {
    #[arg(long, default_value_t = 1_000_000)]
    rows: usize,
    /// Also write the two CSV files here (for the browser benchmark).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// Synthetic registrations and a national extract: every person in both,
/// 5% without a V-nummer locally (they need the fallback).
pub fn link_data(rows: usize) -> (Vec<u8>, Vec<u8>) {
    use perspectief_core::date::Date;
    use perspectief_core::rng::Rng;
    use std::fmt::Write;
    let mut rng = Rng::new(11);
    let syllables = [
        "ka", "ma", "ra", "se", "di", "lo", "ba", "to", "ni", "fa", "mu", "sa", "ko", "li", "wa", "ye",
    ];
    let word = |rng: &mut Rng| {
        let n = rng.range(2, 4);
        let mut w: String = (0..n).map(|_| *rng.pick(&syllables)).collect();
        w[..1].make_ascii_uppercase();
        w
    };
    // Outcomes from a generator of their own (the other columns stay as they were), with
    // MOB more likely for men and for later intakes, so that a tree has splits to find.
    let mut outcomes = Rng::new(12);
    let others = ["In begeleiding", "Terugkeer", "Verblijfsvergunning"];
    let mut local = String::from(
        "Steunpunt;V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom;Resultaat;Datum uitstroom\n",
    );
    let mut national = String::from("V-nummer;Naam;Geslacht;Geboortedatum;Nationaliteit;Datum eerste registratie\n");
    for i in 0..rows {
        let v = format!("{:010}", 1_000_000_000u64 + i as u64);
        let name = format!("{} {}", word(&mut rng), word(&mut rng));
        let sex = if rng.chance(0.8) { "M" } else { "V" };
        let birth = Date::new(1988, 1, 1).expect("date").add_days(rng.range(0, 6 * 365));
        let intake = birth.add_days(rng.range(18 * 366, 22 * 365));
        let registered = birth.add_days(rng.range(14 * 365, 17 * 365));
        let local_v = if rng.chance(0.05) { String::new() } else { v.clone() };
        let mob = if sex == "M" { 0.35 } else { 0.15 } + if intake.year >= 2010 { 0.1 } else { 0.0 };
        let result = if outcomes.chance(mob) {
            "MOB"
        } else {
            *outcomes.pick(&others)
        };
        let _ = writeln!(
            local,
            "Zwolle;{local_v};{name};{sex};{};Guinee;{};{result};{}",
            birth.dutch(),
            intake.dutch(),
            // Left counselling (a date) unless still in it, as a plausible registration has it.
            if result == "In begeleiding" {
                String::new()
            } else {
                intake.add_days(outcomes.range(30, 300)).dutch()
            }
        );
        let _ = writeln!(
            national,
            "{v};{};{sex};{};Guinee;{}",
            name.to_uppercase(),
            birth.dutch(),
            registered.dutch()
        );
    }
    (local.into_bytes(), national.into_bytes())
}

/// Time reading, checking and linking natively.
pub fn link_bench(args: &LinkBenchArgs) -> Result<(), String> {
    use perspectief_core::check::registration::{check, CheckOptions};
    use perspectief_core::ingest::load::load;
    use perspectief_core::kind::FileKind;
    use perspectief_core::link::linkage::{link_clocked, LinkOptions};
    let (local, national) = link_data(args.rows);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(format!("lokaal_{}.csv", args.rows)), &local).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(format!("landelijk_{}.csv", args.rows)), &national).map_err(|e| e.to_string())?;
    }
    let known = perspectief_core::ingest::steunpunt::known_with(&[]);
    let t = Instant::now();
    let l = load("lokaal.csv", &local, Some(FileKind::Registration), &known).map_err(|e| e.to_string())?;
    let n = load("landelijk.csv", &national, Some(FileKind::National), &known).map_err(|e| e.to_string())?;
    let read_ms = t.elapsed().as_secs_f64() * 1e3;
    let memory = |step: &str| {
        let (live, peak) = crate::memory::live_and_peak_mb();
        crate::say!("  after {step}: live_mb={live:.0} peak_mb={peak:.0}");
    };
    memory("read");
    let t = Instant::now();
    let checked = check(&[&l, &n], &CheckOptions::default());
    let check_ms = t.elapsed().as_secs_f64() * 1e3;
    memory("check");
    let t = Instant::now();
    fn clock() -> f64 {
        static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1e3
    }
    let linkage = link_clocked(&[&l, &n], &checked, &LinkOptions::default(), clock).map_err(|e| e.to_string())?;
    let (fallback_ms, estimate_ms) = linkage.fallback_ms.unwrap_or_default();
    let link_ms = t.elapsed().as_secs_f64() * 1e3;
    memory("link");
    let t = Instant::now();
    let analysis = perspectief_core::analysis::build(&[&l, &n], &checked, &linkage, None);
    let analysis_ms = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(analysis.persons, checked.persons.len());
    memory("analysis file");
    // A depth-3 tree for MOB on the default predictors, as the app's one click.
    let predictors = perspectief_core::analysis::run::default_predictors(
        analysis.variables.iter().map(|v| (v.name.as_str(), v.set.is_some())),
        "mob",
    );
    let t = Instant::now();
    let params = perspectief_core::chaid::ChaidParams::default().max_depth(3);
    let tree = perspectief_core::analysis::run::tree(
        &analysis,
        &perspectief_core::analysis::run::TreeRequest::new("mob", &predictors, &params),
        || 0.0,
    )
    .map_err(|e| e.to_string())?;
    let tree_ms = t.elapsed().as_secs_f64() * 1e3;
    memory("tree");
    crate::say!(
        "rows={} read_ms={read_ms:.0} check_ms={check_ms:.0} link_ms={link_ms:.0} fallback_ms={fallback_ms:.0} estimate_ms={estimate_ms:.0} analysis_ms={analysis_ms:.0} tree_ms={tree_ms:.0} tree_nodes={} linked_by_v={} proposals={} not_found={}",
        args.rows, tree.report.tree.nodes.len(), linkage.table3.linked_by_v_nummer, linkage.table3.proposals_open, linkage.table3.not_found
    );
    Ok(())
}

#[derive(clap::Args)]
pub struct AnonymiseBenchArgs {
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    /// Folder for anonimiseer_<rows>.csv (synthetic registration with the quasi-identifiers).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// A synthetic registration whose analysis file has the default quasi-identifiers and
/// sensitive attributes with realistic spread: 20 steunpunten of unequal size, 30 countries.
pub fn anonymise_data(rows: usize) -> Vec<u8> {
    use perspectief_core::date::Date;
    use perspectief_core::ingest::steunpunt::KNOWN;
    use perspectief_core::rng::Rng;
    use std::fmt::Write;
    let mut rng = Rng::new(23);
    let countries = [
        "Afghanistan",
        "Angola",
        "Sierra Leone",
        "Guinee",
        "China",
        "Irak",
        "Somalië",
        "Eritrea",
        "Ethiopië",
        "Iran",
        "Syrië",
        "Congo",
        "Nigeria",
        "Soedan",
        "Burundi",
        "Rwanda",
        "Liberia",
        "Togo",
        "Kameroen",
        "Ivoorkust",
        "Armenië",
        "Georgië",
        "Azerbeidzjan",
        "Sri Lanka",
        "India",
        "Mongolië",
        "Albanië",
        "Servië",
        "Rusland",
        "Turkije",
    ];
    let weights: Vec<f64> = (0..countries.len()).map(|i| 1.0 / (1.0 + i as f64)).collect();
    let sizes: Vec<f64> = (0..KNOWN.len()).map(|i| 1.0 / (1.0 + i as f64 / 2.0)).collect();
    let results = ["In begeleiding", "MOB", "Terugkeer", "Verblijfsvergunning"];
    let mut out = String::from(
        "Synthetische benchmarkgegevens (geen echte personen)\n\
         Steunpunt;V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom;Datum uitstroom;Resultaat;Onder behandeling arts;Psychiatrische diagnose\n",
    );
    for i in 0..rows {
        let instroom = Date::new(2009, 10, 1).expect("date").add_days(rng.range(-200, 390));
        let birth = instroom.add_days(-rng.range(18 * 366, 24 * 365));
        let result = *rng.pick(&results);
        let uitstroom = (result != "In begeleiding").then(|| instroom.add_days(rng.range(10, 300)));
        let _ = writeln!(
            out,
            "{};{:010};Persoon {i};{};{};{};{};{};{result};{};{}",
            KNOWN[rng.weighted(&sizes)],
            1_000_000_000u64 + i as u64,
            if rng.chance(0.8) { "M" } else { "V" },
            birth.dutch(),
            countries[rng.weighted(&weights)],
            instroom.dutch(),
            uitstroom.map_or(String::new(), |d| d.dutch()),
            if rng.chance(0.3) { "ja" } else { "nee" },
            if rng.chance(0.2) { "ja" } else { "nee" },
        );
    }
    out.into_bytes()
}

/// Time reading, checking, building the analysis file, and making it 5-anonymous
/// and 2-diverse with the default quasi-identifiers, natively.
pub fn anonymise_bench(args: &AnonymiseBenchArgs) -> Result<(), String> {
    use perspectief_core::anonymise::{anonymise, Input, Settings};
    use perspectief_core::check::registration::{check, CheckOptions};
    use perspectief_core::ingest::load::load;
    use perspectief_core::kind::FileKind;
    use perspectief_core::link::linkage::Linkage;
    let bytes = anonymise_data(args.rows);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(format!("anonimiseer_{}.csv", args.rows)), &bytes).map_err(|e| e.to_string())?;
    }
    let known = perspectief_core::ingest::steunpunt::known_with(&[]);
    let t = Instant::now();
    let file = load("anonimiseer.csv", &bytes, Some(FileKind::Registration), &known).map_err(|e| e.to_string())?;
    let checked = check(&[&file], &CheckOptions::default());
    let a = perspectief_core::analysis::build(
        &[&file],
        &checked,
        &Linkage::without_extract(checked.persons.len()),
        None,
    );
    let prepare_ms = t.elapsed().as_secs_f64() * 1e3;
    let columns: Vec<(&str, &perspectief_core::chaid::RawColumn)> =
        a.variables.iter().map(|v| (v.name.as_str(), &v.values)).collect();
    for (label, k, l) in [("k5", 5, 1), ("k5_l2", 5, 2), ("k100_l2", 100, 2)] {
        let settings = Settings::defaults_for(&columns)
            .k(k)
            .l(l)
            .check(&columns)
            .map_err(|e| e.to_string())?;
        let t = Instant::now();
        let o = anonymise(&Input::new(&columns, 1), &settings).map_err(|e| e.to_string())?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let audit = o.audit().map_err(|e| e.to_string())?;
        let audit_ms = t.elapsed().as_secs_f64() * 1e3;
        crate::say!(
            "rows={} {label}: anonymise_ms={ms:.0} audit_ms={audit_ms:.0} audit_passed={} dimensions={} loss={:.3} states={:?} cells_blanked={} removed={} nodes={}/{} classes_before={} classes_after={} peak_mb={}",
            a.persons,
            audit.passed,
            o.generalised.len(),
            o.loss,
            o.generalised.iter().map(|g| g.level).collect::<Vec<_>>(),
            o.suppressed_cells,
            o.removed_records,
            o.evaluated,
            o.nodes,
            o.before.classes,
            o.after.classes,
            crate::memory::live_and_peak_mb().1.round()
        );
    }
    crate::say!("rows={} prepare_ms={prepare_ms:.0}", a.persons);
    Ok(())
}
