mod client {
    civis::civis_api!(resources = all);
}

fn main() {}
