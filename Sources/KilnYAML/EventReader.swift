import CLibYAML

/// Pulls events from libyaml's event parser over a UTF-8 buffer that outlives the reader.
final class EventReader {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let input: UnsafeBufferPointer<UInt8>
  private let file: String
  private var initialized = false
  /// A valid one-byte buffer handed to libyaml when the input is empty.
  private let emptyInput = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

  /// Prepares libyaml to read `input`; `input` must stay valid until the reader is gone.
  init(input: UnsafeBufferPointer<UInt8>, file: String) {
    self.parser = .allocate(capacity: 1)
    self.input = input
    self.file = file
    guard yaml_parser_initialize(parser) == 1 else { return }
    initialized = true
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    if let base = input.baseAddress {
      yaml_parser_set_input_string(parser, base, input.count)
    } else {
      emptyInput.initialize(to: 0)
      yaml_parser_set_input_string(parser, emptyInput, 0)
    }
  }

  deinit {
    if initialized { yaml_parser_delete(parser) }
    parser.deallocate()
    emptyInput.deallocate()
  }

  /// The next event, or a located error when libyaml reports a problem.
  func next() throws(YAMLError) -> YAMLEvent {
    guard initialized else {
      throw YAMLDiagnostics.syntax(
        "the YAML parser could not be initialised (out of memory)",
        at: .init(file: file, line: 1, column: 1), hint: "retry with more memory available")
    }
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) == 1 else {
      throw SyntaxErrorTranslator(input: input, file: file).translate(parser.pointee)
    }
    defer { yaml_event_delete(&event) }
    return Self.convert(event)
  }

  private static func convert(_ event: yaml_event_t) -> YAMLEvent {
    let mark = Mark(
      line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    switch event.type {
    case YAML_STREAM_START_EVENT: return .streamStart
    case YAML_STREAM_END_EVENT: return .streamEnd
    case YAML_DOCUMENT_START_EVENT: return .documentStart(mark)
    case YAML_DOCUMENT_END_EVENT: return .documentEnd
    case YAML_ALIAS_EVENT:
      return .alias(anchor: string(event.data.alias.anchor) ?? "", mark: mark)
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let text: String
      if let value = data.value {
        text = String(
          decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
      } else {
        text = ""
      }
      return .scalar(
        .init(
          text: text, style: style(data.style), tag: string(data.tag),
          anchor: string(data.anchor), mark: mark))
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      return .sequenceStart(tag: string(data.tag), anchor: string(data.anchor), mark: mark)
    case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      return .mappingStart(
        tag: string(data.tag), anchor: string(data.anchor),
        isFlow: data.style == YAML_FLOW_MAPPING_STYLE, mark: mark)
    case YAML_MAPPING_END_EVENT: return .mappingEnd
    default: return .streamEnd
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }
}
