//! The default Perfect Prospect Model, from the seeds: money (revenue as
//! what they spend with us, profitability, and the company's size), buying pattern (frequency, breadth),
//! partnership values (ease, loyalty, brand prestige, strategic alignment,
//! innovation partnership) and the negatives (customization, complex sales
//! process, demanding procedures). It is made in the interface's language;
//! users change it freely.

use super::{
    Criterion, CriterionKind, Direction, HardRule, Measure, ProfileAnswer, ScoringModel, Threshold,
    Tier, TierThresholds,
};
use crate::domain::id::{CriterionId, ModelId};
use crate::domain::time::Timestamp;
use crate::i18n::Language;
use crate::t;
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

/// A new copy of the default model, created at `now`, its name, criteria,
/// descriptions and the meanings of its ratings in the interface's
/// language (a Polish team gets a Polish model). Once made it is the
/// user's data: it is never translated again.
pub fn default_model(now: Timestamp) -> ScoringModel {
    use Direction::{AddsValue, TakesAway};
    let criteria = vec![
        number(
            t!(scoring_default_revenue),
            t!(scoring_default_revenue_description),
            Measure::YearlySpend,
            [(10_000, 25), (50_000, 50), (150_000, 75), (500_000, 100)],
            AddsValue,
            8,
        ),
        number(
            t!(scoring_default_profitability),
            t!(scoring_default_profitability_description),
            Measure::Profitability,
            [(0, 25), (5_000, 50), (20_000, 75), (50_000, 100)],
            AddsValue,
            15,
        ),
        number(
            t!(scoring_default_company_size),
            t!(scoring_default_company_size_description),
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
            t!(scoring_default_frequency),
            t!(scoring_default_frequency_description),
            Measure::PurchasesPerYear,
            [(1, 25), (4, 50), (12, 75), (24, 100)],
            AddsValue,
            6,
        ),
        number(
            t!(scoring_default_breadth),
            t!(scoring_default_breadth_description),
            Measure::ProductsPurchased,
            [(1, 25), (2, 50), (4, 75), (6, 100)],
            AddsValue,
            6,
        ),
        rating(
            t!(scoring_default_ease),
            t!(scoring_default_ease_description),
            [
                t!(scoring_default_ease_1),
                t!(scoring_default_ease_3),
                t!(scoring_default_ease_5),
            ],
            AddsValue,
            8,
        ),
        rating(
            t!(scoring_default_customization),
            t!(scoring_default_customization_description),
            [
                t!(scoring_default_customization_1),
                t!(scoring_default_customization_3),
                t!(scoring_default_customization_5),
            ],
            TakesAway,
            6,
        ),
        criterion(
            t!(scoring_default_referrals),
            t!(scoring_default_referrals_description),
            CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: Some(ProfileAnswer::ReferredOrTestimonial),
            },
            AddsValue,
            8,
        ),
        rating(
            t!(scoring_default_prestige),
            t!(scoring_default_prestige_description),
            [
                t!(scoring_default_prestige_1),
                t!(scoring_default_prestige_3),
                t!(scoring_default_prestige_5),
            ],
            AddsValue,
            6,
        ),
        rating(
            t!(scoring_default_alignment),
            t!(scoring_default_alignment_description),
            [
                t!(scoring_default_alignment_1),
                t!(scoring_default_alignment_3),
                t!(scoring_default_alignment_5),
            ],
            AddsValue,
            8,
        ),
        rating(
            t!(scoring_default_innovation),
            t!(scoring_default_innovation_description),
            [
                t!(scoring_default_innovation_1),
                t!(scoring_default_innovation_3),
                t!(scoring_default_innovation_5),
            ],
            AddsValue,
            5,
        ),
        rating(
            t!(scoring_default_complex_sale),
            t!(scoring_default_complex_sale_description),
            [
                t!(scoring_default_complex_sale_1),
                t!(scoring_default_complex_sale_3),
                t!(scoring_default_complex_sale_5),
            ],
            TakesAway,
            5,
        ),
        rating(
            t!(scoring_default_procedures),
            t!(scoring_default_procedures_description),
            [
                t!(scoring_default_procedures_1),
                t!(scoring_default_procedures_3),
                t!(scoring_default_procedures_5),
            ],
            TakesAway,
            5,
        ),
    ];
    ScoringModel {
        id: ModelId::new(),
        name: t!(scoring_model_name).to_owned(),
        created_at: now,
        criteria,
        tiers: TierThresholds::default(),
        hard_rules: vec![HardRule::UnprofitableAtMost(Tier::C)],
        unknown_fields: Map::new(),
    }
}

/// The default model as an English interface makes it, whatever the
/// language now: the default before schema 5 was only ever made in English,
/// and a migration must give the same model in every language (copies of
/// a shared workspace are brought up to date on each colleague's machine).
fn english_default_model(now: Timestamp) -> ScoringModel {
    let shown = crate::i18n::language();
    crate::i18n::set_language(Language::English);
    let model = default_model(now);
    crate::i18n::set_language(shown);
    model
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
/// In English, the only language that default was ever made in: these
/// texts recognise stored data and are never shown.
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
/// criterion's id is made from the one it replaces, and the model is
/// recognised and brought up to date in English whatever the interface's
/// language (the old default was only ever made in English; a stored
/// model is the user's data and is never translated).
pub fn upgrade_old_default(model: &mut ScoringModel) -> DefaultUpgrade {
    let old = old_money_criteria();
    // The old default's other ten criteria are today's. Should today's
    // default ever change them, the schema-4 example file
    // (tests/fixtures/older/example-v4.clientele.json, whose model is the
    // old default) stops being recognised and its test fails: freeze a copy
    // of them here then. Today's default is made in English whatever the
    // interface's language (see [`english_default_model`]).
    let today = english_default_model(model.created_at);
    let mut old_default = old.to_vec();
    old_default.extend(today.criteria.iter().skip(3).cloned());
    let identical = model.criteria.len() == old_default.len()
        && model
            .criteria
            .iter()
            .zip(&old_default)
            .all(|(a, b)| same_criterion(a, b));
    if identical {
        let mut new = today.criteria;
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
    // The company's revenue called "Revenue" (the old default's English
    // name: no other existed before schema 5), or costs counted on their
    // own besides profitability.
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

    #[test]
    fn a_polish_team_gets_the_default_model_in_polish_and_english_stays_as_it_was() {
        crate::i18n::set_language(Language::Polish);
        let polish = default_model(Timestamp::from_millis(0));
        crate::i18n::set_language(Language::English);
        let english = default_model(Timestamp::from_millis(0));
        assert_eq!(
            polish.name,
            "Model idealnego klienta (Perfect Prospect Model)"
        );
        assert_eq!(polish.criteria[1].name, "Rentowność");
        assert_eq!(polish.criteria[5].name, "Łatwość współpracy");
        assert!(matches!(
            &polish.criteria[5].kind,
            CriterionKind::Rating { meanings, .. } if meanings[1] == "Przeciętna"
        ));
        assert_eq!(english.name, "Perfect Prospect Model");
        assert_eq!(english.criteria[1].name, "Profitability");
        assert_eq!(
            english.criteria[1].description,
            "What they spend with us a year minus the costs to serve and to win them."
        );
        assert!(matches!(
            &english.criteria[5].kind,
            CriterionKind::Rating { meanings, .. } if meanings[1] == "Average"
        ));
        // The same model in both, but its words.
        assert_eq!(polish.criteria.len(), english.criteria.len());
        for (pl, en) in polish.criteria.iter().zip(&english.criteria) {
            assert_ne!(pl.name, en.name);
            assert_eq!(
                (pl.direction, pl.weight, pl.description.is_empty()),
                (en.direction, en.weight, false)
            );
        }
    }

    #[test]
    fn the_old_english_default_is_recognised_and_updated_in_english_whatever_the_language() {
        let mut old = english_default_model(Timestamp::from_millis(0));
        old.criteria.splice(0..3, old_money_criteria());
        let mut edited = old.clone();
        edited.criteria[7].weight = Decimal::from(9);
        crate::i18n::set_language(Language::Polish);
        let mut updated = old.clone();
        let upgrade = upgrade_old_default(&mut updated);
        let edited_upgrade = upgrade_old_default(&mut edited);
        crate::i18n::set_language(Language::English);
        assert_eq!(upgrade, DefaultUpgrade::Updated);
        assert_eq!(edited_upgrade, DefaultUpgrade::Kept);
        let names: Vec<_> = updated.criteria.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[..3], ["Revenue", "Profitability", "Company size"]);
        assert_eq!(names[5], "Ease of working with them");
        let mut in_english = old.clone();
        upgrade_old_default(&mut in_english);
        assert_eq!(
            in_english.criteria, updated.criteria,
            "the same in every language"
        );
    }
}
