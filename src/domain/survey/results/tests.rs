use super::*;
use crate::domain::id::{CriterionId, SurveyId, WorkspaceId};
use crate::domain::scoring::default_model;
use crate::domain::survey::tests::now;

/// Round 2 on the first five criteria of the default model.
fn round_two() -> (ScoringModel, Survey) {
    let model = default_model(now());
    let one = Survey::round_one(
        "Q4".into(),
        "Anna".into(),
        WorkspaceId::new(),
        Some(&model),
        &[],
        now(),
    );
    let top: Vec<_> = one.criteria.iter().take(5).map(|c| c.id).collect();
    let two = one.round_two(&top, "", now());
    (model, two)
}

/// A workspace with a round 1 of the coordinator's own `criteria` (no
/// model), its id, and the criteria's ids.
fn own_round_one(criteria: &[&str]) -> (crate::domain::Workspace, SurveyId, Vec<CriterionId>) {
    let mut ws = crate::domain::Workspace::new(now());
    let own: Vec<String> = criteria.iter().map(|c| (*c).to_owned()).collect();
    let one = Survey::round_one("Q4".into(), "Anna".into(), ws.id, None, &own, now());
    let ids = one.criteria.iter().map(|c| c.id).collect();
    let first = ws.add_survey(one);
    (ws, first, ids)
}

/// A rep's answer: customers with one rating for every criterion.
fn answer(survey: &Survey, rep: &str, customers: &[(&str, [u8; 5])]) -> SurveyAnswer {
    let mut a = SurveyAnswer::new(survey, rep.into(), WorkspaceId::new());
    for (i, (name, ratings)) in customers.iter().enumerate() {
        a.customers[i].name = (*name).into();
        for (c, r) in survey.criteria.iter().zip(ratings) {
            a.rate(i, c.id, Some(*r)).unwrap();
        }
    }
    a
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn each_criterion_gets_mean_spread_range_and_agreement() {
    let (_, s) = round_two();
    let answers = [
        answer(
            &s,
            "Ben",
            &[
                ("Acme", [5, 4, 3, 2, 1]),
                ("Beta", [5, 4, 3, 2, 1]),
                ("Gamma", [5, 2, 3, 2, 1]),
            ],
        ),
        answer(
            &s,
            "Cleo",
            &[
                ("Delta", [5, 4, 3, 2, 5]),
                ("Acme", [5, 4, 3, 2, 5]),
                ("Eta", [5, 4, 3, 2, 5]),
            ],
        ),
    ];
    let r = results(&s, &answers);
    assert_eq!(r.answers, 2);
    let first = &r.criteria[0];
    assert_eq!(
        (first.ratings, first.mean, first.spread, first.range),
        (6, d("5"), d("0"), Some((5, 5)))
    );
    assert_eq!(first.agreement, Agreement::High);
    let second = &r.criteria[1];
    assert_eq!((second.mean, second.spread), (d("3.67"), d("0.75")));
    assert_eq!(second.agreement, Agreement::Medium);
    let last = &r.criteria[4];
    assert_eq!(
        (last.mean, last.spread, last.agreement),
        (d("3"), d("2"), Agreement::Low)
    );
}

#[test]
fn the_same_customer_named_by_two_reps_is_one_row() {
    let (_, s) = round_two();
    let answers = [
        answer(
            &s,
            "Ben",
            &[
                ("Acme", [5, 5, 5, 5, 5]),
                ("Beta", [1, 1, 1, 1, 1]),
                ("Gamma", [3, 3, 3, 3, 3]),
            ],
        ),
        answer(
            &s,
            "Cleo",
            &[
                (" ACME ", [3, 3, 3, 3, 3]),
                ("Delta", [2, 2, 2, 2, 2]),
                ("Eta", [2, 2, 2, 2, 2]),
            ],
        ),
    ];
    let r = results(&s, &answers);
    assert_eq!(r.customers.len(), 5);
    let acme = &r.customers[0];
    assert_eq!(
        (acme.name.as_str(), acme.reps.clone()),
        ("Acme", vec!["Ben".to_owned(), "Cleo".to_owned()])
    );
    assert_eq!(acme.ratings[0], Some(d("4")));
    assert_eq!(acme.overall, Some(d("4")));
    assert_eq!(
        r.customers.last().unwrap().name,
        "Beta",
        "best overall first"
    );
}

#[test]
fn the_results_download_as_a_spreadsheet_a_row_per_criterion() {
    use crate::domain::csv::{CsvStyle, survey_results_csv};
    use crate::domain::scoring::Direction;
    let (mut ws, first, ids) = own_round_one(&["Ease", "Spend"]);
    ws.set_criterion_kind(first, ids[1], "number:yearly_spend", Direction::AddsValue);
    let two = ws.survey(first).unwrap().round_two(&ids, "PLN", now());
    let mut ben = SurveyAnswer::new(&two, "Ben".into(), WorkspaceId::new());
    for (i, (name, rating, spend)) in [("Acme", 5, "100"), ("Beta", 4, "200"), ("Gamma", 3, "600")]
        .into_iter()
        .enumerate()
    {
        ben.customers[i].name = name.into();
        ben.rate(i, two.criteria[0].id, Some(rating)).unwrap();
        ben.give(i, &two.criteria[1], spend).unwrap();
    }
    let r = results(&two, &[ben]);
    let weights = [(two.criteria[0].clone(), 60), (two.criteria[1].clone(), 40)];
    let text = survey_results_csv(&r, &weights, "PLN", CsvStyle::Semicolon);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Criterion;Weight;Ratings;Mean;Spread;Range;Agreement;What the best customers look like"
    );
    // By hand: 5, 4 and 3 have the mean 4 and the spread √(2 ÷ 3) = 0.82,
    // under 1.25: medium agreement. The amounts' median is 200.
    assert_eq!(lines[1], "Ease;60;3;4;0,82;3–5;Medium;");
    assert_eq!(
        lines[2],
        "Spend;40;;;;;;Median 200 PLN (100 to 600), 3 answers"
    );
    assert_eq!(lines.len(), 4, "a header, two criteria, and the end");
}

#[test]
fn what_makes_a_customer_great_is_gathered_in_each_reps_words() {
    let (_, s) = round_two();
    let mut ben = answer(
        &s,
        "Ben",
        &[
            ("Acme", [5, 5, 5, 5, 5]),
            ("Beta", [4, 4, 4, 4, 4]),
            ("Gamma", [3, 3, 3, 3, 3]),
        ],
    );
    ben.customers[0].why = "  Pays on time and refers us.\n".into();
    ben.customers[1].why = "   ".into();
    let mut cleo = answer(
        &s,
        "Cleo",
        &[
            ("acme", [5, 5, 5, 5, 5]),
            ("Delta", [2, 2, 2, 2, 2]),
            ("Eta", [2, 2, 2, 2, 2]),
        ],
    );
    cleo.customers[0].why = "Easy to work with".into();
    let r = results(&s, &[ben, cleo]);
    let reasons = |name: &str| {
        r.customers
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.reasons.clone())
            .unwrap()
    };
    let pair = |rep: &str, words: &str| (rep.to_owned(), words.to_owned());
    assert_eq!(
        reasons("Acme"),
        [
            pair("Ben", "Pays on time and refers us."),
            pair("Cleo", "Easy to work with")
        ]
    );
    assert!(reasons("Beta").is_empty(), "blank words are not a reason");
}

#[test]
fn an_outlier_rep_is_marked_only_with_three_reps_or_more() {
    let (_, s) = round_two();
    let same = [4, 4, 4, 4, 4];
    let odd = [1, 4, 4, 4, 4];
    let three = [("A", same), ("B", same), ("C", same)];
    let odd_three = [("A", odd), ("B", odd), ("C", odd)];
    let answers = vec![
        answer(&s, "Ben", &three),
        answer(&s, "Cleo", &three),
        answer(&s, "Dan", &odd_three),
    ];
    let r = results(&s, &answers);
    let marked: Vec<(&str, bool)> = r.criteria[0]
        .by_rep
        .iter()
        .map(|m| (m.respondent.as_str(), m.outlier))
        .collect();
    assert_eq!(marked, [("Ben", false), ("Cleo", false), ("Dan", true)]);
    assert!(r.criteria[1].by_rep.iter().all(|m| !m.outlier));

    let two = results(&s, &answers[1..]);
    assert!(
        two.criteria[0].by_rep.iter().all(|m| !m.outlier),
        "two reps: no outliers"
    );
}

/// A round-1 tally giving the criteria of `survey` these votes, in order.
fn votes(survey: &Survey, counts: &[usize]) -> Tally {
    Tally {
        rows: survey
            .criteria
            .iter()
            .zip(counts)
            .map(|(c, &votes)| crate::domain::survey::tally::TallyRow {
                criterion: c.clone(),
                votes,
            })
            .collect(),
        answers: 4,
    }
}

#[test]
fn weights_follow_the_round_one_votes_and_add_up_to_one_hundred() {
    let (model, s) = round_two();
    // Worked by hand: 4 + 3 + 3 + 2 + 1 = 13 votes; 100 × 4 ÷ 13 = 30.77,
    // 23.08, 23.08, 15.38, 7.69: 30 + 23 + 23 + 15 + 7 = 98, and the two
    // points left go to the largest remainders (.77 and .69).
    let tally = votes(&s, &[4, 3, 3, 2, 1]);
    let weighted = model_from_results(
        Some(&model),
        &s,
        &RoundTwoResults::default(),
        Some(&tally),
        now(),
    );
    assert_ne!(weighted.id, model.id);
    assert!(weighted.name.contains("From survey"));
    assert_eq!(
        weighted.criteria.len(),
        model.criteria.len(),
        "the base's criteria are kept"
    );
    let weights: Vec<Decimal> = weighted.criteria.iter().map(|c| c.weight).collect();
    assert_eq!(&weights[..5], &[d("31"), d("23"), d("23"), d("15"), d("8")]);
    assert!(weights[5..].iter().all(|w| w.is_zero()));
    assert_eq!(
        weighted.criteria[0].id, model.criteria[0].id,
        "ids kept, so ratings still count"
    );
    // How highly the best customers were rated does not move the weights.
    let listed: Vec<u32> = vote_weights(&s, Some(&tally))
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    assert_eq!(listed, [31, 23, 23, 15, 8]);
}

#[test]
fn without_the_round_one_votes_the_chosen_criteria_share_equally() {
    let (_, s) = round_two();
    let listed: Vec<u32> = vote_weights(&s, None).into_iter().map(|(_, w)| w).collect();
    assert_eq!(listed, [20, 20, 20, 20, 20]);
}

#[test]
fn criteria_the_base_lacks_are_added_as_ratings() {
    let one = Survey::round_one(
        "Q4".into(),
        "Anna".into(),
        WorkspaceId::new(),
        None,
        &["Ease".into(), "Spend".into()],
        now(),
    );
    let ids: Vec<_> = one.criteria.iter().map(|c| c.id).collect();
    let two = one.round_two(&ids, "", now());
    let model = model_from_results(None, &two, &RoundTwoResults::default(), None, now());
    assert_eq!(model.criteria.len(), 2);
    assert!(matches!(
        model.criteria[0].kind,
        CriterionKind::Rating { .. }
    ));
    assert_eq!(
        model.criteria[0].weight + model.criteria[1].weight,
        d("100")
    );
}

#[test]
fn round_two_asks_in_kind_and_the_model_gets_the_proposed_thresholds_values_and_direction() {
    use crate::domain::scoring::{CategoryField, Direction, Measure};
    use crate::domain::survey::asked::{Asked, Summary};
    let (mut ws, first, ids) = own_round_one(&["Yearly spend", "Industry", "Cost to win"]);
    assert!(ws.set_criterion_kind(first, ids[0], "number:yearly_spend", Direction::AddsValue));
    assert!(ws.set_criterion_kind(first, ids[1], "category:industry", Direction::AddsValue));
    assert!(ws.set_criterion_kind(first, ids[2], "number:cost_to_win", Direction::TakesAway));
    let two = ws.survey(first).unwrap().round_two(&ids, "PLN", now());
    ws.add_survey(two.clone());
    assert!(
        !ws.set_criterion_kind(first, ids[0], "yes_no", Direction::AddsValue),
        "kinds are fixed once round 2 has started"
    );

    // Two reps, three best customers each.
    let answers: Vec<SurveyAnswer> = [
        (
            "Ben",
            [
                ("Acme", "120 000", "Manufacturing", "8000"),
                ("Beta", "80000", "Retail", "12000"),
                ("Gamma", "200000", "manufacturing", "10000"),
            ],
        ),
        (
            "Cleo",
            [
                ("Delta", "95000", "Manufacturing", "9000"),
                ("Eta", "150000", "Logistics", "30000"),
                ("Zeta", "60000", "Retail", "11000"),
            ],
        ),
    ]
    .into_iter()
    .map(|(rep, customers)| {
        let mut a = SurveyAnswer::new(&two, rep.into(), WorkspaceId::new());
        for (i, (name, spend, industry, cost)) in customers.into_iter().enumerate() {
            a.customers[i].name = name.into();
            for (c, typed) in two.criteria.iter().zip([spend, industry, cost]) {
                a.give(i, c, typed).unwrap();
            }
        }
        assert!(a.is_complete(&two), "{:?}", a.problems(&two));
        a
    })
    .collect();
    let r = results(&two, &answers);
    // Spend: 60,000 80,000 95,000 120,000 150,000 200,000: median
    // (95,000 + 120,000) / 2 = 107,500.
    assert!(
        matches!(r.criteria[0].summary, Summary::Median { median, .. } if median == d("107500"))
    );
    // Cost to win: 8,000 9,000 10,000 11,000 12,000 30,000: median 10,500.
    assert!(
        matches!(r.criteria[2].summary, Summary::Median { median, .. } if median == d("10500"))
    );
    // Manufacturing 3 (Acme, Gamma, Delta), Retail 2, Logistics 1.
    assert_eq!(
        r.criteria[1]
            .summary
            .shown(Asked::Category(CategoryField::Industry), ""),
        "Manufacturing (3), Retail (2), Logistics (1) of 6"
    );
    // No ratings asked: no overall rating either.
    assert!(r.customers.iter().all(|c| c.overall.is_none()));
    // Each customer shows what its rep answered.
    let gamma = r.customers.iter().find(|c| c.name == "Gamma").unwrap();
    let cells: Vec<String> = two
        .criteria
        .iter()
        .zip(&gamma.answers)
        .map(|(c, summary)| summary.cell(c.asked(), "PLN"))
        .collect();
    assert_eq!(cells, ["200,000 PLN", "manufacturing", "10,000 PLN"]);

    let model = model_from_results(None, &two, &r, None, now());
    let spend = &model.criteria[0];
    let CriterionKind::Number {
        measure,
        thresholds,
        ..
    } = &spend.kind
    else {
        panic!("spend is a number: {:?}", spend.kind);
    };
    assert_eq!(*measure, Measure::YearlySpend);
    let steps: Vec<(Decimal, Decimal)> =
        thresholds.iter().map(|t| (t.at_least, t.points)).collect();
    assert_eq!(steps, [(d("107500"), d("100")), (d("53750"), d("50"))]);
    // Manufacturing 3 of 6, Retail 2 of 6 (at least a fifth), Logistics 1.
    let CriterionKind::Category { field, values, .. } = &model.criteria[1].kind else {
        panic!("industry is a category");
    };
    assert_eq!(
        (*field, values.clone()),
        (
            CategoryField::Industry,
            vec!["Manufacturing".to_owned(), "Retail".to_owned()]
        )
    );
    // Cost to win takes value away, from 1.5 and 2 times its median.
    let cost = &model.criteria[2];
    assert_eq!(cost.direction, Direction::TakesAway);
    let CriterionKind::Number { thresholds, .. } = &cost.kind else {
        panic!("cost to win is a number");
    };
    let steps: Vec<(Decimal, Decimal)> =
        thresholds.iter().map(|t| (t.at_least, t.points)).collect();
    assert_eq!(steps, [(d("21000"), d("100")), (d("15750"), d("50"))]);
}

#[test]
fn the_models_criteria_keep_the_models_kind_and_only_ones_own_get_a_kind() {
    use crate::domain::scoring::Direction;
    let mut ws = crate::domain::Workspace::new(now());
    ws.models.push(default_model(now()));
    ws.active_model = Some(ws.models[0].id);
    let one = Survey::round_one(
        "Q4".into(),
        "Anna".into(),
        ws.id,
        ws.model(),
        &["Industry".into()],
        now(),
    );
    let (from_model, own) = (one.criteria[0].id, one.criteria.last().unwrap().id);
    let first = ws.add_survey(one);
    assert!(!ws.kind_is_open(first, from_model));
    assert!(
        !ws.set_criterion_kind(first, from_model, "yes_no", Direction::AddsValue),
        "the model's kind stays"
    );
    assert!(ws.kind_is_open(first, own));
    assert!(ws.set_criterion_kind(first, own, "category:industry", Direction::AddsValue));
    assert_eq!(
        ws.set_criterion_meaning(first, own, 0, "Never"),
        Ok(false),
        "a category has no meanings"
    );
}

#[test]
fn the_coordinator_says_what_1_3_and_5_mean_for_a_rating_of_their_own() {
    use crate::domain::input::InputError;
    use crate::domain::scoring::Direction;
    let (mut ws, first, ids) = own_round_one(&["Ease of work"]);
    let own = ids[0];
    let meanings = |ws: &crate::domain::Workspace| {
        ws.survey(first).unwrap().criteria[0]
            .meanings()
            .map(str::to_owned)
    };
    assert_eq!(
        ws.set_criterion_meaning(first, own, 0, "  Every order a fight "),
        Ok(true)
    );
    assert_eq!(
        ws.set_criterion_meaning(first, own, 2, "They plan with us"),
        Ok(true)
    );
    assert_eq!(
        meanings(&ws),
        ["Every order a fight", "Average", "They plan with us"]
    );
    // Choosing the same kind again, or another effect, keeps them.
    assert!(ws.set_criterion_kind(first, own, "rating", Direction::TakesAway));
    assert_eq!(meanings(&ws)[0], "Every order a fight");
    // Blank gives back the default; too long is refused and keeps the old.
    assert_eq!(ws.set_criterion_meaning(first, own, 0, " "), Ok(true));
    assert_eq!(meanings(&ws)[0], "Poor");
    assert_eq!(
        ws.set_criterion_meaning(first, own, 2, &"x".repeat(121)),
        Err(InputError::TooLong {
            max: 120,
            chars: 121
        })
    );
    assert_eq!(meanings(&ws)[2], "They plan with us");
    // Round 2 asks with them, and then they are fixed.
    let two = ws.survey(first).unwrap().round_two(&[own], "", now());
    assert_eq!(
        two.criteria[0].meanings(),
        ["Poor", "Average", "They plan with us"]
    );
    ws.add_survey(two);
    assert_eq!(ws.set_criterion_meaning(first, own, 1, "Fine"), Ok(false));
    assert_eq!(meanings(&ws)[1], "Average");
}

#[test]
fn an_answer_in_kind_is_complete_only_when_every_criterion_is_answered_as_its_kind() {
    use crate::domain::scoring::Direction;
    let (mut ws, first, ids) = own_round_one(&["Spend", "Referred"]);
    ws.set_criterion_kind(first, ids[0], "number:yearly_spend", Direction::AddsValue);
    ws.set_criterion_kind(first, ids[1], "yes_no", Direction::AddsValue);
    let mut two = ws.survey(first).unwrap().round_two(&ids, "", now());
    two.customers = 1;
    let mut a = SurveyAnswer::new(&two, "Ben".into(), WorkspaceId::new());
    a.customers[0].name = "Acme".into();
    a.give(0, &two.criteria[1], "no").unwrap();
    assert_eq!(
        a.problems(&two),
        [crate::domain::survey::AnswerError::RatingMissing {
            customer: "Acme".into(),
            criterion: "Spend".into()
        }]
    );
    assert!(a.give(0, &two.criteria[0], "lots").is_err(), "refused");
    assert!(!a.is_complete(&two), "and nothing kept");
    // A value another build wrote that is not a number does not count.
    a.customers[0].values.insert(ids[0], "lots".into());
    assert!(!a.is_complete(&two));
    a.give(0, &two.criteria[0], "1.250.000").unwrap();
    assert_eq!(a.customers[0].values.get(&ids[0]).unwrap(), "1250000");
    assert!(a.is_complete(&two));
}

#[test]
fn the_square_root_is_exact_enough() {
    assert_eq!(sqrt(d("4")).round_dp(6), d("2"));
    assert_eq!(sqrt(d("2")).round_dp(6), d("1.414214"));
    assert_eq!(sqrt(d("0.25")).round_dp(6), d("0.5"));
    assert_eq!(sqrt(Decimal::ZERO), Decimal::ZERO);
}

#[test]
fn a_model_made_in_polish_is_named_in_polish_and_weighted_by_criterion_ids() {
    use crate::i18n::{Language, set_language};
    // The model and the survey made in English; the model made from them in
    // Polish: criteria are matched by id, never by name, so the weights
    // land all the same.
    let (model, s) = round_two();
    let tally = votes(&s, &[4, 3, 3, 2, 1]);
    set_language(Language::Polish);
    let weighted = model_from_results(
        Some(&model),
        &s,
        &RoundTwoResults::default(),
        Some(&tally),
        now(),
    );
    let fresh = model_from_results(
        None,
        &Survey {
            criteria: vec![SurveyCriterion {
                id: CriterionId::new(),
                name: "Ease of work".into(),
                description: String::new(),
                kind: None,
                direction: crate::domain::scoring::Direction::AddsValue,
                unknown_fields: Map::new(),
            }],
            ..s.clone()
        },
        &RoundTwoResults::default(),
        None,
        now(),
    );
    let shown = Agreement::Medium.shown();
    let rule = weights_rule();
    set_language(Language::English);
    assert_eq!(weighted.name, "Z ankiety: Q4: your best customers");
    let weights: Vec<Decimal> = weighted.criteria.iter().map(|c| c.weight).collect();
    assert_eq!(&weights[..5], &[d("31"), d("23"), d("23"), d("15"), d("8")]);
    assert_eq!(
        weighted.criteria[0].name, model.criteria[0].name,
        "names are the user's"
    );
    // A criterion without a kind becomes a rating with the meanings of the
    // language it was made in.
    assert_eq!(
        fresh.criteria[0].kind,
        CriterionKind::Rating {
            meanings: ["Słabo", "Przeciętnie", "Doskonale"].map(str::to_owned),
            unknown_fields: Map::new(),
        }
    );
    assert_eq!(shown, "Średnia");
    assert!(rule.starts_with("Każde kryterium"));
    assert_eq!(Agreement::Medium.shown(), "Medium");
}
