fn main() {
    let _ = civis::query!("redshift-general", "select my_udf(amount) as x from sales.orders");
}
