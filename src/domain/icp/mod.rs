//! The Ideal Customer Profile worksheet: the top customers side by side on
//! the chart's eleven rows, and the ideal profile derived from them.
//!
//! A column either links to a profile (its values are read from the
//! profile, live) or is typed in without a real name ("Client #1"). A
//! linked column also keeps a copy of the profile's values, refreshed when
//! the profile is deleted, so that the chart still shows what it was based
//! on. Blanks are fine and ranges are fine, as the chart says.
//!
//! The module is split by concern:
//! - `worksheet.rs`: the worksheet, its columns and the values each shows
//!   (linked or typed in, "Client #n" headings);
//! - `rows.rs`: the chart's eleven rows, their labels and help, and reading
//!   and editing a cell;
//! - `ideal.rs`: the ideal profile and its parts (most common answers,
//!   typical spans, averages, shares);
//! - `derive.rs`: deriving the ideal profile from the chart's columns;
//! - `fit.rs`: comparing a profile with the ideal profile.

mod derive;
mod fit;
mod ideal;
mod reasoning;
mod rows;
mod worksheet;

pub use derive::derive;
pub use fit::{Fit, RowFit, fit, fit_rule};
pub use ideal::{Average, IdealProfile, Mode, Share, SharedPurchase, Typical};
pub use reasoning::reasoning;
pub use rows::ChartRow;
pub use worksheet::{
    ChartColumn, ChartValues, ColumnSource, ColumnView, DEFAULT_COLUMNS, Worksheet,
};

/// A decimal for reading with its digits as they are (no grouping, no
/// added places) and the decimal point of the interface's language: "66.7"
/// in English, "66,7" in Polish. For fit percentages and scores, which the
/// screens have always shown so.
pub fn plain_number(value: rust_decimal::Decimal) -> String {
    let (_, point) = crate::i18n::language().separators();
    value
        .to_string()
        .replace('.', point.encode_utf8(&mut [0; 4]))
}

/// Helpers shared by the tests of this module's files.
#[cfg(test)]
mod test_support {
    use crate::domain::decimal::Money;
    use crate::domain::input::Span;

    pub(super) fn money(text: &str) -> Money {
        text.parse().unwrap()
    }

    pub(super) fn exact(value: u32) -> Option<Span<u32>> {
        Some(Span::Exact { value })
    }

    pub(super) fn range(low: u32, high: u32) -> Option<Span<u32>> {
        Some(Span::Range { low, high })
    }
}
