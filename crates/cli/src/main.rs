//! `perspectief`: the Perspectief engine on the command line.

mod anonymise;
#[cfg(feature = "bench")]
mod bench;
mod chaid;
mod check;
mod demo;
mod disclosure;
mod link;
#[cfg(feature = "bench")]
mod memory;
mod national;
mod picture;
mod pseudonymise;
mod run;
mod score;
mod table_file;
mod term;
mod tree_text;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Benchmarks count allocations; release builds leave this off (`--features bench`).
#[cfg(feature = "bench")]
#[global_allocator]
static ALLOCATOR: memory::Counting = memory::Counting;

#[derive(Parser)]
#[command(
    name = "perspectief",
    version,
    about = "Perspectief: registraties controleren, koppelen en analyseren, zonder server."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the synthetic demo files (the expected formats, usable as templates).
    Demo(demo::DemoArgs),
    /// Check steunpunt registrations: V-nummers, duplicates, impossible dates.
    Check(check::CheckArgs),
    /// Link registrations to the national extract and print Table 3.
    Link(link::LinkArgs),
    /// Apply a recept saved in the app to the same files; write its tables and trees.
    Run(run::RunArgs),
    /// Write linkage files: keyed pseudonyms instead of V-nummers, names and birth dates.
    Pseudonymise(pseudonymise::PseudonymiseArgs),
    /// Make an analysis file k-anonymous and l-diverse; print the risk before and after.
    Anonymise(anonymise::AnonymiseArgs),
    /// Play the prosecutor: match every row of a protected file with the original persons.
    #[command(hide = true)]
    Attack(anonymise::AttackArgs),
    /// Check tables, trees, drawings and reports for counts that should not be there.
    #[command(hide = true)]
    Disclosure(disclosure::DisclosureArgs),
    /// The national figures file ("landelijk beeld") from the analysis file: aggregates only,
    /// through the disclosure rule, with a checksum.
    NationalFigures(national::NationalFiguresArgs),
    /// A steunpunt's own registration beside the national figures file.
    Compare(national::CompareArgs),
    /// Grow a CHAID tree and print it like SPSS (or as JSON with --json).
    Chaid(chaid::ChaidArgs),
    /// For one dependent: every predictor's one-level CHAID result, sorted by adjusted p.
    Screen(chaid::ChaidArgs),
    /// Apply a saved tree (PMML) to a new wave: per node observed against expected, drift, risk
    /// and classification; groups only, no score per person.
    Score(score::ScoreArgs),
    /// Benchmark: CHAID fit on synthetic data against one counting pass per level.
    #[command(hide = true)]
    #[cfg(feature = "bench")]
    BenchFit(bench::BenchArgs),
    /// Benchmark data: a large synthetic registration as xlsx and csv.
    #[command(hide = true)]
    #[cfg(feature = "bench")]
    BenchData(bench::DataArgs),
    /// Benchmark: read and check files natively.
    #[command(hide = true)]
    #[cfg(feature = "bench")]
    BenchParse(bench::ParseArgs),
    /// Benchmark: read, check and link synthetic registrations to a synthetic extract.
    #[command(hide = true)]
    #[cfg(feature = "bench")]
    BenchLink(bench::LinkBenchArgs),
    /// Benchmark: make a synthetic analysis file 5-anonymous natively.
    #[command(hide = true)]
    #[cfg(feature = "bench")]
    BenchAnonymise(bench::AnonymiseBenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => demo::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Link(args) => link::run(&args),
        Command::Run(args) => run::run(&args),
        Command::Anonymise(args) => anonymise::run(&args),
        Command::Attack(args) => anonymise::attack_file(&args),
        Command::Disclosure(args) => disclosure::run(&args),
        Command::Pseudonymise(args) => pseudonymise::run(&args),
        Command::NationalFigures(args) => national::figures(&args),
        Command::Compare(args) => national::compare(&args),
        Command::Chaid(args) => chaid::run_chaid(&args),
        Command::Score(args) => score::run(&args),
        Command::Screen(args) => chaid::run_screen(&args),
        #[cfg(feature = "bench")]
        Command::BenchFit(args) => bench::run(&args),
        #[cfg(feature = "bench")]
        Command::BenchData(args) => bench::write_data(&args),
        #[cfg(feature = "bench")]
        Command::BenchParse(args) => bench::parse(&args),
        #[cfg(feature = "bench")]
        Command::BenchLink(args) => bench::link_bench(&args),
        #[cfg(feature = "bench")]
        Command::BenchAnonymise(args) => bench::anonymise_bench(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            crate::warn!("{message}");
            ExitCode::FAILURE
        }
    }
}
