//! The profile screens mounted in headless Chromium: creating a profile,
//! the editor's checks (messages beside the field, typed text kept, nothing
//! invalid stored), rows, and delete with undo.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROFILE: &str = "7f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f";

/// Stores a workspace holding one profile named "Northwind" and shows `hash`.
fn workspace_with_profile(hash: &str) {
    let mut file: serde_json::Value = serde_json::from_str(&workspace_file(
        "6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f",
        "Acme",
        1,
        1,
    ))
    .unwrap();
    file["data"]["profiles"] = serde_json::json!([{
        "id": PROFILE, "created_at": "2026-11-01T09:00:00Z", "name": "Northwind", "status": "customer"
    }]);
    storage()
        .set_item(WORKSPACE_KEY, &file.to_string())
        .unwrap();
    window().location().set_hash(hash).unwrap();
}

fn stored_profile() -> Option<serde_json::Value> {
    stored_workspace()?["data"]["profiles"]
        .as_array()?
        .first()
        .cloned()
}

/// The message shown beside the field labelled `label`.
fn message_beside(label: &str) -> String {
    let input = field(label);
    let ids = input.get_attribute("aria-describedby").unwrap_or_default();
    ids.split_whitespace()
        .filter_map(|id| document().get_element_by_id(id))
        .filter(|e| e.class_name().contains("field-error"))
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn heading() -> String {
    document()
        .query_selector("main h1")
        .unwrap()
        .map(|h| h.text_content().unwrap())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_new_profile_needs_a_company_name_and_opens_in_the_editor() {
    let _page = fresh_page().await;
    window().location().set_hash("#/profiles").unwrap();
    let _app = mount_app().await;
    click("Create profile");
    wait_until("the reason shows", || {
        message_beside("New profile: company name").contains("required")
    })
    .await;
    assert!(stored_workspace().is_none(), "nothing is created");

    type_into(&field("New profile: company name"), "  Northwind Traders ");
    click("Create profile");
    wait_until("the editor opens", || heading() == "Edit Northwind Traders").await;
    assert_eq!(field("Company name").value(), "Northwind Traders");
    wait_until("the profile is saved", || {
        stored_profile().is_some_and(|p| p["name"] == "Northwind Traders" && p["id"].is_string())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_refused_amount_keeps_the_typed_text_with_the_reason_beside_it() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;
    let monthly = field("Average spend per month");

    type_into(&monthly, "12,5,0");
    wait_until("the reason shows", || {
        message_beside("Average spend per month").contains("Type a number")
    })
    .await;
    assert_eq!(monthly.value(), "12,5,0", "what was typed stays");
    assert_eq!(
        monthly.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    // A save would come SAVE_DELAY after a change: watch past it.
    assert_stays("nothing invalid is stored", PAST_THE_SAVE_DELAY, || {
        stored_profile().unwrap().get("monthly_spend").is_none()
    })
    .await;

    type_into(&monthly, "4 250,50");
    wait_until("the amount is stored exactly", || {
        stored_profile().is_some_and(|p| p["monthly_spend"] == "4250.50")
    })
    .await;
    assert_eq!(message_beside("Average spend per month"), "");
    assert!(
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("Computed from monthly spend × 12: 51,006")
    );
}

#[wasm_bindgen_test]
async fn ranges_emails_and_web_addresses_are_checked_beside_their_fields() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;

    type_into(&field("Number of employees"), "100-50");
    type_into(&field("Website"), "javascript:alert(1)");
    type_into(&field("Headquarters e-mail"), "office@northwind");
    wait_until("every reason shows", || {
        message_beside("Number of employees").contains("must not be larger")
            && message_beside("Website").contains("http and https only")
            && message_beside("Headquarters e-mail").contains("e-mail address")
    })
    .await;
    assert_eq!(field("Website").value(), "javascript:alert(1)");

    type_into(&field("Number of employees"), "50-100");
    type_into(&field("Website"), "northwind.example");
    wait_until("the corrected values are stored", || {
        stored_profile().is_some_and(|p| {
            p["employees"] == serde_json::json!({"kind": "range", "low": 50, "high": 100})
                && p["website"] == "https://northwind.example"
        })
    })
    .await;
    let stored = stored_profile().unwrap();
    assert!(stored.get("hq_email").is_none());
}

#[wasm_bindgen_test]
async fn people_are_added_with_a_checked_birthday_and_removed_with_an_undo() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;
    click("Add person");
    wait_until("a person row", || button("Remove this person").is_some()).await;
    // Focus moves in an animation frame after the row is drawn.
    wait_until(
        "focus is on the new person's name, so typing can start at once",
        || document().active_element().map(|e| e.id()) == Some(field("Person's name").id()),
    )
    .await;
    type_into(&field("Person's name"), "Anna Nowak");

    type_into(&field("Day"), "31");
    let month: web_sys::HtmlSelectElement = field("Month").unchecked_into();
    month.set_value("4");
    month
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_until("31 April is refused", || {
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("There is no such day in that month")
    })
    .await;
    type_into(&field("Day"), "30");
    wait_until("the birthday is stored", || {
        stored_profile().is_some_and(|p| {
            p["people"][0]["name"] == "Anna Nowak"
                && p["people"][0]["birthday"] == serde_json::json!({"month": 4, "day": 30})
        })
    })
    .await;

    // The Remove button names the person it removes.
    assert!(button("Remove this person").is_none());
    click("Remove Anna Nowak");
    wait_until("the person is removed", || {
        stored_profile().is_some_and(|p| p.get("people").is_none())
    })
    .await;
    assert!(
        texts_with_role("status")
            .iter()
            .any(|t| t == "Removed Anna Nowak."),
        "{:?}",
        texts_with_role("status")
    );
    let undo = button("Undo removing Anna Nowak").expect("an Undo button");
    // Focus moves in an animation frame after the row is gone.
    wait_until("focus moves from the removed row's button to Undo", || {
        document().active_element().map(|e| e.outer_html()) == Some(undo.outer_html())
    })
    .await;
    undo.click();
    wait_until("the person is back with the birthday", || {
        stored_profile().is_some_and(|p| {
            p["people"][0]["name"] == "Anna Nowak"
                && p["people"][0]["birthday"] == serde_json::json!({"month": 4, "day": 30})
        })
    })
    .await;
    wait_until("and shown, with focus on the row that came back", || {
        button("Remove Anna Nowak").is_some()
            && document().active_element().map(|e| e.id()) == Some(field("Person's name").id())
    })
    .await;
    assert!(button("Undo removing Anna Nowak").is_none_or(|b| b.hidden()));
    assert!(
        texts_with_role("status")
            .iter()
            .any(|t| t == "Put back Anna Nowak."),
        "{:?}",
        texts_with_role("status")
    );
}

#[wasm_bindgen_test]
async fn a_deleted_profile_can_be_brought_back() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}"));
    let _app = mount_app().await;
    assert_eq!(heading(), "Northwind");
    // The status region is on the page before the delete, so that what
    // is put into it is announced.
    let region = document()
        .query_selector(".banners [role=\"status\"]")
        .unwrap()
        .expect("a lasting status region among the messages");
    assert_eq!(region.text_content().unwrap_or_default(), "");
    click("Delete");
    wait_until("the list shows without it", || {
        heading() == "Profiles" && stored_profile().is_none()
    })
    .await;
    assert!(
        texts_with_role("status")
            .iter()
            .any(|t| t.contains("Deleted the profile “Northwind”."))
    );

    click("Undo");
    wait_until("it is back", || heading() == "Northwind").await;
    wait_until("and saved", || {
        stored_profile().is_some_and(|p| p["id"] == PROFILE)
    })
    .await;
    assert!(button("Undo").is_none());
}

#[wasm_bindgen_test]
async fn the_editor_locks_when_another_tab_saves_data_from_a_newer_version() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;
    assert!(!field("Average spend per month").disabled());
    let newer = workspace_file("6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f", "Acme", 9, 99);
    save_from_other_tab(&newer).await;
    wait_until("the editor is locked", || {
        field("Average spend per month").disabled()
    })
    .await;
    assert!(field("Company name").disabled());
    assert!(button("Add person").unwrap().disabled());
    assert!(alert_says("newer version of Clientele"));
    assert_eq!(
        stored(WORKSPACE_KEY).as_deref(),
        Some(newer.as_str()),
        "never written over"
    );
}

#[wasm_bindgen_test]
async fn the_editor_shows_what_another_tab_saved_in_checked_fields_too() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;
    type_into(&field("Average spend per month"), "1 200");
    wait_until("the amount is saved", || {
        stored_profile().is_some_and(|p| p["monthly_spend"] == "1200")
    })
    .await;
    let mut theirs = stored_workspace().unwrap();
    let revision = theirs["data"]["revision"].as_u64().unwrap();
    theirs["data"]["revision"] = (revision + 1).into();
    theirs["data"]["profiles"][0]["monthly_spend"] = "950.50".into();
    theirs["data"]["profiles"][0]["website"] = "https://northwind.example".into();
    save_from_other_tab(&theirs.to_string()).await;
    wait_until("the fields show the other tab's values", || {
        field("Average spend per month").value() == "950.50"
            && field("Website").value() == "https://northwind.example"
    })
    .await;
}

#[wasm_bindgen_test]
async fn counting_referrals_answers_that_they_referred_us() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;
    let referred = || {
        let select: web_sys::HtmlSelectElement = field("Have they referred us?").unchecked_into();
        select
            .selected_options()
            .item(0)
            .and_then(|o| o.text_content())
    };
    assert_eq!(referred().as_deref(), Some("Unknown"));
    type_into(&field("How many referrals"), "3");
    wait_until("the answer turns to yes and is saved", || {
        referred().as_deref() == Some("Yes")
            && stored_profile().is_some_and(|p| p["referred"] == "yes" && p["referral_count"] == 3)
    })
    .await;

    // An explicit "No" is kept, and the one-page view still shows the count.
    let select: web_sys::HtmlSelectElement = field("Have they referred us?").unchecked_into();
    select.set_value("No");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_until("the answer is saved", || {
        stored_profile().is_some_and(|p| p["referred"] == "no")
    })
    .await;
    window()
        .location()
        .set_hash(&format!("#/profiles/{PROFILE}"))
        .unwrap();
    wait_until("the one-page view shows the count", || {
        document()
            .body()
            .and_then(|b| b.text_content())
            .is_some_and(|t| t.contains("No (3 times counted)"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_tab_title_names_the_profile_and_focus_survives_a_dismissed_banner() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}/edit"));
    let _app = mount_app().await;
    wait_until("the title names the profile", || {
        document().title() == "Northwind · Edit profile · Acme · Clientele"
    })
    .await;

    click("Delete");
    wait_until("the delete can be undone", || {
        button("Dismiss: deleted Northwind").is_some()
    })
    .await;
    let dismiss = button("Dismiss: deleted Northwind").unwrap();
    dismiss.focus().unwrap();
    dismiss.click();
    wait_until("focus moves to the screen's heading", || {
        document().active_element().is_some_and(|e| {
            e.tag_name() == "H1" && e.text_content().as_deref() == Some("Profiles")
        })
    })
    .await;
}

#[wasm_bindgen_test]
async fn undoing_a_delete_locks_too_when_another_tab_saves_newer_data() {
    let _page = fresh_page().await;
    workspace_with_profile(&format!("#/profiles/{PROFILE}"));
    let _app = mount_app().await;
    click("Delete");
    wait_until("the delete can be undone", || button("Undo").is_some()).await;
    assert!(!button("Undo").unwrap().disabled());
    let newer = workspace_file("6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f", "Acme", 9, 99);
    save_from_other_tab(&newer).await;
    wait_until("Undo is locked with the rest", || {
        button("Undo").is_some_and(|b| b.disabled())
    })
    .await;
    assert_eq!(stored(WORKSPACE_KEY).as_deref(), Some(newer.as_str()));
}

/// The names of the customers the worksheet suggests, in order.
fn suggested() -> Vec<String> {
    let list = document()
        .query_selector_all("button[aria-label$=' to the chart']")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|b| {
            let label: web_sys::Element = b.unchecked_into();
            let text = label.get_attribute("aria-label").unwrap();
            text.trim_start_matches("Add ")
                .trim_end_matches(" to the chart")
                .to_owned()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn worksheet_suggestions_rank_by_yearly_spend_or_by_score() {
    let _page = fresh_page().await;
    let mut file: serde_json::Value = serde_json::from_str(&workspace_file(
        "6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f",
        "Acme",
        1,
        1,
    ))
    .unwrap();
    file["data"]["profiles"] = serde_json::json!([
        {"id": "7f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e01", "created_at": "2026-11-01T09:00:00Z",
         "name": "Big Spender", "status": "customer", "yearly_spend": "100000"},
        {"id": "7f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e02", "created_at": "2026-11-01T09:00:00Z",
         "name": "Loyal Fan", "status": "customer", "yearly_spend": "60000", "referred": "yes"}
    ]);
    file["data"]["worksheets"] = serde_json::json!([{
        "id": "5f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f", "name": "Top 5", "created_at": "2026-11-01T09:00:00Z",
        "columns": [{"id": "4f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e01"}]
    }]);
    storage()
        .set_item(WORKSPACE_KEY, &file.to_string())
        .unwrap();
    window().location().set_hash("#/scoring").unwrap();
    let _app = mount_app().await;
    click("Start with the Perfect Prospect Model");
    window()
        .location()
        .set_hash("#/icp/5f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f")
        .unwrap();
    wait_until("suggestions by spend", || {
        suggested() == ["Big Spender", "Loyal Fan"]
    })
    .await;

    let by: web_sys::HtmlSelectElement = field("Suggest by").unchecked_into();
    // Loyal Fan spends less but referred us: first by loyalty.
    by.set_value("loyalty");
    by.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_until("suggestions by loyalty", || {
        suggested() == ["Loyal Fan", "Big Spender"]
    })
    .await;
    assert!(
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("Loyal Fan (1 referral)")
    );

    by.set_value("score");
    by.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    // Both spend enough with us for 50 points of revenue (at least 50,000
    // a year); Loyal Fan also referred us (100 points, the same weight), so
    // it scores 75 to Big Spender's 50 and comes first.
    // The same order as by loyalty: the figures shown tell them apart.
    wait_until("suggestions by score", || {
        suggested() == ["Loyal Fan", "Big Spender"]
            && document()
                .body()
                .unwrap()
                .text_content()
                .unwrap()
                .contains("Loyal Fan (score 75)")
    })
    .await;

    // Adding one from the keyboard leaves focus on the next suggestion.
    let add = button("Add Loyal Fan to the chart").unwrap();
    add.focus().unwrap();
    add.click();
    wait_until("focus is on the next suggestion", || {
        suggested() == ["Big Spender"]
            && document()
                .active_element()
                .and_then(|e| e.get_attribute("aria-label"))
                .as_deref()
                == Some("Add Big Spender to the chart")
    })
    .await;
}

/// Whether Home's reminder to download a backup is shown.
fn backup_reminder_shown() -> bool {
    texts_with_role("status")
        .iter()
        .any(|t| t.starts_with("There are changes since your last backup"))
}

#[wasm_bindgen_test]
async fn a_profile_created_just_after_a_backup_still_needs_one() {
    let _page = fresh_page().await;
    workspace_with_profile("#/");
    let _app = mount_app().await;
    wait_until("the reminder shows", backup_reminder_shown).await;
    click("Download a backup");
    wait_until("the reminder goes", || !backup_reminder_shown()).await;

    // Quicker than the save delay: the mark of the backup and the new
    // profile reach storage in one save, yet the file lacks the profile.
    window().location().set_hash("#/profiles").unwrap();
    wait_until("the Profiles screen shows", || heading() == "Profiles").await;
    type_into(&field("New profile: company name"), "Globex");
    click("Create profile");
    wait_until("both profiles are saved", || {
        stored_workspace()
            .is_some_and(|w| w["data"]["profiles"].as_array().map(Vec::len) == Some(2))
    })
    .await;
    window().location().set_hash("#/").unwrap();
    wait_until("the reminder is back", backup_reminder_shown).await;
}

#[wasm_bindgen_test]
async fn a_long_list_draws_50_rows_at_a_time_and_select_all_takes_every_match() {
    let _page = fresh_page().await;
    let mut file: serde_json::Value = serde_json::from_str(&workspace_file(
        "6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f",
        "Acme",
        1,
        1,
    ))
    .unwrap();
    // 150 profiles; every third a prospect (50 of them).
    file["data"]["profiles"] = (0..150)
        .map(|n| {
            serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{n:012}"),
                "created_at": "2026-11-01T09:00:00Z",
                "name": format!("Company {n:03}"),
                "status": if n % 3 == 0 { "prospect" } else { "customer" },
            })
        })
        .collect();
    storage()
        .set_item(WORKSPACE_KEY, &file.to_string())
        .unwrap();
    window().location().set_hash("#/profiles").unwrap();
    let _app = mount_app().await;
    let rows = || count(".profile-table tbody tr");
    let says = |words: &str| {
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains(words)
    };
    let select_all = || checkbox("Select all matching profiles");

    assert_eq!(rows(), 50);
    assert!(texts_with_role("status").contains(&"Showing 50 of 150 profiles.".to_owned()));
    // Every match is selected, also the 100 rows not drawn yet.
    select_all().click();
    wait_until("all 150 are selected", || says("150 selected")).await;
    assert!(select_all().checked());
    click("Clear selection");
    wait_until("the selection is cleared", || says("0 selected")).await;

    let status: web_sys::HtmlSelectElement = field("Status").unchecked_into();
    // Chooses the option that reads `option`.
    let filter = |option: &str| {
        status.set_value(option);
        assert_eq!(status.value(), option, "the Status list offers {option:?}");
        // Bubbling, as a person's choice does: the page listens higher up.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        status.dispatch_event(&change).unwrap();
    };
    filter("Prospect");
    // 50 rows are drawn either way: the count says the filter is on.
    wait_until("only prospects are listed", || {
        texts_with_role("status").contains(&"50 of 150 profiles".to_owned())
    })
    .await;
    assert_eq!(rows(), 50);
    assert!(button("Show 50 more").is_none());
    select_all().click();
    wait_until("every prospect is selected", || says("50 selected")).await;
    assert!(checkbox("Select Company 003").checked());

    filter("");
    wait_until("all are listed again", || {
        texts_with_role("status").contains(&"150 profiles".to_owned())
    })
    .await;
    assert_eq!(rows(), 50);
    assert!(!select_all().checked(), "not every match is selected now");
    click("Show 50 more");
    wait_until("50 more rows are drawn", || rows() == 100).await;
    click("Show 50 more");
    wait_until("every row is drawn", || rows() == 150).await;
    assert!(button("Show 50 more").is_none(), "nothing more to show");
}
