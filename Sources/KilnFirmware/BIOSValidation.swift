import KilnDiagnostics

/// Checks BIOS attribute values: that Redfish can carry them, and, when the profile names an
/// AttributeRegistry, that the registry accepts them (name, type, allowed value, bounds, flags).
enum BIOSValidation {
  /// Every finding for `attributes`, located at the line that set each value.
  static func findings(_ attributes: [LocatedEntry], registry: AttributeRegistry?)
    -> [Diagnostic]
  {
    attributes.compactMap { entry in
      guard isScalar(entry.value.value) else {
        return FirmwareDiagnostics.error(
          FirmwareDiagnostics.badVariable,
          "BIOS attribute \(entry.key) must be a string, integer or boolean, found "
            + entry.value.value.kindDescription,
          at: entry.value.location, hint: "Redfish BIOS attributes take single values")
      }
      guard let registry else { return nil }
      return check(entry, against: registry)
    }
  }

  private static func isScalar(_ value: FirmwareValue) -> Bool {
    switch value {
    case .string, .int, .bool: true
    default: false
    }
  }

  private static func check(_ entry: LocatedEntry, against registry: AttributeRegistry)
    -> Diagnostic?
  {
    let location = entry.value.location
    guard let attribute = registry.attribute(named: entry.key) else {
      let guess = FirmwareDiagnostics.suggestion(
        for: entry.key, among: registry.attributes.map(\.name))
      return FirmwareDiagnostics.error(
        FirmwareDiagnostics.unknownAttribute,
        "BIOS attribute \(entry.key) is not in the registry \(registry.file)", at: location,
        hint: guess ?? "check the attribute's spelling against the registry")
    }
    if attribute.readOnly || attribute.immutable {
      return FirmwareDiagnostics.error(
        FirmwareDiagnostics.readOnlyAttribute,
        "BIOS attribute \(entry.key) is \(attribute.readOnly ? "read-only" : "immutable") "
          + "in \(registry.file)", at: location,
        hint: "remove it: the BIOS would reject the whole settings request")
    }
    switch (attribute.kind, entry.value.value) {
    case (.enumeration, .string(let text)):
      return enumeration(text, attribute, location)
    case (.string, .string(let text)), (.password, .string(let text)):
      return string(text, attribute, location)
    case (.integer, .int(let number)):
      return integer(number, attribute, location)
    case (.boolean, .bool):
      return nil
    default:
      return FirmwareDiagnostics.error(
        FirmwareDiagnostics.attributeType,
        "BIOS attribute \(entry.key) is of type \(attribute.kind.rawValue), found "
          + entry.value.value.kindDescription, at: location,
        hint: typeHint(attribute))
    }
  }

  private static func typeHint(_ attribute: AttributeRegistry.Attribute) -> String {
    switch attribute.kind {
    case .enumeration:
      "write one of " + attribute.allowedValues.joined(separator: ", ") + " (a quoted string)"
    case .string, .password: "write a quoted string"
    case .integer: "write a whole number, unquoted"
    case .boolean: "write true or false, unquoted"
    }
  }

  private static func enumeration(
    _ text: String, _ attribute: AttributeRegistry.Attribute, _ location: SourceLocation
  ) -> Diagnostic? {
    guard !attribute.allowedValues.contains(text) else { return nil }
    let guess = FirmwareDiagnostics.suggestion(for: text, among: attribute.allowedValues)
    return FirmwareDiagnostics.error(
      FirmwareDiagnostics.attributeValue,
      "'\(text)' is not a value of BIOS attribute \(attribute.name)", at: location,
      hint: [guess, "allowed: " + attribute.allowedValues.joined(separator: ", ")]
        .compactMap { $0 }.joined(separator: " "))
  }

  private static func integer(
    _ number: Int, _ attribute: AttributeRegistry.Attribute, _ location: SourceLocation
  ) -> Diagnostic? {
    let lower = attribute.lowerBound ?? Int.min
    let upper = attribute.upperBound ?? Int.max
    if number < lower || number > upper {
      return range(
        "\(number) is outside \(attribute.lowerBound.map(String.init) ?? "…")…"
          + "\(attribute.upperBound.map(String.init) ?? "…") for BIOS attribute \(attribute.name)",
        location)
    }
    if let step = attribute.scalarIncrement, step > 0,
      (number - (attribute.lowerBound ?? 0)) % step != 0
    {
      return range(
        "\(number) is not a step of \(step) from \(attribute.lowerBound ?? 0) for BIOS attribute "
          + attribute.name, location)
    }
    return nil
  }

  private static func string(
    _ text: String, _ attribute: AttributeRegistry.Attribute, _ location: SourceLocation
  ) -> Diagnostic? {
    let length = text.count
    if let minimum = attribute.minLength, length < minimum {
      return range(
        "BIOS attribute \(attribute.name) needs at least \(minimum) characters, found \(length)",
        location)
    }
    if let maximum = attribute.maxLength, length > maximum {
      return range(
        "BIOS attribute \(attribute.name) takes at most \(maximum) characters, found \(length)",
        location)
    }
    if let pattern = attribute.valueExpression, let regex = try? Regex(pattern),
      (try? regex.wholeMatch(in: text)) == nil
    {
      return range(
        "'\(text)' does not match the pattern \(pattern) of BIOS attribute \(attribute.name)",
        location)
    }
    return nil
  }

  private static func range(_ message: String, _ location: SourceLocation) -> Diagnostic {
    FirmwareDiagnostics.error(
      FirmwareDiagnostics.attributeRange, message, at: location,
      hint: "use a value the registry allows")
  }
}
