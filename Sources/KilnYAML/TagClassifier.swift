/// What a node's tag asks for.
enum TagKind: Equatable {
  /// No tag: resolve by the core schema.
  case none
  /// The non-specific tag `!`: a scalar is a string.
  case nonSpecific
  /// One of Kiln's tags, kept on the node.
  case kiln(KilnTag)
  /// A standard YAML tag applied during resolution.
  case standard(StandardTag)
  /// Anything else (an error).
  case unknown(String)

  /// Classifies a tag as libyaml reports it (`!!str` arrives as `tag:yaml.org,2002:str`).
  init(_ tag: String?) {
    guard let tag else {
      self = .none
      return
    }
    if tag == "!" {
      self = .nonSpecific
    } else if let kiln = KilnTag(rawValue: tag) {
      self = .kiln(kiln)
    } else if tag.hasPrefix(StandardTag.prefix),
      let standard = StandardTag(rawValue: String(tag.dropFirst(StandardTag.prefix.count)))
    {
      self = .standard(standard)
    } else {
      self = .unknown(TagKind.display(tag))
    }
  }

  /// A tag as a user writes it (`!!binary` rather than `tag:yaml.org,2002:binary`).
  static func display(_ tag: String) -> String {
    tag.hasPrefix(StandardTag.prefix) ? "!!" + tag.dropFirst(StandardTag.prefix.count) : tag
  }
}

/// The standard YAML tags Kiln honours.
enum StandardTag: String {
  case str, int, float, bool, null, map, seq

  /// The prefix libyaml expands `!!` to.
  static let prefix = "tag:yaml.org,2002:"

  /// The tag as written in YAML.
  var written: String { "!!" + rawValue }

  /// The value a scalar with this tag holds, or nil when the text does not fit the tag.
  func value(of text: String) -> ScalarValue? {
    switch self {
    case .str: return .string(text)
    case .map, .seq: return nil
    case .null: return ScalarResolver.resolve(text) == .null ? .null : nil
    case .bool:
      if case .bool(let value) = ScalarResolver.resolve(text) { return .bool(value) }
      return nil
    case .int:
      if case .int(let value) = ScalarResolver.resolve(text) { return .int(value) }
      return nil
    case .float:
      switch ScalarResolver.resolve(text) {
      case .float(let value): return .float(value)
      case .int(let value): return .float(Double(value))
      default: return nil
      }
    }
  }
}
