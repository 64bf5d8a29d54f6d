//! What people type, read into exact values, with a reason when it cannot be.
//!
//! Numbers and amounts (documented in README, "Typing numbers"):
//! - spaces (also non-breaking ones) and apostrophes group digits: `12 500`, `1'250`;
//! - with both `,` and `.`, the last of them is the decimal point:
//!   `12,500.50` and `12.500,50` are both 12500.50;
//! - a lone `,` or `.` followed by exactly three digits groups thousands
//!   (`12,500` is 12500); otherwise it is the decimal point (`12,5` is 12.5);
//! - a repeated separator groups thousands (`1,250,000`, `1.250.000`);
//! - at most four digits after the decimal point and 28 digits in all;
//! - no letters, currency signs or exponents; amounts are never negative.
//!
//! A range is two numbers joined by `-`, `–`, `—` or ` to ` (`50-100`); its
//! low end may not exceed its high end.

use super::decimal::{Money, parse_stored_decimal};
use super::limits::{MAX_DECIMALS, MAX_DIGITS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Why typed text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Not a number as people write them.
    #[error("{}", crate::messages::input_error(self))]
    NotANumber,
    /// More digits after the decimal point than kept.
    #[error("{}", crate::messages::input_error(self))]
    TooManyDecimals,
    /// More digits than kept exactly.
    #[error("{}", crate::messages::input_error(self))]
    TooManyDigits,
    /// A fraction where a whole number is needed.
    #[error("{}", crate::messages::input_error(self))]
    NotWhole,
    /// A number too large for a count.
    #[error("{}", crate::messages::input_error(self))]
    TooLarge,
    /// An amount of money of [`Money::LIMIT`] or more.
    #[error("{}", crate::messages::input_error(self))]
    AmountTooLarge,
    /// The low end of a range above its high end.
    #[error("{}", crate::messages::input_error(self))]
    RangeReversed,
    /// Not a plausible e-mail address.
    #[error("{}", crate::messages::input_error(self))]
    NotAnEmail,
    /// A web address that is not http or https.
    #[error("{}", crate::messages::input_error(self))]
    NotAWebAddress,
    /// Not a threshold line such as `1,000,000 = 25`.
    #[error("{}", crate::messages::input_error(self))]
    NotAThreshold,
    /// Not a three-letter currency code.
    #[error("{}", crate::messages::input_error(self))]
    NotACurrency,
    /// Zero where only more than zero makes sense (an exchange rate).
    #[error("{}", crate::messages::input_error(self))]
    NotAboveZero,
    /// A rate for the reporting currency itself.
    #[error("{}", crate::messages::input_error(self))]
    NeedsNoRate,
    /// Not a line of the list of rates (currency, rate, date).
    #[error("{}", crate::messages::input_error(self))]
    NotARate,
    /// A currency given a second rate in one list.
    #[error("{}", crate::messages::input_error(self))]
    ListedTwice,
    /// A label another column of the chart has already.
    #[error("{}", crate::messages::input_error(self))]
    LabelTaken,
    /// A name another record of the same kind has.
    #[error("{}", crate::messages::input_error(self))]
    NameTaken,
    /// Not a date.
    #[error("{}", crate::messages::input_error(self))]
    NotADate,
    /// Not one of the options offered.
    #[error("{}", crate::messages::input_error(self))]
    NotAnOption,
    /// A required value left empty.
    #[error("{}", crate::messages::input_error(self))]
    Required,
    /// Longer than allowed.
    #[error("{}", crate::messages::input_error(self))]
    TooLong {
        /// Most characters allowed.
        max: usize,
        /// Characters typed.
        chars: usize,
    },
    /// A number outside the allowed span.
    #[error("{}", crate::messages::input_error(self))]
    OutOfRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
}

/// Reads an amount as people type it (see the module docs); `Ok(None)` when
/// the text is blank, which means "unknown".
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, InputError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{2009}' && *c != '\u{202f}')
        .collect();
    if compact.is_empty() {
        return Ok(None);
    }
    if !compact
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(InputError::NotANumber);
    }
    let last_comma = compact.rfind(',');
    let last_dot = compact.rfind('.');
    let decimal_point = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(p), None) | (None, Some(p)) => {
            let separator = compact.as_bytes()[p];
            let repeated = compact.bytes().filter(|&b| b == separator).count() > 1;
            let three_after = compact.len() - p - 1 == 3;
            (!repeated && !three_after).then_some(p)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal_point {
        Some(p) => (&compact[..p], &compact[p + 1..]),
        None => (compact.as_str(), ""),
    };
    if fraction.contains([',', '.']) || (decimal_point.is_some() && fraction.is_empty()) {
        return Err(InputError::NotANumber);
    }
    let whole_digits = check_grouping(whole)?;
    if fraction.len() > MAX_DECIMALS {
        return Err(InputError::TooManyDecimals);
    }
    if whole_digits.trim_start_matches('0').len() + fraction.len() > MAX_DIGITS {
        return Err(InputError::TooManyDigits);
    }
    let canonical = if fraction.is_empty() {
        whole_digits
    } else {
        format!("{whole_digits}.{fraction}")
    };
    parse_stored_decimal(&canonical)
        .map(Some)
        .map_err(|_| InputError::NotANumber)
}

/// Checks that group separators in the whole part stand every three digits
/// and returns the bare digits.
fn check_grouping(whole: &str) -> Result<String, InputError> {
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    let first_ok = !groups[0].is_empty() && (groups.len() == 1 || groups[0].len() <= 3);
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return Err(InputError::NotANumber);
    }
    Ok(groups.concat())
}

/// Reads a whole count such as a number of employees; blank means unknown.
pub fn parse_count(text: &str) -> Result<Option<u32>, InputError> {
    let Some(value) = parse_amount(text)? else {
        return Ok(None);
    };
    if !value.fract().is_zero() {
        return Err(InputError::NotWhole);
    }
    u32::try_from(value.mantissa() / 10_i128.pow(value.scale()))
        .map(Some)
        .map_err(|_| InputError::TooLarge)
}

/// A value known exactly or only as a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
// The derived code is used through the impl below, which keeps a span of a
// kind this build does not know; reading is written by hand (see its impl).
#[serde(remote = "Self", tag = "kind", rename_all = "snake_case")]
pub enum Span<T> {
    /// Known exactly.
    Exact {
        /// The value.
        value: T,
    },
    /// Somewhere from `low` to `high`, both included.
    Range {
        /// The smallest it may be.
        low: T,
        /// The largest it may be.
        high: T,
    },
    /// A span of a kind a newer Clientele wrote, kept as its JSON text:
    /// written back unchanged and "not known" to every rule.
    #[serde(skip)]
    Unlisted(&'static str),
}

impl<T: Serialize> Serialize for Span<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Unlisted(written) => super::open_enum::write_unread(written, serializer),
            known => Self::serialize(known, serializer),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Span<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let written = serde_json::Value::deserialize(deserializer)?;
        // How many fields each kind this build knows has, its kind included.
        // A span of another kind, or with more fields, was written by a
        // newer build and is kept whole rather than losing what this build
        // does not know. A known kind is read strictly: a fault in it is a
        // fault, not a newer kind.
        let fields = match written.get("kind").and_then(serde_json::Value::as_str) {
            Some("exact") => 2,
            Some("range") => 3,
            Some(_) => 0,
            None => usize::MAX,
        };
        let newer = written.as_object().is_some_and(|span| span.len() > fields);
        if newer {
            return Ok(Self::Unlisted(super::open_enum::keep_unread(&written)));
        }
        // By hand: serde's reader of an internally tagged enum buffers the
        // fields through a generic content type of its own, compiled once
        // for every type of span.
        let serde_json::Value::Object(mut span) = written else {
            return Err(D::Error::custom(
                "invalid type: expected internally tagged enum Span",
            ));
        };
        let mut take = |key: &'static str| -> Result<T, D::Error> {
            let value = span
                .remove(key)
                .ok_or_else(|| D::Error::missing_field(key))?;
            serde_json::from_value(value).map_err(D::Error::custom)
        };
        match fields {
            2 => Ok(Self::Exact {
                value: take("value")?,
            }),
            3 => Ok(Self::Range {
                low: take("low")?,
                high: take("high")?,
            }),
            // No `kind` at all (a known kind with fewer fields is read
            // above, and fails on the field it lacks).
            _ => Err(D::Error::missing_field("kind")),
        }
    }
}

impl<T: Copy + PartialOrd> Span<T> {
    /// The low and high ends (equal for an exact value); `None` for a span
    /// of a kind this build does not know.
    pub fn bounds(&self) -> Option<(T, T)> {
        match *self {
            Span::Exact { value } => Some((value, value)),
            Span::Range { low, high } => Some((low, high)),
            Span::Unlisted(_) => None,
        }
    }

    /// Each end through `f`, or `None` if `f` gives none for either. A span
    /// of a kind this build does not know stays as written.
    pub fn try_map<U>(self, f: impl Fn(T) -> Option<U>) -> Option<Span<U>> {
        Some(match self {
            Span::Exact { value } => Span::Exact { value: f(value)? },
            Span::Range { low, high } => Span::Range {
                low: f(low)?,
                high: f(high)?,
            },
            Span::Unlisted(written) => Span::Unlisted(written),
        })
    }
}

/// Reads a value or a range (`50`, `50-100`, `1,000 to 5,000`) with `parse`
/// for each end; blank means unknown.
pub fn parse_span<T: Copy + PartialOrd>(
    text: &str,
    parse: impl Fn(&str) -> Result<Option<T>, InputError>,
) -> Result<Option<Span<T>>, InputError> {
    let text = text.trim();
    let split = [" to ", "–", "—", "-"]
        .iter()
        .find_map(|sep| text.split_once(sep));
    match split {
        None => Ok(parse(text)?.map(|value| Span::Exact { value })),
        Some((low, high)) => {
            let (Some(low), Some(high)) = (parse(low)?, parse(high)?) else {
                return Err(InputError::NotANumber);
            };
            if low > high {
                return Err(InputError::RangeReversed);
            }
            Ok(Some(if low == high {
                Span::Exact { value: low }
            } else {
                Span::Range { low, high }
            }))
        }
    }
}

/// Writes a span back as a person would type it.
pub fn span_text<T: Copy + PartialOrd>(span: &Span<T>, show: impl Fn(T) -> String) -> String {
    match *span {
        Span::Exact { value } => show(value),
        Span::Range { low, high } => format!("{}–{}", show(low), show(high)),
        Span::Unlisted(_) => crate::messages::unreadable_value().to_owned(),
    }
}

/// An optional amount of money.
/// Amounts of [`Money::LIMIT`] or more are refused, so that no sum or
/// product the app works out from them can overflow.
pub fn parse_money(text: &str) -> Result<Option<Money>, InputError> {
    match parse_amount(text)? {
        Some(amount) if amount.abs() >= Money::LIMIT => Err(InputError::AmountTooLarge),
        amount => Ok(amount.map(Money::new)),
    }
}

/// An optional amount or range of money.
pub fn parse_money_span(text: &str) -> Result<Option<Span<Money>>, InputError> {
    parse_span(text, parse_money)
}

/// An optional count or range of counts.
pub fn parse_count_span(text: &str) -> Result<Option<Span<u32>>, InputError> {
    parse_span(text, parse_count)
}

/// One entry a line, blank lines dropped.
pub fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A stored amount as typed text (blank when unknown).
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

/// Checks a name as typed (of a workspace, a company): surrounding spaces are
/// dropped and the rest must be 1 to `max_chars` characters.
pub fn parse_name(typed: &str, max_chars: usize) -> Result<String, InputError> {
    let name = typed.trim();
    let chars = name.chars().count();
    if chars == 0 {
        Err(InputError::Required)
    } else if chars > max_chars {
        Err(InputError::TooLong {
            max: max_chars,
            chars,
        })
    } else {
        Ok(name.to_owned())
    }
}

/// Checks an optional short text as typed (what a rating's 1, 3 or 5
/// means): surrounding spaces are dropped, blank is allowed, and the rest
/// must be at most `max_chars` characters.
pub fn parse_short_text(typed: &str, max_chars: usize) -> Result<String, InputError> {
    match parse_name(typed, max_chars) {
        Err(InputError::Required) => Ok(String::new()),
        read => read,
    }
}

/// Reads a three-letter currency code (`eur` becomes `EUR`); blank means
/// none.
pub fn parse_currency(text: &str) -> Result<String, InputError> {
    // Currency codes are ASCII letters: anything else is refused below.
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() || (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
        Ok(code)
    } else {
        Err(InputError::NotACurrency)
    }
}

/// Checks that an e-mail address is plausible (one `@`, a dotted domain, no
/// spaces); blank means none.
pub fn parse_email(text: &str) -> Result<Option<String>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let plausible = match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"".contains(c))
        }
        None => false,
    };
    if plausible {
        Ok(Some(text.to_owned()))
    } else {
        Err(InputError::NotAnEmail)
    }
}

/// Reads a web address. A bare domain (`acme.com`) gets `https://`; any
/// scheme but http and https (such as `javascript:`) is refused.
pub fn parse_website(text: &str) -> Result<Option<String>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_ascii_lowercase();
    let address = if lower.starts_with("https://") || lower.starts_with("http://") {
        text.to_owned()
    } else if lower
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('.'))
    {
        // Another scheme (`javascript:`, `ftp:`, `data:`); `acme.com:8080` has a dot.
        return Err(InputError::NotAWebAddress);
    } else {
        format!("https://{text}")
    };
    let host = address
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    let host = host.split(['/', '?', '#']).next().unwrap_or_default();
    let valid = host.contains('.')
        && !host.starts_with('.')
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if valid {
        Ok(Some(address))
    } else {
        Err(InputError::NotAWebAddress)
    }
}

/// Reads a whole number between `min` and `max` (such as influence 1-5).
pub fn parse_bounded(text: &str, min: i64, max: i64) -> Result<Option<i64>, InputError> {
    let Some(count) = parse_count(text.trim())? else {
        return Ok(None);
    };
    let value = i64::from(count);
    if (min..=max).contains(&value) {
        Ok(Some(value))
    } else {
        Err(InputError::OutOfRange { min, max })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Result<Option<String>, InputError> {
        parse_amount(text).map(|v| v.map(|d| d.to_string()))
    }

    #[test]
    fn amounts_are_read_in_english_polish_and_plain_notation() {
        let ok = |text: &str, expected: &str| {
            assert_eq!(amount(text), Ok(Some(expected.into())), "{text:?}")
        };
        ok("12,500.50", "12500.50");
        ok("12500.5", "12500.5");
        ok("12 500,50", "12500.50");
        ok("12\u{a0}500,50", "12500.50");
        ok("12.500,50", "12500.50");
        ok("1'250.75", "1250.75");
        ok("12,500", "12500");
        ok("12.500", "12500");
        ok("12,5", "12.5");
        ok("0,75", "0.75");
        ok("1,250,000", "1250000");
        ok("1.250.000", "1250000");
        ok("  42  ", "42");
        ok("0.0001", "0.0001");
    }

    #[test]
    fn money_stays_under_a_thousand_trillion() {
        let largest = parse_money("999 999 999 999 999,9999").unwrap().unwrap();
        assert_eq!(largest.to_string(), "999999999999999.9999");
        assert_eq!(
            parse_money("1,000,000,000,000,000"),
            Err(InputError::AmountTooLarge)
        );
        assert_eq!(
            parse_money("99999999999999999999"),
            Err(InputError::AmountTooLarge)
        );
    }

    #[test]
    fn blank_means_unknown() {
        assert_eq!(amount(""), Ok(None));
        assert_eq!(amount("   "), Ok(None));
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        for text in [
            "12a",
            "$12",
            "1e5",
            "-5",
            "12,50,0",
            "1,2345,678",
            "12.",
            ",5",
            "1.2.3,4,5",
            "12,500.50.1",
        ] {
            assert_eq!(amount(text), Err(InputError::NotANumber), "{text:?}");
        }
        assert_eq!(amount("1.23456"), Err(InputError::TooManyDecimals));
        assert_eq!(amount(&"9".repeat(29)), Err(InputError::TooManyDigits));
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(parse_count("1,200"), Ok(Some(1200)));
        assert_eq!(parse_count("12,5"), Err(InputError::NotWhole));
        assert_eq!(parse_count("99999999999"), Err(InputError::TooLarge));
    }

    #[test]
    fn ranges_need_low_at_most_high() {
        assert_eq!(
            parse_span("50-100", parse_count),
            Ok(Some(Span::Range { low: 50, high: 100 }))
        );
        assert_eq!(
            parse_span("50 – 100", parse_count),
            Ok(Some(Span::Range { low: 50, high: 100 }))
        );
        assert_eq!(
            parse_span("1,000 to 5,000", parse_count),
            Ok(Some(Span::Range {
                low: 1000,
                high: 5000
            }))
        );
        assert_eq!(
            parse_span("75", parse_count),
            Ok(Some(Span::Exact { value: 75 }))
        );
        assert_eq!(
            parse_span("75-75", parse_count),
            Ok(Some(Span::Exact { value: 75 }))
        );
        assert_eq!(
            parse_span("100-50", parse_count),
            Err(InputError::RangeReversed)
        );
        assert_eq!(parse_span("50-", parse_count), Err(InputError::NotANumber));
        assert_eq!(parse_span("", parse_count), Ok(None));
        let money = parse_span("1 000 000,50 - 2 000 000", parse_amount)
            .unwrap()
            .unwrap();
        assert_eq!(span_text(&money, |d| d.to_string()), "1000000.50–2000000");
    }

    #[test]
    fn names_are_trimmed_required_and_bounded() {
        assert_eq!(parse_name("  Acme sales  ", 80), Ok("Acme sales".into()));
        assert_eq!(parse_name("   ", 80), Err(InputError::Required));
        assert_eq!(
            parse_name(&"x".repeat(81), 80),
            Err(InputError::TooLong { max: 80, chars: 81 })
        );
        assert_eq!(parse_name(&"ż".repeat(80), 80).unwrap().chars().count(), 80);
    }

    #[test]
    fn a_short_text_may_be_blank_but_not_too_long() {
        assert_eq!(parse_short_text("  Pays late ", 20), Ok("Pays late".into()));
        assert_eq!(parse_short_text("   ", 20), Ok(String::new()));
        assert_eq!(
            parse_short_text(&"x".repeat(21), 20),
            Err(InputError::TooLong { max: 20, chars: 21 })
        );
    }

    #[test]
    fn emails_must_be_plausible() {
        assert_eq!(
            parse_email(" anna@acme.pl "),
            Ok(Some("anna@acme.pl".into()))
        );
        assert_eq!(parse_email(""), Ok(None));
        for text in [
            "anna",
            "anna@",
            "@acme.pl",
            "anna@acme",
            "an na@acme.pl",
            "a@b@c.pl",
            "anna@.pl",
            "<a@b.pl>",
        ] {
            assert_eq!(parse_email(text), Err(InputError::NotAnEmail), "{text:?}");
        }
    }

    #[test]
    fn websites_are_http_or_https_only() {
        assert_eq!(
            parse_website("acme.com"),
            Ok(Some("https://acme.com".into()))
        );
        assert_eq!(
            parse_website("http://acme.com/about"),
            Ok(Some("http://acme.com/about".into()))
        );
        assert_eq!(
            parse_website("HTTPS://Acme.com"),
            Ok(Some("HTTPS://Acme.com".into()))
        );
        for text in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "ftp://acme.com",
            "acme",
            "https://",
            "https://acme .com",
            "vbscript:x",
        ] {
            assert_eq!(
                parse_website(text),
                Err(InputError::NotAWebAddress),
                "{text:?}"
            );
        }
    }

    #[test]
    fn bounded_numbers_stay_within_their_span() {
        assert_eq!(parse_bounded("3", 1, 5), Ok(Some(3)));
        assert_eq!(
            parse_bounded("6", 1, 5),
            Err(InputError::OutOfRange { min: 1, max: 5 })
        );
        assert_eq!(
            parse_bounded("0", 1, 5),
            Err(InputError::OutOfRange { min: 1, max: 5 })
        );
    }

    #[test]
    fn a_span_of_a_kind_a_newer_build_wrote_is_kept_unknown_and_written_back() {
        let written = r#"{"kind":"at_least","low":200}"#;
        let span: Span<u32> = serde_json::from_str(written).unwrap();
        assert_eq!(span.bounds(), None, "no rule reads it");
        assert_eq!(serde_json::to_string(&span).unwrap(), written);
        assert_eq!(
            span_text(&span, |n| n.to_string()),
            crate::messages::unreadable_value()
        );
        // The kinds this build knows are still read strictly.
        let known: Span<u32> =
            serde_json::from_str(r#"{"kind":"range","low":1,"high":9}"#).unwrap();
        assert_eq!(known.bounds(), Some((1, 9)));
        assert!(serde_json::from_str::<Span<u32>>(r#"{"kind":"range","low":1}"#).is_err());
        assert!(serde_json::from_str::<Span<u32>>(r#"{"low":1,"high":9}"#).is_err());
        // A known kind with a field this build does not know is kept whole.
        let more = r#"{"confidence":"low","high":9,"kind":"range","low":1}"#;
        let span: Span<u32> = serde_json::from_str(more).unwrap();
        assert_eq!(span.bounds(), None);
        assert_eq!(serde_json::to_string(&span).unwrap(), more);
    }
}
