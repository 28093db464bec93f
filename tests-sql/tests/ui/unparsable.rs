fn main() {
    let _ = civis::query!("redshift-general", "select id,\n  from sales.orders where");
}
