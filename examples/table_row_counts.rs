//! Lists the tables of a schema with their row counts, page by page.
//!
//! ```sh
//! CIVIS_API_KEY=... cargo run --example table_row_counts -- "redshift-general" public
//! ```

use civis::ApiClient;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(database), Some(schema)) = (args.next(), args.next()) else {
        eprintln!("usage: table_row_counts DATABASE SCHEMA   (with CIVIS_API_KEY set)");
        std::process::exit(2);
    };
    let client = ApiClient::new()?;
    let database_id = client.get_database_id(database.as_str())?;
    let mut total = 0;
    for table in client
        .tables()
        .list()
        .database_id(database_id)
        .schema(&schema)
        .limit(1000)
        .iter_all()
    {
        let table = table?;
        let rows = table.row_count.unwrap_or(0);
        total += rows;
        println!(
            "{:>12}  {}.{}",
            rows,
            schema,
            table.name.unwrap_or_default()
        );
    }
    println!("{total:>12}  rows in all");
    Ok(())
}
