//! Customer profiles, end to end: creating and editing one, finding it
//! again, the one-page view and its print, what the home screen points
//! out, deleting with undo, and fields that refuse what cannot be stored.

use crate::support::{App, Name, Role, pdf_pages, wait_until, workspace_envelope};
use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::wd::PrintSize;
use serde_json::{Value, json};

/// A fixed, valid UUID for test data, distinct for each `n`.
fn uuid(n: u32) -> String {
    format!("6f1c1d1e-7d2a-4c43-9a51-{n:012}")
}

/// A stored workspace envelope holding `profiles`, as the app writes it.
fn workspace(profiles: Vec<Value>) -> Value {
    workspace_envelope(&uuid(1), "Acme sales", json!({ "profiles": profiles }))
}

/// A profile with nothing but its name.
fn bare_profile(id: &str, name: &str) -> Value {
    json!({
        "id": id,
        "created_at": "2026-02-01T10:00:00.000Z",
        "name": name,
        "status": "customer",
    })
}

/// The stored profile named `name`, if storage holds one.
fn stored_profile<'a>(stored: &'a Value, name: &str) -> Option<&'a Value> {
    stored["data"]["profiles"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
}

/// Field `field` of the stored profile named `name`.
fn stored_field(stored: &Value, name: &str, field: &str) -> Result<Value, String> {
    stored_profile(stored, name)
        .map(|profile| profile[field].clone())
        .ok_or_else(|| format!("no profile named {name:?} is stored"))
}

/// The names of the stored profiles, in order.
fn stored_names(stored: &Value) -> Vec<String> {
    stored["data"]["profiles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

/// Waits until the field labelled `label` has the keyboard focus.
async fn wait_until_focused(app: &App, label: &str) {
    wait_until(&format!("the {label} field has the focus"), async || {
        let field = app.field(label).await?;
        let id = field.attr("id").await.map_err(|e| e.to_string())?;
        let focused = app
            .run(
                "return document.activeElement && document.activeElement.id;",
                vec![],
            )
            .await;
        if id.is_some() && focused.as_str() == id.as_deref() {
            Ok(())
        } else {
            Err(format!("the focus is on {focused}"))
        }
    })
    .await;
}

/// The company names the profile table lists now, in order.
async fn listed_companies(app: &App) -> Result<Vec<String>, String> {
    let links = app
        .client()
        .find_all(Locator::XPath(
            "//table//tbody//th[@scope = 'row']//a[@href]",
        ))
        .await
        .map_err(|e| e.to_string())?;
    let mut names = Vec::new();
    for link in links {
        names.push(link.text().await.map_err(|e| e.to_string())?);
    }
    Ok(names)
}

/// Waits until the profile table lists exactly `expected`.
async fn wait_for_listed(app: &App, expected: &[&str]) {
    wait_until(&format!("the table lists {expected:?}"), async || {
        let listed = listed_companies(app).await?;
        if listed == expected {
            Ok(())
        } else {
            Err(format!("it lists {listed:?}"))
        }
    })
    .await;
}

/// Waits until the section headed `heading` shows every one of `texts`,
/// and returns it.
async fn wait_for_section_with(app: &App, heading: &str, texts: &[&str]) -> Element {
    wait_until(
        &format!("the {heading:?} section shows {texts:?}"),
        async || {
            let section = app.section(heading).await?;
            let shown = section.text().await.map_err(|e| e.to_string())?;
            match texts.iter().find(|text| !shown.contains(*text)) {
                None => Ok(section),
                Some(missing) => Err(format!("{missing:?} is missing from {shown:?}")),
            }
        },
    )
    .await
}

/// Whether any field on the page is marked invalid.
async fn invalid_fields(app: &App) -> Vec<String> {
    let found = app
        .run(
            "return [...document.querySelectorAll('[aria-invalid=\"true\"]')].map(e => e.id);",
            vec![],
        )
        .await;
    serde_json::from_value(found).expect("a list of ids")
}

#[tokio::test]
async fn a_profile_with_people_needs_and_a_plan_is_kept_found_and_shown_on_one_page() {
    const COMPANY: &str = "Kowalski Logistics";
    const ADDRESS: &str = "ul. Prosta 20, 00-850 Warszawa";
    const STEP: &str = "Send the renewal offer";
    let app = App::open("#/profiles").await;
    app.wait_for_main_heading("Profiles").await;

    // A second profile, so that searching has something to leave out.
    app.create_profile("Nordic Timber").await;
    app.follow("Profiles").await;
    app.wait_for_main_heading("Profiles").await;
    app.create_profile(COMPANY).await;

    app.type_into("Industry", "Logistics").await;
    app.type_into("Number of employees", "50-100").await;
    // Polish style: a space between thousands, a decimal comma.
    app.type_into("Average spend per month", "4 250,50").await;
    app.type_into("Cost to serve per year", "30 000").await;
    app.type_into("Cost to win per year", "5000").await;
    app.type_into("Needs and wishes", "Next-day delivery to 40 shops")
        .await;

    app.press("Add address").await;
    wait_until_focused(&app, "Address label").await;
    app.type_into("Address", ADDRESS).await;
    app.field("Headquarters")
        .await
        .unwrap()
        .click()
        .await
        .expect("the Headquarters box can be ticked");

    app.press("Add person").await;
    wait_until_focused(&app, "Person's name").await;
    app.type_into("Person's name", "Anna Nowak").await;
    app.type_into("Job title", "Chief Financial Officer").await;
    app.choose("Buying role", "Decision maker").await;
    app.type_into("Day", "14").await;
    app.choose("Month", "March").await;
    app.type_into("Year (optional)", "1980").await;

    app.press("Add step").await;
    wait_until_focused(&app, "Step").await;
    app.type_into("Step", STEP).await;
    app.type_into("Owner", "Piotr").await;
    // Long past, so the step is overdue whatever today is.
    app.pick_value("Due date", "2024-01-15").await;

    app.wait_until_stored("the new profile is saved in full", |stored| {
        let p = stored_profile(stored, COMPANY).ok_or("the profile is not stored")?;
        let expected = json!({
            "industry": "Logistics",
            "employees": {"kind": "range", "low": 50, "high": 100},
            "monthly_spend": "4250.50",
            "cost_to_serve": "30000",
            "cost_to_win": "5000",
            "needs": "Next-day delivery to 40 shops",
        });
        for (key, value) in expected.as_object().unwrap() {
            if &p[key] != value {
                return Err(format!("{key} is stored as {}", p[key]));
            }
        }
        let address = &p["addresses"][0];
        let person = &p["people"][0];
        let step = &p["action_plan"][0];
        let rows = [
            (address["text"] == ADDRESS, "the address"),
            (address["headquarters"] == true, "the headquarters mark"),
            (person["name"] == "Anna Nowak", "the person's name"),
            (
                person["title"] == "Chief Financial Officer",
                "the job title",
            ),
            (person["role"] == "decision_maker", "the buying role"),
            (
                person["birthday"] == json!({"month": 3, "day": 14, "year": 1980}),
                "the birthday",
            ),
            (step["description"] == STEP, "the step"),
            (step["owner"] == "Piotr", "the owner"),
            (step["due"] == "2024-01-15", "the due date"),
        ];
        match rows.iter().find(|(ok, _)| !ok) {
            None => Ok(()),
            Some((_, what)) => Err(format!("{what} is not stored as typed: {p}")),
        }
    })
    .await;
    let invalid = invalid_fields(&app).await;
    assert!(invalid.is_empty(), "fields marked invalid: {invalid:?}");

    app.reload().await;
    app.wait_for_main_heading(&format!("Edit {COMPANY}")).await;
    app.follow("Profiles").await;
    app.wait_for_main_heading("Profiles").await;
    wait_for_listed(&app, &["Kowalski Logistics", "Nordic Timber"]).await;
    assert_eq!(
        app.misaligned_cells("table.profiles-list").await,
        Vec::<String>::new(),
        "every cell of the profile list sits under its column's heading"
    );

    app.type_into("Search by company name", "kowal").await;
    wait_for_listed(&app, &[COMPANY]).await;
    app.wait_for(Role::Status, Name::Is("1 of 2 profiles"))
        .await;

    app.follow(COMPANY).await;
    app.wait_for_main_heading(COMPANY).await;
    let facts = [
        ("Employees", "50–100"),
        ("Headquarters", ADDRESS),
        ("Per month", "4,250.50"),
        ("Per year", "51,006 (computed)"),
        ("Cost to serve", "30,000"),
        ("Cost to win", "5,000"),
        // 51,006 spent with us, less 30,000 to serve and 5,000 to win them.
        ("Profitability", "16,006"),
        ("Needs and wishes", "Next-day delivery to 40 shops"),
    ];
    for (term, expected) in facts {
        assert_eq!(
            app.description_of(term).await.as_deref(),
            Ok(expected),
            "the one-page view's {term}"
        );
    }
    wait_for_section_with(
        &app,
        "Key people",
        &[
            "Anna Nowak",
            "Chief Financial Officer",
            "Decision maker",
            "Mar 14, 1980",
        ],
    )
    .await;
    let plan = wait_for_section_with(&app, "Action plan", &[STEP]).await;
    let step = plan
        .find(Locator::XPath(&format!(".//li[contains(., '{STEP}')]")))
        .await
        .expect("the step's item");
    let step = step.text().await.unwrap();
    assert!(
        step.contains("Piotr") && step.contains("due Jan 15, 2024") && step.contains("Overdue"),
        "the step shows its owner, due date and that it is overdue: {step:?}"
    );
    app.assert_no_console_errors();
}

/// A profile as full as a typical customer's: four people, two addresses,
/// two opportunities, two competitors, five steps, a goal of the key
/// account plan, four log entries.
fn typical_profile(id: &str, name: &str) -> Value {
    let person = |n: u32, name: &str, title: &str, role: &str, month: u32| {
        json!({
            "id": uuid(100 + n),
            "name": name,
            "title": title,
            "role": role,
            "influence": 5 - n.min(4) + 1,
            "email": format!("{}@kowalski-logistics.pl", name.split(' ').next().unwrap().to_lowercase()),
            "phone": format!("+48 22 555 01 0{n}"),
            "birthday": {"month": month, "day": 10 + n, "year": 1970 + n},
            "notes": "Prefers a call before any written offer.",
        })
    };
    let step = |n: u32, text: &str, due: &str, done: bool| json!({"id": uuid(300 + n), "description": text, "owner": "Piotr Zieliński", "due": due, "done": done});
    let log = |n: u32, date: &str, kind: &str, text: &str| json!({"id": uuid(400 + n), "date": date, "kind": kind, "text": text});
    let mut anna = person(
        1,
        "Anna Nowak",
        "Chief Financial Officer",
        "decision_maker",
        3,
    );
    anna["key_executive"] = json!(true);
    json!({
        "id": id,
        "created_at": "2025-03-01T10:00:00.000Z",
        "name": name,
        "status": "customer",
        "website": "https://kowalski-logistics.example.pl",
        "industry": "Logistics",
        "business_type": "Franchise",
        "employees": {"kind": "range", "low": 50, "high": 100},
        "revenue": {"kind": "range", "low": "1000000", "high": "5000000"},
        "currency": "PLN",
        "location": "Warszawa, Mazowieckie",
        "region": "Within 50 km",
        "customer_since": "2019-12-01",
        "addresses": [
            {"id": uuid(201), "label": "Head office", "text": "ul. Prosta 20\n00-850 Warszawa\nPoland", "headquarters": true},
            {"id": uuid(202), "label": "Warehouse", "text": "ul. Magazynowa 4\n05-800 Pruszków\nPoland"},
        ],
        "hq_phone": "+48 22 555 01 00",
        "hq_email": "biuro@kowalski-logistics.pl",
        "people": [
            anna,
            person(2, "Jan Kowalski", "Managing Director", "influencer", 6),
            person(3, "Ewa Wiśniewska", "IT Manager", "champion", 9),
            person(4, "Tomasz Wójcik", "Office Manager", "gatekeeper", 11),
        ],
        "purchases": ["Managed Desktop", "Antivirus", "Backup and recovery", "Help desk hours"],
        "monthly_spend": "4250.50",
        "direct_costs": "30000",
        "referred": "yes",
        "referral_count": 2,
        "testimonial": "yes",
        "loyalty_notes": "Referred two logistics firms in 2024; gave a video testimonial.",
        "needs": "Next-day delivery to every depot; one invoice a month for all sites.",
        "financial": {
            "rating": "stable",
            "note": "Revenue grew 8% last year; new warehouse financed by a bank loan.",
            "as_of": "2026-06-30",
            "source": "Annual report 2025",
        },
        "opportunities": [
            {"id": uuid(501), "title": "Warehouse Wi-Fi upgrade", "value": "45000", "stage": "Proposal", "expected": "2027-02-01"},
            {"id": uuid(502), "title": "Second site help desk", "value": "18000", "stage": "Lead", "expected": "2027-06-01"},
        ],
        "competitors": [
            {"id": uuid(601), "name": "NetSerwis", "sells": "Printers and toner", "notes": "Cheap, slow to respond."},
            {"id": uuid(602), "name": "CloudOne", "sells": "Office 365 licences", "notes": "Contract ends in March."},
        ],
        "action_plan": [
            step(1, "Send the renewal offer for Managed Desktop", "2024-01-15", false),
            step(2, "Invite Anna Nowak to the spring customer breakfast", "2027-03-10", false),
            step(3, "Survey the new warehouse for Wi-Fi coverage", "2026-12-05", false),
            step(4, "Quarterly review meeting with the Managing Director", "2027-01-20", false),
            step(5, "Ask for a case study on the backup project", "2026-09-01", true),
        ],
        "log": [
            log(1, "2026-10-01", "key_personnel_change", "New IT Manager: Ewa Wiśniewska replaces Marek Lis."),
            log(2, "2026-06-30", "financial_update", "Annual report: revenue up 8%, profit stable."),
            log(3, "2026-03-15", "new_project", "Opened a second warehouse in Pruszków."),
            log(4, "2025-11-20", "other", "Moved the head office to ul. Prosta 20."),
        ],
        "account_plan": [
            {"id": uuid(701), "goal": "Be their only IT supplier by 2028", "target": "Managed Desktop at both sites; 80,000 a year",
             "from": "2027-01-01", "until": "2027-12-31", "opportunities": [uuid(501), uuid(502)], "steps": [uuid(303), uuid(304)]},
        ],
        "last_reviewed": "2026-10-15",
    })
}

#[tokio::test]
async fn the_profiles_found_download_as_a_spreadsheet_that_imports_back_into_a_fresh_browser() {
    const COMPANY: &str = "Kowalski Logistics";
    let app = App::open("#/profiles").await;
    let mut typical = typical_profile(&uuid(10), COMPANY);
    // A text a spreadsheet would run as a formula, and a line break.
    typical["industry"] = json!("=HYPERLINK(\"http://evil.example\")");
    typical["loyalty_notes"] = json!("Referred two firms;\ngave a \"video\" testimonial.");
    app.load_workspace(&workspace(vec![
        typical.clone(),
        bare_profile(&uuid(11), "Zeta Foods"),
    ]))
    .await;
    app.wait_for_main_heading("Profiles").await;
    // Only what the search finds goes in the file.
    app.type_into("Search by company name", "kowalski").await;
    app.wait_for(Role::Status, Name::Is("1 of 2 profiles"))
        .await;
    app.open_disclosure("Download as a spreadsheet (CSV)").await;
    app.field("Semicolons and decimal commas (Excel in Polish and most European languages)")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.press("Download CSV").await;
    let (name, text) = app.take_download().await;
    assert!(
        name.starts_with("clientele-profiles-") && name.ends_with(".csv"),
        "{name}"
    );
    app.wait_for(
        Role::Status,
        Name::StartsWith("Downloaded clientele-profiles-"),
    )
    .await;
    assert!(
        text.starts_with("\u{feff}Company name;Web address;Industry;"),
        "{text}"
    );
    assert!(text.contains(";\"'=HYPERLINK("), "no formula runs: {text}");
    assert!(text.contains(";4250,5;"), "a decimal comma: {text}");
    assert_eq!(
        text.matches("\r\n").count(),
        2,
        "a header and one profile: {text}"
    );

    let fresh = App::open("#/data").await;
    fresh
        .upload("Choose files to import", &[app.last_download()])
        .await;
    fresh.wait_for_main_heading("Import a CSV file").await;
    fresh
        .wait_for(
            Role::Status,
            Name::StartsWith(
                "1 new profile, 0 profiles here updated, 0 rows skipped, 0 values not read",
            ),
        )
        .await;
    fresh.press("Continue to the import preview").await;
    fresh.wait_for_main_heading("Import a file").await;
    fresh.press("Import").await;
    let fields = [
        "name",
        "status",
        "website",
        "industry",
        "business_type",
        "employees",
        "revenue",
        "currency",
        "location",
        "region",
        "hq_phone",
        "hq_email",
        "customer_since",
        "loyalty_notes",
    ];
    let wanted: Vec<Value> = fields.iter().map(|f| typical[*f].clone()).collect();
    let contact = |p: &Value| {
        let first = &p["people"][0];
        ["name", "title", "email", "phone"].map(|f| first[f].clone())
    };
    fresh
        .wait_until_stored("the profile is back as it was", |stored| {
            let Some(back) = stored["data"]["profiles"].get(0) else {
                return Err("no profile yet".into());
            };
            let read: Vec<Value> = fields.iter().map(|f| back[*f].clone()).collect();
            let spend = back["monthly_spend"].as_str().map(str::to_owned);
            if read == wanted
                && contact(back) == contact(&typical)
                && spend.as_deref() == Some("4250.5")
            {
                Ok(())
            } else {
                Err(format!("{read:?}, {:?}, {spend:?}", contact(back)))
            }
        })
        .await;
    app.assert_no_console_errors();
    fresh.assert_no_console_errors();
}

#[tokio::test]
async fn a_case_study_prints_only_the_parts_chosen_and_never_money_competitors_or_contacts() {
    const COMPANY: &str = "Kowalski Logistics";
    let id = uuid(10);
    let mut typical = typical_profile(&id, COMPANY);
    // Shown as text, never as markup.
    typical["needs"] = json!("<img src=x onerror=\"document.title='hacked'\"> Next-day delivery");
    let app = App::open(&format!("#/profiles/{id}")).await;
    app.load_workspace(&workspace(vec![typical])).await;
    app.wait_for_main_heading(COMPANY).await;
    app.follow("Case study").await;
    app.wait_for_main_heading(&format!("Case study: {COMPANY}"))
        .await;
    for part in [
        "Key people's names and job titles",
        "Their needs and wishes",
        "New projects from the update log",
    ] {
        app.field(part).await.unwrap().click().await.unwrap();
    }
    wait_for_section_with(
        &app,
        "New projects",
        &["Opened a second warehouse in Pruszków"],
    )
    .await;
    app.emulate_media("print");
    let printed = app.page_text().await;
    app.emulate_media("");
    for shown in [
        "Case study: Kowalski Logistics",
        "Logistics",
        "Managed Desktop",
        "Anna Nowak, Chief Financial Officer",
        "Gave a testimonial",
        "<img src=x",
        "Mar 15, 2026: Opened a second warehouse in Pruszków",
    ] {
        assert!(
            printed.contains(shown),
            "{shown:?} is not printed: {printed}"
        );
    }
    for left_out in [
        // Money, opportunities, competitors, financial condition.
        "4,250",
        "4250",
        "1000000",
        "Warehouse Wi-Fi upgrade",
        "NetSerwis",
        "Cheap, slow to respond",
        "Revenue grew 8%",
        // Internal notes, plans and the other log entries.
        "Referred two logistics firms",
        "Send the renewal offer",
        "Be their only IT supplier",
        "New IT Manager",
        // People's and the office's contact details.
        "@kowalski-logistics.pl",
        "+48 22 555",
        "Prefers a call",
        // The app around it, and the choice of parts.
        "Show in the case study",
        "Profiles",
    ] {
        assert!(
            !printed.contains(left_out),
            "{left_out:?} is printed: {printed}"
        );
    }
    let title = app.run("return document.title;", vec![]).await;
    assert_ne!(title, json!("hacked"));
    let pdf = app.print_pdf(PrintSize::A4).await;
    assert_eq!(pdf_pages(&pdf), 1, "the case study prints on one page");
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_typical_profile_prints_on_one_a4_or_letter_page_without_the_app_around_it() {
    const COMPANY: &str = "Kowalski Logistics";
    let id = uuid(10);
    let app = App::open(&format!("#/profiles/{id}")).await;
    app.load_workspace(&workspace(vec![typical_profile(&id, COMPANY)]))
        .await;
    app.wait_for_main_heading(COMPANY).await;
    wait_for_section_with(&app, "Update log", &["Opened a second warehouse"]).await;
    // With a scoring model, the score, tier and top reasons are under the
    // name, and the page still prints on one sheet.
    app.goto("#/scoring").await;
    app.wait_for_main_heading("Scoring").await;
    app.press("Start with the Perfect Prospect Model").await;
    wait_until("the model is in use", async || {
        app.field("Active model").await
    })
    .await;
    app.goto(&format!("#/profiles/{id}")).await;
    app.wait_for_main_heading(COMPANY).await;
    let line = wait_until("the score is under the name", async || {
        let found = app
            .client()
            .find(Locator::XPath(
                "//article//p[starts-with(normalize-space(.), 'Score ')]",
            ))
            .await
            .map_err(|e| e.to_string())?;
        found.text().await.map_err(|e| e.to_string())
    })
    .await;
    assert!(
        line.starts_with("Score ") && line.contains(". Most of it comes from "),
        "{line}"
    );
    let score: String = line["Score ".len()..].split(' ').next().unwrap().into();
    app.follow("How the score is made").await;
    app.wait_for_main_heading(&format!("Score of {COMPANY}"))
        .await;
    app.wait_for(
        Role::Status,
        Name::StartsWith(&format!("Score {score} of 100")),
    )
    .await;
    app.goto(&format!("#/profiles/{id}")).await;
    app.wait_for_main_heading(COMPANY).await;
    wait_for_section_with(&app, "Update log", &["Opened a second warehouse"]).await;

    for (paper, size) in [("A4", PrintSize::A4), ("Letter", PrintSize::US_LETTER)] {
        let pdf = app.print_pdf(size).await;
        assert!(pdf.starts_with(b"%PDF-"), "{paper}: not a PDF");
        assert_eq!(pdf_pages(&pdf), 1, "the profile prints on one {paper} page");
    }

    // In print, only the profile is shown: not the navigation, header,
    // messages, status line or the buttons around it.
    app.emulate_media("print");
    let hidden = app
        .run(
            "const shown = e => e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;\n\
             return {\n\
               navigation: shown(document.querySelector('nav')),\n\
               header: shown(document.querySelector('header.app-header')),\n\
               status: shown(document.querySelector('[aria-label=\"Storage status\"]')),\n\
               buttons: [...document.querySelectorAll('button')].some(shown),\n\
               profile: shown(document.querySelector('article')),\n\
             };",
            vec![],
        )
        .await;
    assert_eq!(
        hidden,
        json!({"navigation": false, "header": false, "status": false, "buttons": false, "profile": true}),
        "what print media shows"
    );
    app.emulate_media("");
    let nav = app
        .client()
        .find(Locator::XPath("//nav"))
        .await
        .expect("the navigation");
    assert!(
        nav.is_displayed().await.unwrap(),
        "the navigation is back on screen"
    );
    app.assert_no_console_errors();
}

/// Today in the browser's time zone, and the month and day `offset` days
/// from it (moved off 29 February, which common years lack), as the page
/// computes them.
async fn browser_dates(app: &App, past: i64, ahead: &[i64]) -> (String, Vec<(u32, u32)>) {
    let answer = app
        .run(
            "const now = new Date();\n\
             const at = offset => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);\n\
             const iso = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');\n\
             const monthDay = offset => {\n\
               let d = at(offset);\n\
               if (d.getMonth() === 1 && d.getDate() === 29) d = at(offset + 1);\n\
               return [d.getMonth() + 1, d.getDate()];\n\
             };\n\
             return [iso(at(-arguments[0])), arguments[1].map(monthDay)];",
            vec![json!(past), json!(ahead)],
        )
        .await;
    serde_json::from_value(answer).expect("dates from the browser")
}

/// A `YYYY-MM-DD` day as the English screens write it: "Nov 27, 2026".
fn shown_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<u32> = iso.split('-').map(|p| p.parse().expect("a date")).collect();
    format!(
        "{} {}, {}",
        MONTHS[parts[1] as usize - 1],
        parts[2],
        parts[0]
    )
}

#[tokio::test]
async fn home_lists_overdue_steps_and_upcoming_birthdays_with_links_to_their_profiles() {
    const COMPANY: &str = "Baltic Fisheries";
    let id = uuid(20);
    let app = App::open("#/").await;
    let (past_due, days) = browser_dates(&app, 10, &[12, 90]).await;
    let (soon, later) = (days[0], days[1]);
    let mut profile = bare_profile(&id, COMPANY);
    profile["people"] = json!([
        {"id": uuid(121), "name": "Maria Lindqvist", "birthday": {"month": soon.0, "day": soon.1}},
        {"id": uuid(122), "name": "Olof Berg", "birthday": {"month": later.0, "day": later.1}},
    ]);
    profile["action_plan"] = json!([
        {"id": uuid(321), "description": "Call about the cold-store tender", "owner": "Ola", "due": past_due},
        {"id": uuid(322), "description": "Post the signed contract", "due": past_due, "done": true},
        {"id": uuid(323), "description": "Plan next year's visits", "due": "2999-01-01"},
    ]);
    app.load_workspace(&workspace(vec![
        profile,
        bare_profile(&uuid(21), "Quiet Harbour"),
    ]))
    .await;
    app.wait_for_main_heading("Home").await;

    let overdue = wait_for_section_with(
        &app,
        "Overdue action steps",
        &["Call about the cold-store tender", &shown_date(&past_due)],
    )
    .await;
    let listed = overdue.text().await.unwrap();
    for not_overdue in [
        "Post the signed contract",
        "Plan next year's visits",
        "Quiet Harbour",
    ] {
        assert!(
            !listed.contains(not_overdue),
            "{not_overdue:?} is listed as overdue: {listed:?}"
        );
    }
    let birthdays =
        wait_for_section_with(&app, "Birthdays in the next 30 days", &["Maria Lindqvist"]).await;
    let listed = birthdays.text().await.unwrap();
    assert!(
        !listed.contains("Olof Berg"),
        "a birthday 90 days away is listed: {listed:?}"
    );
    app.find_in(&birthdays, Role::Link, Name::Is(COMPANY))
        .await
        .expect("the birthday links to its company");

    app.find_in(&overdue, Role::Link, Name::Is(COMPANY))
        .await
        .expect("the step links to its company")
        .click()
        .await
        .unwrap();
    app.wait_for_main_heading(COMPANY).await;
    let address = app.client().current_url().await.unwrap();
    assert_eq!(address.fragment(), Some(format!("/profiles/{id}").as_str()));
    wait_for_section_with(
        &app,
        "Action plan",
        &["Call about the cold-store tender", "Overdue"],
    )
    .await;
    app.assert_no_console_errors();
}

#[tokio::test]
async fn home_lists_financial_information_older_than_the_age_the_team_chooses() {
    const OLD: &str = "Baltic Fisheries";
    const RECENT: &str = "Quiet Harbour";
    let app = App::open("#/").await;
    // About 13 and 7 months ago, in the browser's own calendar.
    let (thirteen_months, _) = browser_dates(&app, 400, &[]).await;
    let (seven_months, _) = browser_dates(&app, 215, &[]).await;
    let dated = |n: u32, name: &str, as_of: &str| {
        let mut p = bare_profile(&uuid(n), name);
        p["financial"] = json!({"rating": "stable", "as_of": as_of});
        p
    };
    app.load_workspace(&workspace(vec![
        dated(30, OLD, &thirteen_months),
        dated(31, RECENT, &seven_months),
    ]))
    .await;
    app.wait_for_main_heading("Home").await;
    // Older than a year, by default.
    let section = "Financial information to update";
    let listed = wait_for_section_with(&app, section, &[OLD, "13 months old"]).await;
    let text = listed.text().await.unwrap();
    assert!(!text.contains(RECENT), "{text}");

    let age = "Update financial information older than (months)";
    app.type_into(age, "0").await;
    app.wait_for_refusal(age, "Type a whole number from 1 to 120")
        .await;
    app.type_into(age, "6").await;
    wait_for_section_with(&app, section, &[OLD, RECENT, "7 months old"]).await;
    app.wait_until_stored("the age is kept", |stored| {
        match stored["data"]["settings"]["financial_update_months"].as_u64() {
            Some(6) => Ok(()),
            other => Err(format!("stored: {other:?}")),
        }
    })
    .await;
    app.reload().await;
    app.wait_for_main_heading("Home").await;
    let listed = wait_for_section_with(&app, section, &[OLD, RECENT]).await;
    // Each links to the editor, where the financial condition is updated.
    app.find_in(&listed, Role::Link, Name::Is(OLD))
        .await
        .expect("the profile is linked")
        .click()
        .await
        .unwrap();
    app.wait_for_main_heading(&format!("Edit {OLD}")).await;
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_deleted_profile_can_be_brought_back_with_undo() {
    const COMPANY: &str = "Kowalski Logistics";
    let id = uuid(30);
    let app = App::open(&format!("#/profiles/{id}")).await;
    app.load_workspace(&workspace(vec![
        typical_profile(&id, COMPANY),
        bare_profile(&uuid(31), "Nordic Timber"),
    ]))
    .await;
    app.wait_for_main_heading(COMPANY).await;
    // A change first, so that storage holds the profile as the app writes it.
    let (today, _) = browser_dates(&app, 0, &[]).await;
    app.press("Mark reviewed today").await;
    let before = app
        .wait_until_stored("the review is saved", |stored| {
            let profile = stored_profile(stored, COMPANY).ok_or("the profile is not stored")?;
            if profile["last_reviewed"] == today.as_str() {
                Ok(profile.clone())
            } else {
                Err(format!("it was last reviewed {}", profile["last_reviewed"]))
            }
        })
        .await;

    app.press("Delete").await;
    app.wait_for_main_heading("Profiles").await;
    wait_for_listed(&app, &["Nordic Timber"]).await;
    let notice = app
        .wait_for(
            Role::Status,
            Name::StartsWith(&format!("Deleted the profile “{COMPANY}”.")),
        )
        .await;
    app.wait_until_stored("the delete is saved", |stored| {
        match stored_names(stored).as_slice() {
            [only] if only == "Nordic Timber" => Ok(()),
            names => Err(format!("storage holds {names:?}")),
        }
    })
    .await;

    app.find_in(&notice, Role::Button, Name::Is("Undo"))
        .await
        .expect("the notice offers Undo")
        .click()
        .await
        .unwrap();
    app.wait_for_main_heading(COMPANY).await;
    wait_for_section_with(&app, "Key people", &["Anna Nowak", "Tomasz Wójcik"]).await;
    let statuses = app.texts(Role::Status).await.unwrap();
    assert!(
        !statuses.iter().any(|s| s.contains("Deleted the profile")),
        "the notice is gone after Undo: {statuses:?}"
    );
    let after = app
        .wait_until_stored("the profile is stored again", |stored| {
            if stored_names(stored) != [COMPANY, "Nordic Timber"] {
                return Err(format!("storage holds {:?}", stored_names(stored)));
            }
            Ok(stored_profile(stored, COMPANY).cloned().unwrap_or_default())
        })
        .await;
    assert_eq!(after, before, "the profile comes back exactly as it was");

    app.follow("Profiles").await;
    wait_for_listed(&app, &[COMPANY, "Nordic Timber"]).await;
    app.assert_no_console_errors();
}

#[tokio::test]
async fn the_editor_keeps_refused_text_in_the_field_and_stores_only_valid_values() {
    const COMPANY: &str = "Nordic Timber";
    let id = uuid(40);
    let app = App::open(&format!("#/profiles/{id}/edit")).await;
    app.load_workspace(&workspace(vec![bare_profile(&id, COMPANY)]))
        .await;
    app.wait_for_main_heading(&format!("Edit {COMPANY}")).await;

    app.type_into("Average spend per month", "4 250,50").await;
    app.type_into("Website", "nordic-timber.example.se").await;
    app.wait_until_stored("the valid values are saved", |stored| {
        let (monthly, website) = (
            stored_field(stored, COMPANY, "monthly_spend")?,
            stored_field(stored, COMPANY, "website")?,
        );
        if monthly == "4250.50" && website == "https://nordic-timber.example.se" {
            Ok(())
        } else {
            Err(format!("storage holds {monthly} and {website}"))
        }
    })
    .await;

    app.type_into("Average spend per month", "12,5,0").await;
    app.wait_for_refusal("Average spend per month", "Type a number")
        .await;
    assert_eq!(
        app.field_value("Average spend per month").await.as_deref(),
        Ok("12,5,0"),
        "the refused text stays in the field"
    );
    // Every keystroke is checked and a valid one saved: on the way to
    // "12,5,0", "12,5" (twelve and a half) was the last valid text.
    app.wait_until_stored(
        "the last valid amount typed is saved",
        |stored| match stored_field(stored, COMPANY, "monthly_spend")? {
            amount if amount == "12.5" => Ok(()),
            amount => Err(format!("storage holds {amount}")),
        },
    )
    .await;

    app.type_into("Website", "javascript:alert(1)").await;
    app.wait_for_refusal("Website", "http and https only").await;
    assert_eq!(
        app.field_value("Website").await.as_deref(),
        Ok("javascript:alert(1)"),
        "the refused address stays in the field"
    );
    let stored = app
        .stored_workspace_text()
        .await
        .expect("a stored workspace");
    for refused in ["12,5,0", "javascript:"] {
        assert!(
            !stored.contains(refused),
            "refused text {refused:?} reached storage: {stored}"
        );
    }

    app.reload().await;
    app.wait_for_main_heading(&format!("Edit {COMPANY}")).await;
    app.wait_for_field_value("Average spend per month", "12.5")
        .await;
    app.wait_for_field_value("Website", "https://nordic-timber.example.se")
        .await;
    let invalid = invalid_fields(&app).await;
    assert!(
        invalid.is_empty(),
        "after a reload no field is marked invalid: {invalid:?}"
    );
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_date_left_half_filled_says_so_and_keeps_the_date_saved_before() {
    const COMPANY: &str = "Baltic Freight";
    let id = uuid(41);
    let mut profile = bare_profile(&id, COMPANY);
    profile["customer_since"] = json!("2019-04-01");
    let app = App::open(&format!("#/profiles/{id}/edit")).await;
    app.load_workspace(&workspace(vec![profile])).await;
    app.wait_for_main_heading(&format!("Edit {COMPANY}")).await;
    app.wait_for_field_value("Customer since", "2019-04-01")
        .await;

    // Backspace empties the part of the date that has focus; the browser
    // then reports the field's value as "", as if it had been cleared.
    let field = app.field("Customer since").await.unwrap();
    field.click().await.expect("the date field takes focus");
    field
        .send_keys(&fantoccini::key::Key::Backspace.to_string())
        .await
        .expect("Backspace in the date field");
    app.wait_for_refusal("Customer since", "Finish the date")
        .await;
    // Typing elsewhere saves again, and the date is still the one saved.
    app.type_into("Headquarters phone", "+371 6700 0000").await;
    app.wait_until_stored("the phone is saved and the date kept", |stored| {
        let (phone, since) = (
            stored_field(stored, COMPANY, "hq_phone")?,
            stored_field(stored, COMPANY, "customer_since")?,
        );
        match (phone.as_str(), since.as_str()) {
            (Some("+371 6700 0000"), Some("2019-04-01")) => Ok(()),
            _ => Err(format!("storage holds phone {phone} and date {since}")),
        }
    })
    .await;

    app.reload().await;
    app.wait_for_main_heading(&format!("Edit {COMPANY}")).await;
    app.wait_for_field_value("Customer since", "2019-04-01")
        .await;
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_key_account_plan_links_goals_to_opportunities_and_steps_and_shows_on_one_page() {
    const COMPANY: &str = "Kowalski Logistics";
    const GOAL: &str = "Win the new warehouse";
    let id = uuid(10);
    // Without its goal, so that the one added here is the plan's only one.
    let mut typical = typical_profile(&id, COMPANY);
    typical.as_object_mut().unwrap().remove("account_plan");
    let app = App::open(&format!("#/profiles/{id}/edit")).await;
    app.load_workspace(&workspace(vec![typical])).await;
    app.wait_for_main_heading(&format!("Edit {COMPANY}")).await;
    app.press("Add goal").await;
    wait_until_focused(&app, "Goal").await;
    app.type_into("Goal", GOAL).await;
    app.type_into("Target", "Wi-Fi and help desk signed; 60,000 a year")
        .await;
    app.pick_value("Period from", "2027-01-01").await;
    app.pick_value("Period until", "2026-06-30").await;
    let backwards = "The period ends before it starts.";
    app.wait_for(Role::Status, Name::Is(backwards)).await;
    app.pick_value("Period until", "2027-06-30").await;
    wait_until("the period reads forwards again", async || {
        match app.find(Role::Status, Name::Is(backwards)).await {
            Ok(_) => Err("still flagged".to_owned()),
            Err(_) => Ok(()),
        }
    })
    .await;
    for serves in [
        "Warehouse Wi-Fi upgrade",
        "Second site help desk",
        "Survey the new warehouse for Wi-Fi coverage",
    ] {
        app.field(serves).await.unwrap().click().await.unwrap();
    }
    app.wait_until_stored("the goal is saved with its links", |stored| {
        let p = stored_profile(stored, COMPANY).ok_or("the profile is not stored")?;
        let goal = &p["account_plan"][0];
        let expected = json!({
            "id": goal["id"],
            "goal": GOAL,
            "target": "Wi-Fi and help desk signed; 60,000 a year",
            "from": "2027-01-01",
            "until": "2027-06-30",
            "opportunities": [uuid(501), uuid(502)],
            "steps": [uuid(303)],
        });
        (goal == &expected && goal["id"].is_string())
            .then_some(())
            .ok_or_else(|| format!("the goal is stored as {goal}"))
    })
    .await;

    app.reload().await;
    app.follow("View one page").await;
    app.wait_for_main_heading(COMPANY).await;
    wait_for_section_with(
        &app,
        "Key account plan",
        &[
            GOAL,
            "Wi-Fi and help desk signed; 60,000 a year · Jan 1, 2027 to Jun 30, 2027",
            "Served by: Warehouse Wi-Fi upgrade; Second site help desk; Survey the new warehouse for Wi-Fi coverage.",
        ],
    )
    .await;
    app.assert_no_console_errors();
}
