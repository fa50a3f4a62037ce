import Testing

@testable import Jinja

/// Whitespace control, trim_blocks, lstrip_blocks and the `#jinja2:` header.
@Suite struct WhitespaceTests {
  static let plain = TemplateOptions.jinja2
  static let both = TemplateOptions(trimBlocks: true, lstripBlocks: true, keepTrailingNewline: true)

  @Test(arguments: [
    ("a  {%- if true %} b {% endif -%}  \n c", TemplateOptions.jinja2, "a b c"),
    ("a\n  {{- 'x' -}}  \nb", TemplateOptions.jinja2, "axb"),
    ("{% if true %}\nx\n{% endif %}\ny", TemplateOptions.ansible, "x\ny"),
    ("{% if true %}\nx\n{% endif %}\ny", TemplateOptions.jinja2, "\nx\n\ny"),
    ("{% if true +%}\nx{% endif %}", TemplateOptions.ansible, "\nx"),
    ("  {% if true %}\n  x\n  {% endif %}\n", WhitespaceTests.both, "  x\n"),
    ("  {%+ if true %}x{% endif %}", WhitespaceTests.both, "  x"),
    ("  {{ 'v' }}", WhitespaceTests.both, "  v"),
    ("ab {% if true %}x{% endif %}", WhitespaceTests.both, "ab x"),
    ("{# c #}\nx", TemplateOptions.ansible, "x"),
    ("  {# c #}\nx", WhitespaceTests.both, "x"),
    ("{% raw -%}  a  {%- endraw %}", TemplateOptions.jinja2, "a"),
  ])
  func whitespace(template: String, options: TemplateOptions, expected: String) throws {
    #expect(try CoreHarness.render(template, options: options) == expected)
  }

  @Test(arguments: [
    ("#jinja2: trim_blocks: False\n{% if true %}\nx\n{% endif %}\n", "\nx\n"),
    ("#jinja2: lstrip_blocks: True\na\n    {% if true %}\n    b\n    {% endif %}\n", "a\n    b\n"),
    ("#jinja2:trim_blocks:False,lstrip_blocks:True\n  {% if 1 %}\nz\n  {% endif %}\n", "\nz\n"),
    ("#jinja2: newline_sequence: '\\r\\n'\na\n{{ 'b' }}\n", "a\r\nb\n"),
    ("#jinja2: trim_blocks: False\n", ""),
  ])
  func header(template: String, expected: String) throws {
    #expect(try CoreHarness.render(template) == expected)
  }

  @Test(arguments: [
    "#jinja2: lstrip_blocks: true\nx", "#jinja2: foo: True\nx", "#jinja2: trim_blocks: 'False'\nx",
    "#jinja2: trim_blocks\nx", "#jinja2: trim_blocks: False",
  ])
  func badHeader(template: String) throws {
    let error = try #require(CoreHarness.error(template))
    #expect(error.kind == .syntax)
    #expect(error.span?.line == 1)
  }
}
