//! Exact decimal numbers for money and scores.
//!
//! Saved data writes every decimal as a JSON string (`"12500.50"`). A JSON
//! number is refused, because serde_json would read it through `f64` and lose
//! digits without a word. Text is checked before it reaches `rust_decimal`,
//! which would otherwise round past 28 significant digits just as silently.

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

use super::limits::{MAX_DECIMALS, MAX_DIGITS};

/// Why a stored decimal was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecimalTextError {
    /// The text was empty.
    #[error("{}", crate::messages::decimal_text_error(self))]
    Empty,
    /// The text is not a plain decimal such as `-1250.5`.
    #[error("{}", crate::messages::decimal_text_error(self))]
    NotANumber(String),
    /// More than [`MAX_DIGITS`] digits.
    #[error("{}", crate::messages::decimal_text_error(self))]
    TooManyDigits(String),
    /// More than [`MAX_DECIMALS`] digits after the point.
    #[error("{}", crate::messages::decimal_text_error(self))]
    TooManyDecimals(String),
    /// A JSON number where a string was expected.
    #[error("{}", crate::messages::decimal_text_error(self))]
    JsonNumber(String),
}

/// Reads the canonical stored form of a decimal: an optional `-`, digits, and
/// optionally a `.` followed by digits. No exponent, grouping or spaces: those
/// belong to what people type, which the input parser handles.
pub fn parse_stored_decimal(text: &str) -> Result<Decimal, DecimalTextError> {
    if text.is_empty() {
        return Err(DecimalTextError::Empty);
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !fraction.is_none_or(all_digits) {
        return Err(DecimalTextError::NotANumber(text.to_owned()));
    }
    let fraction = fraction.unwrap_or("");
    if fraction.len() > MAX_DECIMALS {
        return Err(DecimalTextError::TooManyDecimals(text.to_owned()));
    }
    let significant = whole.trim_start_matches('0').len() + fraction.len();
    if significant > MAX_DIGITS {
        return Err(DecimalTextError::TooManyDigits(text.to_owned()));
    }
    Decimal::from_str(text).map_err(|_| DecimalTextError::TooManyDigits(text.to_owned()))
}

/// An amount for reading, with thousands grouped as the interface's
/// language writes them: `-12,500.50` in English, `-12 500,50` in Polish.
pub fn grouped(value: Decimal) -> String {
    let (thousands, point) = crate::i18n::language().separators();
    grouped_with(value, thousands, point)
}

/// `value` for reading with `thousands` between groups of three digits and
/// `point` before the fraction, which has two places at least once there
/// is one (`12 500,50` in Polish).
pub fn grouped_with(value: Decimal, thousands: char, point: char) -> String {
    let text = value.normalize().to_string();
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        // Two places at least once there are cents, as amounts are written.
        out.push(point);
        out.push_str(&format!("{fraction:0<2}"));
    }
    out
}

/// Serde helpers that store a [`Decimal`] as a checked JSON string; use with
/// `#[serde(with = "crate::domain::decimal::as_text")]`.
pub mod as_text {
    use super::*;

    /// Writes the decimal as a JSON string.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    /// Reads a decimal from a JSON string, refusing JSON numbers.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl serde::de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number written as a string, such as \"1250.50\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
        parse_stored_decimal(text).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Decimal, E> {
        Err(E::custom(DecimalTextError::JsonNumber(n.to_string())))
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Decimal, E> {
        Err(E::custom(DecimalTextError::JsonNumber(n.to_string())))
    }

    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Decimal, E> {
        // Not `f64`'s `Display`: the standard library's float formatting
        // would add 16 KB of wasm only for this message. As a decimal it
        // reads as written (`1000000000000000000000`, not `1e+21`); beyond
        // a decimal's range, serde_json's own writer says it. (A JSON
        // number is never infinite or NaN.)
        let text = match Decimal::from_f64(n) {
            Some(exact) => exact.normalize().to_string(),
            None => serde_json::Number::from_f64(n).map_or_else(String::new, |n| n.to_string()),
        };
        Err(E::custom(DecimalTextError::JsonNumber(text)))
    }
}

/// An amount of money, exact to four decimal places. Stored as a JSON string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Typed amounts must stay below this: [`super::limits::MONEY_LIMIT`].
    pub const LIMIT: Decimal = super::limits::MONEY_LIMIT;

    /// Wraps an exact decimal amount.
    pub const fn new(amount: Decimal) -> Self {
        Self(amount)
    }

    /// A worked-out amount as money, if it can be stored and read back: at
    /// most [`MAX_DIGITS`] significant digits and [`MAX_DECIMALS`] decimals,
    /// the rule that [`parse_stored_decimal`] applies on loading.
    pub fn storable(amount: Decimal) -> Option<Self> {
        // Counted as the stored text counts them, trailing zeros included.
        let digits = amount
            .mantissa()
            .unsigned_abs()
            .checked_ilog10()
            .map_or(1, |d| d + 1);
        (amount.scale() as usize <= MAX_DECIMALS && digits as usize <= MAX_DIGITS)
            .then_some(Self(amount))
    }

    /// The amount.
    pub const fn amount(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Money {
    type Err = DecimalTextError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_stored_decimal(text).map(Self)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        as_text::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        as_text::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(json: &str) -> Result<Money, String> {
        serde_json::from_str::<Money>(json).map_err(|e| e.to_string())
    }

    #[test]
    fn money_is_written_as_a_string_and_read_back_exactly() {
        let amount: Money = "12345678901234567.89".parse().unwrap();
        let json = serde_json::to_string(&amount).unwrap();
        assert_eq!(json, "\"12345678901234567.89\"");
        assert_eq!(money(&json).unwrap(), amount);
    }

    #[test]
    fn a_json_number_is_refused_rather_than_rounded_through_f64() {
        let err = money("12345678901234567.89").unwrap_err();
        assert!(err.contains("must be written as text"), "{err}");
        assert!(money("12").is_err());
        assert!(money("-12").is_err());
    }

    #[test]
    fn the_message_for_a_bare_number_quotes_the_number_as_written() {
        for (json, shown) in [
            ("12.5", "12.5"),
            ("-0.25", "-0.25"),
            ("12", "12"),
            ("0.1", "0.1"),
            ("1e21", "1000000000000000000000"),
            ("1e40", "1e+40"),
        ] {
            let err = money(json).unwrap_err();
            assert!(
                err.starts_with(&format!("The amount {shown} is a bare number")),
                "{err}"
            );
        }
    }

    #[test]
    fn four_decimals_are_accepted_and_a_fifth_is_refused() {
        assert_eq!(money("\"0.0001\"").unwrap().amount(), Decimal::new(1, 4));
        let err = money("\"0.00001\"").unwrap_err();
        assert!(err.contains("4 digits after the decimal point"), "{err}");
    }

    #[test]
    fn twenty_eight_digits_are_accepted_and_a_twenty_ninth_is_refused() {
        let max = "9".repeat(28);
        assert_eq!(money(&format!("\"{max}\"")).unwrap().to_string(), max);
        assert_eq!(
            money(&format!("\"-{}.99\"", "9".repeat(26)))
                .unwrap()
                .to_string(),
            format!("-{}.99", "9".repeat(26))
        );
        let err = money(&format!("\"{}\"", "9".repeat(29))).unwrap_err();
        assert!(err.contains("28 digits"), "{err}");
        assert!(money(&format!("\"{}.1\"", "9".repeat(28))).is_err());
    }

    #[test]
    fn leading_zeros_do_not_count_as_digits() {
        assert!(money(&format!("\"{}1\"", "0".repeat(40))).is_ok());
    }

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for text in [
            "", "1e5", "1,000", " 1", "1 ", "+1", "1.", ".5", "--1", "0x10", "NaN", "1.2.3",
        ] {
            assert!(text.parse::<Money>().is_err(), "{text:?} should be refused");
        }
    }

    #[test]
    fn amounts_are_grouped_for_reading() {
        let g = |t: &str| grouped(t.parse().unwrap());
        assert_eq!(g("0"), "0");
        assert_eq!(g("999"), "999");
        assert_eq!(g("1000"), "1,000");
        assert_eq!(g("12500.5"), "12,500.50");
        assert_eq!(g("-1234567.891"), "-1,234,567.891");
        assert_eq!(g("100.00"), "100");
    }

    #[test]
    fn worked_out_money_is_kept_only_if_it_reads_back() {
        let kept = |text: &str| {
            Money::storable(text.parse().unwrap()).map(|m| {
                let stored = serde_json::to_string(&m).unwrap();
                assert_eq!(money(&stored), Ok(m), "{text} reads back");
                m.to_string()
            })
        };
        assert_eq!(kept("15006.00").as_deref(), Some("15006.00"));
        assert_eq!(kept("-0.0001").as_deref(), Some("-0.0001"));
        assert_eq!(
            kept("9999999999999999999999999999").as_deref(),
            Some("9999999999999999999999999999")
        );
        assert_eq!(kept("11999999999999999999999999.999"), None, "29 digits");
        assert_eq!(
            kept("1000000000000000000000000.0000"),
            None,
            "29 with the zeros"
        );
        assert_eq!(kept("833.33333"), None, "5 decimals");
        assert_eq!(Money::LIMIT, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn the_as_text_helper_serves_plain_decimal_fields() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct Weight {
            #[serde(with = "as_text")]
            value: Decimal,
        }
        let w: Weight = serde_json::from_str(r#"{"value":"2.5"}"#).unwrap();
        assert_eq!(w.value, Decimal::new(25, 1));
        assert_eq!(serde_json::to_string(&w).unwrap(), r#"{"value":"2.5"}"#);
        assert!(serde_json::from_str::<Weight>(r#"{"value":2.5}"#).is_err());
    }
}
