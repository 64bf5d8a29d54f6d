//! The criteria survey of the sales reps (seed 003), run by file.
//!
//! Round 1: the coordinator lists candidate criteria and sends the survey;
//! each rep votes for the few that matter most and sends an answer back;
//! the tally gives the top five ([`tally`]).
//! Round 2: the coordinator sends the top five; each rep names their three
//! best customers and rates each on the five criteria from 1 to 5; the
//! results show every customer and criterion with the agreement between
//! reps, and become the weights of a scoring model ([`results`]).
//!
//! A survey and its answers are records with stable ids, so they travel in
//! files and merge like everything else.

pub mod answer;
pub mod asked;
pub mod in_workspace;
pub mod results;
pub mod tally;

pub use answer::{AnswerError, RatedCustomer, SurveyAnswer};

use super::Timestamp;
use super::id::{CriterionId, SurveyId, WorkspaceId};
use super::scoring::{CriterionKind, Direction, ScoringModel};
use serde::Serialize;
use serde_json::{Map, Value};

/// How many criteria a rep votes for in round 1, unless the coordinator
/// chooses otherwise.
pub const DEFAULT_PICK: u8 = 5;

/// How many best customers a rep rates in round 2.
pub const DEFAULT_CUSTOMERS: u8 = 3;

/// How many criteria go from round 1 to round 2 (the seed's "five top
/// criteria").
pub const TOP_CRITERIA: usize = 5;

/// The lowest and highest rating in round 2.
pub const RATING_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

crate::open_enum! {
    /// Which of the two surveys this is.
    #[derive(Default)]
    pub enum Round {
        /// Round 1: vote on the criteria.
        #[default]
        Criteria = "criteria",
        /// Round 2: rate the best customers on the top criteria.
        Customers = "customers",
    }
}

/// A criterion offered in a survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurveyCriterion {
    /// The criterion's id: a model's criterion keeps its id, so results map
    /// back to that model's weights.
    pub id: CriterionId,
    /// Its short name.
    pub name: String,
    /// What it means, for the reps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// How it is judged, as in a scoring model: round 2 asks in this kind.
    /// Surveys of earlier versions have none: a 1-5 rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CriterionKind>,
    /// Whether more of it adds value or takes it away.
    #[serde(default, skip_serializing_if = "Direction::adds_value")]
    pub direction: Direction,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(SurveyCriterion {
    id: required,
    name: required,
    description,
    kind,
    direction,
    unknown_fields: rest,
});

/// A survey sent to the reps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    /// Stable id.
    pub id: SurveyId,
    /// Its title.
    pub title: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// Who runs it, as the reps know them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coordinator: String,
    /// The coordinator's workspace: tells the coordinator's copy from a
    /// rep's.
    pub coordinator_workspace: WorkspaceId,
    /// Round 1 or 2.
    #[serde(default)]
    pub round: Round,
    /// The round-1 survey this round 2 follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<SurveyId>,
    /// A word from the coordinator to the reps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instructions: String,
    /// The criteria, in the order shown.
    #[serde(default)]
    pub criteria: Vec<SurveyCriterion>,
    /// Round 1: how many criteria each rep votes for.
    #[serde(default = "default_pick")]
    pub pick: u8,
    /// Round 2: how many best customers each rep rates.
    #[serde(default = "default_customers")]
    pub customers: u8,
    /// Round 2: the currency amounts are given in (the coordinator's
    /// reporting currency); blank when none was set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
    /// The language it was written in (`pl`, `en`): a rep's page opens in
    /// it. Blank in surveys from before languages.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Survey {
    id: required,
    title: required,
    created_at: required,
    coordinator,
    coordinator_workspace: required,
    round,
    follows,
    instructions,
    criteria: record,
    pick: or(default_pick),
    customers: or(default_customers),
    currency,
    language,
    unknown_fields: rest,
});

fn default_pick() -> u8 {
    DEFAULT_PICK
}

fn default_customers() -> u8 {
    DEFAULT_CUSTOMERS
}

impl Survey {
    /// A round-1 survey offering the criteria of `model` (if any) and the
    /// coordinator's own `extra` criteria (names; blank ones ignored).
    pub fn round_one(
        title: String,
        coordinator: String,
        workspace: WorkspaceId,
        model: Option<&ScoringModel>,
        extra: &[String],
        now: Timestamp,
    ) -> Self {
        let mut criteria: Vec<SurveyCriterion> = model
            .map(|m| {
                m.criteria
                    .iter()
                    .map(|c| SurveyCriterion {
                        unknown_fields: Default::default(),
                        id: c.id,
                        name: c.name.clone(),
                        description: c.description.clone(),
                        kind: Some(c.kind.clone()),
                        direction: c.direction,
                    })
                    .collect()
            })
            .unwrap_or_default();
        for name in extra.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            criteria.push(SurveyCriterion {
                unknown_fields: Default::default(),
                id: CriterionId::new(),
                name: name.to_owned(),
                description: String::new(),
                kind: None,
                direction: Direction::AddsValue,
            });
        }
        Self {
            id: SurveyId::new(),
            title,
            created_at: now,
            coordinator,
            coordinator_workspace: workspace,
            round: Round::Criteria,
            follows: None,
            instructions: String::new(),
            criteria,
            pick: DEFAULT_PICK,
            customers: DEFAULT_CUSTOMERS,
            currency: String::new(),
            language: crate::i18n::language().code().to_owned(),
            unknown_fields: Map::new(),
        }
    }

    /// The language a rep's page opens this survey in, when it says one of
    /// ours.
    pub fn written_in(&self) -> Option<crate::i18n::Language> {
        crate::i18n::Language::from_code(&self.language)
    }

    /// The round-2 survey that follows this round 1 with `top` criteria,
    /// amounts asked in `currency`; its title ("…: your best customers") is
    /// written in the interface's language, and is the user's once made.
    pub fn round_two(&self, top: &[CriterionId], currency: &str, now: Timestamp) -> Self {
        let criteria = top
            .iter()
            .filter_map(|id| self.criterion(*id).cloned())
            .collect();
        Self {
            id: SurveyId::new(),
            title: crate::t!(survey_round_two_title, title = self.title),
            created_at: now,
            round: Round::Customers,
            follows: Some(self.id),
            instructions: String::new(),
            criteria,
            currency: currency.to_owned(),
            language: crate::i18n::language().code().to_owned(),
            unknown_fields: Map::new(),
            ..self.clone()
        }
    }

    /// The criterion with `id`.
    pub fn criterion(&self, id: CriterionId) -> Option<&SurveyCriterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Whether `workspace` made this survey (the coordinator's side).
    pub fn is_coordinated_by(&self, workspace: WorkspaceId) -> bool {
        self.coordinator_workspace == workspace
    }

    /// About how many minutes a rep needs: reading and ticking in round 1
    /// (10 s a criterion), rating in round 2 (15 s a rating plus a minute to
    /// choose the customers).
    pub fn estimated_minutes(&self) -> u32 {
        let seconds = match self.round {
            Round::Criteria | Round::Unlisted(_) => 10 * self.criteria.len() as u32,
            Round::Customers => 60 + 15 * u32::from(self.customers) * self.criteria.len() as u32,
        };
        seconds.div_ceil(60).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::default_model;

    pub(crate) fn now() -> Timestamp {
        "2026-11-22T06:43:03Z".parse().unwrap()
    }

    /// Anna's round 1 "Q4", from `model`'s criteria (if any) and `extra`.
    fn q4(model: Option<&ScoringModel>, extra: &[String]) -> Survey {
        Survey::round_one(
            "Q4".into(),
            "Anna".into(),
            WorkspaceId::new(),
            model,
            extra,
            now(),
        )
    }

    #[test]
    fn round_one_offers_the_model_criteria_and_the_coordinators_own() {
        let model = default_model(now());
        let extra = vec!["Industry".to_owned(), "  ".to_owned()];
        let survey = Survey::round_one(
            "Best customers".into(),
            "Anna".into(),
            WorkspaceId::new(),
            Some(&model),
            &extra,
            now(),
        );
        assert_eq!(survey.criteria.len(), model.criteria.len() + 1);
        assert_eq!(survey.criteria[0].id, model.criteria[0].id);
        assert_eq!(survey.criteria.last().unwrap().name, "Industry");
        assert_eq!(survey.pick, 5);
    }

    #[test]
    fn round_two_keeps_the_top_criteria_in_order_and_follows_round_one() {
        let model = default_model(now());
        let one = q4(Some(&model), &[]);
        let top = [one.criteria[3].id, one.criteria[0].id];
        let two = one.round_two(&top, "", now());
        assert_eq!(two.round, Round::Customers);
        assert_eq!(two.follows, Some(one.id));
        assert_ne!(two.id, one.id);
        assert_eq!(two.criteria.iter().map(|c| c.id).collect::<Vec<_>>(), top);
        assert_eq!(two.coordinator_workspace, one.coordinator_workspace);
        assert_eq!(two.title, "Q4: your best customers");
    }

    #[test]
    fn a_survey_says_the_language_it_was_written_in_and_keeps_it_in_its_file() {
        use crate::i18n::{Language, set_language};
        set_language(Language::Polish);
        let one = Survey::round_one(
            "Najlepsi klienci".into(),
            "Anna".into(),
            WorkspaceId::new(),
            None,
            &["Branża".to_owned()],
            now(),
        );
        set_language(Language::English);
        assert_eq!(one.written_in(), Some(Language::Polish));
        let text = serde_json::to_string(&one).unwrap();
        assert!(text.contains(r#""language":"pl""#), "{text}");
        let back: Survey = crate::domain::json::from_str(&text).unwrap();
        assert_eq!(back.written_in(), Some(Language::Polish));
        // A survey from before languages says none; its page keeps the
        // reader's language.
        let mut older = serde_json::to_value(&one).unwrap();
        older.as_object_mut().unwrap().remove("language");
        let older: Survey = crate::domain::json::from_str(&older.to_string()).unwrap();
        assert_eq!(older.written_in(), None);
        // Round 2 is written in the language of its moment.
        assert_eq!(
            one.round_two(&[], "", now()).written_in(),
            Some(Language::English)
        );
    }

    #[test]
    fn round_two_is_titled_in_the_language_it_is_started_in() {
        use crate::i18n::{Language, set_language};
        let one = q4(None, &["Spend".into()]);
        let top = [one.criteria[0].id];
        set_language(Language::Polish);
        let two = one.round_two(&top, "", now());
        set_language(Language::English);
        assert_eq!(two.title, "Q4: Twoi najlepsi klienci", "and it stays so");
    }

    #[test]
    fn the_rep_is_told_how_long_it_takes() {
        let model = default_model(now());
        let one = q4(Some(&model), &[]);
        assert_eq!(one.estimated_minutes(), 3, "13 criteria at 10 s");
        let ids: Vec<_> = one.criteria.iter().take(5).map(|c| c.id).collect();
        assert_eq!(
            one.round_two(&ids, "", now()).estimated_minutes(),
            5,
            "1 min + 15 ratings at 15 s"
        );
    }

    #[test]
    fn a_survey_round_trips_through_json_and_old_files_get_defaults() {
        let survey = q4(None, &["Spend".into()]);
        let json = serde_json::to_string(&survey).unwrap();
        assert_eq!(serde_json::from_str::<Survey>(&json).unwrap(), survey);
        let minimal = r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","title":"x","created_at":"2026-01-02T03:04:05Z","coordinator_workspace":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e01"}"#;
        let read: Survey = serde_json::from_str(minimal).unwrap();
        assert_eq!(
            (read.round, read.pick, read.customers),
            (Round::Criteria, 5, 3)
        );
    }
}
