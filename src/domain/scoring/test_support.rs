//! Criteria and models for tests, built the same way wherever scores are
//! worked out by hand.

use super::{Criterion, CriterionKind, Direction, ScoringModel, TierThresholds};
use crate::domain::id::{CriterionId, ModelId};
use crate::domain::time::Timestamp;
use rust_decimal::Decimal;

/// A 1-5 rating criterion named `name`, of `weight`, without meanings.
pub fn rating(name: &str, weight: u32, direction: Direction) -> Criterion {
    Criterion {
        unknown_fields: Default::default(),
        id: CriterionId::new(),
        name: name.into(),
        description: String::new(),
        kind: CriterionKind::Rating {
            unknown_fields: Default::default(),
            meanings: Default::default(),
        },
        direction,
        weight: Decimal::from(weight),
    }
}

/// A model named "Test" of `criteria`, with the default tiers and no hard
/// rules.
pub fn model(criteria: Vec<Criterion>) -> ScoringModel {
    ScoringModel {
        id: ModelId::new(),
        name: "Test".into(),
        created_at: Timestamp::from_millis(0),
        criteria,
        tiers: TierThresholds::default(),
        hard_rules: Vec::new(),
        unknown_fields: Default::default(),
    }
}
