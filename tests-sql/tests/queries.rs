//! `civis::query!` and its family against the mock over real HTTP: the values of each column
//! are what the types the macro found say, parameters reach the script, and a result whose
//! columns no longer match the pins is `Error::ResultShape`.

use civis::sql::types::chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use civis::sql::types::Decimal;
use civis::sql::{Column, SqlType};
use civis_tests_sql::warehouse;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A client of the mock that polls runs every 20 ms (a run of the mock ends on its second poll).
fn client(mock: &civis_mock::MockServer) -> Result<civis::ApiClient, civis::Error> {
    civis::ApiClient::builder()
        .api_key("test")
        .base_url(mock.url())
        .polling(civis::runs::Polling::every(
            std::time::Duration::from_millis(20),
        ))
        .build()
}

#[test]
fn a_select_of_one_table_reads_every_type_as_the_pins_say() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let q = civis::query!(
        "redshift-general",
        "select id, customer_id, day, amount, qty, weight, score, express, channel, placed_at, paid_at from sales.orders"
    );
    let rows = q.on(&client).all()?;
    assert_eq!(rows.len(), 3);
    let first = &rows[0];
    // Not null in the pin: plain types; nullable: Options.
    let id: i64 = first.id;
    let day: NaiveDate = first.day;
    assert_eq!(id, 1);
    assert_eq!(day, NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("date")?);
    assert_eq!(first.customer_id, Some(10_i32));
    assert_eq!(first.amount, Some(Decimal::new(1250, 2)));
    assert_eq!(first.qty, Some(2_i16));
    assert_eq!(first.weight, Some(1.5_f32));
    assert_eq!(first.score, Some(0.25_f64));
    assert_eq!(first.express, Some(true));
    assert_eq!(first.channel.as_deref(), Some("web"));
    let placed: Option<NaiveDateTime> = first.placed_at;
    assert_eq!(
        placed.map(|t| t.to_string()).as_deref(),
        Some("2026-11-02 09:30:00")
    );
    assert_eq!(
        first.paid_at,
        Some(
            Utc.with_ymd_and_hms(2026, 11, 2, 9, 31, 5)
                .single()
                .ok_or("time")?
        )
    );
    let last = &rows[2];
    assert_eq!(
        (last.customer_id, last.amount, last.express, last.paid_at),
        (None, None, None, None)
    );
    Ok(())
}

#[test]
fn columns_are_what_the_analysis_found() {
    let q = civis::query!("redshift-general", "select id, amount from sales.orders");
    assert_eq!(
        q.columns(),
        &[
            Column::new("id", SqlType::BigInt, false),
            Column::new(
                "amount",
                SqlType::Numeric {
                    precision: 12,
                    scale: 2
                },
                true
            ),
        ]
    );
    assert_eq!(q.sql(), "select id, amount from sales.orders");
}

#[test]
fn the_database_can_come_from_sql_toml() {
    // .civis/sql.toml names redshift-general as the default database.
    let q = civis::query!("select name from sales.customers");
    assert_eq!(q.columns()[0], Column::new("name", SqlType::Text, false));
}

#[derive(Debug, PartialEq)]
struct Customer {
    id: i32,
    name: String,
    region: Option<String>,
}

#[test]
fn query_as_fills_the_callers_struct() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let customers = civis::query_as!(
        Customer,
        "redshift-general",
        "select id, name, region from sales.customers"
    )
    .on(&client)
    .all()?;
    assert_eq!(
        customers,
        [
            Customer {
                id: 10,
                name: "Ada".into(),
                region: Some("NE".into())
            },
            Customer {
                id: 11,
                name: "Grace".into(),
                region: None
            },
        ]
    );
    Ok(())
}

#[test]
fn query_scalar_reads_one_column() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let ids: Vec<i64> = civis::query_scalar!("redshift-general", "select id from sales.orders")
        .on(&client)
        .all()?;
    assert_eq!(ids, [1, 2, 3]);
    Ok(())
}

#[test]
fn one_and_optional_count_the_rows() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let q = civis::query!(
        "redshift-general",
        "select name from sales.customers limit 1"
    );
    assert_eq!(q.on(&client).one()?.name, "Ada");
    let all = civis::query!("redshift-general", "select name from sales.customers");
    assert!(all.on(&client).one().is_err(), "two rows are not one");
    assert!(
        all.on(&client).optional().is_err(),
        "two rows are not at most one"
    );
    Ok(())
}

#[test]
fn query_file_reads_the_sql_from_the_crate() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let q = civis::query_file!("redshift-general", "tests/sql/customers.sql");
    assert_eq!(q.sql().trim(), "select id, name from sales.customers");
    let names: Vec<String> = q
        .on(&client)
        .rows()?
        .map(|r| r.map(|c| c.name))
        .collect::<Result<_, _>>()?;
    assert_eq!(names, ["Ada", "Grace"]);
    Ok(())
}

#[test]
fn parameters_are_sent_as_civis_sql_parameters() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let since = "2026-11-03";
    let q = civis::query!(
        "redshift-general",
        "select id from sales.orders where day >= '{{since}}' and id > {{min}}",
        since = since,
        min = 1,
    );
    let params: Vec<String> = q.params().iter().map(|p| format!("{p:?}")).collect();
    assert_eq!(params.len(), 2, "{params:?}");
    // The mock's own select does not filter; the script's SQL with its arguments filled in
    // is answered as scripted.
    mock.sql_returns(
        "select id from sales.orders where day >= '2026-11-03' and id > 1",
        civis_mock::MockRows::new(["id"])
            .row([Some("2")])
            .row([Some("3")]),
    );
    let ids: Vec<i64> = q.on(&client).all()?.into_iter().map(|r| r.id).collect();
    assert_eq!(ids, [2, 3]);
    Ok(())
}

#[test]
fn a_renamed_column_is_a_result_shape_error_naming_the_pin() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    // The warehouse changed after the pin: customers.name is now full_name.
    mock.sql_returns(
        "select id, name from sales.customers",
        civis_mock::MockRows::new(["id", "full_name"]).row([Some("10"), Some("Ada")]),
    );
    let error = civis::query!("redshift-general", "select id, name from sales.customers")
        .on(&client)
        .all()
        .map(|_| ())
        .unwrap_err();
    assert!(
        matches!(error, civis::Error::ResultShape { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("sales.customers"), "{message}");
    assert!(message.contains("civis tables pin --refresh"), "{message}");
    Ok(())
}

#[test]
fn a_value_that_does_not_fit_its_type_is_a_value_error() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    mock.sql_returns(
        "select amount from sales.orders",
        civis_mock::MockRows::new(["amount"]).row([Some("123456789012.5")]),
    );
    let mut rows = civis::query!("redshift-general", "select amount from sales.orders")
        .on(&client)
        .rows()?;
    let error = rows.next().ok_or("a row")?.map(|_| ()).unwrap_err();
    assert!(matches!(error, civis::Error::Value { .. }), "{error:?}");
    Ok(())
}

#[test]
fn alias_overrides_choose_the_rust_type_and_run_without_it() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let q = civis::query!(
        "redshift-general",
        r#"select amount as "amount!: f64", id as "id?" from sales.orders where amount is not null"#
    );
    // The overrides are the macro's business: Redshift gets plain aliases.
    let sent =
        r#"select amount as "amount", id as "id" from sales.orders where amount is not null"#;
    assert_eq!(q.sql(), sent);
    mock.sql_returns(
        sent,
        civis_mock::MockRows::new(["amount", "id"])
            .row([Some("12.50"), Some("1")])
            .row([Some("7.00"), Some("2")]),
    );
    let rows = q.on(&client).all()?;
    let amounts: Vec<f64> = rows.iter().map(|r| r.amount).collect();
    let ids: Vec<Option<i64>> = rows.iter().map(|r| r.id).collect();
    assert_eq!((amounts, ids), (vec![12.5, 7.0], vec![Some(1), Some(2)]));
    Ok(())
}

#[test]
fn a_quoted_value_holding_a_quote_is_refused_before_any_request() -> TestResult {
    let mock = warehouse()?;
    let client = client(&mock)?;
    let sneaky = "x' or '1'='1";
    let error = civis::query!(
        "redshift-general",
        "select id from sales.customers where name = '{{name}}'",
        name = sneaky
    )
    .on(&client)
    .all()
    .map(|_| ())
    .unwrap_err();
    assert!(matches!(error, civis::Error::Usage(_)), "{error:?}");
    assert!(error.to_string().contains("single quote"), "{error}");
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
    Ok(())
}
