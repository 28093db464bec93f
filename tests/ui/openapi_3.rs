mod client {
    civis::civis_api!("../../../../tests/ui/specs/openapi_3.json");
}

fn main() {}
