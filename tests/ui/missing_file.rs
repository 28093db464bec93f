mod client {
    civis::civis_api!("no_such_spec.json");
}

fn main() {}
