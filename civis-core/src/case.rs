//! civis-python's conversion of camelCase names to snake_case, used for argument names at
//! compile time and for the keys of dynamic responses at run time.

/// civis-python's `camel_to_snake`: `lastRunAt` → `last_run_at`, `HTTPCode` → `http_code`.
///
/// Two passes, as in the Python regexes: `(.)([A-Z][a-z]+)` → `\1_\2`, then
/// `([a-z0-9])([A-Z])` → `\1_\2`, then lower-case.
pub fn camel_to_snake(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    // Pass 1: an underscore before every capital that starts a lower-case run, unless it is the
    // first character. Non-overlapping left-to-right matching: a match consumes the preceding
    // character and the whole capitalised word, so the next match starts after that word.
    let mut first = String::with_capacity(word.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i + 1 < chars.len()
            && chars[i + 1].is_ascii_uppercase()
            && chars.get(i + 2).is_some_and(|c| c.is_ascii_lowercase());
        if starts_word {
            first.push(chars[i]);
            first.push('_');
            let mut j = i + 1;
            first.push(chars[j]);
            j += 1;
            while j < chars.len() && chars[j].is_ascii_lowercase() {
                first.push(chars[j]);
                j += 1;
            }
            i = j;
        } else {
            first.push(chars[i]);
            i += 1;
        }
    }
    // Pass 2: an underscore between a lower-case letter or digit and a capital.
    let chars: Vec<char> = first.chars().collect();
    let mut out = String::with_capacity(first.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        out.extend(chars[i].to_lowercase());
        if i + 1 < chars.len()
            && (chars[i].is_ascii_lowercase() || chars[i].is_ascii_digit())
            && chars[i + 1].is_ascii_uppercase()
        {
            out.push('_');
            out.extend(chars[i + 1].to_lowercase());
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::camel_to_snake;

    #[test]
    fn camel_to_snake_matches_the_python_regexes() {
        for (camel, snake) in [
            ("lastRunAt", "last_run_at"),
            ("id", "id"),
            ("HTTPCode", "http_code"),
            ("remoteHostId", "remote_host_id"),
            ("s3Path", "s3_path"),
            ("getHTTPResponseCode", "get_http_response_code"),
            ("already_snake", "already_snake"),
            ("CamelCase", "camel_case"),
            ("ABC", "abc"),
            ("aB", "a_b"),
            ("Camel2Camel2Case", "camel2_camel2_case"),
            ("getHTTPResponseCode2XX", "get_http_response_code2_xx"),
        ] {
            assert_eq!(camel_to_snake(camel), snake, "{camel}");
        }
    }
}
