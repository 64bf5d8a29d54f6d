//! Searching, filtering and sorting the list of profiles.

use super::currency::Converter;
use super::profile::{Profile, Status};
use crate::domain::sorting::{sort_by_key_with, sort_with};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// What the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Company name, A to Z.
    #[default]
    Name,
    /// Yearly spend (entered or computed), highest first.
    YearlySpend,
    /// Profitability, highest first.
    Profitability,
    /// Last reviewed, longest ago (or never) first.
    LastReviewed,
}

impl SortKey {
    /// Every sort, in the order offered.
    pub const ALL: [SortKey; 4] = [
        SortKey::Name,
        SortKey::YearlySpend,
        SortKey::Profitability,
        SortKey::LastReviewed,
    ];

    /// The name shown to people, in the interface's language.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => crate::t!(profile_sort_name),
            SortKey::YearlySpend => crate::t!(profile_sort_yearly_spend),
            SortKey::Profitability => crate::t!(profile_sort_profitability),
            SortKey::LastReviewed => crate::t!(profile_sort_last_reviewed),
        }
    }
}

/// Text a company name must contain, ignoring case and the spaces around
/// it: the search box of every list of companies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameSearch(String);

impl NameSearch {
    /// The search for what the person typed.
    pub fn new(typed: &str) -> Self {
        Self(typed.trim().to_lowercase())
    }

    /// Whether `name` matches; an empty search matches every name.
    pub fn matches(&self, name: &str) -> bool {
        self.0.is_empty() || name.to_lowercase().contains(&self.0)
    }
}

/// A search of the profile list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileQuery {
    /// Text the company name must contain, ignoring case.
    pub search: String,
    /// Only this status, if set.
    pub status: Option<Status>,
    /// Only this industry, if set.
    pub industry: Option<String>,
    /// The order.
    pub sort: SortKey,
}

impl ProfileQuery {
    /// The positions in `profiles` that match, in the query's order. Money
    /// sorts in the reporting currency (`money`); unknown values, and money
    /// in a currency without a rate, sort last whatever the key.
    pub fn run(&self, profiles: &[Profile], money: &Converter) -> Vec<usize> {
        let search = NameSearch::new(&self.search);
        let mut hits: Vec<usize> = profiles
            .iter()
            .enumerate()
            .filter(|(_, p)| search.matches(&p.name))
            .filter(|(_, p)| self.status.is_none_or(|s| p.status == s))
            .filter(|(_, p)| {
                self.industry
                    .as_ref()
                    .is_none_or(|i| p.industry.eq_ignore_ascii_case(i))
            })
            .map(|(i, _)| i)
            .collect();
        let converted = |p: &Profile, amount: Option<Decimal>| {
            amount.and_then(|a| money.convert(a, &p.currency))
        };
        let by_name = |a: &Profile, b: &Profile| a.name.to_lowercase().cmp(&b.name.to_lowercase());
        let highest_first = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
            (Some(a), Some(b)) => b.cmp(&a),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        sort_with(&mut hits, |&a, &b| {
            let (a, b) = (&profiles[a], &profiles[b]);
            let order = match self.sort {
                SortKey::Name => Ordering::Equal,
                SortKey::YearlySpend => highest_first(
                    converted(a, a.yearly_spend().map(|k| k.value())),
                    converted(b, b.yearly_spend().map(|k| k.value())),
                ),
                SortKey::Profitability => highest_first(
                    converted(a, a.profitability()),
                    converted(b, b.profitability()),
                ),
                // `None` (never reviewed) sorts before every date.
                SortKey::LastReviewed => a.last_reviewed.cmp(&b.last_reviewed),
            };
            order.then_with(|| by_name(a, b))
        });
        hits
    }

    /// Industries in use, for the filter, in alphabetical order.
    pub fn industries(profiles: &[Profile]) -> Vec<String> {
        distinct(profiles.iter().map(|p| p.industry.as_str()))
    }
}

/// `texts` trimmed, without blanks and repeats (case ignored), in
/// alphabetical order: the choices of a filter.
pub fn distinct<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut found: Vec<String> = texts
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    sort_by_key_with(&mut found, |t| t.to_lowercase());
    found.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;

    fn profile(
        name: &str,
        status: Status,
        industry: &str,
        yearly: Option<&str>,
        costs: Option<&str>,
    ) -> Profile {
        let mut p = Profile::new(name.into(), Timestamp::from_millis(0));
        p.status = status;
        p.industry = industry.into();
        p.yearly_spend = yearly.map(|y| y.parse().unwrap());
        p.cost_to_serve = costs.map(|c| c.parse().unwrap());
        p
    }

    fn sample() -> Vec<Profile> {
        vec![
            profile(
                "beta Bank",
                Status::Customer,
                "Banking",
                Some("50000"),
                Some("45000"),
            ),
            profile(
                "Acme Retail",
                Status::Customer,
                "Retail",
                Some("20000"),
                Some("2000"),
            ),
            profile("Cobalt", Status::Prospect, "retail", None, None),
            profile(
                "Delta Law",
                Status::FormerCustomer,
                "Law",
                Some("9000"),
                None,
            ),
        ]
    }

    fn names(profiles: &[Profile], hits: Vec<usize>) -> Vec<&str> {
        hits.into_iter()
            .map(|i| profiles[i].name.as_str())
            .collect()
    }

    #[test]
    fn search_matches_part_of_the_name_ignoring_case() {
        let p = sample();
        let q = ProfileQuery {
            search: "  BA ".into(),
            ..ProfileQuery::default()
        };
        assert_eq!(
            names(&p, q.run(&p, &Converter::default())),
            vec!["beta Bank", "Cobalt"]
        );
    }

    #[test]
    fn filters_by_status_and_industry_combine() {
        let p = sample();
        let q = ProfileQuery {
            industry: Some("Retail".into()),
            ..ProfileQuery::default()
        };
        assert_eq!(
            names(&p, q.run(&p, &Converter::default())),
            vec!["Acme Retail", "Cobalt"]
        );
        let q = ProfileQuery {
            status: Some(Status::Customer),
            industry: Some("Retail".into()),
            ..ProfileQuery::default()
        };
        assert_eq!(
            names(&p, q.run(&p, &Converter::default())),
            vec!["Acme Retail"]
        );
    }

    #[test]
    fn sorting_puts_the_highest_first_and_unknowns_last() {
        let p = sample();
        let q = ProfileQuery {
            sort: SortKey::YearlySpend,
            ..ProfileQuery::default()
        };
        assert_eq!(
            names(&p, q.run(&p, &Converter::default())),
            vec!["beta Bank", "Acme Retail", "Delta Law", "Cobalt"]
        );
        let q = ProfileQuery {
            sort: SortKey::Profitability,
            ..ProfileQuery::default()
        };
        assert_eq!(
            names(&p, q.run(&p, &Converter::default())),
            vec!["Acme Retail", "beta Bank", "Cobalt", "Delta Law"]
        );
        let q = ProfileQuery::default();
        assert_eq!(
            names(&p, q.run(&p, &Converter::default())),
            vec!["Acme Retail", "beta Bank", "Cobalt", "Delta Law"]
        );
    }

    #[test]
    fn money_sorts_in_the_reporting_currency_and_without_a_rate_last() {
        let mut p = sample();
        // beta Bank spends 50,000 PLN; Acme 20,000 EUR is 85,634 PLN at
        // 4.2817; Delta Law's 9,000 USD has no rate.
        p[0].currency = "PLN".into();
        p[1].currency = "EUR".into();
        p[3].currency = "USD".into();
        let rates = vec![crate::domain::currency::ExchangeRate {
            currency: "EUR".into(),
            rate: "4.2817".parse().unwrap(),
            date: crate::domain::Date::new(2026, 12, 1).unwrap(),
            unknown_fields: Default::default(),
        }];
        let pln = Converter::new("PLN".into(), rates);
        let q = ProfileQuery {
            sort: SortKey::YearlySpend,
            ..ProfileQuery::default()
        };
        assert_eq!(
            names(&p, q.run(&p, &pln)),
            vec!["Acme Retail", "beta Bank", "Cobalt", "Delta Law"]
        );
    }

    #[test]
    fn industries_in_use_are_listed_once() {
        assert_eq!(
            ProfileQuery::industries(&sample()),
            vec!["Banking", "Law", "Retail"]
        );
    }
}
