//! Round 1: votes per criterion, and the top five, with any tie for the
//! last places left to the coordinator.

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
    /// Where the votes put the line for the top `n`: the criteria above it,
    /// and those tied on it when there are more of them than places left.
    /// Only criteria with at least one vote are ever in the top.
    pub fn cut(&self, n: usize) -> TopCut {
        let voted: Vec<&TallyRow> = self.rows.iter().filter(|r| r.votes > 0).collect();
        let ids = |keep: &dyn Fn(usize, &TallyRow) -> bool| -> Vec<CriterionId> {
            let kept = voted.iter().enumerate().filter(|(i, r)| keep(*i, r));
            kept.map(|(_, r)| r.criterion.id).collect()
        };
        // Rows are sorted, most votes first: the row after the last place
        // tells whether the last place is shared with one left out.
        match (n.checked_sub(1).and_then(|i| voted.get(i)), voted.get(n)) {
            (Some(last), Some(next)) if next.votes == last.votes => {
                let sure = ids(&|_, r| r.votes > last.votes);
                TopCut {
                    places: n - sure.len(),
                    sure,
                    tied: ids(&|_, r| r.votes == last.votes),
                }
            }
            _ => TopCut {
                sure: ids(&|i, _| i < n),
                tied: Vec::new(),
                places: 0,
            },
        }
    }
}

/// The top criteria as the votes decide them, and the tie the coordinator
/// settles when the last places are shared by more criteria than fit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopCut {
    /// In the top on their votes alone, most votes first.
    pub sure: Vec<CriterionId>,
    /// Tied for the last places (empty without a tie), in the tally's
    /// order.
    pub tied: Vec<CriterionId>,
    /// How many of the tied criteria go in.
    pub places: usize,
}

impl TopCut {
    /// Whether the coordinator has to choose among tied criteria.
    pub fn is_tied(&self) -> bool {
        !self.tied.is_empty()
    }

    /// The top criteria with `chosen` settling the tie: `None` until
    /// exactly as many tied criteria are chosen as there are places. Ids in
    /// `chosen` that are not tied are ignored.
    pub fn settled(&self, chosen: &[CriterionId]) -> Option<Vec<CriterionId>> {
        let picked = self.tied.iter().filter(|id| chosen.contains(id));
        if picked.clone().count() != self.places {
            return None;
        }
        Some(self.sure.iter().chain(picked).copied().collect())
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
    fn votes_are_counted_and_a_tie_for_the_last_places_is_left_to_the_coordinator() {
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
        // Spend and Ease are in; four criteria with 2 votes share the last
        // three places.
        let id = |i: usize| s.criteria[i].id;
        let cut = t.cut(5);
        assert!(cut.is_tied());
        assert_eq!(cut.sure, [id(0), id(4)]);
        assert_eq!(cut.tied, [id(1), id(2), id(3), id(5)]);
        assert_eq!(cut.places, 3);
        // Not settled until exactly three of the four are chosen.
        assert_eq!(cut.settled(&[]), None);
        assert_eq!(cut.settled(&[id(5), id(1)]), None);
        assert_eq!(cut.settled(&[id(1), id(2), id(3), id(5)]), None);
        assert_eq!(
            cut.settled(&[id(5), id(1), id(3), id(6)]),
            Some(vec![id(0), id(4), id(1), id(3), id(5)]),
            "the chosen in the tally's order; Industry is not tied, so ignored"
        );
    }

    #[test]
    fn without_a_tie_on_the_line_the_top_is_decided_by_the_votes() {
        let s = survey();
        let id = |i: usize| s.criteria[i].id;
        // 3, 2, 2, 1, 1 votes and then 0: equal votes inside the top five
        // are no tie to settle.
        let answers = vec![
            answer(&s, WorkspaceId::new(), &[0, 1, 2, 3, 4]),
            answer(&s, WorkspaceId::new(), &[0, 1, 2]),
            answer(&s, WorkspaceId::new(), &[0]),
        ];
        let cut = tally(&s, &answers).cut(5);
        assert!(!cut.is_tied());
        assert_eq!(cut.sure, [0, 1, 2, 3, 4].map(id));
        assert_eq!(
            cut.settled(&[id(6)]),
            Some([0, 1, 2, 3, 4].map(id).to_vec())
        );
        // Fewer voted criteria than places: those with votes only.
        let cut = tally(&s, &[answer(&s, WorkspaceId::new(), &[6, 2])]).cut(5);
        assert!(!cut.is_tied());
        assert_eq!(cut.sure, [id(2), id(6)]);
    }

    #[test]
    fn answers_imported_twice_or_corrected_are_counted_once() {
        let s = survey();
        let rep = WorkspaceId::new();
        let first = answer(&s, rep, &[0]);
        let corrected = answer(&s, rep, &[1]);
        let t = tally(&s, &[first.clone(), first, corrected]);
        assert_eq!(t.answers, 1);
        assert_eq!(t.cut(5).sure, [s.criteria[1].id]);
    }

    #[test]
    fn answers_to_another_survey_are_ignored() {
        let s = survey();
        let other = survey();
        let t = tally(&s, &[answer(&other, WorkspaceId::new(), &[0])]);
        assert_eq!(t.answers, 0);
        assert!(t.cut(5).sure.is_empty());
    }
}
