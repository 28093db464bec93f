//! The analysis end to end on the fixture catalog (`tests/fixtures/.civis`).

use crate::rules::Ty;
use crate::test_support::fixtures;
use crate::{analyze, Analysis, Catalog, SqlError};

const DB: &str = "redshift-general";

fn catalog() -> Catalog {
    Catalog::open(&fixtures()).expect("the fixture catalog opens")
}

fn run(sql: &str) -> Result<Analysis, SqlError> {
    analyze(sql, DB, &catalog())
}

fn ok(sql: &str) -> Analysis {
    match run(sql) {
        Ok(analysis) => analysis,
        Err(e) => panic!("{}", e.render(sql)),
    }
}

/// `name type[?]` per column (`?` = nullable).
fn shape(sql: &str) -> Vec<String> {
    ok(sql)
        .columns
        .iter()
        .map(|c| {
            format!(
                "{} {}{}",
                c.name,
                c.ty.sql_name(),
                if c.nullable { "?" } else { "" }
            )
        })
        .collect()
}

fn ok_names(sql: &str) -> Vec<String> {
    ok(sql).columns.into_iter().map(|c| c.name).collect()
}

fn err(sql: &str) -> SqlError {
    match run(sql) {
        Ok(a) => panic!("expected an error for {sql}, got {:?}", a.columns),
        Err(e) => e,
    }
}

#[test]
fn columns_keep_their_pinned_types_and_not_null() {
    assert_eq!(
        shape("select id, customer_id, day, amount, status, created_at from sales.orders"),
        vec![
            "id bigint",
            "customer_id integer?",
            "day date",
            "amount numeric(12,2)?",
            "status character varying(20)?",
            "created_at timestamp without time zone?",
        ]
    );
}

#[test]
fn star_lists_columns_in_pinned_order() {
    let names: Vec<String> = ok("select * from sales.customers")
        .columns
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["id", "name", "region", "signup", "active"]);
    let names: Vec<String> =
        ok("select c.*, o.id as order_id from sales.customers c join sales.orders o on o.customer_id = c.id")
            .columns
            .into_iter()
            .map(|c| c.name)
            .collect();
    assert_eq!(
        names,
        vec!["id", "name", "region", "signup", "active", "order_id"]
    );
    let names: Vec<String> = ok("select * exclude (signup, active) from sales.customers")
        .columns
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["id", "name", "region"]);
}

#[test]
fn unqualified_tables_are_in_public() {
    assert_eq!(
        shape("select kind from events"),
        vec!["kind character varying(32)?"]
    );
    assert_eq!(
        shape("select events.id from public.events"),
        vec!["id bigint"]
    );
    assert_eq!(
        shape("select public.events.n from public.events"),
        vec!["n smallint?"]
    );
}

#[test]
fn outer_joins_make_the_outer_side_nullable() {
    let sql = "select o.id, c.id as cid, c.name from sales.orders o left join sales.customers c on c.id = o.customer_id";
    assert_eq!(
        shape(sql),
        vec!["id bigint", "cid integer?", "name character varying(256)?"]
    );
    let sql = "select o.id, c.name from sales.orders o right join sales.customers c on c.id = o.customer_id";
    assert_eq!(
        shape(sql),
        vec!["id bigint?", "name character varying(256)"]
    );
    let sql = "select o.id, c.name from sales.orders o full outer join sales.customers c on c.id = o.customer_id";
    assert_eq!(
        shape(sql),
        vec!["id bigint?", "name character varying(256)?"]
    );
    let sql = "select o.id, c.name from sales.orders o inner join sales.customers c on c.id = o.customer_id cross join events e";
    assert_eq!(shape(sql), vec!["id bigint", "name character varying(256)"]);
    let sql =
        "select o.id, c.name from sales.orders o, sales.customers c where c.id = o.customer_id";
    assert_eq!(shape(sql), vec!["id bigint", "name character varying(256)"]);
}

#[test]
fn using_and_natural_merge_the_join_columns() {
    let sql = "select * from (select id as order_id, day from sales.orders) o join sales.items using (order_id)";
    assert_eq!(
        shape(sql),
        vec![
            "order_id bigint",
            "day date",
            "sku character varying(16)",
            "qty integer?"
        ]
    );
    let sql = "select order_id from (select id as order_id from sales.orders) o left join sales.items i using (order_id)";
    assert_eq!(shape(sql), vec!["order_id bigint"]);
    let sql = "select order_id, i.order_id as item_order from (select id as order_id from sales.orders) o right join sales.items i using (order_id)";
    assert_eq!(shape(sql), vec!["order_id bigint", "item_order bigint"]);
    let sql =
        "select * from (select id as order_id from sales.orders) o natural full join sales.items";
    assert_eq!(shape(sql)[0], "order_id bigint?");
    let e = err("select * from sales.orders o join sales.items using (nope)");
    assert!(
        e.message.contains("no single column `nope`"),
        "{}",
        e.message
    );
}

#[test]
fn ctes_nested_shadowing_and_recursive() {
    let sql = "with recent as (select id, amount from sales.orders where day > '2024-01-01'),
                    big as (select id from recent where amount > 100)
               select big.id, (select count(*) from recent) as n from big";
    assert_eq!(shape(sql), vec!["id bigint", "n bigint"]);
    // A CTE named like a table hides it.
    let sql = "with events as (select 1 as one) select one from events";
    assert_eq!(shape(sql), vec!["one integer"]);
    let sql = "with a(x, y) as (select id, day from sales.orders) select x, y from a";
    assert_eq!(shape(sql), vec!["x bigint", "y date"]);
    let sql = "select * from (with inner_cte as (select id from sales.orders) select id from inner_cte) s";
    assert_eq!(shape(sql), vec!["id bigint"]);
    let sql = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 10) select i from n";
    assert_eq!(shape(sql), vec!["i integer"]);
    let tables =
        ok("with events as (select 1 as one) select one from events e, sales.orders").tables;
    assert_eq!(
        tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        vec!["sales.orders"]
    );
}

#[test]
fn subqueries_in_from_and_expressions() {
    let sql = "select s.total from (select sum(amount) as total from sales.orders) s";
    assert_eq!(shape(sql), vec!["total numeric(38,2)?"]);
    let sql = "select id from sales.orders o where exists (select 1 from sales.items i where i.order_id = o.id)
               and o.customer_id in (select id from sales.customers) and o.status in ('a', 'b')";
    assert_eq!(shape(sql), vec!["id bigint"]);
    let sql = "select (select max(c.name) from sales.customers c where c.id = o.customer_id) from sales.orders o";
    assert_eq!(shape(sql), vec!["max character varying(256)?"]);
    let sql = "select (select max(c.name) as top_name from sales.customers c where c.id = o.customer_id) as top_name from sales.orders o";
    assert_eq!(shape(sql), vec!["top_name character varying(256)?"]);
    let e = err("select (select id, day from sales.orders) as x");
    assert!(e.message.contains("gives 2 columns"), "{}", e.message);
}

#[test]
fn set_operations_take_names_from_the_first_branch() {
    let sql = "select id, status from sales.orders union all select id, name from sales.customers";
    assert_eq!(
        shape(sql),
        vec!["id bigint", "status character varying(256)?"]
    );
    let sql = "select id from sales.orders intersect select id from sales.customers except select n from events order by id";
    assert_eq!(shape(sql).len(), 1);
    let sql = "select customer_id from sales.orders except select id from sales.customers";
    assert_eq!(shape(sql), vec!["customer_id integer?"]);
    let sql = "select id from sales.customers except select customer_id from sales.orders";
    assert_eq!(shape(sql), vec!["id integer"]);
    let sql = "select customer_id from sales.orders intersect select id from sales.customers";
    assert_eq!(shape(sql), vec!["customer_id integer"]);
    let sql = "select id from sales.customers union select customer_id from sales.orders";
    assert_eq!(shape(sql), vec!["id integer?"]);
    let e = err("select id, day from sales.orders union select id from sales.customers");
    assert!(e.message.contains("as many columns"), "{}", e.message);
}

#[test]
fn clauses_are_checked() {
    let sql = "select top 10 distinct status, count(*) as n from sales.orders
               where amount > 0 group by status having count(*) > 1 order by n desc limit 5 offset 2";
    assert_eq!(
        shape(sql),
        vec!["status character varying(20)?", "n bigint"]
    );
    let sql = "select id, row_number() over (partition by customer_id order by day) as rn
               from sales.orders qualify rn = 1";
    assert_eq!(shape(sql), vec!["id bigint", "rn bigint"]);
    let e = err("select id from sales.orders order by nope");
    assert!(e.message.contains("unknown column `nope`"), "{}", e.message);
    let e = err("select id from sales.orders group by statu");
    assert!(e.help.unwrap_or_default().contains("status"));
    // Lateral aliases (Redshift).
    assert_eq!(
        shape("select amount * 2 as twice, twice + 1 as more from sales.orders").len(),
        2
    );
}

#[test]
fn names_as_redshift_gives_them() {
    let sql = "select o.ID, count(*), sum(amount), coalesce(status, 'x'), amount::double precision,
                      case when amount > 1 then 1 else 0 end, extract(year from day),
                      \"Day\" as \"When\"
               from sales.orders o group by 1, 3, 4, 5, 6, 7, 8";
    let names: Vec<String> = ok(sql).columns.into_iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        vec![
            "id",
            "count",
            "sum",
            "coalesce",
            "amount",
            "case",
            "date_part",
            "when"
        ]
    );
    let sql = "select nullif(status, ''), date_part(year, day), dateadd(day, 1, day), datediff(day, day, created_at), nvl(status, 'x'), nullif(1, 2) from sales.orders";
    let names: Vec<String> = ok_names(sql);
    assert_eq!(
        names,
        vec![
            "status",
            "pgdate_part",
            "date_add",
            "date_diff",
            "coalesce",
            "nullif"
        ]
    );
    let e = err("select 1 + 1 from sales.orders");
    assert!(e.message.contains("`?column?`"), "{}", e.message);
    assert!(e.help.unwrap_or_default().contains("alias"));
    let e =
        err("select o.id, c.id from sales.orders o join sales.customers c on c.id = o.customer_id");
    assert!(
        e.message.contains("two output columns are named `id`"),
        "{}",
        e.message
    );
    let e = err("select \"My Col\" from odd");
    assert!(e.message.contains("`my col`"), "{}", e.message);
    assert_eq!(
        shape("select type from odd"),
        vec!["type character varying(8)?"]
    );
}

#[test]
fn sqlx_overrides_in_aliases() {
    let sql = "select amount as \"amount: f64\", id as \"id?\", status as \"status!\", customer_id as \"cid!: i64\" from sales.orders";
    let analysis = ok(sql);
    let c: Vec<(String, bool, Option<String>)> = analysis
        .columns
        .iter()
        .map(|c| (c.name.clone(), c.nullable, c.rust_override.clone()))
        .collect();
    assert_eq!(
        c,
        vec![
            ("amount".into(), true, Some("f64".into())),
            ("id".into(), true, None),
            ("status".into(), false, None),
            ("cid".into(), false, Some("i64".into())),
        ]
    );
    assert_eq!(
        analysis.run_sql,
        "select amount as \"amount\", id as \"id\", status as \"status\", customer_id as \"cid\" from sales.orders"
    );
}

#[test]
fn an_override_stands_in_for_a_missing_rule() {
    let e = err("select frobnicate(amount) as x from sales.orders");
    assert!(e.message.contains("frobnicate"), "{}", e.message);
    assert!(
        e.help
            .clone()
            .unwrap_or_default()
            .contains("as \"name: RustType\""),
        "{:?}",
        e.help
    );
    assert_eq!(e.offset, Some(7));
    let analysis = ok("select frobnicate(amount) as \"x: f64\" from sales.orders");
    assert_eq!(analysis.columns[0].rust_override.as_deref(), Some("f64"));
    assert!(analysis.columns[0].nullable);
    // A name error is not hidden by an override.
    let e = err("select frobnicate(amout) as \"x: f64\" from sales.orders");
    assert!(
        e.message.contains("unknown column `amout`"),
        "{}",
        e.message
    );
}

#[test]
fn udfs_from_sql_toml() {
    assert_eq!(
        shape("select f_score(id) as s from events"),
        vec!["s double precision?"]
    );
}

#[test]
fn unknown_column_names_the_closest() {
    let sql = "select o.amout from sales.orders o";
    let e = err(sql);
    assert_eq!(
        e.message,
        "unknown column `amout` in `o` (sales.orders, pinned 2024-03-01T12:00:00.000Z)"
    );
    assert_eq!(e.help.as_deref(), Some("the closest: `amount`"));
    assert_eq!(e.offset, Some(7));
    let e = err("select amout from sales.orders o join sales.customers c on c.id = o.customer_id");
    assert!(
        e.message
            .starts_with("unknown column `amout` in `o` (sales.orders"),
        "{}",
        e.message
    );
    assert_eq!(e.help.as_deref(), Some("the closest: `o.amount`"));
    let e = err("select x.id from sales.orders o");
    assert!(e.message.contains("no table or alias `x`"), "{}", e.message);
}

#[test]
fn ambiguous_columns_list_the_candidates() {
    let e = err("select id from sales.orders o join sales.customers c on c.id = o.customer_id");
    assert_eq!(e.message, "column `id` is ambiguous: o.id, c.id");
    assert!(e.help.unwrap_or_default().contains("o.id"));
}

#[test]
fn unpinned_tables_name_the_pin_command() {
    let sql = "select * from sales.ordrs";
    let e = err(sql);
    assert!(
        e.message
            .starts_with("table `sales.ordrs` is not pinned for the database `redshift-general`"),
        "{}",
        e.message
    );
    let help = e.help.clone().unwrap_or_default();
    assert!(
        help.contains("civis tables pin -d redshift-general sales.ordrs"),
        "{help}"
    );
    assert!(help.contains("`sales.orders`"), "{help}");
    assert!(
        help.contains("pinned in `sales`: customers, items, orders"),
        "{help}"
    );
    assert_eq!(e.offset, Some(14));
    let rendered = e.render(sql);
    assert!(rendered.contains("line 1, column 15"), "{rendered}");
}

#[test]
fn placeholders_are_typed_from_their_context() {
    let sql =
        "select id from sales.orders where day >= '{{since}}' and amount > {{min}} limit {{n}}";
    let analysis = ok(sql);
    let names: Vec<(&str, bool)> = analysis
        .placeholders
        .iter()
        .map(|p| (p.name.as_str(), p.quoted))
        .collect();
    assert_eq!(names, vec![("since", true), ("min", false), ("n", false)]);
    assert_eq!(analysis.run_sql, sql);
}

#[test]
fn tables_used_are_listed_once_with_their_pins() {
    let analysis = ok("select o.id from sales.orders o join sales.orders p on p.id = o.id join sales.customers c on c.id = o.customer_id");
    let names: Vec<(&str, &str)> = analysis
        .tables
        .iter()
        .map(|t| (t.name.as_str(), t.pinned_at.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("sales.orders", "2024-03-01T12:00:00.000Z"),
            ("sales.customers", "2024-02-15T08:30:00.000Z")
        ]
    );
    assert!(analysis.tables[0]
        .pin
        .ends_with("redshift-general/sales.orders.json"));
}

#[test]
fn expressions_map_to_the_rules() {
    assert_eq!(
        shape(
            "select amount * 2 as a, -n as b, not true as c, e.id is null as d, status like 'x%' as e,
                    n between 1 and 3 as f, day + 1 as g, date '2024-01-01' as h,
                    upper(kind) as i, trim(kind) as j, substring(kind from 1 for 2) as k,
                    dateadd(day, 1, created_at) as l, datediff(day, at, at) as m, at at time zone 'utc' as o,
                    case kind when 'a' then 1 end as p, cast(n as bigint) as q, nvl(n, 0) as r
             from events e, sales.orders"
        ),
        vec![
            "a numeric(23,2)?",
            "b smallint?",
            "c boolean",
            "d boolean",
            "e boolean?",
            "f boolean?",
            "g date",
            "h date",
            "i character varying(32)?",
            "j character varying(32)?",
            "k character varying(32)?",
            "l timestamp without time zone?",
            "m bigint?",
            "o timestamp without time zone?",
            "p integer?",
            "q bigint?",
            "r integer",
        ]
    );
    // A rule's refusal quotes the whole call and points at it.
    let sql = "select dateadd(day, 1, at) as l from events";
    let e = err(sql);
    assert!(
        e.message.ends_with(
            "in `dateadd(day, 1, at)`, where `events.at` is timestamp with time zone \
             (public.events, pinned 2024-01-02T00:00:00.000Z)"
        ),
        "{}",
        e.message
    );
    assert_eq!(e.offset, Some(7));
}

#[test]
fn no_default_database_is_an_error() {
    let empty = Catalog::open(&crate::test_support::scratch_dir("no-db")).expect("opens");
    let e = analyze("select 1 as one", "", &empty).expect_err("refused");
    assert!(e.help.unwrap_or_default().contains("default_database"));
    assert_eq!(ok("select 1 as one").columns[0].ty, Ty::Integer);
    // The fixture's sql.toml names a default database.
    assert!(analyze("select id from sales.orders", "", &catalog()).is_ok());
}

#[test]
fn a_realistic_batch() {
    let sql = "select count(distinct customer_id) as customers,
                      listagg(status, ',') within group (order by day) as statuses,
                      percentile_cont(0.5) within group (order by amount::double precision) as p50,
                      median(amount::float8) as med,
                      getdate() as now_, current_date as today, sysdate as sd,
                      to_char(max(day), 'YYYY-MM') as ym,
                      date_trunc('month', max(created_at)) as month,
                      max(nullif(status, '')) as st,
                      max(decode(status, 'a', 1, 'b', 2, 0)) as code,
                      greatest(max(amount), 0) as g,
                      max(split_part(status, '-', 1)) as part,
                      round(avg(amount), 2) as avg_amount,
                      max(day) + interval '1 day' as next_day,
                      max(id)::varchar as id_text,
                      'x' || max(status) as xs,
                      cast(max(day) as varchar(10)) as day_text,
                      max(len(status)) as l,
                      convert(varchar, max(id)) as conv
               from sales.orders";
    let columns = shape(sql);
    assert_eq!(columns.len(), 20, "{columns:?}");
    let sql = "select id, lag(amount) over (partition by customer_id order by day) as prev,
                      sum(amount) over (partition by customer_id order by day rows between unbounded preceding and current row) as running,
                      rank() over (order by amount desc) as r
               from sales.orders";
    assert_eq!(shape(sql).len(), 4);
}

#[test]
fn placeholders_in_function_arguments() {
    assert_eq!(
        shape("select dateadd(day, {{n}}, created_at) as d from sales.orders where id = {{id}}"),
        vec!["d timestamp without time zone?"]
    );
    let e = err("select {{n}} as n from sales.orders");
    assert!(e.message.contains("`n`"), "{}", e.message);
    assert!(e.help.unwrap_or_default().contains("::integer"));
}

#[test]
fn errors_point_into_the_users_text() {
    // The placeholder's rewrite keeps the offsets: the caret is under `amout`.
    let sql = "select id from sales.orders where amount > {{min}}\n  and amout > 1";
    let e = err(sql);
    let rendered = e.render(sql);
    assert!(rendered.contains("line 2, column 7"), "{rendered}");
    assert!(
        rendered.contains("2 |   and amout > 1\n  |       ^"),
        "{rendered}"
    );
    let sql = "select id frm sales.orders";
    let e = err(sql);
    assert!(
        e.message.starts_with("the SQL does not parse"),
        "{}",
        e.message
    );
    assert!(
        e.render(sql).contains("line 1, column"),
        "{}",
        e.render(sql)
    );
}

#[test]
fn the_issue_example() {
    let sql = "select o.id, o.amount, c.region
                 from sales.orders o left join sales.customers c on c.id = o.customer_id
                where o.day >= '{{since}}' and o.amount > {{min}}";
    assert_eq!(
        shape(sql),
        vec!["id bigint", "amount numeric(12,2)?", "region character(2)?"]
    );
}

#[test]
fn one_name_for_two_tables_is_an_error() {
    let e = err("select o.id from sales.orders o join sales.customers o on o.id = o.id");
    assert!(
        e.message.contains("the name `o` is given to two tables"),
        "{}",
        e.message
    );
    let e = err("select 1 as one from sales.orders, sales.orders");
    assert!(e.message.contains("`orders`"), "{}", e.message);
}

#[test]
fn rollup_makes_grouped_columns_nullable() {
    let sql = "select day, count(*) as n, max(id) as m from sales.orders group by rollup (day)";
    assert_eq!(shape(sql), vec!["day date?", "n bigint", "m bigint?"]);
    assert_eq!(
        shape("select day from sales.orders group by day"),
        vec!["day date"]
    );
}

#[test]
fn cube_and_grouping_sets_make_grouped_columns_nullable() {
    let sql = "select status, day, count(*) as n from sales.orders group by cube (status, day)";
    assert_eq!(
        shape(sql),
        vec!["status character varying(20)?", "day date?", "n bigint"]
    );
    let sql = "select status, day, count(*) as n from sales.orders
               group by grouping sets ((status), (day), ())";
    assert_eq!(
        shape(sql),
        vec!["status character varying(20)?", "day date?", "n bigint"]
    );
}

#[test]
fn messages_quote_the_users_text() {
    let e = err("select frob({{min}}) as x from sales.orders");
    assert!(e.message.ends_with("in `frob({{min}})`"), "{}", e.message);
}

#[test]
fn super_navigation_gives_super() {
    let sql =
        "select e.payload.utm.source as a, payload.items[0] as b, e.payload as c from events e";
    assert_eq!(shape(sql), vec!["a super?", "b super?", "c super?"]);
    let e = err("select kind[0] as k from events");
    assert!(e.message.contains("only a `super` value"), "{}", e.message);
}

#[test]
fn a_table_without_its_schema_suggests_the_pinned_one() {
    let e = err("select * from orders");
    assert!(
        e.message.starts_with("table `public.orders` is not pinned"),
        "{}",
        e.message
    );
    assert!(e
        .help
        .unwrap_or_default()
        .contains("did you mean `sales.orders`?"));
    let e = err("with a as (select 1 as x), a as (select 2 as x) select x from a");
    assert!(e.message.contains("defined twice"), "{}", e.message);
}

#[test]
fn a_scalar_subquery_is_nullable_unless_it_always_gives_a_row() {
    let sql = "select (select count(*) from sales.items i where i.order_id = o.id) as n,
                      (select max(qty) from sales.items i where i.order_id = o.id) as most,
                      (select i.sku from sales.items i where i.order_id = o.id limit 1) as sku,
                      (select 1) as one
               from sales.orders o";
    assert_eq!(
        shape(sql),
        vec![
            "n bigint",
            "most integer?",
            "sku character varying(16)?",
            "one integer"
        ]
    );
}

#[test]
fn each_refusal_says_what_to_do() {
    let cases: &[(&str, &str, &str)] = &[
        ("select * ", "`*` with no `from`", "select from a table"),
        (
            "select * exclude (nope) from sales.items",
            "`exclude` names `nope`",
            "order_id, sku, qty",
        ),
        (
            "select x.* from sales.items i",
            "no table or alias `x`",
            "the tables here: i",
        ),
        (
            "select a from sales.items i(a, b, c, d)",
            "the alias `i` names 4 columns",
            "at most",
        ),
        (
            "with c(a, b) as (select 1 as x) select a from c",
            "the CTE `c` names 2 columns",
            "as many columns",
        ),
        (
            "select * from generate_series(1, 3)",
            "not table functions",
            "subquery",
        ),
        (
            "select id from other_db.sales.orders",
            "names the database `other_db`",
            "schema.table",
        ),
        (
            "select * from (values (1)) v",
            "types `select` queries",
            "union all",
        ),
        (
            "select kind at time zone 'utc' as k from events",
            "`at time zone` takes a timestamp",
            "as \"name: RustType\"",
        ),
        (
            "select id from sales.customers c join sales.orders o on o.customer_id = c.id",
            "ambiguous",
            "qualify",
        ),
        (
            "select x from (select 1 as x) s where s.amount = 1",
            "unknown column `amount` in `s` (a subquery)",
            "its columns: x",
        ),
    ];
    for (sql, message, help) in cases {
        let e = err(sql);
        assert!(e.message.contains(message), "{sql}: {}", e.message);
        let got = e.help.clone().unwrap_or_default();
        assert!(got.contains(help), "{sql}: {got}");
        // Every one renders without a panic, with a place when it has one.
        let rendered = e.render(sql);
        assert_eq!(
            rendered.contains("line 1, column"),
            e.offset.is_some(),
            "{rendered}"
        );
    }
}

#[test]
fn a_udf_with_no_known_type_is_refused() {
    let mut config = crate::SqlConfig::default();
    config.functions.insert("f_odd".into(), "a type".into());
    let catalog = Catalog::with_config(&fixtures(), config);
    let e = analyze("select f_odd(1) as x", DB, &catalog).expect_err("refused");
    assert!(
        e.message
            .contains("gives the function `f_odd` the type `a type`"),
        "{}",
        e.message
    );
    let e = analyze("select f_nope(1) as x", DB, &catalog).expect_err("refused");
    assert!(e
        .help
        .unwrap_or_default()
        .contains("[functions] `f_nope = "));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let sql = format!("select {}1{} as x", "(".repeat(2000), ")".repeat(2000));
    let e = err(&sql);
    assert!(e.message.contains("nests too deeply"), "{}", e.message);
}
