//! Rustdoc from spec text. Descriptions are plain prose written for a web page; they are made
//! safe for Markdown so that rustdoc neither compiles them as doctests (indented or fenced
//! blocks) nor reads links or HTML tags into them.

/// Spec prose as Markdown that renders as the same prose.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Leading blanks would make an indented code block, which rustdoc runs as a doctest.
        for c in line.trim_start().chars() {
            match c {
                '[' | ']' | '<' | '>' | '`' | '*' | '_' | '#' | '|' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

/// Paragraphs joined with blank lines, empty ones left out.
pub fn paragraphs<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    join_nonempty(parts, "\n\n")
}

/// Sentences joined into one paragraph, empty ones left out: short notes stay on the line of
/// the text they belong to, which keeps the generated code short.
pub fn sentences<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    join_nonempty(parts, " ")
}

fn join_nonempty<'a>(parts: impl IntoIterator<Item = &'a str>, separator: &str) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

/// ` Allowed values: `a`, `b`.` for a list of enum values, or nothing.
pub fn allowed(values: &[String]) -> String {
    if values.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = values
        .iter()
        .map(|v| format!("`{}`", v.replace('`', "'")))
        .collect();
    format!("Allowed values: {}.", listed.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_cannot_become_code_or_links() {
        assert_eq!(
            escape("    indented\n[link] <b>"),
            "indented\n\\[link\\] \\<b\\>"
        );
        assert_eq!(escape("```rust\nx\n```"), "\\`\\`\\`rust\nx\n\\`\\`\\`");
    }
}
