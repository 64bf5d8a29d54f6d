//! Reading CSV text: comma, semicolon or tab separated, quoted fields
//! (RFC 4180), UTF-8 with or without a byte-order mark.

/// The most columns read; a CRM export rarely has more than 100.
pub const MAX_COLUMNS: usize = 200;

/// The most data rows read.
pub const MAX_ROWS: usize = 50_000;

/// A CSV file as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The separator found: `,`, `;` or a tab.
    pub separator: char,
    /// Column names from the first line; blank ones become "Column N" and
    /// repeated ones get a number.
    pub headers: Vec<String>,
    /// The data rows.
    pub rows: Vec<CsvRow>,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The line of the file it starts on, from 1, for messages.
    pub line: usize,
    /// Its cells, as many as there are headers (missing ones blank).
    pub cells: Vec<String>,
    /// Whether it had more cells than headers (the extra ones are dropped).
    pub extra_cells: bool,
}

/// Why a CSV file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// Nothing but white space.
    Empty,
    /// A quoted field is never closed.
    UnclosedQuote {
        /// The line where the field starts.
        line: usize,
    },
    /// A header line but no data.
    NoRows,
    /// More columns than [`MAX_COLUMNS`].
    TooManyColumns,
    /// More rows than [`MAX_ROWS`].
    TooManyRows,
}

/// Reads CSV text.
pub fn parse(text: &str) -> Result<Table, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let separator = detect_separator(text);
    let mut records = records(text, separator)?.into_iter();
    let (_, header_cells) = records.next().ok_or(CsvError::Empty)?;
    if header_cells.len() > MAX_COLUMNS {
        return Err(CsvError::TooManyColumns);
    }
    let headers = headers(header_cells);
    let mut rows = Vec::new();
    for (line, mut cells) in records {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(CsvError::TooManyRows);
        }
        let extra_cells = cells.len() > headers.len();
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

/// The separator used most on the first line outside quotes.
fn detect_separator(text: &str) -> char {
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(s, _)| *s == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(',', |(s, _)| *s)
}

/// Splits the text into records of cells, each with the line it starts on.
fn records(text: &str, separator: char) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let mut out = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let (mut line, mut start_line, mut quote_line) = (1, 1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                '\r' => {}
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
                quote_line = line;
            }
            c if c == separator => cells.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut cell));
                out.push((start_line, std::mem::take(&mut cells)));
                line += 1;
                start_line = line;
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote { line: quote_line });
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        out.push((start_line, cells));
    }
    Ok(out)
}

fn headers(cells: Vec<String>) -> Vec<String> {
    let mut headers: Vec<String> = Vec::with_capacity(cells.len());
    for (i, cell) in cells.into_iter().enumerate() {
        let name = cell.trim();
        let mut name = if name.is_empty() {
            format!("Column {}", i + 1)
        } else {
            name.to_owned()
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
    use super::*;

    #[test]
    fn a_comma_export_with_quoted_commas_and_line_breaks_reads_cell_by_cell() {
        let text = "Company,Notes,Phone\r\n\"Acme, Inc.\",\"Line one\r\nline \"\"two\"\"\",+1 555\r\nBeta,,\r\n";
        let table = parse(text).unwrap();
        assert_eq!(table.separator, ',');
        assert_eq!(table.headers, ["Company", "Notes", "Phone"]);
        assert_eq!(
            table.rows[0].cells,
            ["Acme, Inc.", "Line one\nline \"two\"", "+1 555"]
        );
        assert_eq!(table.rows[1].line, 4, "the quoted line break counts");
        assert_eq!(table.rows[1].cells, ["Beta", "", ""]);
    }

    #[test]
    fn a_semicolon_export_with_a_byte_order_mark_is_recognised() {
        let table = parse("\u{feff}Nazwa firmy;Przychód\n\"Kowalski; Syn\";1 234,50\n").unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.headers[0], "Nazwa firmy");
        assert_eq!(table.rows[0].cells, ["Kowalski; Syn", "1 234,50"]);
    }

    #[test]
    fn short_rows_are_padded_long_ones_noted_and_blank_lines_skipped() {
        let table = parse("a,b,c\n1\n\n1,2,3,4\n").unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, ["1", "", ""]);
        assert!(table.rows[1].extra_cells);
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn blank_and_repeated_headers_get_names() {
        let table = parse("Name,,Name\nx,y,z\n").unwrap();
        assert_eq!(table.headers, ["Name", "Column 2", "Name (2)"]);
    }

    #[test]
    fn broken_files_are_refused_with_the_reason() {
        assert_eq!(parse(" \n"), Err(CsvError::Empty));
        assert_eq!(parse("Company\n"), Err(CsvError::NoRows));
        assert_eq!(
            parse("Company,Notes\nAcme,\"never closed\nBeta,x\n"),
            Err(CsvError::UnclosedQuote { line: 2 })
        );
        let wide = vec!["c"; MAX_COLUMNS + 1].join(",");
        assert_eq!(
            parse(&format!("{wide}\nx\n")),
            Err(CsvError::TooManyColumns)
        );
    }
}
