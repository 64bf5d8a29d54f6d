//! The default Perfect Prospect Model, from the seeds: money (revenue as
//! what they spend with us, profitability, and the company's size), buying pattern (frequency, breadth),
//! partnership values (ease, loyalty, brand prestige, strategic alignment,
//! innovation partnership) and the negatives (customization, complex sales
//! process, demanding procedures). Users change it freely.

use super::{
    Criterion, CriterionKind, Direction, HardRule, Measure, ProfileAnswer, ScoringModel, Threshold,
    Tier, TierThresholds,
};
use crate::domain::id::{CriterionId, ModelId};
use crate::domain::time::Timestamp;
use rust_decimal::Decimal;
use serde_json::Map;

fn thresholds(steps: [(i64, u32); 4]) -> Vec<Threshold> {
    steps
        .into_iter()
        .map(|(at_least, points)| Threshold {
            unknown_fields: Default::default(),
            at_least: Decimal::from(at_least),
            points: Decimal::from(points),
        })
        .collect()
}

fn number(
    name: &str,
    description: &str,
    measure: Measure,
    steps: [(i64, u32); 4],
    direction: Direction,
    weight: u32,
) -> Criterion {
    criterion(
        name,
        description,
        CriterionKind::Number {
            unknown_fields: Default::default(),
            measure,
            thresholds: thresholds(steps),
        },
        direction,
        weight,
    )
}

fn rating(
    name: &str,
    description: &str,
    meanings: [&str; 3],
    direction: Direction,
    weight: u32,
) -> Criterion {
    let meanings = meanings.map(str::to_owned);
    criterion(
        name,
        description,
        CriterionKind::Rating {
            unknown_fields: Default::default(),
            meanings,
        },
        direction,
        weight,
    )
}

fn criterion(
    name: &str,
    description: &str,
    kind: CriterionKind,
    direction: Direction,
    weight: u32,
) -> Criterion {
    Criterion {
        unknown_fields: Default::default(),
        id: CriterionId::new(),
        name: name.to_owned(),
        description: description.to_owned(),
        kind,
        direction,
        weight: Decimal::from(weight),
    }
}

/// A new copy of the default model, created at `now`.
pub fn default_model(now: Timestamp) -> ScoringModel {
    use Direction::{AddsValue, TakesAway};
    let criteria = vec![
        number(
            "Revenue",
            "What they spend with us a year.",
            Measure::YearlySpend,
            [(10_000, 25), (50_000, 50), (150_000, 75), (500_000, 100)],
            AddsValue,
            8,
        ),
        number(
            "Profitability",
            "What they spend with us a year minus the costs to serve and to win them.",
            Measure::Profitability,
            [(0, 25), (5_000, 50), (20_000, 75), (50_000, 100)],
            AddsValue,
            15,
        ),
        number(
            "Company size",
            "Their own average annual revenue: how large the company is, not what they spend with us.",
            Measure::YearlyRevenue,
            [
                (1_000_000, 25),
                (5_000_000, 50),
                (20_000_000, 75),
                (100_000_000, 100),
            ],
            AddsValue,
            4,
        ),
        number(
            "Purchase frequency",
            "How often they buy, in purchases a year.",
            Measure::PurchasesPerYear,
            [(1, 25), (4, 50), (12, 75), (24, 100)],
            AddsValue,
            6,
        ),
        number(
            "Breadth of products bought",
            "How many of our products or services they buy.",
            Measure::ProductsPurchased,
            [(1, 25), (2, 50), (4, 75), (6, 100)],
            AddsValue,
            6,
        ),
        rating(
            "Ease of working with them",
            "How smooth the day-to-day work is.",
            [
                "Hard: frequent friction",
                "Average",
                "Easy: a pleasure to work with",
            ],
            AddsValue,
            8,
        ),
        rating(
            "Customization they need",
            "How much we must adapt our offer for them.",
            ["Standard offer", "Some adaptation", "Heavy custom work"],
            TakesAway,
            6,
        ),
        criterion(
            "Referrals and testimonials",
            "They referred us or gave a testimonial (read from the profile).",
            CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: Some(ProfileAnswer::ReferredOrTestimonial),
            },
            AddsValue,
            8,
        ),
        rating(
            "Brand prestige",
            "How much their name helps us win others.",
            ["Unknown name", "Known locally", "A name that opens doors"],
            AddsValue,
            6,
        ),
        rating(
            "Strategic alignment",
            "How well they fit where our business is going.",
            [
                "Off our path",
                "Partly aligned",
                "Exactly where we are heading",
            ],
            AddsValue,
            8,
        ),
        rating(
            "Innovation partnership",
            "Whether they build new things with us.",
            ["Never", "Occasionally", "A real development partner"],
            AddsValue,
            5,
        ),
        rating(
            "Complex sales process",
            "How long and involved their buying process is.",
            ["Quick and simple", "Several steps", "Long, many approvers"],
            TakesAway,
            5,
        ),
        rating(
            "Demanding procedures",
            "Paperwork, audits and rules we must follow for them.",
            ["Light", "Some", "Heavy and costly"],
            TakesAway,
            5,
        ),
    ];
    ScoringModel {
        id: ModelId::new(),
        name: "Perfect Prospect Model".to_owned(),
        created_at: now,
        criteria,
        tiers: TierThresholds::default(),
        hard_rules: vec![HardRule::UnprofitableAtMost(Tier::C)],
        unknown_fields: Map::new(),
    }
}

/// What [`upgrade_old_default`] did to a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultUpgrade {
    /// The model was the old default exactly: it is the new default now,
    /// with the ids of the criteria it kept.
    Updated,
    /// The model was made from the old default and edited: kept as it was.
    Kept,
    /// The model has nothing the default's change concerns.
    NotAffected,
}

/// The first three criteria of the default model before schema 5: the
/// company's own revenue named "Revenue", direct costs as a criterion of
/// their own (so counted twice with profitability), then profitability.
fn old_money_criteria() -> [Criterion; 3] {
    use Direction::{AddsValue, TakesAway};
    [
        number(
            "Revenue",
            "The company's average annual revenue.",
            Measure::YearlyRevenue,
            [
                (1_000_000, 25),
                (5_000_000, 50),
                (20_000_000, 75),
                (100_000_000, 100),
            ],
            AddsValue,
            8,
        ),
        number(
            "Direct costs",
            "What it costs us a year to serve and to win them.",
            Measure::DirectCosts,
            [(1_000, 25), (5_000, 50), (20_000, 75), (50_000, 100)],
            TakesAway,
            8,
        ),
        number(
            "Profitability",
            "Yearly spend with us minus direct costs.",
            Measure::Profitability,
            [(0, 25), (5_000, 50), (20_000, 75), (50_000, 100)],
            AddsValue,
            15,
        ),
    ]
}

/// The id of the criterion that takes the place of criterion `old` when the
/// old default is brought up to date: made from `old`, so that every copy
/// of a shared model gets the same one.
pub fn replacement_id(old: CriterionId) -> CriterionId {
    let mut bytes = *old.as_uuid().as_bytes();
    bytes.iter_mut().for_each(|b| *b ^= 0x5a);
    CriterionId::from_uuid(uuid::Builder::from_random_bytes(bytes).into_uuid())
}

/// The same criterion, ids aside.
fn same_criterion(a: &Criterion, b: &Criterion) -> bool {
    (&a.name, &a.description, &a.kind, a.direction, a.weight)
        == (&b.name, &b.description, &b.kind, b.direction, b.weight)
}

/// Brings a model saved before schema 5 up to date with the default's
/// change: a model identical to the old default (its name, tiers and rules
/// aside) becomes the new default, keeping the ids of the criteria that
/// stay; a model still calling the company's own revenue "Revenue", or
/// counting direct costs besides profitability, was edited and is kept as it is,
/// for the user to decide. Deterministic, as migrations must be: the new
/// criterion's id is made from the one it replaces.
pub fn upgrade_old_default(model: &mut ScoringModel) -> DefaultUpgrade {
    let old = old_money_criteria();
    // The old default's other ten criteria are today's. Should today's
    // default ever change them, the schema-4 example file
    // (tests/fixtures/older/example-v4.clientele.json, whose model is the
    // old default) stops being recognised and its test fails: freeze a copy
    // of them here then.
    let mut old_default = old.to_vec();
    old_default.extend(
        default_model(Timestamp::from_millis(0))
            .criteria
            .into_iter()
            .skip(3),
    );
    let identical = model.criteria.len() == old_default.len()
        && model
            .criteria
            .iter()
            .zip(&old_default)
            .all(|(a, b)| same_criterion(a, b));
    if identical {
        let mut new = default_model(model.created_at).criteria;
        let (revenue, direct_costs, profitability) = (
            model.criteria[0].id,
            model.criteria[1].id,
            model.criteria[2].id,
        );
        new[0].id = replacement_id(direct_costs);
        new[1].id = profitability;
        new[2].id = revenue;
        for (new, kept) in new.iter_mut().zip(&model.criteria).skip(3) {
            new.id = kept.id;
        }
        model.criteria = new;
        return DefaultUpgrade::Updated;
    }
    let reads = |measure: Measure| {
        model.criteria.iter().any(|c| {
            matches!(&c.kind, CriterionKind::Number { measure: m, .. } if *m == measure)
                && (measure != Measure::YearlyRevenue || c.name == "Revenue")
        })
    };
    // The company's revenue called "Revenue", or costs counted on their own
    // besides profitability.
    let holds_old = reads(Measure::YearlyRevenue)
        || (reads(Measure::DirectCosts) && reads(Measure::Profitability));
    if holds_old {
        DefaultUpgrade::Kept
    } else {
        DefaultUpgrade::NotAffected
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_model_has_the_thirteen_criteria_of_the_seeds() {
        let model = default_model(Timestamp::from_millis(0));
        assert_eq!(model.criteria.len(), 13);
        let negatives: Vec<_> = model
            .criteria
            .iter()
            .filter(|c| c.direction == Direction::TakesAway)
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(
            negatives,
            [
                "Customization they need",
                "Complex sales process",
                "Demanding procedures"
            ]
        );
        assert!(model.tiers.is_valid());
        for criterion in &model.criteria {
            if let CriterionKind::Rating { meanings, .. } = &criterion.kind {
                assert!(
                    meanings.iter().all(|m| !m.is_empty()),
                    "{} explains 1, 3 and 5",
                    criterion.name
                );
            }
        }
    }

    #[test]
    fn every_copy_has_its_own_ids() {
        let (a, b) = (
            default_model(Timestamp::from_millis(0)),
            default_model(Timestamp::from_millis(0)),
        );
        assert_ne!(a.id, b.id);
        assert_ne!(a.criteria[0].id, b.criteria[0].id);
    }
}
