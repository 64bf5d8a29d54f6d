//! Clientele in Polish (#20): a Polish sales team's browser opens the app
//! in Polish, and the journey of a profile (create it, edit it, score it,
//! chart it, export it and import it in a colleague's browser) runs in
//! Polish, with numbers, money and dates as Polish writes them; the files
//! stay language-free data, and its spreadsheet is written for Polish
//! Excel. Print views in Polish keep their longer words inside their labels
//! and table cells, and every screen in Polish reflows at 320 CSS pixels and
//! passes the accessibility audit.
//!
//! Controls are found by the Polish labels a person reads, taken from the
//! Polish catalogue (`src/i18n/pl.txt`).

use crate::support::catalogue::{pl, pl_with};
use crate::support::{App, NARROW, Name, Role, WIDE, example_workspace, wait_until};
use serde_json::Value;

/// `<html lang>`: what screen readers pronounce the page as.
async fn page_language(app: &App) -> String {
    app.run("return document.documentElement.lang;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn wait_for_text(app: &App, what: &str, expected: &str) {
    // textContent, not what WebDriver reads: long lists lay out rows out
    // of view lazily, and WebDriver leaves those out.
    wait_until(
        &format!("{what}: {expected:?} is on the page"),
        async || {
            let found = app
                .run(
                    "return document.querySelector('main').textContent.includes(arguments[0]);",
                    vec![Value::from(expected)],
                )
                .await;
            if found == Value::Bool(true) {
                Ok(())
            } else {
                Err("it is not".to_owned())
            }
        },
    )
    .await;
}

fn stored_profile<'a>(stored: &'a Value, name: &str) -> Option<&'a Value> {
    stored["data"]["profiles"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
}

#[tokio::test]
async fn a_polish_team_creates_edits_scores_charts_and_shares_a_profile_in_polish() {
    const COMPANY: &str = "Hurtownia Kowalski";
    const SHEET: &str = "Najlepsi klienci 2026";
    let app = App::start_in("pl-PL").await;
    app.goto("#/profiles").await;
    // The browser prefers Polish: the first visit opens in Polish.
    app.wait_for_main_heading(&pl("profile_list_heading")).await;
    assert_eq!(page_language(&app).await, "pl");
    let navigation = app.navigation_links().await;
    assert!(
        navigation.contains(&pl("shell_route_data")),
        "the navigation is in Polish: {navigation:?}"
    );

    // Create and edit a profile, typing amounts as Polish writes them.
    app.type_into(&pl("profile_list_new_name"), COMPANY).await;
    app.press(&pl("profile_list_create")).await;
    app.wait_for_main_heading(&pl_with("profile_editor_heading", &[("name", COMPANY)]))
        .await;
    app.choose(&pl("profile_editor_status"), &pl("profile_status_customer"))
        .await;
    app.type_into(&pl("profile_editor_industry"), "Logistyka")
        .await;
    app.type_into(&pl("profile_editor_monthly_spend"), "4 250,50")
        .await;
    app.type_into(&pl("profile_editor_cost_to_serve"), "30 000")
        .await;
    app.type_into(&pl("profile_editor_cost_to_win"), "5000")
        .await;
    app.wait_until_stored(
        "the profile is saved as data, not as Polish text",
        |stored| {
            let p = stored_profile(stored, COMPANY).ok_or("the profile is not stored")?;
            match (
                p["monthly_spend"].as_str(),
                p["cost_to_serve"].as_str(),
                p["status"].as_str(),
            ) {
                (Some("4250.50"), Some("30000"), Some("customer")) => Ok(()),
                _ => Err(format!("stored as {p}")),
            }
        },
    )
    .await;

    // The one-page profile writes money with a decimal comma and spaces
    // between thousands (no-break spaces, so a number never splits).
    app.follow(&pl("shell_route_profiles")).await;
    app.wait_for_main_heading(&pl("profile_list_heading")).await;
    app.follow(COMPANY).await;
    app.wait_for_main_heading(COMPANY).await;
    // (WebDriver reads a no-break space as a space; the page's text holds
    // the no-break space itself.)
    assert_eq!(
        app.description_of(&pl("profile_view_per_month"))
            .await
            .as_deref(),
        Ok("4 250,50"),
    );
    assert_eq!(
        app.description_of(&pl("profile_view_profitability"))
            .await
            .as_deref(),
        // 51 006 a year, less 30 000 to serve and 5 000 to win them.
        Ok("16 006"),
    );
    let unbroken = app
        .run(
            "return document.querySelector('main').textContent.includes('4\\u00a0250,50');",
            vec![],
        )
        .await;
    assert_eq!(unbroken, Value::Bool(true), "thousands kept together");

    // Score it: the standard model of a new Polish workspace is in Polish.
    app.follow(&pl("shell_route_scoring")).await;
    app.wait_for_main_heading(&pl("scoring_page_title")).await;
    app.press(&pl("scoring_start_with_default")).await;
    wait_for_text(&app, "the ranked list", COMPANY).await;
    app.goto("#/scoring/model").await;
    wait_for_text(
        &app,
        "the standard model's criteria",
        &pl("scoring_default_profitability"),
    )
    .await;

    // Chart it on an ICP worksheet.
    app.follow(&pl("shell_route_worksheets")).await;
    app.wait_for_main_heading(&pl("icp_worksheets_heading"))
        .await;
    app.type_into(&pl("icp_worksheets_new_name"), SHEET).await;
    app.press(&pl("icp_worksheets_create")).await;
    app.wait_for_main_heading(SHEET).await;
    app.press(&pl_with("icp_picker_add_named", &[("name", COMPANY)]))
        .await;
    wait_until("the profile is a column of the chart", async || {
        let charted = app
            .run(
                "return [...document.querySelectorAll('main thead th')]\
                 .some(th => th.textContent.includes(arguments[0]));",
                vec![Value::from(COMPANY)],
            )
            .await;
        if charted == Value::Bool(true) {
            Ok(())
        } else {
            Err("no column heading names it".to_owned())
        }
    })
    .await;

    // Its spreadsheet is for Polish Excel: Polish headers and words, the
    // user's own text as typed, semicolons and decimal commas from the start.
    app.follow(&pl("shell_route_profiles")).await;
    app.wait_for_main_heading(&pl("profile_list_heading")).await;
    app.open_disclosure(&pl("data_csv_export_summary")).await;
    let semicolons = app
        .field(&pl("data_csv_export_semicolons"))
        .await
        .expect("the choice of semicolons");
    assert_eq!(
        semicolons.prop("checked").await.unwrap().as_deref(),
        Some("true"),
        "semicolons are chosen on a Polish page"
    );
    app.press(&pl("data_csv_export_download")).await;
    let (_, sheet) = app.take_download().await;
    let header = format!(
        "\u{feff}{};{};{};",
        pl("data_csv_target_company_name"),
        pl("data_csv_target_website"),
        pl("data_csv_target_industry")
    );
    assert!(sheet.starts_with(&header), "{sheet}");
    let row = format!(
        "{COMPANY};;Logistyka;;{};;;;4250,5;",
        pl("profile_status_customer")
    );
    assert!(sheet.contains(&row), "{sheet}");

    // Export everything; the file is data, the same in every language.
    app.follow(&pl("shell_route_data")).await;
    app.wait_for_main_heading(&pl("data_page_title")).await;
    app.open_disclosure(&pl("data_export_everything")).await;
    app.press(&pl("data_export_download")).await;
    let (_, text) = app.take_download().await;
    let file: Value = serde_json::from_str(&text).expect("the export is JSON");
    let exported = stored_profile(&file, COMPANY).expect("the profile is in the file");
    assert_eq!(exported["monthly_spend"], "4250.50");
    let path = app.last_download();

    // A colleague's browser, also in Polish, imports it.
    let colleague = App::start_in("pl-PL").await;
    colleague.goto("#/data").await;
    colleague
        .wait_for_main_heading(&pl("data_page_title"))
        .await;
    colleague
        .upload(&pl("data_file_picker_label"), &[path])
        .await;
    colleague
        .wait_for_main_heading(&pl("data_import_title"))
        .await;
    colleague.press(&pl("data_import_confirm")).await;
    colleague.goto("#/profiles").await;
    colleague.wait_for(Role::Link, Name::Is(COMPANY)).await;

    // The colleague switches to English: the page follows at once, and the
    // choice is kept in this browser.
    colleague
        .choose(&pl("shell_language_switch"), "English")
        .await;
    colleague.wait_for_main_heading("Profiles").await;
    assert_eq!(page_language(&colleague).await, "en");
    colleague.reload().await;
    colleague.wait_for_main_heading("Profiles").await;
    assert_eq!(
        colleague.stored("clientele.v1.language").await.as_deref(),
        Some("en")
    );
    app.assert_no_console_errors();
    colleague.assert_no_console_errors();
}

/// Labels, terms and table cells, in print media, whose text runs past
/// their own box or past their parent's: longer Polish words must wrap or
/// fit, never spill over a neighbour or get cut off.
const OVERFLOWING: &str = r#"
const found = [];
const boxes = document.querySelectorAll(
  'main label, main th, main td, main dt, main dd, main legend, main h1, main h2, main h3, main caption');
for (const element of boxes) {
  const style = getComputedStyle(element);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  // Hidden from the eye on purpose: names for screen readers only.
  if (element.closest('.no-print, .visually-hidden')) continue;
  const rect = element.getBoundingClientRect();
  if (rect.width <= 1 || rect.height <= 1) continue;
  const spills = element.scrollWidth > element.clientWidth + 1;
  const parent = element.parentElement.getBoundingClientRect();
  const outside = rect.right > parent.right + 1 && style.position !== 'absolute';
  if (spills || outside) {
    found.push(element.tagName.toLowerCase() + ': ' + element.textContent.trim().slice(0, 80));
  }
}
return found;
"#;

/// Saves what print media shows as a PNG under `target/e2e-screenshots/`,
/// for a person to look at when the test fails.
fn keep_screenshot(app: &App, name: &str) {
    let shot = app.cdp(
        "Page.captureScreenshot",
        serde_json::json!({"format": "png", "captureBeyondViewport": true}),
    );
    let Some(data) = shot["data"].as_str() else {
        return;
    };
    let Ok(bytes) = decode_base64(data) else {
        return;
    };
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    let _ = std::fs::create_dir_all(&folder);
    let _ = std::fs::write(folder.join(format!("{name}.png")), bytes);
}

fn decode_base64(text: &str) -> Result<Vec<u8>, ()> {
    let value = |c: u8| -> Result<u32, ()> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(()),
        } as u32)
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for chunk in text.trim_end_matches('=').as_bytes().chunks(4) {
        let mut bits = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            bits |= value(*c)? << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

/// A browser that prefers Polish, with the example workspace loaded: the
/// app, the id of the example's first profile and of its worksheet.
async fn polish_example() -> (App, String, String) {
    let app = App::start_in("pl-PL").await;
    app.goto("#/").await;
    let example = example_workspace();
    app.load_workspace(&example).await;
    let id = |record: &Value| record["id"].as_str().expect("an id").to_owned();
    let first = id(&example["data"]["profiles"][0]);
    let sheet = id(&example["data"]["worksheets"][0]);
    (app, first, sheet)
}

#[tokio::test]
async fn printed_in_polish_the_longer_words_stay_inside_their_labels_and_cells() {
    let (app, first, sheet) = polish_example().await;
    // A4 paper's printable width at the print style's size.
    app.cdp(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({"width": 720, "height": 1000, "deviceScaleFactor": 1, "mobile": false}),
    );
    for (name, route) in [
        ("profile", format!("#/profiles/{first}")),
        ("case-study", format!("#/profiles/{first}/case-study")),
        ("worksheet", format!("#/icp/{sheet}")),
        ("portfolio", "#/portfolio".to_owned()),
        ("scoring", "#/scoring".to_owned()),
    ] {
        app.goto(&route).await;
        app.wait_until_ready().await;
        assert_eq!(page_language(&app).await, "pl");
        app.emulate_media("print");
        let spilled = app.run(OVERFLOWING, vec![]).await;
        keep_screenshot(&app, &format!("pl-print-{name}"));
        app.emulate_media("");
        assert_eq!(
            spilled,
            Value::Array(vec![]),
            "printed in Polish, {name} has text running out of its box (screenshot in target/e2e-screenshots/pl-print-{name}.png)"
        );
    }
    app.assert_no_console_errors();
}

#[tokio::test]
async fn every_screen_in_polish_reflows_on_a_phone_and_passes_the_audit() {
    let (app, first, sheet) = polish_example().await;
    let mut found = Vec::new();
    for route in [
        "#/".to_owned(),
        "#/profiles".to_owned(),
        format!("#/profiles/{first}"),
        format!("#/profiles/{first}/edit"),
        format!("#/profiles/{first}/case-study"),
        "#/icp".to_owned(),
        format!("#/icp/{sheet}"),
        "#/scoring".to_owned(),
        "#/scoring/model".to_owned(),
        "#/scoring/rate".to_owned(),
        format!("#/scoring/{first}"),
        "#/surveys".to_owned(),
        "#/brief".to_owned(),
        "#/portfolio".to_owned(),
        "#/data".to_owned(),
    ] {
        app.goto(&route).await;
        app.wait_until_ready().await;
        assert_eq!(page_language(&app).await, "pl", "{route}");
        // Polish words run longer than English: at 320 CSS pixels nothing
        // may make the page scroll sideways.
        app.set_width(NARROW).await;
        if let Some(wide) = app.scrolls_sideways().await {
            found.push(format!("{route} at {NARROW} px scrolls sideways: {wide}"));
        }
        found.extend(
            app.audit(&format!("{route} in Polish at {NARROW} px"))
                .await,
        );
        app.set_width(WIDE).await;
    }
    assert!(found.is_empty(), "{}", found.join("\n\n"));

    // The report's heading names the chosen status in Polish too.
    app.goto("#/portfolio").await;
    app.wait_until_ready().await;
    app.choose(&pl("icp_portfolio_status"), &pl("profile_status_customer"))
        .await;
    wait_for_text(
        &app,
        "the report's heading",
        &format!(" · {}", pl("profile_status_customer")),
    )
    .await;
    app.assert_no_console_errors();
}
