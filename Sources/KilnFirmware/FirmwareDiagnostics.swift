import KilnDiagnostics

/// The firmware diagnostics (`KLN501`…`KLN526`), each defined once with its meaning.
public enum FirmwareDiagnostics {
  /// `firmware_profile` or `extends:` names no profile file.
  public static let unknownProfile: DiagnosticID = "KLN501"
  /// Profiles whose `extends:` chain comes back to itself.
  public static let extendsCycle: DiagnosticID = "KLN502"
  /// A profile file that is not shaped as a profile (unknown key, wrong kind, missing vendor…).
  public static let malformedProfile: DiagnosticID = "KLN503"
  /// A registry file that is missing or is not a Redfish AttributeRegistry.
  public static let badRegistry: DiagnosticID = "KLN504"
  /// A `firmware_*` host variable of the wrong shape, or an attribute value Redfish cannot take.
  public static let badVariable: DiagnosticID = "KLN505"
  /// A BIOS attribute the registry does not define.
  public static let unknownAttribute: DiagnosticID = "KLN510"
  /// A BIOS attribute value of the wrong type for the registry.
  public static let attributeType: DiagnosticID = "KLN511"
  /// An enumeration value the registry does not list.
  public static let attributeValue: DiagnosticID = "KLN512"
  /// A value outside the registry's bounds, lengths or pattern.
  public static let attributeRange: DiagnosticID = "KLN513"
  /// An attribute the registry marks read-only or immutable.
  public static let readOnlyAttribute: DiagnosticID = "KLN514"
  /// A logical disk that Ironic's RAID configuration schema rejects.
  public static let raidSchema: DiagnosticID = "KLN520"
  /// A RAID level Ironic does not know.
  public static let raidLevel: DiagnosticID = "KLN521"
  /// A physical disk count the RAID level cannot be built with.
  public static let raidDiskCount: DiagnosticID = "KLN522"
  /// More than one logical disk marked as the root volume.
  public static let raidRootVolumes: DiagnosticID = "KLN523"
  /// More than one logical disk with `size_gb: MAX`.
  public static let raidMaxVolumes: DiagnosticID = "KLN524"
  /// `physical_disks` given without `controller`.
  public static let raidPhysicalDisksController: DiagnosticID = "KLN525"
  /// A layout that needs more space or disks than the hardware class declares.
  public static let raidCapacity: DiagnosticID = "KLN526"

  /// A finding at `location` with a hint.
  static func error(
    _ id: DiagnosticID, _ message: String, at location: SourceLocation?, hint: String? = nil,
    related: [RelatedLocation] = []
  ) -> Diagnostic {
    Diagnostic(id: id, message: message, location: location, related: related, hint: hint)
  }

  /// "did you mean 'X'?" for `name` among `known`, or nil.
  static func suggestion(for name: String, among known: [String]) -> String? {
    Suggestion.closest(to: name, among: known).map { "did you mean '\($0)'?" }
  }
}
