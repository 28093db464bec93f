//! Turns a Swagger 2.0 document into the generator's model ([`Api`]), applying civis-python's
//! rules: `$ref` resolution, body flattening, method naming, legacy aliases, resource selection.

use std::collections::{BTreeMap, HashMap};

use indexmap::IndexMap;

use super::api::{Api, Field, Location, Operation, Param, TypeDef, TypeExpr};
use super::error::SpecError;
use super::naming::{self, Resources};
use super::swagger::{self, Document, Schema};

const DEFINITIONS: &str = "#/definitions/";

/// Who the model is for: the library (civis-python's `APIClient`) or the command line
/// (civis-python's `civis` command, which keeps what the library leaves out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// civis-python's `APIClient`: no operation whose summary says "deprecated", no
    /// [`EXCLUDED_RESOURCES`](naming::EXCLUDED_RESOURCES).
    Library,
    /// civis-python's command line: every operation.
    CommandLine,
}

/// Builds the model of every operation that `resources` selects, for `audience`.
pub fn build(doc: &Document, resources: Resources, audience: Audience) -> Result<Api, SpecError> {
    let mut types = TypeTable::new(doc);
    types.add_definitions()?;
    let mut operations: BTreeMap<(String, String), Operation> = BTreeMap::new();
    for (raw_path, item) in &doc.paths {
        let path = raw_path.trim_matches('/');
        let excluded = audience == Audience::Library
            && naming::EXCLUDED_RESOURCES
                .iter()
                .any(|x| path.starts_with(x));
        if !resources.includes(path) || excluded {
            continue;
        }
        for (verb, op) in item.operations() {
            let methods = methods_of(doc, &mut types, verb, path, op, &item.parameters, audience)?;
            for method in methods {
                // Like civis-python's setattr: a later operation with the same name wins.
                operations.insert((method.resource.clone(), method.method.clone()), method);
            }
        }
    }
    let operations: Vec<Operation> = operations.into_values().collect();
    let mut types = types.finish();
    refuse_alias_cycles(&types)?;
    merge_identical(&mut types);
    mark_directions(&operations, &mut types);
    mark_boxed(&mut types);
    Ok(Api { operations, types })
}

/// The methods civis-python builds from one operation: none (deprecated by summary), one, or a
/// preferred name plus a deprecated legacy `list_*` alias.
fn methods_of(
    doc: &Document,
    types: &mut TypeTable<'_>,
    verb: &str,
    path: &str,
    op: &swagger::Operation,
    shared: &[swagger::Parameter],
    audience: Audience,
) -> Result<Vec<Operation>, SpecError> {
    let summary = op.summary.clone().unwrap_or_default();
    let deprecated_by_summary = summary.to_lowercase().contains("deprecated");
    if deprecated_by_summary && audience == Audience::Library {
        return Ok(Vec::new());
    }
    let context = format!("{} /{path}", verb.to_uppercase());
    let resource = naming::resource_name(path);
    let mut params = Vec::new();
    for param in shared.iter().chain(&op.parameters) {
        let param = resolve_parameter(doc, param, &context)?;
        flatten_parameter(types, param, &context, &mut params)?;
    }
    let (required, optional) = positional_and_keyword(&params);
    // civis-python offers `iterator=True` when the arguments include both paging parameters.
    let iterable = verb == "get"
        && ["limit", "page_num"]
            .iter()
            .all(|name| params.iter().any(|p| p.name == *name));

    let (code, response) = match op.responses.first() {
        Some((code, response)) => (code.as_str(), Some(response)),
        None => ("", None),
    };
    let schema_is_array = op
        .responses
        .get("200")
        .and_then(|r| r.schema.as_ref())
        .is_some_and(|s| s.kind.as_deref() == Some("array"));
    let returns_array = naming::response_is_array(path, schema_is_array);
    let mut response_ty = match response.and_then(|r| r.schema.as_ref()) {
        Some(schema) => Some(types.type_of(schema, &format!("{resource} {context} response"))?),
        None => None,
    };
    if verb == "get" && returns_array {
        // Documented as an object, sent as an array of them.
        if let Some(ty) = response_ty.take() {
            response_ty = Some(match ty {
                TypeExpr::Array(_) => ty,
                other => TypeExpr::Array(Box::new(other)),
            });
        }
    }
    let response_description = response
        .and_then(|r| r.description.clone())
        .map(|d| format!("{code}: {d}"))
        .unwrap_or_default();

    let make = |method: String, deprecated: Option<String>| Operation {
        resource: resource.clone(),
        method,
        verb: verb.to_uppercase(),
        path: format!("/{path}"),
        summary: summary.clone(),
        description: op.description.clone().unwrap_or_default(),
        deprecated,
        iterable,
        params: params.clone(),
        required: required.clone(),
        optional: optional.clone(),
        response: response_ty.clone(),
        response_description: response_description.clone(),
    };
    let spec_warning = op
        .deprecation_warning
        .clone()
        .filter(|w| !w.trim().is_empty())
        .or_else(|| deprecated_by_summary.then(|| format!("deprecated: {summary}")));
    let legacy = naming::method_name(verb, path, true, returns_array);
    if legacy.starts_with("list") && !returns_array {
        let preferred = naming::method_name(verb, path, false, returns_array);
        let mut methods = vec![make(preferred.clone(), spec_warning.clone())];
        if naming::LEGACY_PATHS_WITH_LIST_NAME.contains(&path) {
            let alias = naming::legacy_alias_warning(&resource, &legacy, &preferred);
            let warning = match spec_warning {
                Some(spec) => format!("{alias}. {spec}"),
                None => alias,
            };
            methods.push(make(legacy, Some(warning)));
        }
        Ok(methods)
    } else {
        Ok(vec![make(legacy, spec_warning)])
    }
}

fn resolve_parameter<'d>(
    doc: &'d Document,
    param: &'d swagger::Parameter,
    context: &str,
) -> Result<&'d swagger::Parameter, SpecError> {
    let Some(reference) = &param.reference else {
        return Ok(param);
    };
    reference
        .strip_prefix("#/parameters/")
        .and_then(|name| doc.parameters.get(name))
        .ok_or_else(|| {
            SpecError::new(format!(
                "`$ref` `{reference}` in {context} resolves nowhere"
            ))
        })
}

/// Adds the arguments of one spec parameter: itself, or each property of a body schema.
fn flatten_parameter(
    types: &mut TypeTable<'_>,
    param: &swagger::Parameter,
    context: &str,
    out: &mut Vec<Param>,
) -> Result<(), SpecError> {
    let location = match param.location.as_str() {
        "path" => Location::Path,
        "query" => Location::Query,
        "header" => Location::Header,
        "body" => {
            let schema = param.schema.as_ref().ok_or_else(|| {
                SpecError::new(format!(
                    "body parameter `{}` of {context} has no schema",
                    param.name
                ))
            })?;
            let (owner, body) = types.resolve(schema, context)?;
            let Some(properties) = &body.properties else {
                return Err(SpecError::new(format!(
                    "the body of {context} has no properties; civis_api! flattens body properties \
                     into arguments, as civis-python does"
                )));
            };
            let owner = owner.unwrap_or_else(|| context.to_string());
            for (name, property) in properties {
                out.push(Param {
                    name: naming::camel_to_snake(name),
                    wire_name: name.clone(),
                    location: Location::Body,
                    required: body.required.contains(name),
                    description: property.description.clone().unwrap_or_default(),
                    ty: types.type_of(property, &format!("{owner}.{name}"))?,
                    allowed: allowed_values(property.allowed.as_deref()),
                });
            }
            return Ok(());
        }
        other => {
            return Err(SpecError::new(format!(
            "parameter `{}` of {context} is sent in `{other}`; civis_api! supports path, query, \
                 header and body parameters",
            param.name
        )))
        }
    };
    let schema = Schema {
        kind: param.kind.clone(),
        format: param.format.clone(),
        items: param.items.clone(),
        ..Schema::default()
    };
    out.push(Param {
        name: naming::camel_to_snake(&param.name),
        wire_name: param.name.clone(),
        location,
        required: param.required,
        description: param.description.clone().unwrap_or_default(),
        ty: types.type_of(&schema, &format!("{context} parameter {}", param.name))?,
        allowed: allowed_values(param.allowed.as_deref()),
    });
    Ok(())
}

/// civis-python keeps arguments in two dicts keyed by name: a name repeated (a path parameter
/// echoed in the body) appears once, at its first position, in each list it belongs to.
fn positional_and_keyword(params: &[Param]) -> (Vec<String>, Vec<String>) {
    let mut required: Vec<String> = Vec::new();
    let mut optional: Vec<String> = Vec::new();
    for param in params {
        let list = if param.required {
            &mut required
        } else {
            &mut optional
        };
        if !list.contains(&param.name) {
            list.push(param.name.clone());
        }
    }
    (required, optional)
}

fn allowed_values(values: Option<&[serde_json::Value]>) -> Vec<String> {
    values
        .unwrap_or_default()
        .iter()
        .map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// The named types: spec definitions first, then inline object schemas as they are met.
struct TypeTable<'d> {
    doc: &'d Document,
    types: Vec<TypeDef>,
    /// Rust names taken so far, to keep them unique.
    taken: IndexMap<String, usize>,
}

impl<'d> TypeTable<'d> {
    fn new(doc: &'d Document) -> Self {
        Self {
            doc,
            types: Vec::new(),
            taken: IndexMap::new(),
        }
    }

    fn add_definitions(&mut self) -> Result<(), SpecError> {
        // Reserve every definition's slot first so references can point forward.
        for name in self.doc.definitions.keys() {
            self.reserve(name.clone(), name);
        }
        for (index, (name, schema)) in self.doc.definitions.iter().enumerate() {
            self.fill(index, schema, name)?;
        }
        Ok(())
    }

    fn reserve(&mut self, origin: String, wanted: &str) -> usize {
        let base = naming::upper_camel(wanted);
        let mut name = base.clone();
        let mut n = 2;
        // `Self` is the one keyword an UpperCamelCase name can be. Generated code writes
        // std's types by full paths, so a definition called `Option` or `Vec` keeps its name.
        while self.taken.contains_key(&name) || name == "Self" {
            name = format!("{base}{n}");
            n += 1;
        }
        let index = self.types.len();
        self.taken.insert(name.clone(), index);
        self.types.push(TypeDef {
            origin,
            name,
            description: String::new(),
            fields: Vec::new(),
            alias: None,
            in_response: false,
            in_request: false,
        });
        index
    }

    fn fill(&mut self, index: usize, schema: &Schema, origin: &str) -> Result<(), SpecError> {
        self.types[index].description = schema.description.clone().unwrap_or_default();
        let Some(properties) = &schema.properties else {
            // Not an object with declared fields (a free-form object, an array, a scalar, a
            // `$ref`): the name stands for that type.
            let alias = self.type_of(schema, origin)?;
            self.types[index].alias = Some(alias);
            return Ok(());
        };
        let mut fields = Vec::with_capacity(properties.len());
        let mut names: Vec<String> = Vec::new();
        for (json_name, property) in properties {
            let mut name = field_name(json_name);
            while names.contains(&name) {
                name.push('_');
            }
            names.push(name.clone());
            fields.push(Field {
                json_name: json_name.clone(),
                name,
                description: property.description.clone().unwrap_or_default(),
                ty: self.type_of(property, &format!("{origin}.{json_name}"))?,
                required: schema.required.contains(json_name),
                boxed: false,
                allowed: allowed_values(property.allowed.as_deref()),
            });
        }
        self.types[index].fields = fields;
        Ok(())
    }

    /// The type of a schema met at `origin` (used for error messages and inline type names).
    fn type_of(&mut self, schema: &Schema, origin: &str) -> Result<TypeExpr, SpecError> {
        if let Some(reference) = &schema.reference {
            return self
                .definition(reference, origin)
                .map(|(index, _, _)| TypeExpr::Named(index));
        }
        Ok(match schema.kind.as_deref() {
            Some("integer") => TypeExpr::Integer,
            Some("number") => TypeExpr::Number,
            Some("boolean") => TypeExpr::Boolean,
            Some("string") | Some("file") => TypeExpr::String,
            Some("array") => {
                let item = match &schema.items {
                    Some(items) => self.type_of(items, origin)?,
                    None => TypeExpr::Any,
                };
                TypeExpr::Array(Box::new(item))
            }
            Some("object") | None if schema.properties.is_some() => {
                let index = self.reserve(origin.to_string(), &origin.replace('.', "_"));
                self.fill(index, schema, origin)?;
                TypeExpr::Named(index)
            }
            _ => TypeExpr::Any,
        })
    }

    /// The definition a `#/definitions/...` reference names: its index, name and schema.
    fn definition(
        &self,
        reference: &str,
        origin: &str,
    ) -> Result<(usize, &'d String, &'d Schema), SpecError> {
        reference
            .strip_prefix(DEFINITIONS)
            .and_then(|name| self.doc.definitions.get_full(name))
            .ok_or_else(|| {
                SpecError::new(format!("`$ref` `{reference}` in {origin} resolves nowhere"))
            })
    }

    /// Follows `$ref`s to the schema they name; returns the definition name when there was one.
    /// A chain of references that loops is an error, not a hang.
    fn resolve<'s>(
        &self,
        schema: &'s Schema,
        origin: &str,
    ) -> Result<(Option<String>, &'s Schema), SpecError>
    where
        'd: 's,
    {
        let mut current = schema;
        let mut owner = None;
        for _ in 0..=self.doc.definitions.len() {
            let Some(reference) = &current.reference else {
                return Ok((owner, current));
            };
            let (_, name, target) = self.definition(reference, origin)?;
            owner = Some(name.clone());
            current = target;
        }
        Err(SpecError::new(format!(
            "the `$ref`s from {origin} form a cycle"
        )))
    }

    fn finish(self) -> Vec<TypeDef> {
        self.types
    }
}

fn field_name(json_name: &str) -> String {
    naming::identifier(&naming::camel_to_snake(json_name))
}

fn named_in(ty: &TypeExpr, out: &mut Vec<usize>) {
    match ty {
        TypeExpr::Named(index) => out.push(*index),
        TypeExpr::Array(item) => named_in(item, out),
        _ => {}
    }
}

/// Refuses definitions that stand for each other in a loop with no object in between (`A` is
/// `$ref: A`, or `A` is an array of `B` and `B` is `A`): such a type would contain itself, and
/// the generated `type` aliases would fail in rustc deep in generated code. An object's fields
/// may refer back to it (fields are boxed or in a `Vec`); only aliases are followed here.
fn refuse_alias_cycles(types: &[TypeDef]) -> Result<(), SpecError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut marks = vec![Mark::New; types.len()];
    for root in 0..types.len() {
        // Depth-first along alias edges; `path` holds the chain being followed.
        let mut path: Vec<(usize, Vec<usize>)> = Vec::new();
        let enter = |index: usize, path: &mut Vec<(usize, Vec<usize>)>, marks: &mut [Mark]| {
            marks[index] = Mark::OnPath;
            let mut next = Vec::new();
            if let Some(alias) = &types[index].alias {
                named_in(alias, &mut next);
            }
            path.push((index, next));
        };
        if marks[root] != Mark::New {
            continue;
        }
        enter(root, &mut path, &mut marks);
        while let Some((index, next)) = path.last_mut() {
            let index = *index;
            let Some(target) = next.pop() else {
                marks[index] = Mark::Done;
                path.pop();
                continue;
            };
            match marks[target] {
                Mark::Done => {}
                Mark::New => enter(target, &mut path, &mut marks),
                Mark::OnPath => {
                    let start = path.iter().position(|(i, _)| *i == target).unwrap_or(0);
                    let names: Vec<&str> = path[start..]
                        .iter()
                        .map(|(i, _)| types[*i].origin.as_str())
                        .chain([types[target].origin.as_str()])
                        .collect();
                    return Err(SpecError::new(format!(
                        "the definitions {} stand for each other in a loop with no object in \
                         between, so the type would contain itself; give one of them `properties` \
                         or point one `$ref` elsewhere",
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(" -> ")
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Makes each object type whose fields are the same as an earlier one's (names, types,
/// descriptions, required, allowed values) an alias of it. The spec repeats many shapes under
/// numbered names (`JobOutputSummary` to `JobOutputSummary8`, a share request per resource);
/// one struct serves them all, so the generated code is smaller and values of the same shape
/// have the same type. Field types are compared after merging, so merges can enable more
/// merges; the loop stops when a pass merges nothing.
fn merge_identical(types: &mut [TypeDef]) {
    // canonical[i]: the type `i` is merged into (itself while it stands alone).
    let mut canonical: Vec<usize> = (0..types.len()).collect();
    loop {
        // Types that can be equal share a field count and first key; compared within those
        // groups, field by field, rather than through a key built for every type.
        let mut groups: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
        let mut merges = Vec::new();
        for (index, def) in types.iter().enumerate() {
            if def.alias.is_some() {
                continue;
            }
            let first_key = def.fields.first().map_or("", |f| f.json_name.as_str());
            let group = groups.entry((def.fields.len(), first_key)).or_default();
            match group
                .iter()
                .find(|&&earlier| same_fields(&types[earlier], def, &canonical))
            {
                Some(&earlier) => merges.push((index, earlier)),
                None => group.push(index),
            }
        }
        if merges.is_empty() {
            break;
        }
        for (index, into) in merges {
            canonical[index] = into;
            types[index].alias = Some(TypeExpr::Named(into));
            types[index].fields.clear();
        }
    }
}

/// Whether two object types generate the same struct, comparing named field types by what
/// they are merged into.
fn same_fields(a: &TypeDef, b: &TypeDef, canonical: &[usize]) -> bool {
    fn same_type(a: &TypeExpr, b: &TypeExpr, canonical: &[usize]) -> bool {
        match (a, b) {
            (TypeExpr::Named(x), TypeExpr::Named(y)) => canonical[*x] == canonical[*y],
            (TypeExpr::Array(x), TypeExpr::Array(y)) => same_type(x, y, canonical),
            _ => a == b,
        }
    }
    a.fields.len() == b.fields.len()
        && a.fields.iter().zip(&b.fields).all(|(x, y)| {
            x.json_name == y.json_name
                && x.name == y.name
                && x.description == y.description
                && x.required == y.required
                && x.allowed == y.allowed
                && same_type(&x.ty, &y.ty, canonical)
        })
}

/// Marks each type with the directions it travels in, so the generator derives only what is
/// needed: response types are deserialised, request argument types serialised.
fn mark_directions(operations: &[Operation], types: &mut [TypeDef]) {
    let mut response_roots = Vec::new();
    let mut request_roots = Vec::new();
    for op in operations {
        if let Some(ty) = &op.response {
            named_in(ty, &mut response_roots);
        }
        for param in &op.params {
            named_in(&param.ty, &mut request_roots);
        }
    }
    let mut visit = |mut stack: Vec<usize>, request: bool| {
        while let Some(index) = stack.pop() {
            let def = &mut types[index];
            let seen = if request {
                &mut def.in_request
            } else {
                &mut def.in_response
            };
            if *seen {
                continue;
            }
            *seen = true;
            for field in &def.fields {
                named_in(&field.ty, &mut stack);
            }
            if let Some(alias) = &def.alias {
                named_in(alias, &mut stack);
            }
        }
    };
    visit(response_roots, false);
    visit(request_roots, true);
}

/// Boxes each field whose type leads back to the type holding it without passing through an
/// array (`Vec` already breaks the infinite size).
fn mark_boxed(types: &mut [TypeDef]) {
    // A field of a merged type reaches its fields through the alias.
    let direct: Vec<Vec<usize>> = types
        .iter()
        .map(|def| {
            def.fields
                .iter()
                .map(|f| &f.ty)
                .chain(&def.alias)
                .filter_map(|ty| match ty {
                    TypeExpr::Named(index) => Some(*index),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let reaches = |from: usize, to: usize| {
        let mut seen = vec![false; direct.len()];
        let mut stack = vec![from];
        while let Some(index) = stack.pop() {
            if index == to {
                return true;
            }
            if !std::mem::replace(&mut seen[index], true) {
                stack.extend(&direct[index]);
            }
        }
        false
    };
    for (owner, def) in types.iter_mut().enumerate() {
        for field in &mut def.fields {
            if let TypeExpr::Named(target) = field.ty {
                field.boxed = reaches(target, owner);
            }
        }
    }
}
