mod client {
    civis::civis_api!("../../../../tests/ui/specs/ref_to_nowhere.json");
}

fn main() {}
