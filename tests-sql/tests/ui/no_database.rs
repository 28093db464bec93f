fn main() {
    // The tests' .civis/sql.toml names a default database; an unknown one has no pins.
    let _ = civis::query!("redshift-other", "select id from sales.orders");
}
