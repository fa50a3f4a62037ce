/// One line of a unified diff hunk.
public struct DiffLine: Sendable, Hashable {
  /// Whether the line is shared, only in the old version or only in the new one.
  public enum Kind: String, Sendable, Hashable {
    /// Present on both sides (context).
    case context
    /// Only in the old version.
    case removed
    /// Only in the new version.
    case added
  }

  /// The line's role.
  public var kind: Kind
  /// The line's text without its newline.
  public var text: String

  /// Creates a line.
  public init(kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }
}

/// A unified diff hunk: `@@ -oldStart,oldCount +newStart,newCount @@` and its lines.
public struct DiffHunk: Sendable, Hashable {
  /// First old line (1-based; 0 when the old range is empty).
  public var oldStart: Int
  /// Number of old lines covered.
  public var oldCount: Int
  /// First new line (1-based; 0 when the new range is empty).
  public var newStart: Int
  /// Number of new lines covered.
  public var newCount: Int
  /// Context, removed and added lines in order.
  public var lines: [DiffLine]

  /// The `@@ … @@` header.
  public var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
}

/// Line-by-line comparison (Myers' O(ND) algorithm) and unified diff hunks with context.
public enum LineDiff {
  /// The hunks turning `old` into `new`, each with up to `context` unchanged lines around it.
  public static func hunks(old: [String], new: [String], context: Int = 3) -> [DiffHunk] {
    let script = edits(old: old, new: new)
    let changed = script.indices.filter { script[$0].kind != .context }
    guard let first = changed.first else { return [] }
    var groups: [ClosedRange<Int>] = []
    var groupStart = first
    var previous = first
    for index in changed.dropFirst() {
      if index - previous > 2 * context {
        groups.append(groupStart...previous)
        groupStart = index
      }
      previous = index
    }
    groups.append(groupStart...previous)
    return groups.map { group in
      let lower = max(0, group.lowerBound - context)
      let upper = min(script.count, group.upperBound + context + 1)
      return hunk(script[lower..<upper])
    }
  }

  /// Splits text into lines without their newlines (a final newline adds no empty line).
  public static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  struct Edit {
    var kind: DiffLine.Kind
    var text: String
    var oldLine: Int
    var newLine: Int
  }

  private static func hunk(_ slice: ArraySlice<Edit>) -> DiffHunk {
    let oldCount = slice.filter { $0.kind != .added }.count
    let newCount = slice.filter { $0.kind != .removed }.count
    let first = slice.first
    return DiffHunk(
      oldStart: oldCount == 0 ? max(0, (first?.oldLine ?? 1) - 1) : first?.oldLine ?? 0,
      oldCount: oldCount,
      newStart: newCount == 0 ? max(0, (first?.newLine ?? 1) - 1) : first?.newLine ?? 0,
      newCount: newCount, lines: slice.map { DiffLine(kind: $0.kind, text: $0.text) })
  }

  /// Beyond this many differing lines the script is "replace the middle" instead of minimal.
  static let maximumDepth = 2000

  /// The shortest edit script, as context/removed/added lines with their 1-based line numbers
  /// (the line the edit sits at on each side). Common prefix and suffix are trimmed first.
  static func edits(old: [String], new: [String]) -> [Edit] {
    var prefix = 0
    while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix && suffix < new.count - prefix
      && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    var script = (0..<prefix).map {
      Edit(kind: .context, text: old[$0], oldLine: $0 + 1, newLine: $0 + 1)
    }
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])
    for var edit in middleEdits(old: oldMiddle, new: newMiddle) {
      edit.oldLine += prefix
      edit.newLine += prefix
      script.append(edit)
    }
    for index in 0..<suffix {
      let oldIndex = old.count - suffix + index
      let newIndex = new.count - suffix + index
      script.append(
        Edit(kind: .context, text: old[oldIndex], oldLine: oldIndex + 1, newLine: newIndex + 1))
    }
    return script
  }

  private static func middleEdits(old: [String], new: [String]) -> [Edit] {
    guard let trace = forwardTrace(old: old, new: new) else {
      return old.enumerated().map {
        Edit(kind: .removed, text: $0.element, oldLine: $0.offset + 1, newLine: 1)
      }
        + new.enumerated().map {
          Edit(kind: .added, text: $0.element, oldLine: old.count + 1, newLine: $0.offset + 1)
        }
    }
    var x = old.count
    var y = new.count
    var reversed: [Edit] = []
    for depth in stride(from: trace.count - 1, through: 0, by: -1) {
      let v = trace[depth]
      let k = x - y
      let previousK: Int
      if depth == 0 {
        previousK = k
      } else if k == -depth || (k != depth && v[k - 1] < v[k + 1]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = depth == 0 ? 0 : v[previousK]
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        reversed.append(Edit(kind: .context, text: old[x - 1], oldLine: x, newLine: y))
        x -= 1
        y -= 1
      }
      guard depth > 0 else { break }
      if x == previousX {
        reversed.append(Edit(kind: .added, text: new[y - 1], oldLine: x + 1, newLine: y))
      } else {
        reversed.append(Edit(kind: .removed, text: old[x - 1], oldLine: x, newLine: y + 1))
      }
      x = previousX
      y = previousY
    }
    return reversed.reversed()
  }

  /// The furthest-reaching x per diagonal before each depth step (Myers 1986); nil when the
  /// files differ in more than `maximumDepth` lines.
  private static func forwardTrace(old: [String], new: [String]) -> [Diagonals]? {
    let n = old.count
    let m = new.count
    var v = Diagonals(radius: 1)
    var trace: [Diagonals] = []
    for depth in 0...min(n + m, maximumDepth) {
      trace.append(v)
      var next = Diagonals(radius: depth + 1)
      for k in stride(from: -depth, through: depth, by: 2) {
        var x: Int
        if k == -depth || (k != depth && v[k - 1] < v[k + 1]) {
          x = v[k + 1]
        } else {
          x = v[k - 1] + 1
        }
        var y = x - k
        while x < n && y < m && old[x] == new[y] {
          x += 1
          y += 1
        }
        next[k] = x
        if x >= n && y >= m { return trace }
      }
      for k in stride(from: -depth + 1, through: depth - 1, by: 2) { next[k] = v[k] }
      v = next
    }
    return nil
  }

  /// Furthest x per diagonal k in -radius...radius.
  struct Diagonals {
    var values: [Int]
    let radius: Int

    init(radius: Int) {
      self.radius = radius
      values = [Int](repeating: 0, count: 2 * radius + 3)
    }

    subscript(k: Int) -> Int {
      get { k + radius + 1 >= 0 && k + radius + 1 < values.count ? values[k + radius + 1] : 0 }
      set { values[k + radius + 1] = newValue }
    }
  }
}

/// One changed line: a line replaced (both sides), added (new only) or removed (old only).
public struct LineChange: Sendable, Hashable {
  /// 1-based line in the old text (nil when added).
  public var oldLine: Int?
  /// 1-based line in the new text (nil when removed).
  public var newLine: Int?
  /// The old text (nil when added).
  public var old: String?
  /// The new text (nil when removed).
  public var new: String?

  /// Creates a changed line.
  public init(oldLine: Int?, newLine: Int?, old: String?, new: String?) {
    self.oldLine = oldLine
    self.newLine = newLine
    self.old = old
    self.new = new
  }
}

extension LineDiff {
  /// The changed lines turning `old` into `new`; within a block of removals followed by
  /// additions, the n-th removed line pairs with the n-th added one.
  public static func changedLines(old: [String], new: [String]) -> [LineChange] {
    var result: [LineChange] = []
    var removed: [Edit] = []
    var added: [Edit] = []
    func flush() {
      for index in 0..<max(removed.count, added.count) {
        let before = index < removed.count ? removed[index] : nil
        let after = index < added.count ? added[index] : nil
        result.append(
          LineChange(
            oldLine: before?.oldLine, newLine: after?.newLine, old: before?.text,
            new: after?.text))
      }
      removed = []
      added = []
    }
    for edit in edits(old: old, new: new) {
      switch edit.kind {
      case .context: flush()
      case .removed: removed.append(edit)
      case .added: added.append(edit)
      }
    }
    flush()
    return result
  }
}
