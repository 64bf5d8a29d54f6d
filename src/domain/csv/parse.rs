//! Reading CSV text: comma, semicolon or tab separated, quoted fields
//! (RFC 4180), UTF-8 with or without a byte-order mark.
//!
//! What is read:
//! - a UTF-8 byte-order mark at the start is dropped (Excel writes one);
//! - the separator is the one of `,`, `;` and tab used most on the header
//!   line, outside quotes; on a tie tab wins over `;` and `;` over `,`,
//!   because a comma inside a header name (`Revenue, USD`) is more likely
//!   than the others. A header line with none of them is one column;
//! - a field in double quotes may hold separators and line breaks, and `""`
//!   is one quote; a quote inside an unquoted field is just a character;
//! - lines end with CRLF, LF or CR (also inside quoted fields, where each
//!   becomes one `\n`);
//! - blank lines (before the header, between rows, at the end) are ignored;
//! - the first non-blank line is the header: blank names become
//!   `Column N` (`Kolumna N` on a Polish page) and repeated ones get
//!   ` (2)`, ` (3)`;
//! - a short row is padded with empty cells; a long row keeps its extra
//!   cells apart in [`CsvRow::extra_cells`], since they have no header.
//!
//! Limits: [`MAX_CSV_COLUMNS`] header columns and [`MAX_CSV_ROWS`] data rows; a file
//! over either is refused rather than cut, so nothing is dropped unseen.

use std::iter::Peekable;
use std::str::Chars;

use crate::domain::limits::{MAX_CSV_COLUMNS, MAX_CSV_ROWS};
use crate::t;

/// A CSV file as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The separator found: `,`, `;` or a tab.
    pub separator: char,
    /// Column names from the header line; blank ones become "Column N" (in
    /// the page's language) and repeated ones get a number, so every name
    /// is different.
    pub headers: Vec<String>,
    /// The data rows, blank lines left out.
    pub rows: Vec<CsvRow>,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The line of the file it starts on, from 1, for messages (a quoted
    /// line break moves the next row's line on).
    pub line: usize,
    /// Its cells, exactly one per header (missing ones empty).
    pub cells: Vec<String>,
    /// Cells past the last header, as found; empty for a well-formed row.
    /// They usually mean an unquoted separator inside a value, which also
    /// shifts the cells before them. At most [`MAX_CSV_COLUMNS`] are kept.
    pub extra_cells: Vec<String>,
}

/// Why a CSV file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// Nothing but white space (or only a byte-order mark).
    Empty,
    /// A quoted field is never closed, so where rows end is unknown.
    UnclosedQuote {
        /// The line where the field starts, from 1.
        line: usize,
    },
    /// A header line but no data rows.
    NoRows,
    /// More header columns than [`MAX_CSV_COLUMNS`].
    TooManyColumns,
    /// More data rows than [`MAX_CSV_ROWS`].
    TooManyRows,
}

/// Reads CSV text into a table of strings (see the module docs for what is
/// accepted).
pub fn parse(text: &str) -> Result<Table, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let separator = detect_separator(text);
    let mut records = Records::new(text, separator)
        .filter(|r| !matches!(r, Ok((_, cells)) if cells.iter().all(|c| c.trim().is_empty())));
    let (_, header_cells) = records.next().ok_or(CsvError::Empty)??;
    if header_cells.len() > MAX_CSV_COLUMNS {
        return Err(CsvError::TooManyColumns);
    }
    let headers = headers(header_cells);
    let mut rows = Vec::new();
    for record in records {
        let (line, mut cells) = record?;
        if rows.len() == MAX_CSV_ROWS {
            return Err(CsvError::TooManyRows);
        }
        let mut extra_cells = cells.split_off(cells.len().min(headers.len()));
        extra_cells.truncate(MAX_CSV_COLUMNS);
        cells.resize(headers.len(), String::new());
        rows.push(CsvRow {
            line,
            cells,
            extra_cells,
        });
    }
    if rows.is_empty() {
        return Err(CsvError::NoRows);
    }
    Ok(Table {
        separator,
        headers,
        rows,
    })
}

/// The separator used most on the first non-blank line, outside quotes.
fn detect_separator(text: &str) -> char {
    // Ordered so that `max_by_key`, which keeps the last of equals, breaks
    // ties as the module docs say.
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    let mut seen = false;
    for c in text.chars() {
        match c {
            // An escaped `""` toggles twice, which is right.
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted && seen => break,
            _ if quoted => {}
            _ => {
                seen |= !c.is_whitespace();
                if let Some(entry) = counts.iter_mut().find(|(s, _)| *s == c) {
                    entry.1 += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(',', |(s, _)| *s)
}

/// The records of a text, each with the line it starts on. An iterator, so
/// reading stops as soon as the row limit is passed.
struct Records<'a> {
    chars: Peekable<Chars<'a>>,
    separator: char,
    line: usize,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, separator: char) -> Self {
        Self {
            chars: text.chars().peekable(),
            separator,
            line: 1,
        }
    }

    /// Consumes a `\n` after a `\r`, and counts the line.
    fn end_line(&mut self, c: char) {
        if c == '\r' && self.chars.peek() == Some(&'\n') {
            self.chars.next();
        }
        self.line += 1;
    }
}

impl Iterator for Records<'_> {
    type Item = Result<(usize, Vec<String>), CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.chars.peek()?;
        let start = self.line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quote_line = None;
        // Cells past this are dropped, so one runaway line cannot fill
        // memory; it is enough to see a header that is too wide and to keep
        // `MAX_CSV_COLUMNS` extra cells after the widest header allowed.
        let keep = 2 * MAX_CSV_COLUMNS + 1;
        let push = |cells: &mut Vec<String>, cell: &mut String| {
            let cell = std::mem::take(cell);
            if cells.len() < keep {
                cells.push(cell);
            }
        };
        while let Some(c) = self.chars.next() {
            if quote_line.is_some() {
                match c {
                    '"' if self.chars.peek() == Some(&'"') => {
                        self.chars.next();
                        cell.push('"');
                    }
                    '"' => quote_line = None,
                    '\r' | '\n' => {
                        self.end_line(c);
                        cell.push('\n');
                    }
                    _ => cell.push(c),
                }
                continue;
            }
            match c {
                // A quote opens a quoted field only at its start (spaces
                // before it are tolerated, as Excel does).
                '"' if cell.trim().is_empty() => {
                    cell.clear();
                    quote_line = Some(self.line);
                }
                c if c == self.separator => push(&mut cells, &mut cell),
                '\r' | '\n' => {
                    self.end_line(c);
                    push(&mut cells, &mut cell);
                    return Some(Ok((start, cells)));
                }
                _ => cell.push(c),
            }
        }
        if let Some(line) = quote_line {
            // Nothing after an unclosed quote can be trusted: stop here.
            self.chars = "".chars().peekable();
            return Some(Err(CsvError::UnclosedQuote { line }));
        }
        push(&mut cells, &mut cell);
        Some(Ok((start, cells)))
    }
}

/// Header names: trimmed, on one line, blank ones named by position and
/// repeated ones numbered, so each names one column.
fn headers(cells: Vec<String>) -> Vec<String> {
    let mut headers: Vec<String> = Vec::with_capacity(cells.len());
    for (i, cell) in cells.into_iter().enumerate() {
        let name = super::values::one_line(&cell);
        let mut name = if name.is_empty() {
            t!(data_csv_blank_column, n = i + 1)
        } else {
            name
        };
        if headers.contains(&name) {
            let base = name.clone();
            let mut n = 2;
            while headers.contains(&name) {
                name = format!("{base} ({n})");
                n += 1;
            }
        }
        headers.push(name);
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn a_hubspot_export_keeps_quoted_commas_line_breaks_and_quotes_in_one_cell() {
        let table = parse(HUBSPOT).unwrap();
        assert_eq!(table.separator, ',');
        assert_eq!(table.headers.len(), 16);
        assert_eq!(table.rows.len(), 3);
        let northwind = &table.rows[0];
        assert_eq!(northwind.line, 2);
        assert_eq!(northwind.cells[1], "Northwind Traders, Ltd");
        assert_eq!(northwind.cells[13], "2,500,000");
        assert_eq!(
            northwind.cells[14],
            "Met at NRF 2024.\nPrefers calls before noon, says \"no e-mail\"."
        );
        assert_eq!(table.rows[1].line, 4, "the quoted line break counts");
    }

    #[test]
    fn a_salesforce_report_with_every_field_quoted_reads_plainly() {
        let table = parse(SALESFORCE).unwrap();
        assert_eq!(table.separator, ',');
        assert_eq!(table.headers[0], "Account Name");
        assert_eq!(table.headers[5], "Billing State/Province");
        assert_eq!(table.rows[2].cells[2], "Channel Partner / Reseller");
        assert!(table.rows.iter().all(|r| r.extra_cells.is_empty()));
    }

    #[test]
    fn a_semicolon_export_with_bom_and_crlf_is_read_with_its_separator() {
        let table = parse(POLISH).unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.headers[0], "Nazwa firmy", "no BOM in the first name");
        assert_eq!(table.rows.len(), 3);
        let first = &table.rows[0];
        assert_eq!(first.line, 2);
        assert_eq!(first.cells[5], "1 234 567,50");
        assert_eq!(
            first.cells[15], "Płaci w terminie; woli kontakt telefoniczny",
            "a quoted separator stays in the cell"
        );
        assert!(table.rows.iter().all(|r| !r.cells.concat().contains('\r')));
    }

    #[test]
    fn tab_separated_files_and_separators_inside_quoted_headers_are_recognised() {
        let table = parse("Company\tRevenue, USD\tCity\nAcme\t1,000\tOslo\n").unwrap();
        assert_eq!(table.separator, '\t');
        assert_eq!(table.rows[0].cells, ["Acme", "1,000", "Oslo"]);
        let table = parse("\"Revenue; USD, net\";Company\n10;Acme\n").unwrap();
        assert_eq!(
            table.separator, ';',
            "the quoted header's , and ; are ignored"
        );
        let table = parse("Company\nAcme, Inc.\n").unwrap();
        assert_eq!(table.separator, ',', "no separator: one column");
        assert_eq!(table.headers, ["Company"]);
        assert_eq!(table.rows[0].extra_cells, [" Inc."]);
    }

    #[test]
    fn cr_lf_and_crlf_line_ends_all_end_lines_also_inside_quotes() {
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("Company,Notes{end}Acme,\"one{end}two\"{end}Beta,x{end}");
            let table = parse(&text).unwrap();
            assert_eq!(table.rows[0].cells, ["Acme", "one\ntwo"], "{end:?}");
            assert_eq!(table.rows[1].line, 4, "{end:?}");
        }
    }

    #[test]
    fn an_unterminated_quote_is_reported_with_the_line_it_starts_on() {
        assert_eq!(
            parse(BROKEN_QUOTE),
            Err(CsvError::UnclosedQuote { line: 3 })
        );
        assert_eq!(
            parse("\"Company\nAcme\n"),
            Err(CsvError::UnclosedQuote { line: 1 })
        );
    }

    #[test]
    fn a_header_only_file_has_no_rows_and_an_empty_one_is_empty() {
        assert_eq!(parse(HEADER_ONLY), Err(CsvError::NoRows));
        assert_eq!(parse("Company;City\r\n;\r\n\r\n"), Err(CsvError::NoRows));
        assert_eq!(parse(""), Err(CsvError::Empty));
        assert_eq!(parse("\u{feff}"), Err(CsvError::Empty));
        assert_eq!(parse(" \r\n\t\n"), Err(CsvError::Empty));
    }

    #[test]
    fn short_rows_are_padded_long_ones_keep_their_extra_cells() {
        let table = parse("a,b,c\n1\n\n1,2,3,4,5\n").unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, ["1", "", ""]);
        assert!(table.rows[0].extra_cells.is_empty());
        assert_eq!(table.rows[1].cells, ["1", "2", "3"]);
        assert_eq!(table.rows[1].extra_cells, ["4", "5"]);
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn blank_lines_before_the_header_between_rows_and_at_the_end_are_ignored() {
        let table = parse("\n\r\nCompany,City\n\nAcme,Oslo\n,\n\n").unwrap();
        assert_eq!(table.headers, ["Company", "City"]);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].line, 5);
    }

    #[test]
    fn blank_and_repeated_headers_get_names() {
        let table = parse("Name,,Name,\" Annual\nRevenue \"\nx,y,z,1\n").unwrap();
        assert_eq!(
            table.headers,
            ["Name", "Column 2", "Name (2)", "Annual Revenue"]
        );
        crate::i18n::set_language(crate::i18n::Language::Polish);
        let polish = parse("Nazwa;;Nazwa\nx;y;z\n");
        crate::i18n::set_language(crate::i18n::Language::English);
        assert_eq!(polish.unwrap().headers, ["Nazwa", "Kolumna 2", "Nazwa (2)"]);
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_kept_as_written() {
        let table = parse("Product,Size\n15\" screen,big\n").unwrap();
        assert_eq!(table.rows[0].cells, ["15\" screen", "big"]);
    }

    #[test]
    fn files_over_the_limits_are_refused_not_cut() {
        let wide = vec!["c"; MAX_CSV_COLUMNS + 1].join(",");
        assert_eq!(
            parse(&format!("{wide}\nx\n")),
            Err(CsvError::TooManyColumns)
        );
        let widest = vec!["c"; MAX_CSV_COLUMNS].join(",");
        assert!(parse(&format!("{widest}\nx\n")).is_ok());
        let long = format!("Company\n{}", "Acme\n".repeat(MAX_CSV_ROWS + 1));
        assert_eq!(parse(&long), Err(CsvError::TooManyRows));
        let longest = format!("Company\n{}", "Acme\n".repeat(MAX_CSV_ROWS));
        assert_eq!(parse(&longest).unwrap().rows.len(), MAX_CSV_ROWS);
    }

    #[test]
    fn a_runaway_row_keeps_a_bounded_number_of_extra_cells() {
        let text = format!("a,b\n{}\n", ",".repeat(10 * MAX_CSV_COLUMNS));
        // All blank: skipped; with a value it is kept, extras bounded.
        assert_eq!(parse(&text), Err(CsvError::NoRows));
        let text = format!("a,b\nx{}\n", ",y".repeat(10 * MAX_CSV_COLUMNS));
        let table = parse(&text).unwrap();
        assert_eq!(table.rows[0].extra_cells.len(), MAX_CSV_COLUMNS);
    }
}
