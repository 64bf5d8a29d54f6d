//! The worksheet itself: its columns, each linked to a profile or typed
//! in, the values a column holds on the chart's rows, and the columns as
//! the chart shows them (with "Client #n" headings).

use crate::domain::currency::Basis;
use crate::domain::decimal::Money;
use crate::domain::id::{ColumnId, ProfileId, WorksheetId};
use crate::domain::input::Span;
use crate::domain::profile::{Profile, YesNoUnknown};
use crate::domain::time::Timestamp;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Columns a new worksheet starts with (the chart's top 5 customers).
pub const DEFAULT_COLUMNS: usize = 5;

/// The values of one customer on the chart's rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChartValues {
    /// Number of employees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<Span<u32>>,
    /// Industry.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    /// Type of business.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_type: String,
    /// Average annual revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Span<Money>>,
    /// Location, distance or part of town.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Years as a customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Span<u32>>,
    /// What they purchase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purchases: Vec<String>,
    /// Average spent per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_spend: Option<Money>,
    /// Average spent per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_spend: Option<Money>,
    /// Have they referred you?
    #[serde(default, skip_serializing_if = "is_unknown")]
    pub referred: YesNoUnknown,
    /// Have they given a testimonial?
    #[serde(default, skip_serializing_if = "is_unknown")]
    pub testimonial: YesNoUnknown,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

fn is_unknown(answer: &YesNoUnknown) -> bool {
    *answer == YesNoUnknown::Unknown
}

impl ChartValues {
    /// A profile's values on the chart's rows on `today`. Spend left blank
    /// on the profile is computed from the other period, as on the profile.
    pub fn of_profile(profile: &Profile, basis: &Basis) -> Self {
        // Money on a chart is in the reporting currency; without a rate
        // for the profile's currency it is not known.
        let money = |amount: Decimal| {
            basis
                .money
                .convert(amount, &profile.currency)
                .and_then(Money::storable)
        };
        Self {
            unknown_fields: Default::default(),
            employees: profile.employees,
            industry: profile.industry.clone(),
            business_type: profile.business_type.clone(),
            revenue: profile
                .revenue
                .and_then(|span| span.try_map(|m| money(m.amount()))),
            location: if profile.region.is_empty() {
                profile.location.clone()
            } else {
                profile.region.clone()
            },
            years: profile
                .years_as_customer(basis.today)
                .map(|value| Span::Exact { value }),
            purchases: profile.purchases.clone(),
            // Worked-out amounts are kept only if they read back from storage.
            monthly_spend: profile.monthly_spend().and_then(|k| money(k.value())),
            yearly_spend: profile.yearly_spend().and_then(|k| money(k.value())),
            referred: profile.referred,
            testimonial: profile.testimonial,
        }
    }

    /// Takes `profile`'s values on `today`; fields of a newer build stay,
    /// as they are not the profile's to replace.
    fn refresh(&mut self, profile: &Profile, basis: &Basis) {
        let kept = std::mem::take(&mut self.unknown_fields);
        *self = Self {
            unknown_fields: kept,
            ..Self::of_profile(profile, basis)
        };
    }

    /// Monthly spend, or the yearly spend over twelve.
    pub(super) fn monthly(&self) -> Option<Decimal> {
        let twelve = Decimal::from(12);
        self.monthly_spend
            .map(Money::amount)
            .or_else(|| self.yearly_spend.map(|y| y.amount() / twelve))
    }

    /// Yearly spend, or twelve times the monthly spend.
    pub(super) fn yearly(&self) -> Option<Decimal> {
        self.yearly_spend.map(Money::amount).or_else(|| {
            self.monthly_spend
                .and_then(|m| m.amount().checked_mul(Decimal::from(12)))
        })
    }
}

/// One customer on the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartColumn {
    /// Stable id.
    pub id: ColumnId,
    /// The profile this column reads, if linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfileId>,
    /// The values typed in (anonymous column), or the last known values of
    /// the linked profile.
    #[serde(default)]
    pub values: ChartValues,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

/// An Ideal Customer Profile worksheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Worksheet {
    /// Stable id.
    pub id: WorksheetId,
    /// Its name, such as a product line, region or year.
    pub name: String,
    /// When it was created.
    pub created_at: Timestamp,
    /// The customers charted, left to right.
    #[serde(default)]
    pub columns: Vec<ChartColumn>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

/// A column's values as the chart shows them now.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnView {
    /// The column's id.
    pub id: ColumnId,
    /// The heading: the company's name, or "Client #n" for a typed-in column.
    pub heading: String,
    /// "Client #n": what the heading says without the company's name (a
    /// printed chart may leave names out).
    pub anonymous: String,
    /// The values.
    pub values: ChartValues,
    /// How the column gets its values.
    pub source: ColumnSource,
}

/// Where a column's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnSource {
    /// Typed into the chart.
    TypedIn,
    /// Read from this profile, live.
    Linked(ProfileId),
    /// The linked profile was deleted; the last values it had are shown.
    ProfileDeleted(ProfileId),
}

impl Worksheet {
    /// A new worksheet named `name` with [`DEFAULT_COLUMNS`] empty columns.
    pub fn new(name: String, now: Timestamp) -> Self {
        Self {
            id: WorksheetId::new(),
            name,
            created_at: now,
            columns: (0..DEFAULT_COLUMNS).map(|_| ChartColumn::empty()).collect(),
            unknown_fields: Map::new(),
        }
    }

    /// The columns as shown now: linked ones read from `profiles` on `today`.
    pub fn column_views(&self, profiles: &[Profile], basis: &Basis) -> Vec<ColumnView> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let anonymous = format!("Client #{}", i + 1);
                let (heading, values, source) = match column.profile {
                    None => (
                        anonymous.clone(),
                        column.values.clone(),
                        ColumnSource::TypedIn,
                    ),
                    Some(id) => match profiles.iter().find(|p| p.id == id) {
                        Some(profile) => (
                            profile.name.clone(),
                            ChartValues::of_profile(profile, basis),
                            ColumnSource::Linked(id),
                        ),
                        None => (
                            format!("{anonymous} (profile deleted)"),
                            column.values.clone(),
                            ColumnSource::ProfileDeleted(id),
                        ),
                    },
                };
                ColumnView {
                    id: column.id,
                    heading,
                    anonymous,
                    values,
                    source,
                }
            })
            .collect()
    }

    /// Links column `column` to `profile`, keeping a copy of its values.
    pub fn link(&mut self, column: ColumnId, profile: &Profile, basis: &Basis) {
        if let Some(c) = self.columns.iter_mut().find(|c| c.id == column) {
            c.profile = Some(profile.id);
            c.values.refresh(profile, basis);
        }
    }

    /// Makes column `column` a typed-in one, keeping the values it showed.
    pub fn unlink(&mut self, column: ColumnId) {
        if let Some(c) = self.columns.iter_mut().find(|c| c.id == column) {
            c.profile = None;
        }
    }

    /// The worksheet with every linked column holding its profile's values
    /// on `today`, so that a copy read without the profiles (an exported
    /// worksheet) shows what the chart shows here.
    pub fn with_current_values(mut self, profiles: &[Profile], basis: &Basis) -> Self {
        for column in &mut self.columns {
            let linked = column
                .profile
                .and_then(|id| profiles.iter().find(|p| p.id == id));
            if let Some(profile) = linked {
                column.values.refresh(profile, basis);
            }
        }
        self
    }

    /// Keeps a copy of `profile`'s values in every column linked to it, so
    /// the chart still shows them after the profile is deleted.
    pub fn remember(&mut self, profile: &Profile, basis: &Basis) {
        for column in self
            .columns
            .iter_mut()
            .filter(|c| c.profile == Some(profile.id))
        {
            column.values.refresh(profile, basis);
        }
    }
}

impl ChartColumn {
    /// A typed-in column with every value blank.
    pub fn empty() -> Self {
        Self {
            unknown_fields: Default::default(),
            id: ColumnId::new(),
            profile: None,
            values: ChartValues::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{money, range};
    use super::*;

    #[test]
    fn a_column_whose_profile_was_deleted_keeps_its_last_values_and_says_so() {
        let today = Basis::one_currency("2026-11-22".parse().unwrap());
        let mut profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        profile.industry = "Retail".into();
        profile.monthly_spend = Some(money("1000"));
        let mut sheet = Worksheet::new("Top 5, 2026".into(), Timestamp::from_millis(0));
        let column = sheet.columns[0].id;
        sheet.link(column, &profile, &today);

        let live = sheet.column_views(std::slice::from_ref(&profile), &today);
        assert_eq!(live[0].heading, "Northwind");
        assert_eq!(live[0].source, ColumnSource::Linked(profile.id));
        assert_eq!(live[1].heading, "Client #2");

        profile.industry = "Banking".into();
        sheet.remember(&profile, &today);
        let gone = sheet.column_views(&[], &today);
        assert_eq!(gone[0].source, ColumnSource::ProfileDeleted(profile.id));
        assert_eq!(gone[0].heading, "Client #1 (profile deleted)");
        assert_eq!(gone[0].values.industry, "Banking");
        assert_eq!(gone[0].values.yearly_spend, Some(money("12000")));
    }

    #[test]
    fn a_worksheet_round_trips_through_json() {
        let mut sheet = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        sheet.columns[1].values.employees = range(10, 20);
        sheet.columns[1].values.monthly_spend = Some(money("99.95"));
        let json = serde_json::to_string(&sheet).unwrap();
        assert_eq!(serde_json::from_str::<Worksheet>(&json).unwrap(), sheet);
    }
}
