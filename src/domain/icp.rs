//! The Ideal Customer Profile worksheet: the top customers side by side on
//! the chart's eleven rows, and the ideal profile derived from them.
//!
//! A column either links to a profile (its values are read from the
//! profile, live) or is typed in without a real name ("Client #1"). A
//! linked column also keeps a copy of the profile's values, refreshed when
//! the profile is deleted, so that the chart still shows what it was based
//! on. Blanks are fine and ranges are fine, as the chart says.

use super::date::Date;
use super::decimal::Money;
use super::id::{ColumnId, ProfileId, WorksheetId};
use super::input::{
    InputError, Span, count_span_text, money_span_text, money_text, parse_count_span, parse_lines,
    parse_money, parse_money_span,
};
use super::profile::{Profile, YesNoUnknown};
use super::time::Timestamp;
use crate::domain::sorting::{sort_by_key_with, sort_with};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

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
    pub fn of_profile(profile: &Profile, today: Date) -> Self {
        Self {
            unknown_fields: Default::default(),
            employees: profile.employees,
            industry: profile.industry.clone(),
            business_type: profile.business_type.clone(),
            revenue: profile.revenue,
            location: if profile.region.is_empty() {
                profile.location.clone()
            } else {
                profile.region.clone()
            },
            years: profile
                .years_as_customer(today)
                .map(|value| Span::Exact { value }),
            purchases: profile.purchases.clone(),
            // Worked-out amounts are kept only if they read back from storage.
            monthly_spend: profile
                .monthly_spend()
                .and_then(|k| Money::storable(k.value())),
            yearly_spend: profile
                .yearly_spend()
                .and_then(|k| Money::storable(k.value())),
            referred: profile.referred,
            testimonial: profile.testimonial,
        }
    }

    /// Takes `profile`'s values on `today`; fields of a newer build stay,
    /// as they are not the profile's to replace.
    fn refresh(&mut self, profile: &Profile, today: Date) {
        let kept = std::mem::take(&mut self.unknown_fields);
        *self = Self {
            unknown_fields: kept,
            ..Self::of_profile(profile, today)
        };
    }

    /// Monthly spend, or the yearly spend over twelve.
    fn monthly(&self) -> Option<Decimal> {
        let twelve = Decimal::from(12);
        self.monthly_spend
            .map(Money::amount)
            .or_else(|| self.yearly_spend.map(|y| y.amount() / twelve))
    }

    /// Yearly spend, or twelve times the monthly spend.
    fn yearly(&self) -> Option<Decimal> {
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
    pub fn column_views(&self, profiles: &[Profile], today: Date) -> Vec<ColumnView> {
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
                            ChartValues::of_profile(profile, today),
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
    pub fn link(&mut self, column: ColumnId, profile: &Profile, today: Date) {
        if let Some(c) = self.columns.iter_mut().find(|c| c.id == column) {
            c.profile = Some(profile.id);
            c.values.refresh(profile, today);
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
    pub fn with_current_values(mut self, profiles: &[Profile], today: Date) -> Self {
        for column in &mut self.columns {
            let linked = column
                .profile
                .and_then(|id| profiles.iter().find(|p| p.id == id));
            if let Some(profile) = linked {
                column.values.refresh(profile, today);
            }
        }
        self
    }

    /// Keeps a copy of `profile`'s values in every column linked to it, so
    /// the chart still shows them after the profile is deleted.
    pub fn remember(&mut self, profile: &Profile, today: Date) {
        for column in self
            .columns
            .iter_mut()
            .filter(|c| c.profile == Some(profile.id))
        {
            column.values.refresh(profile, today);
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

/// The most common answers of a text row, with their counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mode {
    /// The most common answers (several when tied), as first written.
    pub values: Vec<String>,
    /// How many columns gave each of them.
    pub count: usize,
    /// How many columns answered at all.
    pub known: usize,
}

/// A typical span of a numeric row: the median of the low ends to the
/// median of the high ends, and the smallest to the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typical<T> {
    /// Median of the low ends.
    pub median_low: T,
    /// Median of the high ends (equal to `median_low` when all are exact).
    pub median_high: T,
    /// Smallest low end.
    pub min: T,
    /// Largest high end.
    pub max: T,
    /// How many columns answered.
    pub known: usize,
}

/// A share of yes answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    /// Columns that answered yes.
    pub yes: usize,
    /// Columns that answered yes or no.
    pub known: usize,
}

impl Share {
    /// Whether most known answers are yes.
    pub fn mostly_yes(self) -> bool {
        self.known > 0 && self.yes * 2 > self.known
    }
}

/// An average of known amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Average {
    /// The mean, to the cent.
    pub mean: Decimal,
    /// Smallest known.
    pub min: Decimal,
    /// Largest known.
    pub max: Decimal,
    /// How many columns were known.
    pub known: usize,
}

/// A purchase shared by several charted customers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPurchase {
    /// The purchase, as first written.
    pub name: String,
    /// How many customers buy it.
    pub count: usize,
}

/// The ideal customer, row by row, derived from the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdealProfile {
    /// Columns on the chart.
    pub columns: usize,
    /// Most common industry.
    pub industry: Mode,
    /// Most common type of business.
    pub business_type: Mode,
    /// Typical number of employees.
    pub employees: Option<Typical<u32>>,
    /// Typical revenue.
    pub revenue: Option<Typical<Decimal>>,
    /// Most common location.
    pub location: Mode,
    /// Typical tenure in years.
    pub years: Option<Typical<u32>>,
    /// Purchases most of them share, most shared first.
    pub purchases: Vec<SharedPurchase>,
    /// Columns that listed any purchase.
    pub purchases_known: usize,
    /// Average monthly spend.
    pub monthly_spend: Option<Average>,
    /// Average yearly spend.
    pub yearly_spend: Option<Average>,
    /// Share who referred us.
    pub referred: Share,
    /// Share who gave a testimonial.
    pub testimonial: Share,
}

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
    let mut counts: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    let mut known = 0;
    for (order, answer) in answers.enumerate() {
        let answer = answer.trim();
        if answer.is_empty() {
            continue;
        }
        known += 1;
        let entry = counts
            .entry(answer.to_lowercase())
            .or_insert((answer.to_owned(), 0, order));
        entry.1 += 1;
    }
    let count = counts.values().map(|(_, n, _)| *n).max().unwrap_or(0);
    let mut winners: Vec<_> = counts
        .into_values()
        .filter(|(_, n, _)| *n == count)
        .collect();
    sort_by_key_with(&mut winners, |(_, _, first)| *first);
    Mode {
        values: winners.into_iter().map(|(name, ..)| name).collect(),
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
    let mut counts: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    let mut order = 0;
    for column in columns {
        let mut seen = std::collections::BTreeSet::new();
        for purchase in &column.purchases {
            let key = purchase.trim().to_lowercase();
            if key.is_empty() || !seen.insert(key.clone()) {
                continue;
            }
            order += 1;
            counts
                .entry(key)
                .or_insert((purchase.trim().to_owned(), 0, order))
                .1 += 1;
        }
    }
    let threshold = if counts.values().any(|(_, n, _)| *n >= 2) {
        2
    } else {
        1
    };
    let mut shared: Vec<_> = counts
        .into_values()
        .filter(|(_, n, _)| *n >= threshold)
        .collect();
    sort_with(&mut shared, |a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    shared
        .into_iter()
        .map(|(name, count, _)| SharedPurchase { name, count })
        .collect()
}

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

    /// The row's name, as on the chart.
    pub fn label(self) -> &'static str {
        match self {
            ChartRow::Employees => "# of employees",
            ChartRow::Industry => "Industry",
            ChartRow::BusinessType => "Type of business",
            ChartRow::Revenue => "Average revenue",
            ChartRow::Location => "Location",
            ChartRow::Years => "# years as customer",
            ChartRow::Purchases => "What do they purchase?",
            ChartRow::MonthlySpend => "Average spent per month",
            ChartRow::YearlySpend => "Average spent per year",
            ChartRow::Referred => "Have they referred you?",
            ChartRow::Testimonial => "Have they given a testimonial?",
        }
    }

    /// The chart's guidance for the row.
    pub fn help(self) -> &'static str {
        match self {
            ChartRow::Employees | ChartRow::Revenue => {
                "Not sure of the exact number? A range is ok."
            }
            ChartRow::Industry => {
                "Manufacturing, Law, Healthcare, Banking, Education, Financial, Insurance, Construction, Real Estate, Government, Retail, etc."
            }
            ChartRow::BusinessType => "Non-Profit, Entrepreneur, Home-based, Online, Franchise.",
            ChartRow::Location => "Distance from your office, part of town, county.",
            ChartRow::Years => {
                "Not sure? Your accounting package shows when they were first invoiced."
            }
            ChartRow::Purchases => {
                "Broad services, one a line: Managed Desktop, Antivirus Subscription."
            }
            ChartRow::MonthlySpend => "Compute from the customer summary monthly sheet.",
            ChartRow::YearlySpend => "Copy from the yearly customer summary.",
            ChartRow::Referred | ChartRow::Testimonial => "If you're not sure, leave it blank.",
        }
    }
}

impl ChartRow {
    /// Whether the row is a yes / no / unknown answer rather than text.
    pub fn is_answer(self) -> bool {
        matches!(self, ChartRow::Referred | ChartRow::Testimonial)
    }

    /// The cell as typed text.
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
            ChartRow::Referred => values.referred.label().to_owned(),
            ChartRow::Testimonial => values.testimonial.label().to_owned(),
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
    /// profile. Spend computed from the other period is not shown as if it
    /// had been entered (see [`ChartRow::text`] for the value the chart uses).
    pub fn entered_on_profile(self, profile: &Profile, today: Date) -> String {
        match self {
            ChartRow::MonthlySpend => money_text(profile.monthly_spend),
            ChartRow::YearlySpend => money_text(profile.yearly_spend),
            ChartRow::Location => profile.region.clone(),
            _ => self.text(&ChartValues::of_profile(profile, today)),
        }
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

/// The rule stated on screen for the fit check.
pub const FIT_RULE: &str = "A row matches when the profile's answer is one of the most common answers \
    (industry, type of business, location), overlaps the charted range from smallest to largest \
    (employees, revenue, years, spend), shares a purchase with the common purchases, or says yes \
    where most charted customers said yes (referrals, testimonials). Rows where the profile or the \
    chart has no answer are left out. Fit = matching rows ÷ rows compared.";

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

/// Compares one profile's values with the ideal profile (see [`FIT_RULE`]).
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
    use super::*;

    fn money(text: &str) -> Money {
        text.parse().unwrap()
    }

    fn column(industry: &str, employees: Option<Span<u32>>) -> ChartValues {
        ChartValues {
            industry: industry.into(),
            employees,
            ..ChartValues::default()
        }
    }

    fn exact(value: u32) -> Option<Span<u32>> {
        Some(Span::Exact { value })
    }

    fn range(low: u32, high: u32) -> Option<Span<u32>> {
        Some(Span::Range { low, high })
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

    #[test]
    fn a_linked_column_keeps_only_worked_out_spend_that_reads_back() {
        // Twelve times this monthly spend has 29 digits: stored, it would
        // make the whole workspace unreadable at the next start.
        let today: Date = "2026-11-22".parse().unwrap();
        let mut profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        profile.monthly_spend = Some(money("999999999999999999999999.9999"));
        let mut sheet = Worksheet::new("Top 5".into(), Timestamp::from_millis(0));
        let column = sheet.columns[0].id;
        sheet.link(column, &profile, today);
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

    #[test]
    fn a_column_whose_profile_was_deleted_keeps_its_last_values_and_says_so() {
        let today: Date = "2026-11-22".parse().unwrap();
        let mut profile = Profile::new("Northwind".into(), Timestamp::from_millis(0));
        profile.industry = "Retail".into();
        profile.monthly_spend = Some(money("1000"));
        let mut sheet = Worksheet::new("Top 5, 2026".into(), Timestamp::from_millis(0));
        let column = sheet.columns[0].id;
        sheet.link(column, &profile, today);

        let live = sheet.column_views(std::slice::from_ref(&profile), today);
        assert_eq!(live[0].heading, "Northwind");
        assert_eq!(live[0].source, ColumnSource::Linked(profile.id));
        assert_eq!(live[1].heading, "Client #2");

        profile.industry = "Banking".into();
        sheet.remember(&profile, today);
        let gone = sheet.column_views(&[], today);
        assert_eq!(gone[0].source, ColumnSource::ProfileDeleted(profile.id));
        assert_eq!(gone[0].heading, "Client #1 (profile deleted)");
        assert_eq!(gone[0].values.industry, "Banking");
        assert_eq!(gone[0].values.yearly_spend, Some(money("12000")));
    }

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
        let today = "2026-11-22".parse().unwrap();
        let values = ChartValues::of_profile(&profile, today);
        assert_eq!(values.location, "Within 20 km");
        assert_eq!(values.monthly_spend, Some(money("1000")));
        assert_eq!(values.referred, YesNoUnknown::Yes);
        assert!(!ChartRow::Years.editable_on_profile());
        assert_eq!(
            ChartRow::MonthlySpend.entered_on_profile(&profile, today),
            "",
            "computed, not entered"
        );
        assert_eq!(
            ChartRow::YearlySpend.entered_on_profile(&profile, today),
            "12000"
        );
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
