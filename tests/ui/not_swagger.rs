mod client {
    civis::civis_api!("../../../../tests/ui/specs/not_swagger.json");
}

fn main() {}
