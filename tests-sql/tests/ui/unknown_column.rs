fn main() {
    let _ = civis::query!("redshift-general", "select id, amont from sales.orders");
}
