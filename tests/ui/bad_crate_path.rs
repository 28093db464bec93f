mod client {
    civis::civis_api!("../../../../tests/ui/specs/minimal.json", crate = "not a path");
}

fn main() {}
