import KilnTestSupport

extension SplitMix64 {
  /// Seeds the generator from a text (FNV-1a of its UTF-8 bytes), stable across runs.
  init(seed text: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    self.init(seed: hash)
  }
}

/// Produces truncated and mutated copies of a template for the robustness test.
enum FuzzMutator {
  /// Fragments inserted by mutations: delimiters, keywords and operators of the language.
  static let fragments: [String] = [
    "{{", "}}", "{%", "%}", "{#", "#}", "{%-", "-%}", "+%}", "{{-", "-}}", "|", "(", ")", "[",
    "]", "{", "}", "'", "\"", ",", ".", ":", "=", "~", "*", "**", "//", "%", "-", "\n", "\\",
    " if ", " else ", " in ", " is ", " not ", " and ", " or ", "endif", "endfor", "endmacro",
    "{% if x %}", "{% endif %}", "{% for i in x %}", "{% endfor %}", "{% macro m() %}",
    "{% endmacro %}", "{% set y = %}", "{% raw %}", "{% endraw %}", "{% call m() %}",
    "{% filter upper %}", "{% include 'nope.j2' %}", "loop.", "caller()", "| default",
    "| join(", "recursive", "#jinja2: trim_blocks: False\n", "none", "undefined_name", "ä",
    "\u{0}",
  ]

  /// Prefixes of `text` cut at every `step`-th character (every character when short).
  static func truncations(of text: String) -> [String] {
    let characters = Array(text)
    guard !characters.isEmpty else { return [] }
    let step = max(1, characters.count / 24)
    return stride(from: 0, to: characters.count, by: step).map { String(characters[..<$0]) }
  }

  /// `count` mutated copies of `text`, deterministic for a given `seed`.
  static func mutations(of text: String, count: Int, seed: String) -> [String] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      var characters = Array(text)
      let edits = Int.random(in: 1...3, using: &generator)
      for _ in 0..<edits {
        mutate(&characters, using: &generator)
      }
      return String(characters)
    }
  }

  private static func mutate(_ characters: inout [Character], using generator: inout SplitMix64) {
    let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &generator)
    switch Int.random(in: 0..<5, using: &generator) {
    case 0:
      let fragment = fragments.randomElement(using: &generator) ?? "{{"
      characters.insert(contentsOf: Array(fragment), at: position)
    case 1 where !characters.isEmpty:
      let length = Int.random(in: 1...min(8, characters.count - position), using: &generator)
      characters.removeSubrange(position..<position + length)
    case 2 where !characters.isEmpty:
      let length = Int.random(in: 1...min(6, characters.count - position), using: &generator)
      characters.insert(contentsOf: characters[position..<position + length], at: position)
    case 3 where characters.count > 1:
      let other = Int.random(in: 0..<characters.count, using: &generator)
      characters.swapAt(position, other)
    default:
      let fragment = fragments.randomElement(using: &generator) ?? "}}"
      if characters.isEmpty {
        characters = Array(fragment)
      } else {
        characters.replaceSubrange(position...position, with: Array(fragment))
      }
    }
  }
}
