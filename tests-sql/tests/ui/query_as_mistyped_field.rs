struct Order {
    id: i32,
}

fn main() {
    let _ = civis::query_as!(Order, "redshift-general", "select id from sales.orders");
}
