//! `perspectief pseudonymise`: write a linkage file per registration or
//! extract, with the project secret read from a file (never from the command
//! line, where it would stay in the shell's history). Each file's line is followed by
//! a frequency-attack self-test (`link::attack`): what an outsider without the secret
//! finds in it, with and without hardened name encodings.

use std::path::PathBuf;

use clap::Args;
use perspectief_core::anonymise::linkage_file::{audit, linkage_csv, linkage_sheet, LinkageOptions};
use perspectief_core::date::Date;
use perspectief_core::ingest::fields::{Field, FIELDS};
use perspectief_core::ingest::load::load;
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::link::attack::self_test;
use perspectief_core::link::pseudonym::{Keys, NameScheme, Secret};
use perspectief_core::messages::nl::frequency_attack;

#[derive(Args)]
pub struct PseudonymiseArgs {
    /// A file holding the project secret (its first line; at least 16 characters).
    #[arg(long)]
    secret_file: PathBuf,
    /// Registrations and/or the national extract.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Folder for the linkage files (koppelbestand-<name>.csv).
    #[arg(long)]
    out: PathBuf,
    /// The date stated in the files (JJJJ-MM-DD; default: today).
    #[arg(long)]
    date: Option<String>,
    /// Analysis fields to add beside the linkage keys (comma-separated dictionary names, such as
    /// datum_instroom,resultaat; not recommended: the files are not anonymous).
    #[arg(long, value_delimiter = ',')]
    extra: Vec<String>,
    /// Seed of the row shuffle (default: random).
    #[arg(long)]
    seed: Option<u64>,
    /// Encode names as plain Bloom filters, as the first linkage files did (not recommended: the
    /// default hardened encoding, salted with the birth year and balanced, resists frequency attacks).
    #[arg(long)]
    plain_name_encoding: bool,
}

pub fn run(args: &PseudonymiseArgs) -> Result<(), String> {
    let text = std::fs::read_to_string(&args.secret_file)
        .map_err(|e| format!("Kan het geheim in {} niet lezen: {e}", args.secret_file.display()))?;
    let secret = Secret::from_text(text.lines().next().unwrap_or("")).map_err(|e| e.to_string())?;
    let keys = Keys::new(&secret);
    let extra: Vec<Field> = args
        .extra
        .iter()
        .map(|name| {
            FIELDS
                .iter()
                .find(|i| i.field.key() == name.trim())
                .map(|i| i.field)
                .ok_or_else(|| {
                    format!("'{name}' is geen veld van het gegevenswoordenboek (zoals datum_instroom of resultaat).")
                })
        })
        .collect::<Result<_, _>>()?;
    let mut options = LinkageOptions {
        extra,
        seed: args.seed.unwrap_or_else(crate::anonymise::random_seed),
        names: if args.plain_name_encoding {
            NameScheme::Plain
        } else {
            NameScheme::Hardened
        },
    };
    let made = args
        .date
        .as_deref()
        .map(Date::parse_iso)
        .transpose()
        .map_err(|e| format!("--date: {e}"))?
        .unwrap_or_else(crate::anonymise::today);
    std::fs::create_dir_all(&args.out).map_err(|e| format!("Kan {} niet maken: {e}", args.out.display()))?;
    for path in &args.files {
        let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let file = load(&name, &bytes, None, &known_with(&[])).map_err(|e| e.to_string())?;
        if !matches!(file.kind, FileKind::Registration | FileKind::National) {
            crate::say!("{name}: overgeslagen (geen registratie of landelijk extract).");
            continue;
        }
        options.seed = options.seed.wrapping_add(1);
        let (file_name, bytes) = linkage_csv(&file, &keys, made, &options);
        if !options.extra.is_empty() {
            let a = audit(&linkage_sheet(&file, &keys, made, &options), 5);
            crate::say!(
                "{name}: met extra velden: kleinste klasse {} over {}; {} records in klassen kleiner dan 5 (een koppelbestand is niet anoniem)",
                a.smallest_class,
                a.quasi.join(", "),
                a.records_below_k
            );
        }
        let out = args.out.join(file_name);
        std::fs::write(&out, bytes).map_err(|e| format!("Kan {} niet schrijven: {e}", out.display()))?;
        let persons = file.records.iter().filter(|r| r.is_person()).count();
        crate::say!("{name}: {persons} personen → {}", out.display());
        crate::say!("{name}: {}", frequency_attack(&self_test(&file, &keys, made, &options)));
    }
    Ok(())
}
