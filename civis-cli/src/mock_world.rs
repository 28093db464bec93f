//! What `civis mock serve` declares beside the spec's recorded examples: databases, tables
//! (typed or not) and SQL results from CSV files, jobs and templates that succeed or fail, or
//! `--demo`'s small world.

use clap::ArgMatches;

use civis::Error;
use civis_mock::{MockJob, MockRows, MockServer};

/// The credential the first declared database's user has by default.
const DEFAULT_CREDENTIAL: i64 = 1;

/// Declares on `server` what the options of `mock serve` (`matches`) ask for.
pub fn declare(server: &MockServer, matches: &ArgMatches) -> Result<(), Error> {
    let all = |name: &str| -> Vec<String> {
        matches
            .get_many::<String>(name)
            .map(|values| values.cloned().collect())
            .unwrap_or_default()
    };
    if matches.get_flag("demo") {
        demo(server)?;
    }
    for (index, database) in all("database").iter().enumerate() {
        let (id, name) = split(database, '=', "--database ID=NAME")?;
        server.database(number(id, "--database")?, name);
        if index == 0 {
            server.default_database_credential(DEFAULT_CREDENTIAL);
        }
    }
    for table in all("table") {
        let (place, file) = split(&table, '=', "--table DB:SCHEMA.TABLE=FILE.csv")?;
        let (database, name) = place
            .split_once(':')
            .ok_or_else(|| usage(&table, "--table DB:SCHEMA.TABLE=FILE.csv"))?;
        server.table(number(database, "--table")?, name, rows_of(file)?);
    }
    for table in all("typed-table") {
        let form =
            "--typed-table DB:SCHEMA.TABLE=FILE.csv (header cells NAME:TYPE or NAME:TYPE NOT NULL)";
        let (place, file) = split(&table, '=', form)?;
        let (database, name) = place.split_once(':').ok_or_else(|| usage(&table, form))?;
        let (columns, rows) = typed_rows_of(file)?;
        let columns: Vec<(&str, &str)> = columns
            .iter()
            .map(|(name, sql_type)| (name.as_str(), sql_type.as_str()))
            .collect();
        server
            .typed_table(number(database, "--typed-table")?, name, &columns, rows)
            .map_err(|e| Error::Usage(format!("--typed-table {table}: {e}")))?;
    }
    for table in all("unscanned-table") {
        let form = "--unscanned-table DB:SCHEMA.TABLE";
        let (database, name) = split(&table, ':', form)?;
        server
            .unscanned_table(number(database, "--unscanned-table")?, name)
            .map_err(|e| Error::Usage(format!("--unscanned-table {table}: {e} (declare it first with --table or --typed-table)")))?;
    }
    for sql in all("sql") {
        let (text, file) = sql
            .rsplit_once('=')
            .ok_or_else(|| usage(&sql, "--sql SQL=FILE.csv"))?;
        server.sql_returns(text, rows_of(file)?);
    }
    for job in all("job") {
        let (id, declared) = planned(&job, "--job")?;
        server.job(id, declared);
    }
    for template in all("template") {
        let (id, declared) = planned(&template, "--template")?;
        server.template(id, declared);
    }
    Ok(())
}

/// `ID=succeeds:N|fails:N` (of `option`, `--job` or `--template`): the id and the job whose
/// runs succeed or fail after N polls, logging one line per poll.
fn planned(given: &str, option: &str) -> Result<(i64, MockJob), Error> {
    let form = format!("{option} ID=succeeds:N|fails:N");
    let (id, plan) = split(given, '=', &form)?;
    let (outcome, polls) = split(plan, ':', &form)?;
    let polls =
        u32::try_from(number(polls, option)?).map_err(|_| usage(given, "a count of polls"))?;
    let declared = match outcome {
        "succeeds" => MockJob::succeeds_after(polls),
        "fails" => MockJob::fails_after(polls, "the mock job failed, as declared"),
        _ => return Err(usage(given, &form)),
    };
    Ok((number(id, option)?, with_log(declared, polls)))
}

/// `--demo`: database 32 `redshift-general` (default credential 1) with `public.users`, the SQL
/// `select 1 as one`, job 1 (succeeds after 3 polls) and job 2 (fails after 2).
fn demo(server: &MockServer) -> Result<(), Error> {
    server.database(32, "redshift-general");
    server.default_database_credential(DEFAULT_CREDENTIAL);
    let users = MockRows::new(["id", "name", "active"])
        .row([Some("1"), Some("Ada Lovelace"), Some("true")])
        .row([Some("2"), Some("Grace Hopper"), Some("true")])
        .row([Some("3"), Some("Alan Turing"), Some("false")]);
    server
        .typed_table(
            32,
            "public.users",
            &[
                ("id", "INTEGER"),
                ("name", "VARCHAR(64)"),
                ("active", "BOOLEAN"),
            ],
            users,
        )
        .map_err(|e| Error::Config(e.to_string()))?;
    server.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    server.job(1, with_log(MockJob::succeeds_after(3), 3));
    server.job(
        2,
        with_log(
            MockJob::fails_after(2, "the demo job failed, as declared"),
            2,
        ),
    );
    Ok(())
}

/// `job` with one log line per poll up to `polls`.
fn with_log(job: MockJob, polls: u32) -> MockJob {
    (1..=polls).fold(job, |job, poll| {
        job.log_from_poll(poll, "info", &format!("step {poll} of {polls}"))
    })
}

/// The columns (name and SQL type, from header cells `NAME:TYPE`, `"price:DECIMAL(10,2)"`
/// quoted for its comma, `id:INTEGER NOT NULL` for a column declared not null, whose type then
/// ends in `NOT NULL` as [`MockServer::typed_table`] reads it) and rows of a CSV file.
fn typed_rows_of(path: &str) -> Result<(Vec<(String, String)>, MockRows), Error> {
    let rows = rows_of(path)?;
    let columns = rows
        .columns
        .iter()
        .map(|cell| {
            cell.split_once(':')
                .map(|(name, sql_type)| (name.trim().to_string(), sql_type.trim().to_string()))
                .filter(|(name, sql_type)| !name.is_empty() && !sql_type.is_empty())
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "{path}: the header cell {cell:?} is not NAME:TYPE (id:INTEGER, name:VARCHAR(64), id:BIGINT NOT NULL)"
                    ))
                })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let names: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
    let rows = rows.rows.iter().fold(MockRows::new(names), |typed, row| {
        typed.row(row.iter().map(Option::as_deref))
    });
    Ok((columns, rows))
}

/// The rows of a CSV file with a header.
fn rows_of(path: &str) -> Result<MockRows, Error> {
    let io = |source| Error::Io {
        path: path.to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut reader = csv::Reader::from_reader(file);
    let bad = |e: csv::Error| Error::Usage(format!("{path} is not CSV: {e}"));
    let header: Vec<String> = reader
        .headers()
        .map_err(bad)?
        .iter()
        .map(String::from)
        .collect();
    let mut rows = MockRows::new(header);
    for record in reader.records() {
        let record = record.map_err(bad)?;
        rows = rows.row(record.iter().map(|v| (!v.is_empty()).then_some(v)));
    }
    Ok(rows)
}

fn split<'a>(text: &'a str, at: char, form: &str) -> Result<(&'a str, &'a str), Error> {
    text.split_once(at).ok_or_else(|| usage(text, form))
}

fn number(text: &str, option: &str) -> Result<i64, Error> {
    text.trim()
        .parse()
        .map_err(|_| Error::Usage(format!("{option}: {text:?} is not a number")))
}

fn usage(given: &str, form: &str) -> Error {
    Error::Usage(format!("{given:?} does not read as {form}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn typed_table_headers_declare_not_null_and_unscanned_tables_are_unknown() {
        let dir = std::env::temp_dir().join(format!("civis-mock-world-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("items.csv");
        std::fs::write(&csv, "id:BIGINT NOT NULL,\"price:NUMERIC(10,2)\"\n1,2.5\n").unwrap();
        let typed = format!("32:shop.items={}", csv.display());
        let hidden = format!("32:shop.hidden={}", csv.display());
        let matches = crate::command::mock_serve(clap::Command::new("serve"))
            .try_get_matches_from([
                "serve",
                "--database",
                "32=redshift-general",
                "--typed-table",
                &typed,
                "--typed-table",
                &hidden,
                "--unscanned-table",
                "32:shop.hidden",
            ])
            .unwrap();
        let server = MockServer::scripted().unwrap();
        declare(&server, &matches).unwrap();
        let client = civis::ApiClient::builder()
            .api_key("k")
            .base_url(server.url())
            .build()
            .unwrap();
        let get = |method: &str, args: Value| -> Result<Value, civis::Error> {
            client
                .prepare_call(civis::ApiClient::operations(), "tables", method, args)?
                .send_with_headers::<Value>()
                .map(|(answer, _)| answer)
        };
        let listed = get("list", json!({"database_id": 32})).unwrap();
        assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
        let described = get("get", json!({"id": listed[0]["id"]})).unwrap();
        let table_def = described["tableDef"].as_str().unwrap();
        assert!(table_def.contains("\"id\" BIGINT NOT NULL,"), "{table_def}");
        assert!(
            table_def.contains("\"price\" NUMERIC(10,2) NULL"),
            "{table_def}"
        );
        assert_eq!(described["columns"][0]["sqlType"], "BIGINT");

        let wrong = crate::command::mock_serve(clap::Command::new("serve"))
            .try_get_matches_from(["serve", "--unscanned-table", "32:shop.none"])
            .unwrap();
        assert!(declare(&MockServer::scripted().unwrap(), &wrong).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
