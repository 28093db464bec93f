fn main() {
    let _ = civis::query!("redshift-general", "select id from sales.orders", since = "2026-01-01");
}
