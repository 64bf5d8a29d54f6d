//! The fit check: a profile compared with the ideal profile, row by row.

use super::{Average, ChartRow, ChartValues, IdealProfile, Mode, Share, Typical};
use crate::domain::profile::YesNoUnknown;
use crate::t;
use rust_decimal::{Decimal, RoundingStrategy};

/// How one row of a profile compares with the ideal profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFit {
    /// The profile matches the ideal on this row.
    Matches,
    /// It does not.
    Differs,
    /// The profile or the chart has no answer; the row does not count.
    Unknown,
}

/// The rule stated on screen for the fit check, in the interface's
/// language.
pub fn fit_rule() -> &'static str {
    t!(icp_fit_rule)
}

/// A profile compared with the ideal profile, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// Each row's result, in chart order.
    pub rows: Vec<(ChartRow, RowFit)>,
    /// Rows that match.
    pub matched: usize,
    /// Rows compared (known on both sides).
    pub compared: usize,
}

impl Fit {
    /// The fit in percent, to one decimal; `None` when nothing could be compared.
    pub fn percent(&self) -> Option<Decimal> {
        (self.compared > 0).then(|| {
            (Decimal::from(self.matched * 100) / Decimal::from(self.compared))
                .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        })
    }
}

/// Whether two answers are the same, ignoring case and surrounding spaces.
fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn in_mode(mode: &Mode, answer: &str) -> RowFit {
    if mode.known == 0 || answer.trim().is_empty() {
        RowFit::Unknown
    } else if mode.values.iter().any(|v| same_text(v, answer)) {
        RowFit::Matches
    } else {
        RowFit::Differs
    }
}

fn overlaps<T: Copy + Ord>(typical: Option<Typical<T>>, value: Option<(T, T)>) -> RowFit {
    match (typical, value) {
        (Some(t), Some((low, high))) if low <= t.max && high >= t.min => RowFit::Matches,
        (Some(_), Some(_)) => RowFit::Differs,
        _ => RowFit::Unknown,
    }
}

fn amount_in(average: Option<Average>, value: Option<Decimal>) -> RowFit {
    overlaps(
        average.map(|a| Typical {
            median_low: a.mean,
            median_high: a.mean,
            min: a.min,
            max: a.max,
            known: a.known,
        }),
        value.map(|v| (v, v)),
    )
}

fn answered_yes(share: Share, answer: YesNoUnknown) -> RowFit {
    match answer {
        YesNoUnknown::Unknown => RowFit::Unknown,
        _ if share.known == 0 => RowFit::Unknown,
        YesNoUnknown::Yes if share.mostly_yes() => RowFit::Matches,
        YesNoUnknown::No if !share.mostly_yes() => RowFit::Matches,
        _ => RowFit::Differs,
    }
}

/// Compares one profile's values with the ideal profile (see [`fit_rule`]).
pub fn fit(ideal: &IdealProfile, candidate: &ChartValues) -> Fit {
    let rows: Vec<(ChartRow, RowFit)> = ChartRow::ALL
        .iter()
        .map(|&row| {
            let result = match row {
                ChartRow::Employees => overlaps(
                    ideal.employees,
                    candidate.employees.and_then(|s| s.bounds()),
                ),
                ChartRow::Industry => in_mode(&ideal.industry, &candidate.industry),
                ChartRow::BusinessType => in_mode(&ideal.business_type, &candidate.business_type),
                ChartRow::Revenue => overlaps(
                    ideal.revenue,
                    candidate
                        .revenue
                        .and_then(|s| s.bounds())
                        .map(|(low, high)| (low.amount(), high.amount())),
                ),
                ChartRow::Location => in_mode(&ideal.location, &candidate.location),
                ChartRow::Years => overlaps(ideal.years, candidate.years.and_then(|s| s.bounds())),
                ChartRow::Purchases => {
                    match (ideal.purchases.is_empty(), candidate.purchases.is_empty()) {
                        (false, false) => {
                            let shares = candidate
                                .purchases
                                .iter()
                                .any(|p| ideal.purchases.iter().any(|s| same_text(&s.name, p)));
                            if shares {
                                RowFit::Matches
                            } else {
                                RowFit::Differs
                            }
                        }
                        _ => RowFit::Unknown,
                    }
                }
                ChartRow::MonthlySpend => amount_in(ideal.monthly_spend, candidate.monthly()),
                ChartRow::YearlySpend => amount_in(ideal.yearly_spend, candidate.yearly()),
                ChartRow::Referred => answered_yes(ideal.referred, candidate.referred),
                ChartRow::Testimonial => answered_yes(ideal.testimonial, candidate.testimonial),
            };
            (row, result)
        })
        .collect();
    let matched = rows.iter().filter(|(_, r)| *r == RowFit::Matches).count();
    let compared = rows.iter().filter(|(_, r)| *r != RowFit::Unknown).count();
    Fit {
        rows,
        matched,
        compared,
    }
}

#[cfg(test)]
mod tests {
    use super::super::derive;
    use super::super::test_support::{exact, money, range};
    use super::*;

    fn chart() -> IdealProfile {
        let col = |industry: &str, employees, monthly: &str, referred| ChartValues {
            industry: industry.into(),
            employees,
            monthly_spend: Some(money(monthly)),
            referred,
            ..ChartValues::default()
        };
        derive(&[
            col("Retail", range(50, 100), "1000", YesNoUnknown::Yes),
            col("Retail", exact(80), "2000", YesNoUnknown::Yes),
            col("Law", exact(200), "1500", YesNoUnknown::No),
        ])
    }

    #[test]
    fn the_fit_counts_matching_rows_among_those_known_on_both_sides() {
        let prospect = ChartValues {
            industry: "retail".into(),
            employees: range(150, 400),
            monthly_spend: Some(money("5000")),
            referred: YesNoUnknown::Unknown,
            ..ChartValues::default()
        };
        let result = fit(&chart(), &prospect);
        let row = |r| result.rows.iter().find(|(row, _)| *row == r).unwrap().1;
        assert_eq!(row(ChartRow::Industry), RowFit::Matches);
        assert_eq!(
            row(ChartRow::Employees),
            RowFit::Matches,
            "150-400 overlaps 50-200"
        );
        assert_eq!(
            row(ChartRow::MonthlySpend),
            RowFit::Differs,
            "5000 is above 1000-2000"
        );
        assert_eq!(row(ChartRow::Referred), RowFit::Unknown);
        assert_eq!(
            row(ChartRow::Revenue),
            RowFit::Unknown,
            "the chart has no revenue"
        );
        assert_eq!(
            row(ChartRow::YearlySpend),
            RowFit::Differs,
            "60,000 a year from the monthly spend"
        );
        assert_eq!((result.matched, result.compared), (2, 4));
        assert_eq!(result.percent(), Some("50.0".parse().unwrap()));
    }

    #[test]
    fn fit_percentages_round_to_one_decimal() {
        let fit = Fit {
            rows: Vec::new(),
            matched: 2,
            compared: 3,
        };
        assert_eq!(fit.percent(), Some("66.7".parse().unwrap()));
    }

    #[test]
    fn nothing_known_means_no_fit_percentage() {
        assert_eq!(fit(&chart(), &ChartValues::default()).percent(), None);
    }
}
