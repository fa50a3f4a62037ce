import KilnDiagnostics
import KilnYAML

/// One source of variables applied as a unit: a vars file, an inventory `vars:` section, …
public struct VariableLayer: Sendable {
  /// Which layer this is, as `explain` prints it: `group_vars/control.yaml (env prod)`.
  public var description: String
  /// The variables: a mapping node.
  public var node: YAMLNode

  /// A layer named `description` holding the mapping `node`.
  public init(description: String, node: YAMLNode) {
    self.description = description
    self.node = node
  }
}
