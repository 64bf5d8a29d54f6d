//! The derived Ideal Customer Profile in words: each chart row's answer
//! with how many customers it rests on, for the ideal profile's screen and
//! the brief.

use super::{Average, ChartRow, IdealProfile, Mode, Share, Typical};
use crate::domain::decimal::grouped;
use crate::t;
use rust_decimal::Decimal;

/// A row nobody answered yet.
fn no_answer(total: usize) -> String {
    t!(icp_reasoning_no_answer, total = total)
}

fn mode_text(mode: &Mode, total: usize) -> String {
    match mode.values.as_slice() {
        [] => no_answer(total),
        [one] => t!(
            icp_reasoning_mode,
            value = one,
            count = mode.count,
            answers = mode.known,
            known = mode.known,
            total = total
        ),
        many => t!(
            icp_reasoning_tie,
            values = many.join(", "),
            count = mode.count,
            known = mode.known,
            total = total
        ),
    }
}

/// Which numbers a typical span is of, for its sentence.
#[derive(Clone, Copy)]
enum Unit {
    Employees,
    Years,
    Money,
}

fn typical_text<T: std::fmt::Display + PartialEq>(
    typical: Option<Typical<T>>,
    total: usize,
    unit: Unit,
) -> String {
    let Some(t) = typical else {
        return no_answer(total);
    };
    let middle = if t.median_low == t.median_high {
        t.median_low.to_string()
    } else {
        format!("{}–{}", t.median_low, t.median_high)
    };
    let (min, max, known) = (&t.min, &t.max, t.known);
    match unit {
        Unit::Employees => t!(
            icp_reasoning_typical_employees,
            middle = middle,
            min = min,
            max = max,
            known = known,
            total = total
        ),
        Unit::Years => t!(
            icp_reasoning_typical_years,
            middle = middle,
            min = min,
            max = max,
            known = known,
            total = total
        ),
        Unit::Money => t!(
            icp_reasoning_typical,
            middle = middle,
            min = min,
            max = max,
            known = known,
            total = total
        ),
    }
}

fn average_text(average: Option<Average>, total: usize) -> String {
    match average {
        None => no_answer(total),
        Some(a) => t!(
            icp_reasoning_average,
            mean = grouped(a.mean),
            min = grouped(a.min),
            max = grouped(a.max),
            known = a.known,
            total = total
        ),
    }
}

fn share_text(share: Share, total: usize) -> String {
    if share.known == 0 {
        return no_answer(total);
    }
    let percent = (Decimal::from(share.yes * 100) / Decimal::from(share.known)).round();
    t!(
        icp_reasoning_share,
        yes = share.yes,
        answered = share.known,
        percent = percent,
        total = total
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
                ChartRow::Employees => typical_text(ideal.employees, n, Unit::Employees),
                ChartRow::Industry => mode_text(&ideal.industry, n),
                ChartRow::BusinessType => mode_text(&ideal.business_type, n),
                ChartRow::Revenue => typical_text(big(ideal.revenue), n, Unit::Money),
                ChartRow::Location => mode_text(&ideal.location, n),
                ChartRow::Years => typical_text(ideal.years, n, Unit::Years),
                ChartRow::Purchases if ideal.purchases.is_empty() => no_answer(n),
                ChartRow::Purchases => t!(
                    icp_reasoning_purchases,
                    purchases = ideal
                        .purchases
                        .iter()
                        .map(|p| format!("{} ×{}", p.name, p.count))
                        .collect::<Vec<_>>()
                        .join(", "),
                    known = ideal.purchases_known,
                    total = n
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

#[cfg(test)]
mod tests {
    use super::super::test_support::{exact, money, range};
    use super::super::{ChartValues, derive};
    use super::*;
    use crate::domain::profile::YesNoUnknown;
    use crate::i18n::{Language, set_language};

    #[test]
    fn each_row_says_its_answer_and_how_many_customers_it_rests_on() {
        let ideal = derive(&[
            ChartValues {
                industry: "Retail".into(),
                employees: range(50, 100),
                monthly_spend: Some(money("1000")),
                referred: YesNoUnknown::Yes,
                purchases: vec!["Antivirus".into()],
                ..ChartValues::default()
            },
            ChartValues {
                industry: "Law".into(),
                employees: exact(80),
                monthly_spend: Some(money("2000")),
                referred: YesNoUnknown::No,
                ..ChartValues::default()
            },
            ChartValues::default(),
        ]);
        let said = || -> Vec<String> { reasoning(&ideal).into_iter().map(|(_, t)| t).collect() };
        let english = said();
        set_language(Language::Polish);
        let polish = said();
        set_language(Language::English);
        let row = |texts: &[String], row: ChartRow| texts[row as usize].clone();
        assert_eq!(
            row(&english, ChartRow::Industry),
            "Tie: Retail, Law, 1 each (2 of 3 known)"
        );
        assert_eq!(
            row(&english, ChartRow::Employees),
            "Typically 50–80 employees (median); from 50 to 100 (2 of 3 known)"
        );
        assert_eq!(
            row(&english, ChartRow::MonthlySpend),
            "Average 1,500 (from 1,000 to 2,000; 2 of 3 known)"
        );
        assert_eq!(
            row(&english, ChartRow::Referred),
            "1 of 2 said yes (50%; 2 of 3 known)"
        );
        assert_eq!(
            row(&english, ChartRow::Purchases),
            "Antivirus ×1 (1 of 3 known)"
        );
        assert_eq!(
            row(&english, ChartRow::Revenue),
            "No answer yet (0 of 3 known)"
        );
        assert_eq!(
            row(&polish, ChartRow::Industry),
            "Ex aequo: Retail, Law, po 1 (znane: 2 z 3)"
        );
        assert_eq!(
            row(&polish, ChartRow::MonthlySpend),
            "Średnio 1\u{a0}500 (od 1\u{a0}000 do 2\u{a0}000; znane: 2 z 3)"
        );
        assert_eq!(
            row(&polish, ChartRow::Referred),
            "„Tak”: 1 z 2 (50%; znane: 2 z 3)"
        );
        assert_eq!(
            row(&polish, ChartRow::Revenue),
            "Brak odpowiedzi (znane: 0 z 3)"
        );
    }
}
