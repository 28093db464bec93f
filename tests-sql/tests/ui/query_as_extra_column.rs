struct Order {
    id: i64,
}

fn main() {
    let _ = civis::query_as!(Order, "redshift-general", "select id, qty from sales.orders");
}
