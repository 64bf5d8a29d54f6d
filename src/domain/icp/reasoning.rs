//! The derived Ideal Customer Profile in words: each chart row's answer
//! with how many customers it rests on, for the ideal profile's screen and
//! the brief.

use super::{Average, ChartRow, IdealProfile, Mode, Share, Typical};
use crate::domain::decimal::grouped;
use rust_decimal::Decimal;

fn of(known: usize, total: usize) -> String {
    format!("{known} of {total} known")
}

fn mode_text(mode: &Mode, total: usize) -> String {
    match mode.values.as_slice() {
        [] => format!("No answer yet ({})", of(0, total)),
        [one] => format!(
            "{one}: {} of {} answers ({})",
            mode.count,
            mode.known,
            of(mode.known, total)
        ),
        many => format!(
            "Tie: {}, {} each ({})",
            many.join(", "),
            mode.count,
            of(mode.known, total)
        ),
    }
}

fn typical_text<T: std::fmt::Display + PartialEq>(
    typical: Option<Typical<T>>,
    total: usize,
    unit: &str,
) -> String {
    match typical {
        None => format!("No answer yet ({})", of(0, total)),
        Some(t) => {
            let middle = if t.median_low == t.median_high {
                t.median_low.to_string()
            } else {
                format!("{}–{}", t.median_low, t.median_high)
            };
            format!(
                "Typically {middle}{unit} (median); from {} to {} ({})",
                t.min,
                t.max,
                of(t.known, total)
            )
        }
    }
}

fn average_text(average: Option<Average>, total: usize) -> String {
    match average {
        None => format!("No answer yet ({})", of(0, total)),
        Some(a) => format!(
            "Average {} (from {} to {}; {})",
            grouped(a.mean),
            grouped(a.min),
            grouped(a.max),
            of(a.known, total)
        ),
    }
}

fn share_text(share: Share, total: usize) -> String {
    if share.known == 0 {
        return format!("No answer yet ({})", of(0, total));
    }
    let percent = (Decimal::from(share.yes * 100) / Decimal::from(share.known)).round();
    format!(
        "{} of {} said yes ({percent}%; {})",
        share.yes,
        share.known,
        of(share.known, total)
    )
}

/// Each chart row's derived answer as a sentence with its reasoning: the
/// answer, and how many of the charted customers it rests on.
pub fn reasoning(ideal: &IdealProfile) -> Vec<(ChartRow, String)> {
    let n = ideal.columns;
    let big = |t: Option<Typical<Decimal>>| {
        t.map(|t| Typical {
            median_low: grouped(t.median_low),
            median_high: grouped(t.median_high),
            min: grouped(t.min),
            max: grouped(t.max),
            known: t.known,
        })
    };
    ChartRow::ALL
        .into_iter()
        .map(|row| {
            let text = match row {
                ChartRow::Employees => typical_text(ideal.employees, n, " employees"),
                ChartRow::Industry => mode_text(&ideal.industry, n),
                ChartRow::BusinessType => mode_text(&ideal.business_type, n),
                ChartRow::Revenue => typical_text(big(ideal.revenue), n, ""),
                ChartRow::Location => mode_text(&ideal.location, n),
                ChartRow::Years => typical_text(ideal.years, n, " years"),
                ChartRow::Purchases if ideal.purchases.is_empty() => {
                    format!("No answer yet ({})", of(0, n))
                }
                ChartRow::Purchases => format!(
                    "{} ({})",
                    ideal
                        .purchases
                        .iter()
                        .map(|p| format!("{} ×{}", p.name, p.count))
                        .collect::<Vec<_>>()
                        .join(", "),
                    of(ideal.purchases_known, n)
                ),
                ChartRow::MonthlySpend => average_text(ideal.monthly_spend, n),
                ChartRow::YearlySpend => average_text(ideal.yearly_spend, n),
                ChartRow::Referred => share_text(ideal.referred, n),
                ChartRow::Testimonial => share_text(ideal.testimonial, n),
            };
            (row, text)
        })
        .collect()
}
