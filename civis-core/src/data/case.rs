//! civis-python's conversion of camelCase names to snake_case, used for argument names at
//! compile time and for the keys of dynamic responses at run time.
//!
//! Written here rather than taken from heck (already in the tree for UpperCamelCase): argument
//! names must equal civis-python's exactly, and heck's `to_snake_case` agrees with its two
//! regexes on plain camelCase but not elsewhere: heck turns `X-Trace` into `x_trace` where
//! civis-python has `x-_trace`, `foo__bar` into `foo_bar`, `_id` into `id`, and splits
//! `naïveÉtat` at the non-ASCII capital, which the regexes' ASCII classes do not.

/// civis-python's `camel_to_snake`: `lastRunAt` → `last_run_at`, `HTTPCode` → `http_code`.
///
/// Two passes, as in the Python regexes: `(.)([A-Z][a-z]+)` → `\1_\2`, then
/// `([a-z0-9])([A-Z])` → `\1_\2`, then lower-case. Dynamic responses convert every key of
/// every object, so ASCII names (all of the spec's) take a byte-wise path.
pub fn camel_to_snake(word: &str) -> String {
    if word.is_ascii() {
        camel_to_snake_ascii(word.as_bytes())
    } else {
        camel_to_snake_chars(word)
    }
}

/// [`camel_to_snake`] of an owned name, which is returned as it is when it has nothing to
/// convert (an ASCII name without capitals), as most keys of an answer are.
pub fn camel_to_snake_owned(word: String) -> String {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        word
    } else {
        camel_to_snake(&word)
    }
}

fn camel_to_snake_ascii(word: &[u8]) -> String {
    let starts_word = |at: usize| {
        word.get(at + 1).is_some_and(u8::is_ascii_uppercase)
            && word.get(at + 2).is_some_and(u8::is_ascii_lowercase)
    };
    let mut first = Vec::with_capacity(word.len() + 4);
    let mut i = 0;
    while i < word.len() {
        first.push(word[i]);
        if starts_word(i) {
            first.push(b'_');
            first.push(word[i + 1]);
            i += 2;
            while i < word.len() && word[i].is_ascii_lowercase() {
                first.push(word[i]);
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    let mut out = String::with_capacity(first.len() + 4);
    let mut i = 0;
    while i < first.len() {
        out.push(char::from(first[i].to_ascii_lowercase()));
        if (first[i].is_ascii_lowercase() || first[i].is_ascii_digit())
            && first.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        {
            out.push('_');
            out.push(char::from(first[i + 1].to_ascii_lowercase()));
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

/// The two passes on any text, character by character.
fn camel_to_snake_chars(word: &str) -> String {
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
    use super::*;

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
            assert_eq!(camel_to_snake_chars(camel), snake, "{camel}");
            assert_eq!(camel_to_snake_owned(camel.to_string()), snake, "{camel}");
        }
        // The regexes' classes are ASCII; `lower()` is not.
        assert_eq!(camel_to_snake("naïveÉtat"), "naïveétat");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_character_path_on_every_short_word() {
        // Every word of up to four characters over the classes the rules look at.
        let alphabet = ['a', 'b', 'A', 'B', '1', '_', '-'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
            words.dedup();
        }
        for word in &words {
            assert_eq!(camel_to_snake(word), camel_to_snake_chars(word), "{word:?}");
        }
    }
}
