//! Every short text of a few characters, for tests that compare two readings of the same text
//! exhaustively rather than on examples.

/// Every text of at most `longest` characters of `alphabet`, the empty one first, shorter ones
/// before longer.
pub(crate) fn every_text(alphabet: &[char], longest: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    let mut last = texts.clone();
    for _ in 0..longest {
        last = last
            .iter()
            .flat_map(|text| alphabet.iter().map(move |c| format!("{text}{c}")))
            .collect();
        texts.extend(last.iter().cloned());
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_two_characters_up_to_two_long() {
        assert_eq!(
            every_text(&['a', 'b'], 2),
            ["", "a", "b", "aa", "ab", "ba", "bb"]
        );
    }
}
