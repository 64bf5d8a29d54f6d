//! The chart's eleven rows: their labels and guidance, and reading and
//! editing a cell, typed in or on a linked profile.

use super::ChartValues;
use crate::domain::Date;
use crate::domain::currency::Basis;
use crate::domain::decimal::grouped;
use crate::domain::input::{
    InputError, count_span_text, money_span_text, money_text, parse_count_span, parse_lines,
    parse_money, parse_money_span,
};
use crate::domain::profile::{Profile, YesNoUnknown};
use crate::t;

/// The chart's rows, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartRow {
    /// # of employees.
    Employees,
    /// Industry.
    Industry,
    /// Type of business.
    BusinessType,
    /// Average revenue.
    Revenue,
    /// Location.
    Location,
    /// # years as customer.
    Years,
    /// What do they purchase?
    Purchases,
    /// Average spent per month.
    MonthlySpend,
    /// Average spent per year.
    YearlySpend,
    /// Have they referred you?
    Referred,
    /// Have they given a testimonial?
    Testimonial,
}

impl ChartRow {
    /// The eleven rows of the seed chart.
    pub const ALL: [ChartRow; 11] = [
        ChartRow::Employees,
        ChartRow::Industry,
        ChartRow::BusinessType,
        ChartRow::Revenue,
        ChartRow::Location,
        ChartRow::Years,
        ChartRow::Purchases,
        ChartRow::MonthlySpend,
        ChartRow::YearlySpend,
        ChartRow::Referred,
        ChartRow::Testimonial,
    ];

    /// The row's name as the chart shows it, in the interface's language.
    pub fn shown(self) -> &'static str {
        match self {
            ChartRow::Employees => t!(icp_row_employees),
            ChartRow::Industry => t!(icp_row_industry),
            ChartRow::BusinessType => t!(icp_row_business_type),
            ChartRow::Revenue => t!(icp_row_revenue),
            ChartRow::Location => t!(icp_row_location),
            ChartRow::Years => t!(icp_row_years),
            ChartRow::Purchases => t!(icp_row_purchases),
            ChartRow::MonthlySpend => t!(icp_row_monthly_spend),
            ChartRow::YearlySpend => t!(icp_row_yearly_spend),
            ChartRow::Referred => t!(icp_row_referred),
            ChartRow::Testimonial => t!(icp_row_testimonial),
        }
    }

    /// The chart's guidance for the row.
    pub fn help(self) -> &'static str {
        match self {
            ChartRow::Employees | ChartRow::Revenue => t!(icp_row_help_range),
            ChartRow::Industry => t!(icp_row_help_industry),
            ChartRow::BusinessType => t!(icp_row_help_business_type),
            ChartRow::Location => t!(icp_row_help_location),
            ChartRow::Years => t!(icp_row_help_years),
            ChartRow::Purchases => t!(icp_row_help_purchases),
            ChartRow::MonthlySpend => t!(icp_row_help_monthly_spend),
            ChartRow::YearlySpend => t!(icp_row_help_yearly_spend),
            ChartRow::Referred | ChartRow::Testimonial => t!(icp_row_help_blank),
        }
    }
}

impl ChartRow {
    /// Whether the row holds numbers (counts, amounts, spans of them).
    pub fn is_number(self) -> bool {
        matches!(
            self,
            ChartRow::Employees
                | ChartRow::Revenue
                | ChartRow::Years
                | ChartRow::MonthlySpend
                | ChartRow::YearlySpend
        )
    }

    /// Whether the row is a yes / no / unknown answer rather than text.
    pub fn is_answer(self) -> bool {
        matches!(self, ChartRow::Referred | ChartRow::Testimonial)
    }

    /// The cell as text (a yes / no answer in the interface's words).
    pub fn text(self, values: &ChartValues) -> String {
        match self {
            ChartRow::Employees => count_span_text(values.employees),
            ChartRow::Industry => values.industry.clone(),
            ChartRow::BusinessType => values.business_type.clone(),
            ChartRow::Revenue => money_span_text(values.revenue),
            ChartRow::Location => values.location.clone(),
            ChartRow::Years => count_span_text(values.years),
            ChartRow::Purchases => values.purchases.join("\n"),
            ChartRow::MonthlySpend => money_text(values.monthly_spend),
            ChartRow::YearlySpend => money_text(values.yearly_spend),
            ChartRow::Referred => values.referred.shown().to_owned(),
            ChartRow::Testimonial => values.testimonial.shown().to_owned(),
        }
    }

    /// The answer of a yes / no row.
    pub fn answer(self, values: &ChartValues) -> YesNoUnknown {
        match self {
            ChartRow::Referred => values.referred,
            ChartRow::Testimonial => values.testimonial,
            _ => YesNoUnknown::Unknown,
        }
    }

    /// Sets a typed-in cell from text; refused text changes nothing.
    pub fn set(self, values: &mut ChartValues, text: &str) -> Result<(), InputError> {
        match self {
            ChartRow::Employees => values.employees = parse_count_span(text)?,
            ChartRow::Industry => values.industry = text.to_owned(),
            ChartRow::BusinessType => values.business_type = text.to_owned(),
            ChartRow::Revenue => values.revenue = parse_money_span(text)?,
            ChartRow::Location => values.location = text.to_owned(),
            ChartRow::Years => values.years = parse_count_span(text)?,
            ChartRow::Purchases => values.purchases = parse_lines(text),
            ChartRow::MonthlySpend => values.monthly_spend = parse_money(text)?,
            ChartRow::YearlySpend => values.yearly_spend = parse_money(text)?,
            ChartRow::Referred | ChartRow::Testimonial => {}
        }
        Ok(())
    }

    /// Sets a yes / no cell of typed-in values.
    pub fn set_answer(self, values: &mut ChartValues, answer: YesNoUnknown) {
        match self {
            ChartRow::Referred => values.referred = answer,
            ChartRow::Testimonial => values.testimonial = answer,
            _ => {}
        }
    }

    /// Whether a linked profile's cell can be edited in the chart: years as
    /// a customer are computed from the profile's first invoice date.
    pub fn editable_on_profile(self) -> bool {
        self != ChartRow::Years
    }

    /// A linked profile's cell as typed text: what was entered on the
    /// profile, in the profile's own currency, as editing the cell writes
    /// it there (the chart itself compares converted amounts). Spend
    /// computed from the other period is not shown as if it had been
    /// entered (see [`ChartRow::computed_on_profile`]).
    pub fn entered_on_profile(self, profile: &Profile, today: Date) -> String {
        match self {
            ChartRow::MonthlySpend => money_text(profile.monthly_spend),
            ChartRow::YearlySpend => money_text(profile.yearly_spend),
            ChartRow::Location => profile.region.clone(),
            _ => self.text(&ChartValues::of_profile(
                profile,
                &Basis::one_currency(today),
            )),
        }
    }

    /// Spend the profile works out from the other period, in the profile's
    /// own currency, to show where none was entered.
    pub fn computed_on_profile(self, profile: &Profile, today: Date) -> Option<String> {
        let own = ChartValues::of_profile(profile, &Basis::one_currency(today));
        match self {
            ChartRow::MonthlySpend => own.monthly_spend,
            ChartRow::YearlySpend => own.yearly_spend,
            _ => None,
        }
        .map(|m| grouped(m.amount()))
    }

    /// Sets the field of a linked profile that this row shows (the
    /// location row is the profile's region or distance band).
    pub fn set_on_profile(self, profile: &mut Profile, text: &str) -> Result<(), InputError> {
        match self {
            ChartRow::Employees => profile.employees = parse_count_span(text)?,
            ChartRow::Industry => profile.industry = text.to_owned(),
            ChartRow::BusinessType => profile.business_type = text.to_owned(),
            ChartRow::Revenue => profile.revenue = parse_money_span(text)?,
            ChartRow::Location => profile.region = text.to_owned(),
            ChartRow::Years => {}
            ChartRow::Purchases => profile.purchases = parse_lines(text),
            ChartRow::MonthlySpend => profile.monthly_spend = parse_money(text)?,
            ChartRow::YearlySpend => profile.yearly_spend = parse_money(text)?,
            ChartRow::Referred | ChartRow::Testimonial => {}
        }
        Ok(())
    }

    /// Sets a yes / no answer on a linked profile.
    pub fn set_answer_on_profile(self, profile: &mut Profile, answer: YesNoUnknown) {
        match self {
            ChartRow::Referred => profile.referred = answer,
            ChartRow::Testimonial => profile.testimonial = answer,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::money;
    use super::*;
    use crate::domain::input::Span;
    use crate::domain::time::Timestamp;

    #[test]
    fn cells_are_typed_in_as_people_write_them_and_refused_text_changes_nothing() {
        let mut values = ChartValues::default();
        ChartRow::Employees.set(&mut values, "50-100").unwrap();
        ChartRow::MonthlySpend.set(&mut values, "1 250,50").unwrap();
        ChartRow::Purchases
            .set(&mut values, "Managed Desktop\n\nAntivirus ")
            .unwrap();
        assert_eq!(ChartRow::Employees.text(&values), "50–100");
        assert_eq!(ChartRow::MonthlySpend.text(&values), "1250.50");
        assert_eq!(
            values.purchases,
            vec!["Managed Desktop".to_owned(), "Antivirus".to_owned()]
        );
        assert_eq!(
            ChartRow::Revenue.set(&mut values, "5-1"),
            Err(InputError::RangeReversed)
        );
        assert_eq!(
            ChartRow::Employees.set(&mut values, "many"),
            Err(InputError::NotANumber)
        );
        assert_eq!(values.employees, Some(Span::Range { low: 50, high: 100 }));
    }

    #[test]
    fn editing_a_linked_cell_edits_the_profile() {
        let mut profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        ChartRow::Location
            .set_on_profile(&mut profile, "Within 20 km")
            .unwrap();
        ChartRow::YearlySpend
            .set_on_profile(&mut profile, "12,000")
            .unwrap();
        ChartRow::Referred.set_answer_on_profile(&mut profile, YesNoUnknown::Yes);
        let today = Basis::one_currency("2026-11-22".parse().unwrap());
        let values = ChartValues::of_profile(&profile, &today);
        assert_eq!(values.location, "Within 20 km");
        assert_eq!(values.monthly_spend, Some(money("1000")));
        assert_eq!(values.referred, YesNoUnknown::Yes);
        assert!(!ChartRow::Years.editable_on_profile());
        let day = today.today;
        assert_eq!(
            ChartRow::MonthlySpend.entered_on_profile(&profile, day),
            "",
            "computed, not entered"
        );
        assert_eq!(
            ChartRow::MonthlySpend.computed_on_profile(&profile, day),
            Some("1,000".into())
        );
        assert_eq!(
            ChartRow::YearlySpend.entered_on_profile(&profile, day),
            "12000"
        );
        assert_eq!(
            ChartRow::YearlySpend.computed_on_profile(&profile, day),
            Some("12,000".into())
        );
    }

    #[test]
    fn a_linked_cell_is_edited_in_the_profiles_own_currency() {
        let mut profile = Profile::new("Pine".into(), Timestamp::from_millis(0));
        profile.currency = "EUR".into();
        ChartRow::Revenue
            .set_on_profile(&mut profile, "2,000,000")
            .unwrap();
        ChartRow::MonthlySpend
            .set_on_profile(&mut profile, "1,000")
            .unwrap();
        let day = "2026-11-22".parse().unwrap();
        let pln = Basis {
            today: day,
            money: crate::domain::currency::Converter::new(
                "PLN".into(),
                vec![crate::domain::currency::ExchangeRate {
                    currency: "EUR".into(),
                    rate: "4.3".parse().unwrap(),
                    date: day,
                    unknown_fields: Default::default(),
                }],
            ),
        };
        // The chart compares 8,600,000 PLN (2,000,000 × 4.3); the cell
        // shows, and writes, the 2,000,000 EUR entered on the profile.
        assert_eq!(
            ChartRow::Revenue.text(&ChartValues::of_profile(&profile, &pln)),
            "8600000.0"
        );
        assert_eq!(
            ChartRow::Revenue.entered_on_profile(&profile, day),
            "2000000"
        );
        assert_eq!(
            ChartRow::YearlySpend.computed_on_profile(&profile, day),
            Some("12,000".into())
        );
    }
}
