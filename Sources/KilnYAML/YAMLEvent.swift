/// A position in the parsed text: 1-based line and column (in Unicode scalars).
struct Mark: Sendable, Hashable {
  var line: Int
  var column: Int
}

/// One libyaml parse event, copied out of libyaml's memory into Swift values.
enum YAMLEvent {
  /// A scalar's fields as libyaml reports them.
  struct Scalar {
    var text: String
    var style: YAMLScalar.Style
    var tag: String?
    var anchor: String?
    var mark: Mark
  }

  case streamStart
  case streamEnd
  case documentStart(Mark)
  case documentEnd
  case scalar(Scalar)
  case sequenceStart(tag: String?, anchor: String?, mark: Mark)
  case sequenceEnd
  case mappingStart(tag: String?, anchor: String?, isFlow: Bool, mark: Mark)
  case mappingEnd
  case alias(anchor: String, mark: Mark)
}
