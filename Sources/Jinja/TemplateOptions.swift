/// Whitespace and newline options of the template lexer.
public struct TemplateOptions: Sendable, Hashable {
  /// Remove the first newline after a block tag.
  public var trimBlocks: Bool
  /// Strip spaces and tabs from the start of a line up to a block tag.
  public var lstripBlocks: Bool
  /// Keep the template's final newline.
  public var keepTrailingNewline: Bool

  /// Creates options.
  public init(trimBlocks: Bool, lstripBlocks: Bool, keepTrailingNewline: Bool) {
    self.trimBlocks = trimBlocks
    self.lstripBlocks = lstripBlocks
    self.keepTrailingNewline = keepTrailingNewline
  }

  /// Ansible's template module defaults: trim_blocks on, lstrip_blocks off, newline kept.
  public static let ansible = TemplateOptions(
    trimBlocks: true, lstripBlocks: false, keepTrailingNewline: true)

  /// Bare Jinja2's defaults: everything off.
  public static let jinja2 = TemplateOptions(
    trimBlocks: false, lstripBlocks: false, keepTrailingNewline: false)
}
