//! The worksheet itself: its columns, each linked to a profile or typed
//! in, the values a column holds on the chart's rows, and the columns as
//! the chart shows them (with "Client #n" headings).

use crate::domain::currency::Basis;
use crate::domain::decimal::Money;
use crate::domain::id::{ColumnId, ProfileId, WorksheetId};
use crate::domain::input::{InputError, Span, parse_name};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::profile::{Profile, YesNoUnknown};
use crate::domain::time::Timestamp;
use crate::i18n::{self, Language};
use crate::t;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// Columns a new worksheet starts with (the chart's top 5 customers).
pub const DEFAULT_COLUMNS: usize = 5;

/// The values of one customer on the chart's rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
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

crate::json_record!(ChartValues {
    employees,
    industry,
    business_type,
    revenue,
    location,
    years,
    purchases,
    monthly_spend,
    yearly_spend,
    referred,
    testimonial,
    unknown_fields: rest,
});

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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartColumn {
    /// Stable id.
    pub id: ColumnId,
    /// The profile this column reads, if linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfileId>,
    /// The column's name without a company's name ("Client #1", or the
    /// team's own acronym): the heading of a typed-in column, and what a
    /// chart printed without names shows. Blank in data from before labels
    /// were kept: the column's place then gives "Client #n".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The values typed in (anonymous column), or the last known values of
    /// the linked profile.
    #[serde(default)]
    pub values: ChartValues,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(ChartColumn {
    id: required,
    profile,
    label,
    values: record,
    unknown_fields: rest,
});

/// An Ideal Customer Profile worksheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

crate::json_record!(Worksheet {
    id: required,
    name: required,
    created_at: required,
    columns: record,
    unknown_fields: rest,
});

/// A column's values as the chart shows them now.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnView {
    /// The column's id.
    pub id: ColumnId,
    /// The heading as files write it: the company's name, or the label of
    /// a typed-in column, or the label and "(profile deleted)" (a CSV of the
    /// chart keeps these English words). Screens show
    /// [`ColumnView::shown_heading`].
    pub heading: String,
    /// The column's label ("Client #n" or the team's own): what the heading
    /// says without the company's name (a printed chart may leave names out).
    pub anonymous: String,
    /// The values.
    pub values: ChartValues,
    /// How the column gets its values.
    pub source: ColumnSource,
}

impl ColumnView {
    /// The heading as the chart shows it, in the interface's language: a
    /// column whose profile was deleted says so after its label.
    pub fn shown_heading(&self) -> String {
        match self.source {
            ColumnSource::ProfileDeleted(_) => {
                t!(icp_worksheet_column_profile_deleted, label = self.anonymous)
            }
            _ => self.heading.clone(),
        }
    }
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
            columns: (1..=DEFAULT_COLUMNS)
                .map(|n| ChartColumn::empty(anonymous_label(n)))
                .collect(),
            unknown_fields: Map::new(),
        }
    }

    /// Each column's label: its own, or "Client #n" from its place for a
    /// column from before labels were kept.
    pub fn labels(&self) -> Vec<String> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, column)| match column.label.as_str() {
                "" => anonymous_label(i + 1),
                label => label.to_owned(),
            })
            .collect()
    }

    /// Adds a blank typed-in column at the right, labelled with the number
    /// after the highest "Client #n" in use (in any language of the
    /// interface), and gives its id.
    pub fn add_column(&mut self) -> ColumnId {
        let highest = self
            .labels()
            .iter()
            .filter_map(|label| anonymous_number(label))
            .max()
            .unwrap_or(0);
        let column = ChartColumn::empty(anonymous_label(highest + 1));
        let id = column.id;
        self.columns.push(column);
        id
    }

    /// Removes column `column`. The others keep their labels: a label that
    /// came from its place is written down first.
    pub fn remove_column(&mut self, column: ColumnId) {
        let labels = self.labels();
        for (c, label) in self.columns.iter_mut().zip(labels) {
            c.label = label;
        }
        self.columns.retain(|c| c.id != column);
    }

    /// Gives column `column` the label `typed`: required, at most
    /// [`MAX_NAME_CHARS`] characters, and not another column's.
    pub fn set_label(&mut self, column: ColumnId, typed: &str) -> Result<(), InputError> {
        let label = parse_name(typed, MAX_NAME_CHARS)?;
        let labels = self.labels();
        let taken = self
            .columns
            .iter()
            .zip(&labels)
            .any(|(c, other)| c.id != column && other.eq_ignore_ascii_case(&label));
        if taken {
            return Err(InputError::LabelTaken);
        }
        if let Some(c) = self.columns.iter_mut().find(|c| c.id == column) {
            c.label = label;
        }
        Ok(())
    }

    /// The columns as shown now: linked ones read from `profiles` on `today`.
    pub fn column_views(&self, profiles: &[Profile], basis: &Basis) -> Vec<ColumnView> {
        self.columns
            .iter()
            .zip(self.labels())
            .map(|(column, anonymous)| {
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
                            // English whatever the language: files keep it
                            // (see `ColumnView::shown_heading`).
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

/// The label Clientele gives the `n`th column, as seed 001's chart
/// numbers its columns: "Client #n" in the interface's language. It is the
/// column's own from then on (a default name, kept as given).
fn anonymous_label(n: usize) -> String {
    t!(icp_worksheet_client_n, n = n)
}

/// The `n` of a label Clientele gave ("Client #3", "Klient nr 3"), in
/// whichever language of the interface it was given.
fn anonymous_number(label: &str) -> Option<usize> {
    let current = i18n::language();
    let found = Language::ALL.into_iter().find_map(|language| {
        i18n::set_language(language);
        let template = i18n::text(i18n::Key::icp_worksheet_client_n);
        let (before, after) = template.split_once("{n}")?;
        label
            .strip_prefix(before)?
            .strip_suffix(after)?
            .parse()
            .ok()
    });
    i18n::set_language(current);
    found
}

impl ChartColumn {
    /// A typed-in column labelled `label` with every value blank.
    pub fn empty(label: String) -> Self {
        Self {
            unknown_fields: Default::default(),
            id: ColumnId::new(),
            profile: None,
            label,
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
    fn labels_stay_when_a_column_is_removed_and_a_new_column_takes_the_next_number() {
        let mut sheet = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        // Columns from before labels were kept take their place's number.
        sheet.columns.iter_mut().for_each(|c| c.label.clear());
        let second = sheet.columns[1].id;
        sheet.remove_column(second);
        assert_eq!(
            sheet.labels(),
            ["Client #1", "Client #3", "Client #4", "Client #5"]
        );
        sheet.add_column();
        assert_eq!(sheet.labels()[4], "Client #6");
        // An own label does not count: the next is one after the highest
        // number in use.
        let last = sheet.columns[4].id;
        sheet.set_label(last, "ACME").unwrap();
        sheet.add_column();
        assert_eq!(sheet.labels()[5], "Client #6");
    }

    #[test]
    fn a_label_is_required_is_not_another_columns_and_is_what_a_hidden_name_shows() {
        let today = Basis::one_currency("2026-11-22".parse().unwrap());
        let profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        let mut sheet = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        let (first, second) = (sheet.columns[0].id, sheet.columns[1].id);
        assert_eq!(sheet.set_label(first, "  "), Err(InputError::Required));
        assert_eq!(
            sheet.set_label(first, "client #2"),
            Err(InputError::LabelTaken)
        );
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert!(matches!(
            sheet.set_label(first, &long),
            Err(InputError::TooLong { .. })
        ));
        assert_eq!(sheet.set_label(first, " NWT "), Ok(()));
        assert_eq!(sheet.set_label(first, "NWT"), Ok(()), "its own label");
        sheet.set_label(second, "BIG-2").unwrap();
        sheet.link(first, &profile, &today);

        let views = sheet.column_views(std::slice::from_ref(&profile), &today);
        assert_eq!(
            (views[0].heading.as_str(), views[0].anonymous.as_str()),
            ("Northwind", "NWT")
        );
        assert_eq!(views[1].heading, "BIG-2");
        let gone = sheet.column_views(&[], &today);
        assert_eq!(gone[0].heading, "NWT (profile deleted)");
    }

    #[test]
    fn labels_are_given_in_the_interfaces_language_and_numbered_across_languages() {
        let today = Basis::one_currency("2026-11-22".parse().unwrap());
        let profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        // Started in English, continued in Polish: the next number follows
        // the highest in either language.
        let mut sheet = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        let first = sheet.columns[0].id;
        sheet.link(first, &profile, &today);
        i18n::set_language(Language::Polish);
        sheet.add_column();
        let polish = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        let gone = sheet.column_views(&[], &today);
        i18n::set_language(Language::English);
        assert_eq!(sheet.labels()[5], "Klient nr 6");
        assert_eq!(polish.labels()[0], "Klient nr 1");
        sheet.add_column();
        assert_eq!(sheet.labels()[6], "Client #7");
        assert_eq!(
            gone[0].heading, "Client #1 (profile deleted)",
            "as files keep it"
        );
        i18n::set_language(Language::Polish);
        let shown = gone[0].shown_heading();
        i18n::set_language(Language::English);
        assert_eq!(shown, "Client #1 (profil usunięty)");
        assert_eq!(gone[0].shown_heading(), "Client #1 (profile deleted)");
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
