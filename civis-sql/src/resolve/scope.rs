//! What a name can refer to where it is written: the relations of each `from` (tables, CTEs,
//! subqueries, with their aliases), the columns merged by `using`/`natural`, the output
//! aliases already given, and the enclosing queries (correlated subqueries), innermost first.

use crate::rules::Typed;

/// A named, typed column of a relation or a query's output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Col {
    /// Lower case, as Redshift folds it.
    pub name: String,
    pub typed: Typed,
}

/// One item of a `from`: a pinned table, a CTE or a subquery, by the name it is referred to.
#[derive(Debug, Clone)]
pub(crate) struct Relation {
    /// The alias, else the table's or CTE's own name; empty for an unaliased subquery.
    pub alias: String,
    /// `schema.table` of a pinned table written without an alias (`sales.orders.id`).
    pub qualified: Option<String>,
    /// Whether it is a pinned table (whose columns a type error names with the pin's date).
    pub pinned: bool,
    /// What it is, for messages: "sales.orders, pinned 2024-03-01", "the CTE `recent`".
    pub origin: String,
    pub columns: Vec<Col>,
}

/// A column of `select *`, in the order Postgres and Redshift list them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum StarRef {
    /// A column merged by `using`/`natural` (index into `FromState::merged`).
    Merged(usize),
    /// A relation's column (relation index, column index).
    Column(usize, usize),
}

/// The relations a `from` clause (or a part of it) brings in.
#[derive(Debug, Clone, Default)]
pub(crate) struct FromState {
    pub relations: Vec<Relation>,
    /// Columns merged by `using`/`natural`, later merges last: an unqualified name finds the
    /// latest merge first, and a merged name hides the relations' columns of that name.
    pub merged: Vec<Col>,
    pub star: Vec<StarRef>,
}

/// What an unqualified name finds in one `from`.
pub(crate) enum Found {
    /// The column, and the relation it comes from (none for a merged `using` column).
    One(Typed, Option<Relation>),
    /// The qualified names that match (`o.id`, `c.id`).
    Ambiguous(Vec<String>),
    None,
}

impl FromState {
    /// One relation alone.
    pub fn single(relation: Relation) -> Self {
        let star = (0..relation.columns.len())
            .map(|c| StarRef::Column(0, c))
            .collect();
        Self {
            relations: vec![relation],
            merged: Vec::new(),
            star,
        }
    }

    /// `self` followed by `other` (a cross join, before any merge).
    pub fn append(&mut self, other: FromState) {
        let (relations, merged) = (self.relations.len(), self.merged.len());
        self.star.extend(other.star.into_iter().map(|s| match s {
            StarRef::Merged(m) => StarRef::Merged(m + merged),
            StarRef::Column(r, c) => StarRef::Column(r + relations, c),
        }));
        self.relations.extend(other.relations);
        self.merged.extend(other.merged);
    }

    /// Every column nullable: the outer side of a join may be missing from a row.
    pub fn make_nullable(&mut self) {
        for relation in &mut self.relations {
            for column in &mut relation.columns {
                column.typed.nullable = true;
            }
        }
        for column in &mut self.merged {
            column.typed.nullable = true;
        }
    }

    /// The column a star reference stands for.
    pub fn star_column(&self, star: StarRef) -> Option<&Col> {
        match star {
            StarRef::Merged(m) => self.merged.get(m),
            StarRef::Column(r, c) => self.relations.get(r)?.columns.get(c),
        }
    }

    /// `select *`: every column in order.
    pub fn star_columns(&self) -> Vec<Col> {
        self.star
            .iter()
            .filter_map(|s| self.star_column(*s))
            .cloned()
            .collect()
    }

    /// The names `select *` lists, in order.
    pub fn star_names(&self) -> Vec<String> {
        self.star_columns().into_iter().map(|c| c.name).collect()
    }

    /// An unqualified column name.
    pub fn find(&self, name: &str) -> Found {
        if let Some(merged) = self.merged.iter().rev().find(|c| c.name == name) {
            return Found::One(merged.typed.clone(), None);
        }
        let mut hits = self
            .relations
            .iter()
            .filter_map(|r| r.columns.iter().find(|c| c.name == name).map(|c| (r, c)));
        match (hits.next(), hits.next()) {
            (None, _) => Found::None,
            (Some((relation, column)), None) => {
                Found::One(column.typed.clone(), Some(relation.clone()))
            }
            (Some(first), Some(second)) => {
                let qualified = |(r, c): (&Relation, &Col)| {
                    if r.alias.is_empty() {
                        format!("{} (of {})", c.name, r.origin)
                    } else {
                        format!("{}.{}", r.alias, c.name)
                    }
                };
                let mut names = vec![qualified(first), qualified(second)];
                names.extend(hits.map(qualified));
                Found::Ambiguous(names)
            }
        }
    }

    /// The relation an alias (or an unaliased table's name) names.
    pub fn relation(&self, alias: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.alias == alias)
    }

    /// The unaliased pinned table `schema.table`.
    pub fn relation_qualified(&self, qualified: &str) -> Option<&Relation> {
        self.relations
            .iter()
            .find(|r| r.qualified.as_deref() == Some(qualified))
    }
}

/// One level of names: a query's CTEs, a `select`'s `from` and output aliases; its parent
/// is the enclosing level.
#[derive(Debug, Default)]
pub(crate) struct Env<'p> {
    pub parent: Option<&'p Env<'p>>,
    /// CTEs defined at this level (`with name as (...)`), each with its columns.
    pub ctes: Vec<(String, Vec<Col>)>,
    pub from: FromState,
    /// The output columns given so far by this `select`, which later items, `group by`,
    /// `having`, `qualify` and `order by` may name (Redshift's lateral column aliases:
    /// <https://docs.aws.amazon.com/redshift/latest/dg/r_SELECT_list.html>).
    pub aliases: Vec<Col>,
}

impl<'p> Env<'p> {
    /// A level inside `parent`.
    pub fn child(parent: &'p Env<'p>) -> Self {
        Self {
            parent: Some(parent),
            ..Self::default()
        }
    }

    /// This level and the enclosing ones, innermost first.
    pub fn chain(&self) -> impl Iterator<Item = &Env<'p>> {
        std::iter::successors(Some(self), |env| env.parent)
    }

    /// The CTE `name` visible here (the innermost definition wins).
    pub fn cte(&self, name: &str) -> Option<&Vec<Col>> {
        self.chain().find_map(|env| {
            env.ctes
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, c)| c)
        })
    }
}
