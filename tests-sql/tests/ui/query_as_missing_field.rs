struct Order {
    id: i64,
    amount: Option<civis::sql::types::Decimal>,
}

fn main() {
    let _ = civis::query_as!(Order, "redshift-general", "select id from sales.orders");
}
