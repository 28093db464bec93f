fn main() {
    let _ = civis::query!("redshift-general", "select amount * 2 from sales.orders");
}
