//! Customer lists exported from a CRM as CSV: reading the file
//! ([`parse()`]), choosing which column fills which profile field
//! ([`guess_mapping`], [`Target`]) and turning rows into profiles matched
//! with those already here ([`read_rows`]). The profiles then go through the
//! same preview, merge and undo as a Clientele file. Profiles go out the
//! same way, as a file that imports back ([`profiles_csv`]).
//!
//! Nothing here writes a sentence: errors are enums, worded in
//! `crate::messages`.

pub mod mapping;
pub mod parse;
pub mod rows;
pub mod values;
pub mod write;

#[cfg(test)]
mod fixtures;

pub use mapping::{MatchOn, Target, guess_mapping, header_key};
pub use parse::{CsvError, CsvRow, Table, parse};
pub use rows::{CellError, CsvOutcome, RowError, RowSkip, read_rows};
pub use values::{SlashOrder, domain_key, name_key, parse_date, parse_status};
pub use write::{CsvStyle, chart_csv, profiles_csv, ranking_csv, survey_results_csv};
