/// Whitespace and newline options of the template lexer.
public struct TemplateOptions: Sendable, Hashable {
  /// Remove the first newline after a block tag.
  public var trimBlocks: Bool
  /// Strip spaces and tabs from the start of a line up to a block tag.
  public var lstripBlocks: Bool
  /// Keep the template's final newline in the lexer (Jinja2's `keep_trailing_newline`).
  ///
  /// Ansible leaves this off and instead tops the top-level output up with the newlines the
  /// template file ends with, which `Template.render` always does; included templates therefore
  /// lose their final newline unless a `#jinja2: keep_trailing_newline: True` header says otherwise.
  public var keepTrailingNewline: Bool

  /// The newline written for line breaks in template data (`\n`, `\r\n` or `\r`).
  public var newlineSequence: String

  /// Creates options.
  public init(
    trimBlocks: Bool, lstripBlocks: Bool, keepTrailingNewline: Bool, newlineSequence: String = "\n"
  ) {
    self.trimBlocks = trimBlocks
    self.lstripBlocks = lstripBlocks
    self.keepTrailingNewline = keepTrailingNewline
    self.newlineSequence = newlineSequence
  }

  /// Ansible's template module defaults: trim_blocks on, lstrip_blocks off, Jinja2's
  /// keep_trailing_newline off (the top-level trailing newlines are restored by the render).
  public static let ansible = TemplateOptions(
    trimBlocks: true, lstripBlocks: false, keepTrailingNewline: false)

  /// Bare Jinja2's defaults: everything off.
  public static let jinja2 = TemplateOptions(
    trimBlocks: false, lstripBlocks: false, keepTrailingNewline: false)
}
