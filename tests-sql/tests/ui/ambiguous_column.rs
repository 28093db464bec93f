fn main() {
    let _ = civis::query!(
        "redshift-general",
        "select id from sales.orders o join sales.customers c on c.id = o.customer_id"
    );
}
