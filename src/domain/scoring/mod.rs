//! The Perfect Prospect Model: weighted criteria that value a customer or
//! prospect beyond revenue, tiers, and hard rules.
//!
//! Every criterion turns a profile into a *fraction of full marks* from 0 to
//! 1: a 1-5 rating, a yes / no answer, a number read from the profile and
//! turned into points by thresholds, or a category match. A criterion that
//! *takes value away* (customization needed, a complex sales process)
//! earns its weight for the opposite: none of it scores full marks.
//!
//! Score = 100 × Σ(weight × marks) ÷ Σ(weight), over the criteria that have
//! an answer; criteria without one are left out and the weights rescaled
//! (see [`score`](score::score)). All arithmetic is `Decimal`.

mod defaults;
mod ranking;
mod score;
#[cfg(test)]
pub(crate) mod test_support;

pub use crate::domain::currency::Basis;
pub use defaults::{DefaultUpgrade, default_model, replacement_id, upgrade_old_default};
pub use ranking::{
    HIGH_EFFORT_POINTS, RankFilter, Ranked, histogram, rank, review_rule, to_review, to_reward,
};
pub use score::{Contribution, Explanation, measure, score, threshold_points};

use super::decimal::as_text;
use super::id::{CriterionId, CustomFieldId, ModelId};
use super::input::{InputError, parse_amount, parse_bounded};
use super::json::Reader;
use super::open_enum::{OpenEnum, from_name};
use super::time::Timestamp;
use crate::domain::sorting::sort_by_key_with;
use crate::t;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

crate::open_enum! {
    /// Whether a criterion adds value or takes it away.
    #[derive(Default)]
    pub enum Direction {
        /// More is better (revenue, brand prestige).
        #[default]
        AddsValue = "adds_value",
        /// More is worse (customization needed, demanding procedures).
        TakesAway = "takes_away",
    }
}

impl Direction {
    /// Whether more is better (the default, left out of files).
    pub fn adds_value(&self) -> bool {
        *self == Self::AddsValue
    }
}

crate::open_enum! {
    /// A number read from a profile.
    pub enum Measure {
        /// The company's own average annual revenue, a measure of its size
        /// (the middle of a range); not what they spend with us.
        YearlyRevenue = "yearly_revenue",
        /// Yearly spend with us (entered or computed): seed 004's revenue.
        YearlySpend = "yearly_spend",
        /// Direct costs per year: cost to serve plus cost to win.
        DirectCosts = "direct_costs",
        /// Cost to serve them, a year.
        CostToServe = "cost_to_serve",
        /// Cost to win their sales, a year.
        CostToWin = "cost_to_win",
        /// Yearly spend minus cost to serve and cost to win.
        Profitability = "profitability",
        /// Number of employees (the middle of a range).
        Employees = "employees",
        /// Whole years as a customer.
        YearsAsCustomer = "years_as_customer",
        /// How many products or services they buy.
        ProductsPurchased = "products_purchased",
        /// How many purchases a year.
        PurchasesPerYear = "purchases_per_year",
    }
}

crate::open_enum! {
    /// A text field of a profile that a category criterion looks at.
    #[derive(Default)]
    pub enum CategoryField {
        /// Industry.
        #[default]
        Industry = "industry",
        /// Type of business.
        BusinessType = "business_type",
        /// Region or distance band.
        Region = "region",
    }
}

impl Measure {
    /// Every measure, in the order offered.
    pub const ALL: [Self; 10] = [
        Self::YearlySpend,
        Self::Profitability,
        Self::YearlyRevenue,
        Self::DirectCosts,
        Self::CostToServe,
        Self::CostToWin,
        Self::Employees,
        Self::YearsAsCustomer,
        Self::ProductsPurchased,
        Self::PurchasesPerYear,
    ];

    /// Whether the measure is an amount of money (in a currency).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Self::YearlySpend
                | Self::Profitability
                | Self::YearlyRevenue
                | Self::DirectCosts
                | Self::CostToServe
                | Self::CostToWin
        )
    }

    /// The profile field (or the sum of fields) the measure reads, as the
    /// model editor offers it and a score's explanation names it, in the
    /// interface's language (a measure of a newer build: as written).
    pub fn label(self) -> &'static str {
        match self {
            Self::YearlySpend => t!(scoring_measure_yearly_spend),
            Self::Profitability => t!(scoring_measure_profitability),
            Self::YearlyRevenue => t!(scoring_measure_yearly_revenue),
            Self::DirectCosts => t!(scoring_measure_direct_costs),
            Self::CostToServe => t!(scoring_measure_cost_to_serve),
            Self::CostToWin => t!(scoring_measure_cost_to_win),
            Self::Employees => t!(scoring_measure_employees),
            Self::YearsAsCustomer => t!(scoring_measure_years_as_customer),
            Self::ProductsPurchased => t!(scoring_measure_products_purchased),
            Self::PurchasesPerYear => t!(scoring_measure_purchases_per_year),
            Self::Unlisted(text) => text,
        }
    }
}

/// How a measure or a compared field names a field the team added:
/// `custom:` and the field's id. A Clientele without custom fields keeps
/// such a criterion as written and leaves it out of scores, as it does for
/// any measure it does not know.
const CUSTOM_PREFIX: &str = "custom:";

/// The custom field an unlisted measure or compared field names.
fn custom_id(written: Option<&str>) -> Option<CustomFieldId> {
    written?
        .strip_prefix(CUSTOM_PREFIX)?
        .parse()
        .ok()
        .map(CustomFieldId::from_uuid)
}

impl Measure {
    /// The number in the custom field `field`.
    pub fn custom(field: CustomFieldId) -> Self {
        from_name(&format!("{CUSTOM_PREFIX}{field}"))
    }

    /// The custom field this measure reads, if it reads one.
    pub fn custom_field(self) -> Option<CustomFieldId> {
        custom_id(self.unknown_text())
    }
}

impl CategoryField {
    /// The text of the custom field `field`.
    pub fn custom(field: CustomFieldId) -> Self {
        from_name(&format!("{CUSTOM_PREFIX}{field}"))
    }

    /// The custom field this compares, if it compares one.
    pub fn custom_field(self) -> Option<CustomFieldId> {
        custom_id(self.unknown_text())
    }

    /// Every field, in the order offered.
    pub const ALL: [Self; 3] = [Self::Industry, Self::BusinessType, Self::Region];

    /// The field's name, as on the profile, in the interface's language (a
    /// field of a newer build: as written).
    pub fn label(self) -> &'static str {
        match self {
            Self::Industry => t!(scoring_field_industry),
            Self::BusinessType => t!(scoring_field_business_type),
            Self::Region => t!(scoring_field_region),
            CategoryField::Unlisted(text) => text,
        }
    }

    /// What the list of matching values is called.
    pub fn matching_label(self) -> &'static str {
        match self {
            Self::Industry => t!(scoring_field_industry_matching),
            Self::BusinessType => t!(scoring_field_business_type_matching),
            Self::Region => t!(scoring_field_region_matching),
            Self::Unlisted(_) => t!(scoring_field_other_matching),
        }
    }
}

crate::open_enum! {
    /// A yes / no answer already on every profile.
    pub enum ProfileAnswer {
        /// Have they referred us?
        Referred = "referred",
        /// Have they given a testimonial?
        Testimonial = "testimonial",
        /// Referred us or given a testimonial.
        ReferredOrTestimonial = "referred_or_testimonial",
    }
}

/// Points for a number at or above a threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threshold {
    /// The smallest number that earns these points.
    #[serde(with = "as_text")]
    pub at_least: Decimal,
    /// Points from 0 to 100.
    #[serde(with = "as_text")]
    pub points: Decimal,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Threshold {
    at_least: text,
    points: text,
    unknown_fields: rest,
});

/// How a criterion is judged. A kind a newer Clientele added is kept as
/// it was written ([`CriterionKind::Unlisted`]); such a criterion has no
/// answer here, so it is left out of every score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
// The derived code is used through the impl below, which adds the kinds
// this version does not know; reading is written by hand (see its impl).
#[serde(remote = "Self", tag = "kind", rename_all = "snake_case")]
pub enum CriterionKind {
    /// A 1-5 rating judged by a person; the meanings of 1, 3 and 5 are shown
    /// wherever the rating is entered.
    Rating {
        /// What 1, 3 and 5 mean.
        meanings: [String; 3],
        /// Fields this version does not know, kept for a round trip.
        #[serde(flatten)]
        unknown_fields: Map<String, Value>,
    },
    /// Yes or no, answered on each profile or read from it.
    YesNo {
        /// Read from the profile instead of answered, when set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_profile: Option<ProfileAnswer>,
        /// Fields this version does not know, kept for a round trip.
        #[serde(flatten)]
        unknown_fields: Map<String, Value>,
    },
    /// A number read from the profile, turned into points by thresholds
    /// (the highest threshold reached counts; below all of them, 0 points).
    Number {
        /// Which number.
        measure: Measure,
        /// Thresholds, any order.
        thresholds: Vec<Threshold>,
        /// Fields this version does not know, kept for a round trip.
        #[serde(flatten)]
        unknown_fields: Map<String, Value>,
    },
    /// Full marks when a profile's field is one of the listed values.
    Category {
        /// Which field.
        field: CategoryField,
        /// The values that match (compared ignoring case).
        values: Vec<String>,
        /// Fields this version does not know, kept for a round trip.
        #[serde(flatten)]
        unknown_fields: Map<String, Value>,
    },
    /// A kind of a newer Clientele: the whole object as written, `kind`
    /// included.
    #[serde(skip)]
    Unlisted(Map<String, Value>),
}

/// The `kind` of every criterion kind this version knows.
const CRITERION_KINDS: [&str; 4] = ["rating", "yes_no", "number", "category"];

impl Serialize for CriterionKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Unlisted(written) => written.serialize(serializer),
            known => Self::serialize(known, serializer),
        }
    }
}

// Read by hand rather than derived: serde's code for an internally tagged
// enum whose variants keep unknown fields buffers every field through its
// own generic content type, some 16 KB of wasm for this one type. The
// object is a JSON map already, so each known field is taken from it and
// what is left is kept.
impl<'de> Deserialize<'de> for CriterionKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        // Only this line depends on where the kind is read from; the rest
        // is one function for every caller.
        let written = Map::<String, Value>::deserialize(deserializer)?;
        Self::from_json(written).map_err(D::Error::custom)
    }
}

impl CriterionKind {
    /// The kind written as `written`.
    fn from_json(written: Map<String, Value>) -> Result<Self, serde_json::Error> {
        use serde::de::Error as _;
        let Some(Value::String(kind)) = written.get("kind") else {
            return Err(serde_json::Error::missing_field("kind"));
        };
        if !CRITERION_KINDS.contains(&kind.as_str()) {
            return Ok(Self::Unlisted(written));
        }
        // A kind this version knows is read strictly: a fault in it is a
        // fault, not a newer kind.
        let kind = kind.clone();
        let mut written = written;
        written.remove("kind");
        let mut r = Reader::of(written);
        let read = match kind.as_str() {
            "rating" => Self::Rating {
                meanings: r.required("meanings"),
                unknown_fields: r.rest(),
            },
            "yes_no" => Self::YesNo {
                from_profile: r.field("from_profile"),
                unknown_fields: r.rest(),
            },
            "number" => Self::Number {
                measure: r.required_else("measure", || Measure::Unlisted("")),
                thresholds: r.required_record("thresholds"),
                unknown_fields: r.rest(),
            },
            _ => Self::Category {
                field: r.required("field"),
                values: r.required("values"),
                unknown_fields: r.rest(),
            },
        };
        r.finish(read)
    }
}

/// One criterion of a model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    /// Stable id.
    pub id: CriterionId,
    /// Short name.
    pub name: String,
    /// What it means, for everyone rating.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// How it is judged.
    pub kind: CriterionKind,
    /// Adds value or takes it away.
    #[serde(default)]
    pub direction: Direction,
    /// Relative weight, 0 or more.
    #[serde(with = "as_text")]
    pub weight: Decimal,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Criterion {
    id: required,
    name: required,
    description,
    kind: required_else(|| CriterionKind::Unlisted(Map::new())),
    direction,
    weight: text,
    unknown_fields: rest,
});

impl Criterion {
    /// The field of the team's own that the criterion reads, if any.
    pub fn custom_field(&self) -> Option<CustomFieldId> {
        match &self.kind {
            CriterionKind::Number { measure, .. } => measure.custom_field(),
            CriterionKind::Category { field, .. } => field.custom_field(),
            _ => None,
        }
    }
}

/// The four tiers, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// Reward and grow.
    A,
    /// Good.
    B,
    /// Fair.
    C,
    /// Review: unprofitable or high effort.
    D,
}

impl Tier {
    /// The tier's letter, as shown.
    pub fn letter(self) -> &'static str {
        match self {
            Tier::A => "A",
            Tier::B => "B",
            Tier::C => "C",
            Tier::D => "D",
        }
    }
}

/// The lowest score of tiers A, B and C; anything lower is D.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierThresholds {
    /// Tier A from this score.
    #[serde(with = "as_text")]
    pub a: Decimal,
    /// Tier B from this score.
    #[serde(with = "as_text")]
    pub b: Decimal,
    /// Tier C from this score.
    #[serde(with = "as_text")]
    pub c: Decimal,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(TierThresholds {
    a: text,
    b: text,
    c: text,
    unknown_fields: rest,
});

impl Default for TierThresholds {
    fn default() -> Self {
        Self {
            unknown_fields: Default::default(),
            a: Decimal::from(75),
            b: Decimal::from(50),
            c: Decimal::from(25),
        }
    }
}

impl TierThresholds {
    /// The tier of `score`.
    pub fn tier(&self, score: Decimal) -> Tier {
        if score >= self.a {
            Tier::A
        } else if score >= self.b {
            Tier::B
        } else if score >= self.c {
            Tier::C
        } else {
            Tier::D
        }
    }

    /// Whether the thresholds descend from A to C within 0-100.
    pub fn is_valid(&self) -> bool {
        let hundred = Decimal::from(100);
        self.a <= hundred && self.a >= self.b && self.b >= self.c && self.c >= Decimal::ZERO
    }
}

/// A rule that caps the tier whatever the score, written as an object with
/// one key. A rule a newer Clientele added is kept as it was written
/// ([`HardRule::Unlisted`]) and never caps a tier here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// The derived code is used through the impls below, which add the rules
// this version does not know.
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum HardRule {
    /// An unprofitable customer (direct costs above yearly spend) is at most `0`.
    UnprofitableAtMost(Tier),
    /// A company in weak financial condition is at most `0`.
    WeakFinancesAtMost(Tier),
    /// A rule of a newer Clientele, as written.
    #[serde(skip)]
    Unlisted(Value),
}

/// The key of every hard rule this version knows.
const HARD_RULES: [&str; 2] = ["unprofitable_at_most", "weak_finances_at_most"];

impl Serialize for HardRule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Unlisted(written) => written.serialize(serializer),
            known => Self::serialize(known, serializer),
        }
    }
}

impl<'de> Deserialize<'de> for HardRule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let written = Value::deserialize(deserializer)?;
        let known = match &written {
            Value::Object(rule) => rule.keys().any(|k| HARD_RULES.contains(&k.as_str())),
            Value::String(rule) => HARD_RULES.contains(&rule.as_str()),
            _ => true,
        };
        if !known {
            return Ok(Self::Unlisted(written));
        }
        // A rule this version knows whose value it cannot read (a tier a
        // newer build added) is kept as written too; anything else wrong
        // with the rule is a fault.
        match Self::deserialize(&written) {
            Ok(rule) => Ok(rule),
            Err(_) if rule_value_is_text(&written) => Ok(Self::Unlisted(written)),
            Err(fault) => Err(D::Error::custom(fault)),
        }
    }
}

/// Whether `rule` is a known rule's one key with a text value, the form a
/// newer tier would take (`{"weak_finances_at_most": "E"}`).
fn rule_value_is_text(rule: &Value) -> bool {
    rule.as_object()
        .is_some_and(|rule| rule.len() == 1 && rule.values().all(Value::is_string))
}

/// A weighted scoring model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoringModel {
    /// Stable id.
    pub id: ModelId,
    /// Its name (one model per product line, say).
    pub name: String,
    /// When it was created.
    pub created_at: Timestamp,
    /// The criteria, in the order shown.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Tier thresholds.
    #[serde(default)]
    pub tiers: TierThresholds,
    /// Rules that cap the tier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hard_rules: Vec<HardRule>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(ScoringModel {
    id: required,
    name: required,
    created_at: required,
    criteria: record,
    tiers: record,
    hard_rules,
    unknown_fields: rest,
});

/// Reads thresholds typed one a line as `amount = points`, such as
/// `1,000,000 = 25`; points from 0 to 100.
pub fn parse_thresholds(text: &str) -> Result<Vec<Threshold>, InputError> {
    let mut thresholds = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (at, points) = line.split_once('=').ok_or(InputError::NotAThreshold)?;
        let at_least = parse_amount(at)?.ok_or(InputError::NotAThreshold)?;
        let points = parse_bounded(points, 0, 100)?.ok_or(InputError::NotAThreshold)?;
        thresholds.push(Threshold {
            unknown_fields: Default::default(),
            at_least,
            points: Decimal::from(points),
        });
    }
    sort_by_key_with(&mut thresholds, |t| t.at_least);
    Ok(thresholds)
}

/// Thresholds as typed, one a line.
pub fn thresholds_text(thresholds: &[Threshold]) -> String {
    thresholds
        .iter()
        .map(|t| format!("{} = {}", t.at_least, t.points))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads a weight: a number from 0 to 1000 (blank is refused).
pub fn parse_weight(text: &str) -> Result<Decimal, InputError> {
    let weight = parse_amount(text)?.ok_or(InputError::Required)?;
    if weight > Decimal::from(1000) {
        return Err(InputError::OutOfRange { min: 0, max: 1000 });
    }
    Ok(weight)
}

/// Reads a tier threshold: a score from 0 to 100.
pub fn parse_score(text: &str) -> Result<Decimal, InputError> {
    let score = parse_amount(text)?.ok_or(InputError::Required)?;
    if score > Decimal::ONE_HUNDRED {
        return Err(InputError::OutOfRange { min: 0, max: 100 });
    }
    Ok(score)
}

/// The rule for missing answers, stated on screen.
pub fn missing_rule() -> &'static str {
    t!(scoring_missing_rule)
}

/// A score, a share of one, points or a weight for reading: written as
/// calculated ("37.5"), with the decimal point of the interface's language
/// ("37,5" in Polish). Not for the value of an input or a file.
pub fn number_text(value: Decimal) -> String {
    let text = value.to_string();
    match crate::i18n::language().separators() {
        (_, '.') => text,
        (_, point) => text.replace('.', point.encode_utf8(&mut [0; 4])),
    }
}

impl ScoringModel {
    /// The criterion with `id`, to change.
    pub fn criterion_mut(&mut self, id: CriterionId) -> Option<&mut Criterion> {
        self.criteria.iter_mut().find(|c| c.id == id)
    }

    /// A copy with a new id, named "<name> (copy)" in the interface's
    /// language. Its criteria keep their ids, so the ratings already entered
    /// on profiles count in both.
    pub fn duplicate(&self, now: Timestamp) -> Self {
        let mut copy = self.clone();
        copy.id = ModelId::new();
        copy.name = t!(scoring_model_copy_name, name = self.name);
        copy.created_at = now;
        copy
    }
}

/// A person's answer to a criterion for one profile, written as the plain
/// value: `4` for a rating, `true` or `false` for yes or no (schema 2; schema
/// 1 wrote `{"rating": 4}`, see the migrations in [`crate::format`]).
/// An answer of another shape (a newer Clientele's) is kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A rating from 1 to 5.
    Rating(u8),
    /// Yes or no.
    YesNo(bool),
    /// An answer of a shape a newer Clientele wrote, kept as its JSON text:
    /// written back unchanged and counted as no answer.
    Unlisted(&'static str),
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Self::Rating(rating) => serializer.serialize_u8(rating),
            Self::YesNo(yes) => serializer.serialize_bool(yes),
            Self::Unlisted(written) => crate::domain::open_enum::write_unread(written, serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = Value::deserialize(deserializer)?;
        Ok(match &written {
            Value::Bool(yes) => Self::YesNo(*yes),
            Value::Number(n) => match n.as_u64().and_then(|n| u8::try_from(n).ok()) {
                Some(rating) => Self::Rating(rating),
                None => Self::Unlisted(crate::domain::open_enum::keep_unread(&written)),
            },
            _ => Self::Unlisted(crate::domain::open_enum::keep_unread(&written)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_typed_one_a_line_and_read_back() {
        let t = parse_thresholds("5 000 000 = 50\n\n1,000,000 = 25").unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].at_least, Decimal::from(1_000_000), "sorted by amount");
        assert_eq!(parse_thresholds(&thresholds_text(&t)).unwrap(), t);
        assert_eq!(
            parse_thresholds("1000 = 150"),
            Err(InputError::OutOfRange { min: 0, max: 100 })
        );
        assert_eq!(parse_thresholds("1000 25"), Err(InputError::NotAThreshold));
    }

    #[test]
    fn a_hard_rule_of_a_newer_build_is_kept_as_written_and_a_known_one_read_strictly() {
        let rules: Vec<HardRule> = serde_json::from_str(
            r#"[{"weak_finances_at_most":"B"},{"inactive_at_most":{"days":365,"tier":"D"}},"audit"]"#,
        )
        .unwrap();
        assert_eq!(rules[0], HardRule::WeakFinancesAtMost(Tier::B));
        assert!(matches!(rules[1], HardRule::Unlisted(_)));
        assert_eq!(rules[2], HardRule::Unlisted(Value::from("audit")));
        assert_eq!(
            serde_json::to_string(&rules).unwrap(),
            r#"[{"weak_finances_at_most":"B"},{"inactive_at_most":{"days":365,"tier":"D"}},"audit"]"#
        );
        for bad in [r#"{"weak_finances_at_most":3}"#, "3", "null"] {
            assert!(serde_json::from_str::<HardRule>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_criterion_kind_of_a_newer_build_is_kept_whole_and_a_known_one_read_strictly() {
        let written = r#"{"kind":"slider","max":10,"min":0}"#;
        let kind: CriterionKind = serde_json::from_str(written).unwrap();
        assert!(matches!(&kind, CriterionKind::Unlisted(w) if w["max"] == 10));
        assert_eq!(serde_json::to_string(&kind).unwrap(), written);
        let rating = r#"{"kind":"rating","meanings":["a","b","c"],"scale":7}"#;
        let kind: CriterionKind = serde_json::from_str(rating).unwrap();
        assert!(
            matches!(&kind, CriterionKind::Rating { unknown_fields, .. } if unknown_fields["scale"] == 7)
        );
        assert_eq!(serde_json::to_string(&kind).unwrap(), rating);
        // Every known kind keeps the fields it does not know, and writes
        // back what it read.
        for known in [
            r#"{"kind":"yes_no","note":"x"}"#,
            r#"{"kind":"yes_no","from_profile":"referred"}"#,
            r#"{"kind":"number","measure":"yearly_spend","thresholds":[{"at_least":"100","points":"50","tag":1}],"unit":"k"}"#,
            r#"{"kind":"category","field":"industry","values":["IT"],"match":"exact"}"#,
        ] {
            let kind: CriterionKind = serde_json::from_str(known).unwrap();
            assert!(!matches!(kind, CriterionKind::Unlisted(_)), "{known}");
            assert_eq!(serde_json::to_string(&kind).unwrap(), known);
        }
        let yes_no: CriterionKind =
            serde_json::from_str(r#"{"kind":"yes_no","from_profile":null}"#).unwrap();
        assert!(matches!(
            yes_no,
            CriterionKind::YesNo {
                from_profile: None,
                ..
            }
        ));
        for bad in [
            r#"{"kind":"number","measure":"yearly_spend"}"#,
            r#"{"kind":"number","measure":"yearly_spend","thresholds":[{"at_least":1}]}"#,
            r#"{"kind":"category","values":["IT"]}"#,
            r#"{"kind":"yes_no","from_profile":3}"#,
            r#"{"kind":"rating","meanings":["a","b"]}"#,
            r#"{"meanings":["a","b","c"]}"#,
            r#"{"kind":3}"#,
            r#""rating""#,
        ] {
            assert!(serde_json::from_str::<CriterionKind>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weights_and_scores_are_bounded() {
        assert_eq!(parse_weight("12,5"), Ok("12.5".parse().unwrap()));
        assert_eq!(parse_weight(""), Err(InputError::Required));
        assert!(parse_weight("1001").is_err());
        assert_eq!(parse_score("75"), Ok(Decimal::from(75)));
        assert!(parse_score("100.5").is_err());
    }

    #[test]
    fn an_answer_of_a_shape_a_newer_build_wrote_is_kept_and_counts_as_none() {
        let answers: Vec<Answer> =
            serde_json::from_str(r#"[4,true,{"position":7.5},300,"high"]"#).unwrap();
        assert_eq!(answers[0], Answer::Rating(4));
        assert_eq!(answers[1], Answer::YesNo(true));
        assert!(matches!(answers[2], Answer::Unlisted(_)));
        assert!(
            matches!(answers[3], Answer::Unlisted(_)),
            "not a rating this build knows"
        );
        assert_eq!(
            serde_json::to_string(&answers).unwrap(),
            r#"[4,true,{"position":7.5},300,"high"]"#
        );
    }

    #[test]
    fn a_known_hard_rule_with_a_tier_a_newer_build_added_is_kept_and_caps_nothing() {
        let rules: Vec<HardRule> =
            serde_json::from_str(r#"[{"weak_finances_at_most":"E"}]"#).unwrap();
        assert!(matches!(rules[0], HardRule::Unlisted(_)));
        assert_eq!(
            serde_json::to_string(&rules).unwrap(),
            r#"[{"weak_finances_at_most":"E"}]"#
        );
        // Any other fault in a known rule is still a fault.
        assert!(serde_json::from_str::<HardRule>(r#"{"weak_finances_at_most":3}"#).is_err());
    }
}
