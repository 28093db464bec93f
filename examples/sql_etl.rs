//! A blocking ETL script: query a table, transform its rows as they stream in, write a CSV file
//! and import it into another table, then read the result back. It runs offline against the mock
//! Civis API, whose small database answers the SQL and takes the import.
//!
//! ```sh
//! cargo run --example sql_etl
//! ```
//!
//! Against the real API, drop the mock and build the client with `ApiClient::new()?`
//! (CIVIS_API_KEY from the environment); the rest is unchanged.

use std::time::Duration;

use civis::{runs::Polling, tables::ExistingRows, ApiClient};
use civis_mock::{MockRows, MockServer};

const DATABASE: &str = "redshift-general";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::scripted()?;
    mock.database(32, DATABASE);
    mock.default_database_credential(7);
    let mut orders = MockRows::new(["order_id", "region", "amount"]);
    for i in 1..=5_000 {
        let region = ["north", "south", "east, coastal", "west"][i % 4];
        orders = orders.row([
            Some(i.to_string().as_str()),
            Some(region),
            Some(&format!("{}.{:02}", i % 300, i % 100)),
        ]);
    }
    mock.table(32, "sales.orders", orders);

    // The mock's runs need no real pauses; against the real API keep the default schedule.
    let client = ApiClient::builder()
        .api_key("offline-demo-key")
        .base_url(mock.url())
        .polling(Polling::every(Duration::from_millis(20)))
        .build()?;

    // Extract: a preview first (civis.io.query_civis), then every row, streamed
    // (civis.io.read_civis_sql), one record in memory at a time.
    let preview = client
        .sql("select * from sales.orders", DATABASE)
        .preview(3)?;
    println!(
        "columns {:?}, first rows {:?}",
        preview.columns, preview.rows
    );

    let mut totals: std::collections::BTreeMap<String, (u64, f64)> = Default::default();
    let mut rows = client.read_table("sales.orders", DATABASE)?;
    let header = rows.next().transpose()?.ok_or("the export has no header")?;
    let region = header
        .iter()
        .position(|c| c == "region")
        .ok_or("no region column")?;
    let amount = header
        .iter()
        .position(|c| c == "amount")
        .ok_or("no amount column")?;
    for record in rows {
        // Transform: totals per region.
        let record = record?;
        let total = totals.entry(record[region].to_string()).or_default();
        total.0 += 1;
        total.1 += record[amount].parse::<f64>()?;
    }

    // Load: a CSV file (the csv crate quotes as needed), imported into a new table (civis.io.csv_to_civis).
    let path = std::env::temp_dir().join("civis-sql-etl-region-totals.csv");
    let mut out = csv::Writer::from_path(&path)?;
    out.write_record(["region", "orders", "revenue"])?;
    for (name, (count, revenue)) in &totals {
        out.write_record([name.clone(), count.to_string(), format!("{revenue:.2}")])?;
    }
    out.flush()?;
    let run = client
        .import_csv(&path, DATABASE, "reporting.region_totals")
        .existing_rows(ExistingRows::Drop)
        .send()?;
    let finished = run.wait()?;
    println!("import {} {}", run.url(), finished.state);

    // Check: the table holds what was loaded.
    for record in client.read_table("reporting.region_totals", DATABASE)? {
        println!("  {}", record?.iter().collect::<Vec<_>>().join(" | "));
    }
    std::fs::remove_file(&path)?;
    Ok(())
}
