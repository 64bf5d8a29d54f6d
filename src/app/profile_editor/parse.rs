//! Adapters from typed text to the values editor fields store, and back.

use crate::domain::decimal::Money;
use crate::domain::input::{
    self, InputError, Span, parse_amount, parse_count, parse_span, span_text,
};
use crate::domain::{Date, date::DateError};

/// An optional amount of money.
pub fn money(text: &str) -> Result<Option<Money>, InputError> {
    parse_amount(text).map(|v| v.map(Money::new))
}

/// An optional amount or range of money.
pub fn money_span(text: &str) -> Result<Option<Span<Money>>, InputError> {
    parse_span(text, money)
}

/// An optional count or range of counts.
pub fn count_span(text: &str) -> Result<Option<Span<u32>>, InputError> {
    parse_span(text, parse_count)
}

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
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

/// A stored amount as typed text.
pub fn money_text(value: Option<Money>) -> String {
    value.map(|m| m.to_string()).unwrap_or_default()
}

/// A stored span of money as typed text.
pub fn money_span_text(value: Option<Span<Money>>) -> String {
    value
        .map(|s| span_text(&s, |m| m.to_string()))
        .unwrap_or_default()
}

/// A stored span of counts as typed text.
pub fn count_span_text(value: Option<Span<u32>>) -> String {
    value
        .map(|s| span_text(&s, |n| n.to_string()))
        .unwrap_or_default()
}

/// A stored date as a date input's value.
pub fn date_text(value: Option<Date>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}
