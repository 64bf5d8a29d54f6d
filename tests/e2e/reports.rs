//! Outputs people read outside the app: the marketing and training brief
//! ("Who we sell to"), on screen, printed and copied as text.
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
