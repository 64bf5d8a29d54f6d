//! WCAG 2.2 AA on every screen and state a person can reach: axe-core's
//! audit (see `support/axe.rs`) at a desktop width and at 320 CSS pixels,
//! where the page must also reflow without scrolling sideways, with the
//! example workspace loaded: each screen, forms in their error states, a
//! survey in each round (a round 1 with a tie too), the import preview with a conflict, the CSV
//! mapping, each banner, and print.
//!
//! Run alone with `make test-e2e` filtered: see the README ("Accessibility").

use crate::support::{App, NARROW, Name, Role, WIDE, WORKSPACE_KEY};
use serde_json::{Value, json};
use std::path::PathBuf;

/// The example workspace served beside the app, as storage keeps a
/// workspace (an exported file says what kind it is; storage does not).
fn example() -> Value {
    crate::support::example_workspace()
}

/// The example's first customer, who has a row in every part of the profile.
const CONTOSO: &str = "Contoso Manufacturing Sp. z o.o.";

/// What the audit found, screen after screen, reported together at the
/// end so that one run shows every problem.
struct Findings {
    found: Vec<String>,
    /// Whether the page has dark colours (`prefers-color-scheme: dark`) to
    /// audit too. Today's style sheet has none.
    dark: bool,
}

impl Findings {
    /// Nothing found yet on the page `app` shows.
    async fn new(app: &App) -> Self {
        Self {
            found: Vec::new(),
            dark: app.offers_dark_colours().await,
        }
    }

    /// Audits the page as it is now: at the desktop width, at 320 px (where
    /// it must also reflow) and in the page's dark colours, if it has any;
    /// `screen` names it in the findings.
    async fn check(&mut self, app: &App, screen: &str) {
        for width in [WIDE, NARROW] {
            app.set_width(width).await;
            let at = format!("{screen} at {width} px");
            self.found.extend(app.audit(&at).await);
            if width == NARROW
                && let Some(wide) = app.scrolls_sideways().await
            {
                self.found.push(format!("reflow on {at}: {wide}"));
            }
        }
        app.set_width(WIDE).await;
        if self.dark {
            app.emulate_color_scheme("dark");
            self.found
                .extend(app.audit(&format!("{screen}, dark colours")).await);
            app.emulate_color_scheme("");
        }
    }

    /// Audits the page as printed (print media, at the desktop width).
    /// Paper has no pointer targets, so their size (2.5.8) is not checked.
    async fn check_print(&mut self, app: &App, screen: &str) {
        app.emulate_media("print");
        let printed = format!("{screen}, printed");
        self.found
            .extend(app.audit_without(&printed, &["target-size"]).await);
        app.emulate_media("");
    }

    /// Panics with every finding, if there is any.
    fn assert_none(self) {
        assert!(
            self.found.is_empty(),
            "{} accessibility problems (WCAG 2.2 AA):\n\n{}",
            self.found.len(),
            self.found.join("\n\n")
        );
    }
}

/// Opens the app with the example workspace loaded, at the desktop width.
async fn open_example(route: &str) -> App {
    let app = App::open(route).await;
    app.load_workspace(&example()).await;
    app.set_width(WIDE).await;
    app
}

#[tokio::test]
async fn every_screen_passes_the_wcag_22_aa_audit_wide_narrow_dark_and_printed() {
    let app = open_example("").await;
    let mut findings = Findings::new(&app).await;
    for (section, heading) in [
        ("Home", "Home"),
        ("Profiles", "Profiles"),
        ("ICP worksheets", "ICP worksheets"),
        ("Scoring", "Scoring"),
        ("Surveys", "Criteria surveys"),
        ("Data & backup", "Data & backup"),
    ] {
        app.follow(section).await;
        app.wait_for_main_heading(heading).await;
        if section == "Data & backup" {
            app.open_disclosure("Export everything").await;
        }
        findings.check(&app, section).await;
    }

    app.follow("Profiles").await;
    app.follow(CONTOSO).await;
    app.wait_for_main_heading(CONTOSO).await;
    findings.check(&app, "a profile").await;
    findings.check_print(&app, "a profile").await;

    app.follow("Case study").await;
    app.wait_for_main_heading(&format!("Case study: {CONTOSO}"))
        .await;
    app.field("Key people's names and job titles")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    findings.check(&app, "a case study").await;
    findings.check_print(&app, "a case study").await;
    app.follow("Profile").await;
    app.wait_for_main_heading(CONTOSO).await;

    // The editor, every section holding rows, with a refused value and a
    // removed row waiting for its Undo.
    app.follow("Edit").await;
    app.wait_for_main_heading(&format!("Edit {CONTOSO}")).await;
    app.type_into("Average spend per month", "12,5,0").await;
    app.wait_for_refusal("Average spend per month", "Type a number")
        .await;
    let competitors = app.section("Competitors").await.unwrap();
    app.find_in(&competitors, Role::Button, Name::StartsWith("Remove "))
        .await
        .expect("one competitor to remove")
        .click()
        .await
        .unwrap();
    app.wait_for(Role::Status, Name::StartsWith("Removed "))
        .await;
    findings.check(&app, "the profile editor").await;

    app.follow("ICP worksheets").await;
    app.follow("Top customers 2026").await;
    app.wait_for_main_heading("Top customers 2026").await;
    app.choose("Profile to check", "Litware Bank S.A.").await;
    app.wait_for(Role::Status, Name::StartsWith("Fit:")).await;
    findings.check(&app, "a worksheet with a fit check").await;
    findings.check_print(&app, "a worksheet").await;

    app.follow("Scoring").await;
    app.follow("Edit the model").await;
    app.wait_for_main_heading("Scoring model").await;
    findings.check(&app, "the model editor").await;

    app.follow("Scoring").await;
    app.follow("Rate profiles").await;
    app.wait_for_main_heading("Rate profiles").await;
    findings.check(&app, "the rating grid").await;

    app.follow(CONTOSO).await;
    app.wait_for_main_heading(&format!("Score of {CONTOSO}"))
        .await;
    findings.check(&app, "a score explanation").await;

    app.follow("Scoring").await;
    app.follow("Brief: who we sell to").await;
    app.wait_for_main_heading("Who we sell to").await;
    findings.check(&app, "the brief").await;
    findings.check_print(&app, "the brief").await;

    app.follow("Scoring").await;
    app.follow("Portfolio report").await;
    app.wait_for_main_heading("Portfolio report").await;
    findings.check(&app, "the portfolio report").await;
    findings.check_print(&app, "the portfolio report").await;

    app.goto("#/nowhere").await;
    findings.check(&app, "a page that does not exist").await;
    findings.assert_none();
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_survey_passes_the_audit_in_each_round() {
    let app = open_example("#/surveys").await;
    let mut findings = Findings::new(&app).await;
    findings.check(&app, "Surveys").await;

    app.type_into("Title", "Best customers Q4").await;
    app.type_into("Your name, as your reps know you", "Anna")
        .await;
    app.press("Create survey").await;
    app.wait_for_main_heading("Best customers Q4").await;
    findings.check(&app, "a survey in round 1").await;

    // The coordinator answers too, so that round 2 has a top five.
    app.open_disclosure("Answer it yourself").await;
    app.type_into("Your name", "Anna").await;
    let votes = [
        "Revenue",
        "Profitability",
        "Purchase frequency",
        "Brand prestige",
        "Strategic alignment",
    ];
    for vote in votes {
        app.field(vote).await.unwrap().click().await.unwrap();
    }
    app.wait_for(Role::Status, Name::Is("5 of 5 ticked")).await;
    findings
        .check(&app, "a survey in round 1, answered and tallied")
        .await;

    app.press("Start round 2 with the top 5").await;
    app.wait_for_main_heading("Best customers Q4: your best customers")
        .await;
    findings.check(&app, "a survey in round 2").await;

    app.open_disclosure("Answer it yourself").await;
    app.type_into("Your name", "Anna").await;
    app.type_into("Name of best customer 1", "Contoso").await;
    // Each criterion in its kind: a rating is a list, a number a field
    // whose label may name the currency ("Revenue for best customer 1
    // (PLN)").
    for vote in votes {
        let label = format!("{vote} for best customer 1");
        let control = app
            .client()
            .find(fantoccini::Locator::XPath(&format!(
                "//select[@aria-label = '{label}'] \
                 | //*[@id = //label[starts-with(normalize-space(.), '{label}')]/@for]"
            )))
            .await
            .unwrap_or_else(|e| panic!("no answer {label:?}: {e}"));
        if control.tag_name().await.unwrap() == "select" {
            control.select_by_value("4").await.unwrap();
        } else {
            control.send_keys("4").await.unwrap();
        }
    }
    app.wait_for(
        Role::Button,
        Name::Is("Make a scoring model from these results"),
    )
    .await;
    findings
        .check(&app, "a survey in round 2, answered, with results")
        .await;
    findings.assert_none();
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_round_one_tie_and_the_coordinators_own_criteria_pass_the_audit() {
    use clientele::domain::survey::{Survey, SurveyAnswer};
    use clientele::domain::{Timestamp, WorkspaceId};
    // A round 1 of six criteria of the coordinator's own, answered by two
    // reps: four criteria have two votes, two share the last place.
    let mut workspace = example();
    let data = &mut workspace["data"];
    let id: WorkspaceId = serde_json::from_value(data["id"].clone()).unwrap();
    let when = Timestamp::from_millis(1_764_900_000_000);
    let own: Vec<String> = [
        "Spend",
        "Loyalty",
        "Margin",
        "Reach",
        "Ease of work",
        "Referrals",
    ]
    .map(String::from)
    .to_vec();
    let survey = Survey::round_one("Q4".into(), "Anna".into(), id, None, &own, when);
    let ids: Vec<_> = survey.criteria.iter().map(|c| c.id).collect();
    let answers: Vec<Value> = [("Ben", 4), ("Cleo", 5)]
        .into_iter()
        .map(|(rep, last)| {
            let mut answer = SurveyAnswer::new(&survey, rep.into(), WorkspaceId::new());
            answer.votes = [&ids[..4], &ids[last..=last]].concat();
            serde_json::to_value(&answer).unwrap()
        })
        .collect();
    let href = format!("#/surveys/{}", survey.id);
    data["surveys"] = json!([survey]);
    data["survey_answers"] = Value::Array(answers);
    let app = App::open("").await;
    app.load_workspace(&workspace).await;
    app.set_width(WIDE).await;
    app.goto(&href).await;
    app.wait_for_main_heading("Q4").await;
    app.wait_for(Role::Status, Name::Is("0 of 1 chosen")).await;
    // Own criteria are ratings until given another kind: the meanings of
    // 1, 3 and 5 are asked beside each.
    app.field("What 5 means for Ease of work").await.unwrap();
    let mut findings = Findings::new(&app).await;
    findings.check(&app, "a round 1 with a tie").await;
    app.field("Referrals goes to round 2")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for(Role::Status, Name::Is("1 of 1 chosen")).await;
    app.type_into("What 1 means for Spend", &"x".repeat(121))
        .await;
    app.wait_for_refusal(
        "What 1 means for Spend",
        "Keep it to 120 characters or fewer",
    )
    .await;
    findings
        .check(&app, "a round 1 with the tie settled and a meaning refused")
        .await;
    findings.assert_none();
    app.assert_no_console_errors();
}

/// A file under the system's temporary folder, named for this test run.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("clientele-a11y-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("a temporary file");
    path
}

#[tokio::test]
async fn the_import_preview_with_a_conflict_and_the_csv_mapping_pass_the_audit() {
    let app = open_example("#/profiles").await;
    let mut findings = Findings::new(&app).await;

    // Here, Contoso's industry changes…
    app.follow(CONTOSO).await;
    app.follow("Edit").await;
    app.type_into("Industry", "Retail").await;
    app.wait_until_stored("the industry is saved", |stored| {
        let contoso = &stored["data"]["profiles"][0];
        match contoso["industry"].as_str() {
            Some("Retail") => Ok(()),
            other => Err(format!("stored industry {other:?}")),
        }
    })
    .await;
    // …and in a colleague's file (a replica that never saw this change) too.
    let mut file = include_str!("../../public/example.clientele.json")
        .parse::<Value>()
        .unwrap();
    let contoso_id = file["data"]["profiles"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    file["data"]["profiles"][0]["industry"] = json!("Insurance");
    file["data"]["versions"] = json!({
        contoso_id: { "clock": { "c011ea9ec011ea9e": 1 }, "fields": { "industry": "c011ea9ec011ea9e:1" } }
    });
    let file = temp_file("colleague.json", &file.to_string());
    app.goto("#/data").await;
    app.upload("Choose files to import", std::slice::from_ref(&file))
        .await;
    app.wait_for_main_heading("Import a file").await;
    app.wait_for(Role::Button, Name::Is("Import")).await;
    app.section("Changed on both sides (1)")
        .await
        .expect("the preview asks about the conflict");
    findings
        .check(&app, "the import preview with a conflict")
        .await;

    // Imported, and a profile deleted: both can be undone.
    app.press("Import").await;
    app.wait_for(Role::Button, Name::Is("Undo import")).await;
    app.follow("Profiles").await;
    app.follow("Fabrikam Legal LLP").await;
    app.press("Delete").await;
    app.wait_for(Role::Button, Name::Is("Undo")).await;
    findings.check(&app, "the notices of undo").await;

    let csv = temp_file(
        "crm.csv",
        "Company;Industry;Revenue;City\r\nContoso Manufacturing Sp. z o.o.;Retail;1 234 567,50;Gdańsk\r\n\
         Kowalski;Construction;12,5,0;Łódź\r\n",
    );
    app.goto("#/data").await;
    app.upload("Choose files to import", std::slice::from_ref(&csv))
        .await;
    app.wait_for_main_heading("Import a CSV file").await;
    app.wait_for(Role::Status, Name::Contains("not read")).await;
    findings
        .check(&app, "the CSV mapping with a value not read")
        .await;
    for path in [file, csv] {
        let _ = std::fs::remove_file(path);
    }
    findings.assert_none();
}

#[tokio::test]
async fn every_banner_passes_the_audit() {
    let app = open_example("").await;
    let mut findings = Findings::new(&app).await;

    // Unreadable stored data, set aside.
    app.store(WORKSPACE_KEY, r#"{"format":"clientele", broken"#)
        .await;
    app.reload().await;
    app.wait_for(Role::Alert, Name::Contains("could not be read"))
        .await;
    findings.check(&app, "the set-aside banner").await;
    app.follow("Data & backup").await;
    app.wait_for(
        Role::Button,
        Name::StartsWith("Download the copy set aside"),
    )
    .await;
    findings
        .check(&app, "Data & backup with data set aside")
        .await;

    // Another tab saved over this tab's last save while it had changes.
    let mut theirs = example();
    theirs["data"]["name"] = json!("Renamed in another tab");
    theirs["data"]["revision"] = json!(99);
    app.store(WORKSPACE_KEY, &theirs.to_string()).await;
    app.type_into("Workspace", "Renamed in this tab").await;
    app.wait_for(Role::Button, Name::Is("Keep this tab's version"))
        .await;
    findings
        .check(&app, "the choice between two tabs' versions")
        .await;
    app.press("Keep this tab's version").await;
    app.wait_until_stored(
        "this tab's version is saved",
        |stored| match stored["data"]["name"].as_str() {
            Some("Renamed in this tab") => Ok(()),
            name => Err(format!("storage holds {name:?}")),
        },
    )
    .await;

    // Storage full to the last character: the next, longer save fails.
    app.run(
        "let size = 1 << 22, n = 0;\n\
         while (size >= 1) {\n\
           try { localStorage.setItem('filler.' + n, 'x'.repeat(size)); n++; }\n\
           catch (e) { size >>= 1; }\n\
         }",
        vec![],
    )
    .await;
    app.type_into(
        "Workspace",
        "Renamed once storage is full, a name much longer than the one saved",
    )
    .await;
    app.wait_for(Role::Alert, Name::Contains("are not saved"))
        .await;
    findings.check(&app, "the storage-full banner").await;

    // Data from a newer version: read-only. This tab's unsaved changes are
    // not written over it when the page goes.
    app.run(
        "Object.keys(localStorage).filter(k => k.startsWith('filler.')) \
           .forEach(k => localStorage.removeItem(k));",
        vec![],
    )
    .await;
    let mut newer = example();
    newer["schema_version"] = json!(999);
    app.store(WORKSPACE_KEY, &newer.to_string()).await;
    app.reload().await;
    app.wait_for(Role::Alert, Name::Contains("newer version of Clientele"))
        .await;
    findings.check(&app, "the read-only banner").await;
    findings.assert_none();
}
