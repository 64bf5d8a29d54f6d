//! Every limit on what people type, import or keep, in one place, so that a
//! form, the import check, the messages and the JSON Schema
//! (`public/clientele.schema.json`) cannot disagree. `tests/schema.rs`
//! checks the schema's figures against these constants.
//!
//! The largest file Clientele opens is worked out from the storage quota
//! and the packing, so it stays beside them: `format::MAX_FILE_BYTES`.

use rust_decimal::Decimal;

/// Longest name or title, in characters, of anything a person names: a
/// company, a workspace, a worksheet, a model and its criteria, a survey
/// and the rep who answers it. Forms refuse longer ones; an imported file's
/// longer names are shortened to this, and the preview says so.
pub const MAX_NAME_CHARS: usize = 120;

/// Most significant digits a stored decimal may have (rust_decimal's exact
/// range).
pub const MAX_DIGITS: usize = 28;

/// Most digits after the decimal point a stored decimal may have.
pub const MAX_DECIMALS: usize = 4;

/// Typed amounts of money must stay below this (10^15) in size: twelve
/// months, a range's middle and a chart's total of them then stay far inside
/// a decimal's range.
pub const MONEY_LIMIT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The most header columns read from a CRM's CSV list; a CRM export rarely
/// has more than 100.
pub const MAX_CSV_COLUMNS: usize = 200;

/// The most data rows read from a CSV list: far more than a team keeps in
/// Clientele, low enough that a wrong file is refused before it fills the
/// page.
pub const MAX_CSV_ROWS: usize = 50_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_money_limit_is_ten_to_the_fifteenth() {
        assert_eq!(MONEY_LIMIT, Decimal::from(1_000_000_000_000_000_i64));
    }
}
