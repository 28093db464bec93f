//! Byte offsets and the (line, column) pairs people and sqlparser use: sqlparser reports
//! 1-based lines and columns counted in characters, the analysis keeps byte offsets (which stay
//! right through the placeholder rewrite, see `params`), and `SqlError::render` prints both.

/// The 1-based line and column (in characters) of byte `offset` of `text`, and that line's
/// text. An offset past the end, or inside a character, points at the nearest earlier place.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize, &str) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = before.matches('\n').count() + 1;
    let column = text[line_start..offset].chars().count() + 1;
    let line_text = text[line_start..line_end].trim_end_matches('\r');
    (line, column, line_text)
}

/// The byte offset of sqlparser's 1-based `line` and `column` (in characters) in `text`;
/// `None` for sqlparser's "no location" (line 0) or a place past the text.
pub(crate) fn byte_offset(text: &str, line: u64, column: u64) -> Option<usize> {
    if line == 0 || column == 0 {
        return None;
    }
    let line_index = usize::try_from(line - 1).ok()?;
    let mut start = 0;
    for _ in 0..line_index {
        start += text[start..].find('\n')? + 1;
    }
    let column_index = usize::try_from(column - 1).ok()?;
    let rest = &text[start..];
    match rest.char_indices().nth(column_index) {
        Some((i, _)) => Some(start + i),
        // Just past the last character (sqlparser's place for "end of input").
        None if rest.chars().count() == column_index => Some(start + rest.len()),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_round_trip() {
        let sql = "select a,\n  bé, c\nfrom t";
        let c = sql.find(", c").map(|i| i + 2).unwrap_or(0);
        assert_eq!(line_col(sql, c), (2, 7, "  bé, c"));
        assert_eq!(byte_offset(sql, 2, 7), Some(c));
        assert_eq!(byte_offset(sql, 1, 1), Some(0));
        assert_eq!(byte_offset(sql, 3, 7), Some(sql.len()));
        assert_eq!(byte_offset(sql, 0, 0), None);
        assert_eq!(byte_offset(sql, 9, 1), None);
        assert_eq!(line_col(sql, 999).0, 3);
    }
}
