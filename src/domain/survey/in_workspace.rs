//! Surveys and answers kept in a workspace.

use super::{Survey, SurveyAnswer};
use crate::domain::Workspace;
use crate::domain::id::{CriterionId, SurveyId};
use crate::domain::input::{InputError, parse_short_text};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::scoring::{CriterionKind, Direction};

impl Workspace {
    /// The survey with `id`.
    pub fn survey(&self, id: SurveyId) -> Option<&Survey> {
        self.surveys.iter().find(|s| s.id == id)
    }

    /// The round 2 already started from survey `id`, if any: a round has
    /// one follow-up, so that reps' ratings are never split across two.
    pub fn round_two_of(&self, id: SurveyId) -> Option<&Survey> {
        self.surveys.iter().find(|s| s.follows == Some(id))
    }

    /// The round-1 votes behind round-2 survey `id`, when its round 1 is
    /// here.
    pub fn votes_behind(&self, id: SurveyId) -> Option<super::tally::Tally> {
        let round_one = self.survey(self.survey(id)?.follows?)?;
        Some(super::tally::tally(
            round_one,
            &self.answers_to(round_one.id),
        ))
    }

    /// Whether the coordinator may give criterion `criterion` of survey
    /// `id` a kind: one of their own (not the active model's, whose kind
    /// is the model's), while round 2 has not started.
    pub fn kind_is_open(&self, id: SurveyId, criterion: CriterionId) -> bool {
        let in_model = self
            .model()
            .is_some_and(|m| m.criteria.iter().any(|c| c.id == criterion));
        !in_model && self.round_two_of(id).is_none()
    }

    /// Gives criterion `criterion` of round-1 survey `id` the kind
    /// `choice` of [`super::asked::kind_choices`] and `direction`, when
    /// [`Self::kind_is_open`] (round 2 asks in the kind its criteria had
    /// when it started). Returns whether it changed.
    pub fn set_criterion_kind(
        &mut self,
        id: SurveyId,
        criterion: CriterionId,
        choice: &str,
        direction: Direction,
    ) -> bool {
        let Some(kind) = super::asked::kind_of_choice(choice) else {
            return false;
        };
        let Some(c) = self.open_criterion(id, criterion) else {
            return false;
        };
        // The same kind keeps what was given for it (a rating's meanings).
        if super::asked::choice_of(c) != choice {
            c.kind = Some(kind);
        }
        c.direction = direction;
        true
    }

    /// Sets what rating `point` means (0: what 1 means, 1: 3, 2: 5) for
    /// criterion `criterion` of round-1 survey `id`, a rating of the
    /// coordinator's own while [`Self::kind_is_open`]; blank text gives back
    /// the default meaning. Returns whether it changed; refuses text longer
    /// than a name.
    pub fn set_criterion_meaning(
        &mut self,
        id: SurveyId,
        criterion: CriterionId,
        point: usize,
        typed: &str,
    ) -> Result<bool, InputError> {
        let text = parse_short_text(typed, MAX_NAME_CHARS)?;
        let Some(c) = self.open_criterion(id, criterion) else {
            return Ok(false);
        };
        // Without a kind a criterion is a rating with the default meanings.
        let kind = c
            .kind
            .get_or_insert_with(|| super::asked::kind_of_choice("rating").expect("a choice"));
        let meaning = match kind {
            CriterionKind::Rating { meanings, .. } => meanings.get_mut(point),
            _ => None,
        };
        Ok(meaning.is_some_and(|m| {
            *m = text;
            true
        }))
    }

    /// Criterion `criterion` of survey `id`, when [`Self::kind_is_open`].
    fn open_criterion(
        &mut self,
        id: SurveyId,
        criterion: CriterionId,
    ) -> Option<&mut super::SurveyCriterion> {
        if !self.kind_is_open(id, criterion) {
            return None;
        }
        let survey = self.surveys.iter_mut().find(|s| s.id == id)?;
        survey.criteria.iter_mut().find(|c| c.id == criterion)
    }

    /// Adds a survey made here and returns its id.
    pub fn add_survey(&mut self, survey: Survey) -> SurveyId {
        let id = survey.id;
        self.surveys.push(survey);
        id
    }

    /// Removes survey `id` and every answer to it.
    pub fn remove_survey(&mut self, id: SurveyId) {
        self.surveys.retain(|s| s.id != id);
        self.survey_answers.retain(|a| a.survey_id != id);
    }

    /// This workspace's own answer to survey `id`, if started.
    pub fn own_answer(&self, id: SurveyId) -> Option<&SurveyAnswer> {
        self.survey_answers
            .iter()
            .find(|a| a.survey_id == id && a.respondent_workspace == self.id)
    }

    /// This workspace's own answer to survey `id`, started if need be.
    pub fn own_answer_mut(&mut self, id: SurveyId) -> Option<&mut SurveyAnswer> {
        let survey = self.survey(id)?.clone();
        let me = self.id;
        let at = match self
            .survey_answers
            .iter()
            .position(|a| a.survey_id == id && a.respondent_workspace == me)
        {
            Some(at) => at,
            None => {
                self.survey_answers
                    .push(SurveyAnswer::new(&survey, String::new(), me));
                self.survey_answers.len() - 1
            }
        };
        self.survey_answers.get_mut(at)
    }

    /// Every answer to survey `id` held here, own and imported.
    pub fn answers_to(&self, id: SurveyId) -> Vec<SurveyAnswer> {
        self.survey_answers
            .iter()
            .filter(|a| a.survey_id == id)
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::tests::now;

    #[test]
    fn a_round_knows_the_round_two_started_from_it() {
        let mut ws = Workspace::new(now());
        let first = Survey::round_one(
            "Q4".into(),
            "Anna".into(),
            ws.id,
            None,
            &["Spend".into(), "Loyalty".into()],
            now(),
        );
        let id = ws.add_survey(first.clone());
        assert!(ws.round_two_of(id).is_none());
        let top = [first.criteria[0].id];
        let next = ws.add_survey(first.round_two(&top, "", now()));
        assert_eq!(ws.round_two_of(id).map(|s| s.id), Some(next));
        assert!(ws.round_two_of(next).is_none());
    }

    #[test]
    fn the_own_answer_is_started_once_and_removed_with_its_survey() {
        let mut ws = Workspace::new(now());
        let id = ws.add_survey(Survey::round_one(
            "Q4".into(),
            "Anna".into(),
            ws.id,
            None,
            &["Spend".into()],
            now(),
        ));
        assert!(ws.own_answer(id).is_none());
        ws.own_answer_mut(id).unwrap().respondent = "Anna".into();
        ws.own_answer_mut(id).unwrap();
        assert_eq!(ws.answers_to(id).len(), 1);
        assert_eq!(ws.own_answer(id).unwrap().respondent, "Anna");
        ws.remove_survey(id);
        assert!(ws.survey_answers.is_empty() && ws.surveys.is_empty());
    }
}
