/// The backslash escapes that JSON (RFC 8259 §7), YAML double-quoted scalars (YAML 1.1 §4.1.6,
/// as libyaml writes them) and Fluentd's double-quoted configuration strings spell alike, and
/// the zero-padded hexadecimal escapes each standard builds on.
public enum BackslashEscape {
  /// The escape for a quote, backslash, line feed, carriage return or tab (`\"`, `\\`, `\n`,
  /// `\r`, `\t`); `nil` for any other character.
  @inlinable
  public static func common(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: return nil
    }
  }

  /// `prefix` then `value` in hexadecimal, zero-padded to `digits` (`\u000b`, `\xFF`).
  public static func hexadecimal(
    _ value: UInt32, prefix: String, digits: Int, uppercase: Bool = false
  ) -> String {
    let hex = String(value, radix: 16, uppercase: uppercase)
    return prefix + String(repeating: "0", count: max(0, digits - hex.count)) + hex
  }
}
