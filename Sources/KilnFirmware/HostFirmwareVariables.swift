import Jinja
import KilnDiagnostics
import KilnModel

/// The `firmware_*` variables of one host: which profile it selects and the settings its
/// layers override, each with the line that set it.
struct HostFirmwareVariables {
  /// The profile's name.
  static let profile = "firmware_profile"
  /// Attribute name → value, merged over the profile's attributes.
  static let attributes = "firmware_bios_attributes"
  /// Replaces the profile's apply time.
  static let applyTime = "firmware_bios_apply_time"
  /// Handle → logical-disk fields, merged over the profile's logical disks.
  static let logicalDisks = "firmware_raid_logical_disks"

  /// The selected profile, nil when the host has none.
  var selection: NameReference?
  /// The host's overrides as a profile layer.
  var layer = ProfileLayer()
  /// Problems with the variables (KLN505, or an evaluation failure).
  var diagnostics: [Diagnostic] = []

  private let variables: HostVariables

  /// Reads the variables of `variables`' host.
  init(_ variables: HostVariables) {
    self.variables = variables
    guard let profile = evaluate(Self.profile) else { return }
    switch profile {
    case .string(let name) where !name.isEmpty:
      selection = NameReference(name: name, location: location(of: [Self.profile]))
    case .none, .undefined, .string:
      return
    default:
      wrongShape(Self.profile, [Self.profile], expected: "a profile name (a string)")
      return
    }
    readApplyTime()
    layer.attributes = entries(Self.attributes, path: [Self.attributes]) ?? []
    readLogicalDisks()
  }

  private mutating func readApplyTime() {
    guard let value = evaluate(Self.applyTime) else { return }
    let path = [Self.applyTime]
    guard case .string(let time) = value else {
      if case .undefined = value { return }
      wrongShape(Self.applyTime, path, expected: "a Redfish apply time (a string)")
      return
    }
    guard FirmwareProfile.applyTimes.contains(time) else {
      diagnostics.append(
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.badVariable, "unknown apply time '\(time)' in \(Self.applyTime)",
          at: location(of: path),
          hint: "use one of " + FirmwareProfile.applyTimes.joined(separator: ", ")))
      return
    }
    layer.applyTime = LocatedValue(.string(time), at: location(of: path))
  }

  private mutating func readLogicalDisks() {
    guard let value = evaluate(Self.logicalDisks) else { return }
    guard case .map(let disks) = value else {
      if case .undefined = value { return }
      wrongShape(
        Self.logicalDisks, [Self.logicalDisks], expected: "a mapping of disk handle to fields")
      return
    }
    for (key, disk) in disks {
      guard case .string(let handle) = key else { continue }
      let path = [Self.logicalDisks, handle]
      if case .none = disk {
        layer.logicalDisks.append((handle, location(of: path), nil))
      } else if let fields = entries(handle, value: disk, path: path) {
        layer.logicalDisks.append((handle, location(of: path), fields))
      }
    }
  }

  /// The entries of the mapping variable `name`, located key by key.
  private mutating func entries(_ name: String, path: [String]) -> [LocatedEntry]? {
    guard let value = evaluate(name) else { return nil }
    if case .undefined = value { return nil }
    return entries(name, value: value, path: path)
  }

  private mutating func entries(_ what: String, value: Value, path: [String]) -> [LocatedEntry]? {
    guard case .map(let map) = value else {
      wrongShape(what, path, expected: "a mapping")
      return nil
    }
    var result: [LocatedEntry] = []
    for (key, item) in map {
      guard case .string(let name) = key else { continue }
      let itemPath = path + [name]
      guard let data = FirmwareValue(item) else {
        wrongShape(name, itemPath, expected: "plain data (a string, number, boolean or list)")
        continue
      }
      result.append(LocatedEntry(key: name, value: LocatedValue(data, at: location(of: itemPath))))
    }
    return result
  }

  /// The evaluated variable; nil (after recording why) when evaluation fails.
  private mutating func evaluate(_ name: String) -> Value? {
    do {
      return try variables.resolve(name)
    } catch let diagnostic as Diagnostic {
      diagnostics.append(diagnostic)
    } catch {
      diagnostics.append(
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.badVariable, "\(name): \(error)",
          at: location(of: [name])))
    }
    return nil
  }

  /// The line that last set the value at `path`, or the nearest enclosing value's.
  func location(of path: [String]) -> SourceLocation {
    let layered = variables.layered
    var prefix = path
    while let first = prefix.first {
      if let origin = layered[first]?.value(at: prefix.dropFirst())?.origin {
        return origin.location
      }
      prefix.removeLast()
    }
    return .file("host \(variables.host)")
  }

  private mutating func wrongShape(_ what: String, _ path: [String], expected: String) {
    diagnostics.append(
      FirmwareDiagnostics.error(
        FirmwareDiagnostics.badVariable,
        "\(what) must be \(expected)", at: location(of: path),
        hint: "see 'Firmware profiles' in the README for the firmware_* variables"))
  }
}
