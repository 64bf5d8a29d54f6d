//! Deriving the ideal profile from the chart's columns: most common
//! answers, medians of spans, averages of amounts, shares of yes answers
//! and shared purchases.

use super::{Average, ChartValues, IdealProfile, Mode, Share, SharedPurchase, Typical};
use crate::domain::counts::Counts;
use crate::domain::profile::YesNoUnknown;
use crate::domain::sorting::sort_with;
use rust_decimal::{Decimal, RoundingStrategy};

/// Derives the ideal profile from the chart's columns.
pub fn derive(columns: &[ChartValues]) -> IdealProfile {
    IdealProfile {
        columns: columns.len(),
        industry: mode(columns.iter().map(|c| c.industry.as_str())),
        business_type: mode(columns.iter().map(|c| c.business_type.as_str())),
        employees: typical(columns.iter().filter_map(|c| c.employees?.bounds())),
        revenue: typical(
            columns
                .iter()
                .filter_map(|c| c.revenue?.bounds())
                .map(|(low, high)| (low.amount(), high.amount())),
        ),
        location: mode(columns.iter().map(|c| c.location.as_str())),
        years: typical(columns.iter().filter_map(|c| c.years?.bounds())),
        purchases: shared_purchases(columns),
        purchases_known: columns.iter().filter(|c| !c.purchases.is_empty()).count(),
        monthly_spend: average(columns.iter().filter_map(ChartValues::monthly)),
        yearly_spend: average(columns.iter().filter_map(ChartValues::yearly)),
        referred: share(columns.iter().map(|c| c.referred)),
        testimonial: share(columns.iter().map(|c| c.testimonial)),
    }
}

/// The most common non-blank answers, compared ignoring case and spaces.
fn mode<'a>(answers: impl Iterator<Item = &'a str>) -> Mode {
    let mut counts = Counts::default();
    for answer in answers.map(str::trim).filter(|a| !a.is_empty()) {
        counts.add(answer.to_lowercase(), answer);
    }
    let known = counts.total();
    let counted = counts.most_first();
    let count = counted.first().map_or(0, |(_, n)| *n);
    Mode {
        values: counted
            .into_iter()
            .filter(|(_, n)| *n == count)
            .map(|(name, _)| name)
            .collect(),
        count,
        known,
    }
}

/// The median of sorted values: the lower middle for an even count, so the
/// result is always an answer someone gave.
fn median<T: Copy + Ord>(mut values: Vec<T>) -> T {
    sort_with(&mut values, Ord::cmp);
    values[(values.len() - 1) / 2]
}

/// What is typical of the known spans, given by their low and high ends.
fn typical<T: Copy + Ord>(bounds: impl Iterator<Item = (T, T)>) -> Option<Typical<T>> {
    let (lows, highs): (Vec<T>, Vec<T>) = bounds.unzip();
    if lows.is_empty() {
        return None;
    }
    Some(Typical {
        min: *lows.iter().min()?,
        max: *highs.iter().max()?,
        known: lows.len(),
        median_low: median(lows),
        median_high: median(highs),
    })
}

fn average(values: impl Iterator<Item = Decimal>) -> Option<Average> {
    let values: Vec<Decimal> = values.collect();
    let known = values.len();
    if known == 0 {
        return None;
    }
    // Checked: amounts loaded from an older file may be too large to add.
    let sum = values
        .iter()
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))?;
    Some(Average {
        mean: (sum / Decimal::from(known))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        min: *values.iter().min()?,
        max: *values.iter().max()?,
        known,
    })
}

fn share(answers: impl Iterator<Item = YesNoUnknown>) -> Share {
    answers.fold(Share::default(), |mut share, answer| {
        match answer {
            YesNoUnknown::Yes => {
                share.yes += 1;
                share.known += 1;
            }
            YesNoUnknown::No => share.known += 1,
            YesNoUnknown::Unknown | YesNoUnknown::Unlisted(_) => {}
        }
        share
    })
}

/// Purchases listed by at least two customers (or the only ones listed when
/// a single customer lists any), most shared first.
fn shared_purchases(columns: &[ChartValues]) -> Vec<SharedPurchase> {
    let mut counts = Counts::default();
    for column in columns {
        // A purchase listed twice by one customer counts once.
        let mut listed = Counts::default();
        for purchase in column.purchases.iter().map(|p| p.trim()) {
            let key = purchase.to_lowercase();
            if !key.is_empty() && !listed.has(&key) {
                listed.add(key.clone(), purchase);
                counts.add(key, purchase);
            }
        }
    }
    let counted = counts.most_first();
    let threshold = if counted.first().is_some_and(|(_, n)| *n >= 2) {
        2
    } else {
        1
    };
    counted
        .into_iter()
        .filter(|(_, n)| *n >= threshold)
        .map(|(name, count)| SharedPurchase { name, count })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Worksheet;
    use super::super::test_support::{exact, money, range};
    use super::*;
    use crate::domain::input::Span;
    use crate::domain::profile::Profile;
    use crate::domain::time::Timestamp;

    fn column(industry: &str, employees: Option<Span<u32>>) -> ChartValues {
        ChartValues {
            industry: industry.into(),
            employees,
            ..ChartValues::default()
        }
    }

    #[test]
    fn the_most_common_industry_is_found_ignoring_case_with_its_count() {
        let ideal = derive(&[
            column("Retail", None),
            column("Law", None),
            column(" retail ", None),
            column("", None),
        ]);
        assert_eq!(
            ideal.industry,
            Mode {
                values: vec!["Retail".into()],
                count: 2,
                known: 3
            }
        );
    }

    #[test]
    fn ties_show_every_tied_answer_in_chart_order() {
        let ideal = derive(&[
            column("Law", None),
            column("Retail", None),
            column("Retail", None),
            column("Law", None),
            column("Banking", None),
        ]);
        assert_eq!(
            ideal.industry.values,
            vec!["Law".to_owned(), "Retail".to_owned()]
        );
        assert_eq!((ideal.industry.count, ideal.industry.known), (2, 5));
    }

    #[test]
    fn blanks_count_as_unknown_not_as_answers() {
        let ideal = derive(&[ChartValues::default(), ChartValues::default()]);
        assert_eq!(
            ideal.industry,
            Mode {
                values: vec![],
                count: 0,
                known: 0
            }
        );
        assert_eq!(ideal.employees, None);
        assert_eq!(ideal.monthly_spend, None);
        assert_eq!(ideal.referred, Share { yes: 0, known: 0 });
    }

    #[test]
    fn medians_treat_a_range_as_an_interval() {
        // Exact 20, range 50-100, exact 80, range 10-30, blank.
        let cols = [
            column("", exact(20)),
            column("", range(50, 100)),
            column("", exact(80)),
            column("", range(10, 30)),
            column("", None),
        ];
        let typical = derive(&cols).employees.unwrap();
        // Lows 10, 20, 50, 80 → lower median 20; highs 20, 30, 80, 100 → 30.
        assert_eq!((typical.median_low, typical.median_high), (20, 30));
        assert_eq!((typical.min, typical.max, typical.known), (10, 100, 4));
    }

    #[test]
    fn a_single_range_is_its_own_typical_span() {
        let typical = derive(&[column("", range(50, 100))]).employees.unwrap();
        assert_eq!(
            (
                typical.median_low,
                typical.median_high,
                typical.min,
                typical.max
            ),
            (50, 100, 50, 100)
        );
    }

    #[test]
    fn revenue_ranges_in_money_are_typical_too() {
        let a = ChartValues {
            revenue: Some(Span::Range {
                low: money("1000000"),
                high: money("5000000"),
            }),
            ..ChartValues::default()
        };
        let b = ChartValues {
            revenue: Some(Span::Exact {
                value: money("2500000.50"),
            }),
            ..ChartValues::default()
        };
        let typical = derive(&[a, b]).revenue.unwrap();
        assert_eq!(typical.min, "1000000".parse().unwrap());
        assert_eq!(typical.max, "5000000".parse().unwrap());
    }

    #[test]
    fn spend_averages_are_exact_decimals_and_fill_in_the_other_period() {
        let a = ChartValues {
            monthly_spend: Some(money("1000.10")),
            ..ChartValues::default()
        };
        let b = ChartValues {
            yearly_spend: Some(money("24000")),
            ..ChartValues::default()
        };
        let c = ChartValues {
            monthly_spend: Some(money("333.33")),
            ..ChartValues::default()
        };
        let ideal = derive(&[a, b, c, ChartValues::default()]);
        let monthly = ideal.monthly_spend.unwrap();
        // (1000.10 + 2000 + 333.33) / 3 = 1111.143333… → 1111.14
        assert_eq!(monthly.mean, "1111.14".parse().unwrap());
        assert_eq!(monthly.known, 3);
        let yearly = ideal.yearly_spend.unwrap();
        // (12001.20 + 24000 + 3999.96) / 3 = 13333.72
        assert_eq!(yearly.mean, "13333.72".parse().unwrap());
    }

    #[test]
    fn shares_count_yes_among_known_answers() {
        let answers = [
            YesNoUnknown::Yes,
            YesNoUnknown::No,
            YesNoUnknown::Yes,
            YesNoUnknown::Unknown,
        ];
        let cols: Vec<_> = answers
            .iter()
            .map(|&a| ChartValues {
                referred: a,
                ..ChartValues::default()
            })
            .collect();
        let ideal = derive(&cols);
        assert_eq!(ideal.referred, Share { yes: 2, known: 3 });
        assert!(ideal.referred.mostly_yes());
    }

    #[test]
    fn purchases_most_customers_share_are_listed_with_counts() {
        let buys = |items: &[&str]| ChartValues {
            purchases: items.iter().map(|s| (*s).to_owned()).collect(),
            ..ChartValues::default()
        };
        let ideal = derive(&[
            buys(&["Managed Desktop", "Antivirus"]),
            buys(&["managed desktop", "Spam Protection", "Managed Desktop"]),
            buys(&["Antivirus", "Managed Desktop"]),
            buys(&["Printers"]),
        ]);
        let listed: Vec<_> = ideal
            .purchases
            .iter()
            .map(|p| (p.name.as_str(), p.count))
            .collect();
        assert_eq!(listed, vec![("Managed Desktop", 3), ("Antivirus", 2)]);
        assert_eq!(ideal.purchases_known, 4);
    }

    #[test]
    fn a_linked_column_keeps_only_worked_out_spend_that_reads_back() {
        // Twelve times this monthly spend has 29 digits: stored, it would
        // make the whole workspace unreadable at the next start.
        let today = crate::domain::currency::Basis::one_currency("2026-11-22".parse().unwrap());
        let mut profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        profile.monthly_spend = Some(money("999999999999999999999999.9999"));
        let mut sheet = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        let column = sheet.columns[0].id;
        sheet.link(column, &profile, &today);
        assert_eq!(sheet.columns[0].values.yearly_spend, None);
        assert_eq!(
            sheet.columns[0].values.monthly_spend,
            Some(money("999999999999999999999999.9999"))
        );
        let json = serde_json::to_string(&sheet).unwrap();
        assert_eq!(serde_json::from_str::<Worksheet>(&json).unwrap(), sheet);
        // With the largest amounts, an average is not known rather than a
        // crash: nine 28-digit amounts add up to more than a decimal holds.
        let largest: Decimal = "9999999999999999999999999999".parse().unwrap();
        assert_eq!(average(std::iter::repeat_n(largest, 9)), None);
        assert!(average(std::iter::repeat_n(largest, 7)).is_some());
    }
}
