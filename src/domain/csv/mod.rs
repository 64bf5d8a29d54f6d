//! Customer lists exported from a CRM as CSV: reading the file
//! ([`parse`]), choosing which column fills which profile field
//! ([`mapping`]) and turning rows into profiles matched with those already
//! here ([`rows`]). The profiles then go through the same preview, merge
//! and undo as a Clientele file.

pub mod mapping;
pub mod parse;
pub mod rows;

pub use mapping::{MatchOn, Target, guess_mapping};
pub use parse::{CsvError, CsvRow, Table, parse};
pub use rows::{CellError, CsvOutcome, RowError, RowSkip, read_rows};
