fn main() {
    let _ = civis::query!("redshift-general", "select id from sales.orders where day >= '{{since}}'");
}
