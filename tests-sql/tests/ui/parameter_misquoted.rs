fn main() {
    // A number where the SQL quotes the placeholder, and text where it does not.
    let _ = civis::query!(
        "redshift-general",
        "select id from sales.orders where day >= '{{since}}' and id > {{min}}",
        since = 20261101,
        min = "ten",
    );
}
