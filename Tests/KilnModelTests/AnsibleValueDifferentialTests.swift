import Foundation
import Jinja
import KilnModel
import Testing

/// Compares lazy `{{ }}` evaluation of variables with Ansible 2.19's templar: native types for
/// a lone expression, strings otherwise, recursion into lists and maps, and undefined
/// references that `default` and `is defined` can handle.
@Suite(.enabled(if: AnsibleReference.isAvailable))
struct AnsibleValueDifferentialTests {
  /// Variables (YAML) and the value of `result` to evaluate.
  static let cases: [(variables: String, result: String)] = [
    ("n: 41", "'{{ n + 1 }}'"),
    ("n: 41", "'port {{ n }}'"),
    ("l: [1, 2]", "'{{ l + [3] }}'"),
    ("m: {a: 1}", "'{{ m.a == 1 }}'"),
    ("b: '{{ c }}'", "\"{{ b | default('fallback') }}\""),
    ("b: '{{ c }}'", "'{{ b is defined }}'"),
    ("x: 2", "['{{ x }}', 'x{{ x }}', {k: '{{ x * 3 }}'}]"),
    ("s: ' padded '", "'{{ s | trim }}'"),
    ("f: 1.5", "'{{ f * 2 }}'"),
    ("name: ctl", "'{{ name }}{{ 1 }}'"),
    ("v: null", "'{{ v }}'"),
    ("a: '{{ b }}'\nb: '{{ c }}'\nc: deep", "'{{ a }}'"),
  ]

  static let script = """
    import json, sys, yaml
    from ansible.parsing.dataloader import DataLoader
    from ansible.template import Templar, trust_as_template
    def trust(v):
        if isinstance(v, str): return trust_as_template(v)
        if isinstance(v, list): return [trust(i) for i in v]
        if isinstance(v, dict): return {k: trust(i) for k, i in v.items()}
        return v
    out = []
    for text in json.loads(sys.argv[1]):
        variables = trust(yaml.safe_load(text))
        templar = Templar(loader=DataLoader(), variables=variables)
        out.append(json.dumps(templar.template(variables["result"]), sort_keys=True))
    print(json.dumps(out))
    """

  /// Kiln's value as Python's `json.dumps(value, sort_keys=True)` writes it.
  static func json(_ value: Value?) -> String {
    switch value {
    case nil, .undefined?, .none?: return "null"
    case .bool(let flag)?: return flag ? "true" : "false"
    case .int(let number)?: return String(number)
    case .float(let number)?: return String(number)
    case .string(let text)?: return quoted(text)
    case .list(let items)?: return "[" + items.map { json($0) }.joined(separator: ", ") + "]"
    case .map(let map)?:
      let entries = map.map { (key: $0.key.stringValue ?? "?", value: json($0.value)) }
        .sorted { $0.key < $1.key }
      return "{" + entries.map { "\(quoted($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    default: return "unsupported"
    }
  }

  static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }

  @Test func lazyValuesMatchAnsible() throws {
    let documents = Self.cases.map { "\($0.variables)\nresult: \($0.result)\n" }
    let argument = String(
      decoding: try JSONSerialization.data(withJSONObject: documents), as: UTF8.self)
    let run = try AnsibleReference.run(["python3", "-c", Self.script, argument])
    try #require(run.status == 0)
    let expected = try #require(try JSONSerialization.jsonObject(with: run.output) as? [String])
    #expect(expected.count == documents.count)
    for (document, reference) in zip(documents, expected) {
      let environment = try Fixture.resolve(
        "prod", ["environments/prod/host_vars/mon01.yaml": document])
      let value = try environment.variables(forHost: "mon01").resolve("result")
      #expect(Self.json(value) == reference, "\(document)")
    }
  }
}
