//! Rustdoc from spec text. Descriptions are prose written for a web page, with line breaks,
//! numbered lists, inline code, fenced code and the odd `<br />`; they become Markdown that
//! renders the same, and that rustdoc neither compiles as doctests (indented or untagged fenced
//! blocks) nor reads links or HTML tags into.

/// A description as Markdown blocks: lines and lists kept, `<br />` as a line break, fenced
/// code kept as a `text` block, inline code spans kept, everything else escaped.
pub fn block(text: &str) -> String {
    let text = line_breaks(text);
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<usize> = None; // the indentation of the open fence's lines
    let mut in_list = false;
    for raw in text.trim().lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(strip) = fence {
            if trimmed.starts_with("```") {
                out.push("```".to_string());
                fence = None;
            } else {
                // Code keeps its own indentation beyond the fence's.
                let cut = line.len().min(strip).min(indent);
                out.push(line[cut..].to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") {
            // Untagged fences would be compiled as Rust doctests; `text` shows them as code.
            blank_line(&mut out);
            out.push("```text".to_string());
            fence = Some(indent);
            in_list = false;
            continue;
        }
        if trimmed.is_empty() {
            blank_line(&mut out);
            in_list = false;
            continue;
        }
        let item = list_marker(trimmed);
        if in_list && item.is_none() && indent == 0 {
            // An unindented line after a list starts a paragraph, not a lazy continuation of
            // the last item.
            blank_line(&mut out);
            in_list = false;
        }
        in_list |= item.is_some();
        out.push(match item {
            Some(marker) => format!("{marker}{}", inline(&trimmed[marker.len()..])),
            None => line_start(trimmed),
        });
    }
    if fence.is_some() {
        out.push("```".to_string());
    }
    out.join("\n")
}

/// Spec text on one line (a list item, a short note): whitespace collapsed, inline code spans
/// kept, everything else escaped.
pub fn inline(text: &str) -> String {
    let text = line_breaks(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    // An odd number of backticks cannot pair up; they are all shown as they are.
    let code_spans = text.matches('`').count() % 2 == 0;
    let mut out = String::with_capacity(text.len() + 8);
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push_str(if code_spans { "`" } else { "\\`" });
        }
        if code_spans && i % 2 == 1 {
            // Inside a code span nothing is Markdown.
            out.push_str(part);
        } else {
            escape_into(&mut out, part);
        }
    }
    out
}

/// `<br>`, `<br/>` and `<br />` as line breaks.
fn line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let end = tag.find('>').map(|e| e + 1);
        match end {
            Some(end)
                if tag[1..end - 1]
                    .trim_end_matches('/')
                    .trim()
                    .eq_ignore_ascii_case("br") =>
            {
                out.push('\n');
                rest = &tag[end..];
            }
            _ => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line's start that Markdown would read as a block (a heading, a quote, a rule, a setext
/// underline, a bullet made of `*` or `+`) escaped; the rest escaped inline.
fn line_start(line: &str) -> String {
    let mut out = inline(line);
    if line.starts_with(['-', '=', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// `- `, `1. ` or `1) ` when the line starts a list item.
fn list_marker(line: &str) -> Option<&str> {
    if line.starts_with("- ") {
        return Some(&line[..2]);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits < 10 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then(|| &line[..digits + 2])
}

fn blank_line(out: &mut Vec<String>) {
    if out.last().is_some_and(|l| !l.is_empty()) {
        out.push(String::new());
    }
}

fn escape_into(out: &mut String, text: &str) {
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let escape = match c {
            '[' | ']' | '<' | '>' | '*' | '|' | '\\' | '#' => true,
            // Inside a word (`file_name`) an underscore is never emphasis.
            '_' => !(previous.is_alphanumeric() && next.is_alphanumeric()),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        previous = c;
    }
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

/// `Allowed values: `a`, `b`.` for a list of enum values, or nothing.
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
    fn prose_cannot_become_code_links_or_html() {
        assert_eq!(
            block("    indented\n[link] <b>"),
            "indented\n\\[link\\] \\<b\\>"
        );
        assert_eq!(inline("a *b* #c x|y"), "a \\*b\\* \\#c x\\|y");
        assert_eq!(inline("file_name _x_"), "file_name \\_x\\_");
        assert_eq!(
            block("title\n===\n# not a heading"),
            "title\n\\===\n\\# not a heading"
        );
    }

    #[test]
    fn code_spans_and_fences_stay_code() {
        assert_eq!(
            inline("run `put(<uri>, a_b)` now"),
            "run `put(<uri>, a_b)` now"
        );
        assert_eq!(inline("one ` tick"), "one \\` tick");
        assert_eq!(
            block("Example:\n    ```\n    var a = 1;\n      b(<x>);\n    ```\nDone."),
            "Example:\n\n```text\nvar a = 1;\n  b(<x>);\n```\nDone."
        );
    }

    #[test]
    fn lists_and_line_breaks_are_kept() {
        assert_eq!(
            block("Ways:\n1. Python: \n    `put(x)`\n2. curl:\nAfter the list."),
            "Ways:\n1. Python:\n`put(x)`\n2. curl:\n\nAfter the list."
        );
        assert_eq!(
            block("one<br />two<BR>three<br/>four"),
            "one\ntwo\nthree\nfour"
        );
        assert_eq!(inline("a <br /> b <b>"), "a b \\<b\\>");
    }
}
