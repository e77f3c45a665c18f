//! One component per file.

pub mod analyse_step;
pub mod analysis_file;
pub mod anonymise_result;
pub mod anonymise_roles;
pub mod anonymise_step;
pub mod check_step;
pub mod columns;
pub mod comparison;
pub mod decisions;
pub mod describe_view;
pub mod files_step;
pub mod form;
pub mod gains;
pub mod header;
pub mod link_step;
pub mod linkage_files;
pub mod privacy;
pub mod proposals;
pub mod recept;
pub mod report;
pub mod status;
pub mod steps;
pub mod timings;
pub mod tree_options;
pub mod tree_svg;
pub mod tree_view;
