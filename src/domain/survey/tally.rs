//! Round 1: votes per criterion, and the top five.

use super::{Survey, SurveyAnswer, SurveyCriterion};
use crate::domain::id::CriterionId;
use crate::domain::sorting::sort_by_key_with;

/// One criterion's votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyRow {
    /// The criterion.
    pub criterion: SurveyCriterion,
    /// How many reps voted for it.
    pub votes: usize,
}

/// The votes of every rep who answered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    /// Every criterion of the survey, most votes first; ties keep the
    /// survey's order.
    pub rows: Vec<TallyRow>,
    /// How many answers were counted.
    pub answers: usize,
}

impl Tally {
    /// The ids of the first `n` criteria that got at least one vote.
    pub fn top(&self, n: usize) -> Vec<CriterionId> {
        self.rows
            .iter()
            .filter(|r| r.votes > 0)
            .take(n)
            .map(|r| r.criterion.id)
            .collect()
    }
}

/// The answers to `survey` that count: one per rep (per workspace), the
/// last one in `answers` winning, so a rep who sends a corrected answer is
/// not counted twice.
pub fn counted<'a>(survey: &Survey, answers: &'a [SurveyAnswer]) -> Vec<&'a SurveyAnswer> {
    let mut counted: Vec<&SurveyAnswer> = Vec::new();
    for answer in answers.iter().filter(|a| a.survey_id == survey.id) {
        match counted
            .iter()
            .position(|a| a.respondent_workspace == answer.respondent_workspace)
        {
            Some(at) => counted[at] = answer,
            None => counted.push(answer),
        }
    }
    counted
}

/// Counts the round-1 votes for `survey`; votes for criteria it does not
/// list are ignored.
pub fn tally(survey: &Survey, answers: &[SurveyAnswer]) -> Tally {
    let counted = counted(survey, answers);
    let mut rows: Vec<TallyRow> = survey
        .criteria
        .iter()
        .map(|c| TallyRow {
            criterion: c.clone(),
            votes: counted.iter().filter(|a| a.votes.contains(&c.id)).count(),
        })
        .collect();
    // A stable sort keeps the survey's order among equal counts.
    sort_by_key_with(&mut rows, |r| std::cmp::Reverse(r.votes));
    Tally {
        rows,
        answers: counted.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::WorkspaceId;
    use crate::domain::survey::tests::now;

    fn survey() -> Survey {
        let names: Vec<String> = [
            "Spend",
            "Cost to win",
            "Frequency",
            "Breadth",
            "Ease",
            "Customization",
            "Industry",
        ]
        .map(str::to_owned)
        .to_vec();
        Survey::round_one(
            "Q4".into(),
            "Anna".into(),
            WorkspaceId::new(),
            None,
            &names,
            now(),
        )
    }

    fn answer(survey: &Survey, rep: WorkspaceId, votes: &[usize]) -> SurveyAnswer {
        let mut a = SurveyAnswer::new(survey, "rep".into(), rep);
        for i in votes {
            a.toggle_vote(survey, survey.criteria[*i].id).unwrap();
        }
        a
    }

    #[test]
    fn votes_are_counted_and_the_top_five_keeps_the_survey_order_on_ties() {
        let s = survey();
        let answers = vec![
            answer(&s, WorkspaceId::new(), &[0, 1, 2, 3, 4]),
            answer(&s, WorkspaceId::new(), &[0, 2, 4, 5, 6]),
            answer(&s, WorkspaceId::new(), &[4, 5, 0, 1, 3]),
        ];
        let t = tally(&s, &answers);
        assert_eq!(t.answers, 3);
        let names: Vec<(&str, usize)> = t
            .rows
            .iter()
            .map(|r| (r.criterion.name.as_str(), r.votes))
            .collect();
        assert_eq!(
            names,
            [
                ("Spend", 3),
                ("Ease", 3),
                ("Cost to win", 2),
                ("Frequency", 2),
                ("Breadth", 2),
                ("Customization", 2),
                ("Industry", 1)
            ]
        );
        let top: Vec<_> = t.top(5);
        assert_eq!(top, [0, 4, 1, 2, 3].map(|i| s.criteria[i].id));
    }

    #[test]
    fn answers_imported_twice_or_corrected_are_counted_once() {
        let s = survey();
        let rep = WorkspaceId::new();
        let first = answer(&s, rep, &[0]);
        let corrected = answer(&s, rep, &[1]);
        let t = tally(&s, &[first.clone(), first, corrected]);
        assert_eq!(t.answers, 1);
        assert_eq!(t.top(5), [s.criteria[1].id]);
    }

    #[test]
    fn answers_to_another_survey_are_ignored() {
        let s = survey();
        let other = survey();
        let t = tally(&s, &[answer(&other, WorkspaceId::new(), &[0])]);
        assert_eq!(t.answers, 0);
        assert!(t.top(5).is_empty());
    }
}
