mod client {
    civis::civis_api!("../../../../tests/ui/specs/too_deep.json");
}

fn main() {}
