//! `perspectief demo --out DIR`: write the demo files.

use std::path::PathBuf;

use perspectief_core::demo;

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Folder to write the files into (created when missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator; the same seed gives the same files.
    #[arg(long, default_value_t = demo::DEFAULT_SEED)]
    seed: u64,
}

pub fn run(args: &DemoArgs) -> Result<(), String> {
    let set = demo::generate(args.seed);
    std::fs::create_dir_all(&args.out).map_err(|e| format!("Kan de map {} niet maken: {e}", args.out.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = args.out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))
    };
    for f in &set.files {
        write(&f.name, &f.bytes)?;
    }
    write("LEESMIJ.txt", set.readme.as_bytes())?;
    crate::say!(
        "{} synthetische bestanden geschreven in {} ({} personen), plus LEESMIJ.txt.",
        set.files.len(),
        args.out.display(),
        set.persons
    );
    Ok(())
}
