import Foundation
import KilnTestSupport
import Testing

@testable import KilnImport

/// Reads the same inventories with Kiln's readers and with Ansible's own `ini` and `yaml`
/// inventory plugins (ansible-core from PyPI) and compares groups, members, children and typed
/// variables.
@Suite(.enabled(if: AnsibleIniReference.isAvailable))
struct AnsibleIniDifferentialTests {
  static let corpus: [String] = [
    "ctl01\n[g]\nh1 a=1 b='two' c=\"x y\" d=[1,2] e={'k': None} f=True g=1.5 h=010 i=yes\n",
    "[g]\nn[01:03] x=1\nweb[a:c]:2222\n[g:vars]\nlist = ['a', \"b\"]\nstr = hello world # not a comment\n",
    "[parent:children]\nchild\n[child]\nc1\n[child:vars]\nv=1\n[parent:vars]\nv=2\n",
    "[a:vars]\nx=1\n[a]\nh\n[b:children]\na\n[c:children]\nb\n[c]\n",
    "h1\nh2\n[g]\nh1\n[all:vars]\nansible_user=root\n",
    "; comment\n# comment\n[g] # trailing\nh a=b#c d='e#f'\n\n[g2]\nh a=2\n",
    "[g]\nh a='\\x41' b=r'\\n' c=0x10 d=-3 e=1_0 f=1e2 g=() h=set() i=... j=1j\n",
    "[g]\n[g:children]\n[g]\nh\n[h:children]\ng\n",
    "[g]\nh a={'x': [1, {'y': 'z'}]} b=(1,2) c={1,2}\n",
    "[g]\nhost:\n", "[g:children]\nmissing\n", "[g:bad]\n", "[g]\nh a\n", "[x:vars]\na=1\n",
    "[g]\nn[01:3]\n", "[g]\nh a=\"open\n",
  ]

  /// The kolla fixture's multinode inventory.
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/import/kolla/multinode")

  static let yamlCorpus: [String] = [
    "all:\n  vars: {a: yes, b: 0755, c: '0755', d: 1.5}\n  hosts:\n    solo:\n  children:\n"
      + "    web:\n      hosts:\n        web[01:02]:2222: {x: [1, {y: z}]}\n      vars: {v: 1}\n"
      + "      children:\n        inner:\n          hosts: {i1: }\n",
    "web:\n  hosts:\n    h1:\n  children: inner\ninner:\n  hosts: h2\n",
    "all:\n  children:\n    g:\n      hosts: [a]\n",
  ]

  @Test(arguments: Array(yamlCorpus.indices))
  func yamlSameAsAnsible(_ index: Int) throws {
    let text = Self.yamlCorpus[index]
    let reference = try AnsibleIniReference.read(text, plugin: "yaml")
    var inventory = ImportedInventory()
    do {
      _ = try YAMLInventoryReader.parse(text, file: "hosts.yml", into: &inventory)
    } catch {
      #expect(reference["error"] != nil, "Kiln failed, Ansible did not: \(error)")
      return
    }
    let ours = AnsibleIniReference.json(inventory)
    #expect(
      NSDictionary(dictionary: ours).isEqual(to: reference),
      "\(text)\nKiln:    \(ours)\nAnsible: \(reference)")
  }

  @Test func kollaFixtureSameAsAnsible() throws {
    try compare(String(contentsOf: Self.fixture, encoding: .utf8))
  }

  @Test(arguments: Array(corpus.indices))
  func sameAsAnsible(_ index: Int) throws {
    try compare(Self.corpus[index])
  }

  private func compare(_ text: String) throws {
    let reference = try AnsibleIniReference.read(text)
    var inventory = ImportedInventory()
    do {
      _ = try IniInventoryParser.parse(text, file: "hosts", into: &inventory)
    } catch {
      #expect(reference["error"] != nil, "Kiln failed, Ansible did not: \(error)")
      if let line = reference["line"] as? Int {
        #expect(error.diagnostics.first?.location?.line == line)
      }
      return
    }
    #expect(reference["error"] == nil, "Ansible failed, Kiln did not: \(reference)")
    let ours = AnsibleIniReference.json(inventory)
    #expect(
      NSDictionary(dictionary: ours).isEqual(to: reference),
      "\(text)\nKiln:    \(ours)\nAnsible: \(reference)")
  }
}

/// Runs Ansible's `ini` plugin on one inventory and describes the result as JSON.
enum AnsibleIniReference {
  static let isAvailable: Bool = {
    (try? run(["-c", "import ansible.plugins.inventory.ini"])) != nil
  }()

  static let script = """
    import json, sys
    from ansible.parsing.dataloader import DataLoader
    from ansible.plugins.loader import init_plugin_loader, inventory_loader
    from ansible.inventory.data import InventoryData
    init_plugin_loader()
    plugin = inventory_loader.get(sys.argv[2])
    data = InventoryData()
    try:
        plugin.parse(data, DataLoader(), sys.argv[1])
    except Exception as error:
        line = getattr(getattr(error, 'obj', None), 'line_num', None)
        print(json.dumps({'error': str(error), 'line': line}))
        sys.exit(0)
    data.reconcile_inventory()
    skip = {'inventory_file', 'inventory_dir'}
    clean = lambda d: {k: v for k, v in d.items() if k not in skip}
    groups = {g.name: {'hosts': [h.name for h in g.hosts],
                       'children': [c.name for c in g.child_groups], 'vars': clean(g.vars)}
              for g in data.groups.values() if g.name != 'all'}
    groups['all'] = {'vars': clean(data.groups['all'].vars)}
    hosts = {h.name: clean(h.vars) for h in data.hosts.values()}
    print(json.dumps({'groups': groups, 'hosts': hosts, 'order': list(data.hosts)}, default=str))
    """

  static func run(_ arguments: [String]) throws -> Data {
    let outcome = try TestProcess.run("python3", arguments)
    guard outcome.status == 0 else { throw CocoaError(.executableLoad) }
    return outcome.stdout
  }

  static func read(_ text: String, plugin: String = "ini") throws -> [String: Any] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kiln-\(plugin)-\(UUID().uuidString)" + (plugin == "yaml" ? ".yml" : ""))
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let data = try run(["-c", script, file.path, plugin])
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  /// Kiln's reading in the reference's shape.
  static func json(_ inventory: ImportedInventory) -> [String: Any] {
    var groups: [String: Any] = [:]
    for group in inventory.groups where group.name != "all" {
      let hosts = group.name == "ungrouped" ? inventory.ungroupedHosts : group.hosts
      groups[group.name] = [
        "hosts": hosts, "children": group.children, "vars": variables(group.variables),
      ]
    }
    groups["all"] = ["vars": variables(inventory.group(named: "all")?.variables ?? [])]
    var hosts: [String: Any] = [:]
    for host in inventory.hosts { hosts[host.name] = variables(host.variables) }
    return ["groups": groups, "hosts": hosts, "order": inventory.hosts.map(\.name)]
  }

  static func variables(_ variables: [InventoryVariable]) -> [String: Any] {
    Dictionary(variables.map { ($0.name, value($0.value)) }, uniquingKeysWith: { $1 })
  }

  static func value(_ value: InventoryValue) -> Any {
    switch value {
    case .null: NSNull()
    case .bool(let flag): flag
    case .int(let number): number
    case .float(let number): number
    case .string(let text): text
    case .list(let items): items.map(Self.value)
    case .map(let pairs):
      Dictionary(pairs.map { ($0.key, Self.value($0.value)) }, uniquingKeysWith: { $1 })
    }
  }
}
