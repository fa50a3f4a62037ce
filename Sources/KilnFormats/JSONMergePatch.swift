/// RFC 7386 JSON Merge Patch.
public enum JSONMergePatch {
  /// Applies `patch` to `target` as RFC 7386 §2 `MergePatch` does: an object patch merges
  /// member by member (`null` removes), anything else replaces the target.
  public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
    guard case .object(let patchMembers) = patch else { return patch }
    var members: [JSONMember]
    if case .object(let targetMembers) = target { members = targetMembers } else { members = [] }
    for member in patchMembers {
      let existing = members.firstIndex { $0.key.scalarsEqual(member.key) }
      if member.value == .null {
        if let existing { members.remove(at: existing) }
      } else if let existing {
        members[existing].value = apply(member.value, to: members[existing].value)
      } else {
        members.append(JSONMember(member.key, apply(member.value, to: .null)))
      }
    }
    return .object(members)
  }
}
