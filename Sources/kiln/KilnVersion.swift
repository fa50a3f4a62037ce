/// The version Kiln reports and records in manifests and bundles.
enum KilnVersion {
  static let current = "0.1.0"
}
