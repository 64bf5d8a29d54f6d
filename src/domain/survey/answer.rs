//! One rep's answer to a survey.

use super::asked::{Asked, is_answer, read_answer};
use super::{RATING_RANGE, Round, Survey, SurveyCriterion};
use crate::domain::id::{CriterionId, RatedCustomerId, SurveyAnswerId, SurveyId, WorkspaceId};
use crate::domain::input::InputError;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::small_map::SmallMap;
use serde::Serialize;
use serde_json::{Map, Value};

/// A customer a rep counts among their best, with ratings 1 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatedCustomer {
    /// Stable id.
    pub id: RatedCustomerId,
    /// The customer's name, as the rep writes it.
    #[serde(default)]
    pub name: String,
    /// Ratings by criterion.
    #[serde(default)]
    pub ratings: SmallMap<CriterionId, u8>,
    /// Answers to criteria asked as yes / no, a number or a category, by
    /// criterion, as [`super::asked::read_answer`] keeps them.
    #[serde(default, skip_serializing_if = "SmallMap::is_empty")]
    pub values: SmallMap<CriterionId, String>,
    /// What makes them great, in the rep's own words (seed 003); optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(RatedCustomer {
    id: required,
    name,
    ratings,
    values,
    why,
    unknown_fields: rest,
});

/// One rep's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurveyAnswer {
    /// Stable id.
    pub id: SurveyAnswerId,
    /// The survey answered.
    pub survey_id: SurveyId,
    /// The rep's name.
    #[serde(default)]
    pub respondent: String,
    /// The rep's workspace: one answer per rep counts.
    pub respondent_workspace: WorkspaceId,
    /// Round 1: the criteria voted for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<CriterionId>,
    /// Round 2: the best customers, rated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customers: Vec<RatedCustomer>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(SurveyAnswer {
    id: required,
    survey_id: required,
    respondent,
    respondent_workspace: required,
    votes,
    customers: record,
    unknown_fields: rest,
});

/// What is missing or wrong in an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// The rep's name is blank.
    NoName,
    /// The rep's name is longer than [`MAX_NAME_CHARS`] characters.
    NameTooLong,
    /// Round 1 without a single vote.
    NoVotes,
    /// More votes than the survey allows.
    TooManyVotes {
        /// The limit.
        pick: u8,
    },
    /// A vote or rating for a criterion the survey does not list.
    UnknownCriterion,
    /// Round 2: a customer without a name.
    CustomerUnnamed {
        /// Which customer, from 1.
        position: usize,
    },
    /// Round 2: the same customer named twice.
    CustomerTwice(String),
    /// Round 2: a rating or another answer missing.
    RatingMissing {
        /// The customer.
        customer: String,
        /// The criterion's name.
        criterion: String,
    },
    /// A rating outside 1 to 5.
    RatingOutOfRange,
    /// The survey's round comes from a newer Clientele: this one cannot
    /// tell what the answer should hold.
    RoundUnknown,
}

impl SurveyAnswer {
    /// A blank answer to `survey` from the rep in `workspace`; round 2
    /// starts with one empty row per best customer.
    pub fn new(survey: &Survey, respondent: String, workspace: WorkspaceId) -> Self {
        let customers = match survey.round {
            Round::Criteria | Round::Unlisted(_) => Vec::new(),
            Round::Customers => (0..survey.customers)
                .map(|_| RatedCustomer {
                    unknown_fields: Default::default(),
                    id: RatedCustomerId::new(),
                    name: String::new(),
                    ratings: SmallMap::new(),
                    values: SmallMap::new(),
                    why: String::new(),
                })
                .collect(),
        };
        Self {
            id: SurveyAnswerId::new(),
            survey_id: survey.id,
            respondent,
            respondent_workspace: workspace,
            votes: Vec::new(),
            customers,
            unknown_fields: Map::new(),
        }
    }

    /// Votes for `criterion` or takes the vote back; refuses a vote beyond
    /// the survey's limit.
    pub fn toggle_vote(
        &mut self,
        survey: &Survey,
        criterion: CriterionId,
    ) -> Result<(), AnswerError> {
        if let Some(at) = self.votes.iter().position(|c| *c == criterion) {
            self.votes.remove(at);
            return Ok(());
        }
        if survey.criterion(criterion).is_none() {
            return Err(AnswerError::UnknownCriterion);
        }
        if self.votes.len() >= usize::from(survey.pick) {
            return Err(AnswerError::TooManyVotes { pick: survey.pick });
        }
        self.votes.push(criterion);
        Ok(())
    }

    /// Rates customer `customer` on `criterion` (`None` clears it).
    pub fn rate(
        &mut self,
        customer: usize,
        criterion: CriterionId,
        rating: Option<u8>,
    ) -> Result<(), AnswerError> {
        if rating.is_some_and(|r| !RATING_RANGE.contains(&r)) {
            return Err(AnswerError::RatingOutOfRange);
        }
        if let Some(row) = self.customers.get_mut(customer) {
            match rating {
                Some(r) => row.ratings.insert(criterion, r),
                None => row.ratings.remove(&criterion),
            };
        }
        Ok(())
    }

    /// Answers `criterion` for customer `customer` as typed (a criterion
    /// asked as yes / no, a number or a category; blank clears it). A
    /// number that does not read is refused and the answer kept as it was.
    pub fn give(
        &mut self,
        customer: usize,
        criterion: &SurveyCriterion,
        typed: &str,
    ) -> Result<(), InputError> {
        let kept = read_answer(criterion.asked(), typed)?;
        if let Some(row) = self.customers.get_mut(customer) {
            match kept {
                Some(text) => row.values.insert(criterion.id, text),
                None => row.values.remove(&criterion.id),
            };
        }
        Ok(())
    }

    /// Everything that keeps this answer from being complete, first first.
    pub fn problems(&self, survey: &Survey) -> Vec<AnswerError> {
        let mut problems = Vec::new();
        if self.respondent.trim().is_empty() {
            problems.push(AnswerError::NoName);
        } else if self.respondent.trim().chars().count() > MAX_NAME_CHARS {
            problems.push(AnswerError::NameTooLong);
        }
        let known = |id: &CriterionId| survey.criterion(*id).is_some();
        match survey.round {
            Round::Unlisted(_) => problems.push(AnswerError::RoundUnknown),
            Round::Criteria => {
                if self.votes.is_empty() {
                    problems.push(AnswerError::NoVotes);
                }
                if self.votes.len() > usize::from(survey.pick) {
                    problems.push(AnswerError::TooManyVotes { pick: survey.pick });
                }
                if !self.votes.iter().all(known) {
                    problems.push(AnswerError::UnknownCriterion);
                }
            }
            Round::Customers => {
                let mut names: Vec<String> = Vec::new();
                for (i, customer) in self.customers.iter().enumerate() {
                    let name = customer.name.trim();
                    if name.is_empty() {
                        problems.push(AnswerError::CustomerUnnamed { position: i + 1 });
                        continue;
                    }
                    let key = same_customer_key(name);
                    if names.contains(&key) {
                        problems.push(AnswerError::CustomerTwice(name.to_owned()));
                    }
                    names.push(key);
                    for criterion in &survey.criteria {
                        let missing = || AnswerError::RatingMissing {
                            customer: name.to_owned(),
                            criterion: criterion.name.clone(),
                        };
                        match (criterion.asked(), customer.ratings.get(&criterion.id)) {
                            // Not asked: a newer kind this version cannot ask.
                            (Asked::Unreadable, _) => {}
                            (Asked::Rating, None) => problems.push(missing()),
                            (Asked::Rating, Some(r)) if !RATING_RANGE.contains(r) => {
                                problems.push(AnswerError::RatingOutOfRange)
                            }
                            (Asked::Rating, Some(_)) => {}
                            (asked, _) => {
                                let given = customer.values.get(&criterion.id);
                                if !given.is_some_and(|v| is_answer(asked, v)) {
                                    problems.push(missing());
                                }
                            }
                        }
                    }
                    if !customer
                        .ratings
                        .keys()
                        .chain(customer.values.keys())
                        .all(known)
                    {
                        problems.push(AnswerError::UnknownCriterion);
                    }
                }
            }
        }
        problems
    }

    /// Whether the answer can be sent.
    pub fn is_complete(&self, survey: &Survey) -> bool {
        self.problems(survey).is_empty()
    }
}

/// How customer names are compared across reps: trimmed, case-insensitive,
/// runs of white space as one.
pub fn same_customer_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::tests::now;

    fn survey(round: Round) -> Survey {
        let names: Vec<String> = (1..=7).map(|i| format!("Criterion {i}")).collect();
        let one = Survey::round_one(
            "Q4".into(),
            "Anna".into(),
            WorkspaceId::new(),
            None,
            &names,
            now(),
        );
        match round {
            Round::Customers => {
                let top: Vec<_> = one.criteria.iter().take(5).map(|c| c.id).collect();
                one.round_two(&top, "", now())
            }
            other => Survey {
                round: other,
                ..one
            },
        }
    }

    #[test]
    fn an_answer_to_a_round_of_a_newer_build_is_never_complete() {
        let survey = survey(Round::Unlisted("round_three"));
        let mut answer = SurveyAnswer::new(&survey, "Jan".into(), WorkspaceId::new());
        assert!(answer.customers.is_empty());
        assert_eq!(answer.problems(&survey), [AnswerError::RoundUnknown]);
        answer.votes.push(survey.criteria[0].id);
        assert_eq!(answer.problems(&survey), [AnswerError::RoundUnknown]);
        assert_eq!(survey.estimated_minutes(), 2, "seven criteria read");
    }

    #[test]
    fn a_rep_cannot_vote_for_more_than_pick_criteria_and_can_take_a_vote_back() {
        let survey = survey(Round::Criteria);
        let mut answer = SurveyAnswer::new(&survey, "Ben".into(), WorkspaceId::new());
        for c in survey.criteria.iter().take(5) {
            answer.toggle_vote(&survey, c.id).unwrap();
        }
        assert_eq!(
            answer.toggle_vote(&survey, survey.criteria[5].id),
            Err(AnswerError::TooManyVotes { pick: 5 })
        );
        answer.toggle_vote(&survey, survey.criteria[0].id).unwrap();
        answer.toggle_vote(&survey, survey.criteria[5].id).unwrap();
        assert_eq!(answer.votes.len(), 5);
        assert!(answer.is_complete(&survey));
        assert_eq!(
            answer.toggle_vote(&survey, CriterionId::new()),
            Err(AnswerError::UnknownCriterion)
        );
    }

    #[test]
    fn round_one_needs_a_name_and_a_vote() {
        let survey = survey(Round::Criteria);
        let answer = SurveyAnswer::new(&survey, " ".into(), WorkspaceId::new());
        assert_eq!(
            answer.problems(&survey),
            vec![AnswerError::NoName, AnswerError::NoVotes]
        );
    }

    #[test]
    fn a_name_may_be_as_long_as_any_name_in_the_file_format() {
        let survey = survey(Round::Criteria);
        let mut answer = SurveyAnswer::new(&survey, "ż".repeat(120), WorkspaceId::new());
        answer.toggle_vote(&survey, survey.criteria[0].id).unwrap();
        assert!(answer.is_complete(&survey));
        answer.respondent.push('x');
        assert_eq!(answer.problems(&survey), vec![AnswerError::NameTooLong]);
    }

    #[test]
    fn round_two_needs_three_named_different_customers_each_fully_rated() {
        let survey = survey(Round::Customers);
        let mut answer = SurveyAnswer::new(&survey, "Ben".into(), WorkspaceId::new());
        assert_eq!(answer.customers.len(), 3);
        answer.customers[0].name = "Acme".into();
        answer.customers[1].name = " ACME ".into();
        for c in &survey.criteria {
            answer.rate(0, c.id, Some(4)).unwrap();
            answer.rate(1, c.id, Some(3)).unwrap();
        }
        let problems = answer.problems(&survey);
        assert!(problems.contains(&AnswerError::CustomerTwice("ACME".into())));
        assert!(problems.contains(&AnswerError::CustomerUnnamed { position: 3 }));
        assert_eq!(
            answer.rate(0, survey.criteria[0].id, Some(6)),
            Err(AnswerError::RatingOutOfRange)
        );

        answer.customers[1].name = "Beta".into();
        answer.customers[2].name = "Gamma".into();
        for c in survey.criteria.iter().skip(1) {
            answer.rate(2, c.id, Some(5)).unwrap();
        }
        assert_eq!(
            answer.problems(&survey),
            vec![AnswerError::RatingMissing {
                customer: "Gamma".into(),
                criterion: survey.criteria[0].name.clone()
            }]
        );
        answer.rate(2, survey.criteria[0].id, Some(2)).unwrap();
        assert!(answer.is_complete(&survey));
    }

    #[test]
    fn customer_names_match_ignoring_case_and_spacing() {
        assert_eq!(
            same_customer_key("  Acme   Sp. z o.o. "),
            same_customer_key("acme sp. Z O.O.")
        );
    }
}
