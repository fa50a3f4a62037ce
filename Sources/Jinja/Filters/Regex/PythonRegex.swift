import Foundation

/// A Python `re` pattern compiled with NSRegularExpression (ICU) after translating the syntax
/// that differs: `(?P<name>…)`, `(?P=name)`, `\Z`, `{,n}`, literal braces and brackets.
struct PythonRegex: @unchecked Sendable {
  /// The compiled ICU expression (immutable, safe to share).
  let expression: NSRegularExpression
  /// Capture group numbers by name.
  let groupNames: [String: Int]

  /// A pattern that Python or ICU rejects.
  struct PatternError: Error {
    /// What is wrong.
    var message: String
  }

  /// Compiles `pattern` with Python's `re.I` and `re.M` flags.
  init(_ pattern: String, ignoreCase: Bool = false, multiline: Bool = false) throws(PatternError) {
    let translation = PythonRegex.translate(pattern, multiline: multiline)
    var options: NSRegularExpression.Options = []
    if ignoreCase { options.insert(.caseInsensitive) }
    do {
      expression = try NSRegularExpression(pattern: translation.pattern, options: options)
    } catch {
      throw PatternError(message: "invalid regular expression '\(pattern)'")
    }
    groupNames = translation.names
  }

  /// The number of capture groups.
  var groupCount: Int { expression.numberOfCaptureGroups }

  /// `re.search` (or `re.match` when `anchored`): the first match, groups as strings.
  func firstMatch(in text: String, anchored: Bool = false) -> RegexMatch? {
    let range = NSRange(text.startIndex..., in: text)
    let options: NSRegularExpression.MatchingOptions = anchored ? [.anchored] : []
    guard let result = expression.firstMatch(in: text, options: options, range: range) else {
      return nil
    }
    return RegexMatch(result, in: text, names: groupNames)
  }

  /// All non-overlapping matches, as `re.finditer`.
  func allMatches(in text: String) -> [RegexMatch] {
    let range = NSRange(text.startIndex..., in: text)
    return expression.matches(in: text, range: range).map {
      RegexMatch($0, in: text, names: groupNames)
    }
  }

  /// `re.subn(template, text, count)`: the text with matches replaced, and the number replaced.
  func substitute(in text: String, template: String, count: Int = 0) throws(PatternError) -> (
    String, Int
  ) {
    let pieces = try ReplacementTemplate.parse(template, names: groupNames, groupCount: groupCount)
    var output = ""
    var last = text.startIndex
    var replaced = 0
    for match in allMatches(in: text) {
      if count > 0, replaced == count { break }
      output += text[last..<match.range.lowerBound]
      output += ReplacementTemplate.expand(pieces, match: match)
      last = match.range.upperBound
      replaced += 1
    }
    output += text[last...]
    return (output, replaced)
  }
}

/// One match: the whole text matched and each group (nil when the group did not take part).
struct RegexMatch {
  /// Where the whole match is.
  var range: Range<String.Index>
  /// Group 0 (the whole match) and groups 1…n.
  var groups: [String?]
  /// Capture group numbers by name.
  var names: [String: Int]

  init(_ result: NSTextCheckingResult, in text: String, names: [String: Int]) {
    range = Range(result.range, in: text) ?? text.startIndex..<text.startIndex
    groups = (0..<result.numberOfRanges).map { index in
      Range(result.range(at: index), in: text).map { String(text[$0]) }
    }
    self.names = names
  }

  /// `match.group(index)`.
  func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }
}
