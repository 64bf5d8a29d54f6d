//! The marketing and training brief, "Who we sell to": one page that joins
//! the derived Ideal Customer Profile with its reasoning, the scoring
//! model's criteria and weights, the reps' reasons why the best customers
//! are great, tier A customers as examples and the prospects that score
//! best. Seed 000 writes profiles to train new hires; seed 003 ends with
//! marketing personalising its communications: this is what both read.
//!
//! The page and the text copied for an e-mail are drawn from the same
//! [`Brief`], so they never say different things.

use super::currency::Basis;
use super::decimal::grouped;
use super::icp::{self, ChartValues};
use super::profile::Status;
use super::scoring::{Direction, Ranked, Tier, rank};
use super::sorting::sort_with;
use super::survey::results::results;
use super::{WorksheetId, Workspace};
use crate::t;
use rust_decimal::Decimal;

/// How many examples of tier A customers, and of prospects, a brief names.
pub const EXAMPLES: usize = 5;

/// What the reader chose for the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BriefChoices {
    /// The worksheet whose ideal profile it shows (`None`: the newest).
    pub worksheet: Option<WorksheetId>,
    /// Whether customers and prospects are left unnamed, for readers
    /// outside the sales team.
    pub anonymise: bool,
}

/// One part of the brief: a heading, a sentence on where it comes from,
/// and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefSection {
    /// The heading.
    pub title: &'static str,
    /// Where the lines come from, or why there are none.
    pub intro: String,
    /// The lines, each one fact.
    pub lines: Vec<String>,
}

impl BriefSection {
    /// A section with nothing to list yet, and `why`.
    fn without_lines(title: &'static str, why: &str) -> Self {
        Self {
            title,
            intro: why.to_owned(),
            lines: Vec::new(),
        }
    }
}

/// The brief, section by section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    /// The workspace's name.
    pub workspace: String,
    /// The sections, in reading order.
    pub sections: Vec<BriefSection>,
}

impl Brief {
    /// The brief as plain text, for an e-mail: the title, then each
    /// section's heading, its sentence and its lines as a list.
    pub fn to_text(&self) -> String {
        let mut text = format!("{}\n", t!(icp_brief_text_title, workspace = self.workspace));
        for section in &self.sections {
            text.push_str(&format!("\n{}\n{}\n", section.title, section.intro));
            for line in &section.lines {
                text.push_str(&format!("- {line}\n"));
            }
        }
        text
    }
}

/// The brief of `workspace` as chosen, with money in the reporting
/// currency on `basis`.
pub fn brief(workspace: &Workspace, choices: BriefChoices, basis: &Basis) -> Brief {
    Brief {
        workspace: workspace.name.clone(),
        sections: vec![
            ideal_customer(workspace, choices.worksheet, basis),
            scoring(workspace),
            reasons(workspace, choices.anonymise),
            examples(workspace, choices.anonymise, basis),
        ],
    }
}

/// The worksheet a brief shows: the one chosen, if it still exists, or the
/// newest.
pub fn worksheet_shown(workspace: &Workspace, chosen: Option<WorksheetId>) -> Option<WorksheetId> {
    chosen
        .filter(|id| workspace.worksheet(*id).is_some())
        .or_else(|| workspace.worksheets.last().map(|s| s.id))
}

fn ideal_customer(
    workspace: &Workspace,
    chosen: Option<WorksheetId>,
    basis: &Basis,
) -> BriefSection {
    let title = t!(icp_brief_ideal_title);
    let Some(sheet) = worksheet_shown(workspace, chosen).and_then(|id| workspace.worksheet(id))
    else {
        return BriefSection::without_lines(title, t!(icp_brief_ideal_none));
    };
    let columns: Vec<ChartValues> = sheet
        .column_views(&workspace.profiles, basis)
        .into_iter()
        .map(|c| c.values)
        .collect();
    let ideal = icp::derive(&columns);
    BriefSection {
        title,
        intro: t!(
            icp_brief_ideal_intro,
            worksheet = sheet.name,
            count = ideal.columns
        ),
        lines: icp::reasoning(&ideal)
            .into_iter()
            .map(|(row, text)| format!("{}: {text}", row.shown()))
            .collect(),
    }
}

fn scoring(workspace: &Workspace) -> BriefSection {
    let title = t!(icp_brief_scoring_title);
    let Some(model) = workspace.model() else {
        return BriefSection::without_lines(title, t!(icp_brief_scoring_none));
    };
    // As the score counts them: a criterion without weight, or with a
    // direction this version does not know, is left out.
    let mut criteria: Vec<_> = model
        .criteria
        .iter()
        .filter(|c| c.weight > Decimal::ZERO && !matches!(c.direction, Direction::Unlisted(_)))
        .collect();
    let total: Decimal = criteria.iter().map(|c| c.weight).sum();
    sort_with(&mut criteria, |a, b| b.weight.cmp(&a.weight));
    let tiers = &model.tiers;
    BriefSection {
        title,
        intro: t!(
            icp_brief_scoring_intro,
            model = model.name,
            a = grouped(tiers.a),
            b = grouped(tiers.b),
            c = grouped(tiers.c)
        ),
        lines: criteria
            .into_iter()
            .map(|c| {
                let share = (c.weight * Decimal::from(100) / total).round();
                let mut line = if c.direction == Direction::TakesAway {
                    t!(icp_brief_criterion_worse, criterion = c.name, share = share)
                } else {
                    t!(
                        icp_brief_criterion_better,
                        criterion = c.name,
                        share = share
                    )
                };
                if !c.description.trim().is_empty() {
                    line.push_str(&format!(". {}", c.description.trim()));
                }
                line
            })
            .collect(),
    }
}

fn reasons(workspace: &Workspace, anonymise: bool) -> BriefSection {
    let title = t!(icp_brief_reasons_title);
    // The newest survey whose reps said why.
    let found = workspace.surveys.iter().rev().find_map(|survey| {
        let customers = results(survey, &workspace.answers_to(survey.id)).customers;
        customers
            .iter()
            .any(|c| !c.reasons.is_empty())
            .then_some((survey, customers))
    });
    let Some((survey, customers)) = found else {
        return BriefSection::without_lines(title, t!(icp_brief_reasons_none));
    };
    let mut lines = Vec::new();
    for (n, customer) in customers
        .iter()
        .filter(|c| !c.reasons.is_empty())
        .enumerate()
    {
        let name = if anonymise {
            t!(icp_brief_best_customer_n, n = n + 1)
        } else {
            customer.name.clone()
        };
        for (rep, words) in &customer.reasons {
            let words = words.trim();
            lines.push(if anonymise {
                t!(icp_brief_reason, customer = name, words = words)
            } else {
                t!(
                    icp_brief_reason_by,
                    customer = name,
                    words = words,
                    rep = rep
                )
            });
        }
    }
    BriefSection {
        title,
        intro: t!(icp_brief_reasons_intro, survey = survey.title),
        lines,
    }
}

fn examples(workspace: &Workspace, anonymise: bool, basis: &Basis) -> BriefSection {
    let title = t!(icp_brief_examples_title);
    let Some(model) = workspace.model() else {
        return BriefSection::without_lines(title, t!(icp_brief_examples_none));
    };
    let ranked = rank(model, &workspace.profiles, basis);
    let industry = |id| {
        workspace
            .profile(id)
            .map(|p| p.industry.trim().to_owned())
            .filter(|i| !i.is_empty())
    };
    let line = |status: Status, n: usize, r: &Ranked| {
        let name = match (anonymise, status) {
            (false, _) => r.name.clone(),
            (true, Status::Prospect) => t!(icp_brief_prospect_n, n = n + 1),
            (true, _) => t!(icp_brief_customer_n, n = n + 1),
        };
        let score = r.score().map(grouped).unwrap_or_default();
        let tier = r.tier().map(|t| t.letter()).unwrap_or_default();
        match industry(r.profile) {
            Some(industry) => t!(
                icp_brief_example_in,
                name = name,
                score = score,
                tier = tier,
                industry = industry
            ),
            None => t!(icp_brief_example, name = name, score = score, tier = tier),
        }
    };
    let tier_a = ranked
        .iter()
        .filter(|r| r.status == Status::Customer && r.tier() == Some(Tier::A));
    let mut lines: Vec<String> = tier_a
        .take(EXAMPLES)
        .enumerate()
        .map(|(n, r)| line(Status::Customer, n, r))
        .collect();
    let customers = lines.len();
    let prospects = ranked
        .iter()
        .filter(|r| r.status == Status::Prospect && r.score().is_some());
    lines.extend(
        prospects
            .take(EXAMPLES)
            .enumerate()
            .map(|(n, r)| line(Status::Prospect, n, r)),
    );
    BriefSection {
        title,
        intro: t!(
            icp_brief_examples_intro,
            model = model.name,
            customers = customers,
            prospects = lines.len() - customers
        ),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::icp::Worksheet;
    use crate::domain::scoring::Answer;
    use crate::domain::scoring::test_support::{model, rating};
    use crate::domain::{Date, Timestamp};

    /// Two customers and two prospects, rated on a model of two criteria
    /// weighted 3 and 1 (a rating of r gives (r - 1) × 25 points; "more is
    /// worse" earns 100 minus them):
    /// - Acme, customer, Retail: fit 5, customisation 1: (3 × 100 + 100) / 4 = 100, tier A;
    /// - Borealis, customer, Retail: fit 3, customisation 3: 50, tier B;
    /// - Cobalt, prospect, Logistics: fit 4, customisation 2: (3 × 75 + 75) / 4 = 75, tier A;
    /// - Delta, prospect, not rated: no score.
    fn workspace() -> (Workspace, Basis) {
        let at = Timestamp::from_millis(0);
        let mut ws = Workspace::new(at);
        ws.name = "Acme sales".into();
        let mut fit = rating("Fit", 3, Direction::AddsValue);
        fit.description = "How well they fit what we sell.".into();
        let custom = rating("Customization needed", 1, Direction::TakesAway);
        let ids = (fit.id, custom.id);
        ws.add_model(model(vec![fit, custom]));
        let mut add = |name: &str, status, industry: &str, answers: Option<(u8, u8)>| {
            let id = ws.add_profile(name, at).unwrap();
            let p = ws.profile_mut(id).unwrap();
            p.status = status;
            p.industry = industry.into();
            if let Some((f, c)) = answers {
                p.answers.insert(ids.0, Answer::Rating(f));
                p.answers.insert(ids.1, Answer::Rating(c));
            }
            id
        };
        let acme = add("Acme", Status::Customer, "Retail", Some((5, 1)));
        let borealis = add("Borealis", Status::Customer, "Retail", Some((3, 3)));
        add("Cobalt", Status::Prospect, "Logistics", Some((4, 2)));
        add("Delta", Status::Prospect, "", None);
        let basis = Basis::of(&ws, Date::new(2026, 12, 7).unwrap());
        let mut sheet = Worksheet::new("Top customers".into(), at);
        sheet.columns.truncate(2);
        for (i, id) in [acme, borealis].into_iter().enumerate() {
            let column = sheet.columns[i].id;
            sheet.link(column, ws.profile(id).unwrap(), &basis);
        }
        ws.worksheets.push(sheet);
        (ws, basis)
    }

    fn section<'a>(brief: &'a Brief, title: &str) -> &'a BriefSection {
        brief.sections.iter().find(|s| s.title == title).unwrap()
    }

    #[test]
    fn tier_a_customers_and_the_best_scored_prospects_are_the_examples() {
        let (ws, basis) = workspace();
        let brief = brief(&ws, BriefChoices::default(), &basis);
        let examples = section(
            &brief,
            "Examples: customers in tier A, and the prospects that score best",
        );
        assert_eq!(
            examples.lines,
            [
                "Acme: score 100, tier A, Retail",
                "Cobalt: score 75, tier A, Logistics"
            ]
        );
        assert!(examples.intro.contains("customers in tier A (1)"));
        assert!(examples.intro.contains("highest scores (1)"));
    }

    #[test]
    fn criteria_show_their_share_of_the_score_heaviest_first() {
        let (ws, basis) = workspace();
        let brief = brief(&ws, BriefChoices::default(), &basis);
        let scoring = section(&brief, "How we score customers and prospects");
        assert_eq!(
            scoring.lines,
            [
                "Fit: 75% (more is better). How well they fit what we sell.",
                "Customization needed: 25% (more is worse)"
            ]
        );
        assert!(
            scoring
                .intro
                .contains("tier A from 75, B from 50, C from 25")
        );
    }

    #[test]
    fn the_ideal_customer_comes_from_the_newest_worksheet_with_its_reasoning() {
        let (ws, basis) = workspace();
        let brief = brief(&ws, BriefChoices::default(), &basis);
        let ideal = section(&brief, "Our ideal customer");
        assert!(ideal.intro.contains("“Top customers”, which charts 2"));
        assert!(
            ideal
                .lines
                .contains(&"Industry: Retail: 2 of 2 answers (2 of 2 known)".to_owned()),
            "{:?}",
            ideal.lines
        );
    }

    #[test]
    fn an_anonymised_brief_names_no_customer_or_prospect() {
        let (ws, basis) = workspace();
        let choices = BriefChoices {
            anonymise: true,
            ..BriefChoices::default()
        };
        let text = brief(&ws, choices, &basis).to_text();
        for name in ["Acme:", "Borealis", "Cobalt", "Delta"] {
            assert!(!text.contains(name), "{name} in {text}");
        }
        assert!(text.contains("- Customer 1: score 100, tier A, Retail\n"));
        assert!(text.contains("- Prospect 1: score 75, tier A, Logistics\n"));
        assert!(text.starts_with("Who we sell to: Acme sales\n"));
    }

    #[test]
    fn a_polish_brief_says_everything_in_polish_but_the_teams_own_words() {
        use crate::i18n::{Language, set_language};
        let (ws, basis) = workspace();
        let choices = BriefChoices {
            anonymise: true,
            ..BriefChoices::default()
        };
        set_language(Language::Polish);
        let text = brief(&ws, choices, &basis).to_text();
        set_language(Language::English);
        assert!(text.starts_with("Komu sprzedajemy: Acme sales\n"), "{text}");
        for line in [
            "\nNasz idealny klient\nWyznaczony na podstawie arkusza „Top customers”, który obejmuje 2 z naszych najlepszych klientów.\n",
            "- Branża: Retail: 2 z 2 odpowiedzi (znane: 2 z 2)\n",
            "- Fit: 75% (im więcej, tym lepiej). How well they fit what we sell.\n",
            "- Customization needed: 25% (im więcej, tym gorzej)\n",
            "- Klient 1: wynik 100, klasa A, Retail\n",
            "- Potencjalny klient 1: wynik 75, klasa A, Logistics\n",
        ] {
            assert!(text.contains(line), "{line:?} is not in {text}");
        }
    }

    #[test]
    fn the_reps_reasons_come_from_the_newest_survey_that_has_some() {
        use crate::domain::WorkspaceId;
        use crate::domain::scoring::default_model;
        use crate::domain::survey::{Survey, SurveyAnswer};
        let (mut ws, basis) = workspace();
        let at = Timestamp::from_millis(0);
        let model = default_model(at);
        // Round 2, where reps name and rate their best customers.
        let round_two = |title: &str| {
            let one = Survey::round_one(title.into(), "Anna".into(), ws.id, Some(&model), &[], at);
            let top: Vec<_> = one.criteria.iter().take(5).map(|c| c.id).collect();
            one.round_two(&top, "", at)
        };
        let (older, newer) = (round_two("Q3"), round_two("Q4"));
        let mut said = SurveyAnswer::new(&older, "Ben".into(), WorkspaceId::new());
        said.customers[0].name = "Acme".into();
        said.customers[0].why = " Pays on time and refers us. ".into();
        let silent = SurveyAnswer::new(&newer, "Cleo".into(), WorkspaceId::new());
        ws.add_survey(older);
        ws.add_survey(newer);
        ws.survey_answers.extend([said, silent]);

        let titled = |brief: &Brief| section(brief, "Why our best customers are great").clone();
        let named = titled(&brief(&ws, BriefChoices::default(), &basis));
        assert_eq!(
            named.intro,
            "In the reps' own words, from the survey “Q3: your best customers”."
        );
        assert_eq!(named.lines, ["Acme: “Pays on time and refers us.” (Ben)"]);
        let choices = BriefChoices {
            anonymise: true,
            ..BriefChoices::default()
        };
        let anonymous = titled(&brief(&ws, choices, &basis));
        assert_eq!(
            anonymous.lines,
            ["Best customer 1: “Pays on time and refers us.”"]
        );
    }

    #[test]
    fn the_worksheet_chosen_is_shown_until_it_is_deleted_then_the_newest() {
        let (mut ws, _) = workspace();
        let first = ws.worksheets[0].id;
        let newest = Worksheet::new("2027".into(), Timestamp::from_millis(0));
        let newest_id = newest.id;
        ws.worksheets.push(newest);
        assert_eq!(worksheet_shown(&ws, None), Some(newest_id));
        assert_eq!(worksheet_shown(&ws, Some(first)), Some(first));
        ws.worksheets.remove(0);
        assert_eq!(worksheet_shown(&ws, Some(first)), Some(newest_id));
    }

    #[test]
    fn a_new_workspace_says_what_to_do_for_each_part() {
        let ws = Workspace::new(Timestamp::from_millis(0));
        let basis = Basis::of(&ws, Date::new(2026, 12, 7).unwrap());
        let brief = brief(&ws, BriefChoices::default(), &basis);
        assert_eq!(brief.sections.len(), 4);
        assert!(brief.sections.iter().all(|s| s.lines.is_empty()));
        assert!(
            brief.sections[0]
                .intro
                .starts_with("No Ideal Customer Profile worksheet yet")
        );
    }
}
