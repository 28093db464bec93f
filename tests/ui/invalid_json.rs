mod client {
    civis::civis_api!("../../../../tests/ui/specs/invalid_json.json");
}

fn main() {}
