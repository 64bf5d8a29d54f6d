//! One reporting currency per workspace. Profiles keep money in their own
//! currency; every comparison and aggregate of money (scores and tiers, ICP
//! averages and medians, sorts, suggestions) first converts it with a rate
//! the user entered. A profile whose currency has no rate is left out of
//! them and the screens say so, rather than comparing złoty with euros.

use super::Date;
use super::decimal::{as_text, grouped};
use super::input::{InputError, parse_amount, parse_currency};
use super::profile::Profile;
use super::workspace::Workspace;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// What one unit of `currency` is worth in the reporting currency, as the
/// user entered it on `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExchangeRate {
    /// Three-letter code, upper case.
    pub currency: String,
    /// Units of the reporting currency for one unit of `currency`.
    #[serde(with = "as_text")]
    pub rate: Decimal,
    /// The day the rate is from, so that an old one is seen as old.
    pub date: Date,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(ExchangeRate {
    currency: required,
    rate: text,
    date: required_else(|| Date::from_day_number(0)),
    unknown_fields: rest,
});

/// Reads a typed exchange rate: a number above zero, written as people
/// write numbers (`4,2817` or `4.2817`), at most four decimals.
pub fn parse_rate(text: &str) -> Result<Decimal, InputError> {
    match parse_amount(text)? {
        None => Err(InputError::Required),
        Some(rate) if rate.is_zero() => Err(InputError::NotAboveZero),
        Some(rate) => Ok(rate),
    }
}

/// Reads the currency a rate is for: a three-letter code, and not the
/// reporting currency, whose amounts need no rate.
pub fn parse_rate_currency(text: &str, reporting: &str) -> Result<String, InputError> {
    match parse_currency(text)? {
        code if code.is_empty() => Err(InputError::Required),
        code if code == reporting => Err(InputError::NeedsNoRate),
        code => Ok(code),
    }
}

/// A line of the typed list of rates that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLineError {
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    pub error: InputError,
}

/// Reads the typed list of rates, one a line: the currency, what one unit
/// of it is worth in `reporting`, and the day of the rate, which is `today`
/// when left out (`EUR 4,2817 2026-12-01`). Blank lines are skipped; a
/// currency may be listed once.
pub fn parse_rates(
    text: &str,
    reporting: &str,
    today: Date,
) -> Result<Vec<ExchangeRate>, RateLineError> {
    let mut rates: Vec<ExchangeRate> = Vec::new();
    for (at, line) in text.lines().enumerate() {
        let fault = |error| RateLineError {
            line: at + 1,
            error,
        };
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (currency, rate, date) = match parts[..] {
            [] => continue,
            [currency, rate] => (currency, rate, None),
            [currency, rate, date] => (currency, rate, Some(date)),
            _ => return Err(fault(InputError::NotARate)),
        };
        let currency = parse_rate_currency(currency, reporting).map_err(fault)?;
        if rates.iter().any(|r| r.currency == currency) {
            return Err(fault(InputError::ListedTwice));
        }
        let rate = parse_rate(rate).map_err(fault)?;
        let date = match date {
            None => today,
            Some(date) => date.parse().map_err(|_| fault(InputError::NotARate))?,
        };
        rates.push(ExchangeRate {
            currency,
            rate,
            date,
            unknown_fields: Map::new(),
        });
    }
    Ok(rates)
}

/// The rates as the typed list [`parse_rates`] reads.
pub fn rates_text(rates: &[ExchangeRate]) -> String {
    rates
        .iter()
        .map(|r| format!("{} {} {}", r.currency, r.rate.normalize(), r.date))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Converts amounts to the reporting currency.
#[derive(Debug, Clone, Default)]
pub struct Converter {
    reporting: String,
    /// A copy: a workspace holds a few rates, and a converter that borrows
    /// nothing lets the workspace be changed while one is in use.
    rates: Vec<ExchangeRate>,
}

impl Converter {
    /// Converts to `reporting` with `rates`; an empty `reporting` takes
    /// every amount as it is (a workspace whose profiles name no currency).
    pub fn new(reporting: String, rates: Vec<ExchangeRate>) -> Self {
        Self { reporting, rates }
    }

    /// The reporting currency (empty when no profile names one).
    pub fn reporting(&self) -> &str {
        &self.reporting
    }

    /// The rate from `currency`, if it needs one and has one: `Some(None)`
    /// for the reporting currency itself (and for a profile that names no
    /// currency, which is taken to be in it).
    fn rate(&self, currency: &str) -> Option<Option<Decimal>> {
        if currency.is_empty() || self.reporting.is_empty() || currency == self.reporting {
            return Some(None);
        }
        self.rates
            .iter()
            .find(|r| r.currency == currency)
            .map(|r| Some(r.rate))
    }

    /// Whether amounts in `currency` can be compared: it is the reporting
    /// currency or has a rate.
    pub fn knows(&self, currency: &str) -> bool {
        self.rate(currency).is_some()
    }

    /// `amount` in `currency`, in the reporting currency: exact, rounded to
    /// four decimal places. `None` without a rate, or if too large.
    pub fn convert(&self, amount: Decimal, currency: &str) -> Option<Decimal> {
        match self.rate(currency)? {
            None => Some(amount),
            Some(rate) => amount.checked_mul(rate).map(|v| v.round_dp(4)),
        }
    }

    /// Profiles' currencies that have no rate, with how many profiles use
    /// each, in alphabetical order: what a screen lists as "not counted".
    pub fn missing_rates<'p>(
        &self,
        profiles: impl IntoIterator<Item = &'p Profile>,
    ) -> Vec<(String, usize)> {
        let mut missing: Vec<(String, usize)> = counts_by_currency(profiles, |c| !self.knows(c))
            .into_iter()
            .map(|(c, n)| (c.to_owned(), n))
            .collect();
        missing.sort_unstable();
        missing
    }
}

/// How many of `profiles` name each currency that `counts` keeps, in the
/// order first seen.
fn counts_by_currency<'p>(
    profiles: impl IntoIterator<Item = &'p Profile>,
    counts: impl Fn(&str) -> bool,
) -> Vec<(&'p str, usize)> {
    let mut found: Vec<(&str, usize)> = Vec::new();
    for profile in profiles {
        let currency = profile.currency.as_str();
        if !counts(currency) {
            continue;
        }
        match found.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, count)) => *count += 1,
            None => found.push((currency, 1)),
        }
    }
    found
}

/// What scores and charts are worked out on besides the records: the day
/// (for years as a customer) and the reporting currency.
#[derive(Debug, Clone)]
pub struct Basis {
    /// The day scored on (for years as a customer).
    pub today: Date,
    /// Converts money to the reporting currency, which thresholds and
    /// charts are in.
    pub money: Converter,
}

impl Basis {
    /// Money compared as it is: for a workspace in one currency, and tests.
    pub fn one_currency(today: Date) -> Self {
        Self {
            today,
            money: Converter::default(),
        }
    }

    /// `workspace`'s basis on `today`: money in its reporting currency.
    pub fn of(workspace: &Workspace, today: Date) -> Self {
        Self {
            today,
            money: workspace.converter(),
        }
    }
}

/// An amount with its currency, as lists show it ("222,000 PLN"; in
/// Polish "222 000 zł", as [`crate::domain::locale::money`] writes it);
/// just the amount when no currency is named.
pub fn amount_text(amount: Decimal, currency: &str) -> String {
    let language = crate::i18n::language();
    if language != crate::i18n::Language::English {
        return language.money(amount, currency);
    }
    let amount = grouped(amount);
    if currency.is_empty() {
        amount
    } else {
        format!("{amount} {currency}")
    }
}

/// The currency most profiles name (the first in alphabetical order on a
/// tie), or empty when none names one: the reporting currency until the
/// user chooses one.
pub fn most_used<'p>(profiles: impl IntoIterator<Item = &'p Profile>) -> String {
    counts_by_currency(profiles, |c| !c.is_empty())
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;

    fn rate(currency: &str, rate: &str) -> ExchangeRate {
        ExchangeRate {
            currency: currency.into(),
            rate: rate.parse().unwrap(),
            date: Date::new(2026, 12, 1).unwrap(),
            unknown_fields: Map::new(),
        }
    }

    fn in_currency(currency: &str) -> Profile {
        let mut p = Profile::new("Acme".into(), Timestamp::from_millis(0));
        p.currency = currency.into();
        p
    }

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn amounts_convert_exactly_with_the_rate_entered() {
        let rates = [rate("EUR", "4.2817")];
        let pln = Converter::new("PLN".into(), rates.to_vec());
        // 96,000 EUR × 4.2817 = 411,043.2 PLN, worked out by hand.
        assert_eq!(pln.convert(dec("96000"), "EUR"), Some(dec("411043.2")));
        // 0.35 EUR × 4.2817 = 1.498595, rounded to four places: 1.4986.
        assert_eq!(pln.convert(dec("0.35"), "EUR"), Some(dec("1.4986")));
        // The reporting currency, and a profile naming none, stay as they are.
        assert_eq!(pln.convert(dec("222000"), "PLN"), Some(dec("222000")));
        assert_eq!(pln.convert(dec("222000"), ""), Some(dec("222000")));
    }

    #[test]
    fn a_currency_without_a_rate_is_not_counted() {
        let rates = [rate("EUR", "4.2817")];
        let pln = Converter::new("PLN".into(), rates.to_vec());
        assert_eq!(pln.convert(dec("100"), "USD"), None);
        assert!(!pln.knows("USD"));
        let profiles = [
            in_currency("USD"),
            in_currency("PLN"),
            in_currency("GBP"),
            in_currency("USD"),
            in_currency("EUR"),
        ];
        assert_eq!(
            pln.missing_rates(&profiles),
            vec![("GBP".to_owned(), 1), ("USD".to_owned(), 2)]
        );
    }

    #[test]
    fn rates_are_numbers_above_zero_for_another_currency() {
        assert_eq!(parse_rate("4,2817"), Ok(dec("4.2817")));
        assert_eq!(parse_rate(" 0.25 "), Ok(dec("0.25")));
        assert_eq!(parse_rate("0"), Err(InputError::NotAboveZero));
        assert_eq!(parse_rate(""), Err(InputError::Required));
        assert_eq!(parse_rate("4.28175"), Err(InputError::TooManyDecimals));
        assert_eq!(parse_rate_currency(" eur", "PLN"), Ok("EUR".into()));
        assert_eq!(
            parse_rate_currency("PLN", "PLN"),
            Err(InputError::NeedsNoRate)
        );
        assert_eq!(parse_rate_currency("", "PLN"), Err(InputError::Required));
        assert_eq!(
            parse_rate_currency("euro", "PLN"),
            Err(InputError::NotACurrency)
        );
    }

    #[test]
    fn the_typed_list_of_rates_reads_one_rate_a_line() {
        let today = Date::new(2026, 12, 6).unwrap();
        let rates = parse_rates("eur 4,2817 2026-12-01\n\n  USD 3.95 ", "PLN", today).unwrap();
        assert_eq!(
            rates_text(&rates),
            "EUR 4.2817 2026-12-01\nUSD 3.95 2026-12-06"
        );
        assert_eq!(parse_rates(&rates_text(&rates), "PLN", today), Ok(rates));
        let fault = |text: &str| parse_rates(text, "PLN", today).unwrap_err();
        assert_eq!(
            fault("EUR 4.28\nEUR 4.29"),
            RateLineError {
                line: 2,
                error: InputError::ListedTwice
            }
        );
        assert_eq!(fault("PLN 1").error, InputError::NeedsNoRate);
        assert_eq!(fault("EUR 0").error, InputError::NotAboveZero);
        assert_eq!(fault("EUR").error, InputError::NotARate);
        assert_eq!(fault("EUR 4.28 yesterday").error, InputError::NotARate);
        assert_eq!(parse_rates("", "PLN", today), Ok(Vec::new()));
    }

    #[test]
    fn lists_show_money_with_its_currency() {
        assert_eq!(amount_text(dec("222000"), "PLN"), "222,000 PLN");
        assert_eq!(amount_text(dec("96000.5"), ""), "96,000.50");
        crate::i18n::set_language(crate::i18n::Language::Polish);
        let polish = [
            amount_text(dec("222000"), "PLN"),
            amount_text(dec("96000.5"), "EUR"),
        ];
        crate::i18n::set_language(crate::i18n::Language::English);
        assert_eq!(polish, ["222\u{a0}000\u{a0}zł", "96\u{a0}000,50\u{a0}EUR"]);
    }

    #[test]
    fn an_amount_too_large_to_convert_is_not_known() {
        let rates = [rate("EUR", "1000000")];
        let pln = Converter::new("PLN".into(), rates.to_vec());
        assert_eq!(pln.convert(Decimal::MAX, "EUR"), None);
    }

    #[test]
    fn until_chosen_the_reporting_currency_is_the_one_most_profiles_use() {
        let profiles = [
            in_currency("PLN"),
            in_currency("EUR"),
            in_currency(""),
            in_currency("PLN"),
        ];
        assert_eq!(most_used(&profiles), "PLN");
        // A tie goes to the first in alphabetical order.
        assert_eq!(most_used(&profiles[..2]), "EUR");
        assert_eq!(most_used(&[in_currency("")]), "");
    }
}
