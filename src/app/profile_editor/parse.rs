//! Adapters from typed text to the values editor fields store, and back.

use crate::domain::input::{self, InputError, parse_count};
use crate::domain::{Date, date::DateError};

pub use crate::domain::input::{
    count_span_text, money_span_text, money_text, parse_count_span as count_span,
    parse_money as money, parse_money_span as money_span,
};

/// An optional count.
pub fn count(text: &str) -> Result<Option<u32>, InputError> {
    parse_count(text)
}

/// An optional influence from 1 to 5.
pub fn influence(text: &str) -> Result<Option<u8>, InputError> {
    input::parse_bounded(text, 1, 5).map(|v| v.map(|n| n as u8))
}

/// An optional date, as a date input gives it (`YYYY-MM-DD`).
pub fn date(text: &str) -> Result<Option<Date>, DateError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}

/// One entry a line, blank lines dropped.
pub fn lines(text: &str) -> Result<Vec<String>, InputError> {
    Ok(input::parse_lines(text))
}

/// A stored date as a date input's value.
pub fn date_text(value: Option<Date>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}
