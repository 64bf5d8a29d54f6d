//! The criteria survey run by file: a coordinator and two reps, each in
//! their own browser profile, through both rounds.

use crate::support::{App, Name, Role, wait_until};
use fantoccini::Locator;
use serde_json::json;
use std::path::PathBuf;

const CRITERIA: [&str; 7] = [
    "Yearly spend",
    "Cost to win",
    "Purchase frequency",
    "Breadth of products",
    "Ease of working with them",
    "Customization needed",
    "Industry",
];

/// Chooses `file` (or several) on Data & backup, or in the file picker of
/// the screen shown, and waits for the preview.
async fn import_here(app: &App, files: &[PathBuf]) {
    let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let input = wait_until("the file picker is there", async || {
        app.field("Choose files to import").await
    })
    .await;
    input
        .send_keys(&paths.join("\n"))
        .await
        .expect("the files are chosen");
    app.wait_for_main_heading("Import a file").await;
}

/// Opens the export named `summary` and downloads it; returns the file.
async fn download(app: &App, summary: &str) -> PathBuf {
    app.open_disclosure(summary).await;
    app.press("Download").await;
    app.take_download().await;
    app.last_download()
}

/// A rep opens the survey file in a fresh browser and lands on it.
async fn rep_opens(survey: &PathBuf, title: &str) -> App {
    let rep = App::open("#/data").await;
    import_here(&rep, std::slice::from_ref(survey)).await;
    rep.wait_for(Role::Status, Name::StartsWith("1 new")).await;
    rep.press("Import").await;
    rep.wait_for_main_heading(title).await;
    rep
}

/// The rep ticks `votes` and downloads the answer. The rep's browser is
/// returned with it: its downloads last as long as it does.
async fn answer_round_one(survey: &PathBuf, rep_name: &str, votes: &[&str]) -> (App, PathBuf) {
    let rep = rep_opens(survey, "Best customers Q4").await;
    rep.wait_for(Role::Status, Name::Is("0 of 5 ticked")).await;
    rep.type_into("Your name", rep_name).await;
    for vote in votes {
        rep.field(vote).await.unwrap().click().await.unwrap();
    }
    rep.wait_for(Role::Status, Name::Is("5 of 5 ticked")).await;
    // A sixth tick is not possible.
    let sixth = CRITERIA.iter().find(|c| !votes.contains(c)).unwrap();
    let disabled = rep
        .field(sixth)
        .await
        .unwrap()
        .prop("disabled")
        .await
        .unwrap();
    assert_eq!(disabled.as_deref(), Some("true"), "at most 5 ticks");
    let file = download(&rep, "Export my answer").await;
    rep.assert_no_console_errors();
    (rep, file)
}

/// Rates customer `n` on `criterion`.
async fn rate(app: &App, criterion: &str, n: usize, rating: &str) {
    let select = app
        .client()
        .find(Locator::XPath(&format!(
            "//select[@aria-label='{criterion} for best customer {n}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no rating for {criterion}, customer {n}: {e}"));
    select.select_by_value(rating).await.unwrap();
}

#[tokio::test]
async fn a_coordinator_runs_both_rounds_with_reps_by_file_and_gets_model_weights() {
    // Round 1: the coordinator lists the criteria and sends the survey.
    let coordinator = App::open("#/surveys").await;
    coordinator.type_into("Title", "Best customers Q4").await;
    coordinator
        .type_into("Your name, as your reps know you", "Anna")
        .await;
    coordinator
        .type_into("Your own criteria, one a line", &CRITERIA.join("\n"))
        .await;
    coordinator.press("Create survey").await;
    coordinator.wait_for_main_heading("Best customers Q4").await;
    let survey = download(&coordinator, "Export survey").await;

    // Two reps answer in their own browsers, with no setup.
    let (_ben_browser, ben) = answer_round_one(&survey, "Ben", &CRITERIA[..5]).await;
    let (_cleo_browser, cleo) = answer_round_one(
        &survey,
        "Cleo",
        &[
            CRITERIA[0],
            CRITERIA[2],
            CRITERIA[4],
            CRITERIA[5],
            CRITERIA[6],
        ],
    )
    .await;

    // The coordinator imports both answers at once and sees the tally.
    import_here(&coordinator, &[ben.clone(), cleo]).await;
    coordinator
        .wait_for(Role::Status, Name::StartsWith("2 new"))
        .await;
    coordinator.press("Import").await;
    coordinator.wait_for_main_heading("Best customers Q4").await;
    coordinator
        .wait_for(Role::Status, Name::StartsWith("2 answers counted"))
        .await;
    let section = coordinator.section("Tally").await.unwrap();
    let tally = section.text().await.unwrap();
    let first_rows: Vec<&str> = tally
        .lines()
        .filter(|l| CRITERIA.iter().any(|c| l.starts_with(c)))
        .take(3)
        .collect();
    assert!(
        first_rows[0].starts_with("Yearly spend") && first_rows[0].contains("2 Yes"),
        "{tally}"
    );
    assert!(first_rows[1].starts_with("Purchase frequency"), "{tally}");
    // The same answer again counts once.
    import_here(&coordinator, &[ben]).await;
    coordinator
        .wait_for(Role::Status, Name::StartsWith("Nothing to import"))
        .await;
    coordinator.goto("#/surveys").await;
    coordinator.follow("Best customers Q4").await;

    // The coordinator's own criteria get their kinds before round 2: an
    // amount, a category, and a cost that takes value away.
    coordinator
        .choose(
            "How round 2 asks about Yearly spend",
            "Number: Yearly spend with us",
        )
        .await;
    coordinator
        .choose("How round 2 asks about Industry", "Category: Industry")
        .await;
    coordinator
        .choose("How round 2 asks about Cost to win", "Number: Cost to win")
        .await;
    coordinator
        .choose("Effect of Cost to win", "Takes value away")
        .await;
    // A rating of their own says what its 5 means, in the team's words.
    coordinator
        .type_into(
            "What 5 means for Ease of working with them",
            "They plan their orders with us",
        )
        .await;
    // Three criteria have two votes; four share the last two places with
    // one vote each. The order of the list does not decide: the
    // coordinator does, and round 2 waits until they have.
    let start = coordinator
        .find(Role::Button, Name::Is("Start round 2 with the top 5"))
        .await
        .unwrap();
    assert_eq!(
        start.prop("disabled").await.unwrap().as_deref(),
        Some("true"),
        "round 2 waits for the tie to be settled"
    );
    coordinator
        .wait_for(Role::Status, Name::Is("0 of 2 chosen"))
        .await;
    for tied in ["Cost to win", "Industry"] {
        let label = format!("{tied} goes to round 2");
        let tick = coordinator.field(&label).await.unwrap();
        tick.click().await.unwrap();
    }
    coordinator
        .wait_for(Role::Status, Name::Is("2 of 2 chosen"))
        .await;
    let third = coordinator
        .field("Breadth of products goes to round 2")
        .await
        .unwrap();
    assert_eq!(
        third.prop("disabled").await.unwrap().as_deref(),
        Some("true"),
        "no more than the places left"
    );
    // Round 2 with the top five.
    coordinator.press("Start round 2 with the top 5").await;
    coordinator
        .wait_for_main_heading("Best customers Q4: your best customers")
        .await;
    let round_two = download(&coordinator, "Export survey").await;

    let rep = rep_opens(&round_two, "Best customers Q4: your best customers").await;
    rep.type_into("Your name", "Ben").await;
    // Each criterion is asked in its kind: ratings with their meanings,
    // amounts and categories typed.
    let ease = rep
        .client()
        .find(Locator::XPath(
            "//select[@aria-label='Ease of working with them for best customer 1']",
        ))
        .await
        .unwrap();
    let options = ease.text().await.unwrap();
    assert!(
        options.contains("5 – They plan their orders with us") && options.contains("1 – Poor"),
        "the coordinator's meaning of 5, the default of 1: {options}"
    );
    let customers = [
        ("Contoso", "120 000", "Manufacturing", "8000"),
        ("Fabrikam", "80000", "Retail", "12,000"),
        ("Tailspin", "200000", "manufacturing", "10000"),
    ];
    for (i, (customer, spend, industry, cost)) in customers.into_iter().enumerate() {
        let n = i + 1;
        rep.type_into(&format!("Name of best customer {n}"), customer)
            .await;
        rate(&rep, "Purchase frequency", n, "4").await;
        rate(&rep, "Ease of working with them", n, "5").await;
        rep.type_into(&format!("Yearly spend for best customer {n}"), spend)
            .await;
        rep.type_into(&format!("Industry for best customer {n}"), industry)
            .await;
        let cost_field = format!("Cost to win for best customer {n}");
        if n == 1 {
            // Not a number: said beside the field, and not kept.
            rep.type_into(&cost_field, "a lot").await;
            rep.wait_for_refusal(&cost_field, "Type a number").await;
        }
        rep.type_into(&cost_field, cost).await;
    }
    rep.wait_for(Role::Status, Name::StartsWith("Your answer is complete"))
        .await;
    // Why the best customer is great, in the rep's words (optional).
    rep.type_into(
        "What makes best customer 1 great?",
        "Orders every month and refers us",
    )
    .await;
    rep.wait_until_stored("the words are kept", |stored| {
        let answers = stored["data"]["survey_answers"].as_array().cloned();
        let words = answers
            .unwrap_or_default()
            .iter()
            .filter_map(|a| a["customers"][0]["why"].as_str().map(str::to_owned))
            .collect::<Vec<_>>();
        if words == ["Orders every month and refers us"] {
            Ok(())
        } else {
            Err(format!("the answer's words are {words:?}"))
        }
    })
    .await;
    let answer = download(&rep, "Export my answer").await;

    import_here(&coordinator, &[answer]).await;
    coordinator.press("Import").await;
    coordinator
        .wait_for_main_heading("Best customers Q4: your best customers")
        .await;
    let per_customer = wait_until("the results per customer list the customers", async || {
        let text = coordinator
            .section("Results per customer")
            .await?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        if text.contains("Contoso") && text.contains("Tailspin") {
            Ok(text)
        } else {
            Err(text)
        }
    })
    .await;
    // Every criterion has a column, in round 2's order: the amounts and
    // the category as the rep gave them, then the average rating.
    assert!(
        per_customer.contains("Contoso Ben 120,000 4 5 8,000 Manufacturing 4.5"),
        "{per_customer}"
    );
    assert!(
        per_customer.contains("“Orders every month and refers us” (Ben)"),
        "the rep's words are beside the customer: {per_customer}"
    );
    let per_criterion = coordinator
        .section("Results per criterion")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        per_criterion.contains("Purchase frequency") && per_criterion.contains("High"),
        "{per_criterion}"
    );
    // What the best customers look like: 80,000, 120,000 and 200,000 have
    // the median 120,000; Manufacturing twice (any case), Retail once.
    for said in [
        "Yearly spend Median 120,000 (80,000 to 200,000), 3 answers",
        "Industry Manufacturing (2), Retail (1) of 3",
        "Cost to win Median 10,000 (8,000 to 12,000), 3 answers",
    ] {
        assert!(per_criterion.contains(said), "{said:?} in {per_criterion}");
    }

    // Weights follow the round-1 votes of the five chosen criteria: 2, 2,
    // 2, 1 and 1 of 8, so 25, 25, 25, 12.5 and 12.5; the half points go by
    // the largest remainder, the first of equals first: 25 + 25 + 25 + 13
    // + 12 = 100.
    let expected = [
        ("Yearly spend", 25),
        ("Purchase frequency", 25),
        ("Ease of working with them", 25),
        ("Cost to win", 13),
        ("Industry", 12),
    ];
    let listed = coordinator
        .section("Into the scoring model")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for (name, weight) in expected {
        assert!(
            listed.contains(&format!("{name}: weight {weight}")),
            "{name} is shown with weight {weight}: {listed}"
        );
    }
    // The thresholds and values proposed from round 2: full points from
    // the median spend, half from half of it; a cost loses half its points
    // from 1.5 times its median and all from twice it; every industry named
    // for a fifth of the customers matches.
    for proposed in [
        "Yearly spend: weight 25; from 120,000: 100 points; from 60,000: 50 points",
        "Cost to win: weight 13; from 20,000: 100 points; from 15,000: 50 points",
        "Industry: weight 12; matches Manufacturing, Retail",
    ] {
        assert!(listed.contains(proposed), "{proposed:?} in {listed}");
    }
    // The results download as a spreadsheet, a row per criterion.
    coordinator
        .open_disclosure("Download as a spreadsheet (CSV)")
        .await;
    coordinator.press("Download CSV").await;
    let (name, text) = coordinator.take_download().await;
    assert!(name.starts_with("clientele-survey-results-"), "{name}");
    for row in [
        "Purchase frequency,25,3,4,0,4–4,High,\r\n",
        "Ease of working with them,25,3,5,0,5–5,High,\r\n",
        "Yearly spend,25,,,,,,\"Median 120,000 (80,000 to 200,000), 3 answers\"\r\n",
    ] {
        assert!(text.contains(row), "{row:?} in {text}");
    }
    coordinator
        .press("Make a scoring model from these results")
        .await;
    // The coordinator had no model, so this one is used; with a model in
    // use it would wait to be made active (a native test).
    coordinator
        .wait_for(
            Role::Status,
            Name::StartsWith(
                "Made “From survey: Best customers Q4: your best customers”, the active model as there was none",
            ),
        )
        .await;
    coordinator
        .wait_until_stored("the survey's model is stored and in use", |stored| {
            let models = stored["data"]["models"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let model = models
                .iter()
                .find(|m| m["name"] == "From survey: Best customers Q4: your best customers")
                .ok_or("no model from the survey")?;
            if stored["data"]["active_model"] != model["id"] {
                return Err("the survey's model is not in use, though there was no other".into());
            }
            let weights: Vec<(String, u32)> = model["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let name = c["name"].as_str().unwrap().to_owned();
                    (name, c["weight"].as_str().unwrap().parse::<u32>().unwrap())
                })
                .collect();
            let wanted: Vec<(String, u32)> = expected
                .iter()
                .map(|(n, w)| ((*n).to_owned(), *w))
                .collect();
            if weights != wanted {
                return Err(format!("the weights are {weights:?}"));
            }
            let criteria = model["criteria"].as_array().unwrap();
            let cost = &criteria[3];
            let kinds = (
                &criteria[0]["kind"]["thresholds"][0],
                &criteria[4]["kind"]["values"],
                &cost["direction"],
                &cost["kind"]["measure"],
            );
            if criteria[2]["kind"]["meanings"][2] != "They plan their orders with us" {
                return Err(format!(
                    "the ease rating's meanings are {}",
                    criteria[2]["kind"]
                ));
            }
            let wanted = (
                &json!({"at_least": "120000", "points": "100"}),
                &json!(["Manufacturing", "Retail"]),
                &json!("takes_away"),
                &json!("cost_to_win"),
            );
            if kinds == wanted {
                Ok(())
            } else {
                Err(format!("the model's kinds are {kinds:?}"))
            }
        })
        .await;
    coordinator.follow("Review it in the model editor").await;
    coordinator.wait_for_main_heading("Scoring model").await;

    // Back on round 1, the round 2 is linked, never started a second time.
    coordinator.goto("#/surveys").await;
    coordinator.follow("Best customers Q4").await;
    coordinator
        .follow("Best customers Q4: your best customers")
        .await;
    coordinator
        .wait_for_main_heading("Best customers Q4: your best customers")
        .await;
    coordinator.goto("#/surveys").await;
    coordinator.follow("Best customers Q4").await;
    coordinator.wait_for_main_heading("Best customers Q4").await;
    assert!(
        coordinator
            .find(Role::Button, Name::Is("Start round 2 with the top 5"))
            .await
            .is_err(),
        "no second round 2"
    );
    coordinator.assert_no_console_errors();
}

#[tokio::test]
async fn a_survey_without_a_title_or_criteria_says_so_beside_the_field_at_fault() {
    let app = App::open("#/surveys").await;
    app.wait_for_main_heading("Criteria surveys").await;
    app.press("Create survey").await;
    app.wait_for_refusal("Title", "Give the survey a title.")
        .await;
    let focused = app.run("return document.activeElement.id;", vec![]).await;
    assert_eq!(focused, "survey-title", "focus goes to the field at fault");

    // With no scoring model and no criterion of our own, nothing to vote on.
    app.type_into("Title", "Best customers Q1").await;
    app.press("Create survey").await;
    app.wait_for_refusal(
        "Your own criteria, one a line",
        "List at least one criterion",
    )
    .await;
    let title = app.field("Title").await.unwrap();
    assert_eq!(title.attr("aria-invalid").await.unwrap(), None);
    app.type_into("Your own criteria, one a line", "Cost to win")
        .await;
    let extra = app.field("Your own criteria, one a line").await.unwrap();
    assert_eq!(
        extra.attr("aria-invalid").await.unwrap(),
        None,
        "typing clears it"
    );
    app.press("Create survey").await;
    app.wait_for_main_heading("Best customers Q1").await;
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_rep_with_profiles_picks_best_customers_from_their_customers() {
    // A workspace with two customers and a prospect: answering round 2
    // oneself, as a rep who keeps profiles does.
    let app = App::open("#/surveys").await;
    app.load_workspace(&crate::support::example_workspace())
        .await;
    app.type_into("Title", "Best customers Q4").await;
    app.type_into("Your name, as your reps know you", "Anna")
        .await;
    app.press("Create survey").await;
    app.wait_for_main_heading("Best customers Q4").await;
    app.open_disclosure("Answer it yourself").await;
    app.type_into("Your name", "Anna").await;
    app.field("Revenue").await.unwrap().click().await.unwrap();
    app.wait_for(Role::Status, Name::Is("1 of 5 ticked")).await;
    app.press("Start round 2 with the top 5").await;
    app.wait_for_main_heading("Best customers Q4: your best customers")
        .await;
    app.open_disclosure("Answer it yourself").await;

    // The name field offers the customers, not the prospect.
    let field = app.field("Name of best customer 1").await.unwrap();
    let list = field.attr("list").await.unwrap().expect("a list of names");
    let offered = app
        .client()
        .find_all(Locator::XPath(&format!(
            "//datalist[@id = '{list}']/option"
        )))
        .await
        .unwrap();
    let mut names = Vec::new();
    for option in offered {
        names.push(option.attr("value").await.unwrap().unwrap_or_default());
    }
    assert!(
        names.contains(&"Contoso Manufacturing Sp. z o.o.".to_owned())
            && names.contains(&"Fabrikam Legal LLP".to_owned())
            && !names.contains(&"Litware Bank S.A.".to_owned()),
        "the customers are offered: {names:?}"
    );
    app.type_into("Name of best customer 1", "Fabrikam Legal LLP")
        .await;
    app.wait_until_stored("the picked name is kept", |stored| {
        let answers = stored["data"]["survey_answers"].as_array().cloned();
        let named = answers
            .unwrap_or_default()
            .iter()
            .any(|a| a["customers"][0]["name"] == "Fabrikam Legal LLP");
        if named {
            Ok(())
        } else {
            Err("no best customer is named Fabrikam Legal LLP".to_owned())
        }
    })
    .await;
    app.assert_no_console_errors();
}
