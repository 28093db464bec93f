//! "Did you mean ...?" for unknown names.

/// ` (did you mean `x`?)` for the candidate closest to `name`, or an empty string when none is
/// close.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> String {
    closest(name, candidates).map_or_else(String::new, |best| format!(" (did you mean `{best}`?)"))
}

/// The candidate with the smallest edit distance to `name`, if it is within a third of its
/// length (or contains it).
pub fn closest<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    closest_few(name, candidates, 1).into_iter().next()
}

/// Up to `most` candidates close to `name` (as [`closest`] judges), the closest first.
pub fn closest_few<'c>(name: &str, candidates: &[&'c str], most: usize) -> Vec<&'c str> {
    let mut close: Vec<(usize, &str)> = candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, c)| *d <= name.len().max(3) / 3 + 1 || c.contains(name))
        .collect();
    close.sort();
    close.dedup_by(|a, b| a.1 == b.1);
    close.into_iter().take(most).map(|(_, c)| c).collect()
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
        assert_eq!(
            closest_few("get-m", &["get-me", "get", "list", "get-me", "post-me"], 3),
            ["get-me", "get"]
        );
        assert_eq!(
            closest_few("lst", &["list", "last", "lost", "lust", "get"], 3),
            ["last", "list", "lost"]
        );
    }
}
