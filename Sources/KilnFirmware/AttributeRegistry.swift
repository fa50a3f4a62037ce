import KilnDiagnostics
import KilnFormats

/// A Redfish BIOS `AttributeRegistry` (DSP0266 / `AttributeRegistry.v1_x`), as a BMC serves it:
/// the attributes a BIOS accepts, their types, allowed values, bounds and flags.
public struct AttributeRegistry: Sendable {
  /// A registry attribute's `Type`.
  public enum Kind: String, Sendable, Hashable {
    /// One of the listed `Value[].ValueName`s (a string).
    case enumeration = "Enumeration"
    /// Free text, bounded by `MinLength`, `MaxLength` and `ValueExpression`.
    case string = "String"
    /// A whole number, bounded by `LowerBound`, `UpperBound`, `ScalarIncrement`.
    case integer = "Integer"
    /// `true` or `false`.
    case boolean = "Boolean"
    /// A write-only string.
    case password = "Password"
  }

  /// One entry of `RegistryEntries.Attributes`.
  public struct Attribute: Sendable, Hashable {
    /// `AttributeName`.
    public var name: String
    /// `Type`.
    public var kind: Kind
    /// `Value[].ValueName` of an enumeration, in registry order.
    public var allowedValues: [String] = []
    /// `LowerBound` of an integer.
    public var lowerBound: Int?
    /// `UpperBound` of an integer.
    public var upperBound: Int?
    /// `ScalarIncrement` of an integer (0 or absent: any step).
    public var scalarIncrement: Int?
    /// `MinLength` of a string.
    public var minLength: Int?
    /// `MaxLength` of a string.
    public var maxLength: Int?
    /// `ValueExpression`: a regular expression a string must match whole.
    public var valueExpression: String?
    /// `ReadOnly`: the BIOS reports it but does not accept a new value.
    public var readOnly = false
    /// `Immutable`: the value cannot be changed.
    public var immutable = false
  }

  /// The file the registry was read from.
  public var file: String
  /// `Id` (`BiosAttributeRegistry.v1_0_0`, …).
  public var identifier: String
  /// The attributes in registry order.
  public var attributes: [Attribute]
  private var index: [String: Int]

  /// The attribute named `name`.
  public func attribute(named name: String) -> Attribute? {
    index[name].map { attributes[$0] }
  }

  /// Parses a registry; a file that is not JSON or not an AttributeRegistry is a located error.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError)
    -> AttributeRegistry
  {
    let document = try JSONParser.parse(bytes, file: file)
    guard case .array(let entries)? = document.value["RegistryEntries"]?["Attributes"] else {
      throw DiagnosticsError(
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.badRegistry,
          "\(file) is not a Redfish AttributeRegistry: it has no RegistryEntries.Attributes list",
          at: .file(file),
          hint: "save the BMC's /redfish/v1/Registries/<BiosAttributeRegistry> resource verbatim"))
    }
    var attributes: [Attribute] = []
    var problems: [Diagnostic] = []
    for (position, entry) in entries.enumerated() {
      let pointer = "/RegistryEntries/Attributes/\(position)"
      guard case .string(let name)? = entry["AttributeName"],
        case .string(let type)? = entry["Type"]
      else {
        problems.append(
          malformed(
            "an attribute has no AttributeName or Type", at: document.location(of: pointer)))
        continue
      }
      guard let kind = Kind(rawValue: type) else {
        problems.append(
          malformed(
            "attribute \(name) has unknown Type '\(type)'",
            at: document.location(of: pointer + "/Type")))
        continue
      }
      attributes.append(attribute(name, kind, entry))
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    var index: [String: Int] = [:]
    for (position, attribute) in attributes.enumerated() where index[attribute.name] == nil {
      index[attribute.name] = position
    }
    let identifier: String
    if case .string(let text)? = document.value["Id"] { identifier = text } else { identifier = "" }
    return AttributeRegistry(
      file: file, identifier: identifier, attributes: attributes, index: index)
  }

  private static func attribute(_ name: String, _ kind: Kind, _ entry: JSONValue) -> Attribute {
    var attribute = Attribute(name: name, kind: kind)
    if case .array(let values)? = entry["Value"] {
      attribute.allowedValues = values.compactMap {
        if case .string(let text)? = $0["ValueName"] { return text }
        return nil
      }
    }
    attribute.lowerBound = integer(entry["LowerBound"])
    attribute.upperBound = integer(entry["UpperBound"])
    attribute.scalarIncrement = integer(entry["ScalarIncrement"])
    attribute.minLength = integer(entry["MinLength"])
    attribute.maxLength = integer(entry["MaxLength"])
    if case .string(let pattern)? = entry["ValueExpression"], !pattern.isEmpty {
      attribute.valueExpression = pattern
    }
    attribute.readOnly = entry["ReadOnly"] == .bool(true)
    attribute.immutable = entry["Immutable"] == .bool(true)
    return attribute
  }

  private static func integer(_ value: JSONValue?) -> Int? {
    guard case .number(let text)? = value else { return nil }
    return Int(text) ?? Double(text).flatMap { $0.rounded() == $0 ? Int(exactly: $0) : nil }
  }

  private static func malformed(_ message: String, at location: SourceLocation) -> Diagnostic {
    FirmwareDiagnostics.error(
      FirmwareDiagnostics.badRegistry, message, at: location,
      hint: "every Attributes entry needs AttributeName and a Redfish Type")
  }
}
