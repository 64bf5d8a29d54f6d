//! Sharing by file between two people, each in their own browser profile:
//! real files downloaded from one and chosen in the other.

use crate::support::{App, Name, Role, wait_until};
use serde_json::Value;
use std::path::PathBuf;

/// The names of the profiles stored in `app`'s browser.
async fn stored_names(app: &App) -> Vec<String> {
    let stored = app.stored_workspace().await.unwrap_or_default();
    stored["data"]["profiles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

/// Waits until `app`'s storage holds profiles named `expected`.
async fn wait_for_stored_names(app: &App, expected: &[&str]) {
    app.wait_until_stored(&format!("the profiles {expected:?} are stored"), |stored| {
        let names: Vec<&str> = stored["data"]["profiles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["name"].as_str())
            .collect();
        if names == expected {
            Ok(())
        } else {
            Err(format!("stored: {names:?}"))
        }
    })
    .await;
}

/// Field `field` of the stored profile named `name`.
async fn stored_field(app: &App, name: &str, field: &str) -> Value {
    let stored = app.stored_workspace().await.unwrap_or_default();
    stored["data"]["profiles"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == name)
        .map(|p| p[field].clone())
        .unwrap_or_default()
}

/// Waits until field `field` of the stored profile `name` is `expected`.
async fn wait_for_stored_field(app: &App, name: &str, field: &str, expected: &str) {
    wait_until(
        &format!("{name}'s {field} {expected:?} is stored"),
        async || {
            let found = stored_field(app, name, field).await;
            if found == expected {
                Ok(())
            } else {
                Err(format!("stored: {found}"))
            }
        },
    )
    .await;
}

/// Types a new industry into profile `name`'s editor and waits until it
/// is stored.
async fn edit_industry(app: &App, name: &str, industry: &str) {
    edit_field(app, name, "Industry", "industry", industry).await;
}

/// Types `value` into the field labelled `label` (stored as `field`) of
/// profile `name`'s editor and waits until it is stored.
async fn edit_field(app: &App, name: &str, label: &str, field: &str, value: &str) {
    app.goto("#/profiles").await;
    app.follow(name).await;
    app.follow("Edit").await;
    app.type_into(label, value).await;
    wait_for_stored_field(app, name, field, value).await;
}

/// A copy of the downloaded `file` named after `who`, so that the next
/// download of the same name does not replace it.
fn keep_as(file: PathBuf, who: &str) -> PathBuf {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let kept = file.with_file_name(format!("{who}-{name}"));
    std::fs::copy(&file, &kept).unwrap();
    kept
}

/// Deletes profile `name` from its page and waits until that is stored.
async fn delete_profile(app: &App, name: &str) {
    app.goto("#/profiles").await;
    app.follow(name).await;
    app.press("Delete").await;
    app.wait_until_stored(&format!("{name} is deleted"), |stored| {
        let there = stored["data"]["profiles"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p["name"] == name);
        if there {
            Err("still stored".to_owned())
        } else {
            Ok(())
        }
    })
    .await;
}

/// Downloads everything from `app` ("Export everything" on Data & backup)
/// and returns the file's name, text and path.
async fn export_everything(app: &App) -> (String, String, PathBuf) {
    app.goto("#/data").await;
    app.open_disclosure("Export everything").await;
    app.press("Download").await;
    let (name, text) = app.take_download().await;
    (name, text, app.last_download())
}

/// Chooses `file` on Data & backup and waits for the preview.
async fn import(app: &App, file: &std::path::Path) {
    app.goto("#/data").await;
    app.upload("Choose files to import", &[file.to_path_buf()])
        .await;
    app.wait_for_main_heading("Import a file").await;
}

/// Waits until the preview has a section headed `heading` holding `texts`.
async fn wait_for_preview_section(app: &App, heading: &str, texts: &[&str]) {
    wait_until(
        &format!("the preview lists {texts:?} under {heading:?}"),
        async || {
            let section = app.section(heading).await?;
            let text = section.text().await.map_err(|e| e.to_string())?;
            match texts.iter().find(|t| !text.contains(**t)) {
                None => Ok(()),
                Some(missing) => Err(format!("{missing:?} is not in {text:?}")),
            }
        },
    )
    .await;
}

/// Two profiles, one with a person who has an e-mail address.
async fn coordinator_with_two_profiles() -> App {
    let app = App::open("#/profiles").await;
    app.create_profile("Contoso").await;
    app.type_into("Industry", "Banking").await;
    app.follow("Profiles").await;
    app.create_profile("Fabrikam").await;
    wait_for_stored_names(&app, &["Contoso", "Fabrikam"]).await;
    app
}

#[tokio::test]
async fn a_colleague_imports_an_export_once_and_a_second_import_changes_nothing() {
    let coordinator = coordinator_with_two_profiles().await;
    let (name, text, file) = export_everything(&coordinator).await;
    assert!(
        name.starts_with("clientele-my-workspace-") && name.ends_with(".json"),
        "{name}"
    );
    assert!(text.contains("\"format\":\"clientele\""));

    let rep = App::open("").await;
    import(&rep, &file).await;
    wait_for_preview_section(
        &rep,
        "New here (2)",
        &["Profile: Contoso", "Profile: Fabrikam"],
    )
    .await;
    rep.press("Import").await;
    wait_for_stored_names(&rep, &["Contoso", "Fabrikam"]).await;
    rep.wait_for(Role::Button, Name::Is("Undo import")).await;

    import(&rep, &file).await;
    rep.wait_for(Role::Status, Name::StartsWith("Nothing to import"))
        .await;
    let button = rep.wait_for(Role::Button, Name::Is("Import")).await;
    assert_eq!(
        button.prop("disabled").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(
        stored_names(&rep).await,
        ["Contoso", "Fabrikam"],
        "never duplicated"
    );
    coordinator.assert_no_console_errors();
    rep.assert_no_console_errors();
}

#[tokio::test]
async fn a_change_comes_back_field_by_field_and_the_import_can_be_undone() {
    let coordinator = coordinator_with_two_profiles().await;
    let (_, _, file) = export_everything(&coordinator).await;
    let rep = App::open("").await;
    import(&rep, &file).await;
    rep.press("Import").await;
    wait_for_stored_names(&rep, &["Contoso", "Fabrikam"]).await;

    // The rep changes the industry and sends the workspace back.
    edit_industry(&rep, "Contoso", "Insurance").await;
    let (_, _, back) = export_everything(&rep).await;

    import(&coordinator, &back).await;
    wait_for_preview_section(
        &coordinator,
        "Changed in the file (1)",
        &["Profile: Contoso", "Industry", "Banking", "Insurance"],
    )
    .await;
    coordinator.press("Import").await;
    wait_for_stored_field(&coordinator, "Contoso", "industry", "Insurance").await;

    coordinator.press("Undo import").await;
    wait_for_stored_field(&coordinator, "Contoso", "industry", "Banking").await;
    coordinator.reload().await;
    assert_eq!(
        stored_field(&coordinator, "Contoso", "industry").await,
        "Banking"
    );
}

#[tokio::test]
async fn a_record_changed_on_both_sides_keeps_mine_unless_i_take_the_files() {
    let coordinator = coordinator_with_two_profiles().await;
    let (_, _, file) = export_everything(&coordinator).await;
    let rep = App::open("").await;
    import(&rep, &file).await;
    rep.press("Import").await;
    wait_for_stored_names(&rep, &["Contoso", "Fabrikam"]).await;

    edit_industry(&rep, "Contoso", "Insurance").await;
    edit_industry(&coordinator, "Contoso", "Retail").await;
    let (_, _, back) = export_everything(&rep).await;
    import(&coordinator, &back).await;
    wait_for_preview_section(
        &coordinator,
        "Changed on both sides (1)",
        &["Retail", "Insurance"],
    )
    .await;
    let mine = coordinator
        .client()
        .find(fantoccini::Locator::XPath(
            "//label[normalize-space(.)='Keep mine']/input",
        ))
        .await
        .unwrap();
    assert_eq!(
        mine.prop("checked").await.unwrap().as_deref(),
        Some("true"),
        "mine is kept by default"
    );
    coordinator
        .client()
        .find(fantoccini::Locator::XPath(
            "//label[normalize-space(.)=\"Take the file's\"]/input",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    coordinator.press("Import").await;
    wait_for_stored_field(&coordinator, "Contoso", "industry", "Insurance").await;
}

#[tokio::test]
async fn a_selection_without_personal_data_says_so_and_erases_nothing_on_import() {
    let coordinator = coordinator_with_two_profiles().await;
    coordinator.goto("#/profiles").await;
    coordinator.follow("Fabrikam").await;
    coordinator.follow("Edit").await;
    coordinator.press("Add person").await;
    coordinator.type_into("Person's name", "Ewa Nowak").await;
    coordinator.type_into("E-mail", "ewa@fabrikam.pl").await;
    wait_until("the person's e-mail is stored", async || {
        let people = stored_field(&coordinator, "Fabrikam", "people").await;
        if people[0]["email"] == "ewa@fabrikam.pl" {
            Ok(())
        } else {
            Err(format!("{people}"))
        }
    })
    .await;

    coordinator.goto("#/profiles").await;
    coordinator.toggle("Select Fabrikam").await;
    coordinator
        .open_disclosure("Export selected profiles")
        .await;
    let leave_out = wait_until("the personal data option is offered", async || {
        coordinator
            .client()
            .find(fantoccini::Locator::XPath(
                "//label[normalize-space(.)='Leave out personal data']/input",
            ))
            .await
            .map_err(|e| e.to_string())
    })
    .await;
    leave_out.click().await.unwrap();
    coordinator.press("Download").await;
    let (name, text) = coordinator.take_download().await;
    assert!(name.starts_with("clientele-fabrikam-"), "{name}");
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["kind"], "profile");
    assert_eq!(file["personal_data"], "left_out");
    assert!(!text.contains("ewa@fabrikam.pl"), "the e-mail is left out");
    assert!(text.contains("Ewa Nowak"), "who decides stays");

    import(&coordinator, &coordinator.last_download()).await;
    coordinator
        .wait_for(Role::Status, Name::StartsWith("Nothing to import"))
        .await;
    let people = stored_field(&coordinator, "Fabrikam", "people").await;
    assert_eq!(people[0]["email"], "ewa@fabrikam.pl");
}

#[tokio::test]
async fn a_bad_file_gets_its_message_and_changes_nothing_stored() {
    let app = coordinator_with_two_profiles().await;
    let before = app.stored(crate::support::WORKSPACE_KEY).await;
    let folder = std::env::temp_dir().join(format!("clientele-e2e-bad-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let other = folder.join("scene.json");
    std::fs::write(&other, r#"{"format":"excalidraw","elements":[]}"#).unwrap();
    import(&app, &other).await;
    app.wait_for(
        Role::Alert,
        Name::Contains("it says it is a \"excalidraw\" file"),
    )
    .await;
    let broken = folder.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"clientele\", ").unwrap();
    import(&app, &broken).await;
    app.wait_for(Role::Alert, Name::Contains("not valid JSON"))
        .await;
    assert!(
        app.find(Role::Button, Name::Is("Import")).await.is_err(),
        "nothing to import"
    );
    assert_eq!(app.stored(crate::support::WORKSPACE_KEY).await, before);
    std::fs::remove_dir_all(&folder).unwrap();
}

/// Whether Home shows the reminder to download a backup.
async fn backup_reminder_shown(app: &App) -> bool {
    app.find(
        Role::Status,
        Name::StartsWith("There are changes since your last backup"),
    )
    .await
    .is_ok()
}

#[tokio::test]
async fn home_reminds_of_a_backup_until_one_is_downloaded_and_again_after_a_change() {
    let app = coordinator_with_two_profiles().await;
    app.goto("").await;
    app.wait_for(
        Role::Status,
        Name::StartsWith("There are changes since your last backup"),
    )
    .await;
    app.press("Download a backup").await;
    let (name, _) = app.take_download().await;
    assert!(name.ends_with(".json"));
    wait_until(
        "the reminder goes away",
        async || match backup_reminder_shown(&app).await {
            true => Err("the reminder is still shown".to_owned()),
            false => Ok(()),
        },
    )
    .await;

    // The first change after the backup brings it back, without a reload.
    app.follow("Profiles").await;
    app.create_profile("Northwind").await;
    app.follow("Home").await;
    let text = app
        .wait_for(
            Role::Status,
            Name::StartsWith("There are changes since your last backup"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("Your last backup file is from"),
        "it says when the last backup was: {text}"
    );
}

#[tokio::test]
async fn a_crm_export_is_mapped_previewed_and_merged_by_company_name() {
    let app = coordinator_with_two_profiles().await;
    let folder = std::env::temp_dir().join(format!("clientele-e2e-csv-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let csv = folder.join("crm-export.csv");
    std::fs::write(
        &csv,
        "\u{feff}Nazwa firmy;Branża;Przychód;Miasto\r\n\
         Contoso;Ubezpieczenia;1 234 567,50;Gdańsk\r\n\
         \"Kowalski; Syn\";Budownictwo;12,5,0;Łódź\r\n",
    )
    .unwrap();
    app.goto("#/data").await;
    app.upload("Choose files to import", std::slice::from_ref(&csv))
        .await;
    app.wait_for_main_heading("Import a CSV file").await;
    // The columns are guessed from their Polish headers.
    let company = app.field("Column “Nazwa firmy”").await.unwrap();
    let chosen = company
        .find(fantoccini::Locator::Css("option:checked"))
        .await
        .unwrap();
    assert_eq!(chosen.text().await.unwrap(), "Company name");
    app.wait_for(
        Role::Status,
        Name::StartsWith("1 new profile, 1 profile here updated, 0 rows skipped, 1 value not read"),
    )
    .await;
    let result = app
        .section("What the rows give")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        result.contains("Line 3, column “Przychód”: “12,5,0” was not read"),
        "{result}"
    );

    app.press("Continue to the import preview").await;
    app.wait_for_main_heading("Import a file").await;
    wait_for_preview_section(&app, "New here (1)", &["Profile: Kowalski; Syn"]).await;
    wait_for_preview_section(
        &app,
        "Changed in the file (1)",
        &["Profile: Contoso", "Banking", "Ubezpieczenia"],
    )
    .await;
    app.press("Import").await;
    wait_for_stored_names(&app, &["Contoso", "Fabrikam", "Kowalski; Syn"]).await;
    assert_eq!(stored_field(&app, "Contoso", "location").await, "Gdańsk");
    assert_eq!(
        stored_field(&app, "Kowalski; Syn", "location").await,
        "Łódź"
    );
    std::fs::remove_dir_all(&folder).unwrap();
    app.assert_no_console_errors();
}

#[tokio::test]
async fn an_import_cannot_be_undone_once_another_tab_saved_after_it() {
    let coordinator = coordinator_with_two_profiles().await;
    let (_, _, file) = export_everything(&coordinator).await;
    let rep = App::open("").await;
    import(&rep, &file).await;
    rep.press("Import").await;
    wait_for_stored_names(&rep, &["Contoso", "Fabrikam"]).await;
    rep.wait_for(Role::Button, Name::Is("Undo import")).await;

    // A second tab, with no changes of its own, renames the workspace.
    let client = rep.client();
    let first = client.window().await.expect("the first tab");
    let second = client.new_window(true).await.expect("a second tab").handle;
    client.switch_to_window(second).await.unwrap();
    rep.goto("").await;
    rep.type_into("Workspace", "Renamed in the second tab")
        .await;
    rep.wait_until_stored(
        "the second tab's name is saved",
        |stored| match stored["data"]["name"].as_str() {
            Some("Renamed in the second tab") => Ok(()),
            name => Err(format!("the stored name is {name:?}")),
        },
    )
    .await;

    // The first tab takes that save in. Its undo would now also throw the
    // rename away, so it is withdrawn, with a word why.
    client.switch_to_window(first).await.unwrap();
    rep.wait_for(
        Role::Alert,
        Name::StartsWith("Another tab or window saved changes after your import"),
    )
    .await;
    assert!(
        rep.find(Role::Button, Name::Is("Undo import"))
            .await
            .is_err(),
        "Undo import is no longer offered"
    );
    assert_eq!(stored_names(&rep).await, ["Contoso", "Fabrikam"]);
    let stored = rep.stored_workspace().await.expect("a stored workspace");
    assert_eq!(stored["data"]["name"], "Renamed in the second tab");
    rep.assert_no_console_errors();
}

/// Issue 16: a coordinator and two reps, each in their own browser. Both
/// reps edit one field (a conflict; the coordinator's current version is
/// kept), different fields (both kept), one deletes what the other edits (a
/// conflict), and a deletion travels and never comes back from an older file.
#[tokio::test]
async fn three_people_exchange_files_and_no_edit_or_deletion_is_lost() {
    let carla = App::open("#/profiles").await;
    for name in ["Contoso", "Fabrikam", "Northwind", "Litware"] {
        carla.goto("#/profiles").await;
        carla.create_profile(name).await;
    }
    wait_for_stored_names(&carla, &["Contoso", "Fabrikam", "Northwind", "Litware"]).await;
    let (_, _, start) = export_everything(&carla).await;
    let anna = App::open("").await;
    let ben = App::open("").await;
    for rep in [&anna, &ben] {
        import(rep, &start).await;
        rep.press("Import").await;
        wait_for_stored_names(rep, &["Contoso", "Fabrikam", "Northwind", "Litware"]).await;
    }

    edit_industry(&anna, "Contoso", "Insurance").await;
    edit_industry(&anna, "Northwind", "Logistics").await;
    edit_industry(&anna, "Fabrikam", "Energy").await;
    edit_industry(&ben, "Contoso", "Retail").await;
    edit_field(
        &ben,
        "Northwind",
        "Region or distance band",
        "region",
        "Pomerania",
    )
    .await;
    delete_profile(&ben, "Fabrikam").await;
    delete_profile(&ben, "Litware").await;
    // Both downloads get the same name: each is kept under its own.
    let from_anna = keep_as(export_everything(&anna).await.2, "anna");
    let from_ben = keep_as(export_everything(&ben).await.2, "ben");

    // Carla drops both files at once: Anna's first, then Ben's.
    carla.goto("#/data").await;
    carla
        .upload("Choose files to import", &[from_anna.clone(), from_ben])
        .await;
    carla.wait_for_main_heading("Import a file").await;
    wait_for_preview_section(
        &carla,
        "Changed in the file (3)",
        &["Contoso", "Northwind", "Fabrikam"],
    )
    .await;
    wait_for_preview_section(
        &carla,
        "Changed on both sides (2)",
        &[
            "Contoso",
            "Insurance",
            "Retail",
            "Fabrikam",
            "changed here, deleted in the file",
        ],
    )
    .await;
    wait_for_preview_section(
        &carla,
        "Changed on both sides, in different fields (1)",
        &["Northwind", "Pomerania"],
    )
    .await;
    wait_for_preview_section(&carla, "Deleted in the file (1)", &["Litware"]).await;
    carla.press("Import").await;
    wait_for_stored_names(&carla, &["Contoso", "Fabrikam", "Northwind"]).await;
    assert_eq!(
        stored_field(&carla, "Contoso", "industry").await,
        "Insurance",
        "kept as it was"
    );
    assert_eq!(
        stored_field(&carla, "Northwind", "industry").await,
        "Logistics"
    );
    assert_eq!(
        stored_field(&carla, "Northwind", "region").await,
        "Pomerania"
    );
    assert_eq!(stored_field(&carla, "Fabrikam", "industry").await, "Energy");

    // Anna's older file never brings Litware back.
    import(&carla, &from_anna).await;
    wait_for_preview_section(&carla, "Deleted here (1)", &["Litware"]).await;
    carla
        .wait_for(Role::Status, Name::StartsWith("Nothing to import"))
        .await;
    carla.press("Cancel").await;

    // Carla's answer reaches Ben as the newest version: no question asked,
    // and Litware stays deleted there.
    let from_carla = keep_as(export_everything(&carla).await.2, "carla");
    import(&ben, &from_carla).await;
    wait_for_preview_section(
        &ben,
        "Changed in the file (3)",
        &["Contoso", "Northwind", "Fabrikam"],
    )
    .await;
    ben.press("Import").await;
    wait_for_stored_field(&ben, "Contoso", "industry", "Insurance").await;
    assert_eq!(
        stored_field(&ben, "Northwind", "industry").await,
        "Logistics"
    );
    assert!(!stored_names(&ben).await.contains(&"Litware".to_owned()));
    for app in [&carla, &anna, &ben] {
        app.assert_no_console_errors();
    }
}
