import Foundation
import Jinja
import KilnModel
import KilnTestSupport
import Testing

/// Compares Kiln's inventory model and group/host variable precedence with Ansible's own
/// InventoryManager and VariableManager on the same inventory, group_vars and host_vars.
///
/// Deliberate differences (design §2) are kept out of the fixture: Kiln lists `groups[x]` in
/// inventory order (compared here as sets), merges maps deeply (only scalars here), and applies
/// each group's inventory vars and group_vars file together (no variable here is set both in a
/// group's inventory vars and in another group's group_vars file).
@Suite(.enabled(if: AnsibleReference.isAvailable))
struct AnsibleDifferentialTests {
  static let files: [String: String] = [
    "inventory.yaml": """
    all:
      vars:
        v_all: inventory-all
        v_a: inventory-all
      hosts:
        loner:
        zed: {v_host: inline-zed}
      children:
        web:
          hosts:
            web[01:03]:
          vars:
            v_web: inventory-web
        db:
          hosts:
            db1: {v_host: inline-db1, v_d: inline-db1}
            web02:
          children:
            db_primary:
              hosts:
                db2:
        dc:
          children:
            db: {}
            web: {}
        alpha:
          hosts:
            db2:
            zed:
          vars:
            v_order: inventory-alpha
        db_primary:
          vars:
            v_order: inventory-db_primary
    """,
    "group_vars/all.yaml": "v_a: groupvars-all\nv_b: groupvars-all\n",
    "group_vars/web/10-a.yaml": "v_web: groupvars-web-10\nv_g: web-10\n",
    "group_vars/web/20-b.yaml": "v_g: web-20\n",
    "group_vars/db.yaml": "v_g: db\nv_d: groupvars-db\n",
    "group_vars/dc.yaml": "v_g: dc\nv_d: groupvars-dc\n",
    "host_vars/db1.yaml": "v_d: hostvars-db1\n",
  ]

  static let variables = ["v_all", "v_a", "v_b", "v_web", "v_g", "v_d", "v_host", "v_order"]

  static let script = """
    import json, sys
    from ansible.parsing.dataloader import DataLoader
    from ansible.inventory.manager import InventoryManager
    from ansible.vars.manager import VariableManager
    loader = DataLoader()
    inventory = InventoryManager(loader=loader, sources=[sys.argv[1]])
    manager = VariableManager(loader=loader, inventory=inventory)
    names = sys.argv[2].split(",")
    hosts, groups = {}, {}
    for host in inventory.get_hosts():
        v = manager.get_vars(host=host, include_hostvars=False)
        groups = {k: [str(h) for h in hs] for k, hs in v["groups"].items()}
        hosts[host.name] = {"group_names": [str(g) for g in v["group_names"]],
                            "vars": {n: str(v[n]) for n in names if n in v}}
    order = [h.name for h in inventory.get_hosts()]
    print(json.dumps({"hosts": hosts, "order": order, "groups": groups}))
    """

  /// Ansible's view of the fixture: hosts, groups and variables as JSON.
  static func ansibleView() throws -> [String: Any] {
    let directory = try TemporaryDirectory.make("ansible")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let inventory = directory.appendingPathComponent("inventory.yaml").path
    let result = try AnsibleReference.run(
      ["python3", "-c", script, inventory, variables.joined(separator: ",")])
    try #require(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: result.output)
    return try #require(json as? [String: Any])
  }

  /// Kiln's view of the same files as environment `e`.
  static func kilnView() throws -> ResolvedEnvironment {
    var repository = ["kiln.yaml": "kiln: 1\ndefault-env: e\n", "environments/e/env.yaml": ""]
    for (path, text) in files { repository["environments/e/\(path)"] = text }
    return try KilnRepository.load(from: MemorySource(repository)).resolve(
      engine: Fixture.engine)
  }

  @Test func inventoryAndPrecedenceMatchAnsible() throws {
    let ansible = try Self.ansibleView()
    let kiln = try Self.kilnView()
    #expect(kiln.hosts == ansible["order"] as? [String])
    let groups = try #require(ansible["groups"] as? [String: [String]])
    #expect(Set(kiln.inventory.groupNames) == Set(groups.keys))
    for (group, hosts) in groups {
      #expect(Set(kiln.hosts(inGroup: group) ?? []) == Set(hosts), "group \(group)")
    }
    let hosts = try #require(ansible["hosts"] as? [String: [String: Any]])
    for host in kiln.hosts {
      let expected = try #require(hosts[host])
      #expect(kiln.groupNames(ofHost: host) == expected["group_names"] as? [String], "\(host)")
      let variables = try kiln.variables(forHost: host)
      var actual: [String: String] = [:]
      for name in Self.variables {
        if case .string(let text)? = try variables.resolve(name) { actual[name] = text }
      }
      #expect(actual == expected["vars"] as? [String: String], "\(host)")
    }
  }
}

/// Runs the reference tools (Python with Ansible), when the machine has them.
enum AnsibleReference {
  static let python = "/usr/bin/env"

  /// Whether `python3` can import Ansible.
  static var isAvailable: Bool {
    (try? run(["python3", "-c", "import ansible"]))?.status == 0
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
    let outcome = try TestProcess.run(python, arguments)
    return (outcome.status, outcome.stdout)
  }
}
