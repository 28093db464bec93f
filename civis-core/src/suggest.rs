//! "Did you mean ...?" for unknown names.

/// ` (did you mean `x`?)` for the candidate closest to `name`, or an empty string when none is
/// close.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> String {
    closest(name, candidates).map_or_else(String::new, |best| format!(" (did you mean `{best}`?)"))
}

/// The candidate with the smallest edit distance to `name`, if it is within a third of its
/// length (or contains it).
pub fn closest<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, c)| *d <= name.len().max(3) / 3 + 1 || c.contains(name))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars (strsim's).
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name() {
        assert_eq!(
            closest("databse_id", &["database_id", "schema"]),
            Some("database_id")
        );
        assert_eq!(closest("zzzzzz", &["database_id", "schema"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
