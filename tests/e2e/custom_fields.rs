//! Fields of the team's own: defined on Data & backup, filled in the
//! profile editor, shown on the one-page profile, scored by the model, and
//! carried to a colleague in an exported file.

use crate::support::{App, wait_until};
use serde_json::{Value, json};

/// The stored profile named `name`.
fn profile<'a>(stored: &'a Value, name: &str) -> Option<&'a Value> {
    stored["data"]["profiles"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
}

/// The id of the stored field of their own named `name`.
fn field_id(stored: &Value, name: &str) -> Option<String> {
    stored["data"]["settings"]["custom_fields"]
        .as_array()?
        .iter()
        .find(|f| f["name"] == name)
        .and_then(|f| f["id"].as_str())
        .map(str::to_owned)
}

#[tokio::test]
async fn a_field_of_their_own_is_filled_scored_and_travels_to_a_colleague() {
    let app = App::open("#/data").await;
    app.type_into("New field's name", "Support plan").await;
    app.choose("It holds", "Choice").await;
    app.press("Add the field").await;
    app.type_into("Options", "Gold\nSilver").await;
    app.type_into("New field's name", "Contract size").await;
    app.choose("It holds", "Number").await;
    app.press("Add the field").await;
    // A name the workspace has is refused beside the field.
    app.type_into("New field's name", "support PLAN").await;
    app.press("Add the field").await;
    app.wait_for_refusal("New field's name", "Another field has this name")
        .await;
    let (plan, size) = app
        .wait_until_stored("both fields are stored", |stored| {
            let fields = &stored["data"]["settings"]["custom_fields"];
            match (
                field_id(stored, "Support plan"),
                field_id(stored, "Contract size"),
            ) {
                (Some(plan), Some(size))
                    if fields[0]["options"] == json!(["Gold", "Silver"])
                        && fields[1]["kind"] == "number"
                        && fields.as_array().map(Vec::len) == Some(2) =>
                {
                    Ok((plan, size))
                }
                _ => Err(format!("the fields are stored as {fields}")),
            }
        })
        .await;

    // The profile editor has an input for each, checked as typed.
    app.goto("#/profiles").await;
    app.create_profile("Acme").await;
    app.type_into("Contract size", "lots").await;
    app.wait_for_refusal("Contract size", "Type a number").await;
    app.type_into("Contract size", "12 500,50").await;
    app.choose("Support plan", "Gold").await;
    let id = app
        .wait_until_stored("the values are stored in one form", |stored| {
            let acme = profile(stored, "Acme").ok_or("no Acme yet")?;
            let custom = &acme["custom"];
            if custom[&plan] == "Gold" && custom[&size] == "12500.5" {
                Ok(acme["id"].as_str().unwrap_or_default().to_owned())
            } else {
                Err(format!("Acme's values are {custom}"))
            }
        })
        .await;

    // A category criterion compares the plan.
    app.goto("#/scoring").await;
    app.wait_for_main_heading("Scoring").await;
    app.press("Start with the Perfect Prospect Model").await;
    app.goto("#/scoring/model").await;
    app.wait_for_main_heading("Scoring model").await;
    app.choose("Kind of new criterion", "Category match").await;
    app.press("Add criterion").await;
    app.wait_for_field_value("Industries that match", "").await;
    app.choose("Profile field compared", "Support plan (your field)")
        .await;
    app.type_into("Values that match", "Gold").await;
    app.wait_until_stored("the criterion compares the plan", |stored| {
        let last = stored["data"]["models"][0]["criteria"]
            .as_array()
            .and_then(|c| c.last().cloned())
            .unwrap_or_default();
        let kind = &last["kind"];
        if kind["field"] == format!("custom:{plan}") && kind["values"] == json!(["Gold"]) {
            Ok(())
        } else {
            Err(format!("the new criterion is stored as {last}"))
        }
    })
    .await;
    plan_counts_in_the_score(&app, &id).await;

    // Exported and imported by a colleague, the fields come along: the
    // values show and still score.
    app.goto("#/data").await;
    app.open_disclosure("Export everything").await;
    app.press("Download").await;
    app.take_download().await;
    let colleague = App::open("#/data").await;
    colleague
        .upload("Choose files to import", &[app.last_download()])
        .await;
    colleague.wait_for_main_heading("Import a file").await;
    wait_until("the preview names the fields that come along", async || {
        let text = colleague.page_text().await;
        text.contains("Fields of your own this workspace gets: Support plan, Contract size.")
            .then_some(())
            .ok_or(text)
    })
    .await;
    colleague.press("Import").await;
    colleague
        .wait_until_stored("the fields and values arrive", |stored| {
            let acme = profile(stored, "Acme").ok_or("no Acme yet")?;
            let arrived = field_id(stored, "Support plan").as_ref() == Some(&plan)
                && acme["custom"][&plan] == "Gold";
            arrived.then_some(()).ok_or(format!("{stored}"))
        })
        .await;
    colleague.goto(&format!("#/profiles/{id}")).await;
    wait_until("the one-page profile shows the values", async || {
        let plan = colleague.description_of("Support plan").await?;
        let size = colleague.description_of("Contract size").await?;
        (plan == "Gold" && size == "12,500.50")
            .then_some(())
            .ok_or(format!("{plan}; {size}"))
    })
    .await;
    plan_counts_in_the_score(&colleague, &id).await;
    app.assert_no_console_errors();
    colleague.assert_no_console_errors();
}

/// Waits until the score explanation of profile `id` counts its plan, Gold,
/// as a full match of the new criterion.
async fn plan_counts_in_the_score(app: &App, id: &str) {
    app.goto(&format!("#/scoring/{id}")).await;
    wait_until("the plan counts in the score", async || {
        let text = app.page_text().await;
        text.contains("New criterion\tGold\t100")
            .then_some(())
            .ok_or(text)
    })
    .await;
}
