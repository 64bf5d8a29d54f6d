//! Outputs people read outside the app: the marketing and training brief
//! ("Who we sell to"), on screen, printed and copied as text; the portfolio
//! report for management, on screen and printed.
//!
//! Expected figures are worked out by hand from the example workspace: the
//! model's weights add up to 90, so profitability (15) is 16.67 %, shown as
//! 17 %, and revenue (8) 8.89 %, shown as 9 %; Contoso (82.65) and Fabrikam
//! (79.46) are the customers in tier A (75 and up); the prospect, Litware,
//! has no score.

use crate::support::{App, Name, Role, example_workspace, pdf_pages, wait_until};
use fantoccini::wd::PrintSize;
use serde_json::json;

#[tokio::test]
async fn the_brief_joins_the_ideal_profile_the_model_and_tier_a_examples_prints_and_copies_as_text()
{
    let app = App::open("#/scoring").await;
    app.load_workspace(&example_workspace()).await;
    app.wait_for_main_heading("Scoring").await;
    app.follow("Brief: who we sell to").await;
    app.wait_for_main_heading("Who we sell to").await;
    let shown = wait_until("the brief is drawn", async || {
        let text = app.page_text().await;
        text.contains("Fabrikam Legal LLP: score 79.46, tier A, Law")
            .then_some(text.clone())
            .ok_or(text)
    })
    .await;
    for line in [
        "Derived from the worksheet “Top customers 2026”, which charts 3 of our best customers.",
        "Average spent per year: Average 142,400 (from 96,000 to 222,000; 3 of 3 known)",
        "With the scoring model “Perfect Prospect Model”.",
        "tier A from 75, B from 50, C from 25, D below",
        "Profitability: 17% (more is better)",
        "Revenue: 9% (more is better)",
        "Customization they need: 7% (more is worse)",
        "Contoso Manufacturing Sp. z o.o.: score 82.65, tier A, Manufacturing",
        "customers in tier A (2), then the prospects with the highest scores (0)",
        "No survey answer says why yet",
    ] {
        assert!(shown.contains(line), "{line:?} is not shown: {shown}");
    }
    assert!(!shown.contains("Litware"), "a prospect without a score");

    // For readers outside the sales team: no customer is named.
    app.field("Leave out the names of customers, prospects and reps")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let anonymous = wait_until("the names are left out", async || {
        let text = app.page_text().await;
        text.contains("Customer 2: score 79.46, tier A, Law")
            .then_some(text.clone())
            .ok_or(text)
    })
    .await;
    assert!(anonymous.contains("Customer 1: score 82.65, tier A, Manufacturing"));
    assert!(!anonymous.contains("Contoso") && !anonymous.contains("Fabrikam"));

    // "Copy as text" puts the same brief on the clipboard, for an e-mail.
    app.cdp(
        "Browser.grantPermissions",
        json!({
            "origin": app.origin(),
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
        }),
    );
    app.press("Copy as text").await;
    app.wait_for(
        Role::Status,
        Name::StartsWith("The brief is on the clipboard"),
    )
    .await;
    let copied = app
        .client()
        .execute_async(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    let copied = copied.as_str().unwrap();
    assert!(
        copied.starts_with("Who we sell to: Northwind IT Services – sales\n"),
        "{copied}"
    );
    for line in [
        "\nOur ideal customer\nDerived from the worksheet “Top customers 2026”",
        "\n- Profitability: 17% (more is better). ",
        "\n- Customer 1: score 82.65, tier A, Manufacturing\n",
    ] {
        assert!(copied.contains(line), "{line:?} is not copied: {copied}");
    }
    assert!(!copied.contains("Contoso"), "{copied}");

    // Printed, the brief is the page: no navigation, choices or buttons.
    app.emulate_media("print");
    let printed = app.page_text().await;
    app.emulate_media("");
    assert!(printed.contains("Who we sell to\n"), "{printed}");
    for left_out in ["Copy as text", "Leave out the names", "Data & backup"] {
        assert!(!printed.contains(left_out), "{left_out:?} is printed");
    }
    for (paper, size) in [("A4", PrintSize::A4), ("Letter", PrintSize::US_LETTER)] {
        let pdf = app.print_pdf(size).await;
        assert_eq!(pdf_pages(&pdf), 1, "the brief prints on one {paper} page");
    }
    app.assert_no_console_errors();
}

/// The example workspace with a rate for its euros (4.25 PLN), Contoso's
/// open step due on a fixed past day, and a step of Piotr's far ahead, so
/// that what is overdue and what is next do not depend on the day the
/// test runs.
fn portfolio_workspace() -> serde_json::Value {
    let mut ws = example_workspace();
    let data = &mut ws["data"];
    data["settings"]["reporting_currency"] = json!("PLN");
    data["settings"]["exchange_rates"] =
        json!([{ "currency": "EUR", "rate": "4.25", "date": "2026-12-01" }]);
    let contoso = &mut data["profiles"][0];
    contoso["action_plan"][1]["due"] = json!("2026-01-15");
    contoso["action_plan"].as_array_mut().unwrap().push(json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "description": "Plan the rollout",
        "owner": "Piotr",
        "due": "2099-03-01",
    }));
    ws
}

/// Figures worked out by hand from `portfolio_workspace`, in PLN:
/// - Contoso: 18,500 a month is 222,000 a year; direct costs 96,000 +
///   12,500, so profitability 113,500; open pipeline 240,000 (Proposal,
///   expected 2027-02-28).
/// - Fabrikam: 96,000 a year; cost to serve 41,250.50, so profitability
///   54,749.50, shown 54,750; no opportunity.
/// - Litware: no spend; 85,000 EUR × 4.25 = 361,250 (Qualification,
///   undated).
///
/// Totals: spend 318,000; profitability 168,249.50, shown 168,250; pipeline
/// 601,250 in 2 opportunities.
#[tokio::test]
async fn the_portfolio_report_adds_up_the_accounts_a_filter_selects_and_prints_on_two_pages() {
    let app = App::open("#/scoring").await;
    app.load_workspace(&portfolio_workspace()).await;
    app.wait_for_main_heading("Scoring").await;
    app.follow("Portfolio report").await;
    app.wait_for_main_heading("Portfolio report").await;
    let shown = wait_until("the report is drawn", async || {
        let text = app.page_text().await;
        text.contains("Litware Bank S.A.\tProspect")
            .then_some(text.clone())
            .ok_or(text)
    })
    .await;
    for (term, figure) in [
        ("Accounts", "3"),
        ("Yearly spend (PLN)", "318,000"),
        ("Profitability (PLN)", "168,250"),
        ("Open pipeline (PLN)", "601,250 in 2 opportunities"),
    ] {
        assert_eq!(app.description_of(term).await.unwrap(), figure, "{term}");
    }
    for row in [
        "Contoso Manufacturing Sp. z o.o.\tCustomer\t82.65\tA\t222,000\t113,500\t240,000",
        "Fabrikam Legal LLP\tCustomer\t79.46\tA\t96,000\t54,750\t0",
        "Litware Bank S.A.\tProspect\t—\t—\t—\t—\t361,250",
        "Litware Bank S.A.\tSecurity operations centre (pilot)\tQualification\t361,250\t—",
        "Qualification\t1\t361,250\nProposal\t1\t240,000",
        "2027 Q1\t1\t240,000\nNo expected date\t1\t361,250",
        "Contoso Manufacturing Sp. z o.o.\tSend the network proposal to the CFO\tAnna\tJan 15, 2026",
        "Contoso Manufacturing Sp. z o.o.\tPlan the rollout\tPiotr\tMar 1, 2099",
        "Contoso Manufacturing Sp. z o.o.\tBecome their only IT supplier for the new plant\t\
         Network and Wi-Fi won; 180,000 a year in managed services\tJan 1, 2027 to Dec 31, 2027\t\
         Network and Wi-Fi for the Gdynia plant; Site survey at the Gdynia plant; Send the network proposal to the CFO",
    ] {
        assert!(shown.contains(row), "{row:?} is not shown: {shown}");
    }
    let stages = app
        .find(Role::Img, Name::StartsWith("Open pipeline by stage"))
        .await
        .unwrap();
    assert_eq!(
        stages.attr("aria-label").await.unwrap().as_deref(),
        Some("Open pipeline by stage. Qualification: 361,250, Proposal: 240,000")
    );
    let tiers = app
        .find(Role::Img, Name::StartsWith("Accounts by tier"))
        .await
        .unwrap();
    assert_eq!(
        tiers.attr("aria-label").await.unwrap().as_deref(),
        Some("Accounts by tier. A: 2, B: 0, C: 0, D: 0, No score: 1")
    );

    // What changed since the start of the year: newest first.
    app.pick_value("Changes since", "2026-01-01").await;
    let changes = wait_until("the changes since 2026-01-01 are listed", async || {
        let text = app.page_text().await;
        text.contains("Changes since Jan 1, 2026")
            .then_some(text.clone())
            .ok_or(text)
    })
    .await;
    let rows = "Oct 1, 2026\tContoso Manufacturing Sp. z o.o.\tNew project or product line\tOpening a second plant in Gdynia in 2027.\n\
         Jun 30, 2026\tContoso Manufacturing Sp. z o.o.\tFinancial update\tFinancial condition: Strong. Profitable for five years; new plant financed from cash.\n\
         May 12, 2026\tFabrikam Legal LLP\tKey personnel change\tNew IT partner; our contact moved to the Kraków office.";
    assert!(changes.contains(rows), "{rows:?} is not shown: {changes}");
    // A cleared day is refused beside the field; the report keeps the last.
    app.pick_value("Changes since", "").await;
    app.wait_for_refusal(
        "Changes since",
        "Choose the day from which changes are listed",
    )
    .await;
    assert!(app.page_text().await.contains("Changes since Jan 1, 2026"));

    // The filter: prospects only, then Anna's steps only.
    app.choose("Status", "Prospect").await;
    wait_until("only the prospect is reported", async || {
        let accounts = app.description_of("Accounts").await?;
        let pipeline = app.description_of("Open pipeline (PLN)").await?;
        (accounts == "1" && pipeline == "361,250 in 1 opportunity")
            .then_some(())
            .ok_or(format!("{accounts}; {pipeline}"))
    })
    .await;
    app.choose("Status", "All").await;
    app.choose("Owner of action steps", "Anna").await;
    let annas = wait_until("only Anna's account is reported", async || {
        let text = app.page_text().await;
        (app.description_of("Accounts").await? == "1")
            .then_some(text.clone())
            .ok_or(text)
    })
    .await;
    assert!(annas.contains("All statuses · steps of Anna"), "{annas}");
    assert!(
        annas.contains("No step is planned."),
        "Piotr's step is left out: {annas}"
    );
    app.choose("Owner of action steps", "All").await;

    // Printed, the report is the document: no navigation or filter.
    app.emulate_media("print");
    let printed = app.page_text().await;
    app.emulate_media("");
    assert!(printed.contains("Portfolio report\n"), "{printed}");
    for left_out in ["Which accounts", "Owner of action steps", "Data & backup"] {
        assert!(!printed.contains(left_out), "{left_out:?} is printed");
    }
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_portfolio_of_twenty_accounts_prints_on_two_pages() {
    let mut ws = portfolio_workspace();
    let profiles = ws["data"]["profiles"].as_array_mut().unwrap();
    for n in 1..=17 {
        let id = || uuid::Uuid::new_v4().to_string();
        profiles.push(json!({
            "id": id(),
            "created_at": "2026-01-05T09:00:00Z",
            "name": format!("Account {n:02} Sp. z o.o."),
            "status": "customer",
            "industry": "Manufacturing",
            "currency": "PLN",
            "yearly_spend": format!("{}", 40_000 + n * 1_000),
            "cost_to_serve": "12000",
            "opportunities": [{ "id": id(), "title": format!("Renewal of the support contract {n}"),
                "value": "25000", "stage": "Proposal", "expected": format!("2027-0{}-15", 1 + n % 6) }],
            "action_plan": [{ "id": id(), "description": format!("Quarterly business review {n}"),
                "owner": "Anna", "due": format!("2099-01-{:02}", n) }],
            "log": [{ "id": id(), "date": format!("2026-11-{:02}", n), "kind": "key_personnel_change",
                "text": "A new head of purchasing; we met her." }],
        }));
    }
    let app = App::open("#/portfolio").await;
    app.load_workspace(&ws).await;
    app.wait_for_main_heading("Portfolio report").await;
    wait_until("the twenty accounts are reported", async || {
        let accounts = app.description_of("Accounts").await?;
        (accounts == "20").then_some(()).ok_or(accounts)
    })
    .await;
    for (paper, size) in [("A4", PrintSize::A4), ("Letter", PrintSize::US_LETTER)] {
        let pdf = app.print_pdf(size).await;
        let pages = pdf_pages(&pdf);
        assert!(pages <= 2, "twenty accounts print on {pages} {paper} pages");
    }
    app.assert_no_console_errors();
}
