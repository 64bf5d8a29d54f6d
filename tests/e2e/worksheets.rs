//! Ideal Customer Profile worksheets, end to end: charting linked and
//! typed-in customers, the ideal profile derived from them and the fit
//! check, editing a profile through its column, a column whose profile was
//! deleted, and printing a worksheet.

use crate::support::{App, Name, Role, pdf_pages, wait_until, workspace_envelope};
use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::wd::PrintSize;
use serde_json::{Value, json};

/// A fixed, valid UUID for test data, distinct for each `n`.
fn uuid(n: u32) -> String {
    format!("7a2b3c4d-5e6f-4a1b-8c2d-{n:012}")
}

/// A stored workspace envelope holding `profiles` and `worksheets`, as the
/// app writes it.
fn workspace(profiles: Vec<Value>, worksheets: Vec<Value>) -> Value {
    workspace_envelope(
        &uuid(1),
        "Acme sales",
        json!({ "profiles": profiles, "worksheets": worksheets }),
    )
}

/// A profile: `fields` over its id, name and status.
fn profile(id: &str, name: &str, status: &str, fields: Value) -> Value {
    let mut profile = json!({
        "id": id,
        "created_at": "2026-02-01T10:00:00.000Z",
        "name": name,
        "status": status,
    });
    for (key, value) in fields.as_object().expect("profile fields") {
        profile[key] = value.clone();
    }
    profile
}

/// Creates a worksheet on the worksheets screen, as a person does, and
/// waits for it to open; returns its id, from the address bar.
async fn create_worksheet(app: &App, name: &str) -> String {
    app.type_into("New worksheet: name", name).await;
    app.press("Create worksheet").await;
    app.wait_for_main_heading(name).await;
    let address = app.client().current_url().await.expect("the address");
    let fragment = address.fragment().unwrap_or_default().to_owned();
    fragment
        .strip_prefix("/icp/")
        .unwrap_or_else(|| panic!("a worksheet's address, not #{fragment}"))
        .to_owned()
}

/// The chart's column headings, left to right, read from the labels of
/// their "Source of …" lists (what a screen reader announces).
async fn column_headings(app: &App) -> Result<Vec<String>, String> {
    let labels = app
        .client()
        .find_all(Locator::XPath(
            "//table//thead//label[starts-with(normalize-space(.), 'Source of ')]",
        ))
        .await
        .map_err(|e| e.to_string())?;
    let mut headings = Vec::new();
    for label in labels {
        // The labels are visually hidden: read their text content.
        let text = label
            .prop("textContent")
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        headings.push(text.trim_start_matches("Source of ").to_owned());
    }
    Ok(headings)
}

/// Waits until the chart's column headings are `expected`.
async fn wait_for_headings(app: &App, expected: &[&str]) {
    wait_until(
        &format!("the chart's columns are {expected:?}"),
        async || {
            let headings = column_headings(app).await?;
            if headings == expected {
                Ok(())
            } else {
                Err(format!("they are {headings:?}"))
            }
        },
    )
    .await;
}

/// Waits until the cells (fields labelled "<row> for <column>") show
/// these values.
async fn wait_for_cells(app: &App, cells: &[(&str, &str)]) {
    for (label, expected) in cells {
        app.wait_for_field_value(label, expected).await;
    }
}

/// The text of a read-only cell (one with no field): the cell in the row
/// headed `row` and the column whose source list is "Source of `column`".
async fn read_only_cell(app: &App, column: &str, row: &str) -> Result<String, String> {
    let found = app
        .run(
            "const [column, row] = arguments;\n\
             const clean = t => t.replace(/\\s+/g, ' ').trim();\n\
             const label = [...document.querySelectorAll('thead label')]\n\
               .find(l => clean(l.textContent) === 'Source of ' + column);\n\
             if (!label) return { error: 'no column ' + column };\n\
             const heading = document.getElementById(label.htmlFor).closest('th');\n\
             const body = heading.closest('table').tBodies[0];\n\
             const line = [...body.rows].find(r => {\n\
               const th = r.querySelector('th[scope=row]');\n\
               return th && clean(th.firstChild.textContent) === row;\n\
             });\n\
             if (!line) return { error: 'no row ' + row };\n\
             const cell = line.cells[heading.cellIndex];\n\
             if (cell.querySelector('input, textarea, select')) return { error: 'the cell is a field' };\n\
             return { text: clean(cell.textContent) };",
            vec![json!(column), json!(row)],
        )
        .await;
    match found["text"].as_str() {
        Some(text) => Ok(text.to_owned()),
        None => Err(found["error"].as_str().unwrap_or("no answer").to_owned()),
    }
}

/// The derived Ideal Customer Profile as (row, sentence) pairs, in order.
async fn ideal_profile(app: &App) -> Result<Vec<(String, String)>, String> {
    let section = app.section("Your Ideal Customer Profile").await?;
    let terms = texts_in(&section, ".//dl/dt").await?;
    let sentences = texts_in(&section, ".//dl/dd").await?;
    if terms.len() != sentences.len() {
        return Err(format!("{terms:?} do not pair with {sentences:?}"));
    }
    Ok(terms.into_iter().zip(sentences).collect())
}

/// The derived sentence for the most common answer of a text row, as the
/// app words it now (`mode_text` in src/app/ideal_profile.rs): `count`
/// columns gave `answer`, `known` of the `total` columns answered at all:
/// "Retail: 3 of 4 answers (4 of 5 known)".
fn most_common(answer: &str, count: usize, known: usize, total: usize) -> String {
    format!("{answer}: {count} of {known} answers ({known} of {total} known)")
}

/// Waits until the derived profile says `expected` for each row given.
async fn wait_for_ideal(app: &App, expected: &[(&str, &str)]) -> Vec<(String, String)> {
    wait_until("the derived profile reads as expected", async || {
        let shown = ideal_profile(app).await?;
        for (row, sentence) in expected {
            let said = shown
                .iter()
                .find(|(term, _)| term == row)
                .map(|(_, said)| said.as_str());
            if said != Some(*sentence) {
                return Err(format!("{row:?} says {said:?}, not {sentence:?}"));
            }
        }
        Ok(shown)
    })
    .await
}

/// The text of every element `xpath` selects under `scope`, in order.
async fn texts_in(scope: &Element, xpath: &str) -> Result<Vec<String>, String> {
    let elements = scope
        .find_all(Locator::XPath(xpath))
        .await
        .map_err(|e| e.to_string())?;
    let mut texts = Vec::new();
    for element in elements {
        texts.push(element.text().await.map_err(|e| e.to_string())?);
    }
    Ok(texts)
}

/// The fit check's table: each row's name and result.
async fn fit_rows(app: &App) -> Result<Vec<(String, String)>, String> {
    let section = app.section("Fit check").await?;
    let rows = texts_in(&section, ".//table//tbody//th").await?;
    let results = texts_in(&section, ".//table//tbody//td").await?;
    Ok(rows.into_iter().zip(results).collect())
}

/// The text of a PDF as Chromium writes it, read in the browser: its
/// content streams are deflated (which `DecompressionStream` undoes) and
/// its fonts map glyphs to text through `/ToUnicode` maps. Text objects
/// end with a line break; other line breaks follow the printed lines.
async fn pdf_text(app: &App, pdf: &[u8]) -> String {
    // Each byte as one character, so that JavaScript gets the bytes back.
    let bytes: String = pdf.iter().map(|&b| char::from(b)).collect();
    let text = app
        .client()
        .execute_async(
            r"const pdf = arguments[0];
const done = arguments[arguments.length - 1];
(async () => {
const bytes = Uint8Array.from(pdf, c => c.charCodeAt(0));
const latin1 = raw => Array.from(raw, b => String.fromCharCode(b)).join('');
const inflate = async raw => latin1(new Uint8Array(await new Response(
  new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer()));
const objects = {};
for (const m of pdf.matchAll(/(\d+) 0 obj\b/g)) {
  const end = pdf.indexOf('endobj', m.index);
  const at = pdf.indexOf('stream', m.index);
  const stream = at >= 0 && at < end;
  objects[m[1]] = { head: pdf.slice(m.index, stream ? at : end), at: stream ? at : -1 };
}
const streamOf = async n => {
  const { head, at } = objects[n];
  const start = at + 6 + (pdf[at + 6] === '\r' ? 2 : 1);
  const raw = bytes.subarray(start, start + Number(head.match(/\/Length (\d+)/)[1]));
  return /FlateDecode/.test(head) ? inflate(raw) : latin1(raw);
};
const utf16 = hex => hex.match(/.{4}/g).map(u => String.fromCharCode(parseInt(u, 16))).join('');
const maps = {};
const fonts = {};
for (const [n, { head }] of Object.entries(objects)) {
  for (const m of head.matchAll(/\/(F\d+) (\d+) 0 R/g)) fonts[m[1]] = m[2];
  const unicode = head.match(/\/ToUnicode (\d+) 0 R/);
  if (!unicode) continue;
  const cmap = await streamOf(unicode[1]);
  const map = {};
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map[parseInt(m[1], 16)] = utf16(m[2]);
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      for (let code = parseInt(m[1], 16), to = parseInt(m[3], 16); code <= parseInt(m[2], 16); code++, to++)
        map[code] = String.fromCharCode(to);
  maps[n] = map;
}
let text = '';
for (const [n, { head, at }] of Object.entries(objects)) {
  if (at < 0 || /ToUnicode|FontFile|Subtype\s*\/Image/.test(head)) continue;
  let content;
  try { content = await streamOf(n); } catch (e) { continue; }
  if (!/\bBT\b/.test(content)) continue;
  let map = {};
  const tokens = /\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bET\b/g;
  for (const t of content.matchAll(tokens)) {
    if (t[1]) { map = maps[fonts[t[1]]] || {}; continue; }
    if (t[2] === undefined && t[3] === undefined) { text += '\n'; continue; }
    const hexes = t[2] !== undefined ? [...t[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map(h => h[1]) : [t[3]];
    for (const hex of hexes)
      for (const glyph of hex.match(/.{4}/g) || []) text += map[parseInt(glyph, 16)] ?? '\uFFFD';
  }
}
return text;
})().then(done, e => done({ error: String(e) }));",
            vec![json!(bytes)],
        )
        .await;
    // `execute_async` gives what the script passed to its callback.
    let text = text.unwrap_or_else(|e| panic!("cannot read the PDF's text: {e}"));
    text.as_str()
        .unwrap_or_else(|| panic!("the PDF's text is not text: {text}"))
        .to_owned()
}

/// `text` without white space, and with the typographic ligatures a PDF
/// uses spelled out ("ﬁ" as "fi"), so that text wrapped over printed lines
/// can still be found.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'ﬀ' => "ff".to_owned(),
            'ﬁ' => "fi".to_owned(),
            'ﬂ' => "fl".to_owned(),
            'ﬃ' => "ffi".to_owned(),
            'ﬄ' => "ffl".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

/// The three customers and the prospect of the first test.
const NORTHWIND: &str = "Northwind Retail";
const BALTIC: &str = "Baltic Shops";
const KOWALSKI: &str = "Kowalski Law";
const VISTULA: &str = "Vistula Boutiques";

fn three_customers_and_a_prospect() -> Vec<Value> {
    vec![
        profile(
            &uuid(11),
            NORTHWIND,
            "customer",
            json!({
                "industry": "Retail",
                "employees": {"kind": "range", "low": 50, "high": 100},
                "monthly_spend": "1000",
                "referred": "yes",
                "purchases": ["Managed Desktop", "Antivirus"],
            }),
        ),
        profile(
            &uuid(12),
            BALTIC,
            "customer",
            json!({
                "industry": "Retail",
                "employees": {"kind": "exact", "value": 80},
                "monthly_spend": "2000",
                "referred": "yes",
                "purchases": ["Managed Desktop", "Backup"],
            }),
        ),
        profile(
            &uuid(13),
            KOWALSKI,
            "customer",
            json!({
                "industry": "Law",
                "employees": {"kind": "exact", "value": 200},
                // Only the yearly spend: the chart computes 1,500 a month.
                "yearly_spend": "18000",
                "referred": "no",
                "purchases": ["Antivirus"],
            }),
        ),
        profile(
            &uuid(14),
            VISTULA,
            "prospect",
            json!({
                "industry": "Retail",
                "employees": {"kind": "exact", "value": 60},
                "monthly_spend": "3000",
                "referred": "yes",
                "purchases": ["Antivirus"],
            }),
        ),
    ]
}

#[tokio::test]
async fn a_five_column_chart_with_linked_and_typed_in_customers_derives_the_ideal_profile_and_survives_a_reload()
 {
    const SHEET: &str = "Top 5, 2026";
    let app = App::open("#/icp").await;
    app.load_workspace(&workspace(three_customers_and_a_prospect(), vec![]))
        .await;
    app.wait_for_main_heading("ICP worksheets").await;

    let sheet = create_worksheet(&app, SHEET).await;
    wait_for_headings(
        &app,
        &[
            "Client #1",
            "Client #2",
            "Client #3",
            "Client #4",
            "Client #5",
        ],
    )
    .await;

    // Column 1 through its source list, columns 2 and 3 through the
    // suggestions, which fill the first blank typed-in column.
    app.choose("Source of Client #1", &format!("Profile: {NORTHWIND}"))
        .await;
    wait_for_headings(
        &app,
        &[
            NORTHWIND,
            "Client #2",
            "Client #3",
            "Client #4",
            "Client #5",
        ],
    )
    .await;
    app.press(&format!("Add {BALTIC} to the chart")).await;
    app.press(&format!("Add {KOWALSKI} to the chart")).await;
    let headings = [NORTHWIND, BALTIC, KOWALSKI, "Client #4", "Client #5"];
    wait_for_headings(&app, &headings).await;

    // Linked columns show what the profiles hold.
    wait_for_cells(
        &app,
        &[
            ("Industry for Northwind Retail", "Retail"),
            ("# of employees for Northwind Retail", "50–100"),
            ("Average spent per month for Baltic Shops", "2000"),
            ("Have they referred you? for Kowalski Law", "No"),
            (
                "What do they purchase? for Baltic Shops",
                "Managed Desktop\nBackup",
            ),
        ],
    )
    .await;
    // A spend the chart computes from the other period is a placeholder,
    // not a value that looks typed in.
    let computed = app
        .field("Average spent per month for Kowalski Law")
        .await
        .unwrap();
    assert_eq!(computed.prop("value").await.unwrap().as_deref(), Some(""));
    assert_eq!(
        computed.attr("placeholder").await.unwrap().as_deref(),
        Some("computed: 1,500"),
        "Kowalski Law's monthly spend is computed from 18,000 a year"
    );

    // Two customers typed in without a name.
    app.type_into("# of employees for Client #4", "20-40").await;
    app.type_into("Industry for Client #4", "Retail").await;
    app.type_into("Average spent per month for Client #4", "1 250,50")
        .await;
    app.choose("Have they referred you? for Client #4", "Yes")
        .await;
    app.type_into(
        "What do they purchase? for Client #4",
        "Managed Desktop\nPrinters",
    )
    .await;
    app.type_into("Industry for Client #5", "Law").await;
    app.type_into("Average spent per month for Client #5", "899,99")
        .await;
    app.type_into(
        "What do they purchase? for Client #5",
        "antivirus\nCloud Backup",
    )
    .await;
    wait_for_cells(
        &app,
        &[
            (
                "What do they purchase? for Client #4",
                "Managed Desktop\nPrinters",
            ),
            ("Have they referred you? for Client #4", "Yes"),
        ],
    )
    .await;
    let invalid = app
        .run(
            "return [...document.querySelectorAll('[aria-invalid=\"true\"]')].map(e => e.id);",
            vec![],
        )
        .await;
    assert_eq!(invalid, json!([]), "no cell refuses what was typed");

    // Worked out by hand (see src/domain/icp/derive.rs):
    // - employees, 4 known: lows 20, 50, 80, 200 → lower median 50; highs
    //   40, 80, 100, 200 → lower median 80; smallest 20, largest 200;
    // - monthly: 1000 + 2000 + 1500 (18,000 / 12) + 1250.50 + 899.99
    //   = 6650.49, / 5 = 1330.098 → 1,330.10;
    // - yearly: 12,000 + 24,000 + 18,000 + 15,006 + 10,799.88 = 79,805.88,
    //   / 5 = 15,961.176 → 15,961.18;
    // - referred: yes, yes, no, yes, unknown → 3 of 4, 75 %;
    // - purchases: Managed Desktop (1, 2, 4) and antivirus (1, 3, 5) are
    //   each listed by three customers, as first written.
    let industry = most_common("Retail", 3, 5, 5);
    let expected = [
        (
            "# of employees",
            "Typically 50–80 employees (median); from 20 to 200 (4 of 5 known)",
        ),
        ("Industry", industry.as_str()),
        ("Type of business", "No answer yet (0 of 5 known)"),
        (
            "What do they purchase?",
            "Managed Desktop ×3, Antivirus ×3 (5 of 5 known)",
        ),
        (
            "Average spent per month",
            "Average 1,330.10 (from 899.99 to 2,000; 5 of 5 known)",
        ),
        (
            "Average spent per year",
            "Average 15,961.18 (from 10,799.88 to 24,000; 5 of 5 known)",
        ),
        (
            "Have they referred you?",
            "3 of 4 said yes (75%; 4 of 5 known)",
        ),
        (
            "Have they given a testimonial?",
            "No answer yet (0 of 5 known)",
        ),
    ];
    let derived = wait_for_ideal(&app, &expected).await;
    assert_eq!(derived.len(), 11, "one sentence for each of the 11 rows");

    // The prospect: Retail (matches), 60 employees (within 20–200),
    // Antivirus (a common purchase), referred yes (most said yes) match;
    // 3,000 a month and so 36,000 a year are above the charted spend.
    // 4 of 6 rows compared: 66.7 %.
    app.choose("Profile to check", VISTULA).await;
    let summary = app
        .wait_for(Role::Status, Name::StartsWith("Fit:"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(summary, "Fit: 66.7% (4 of 6 rows compared match)");
    let rows = wait_until("the fit table is shown", async || {
        let rows = fit_rows(&app).await?;
        if rows.len() == 11 {
            Ok(rows)
        } else {
            Err(format!("it has {} rows", rows.len()))
        }
    })
    .await;
    let result = |row: &str| {
        rows.iter()
            .find(|(name, _)| name == row)
            .map(|(_, result)| result.as_str())
    };
    for (row, expected) in [
        ("# of employees", "Matches"),
        ("Industry", "Matches"),
        ("Type of business", "Not compared"),
        ("What do they purchase?", "Matches"),
        ("Average spent per month", "Differs"),
        ("Average spent per year", "Differs"),
        ("Have they referred you?", "Matches"),
    ] {
        assert_eq!(result(row), Some(expected), "the fit on {row:?}");
    }
    let fit_section = app.section("Fit check").await.unwrap();
    let ranked = texts_in(&fit_section, ".//ol/li").await.unwrap();
    assert_eq!(
        ranked,
        [format!("{VISTULA} · 66.7% fit on 6 rows")],
        "prospects by fit"
    );

    // Saved, then reloaded: the same chart and the same profile.
    app.wait_until_stored("the worksheet is saved in full", |stored| {
        let sheets = stored["data"]["worksheets"]
            .as_array()
            .ok_or("no worksheet is stored")?;
        let [sheet] = sheets.as_slice() else {
            return Err(format!("{} worksheets are stored", sheets.len()));
        };
        let columns = &sheet["columns"];
        let checks = [
            (sheet["name"] == SHEET, "the name"),
            (columns[0]["profile"] == uuid(11), "column 1's profile"),
            (columns[1]["profile"] == uuid(12), "column 2's profile"),
            (columns[2]["profile"] == uuid(13), "column 3's profile"),
            (columns[3].get("profile").is_none(), "column 4 is typed in"),
            (
                columns[3]["values"]
                    == json!({
                        "employees": {"kind": "range", "low": 20, "high": 40},
                        "industry": "Retail",
                        "purchases": ["Managed Desktop", "Printers"],
                        "monthly_spend": "1250.50",
                        "referred": "yes",
                    }),
                "column 4's values",
            ),
            (
                columns[4]["values"]
                    == json!({
                        "industry": "Law",
                        "purchases": ["antivirus", "Cloud Backup"],
                        "monthly_spend": "899.99",
                    }),
                "column 5's values",
            ),
        ];
        match checks.iter().find(|(ok, _)| !ok) {
            None => Ok(()),
            Some((_, what)) => Err(format!("{what} is not stored as typed: {sheet}")),
        }
    })
    .await;
    app.reload().await;
    app.wait_for_main_heading(SHEET).await;
    let address = app.client().current_url().await.unwrap();
    assert_eq!(address.fragment(), Some(format!("/icp/{sheet}").as_str()));
    wait_for_headings(&app, &headings).await;
    // Typed values come back as the app writes them.
    wait_for_cells(
        &app,
        &[
            ("Worksheet name", SHEET),
            ("# of employees for Client #4", "20–40"),
            ("Industry for Client #4", "Retail"),
            ("Average spent per month for Client #4", "1250.50"),
            ("Have they referred you? for Client #4", "Yes"),
            (
                "What do they purchase? for Client #4",
                "Managed Desktop\nPrinters",
            ),
            ("# of employees for Client #5", ""),
            ("Industry for Client #5", "Law"),
            ("Average spent per month for Client #5", "899.99"),
            ("Have they referred you? for Client #5", "Unknown"),
            (
                "What do they purchase? for Client #5",
                "antivirus\nCloud Backup",
            ),
            ("Industry for Northwind Retail", "Retail"),
            ("# of employees for Baltic Shops", "80"),
            ("Have they referred you? for Kowalski Law", "No"),
        ],
    )
    .await;
    assert_eq!(
        read_only_cell(&app, KOWALSKI, "# years as customer").await,
        Ok("— (from the profile's customer-since date)".to_owned()),
        "years as a customer are read from the profile"
    );
    let reloaded = wait_for_ideal(&app, &expected).await;
    assert_eq!(reloaded, derived, "the derived profile after the reload");
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_columns_own_label_stays_when_another_column_is_removed_and_after_a_reload() {
    let app = App::open("#/icp").await;
    app.load_workspace(&workspace(three_customers_and_a_prospect(), vec![]))
        .await;
    app.wait_for_main_heading("ICP worksheets").await;
    create_worksheet(&app, "Anonymised top 5").await;

    // The team's own acronym for the second customer.
    app.type_into("Label of column 2", "BSP").await;
    wait_for_headings(
        &app,
        &["Client #1", "BSP", "Client #3", "Client #4", "Client #5"],
    )
    .await;
    // Removing the first column renumbers nothing.
    app.press("Remove column Client #1").await;
    wait_for_headings(&app, &["BSP", "Client #3", "Client #4", "Client #5"]).await;
    app.wait_for_field_value("Label of column 2", "Client #3")
        .await;
    // A blank label and another column's label are refused beside the
    // field; the heading keeps the label last accepted.
    app.type_into("Label of column 1", " ").await;
    app.wait_for_refusal("Label of column 1", "This is required.")
        .await;
    app.type_into("Label of column 1", "client #4").await;
    app.wait_for_refusal("Label of column 1", "Another column has this label")
        .await;
    app.type_into("Label of column 1", "BSP-1").await;
    // A new column takes the number after the highest in use.
    app.press("Add column").await;
    let headings = ["BSP-1", "Client #3", "Client #4", "Client #5", "Client #6"];
    wait_for_headings(&app, &headings).await;

    app.wait_until_stored("the labels are saved", |stored| {
        let labels: Vec<&str> = stored["data"]["worksheets"][0]["columns"]
            .as_array()
            .ok_or("no columns are stored")?
            .iter()
            .map(|c| c["label"].as_str().unwrap_or_default())
            .collect();
        if labels == headings {
            Ok(())
        } else {
            Err(format!("the labels stored are {labels:?}"))
        }
    })
    .await;
    app.reload().await;
    app.wait_for_main_heading("Anonymised top 5").await;
    wait_for_headings(&app, &headings).await;

    // Linked to a profile, the column is headed by the company's name and
    // keeps its label for a print without names.
    app.choose("Source of BSP-1", &format!("Profile: {BALTIC}"))
        .await;
    wait_for_headings(
        &app,
        &[BALTIC, "Client #3", "Client #4", "Client #5", "Client #6"],
    )
    .await;
    app.wait_for_field_value("Label of column 1", "BSP-1").await;
    app.toggle("Hide customer names when printing or downloading")
        .await;
    let printed = squeezed(&pdf_text(&app, &app.print_pdf(PrintSize::A4).await).await);
    assert!(
        printed.contains("BSP-1") && !printed.contains(&squeezed(BALTIC)),
        "the chart prints the label, not the name; it reads {printed:?}"
    );
    app.assert_no_console_errors();
}

#[tokio::test]
async fn editing_a_linked_cell_edits_the_profile() {
    let id = uuid(11);
    let app = App::open("#/icp").await;
    app.load_workspace(&workspace(three_customers_and_a_prospect(), vec![]))
        .await;
    app.wait_for_main_heading("ICP worksheets").await;
    create_worksheet(&app, "Retail customers").await;
    app.press(&format!("Add {NORTHWIND} to the chart")).await;
    wait_for_headings(
        &app,
        &[
            NORTHWIND,
            "Client #2",
            "Client #3",
            "Client #4",
            "Client #5",
        ],
    )
    .await;
    app.wait_for_field_value("Industry for Northwind Retail", "Retail")
        .await;

    app.type_into("Industry for Northwind Retail", "Wholesale")
        .await;
    app.type_into("# of employees for Northwind Retail", "120")
        .await;
    wait_for_ideal(
        &app,
        &[
            ("Industry", &most_common("Wholesale", 1, 1, 5)),
            (
                "# of employees",
                "Typically 120 employees (median); from 120 to 120 (1 of 5 known)",
            ),
        ],
    )
    .await;
    app.wait_until_stored("the profile is saved with its new industry", |stored| {
        let profile = stored["data"]["profiles"]
            .as_array()
            .and_then(|all| all.iter().find(|p| p["id"] == id.as_str()))
            .ok_or("the profile is not stored")?;
        if profile["industry"] == "Wholesale"
            && profile["employees"] == json!({"kind": "exact", "value": 120})
        {
            Ok(())
        } else {
            Err(format!("the profile is stored as {profile}"))
        }
    })
    .await;

    app.goto(&format!("#/profiles/{id}")).await;
    app.wait_for_main_heading(NORTHWIND).await;
    wait_until("the one-page view shows the new industry", async || {
        let page = app.section(NORTHWIND).await?;
        let text = page.text().await.map_err(|e| e.to_string())?;
        if text.contains("Customer · Wholesale") {
            Ok(())
        } else {
            Err(format!("it shows {text:?}"))
        }
    })
    .await;
    assert_eq!(app.description_of("Employees").await.as_deref(), Ok("120"));
    app.assert_no_console_errors();
}

#[tokio::test]
async fn a_column_whose_profile_was_deleted_keeps_its_values_and_says_so() {
    const GONE: &str = "Client #1 (profile deleted)";
    const BADGE: &str = "Profile deleted: last values shown";
    let id = uuid(11);
    let app = App::open("#/icp").await;
    app.load_workspace(&workspace(three_customers_and_a_prospect(), vec![]))
        .await;
    app.wait_for_main_heading("ICP worksheets").await;
    let sheet = create_worksheet(&app, "Before the clean-up").await;
    app.choose("Source of Client #1", &format!("Profile: {NORTHWIND}"))
        .await;
    wait_for_headings(
        &app,
        &[
            NORTHWIND,
            "Client #2",
            "Client #3",
            "Client #4",
            "Client #5",
        ],
    )
    .await;
    app.wait_for_field_value("Industry for Northwind Retail", "Retail")
        .await;

    app.goto(&format!("#/profiles/{id}")).await;
    app.wait_for_main_heading(NORTHWIND).await;
    app.press("Delete").await;
    app.wait_for_main_heading("Profiles").await;
    app.wait_until_stored("the profile is deleted", |stored| {
        let linked = stored["data"]["worksheets"][0]["columns"][0].clone();
        let left = stored["data"]["profiles"].as_array().map_or(0, Vec::len);
        if left == 3 && linked["values"]["industry"] == "Retail" {
            Ok(())
        } else {
            Err(format!("{left} profiles are left; the column is {linked}"))
        }
    })
    .await;

    for reloaded in [false, true] {
        if reloaded {
            app.reload().await;
        } else {
            app.goto(&format!("#/icp/{sheet}")).await;
        }
        app.wait_for_main_heading("Before the clean-up").await;
        wait_for_headings(
            &app,
            &[GONE, "Client #2", "Client #3", "Client #4", "Client #5"],
        )
        .await;
        let badges = app
            .client()
            .find_all(Locator::XPath(&format!(
                "//table//thead//th[.//label[normalize-space(.) = 'Source of {GONE}']]\
                 //*[normalize-space(.) = '{BADGE}']"
            )))
            .await
            .unwrap();
        assert_eq!(
            badges.len(),
            1,
            "the column's heading says {BADGE:?} (reloaded: {reloaded})"
        );
        for (row, expected) in [
            ("# of employees", "50–100"),
            ("Industry", "Retail"),
            ("What do they purchase?", "Managed Desktop\nAntivirus"),
            ("Average spent per month", "1000"),
            ("Average spent per year", "12000"),
            ("Have they referred you?", "Yes"),
        ] {
            let expected = expected.replace('\n', " ");
            assert_eq!(
                read_only_cell(&app, GONE, row).await,
                Ok(expected),
                "the deleted profile's {row:?} (reloaded: {reloaded})"
            );
        }
        wait_for_ideal(
            &app,
            &[
                ("Industry", &most_common("Retail", 1, 1, 5)),
                (
                    "Average spent per month",
                    "Average 1,000 (from 1,000 to 1,000; 1 of 5 known)",
                ),
            ],
        )
        .await;
    }
    app.assert_no_console_errors();
}

/// A worksheet of five customers, three linked and two typed in, filled on
/// most rows, with the profiles it links.
fn full_worksheet(sheet: &str) -> Value {
    let customer = |n: u32, name: &str, fields: Value| profile(&uuid(n), name, "customer", fields);
    let profiles = vec![
        customer(
            21,
            "Northwind Retail Group",
            json!({
                "industry": "Retail",
                "business_type": "Franchise",
                "employees": {"kind": "range", "low": 50, "high": 100},
                "revenue": {"kind": "range", "low": "1000000", "high": "5000000"},
                "region": "Within 20 km",
                "customer_since": "2019-03-01",
                "purchases": ["Managed Desktop", "Antivirus Subscription", "Backup and recovery"],
                "monthly_spend": "4250.50",
                "referred": "yes",
                "testimonial": "yes",
            }),
        ),
        customer(
            22,
            "Baltic Shops Sp. z o.o.",
            json!({
                "industry": "Retail",
                "business_type": "Online",
                "employees": {"kind": "exact", "value": 80},
                "revenue": {"kind": "exact", "value": "2500000"},
                "region": "City centre",
                "customer_since": "2021-06-15",
                "purchases": ["Managed Desktop", "Help desk hours"],
                "yearly_spend": "36000",
                "referred": "yes",
                "testimonial": "no",
            }),
        ),
        customer(
            23,
            "Kowalski & Partners Law Office",
            json!({
                "industry": "Law",
                "business_type": "Entrepreneur",
                "employees": {"kind": "exact", "value": 35},
                "revenue": {"kind": "range", "low": "800000", "high": "1200000"},
                "region": "Within 20 km",
                "customer_since": "2016-01-10",
                "purchases": ["Managed Desktop", "Antivirus Subscription", "Document scanning"],
                "monthly_spend": "1800",
                "yearly_spend": "21600",
                "referred": "no",
                "testimonial": "yes",
            }),
        ),
    ];
    let typed = |n: u32, values: Value| json!({"id": uuid(n), "values": values});
    let columns = vec![
        json!({"id": uuid(31), "profile": uuid(21), "values": {}}),
        json!({"id": uuid(32), "profile": uuid(22), "values": {}}),
        json!({"id": uuid(33), "profile": uuid(23), "values": {}}),
        typed(
            34,
            json!({
                "employees": {"kind": "range", "low": 20, "high": 40},
                "industry": "Healthcare",
                "business_type": "Non-Profit",
                "revenue": {"kind": "exact", "value": "1500000"},
                "location": "North county",
                "years": {"kind": "range", "low": 3, "high": 5},
                "purchases": ["Managed Desktop", "Antivirus Subscription"],
                "monthly_spend": "2100",
                "yearly_spend": "25200",
                "referred": "no",
            }),
        ),
        typed(
            35,
            json!({
                "employees": {"kind": "exact", "value": 150},
                "industry": "Construction",
                "business_type": "Franchise",
                "location": "Within 20 km",
                "years": {"kind": "exact", "value": 8},
                "purchases": ["Backup and recovery", "Help desk hours", "Printers"],
                "monthly_spend": "3200.75",
                "referred": "yes",
                "testimonial": "yes",
            }),
        ),
    ];
    workspace(
        profiles,
        vec![json!({
            "id": sheet,
            "name": "Top 5 customers, 2026",
            "created_at": "2026-03-01T09:00:00.000Z",
            "columns": columns,
        })],
    )
}

#[tokio::test]
async fn a_worksheet_prints_on_one_page() {
    let sheet = uuid(30);
    let app = App::open(&format!("#/icp/{sheet}")).await;
    app.load_workspace(&full_worksheet(&sheet)).await;
    app.wait_for_main_heading("Top 5 customers, 2026").await;
    wait_for_headings(
        &app,
        &[
            "Northwind Retail Group",
            "Baltic Shops Sp. z o.o.",
            "Kowalski & Partners Law Office",
            "Client #4",
            "Client #5",
        ],
    )
    .await;
    wait_for_ideal(&app, &[("Industry", &most_common("Retail", 2, 5, 5))]).await;

    let derived = ideal_profile(&app).await.unwrap();
    assert_eq!(derived.len(), 11, "one sentence for each row");

    // Portrait, at 100 % (not shrunk to fit): A4 is 21.0 × 29.7 cm, Letter
    // 21.59 × 27.94 cm.
    for (paper, size) in [("A4", PrintSize::A4), ("Letter", PrintSize::US_LETTER)] {
        let pdf = app.print_pdf(size).await;
        assert!(pdf.starts_with(b"%PDF-"), "{paper}: not a PDF");
        assert_eq!(
            pdf_pages(&pdf),
            1,
            "the worksheet prints on one {paper} page"
        );

        // The page holds the chart, every column, and the derived profile;
        // not the controls around them.
        let printed = squeezed(&pdf_text(&app, &pdf).await);
        let mut expected = vec![
            "Top 5 customers, 2026".to_owned(),
            "Ideal Customer Profile chart".to_owned(),
            "Kowalski & Partners Law Office".to_owned(),
            "Client #5".to_owned(),
            "Construction".to_owned(),
            "Your Ideal Customer Profile".to_owned(),
        ];
        for (row, sentence) in &derived {
            expected.push(format!("{row}{sentence}"));
        }
        for text in &expected {
            assert!(
                printed.contains(&squeezed(text)),
                "{paper}: the printed page lacks {text:?}; it reads {printed:?}"
            );
        }
        for text in [
            "Fit check",
            "Pick the customers to chart",
            "Add column",
            "Worksheet name",
        ] {
            assert!(
                !printed.contains(&squeezed(text)),
                "{paper}: {text:?} is printed"
            );
        }
    }

    // For a chart shown outside the team, the names of linked customers can
    // be left out: every column prints as "Client #n", and no name is on
    // the page, not even in screen-reader labels.
    app.toggle("Hide customer names when printing or downloading")
        .await;
    let printed = squeezed(&pdf_text(&app, &app.print_pdf(PrintSize::A4).await).await);
    for label in [
        "Client #1",
        "Client #2",
        "Client #3",
        "Client #4",
        "Client #5",
    ] {
        assert!(
            printed.contains(&squeezed(label)),
            "{label:?} is not printed; the page reads {printed:?}"
        );
    }
    for name in ["Northwind", "Baltic Shops", "Kowalski"] {
        assert!(
            !printed.contains(&squeezed(name)),
            "{name:?} is printed; the page reads {printed:?}"
        );
    }
    // The chart downloads as a spreadsheet the same way: a row per chart
    // row, the columns headed by their labels.
    app.open_disclosure("Download as a spreadsheet (CSV)").await;
    app.press("Download CSV").await;
    let (name, text) = app.take_download().await;
    assert!(name.starts_with("clientele-icp-chart-"), "{name}");
    assert!(
        text.starts_with(
            "\u{feff}Ideal Customer Profile chart,Client #1,Client #2,Client #3,Client #4,Client #5\r\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("\r\n").count(), 12, "11 chart rows: {text}");
    for name in ["Northwind", "Baltic Shops", "Kowalski"] {
        assert!(!text.contains(name), "{name:?} is in the file: {text}");
    }
    app.assert_no_console_errors();
}
