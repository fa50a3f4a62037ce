import Foundation
import KilnTestSupport
import Testing

/// `kiln render`'s summary on an estate too large to list host by host.
@Suite struct RenderSummaryTests {
  /// 50 web hosts, of which web10 and web20 also run the admin service.
  private static func repository() -> [String: String] {
    let hosts = (1...50).map { String(format: "web%02d", $0) }
    let admins = ["web10", "web20"]
    return [
      "kiln.yaml": "kiln: 1\ndefault-env: prod\n",
      "environments/prod/env.yaml": "inherits: []\n",
      "environments/prod/inventory.yaml": """
      all:
        children:
          web:
            hosts:
      \(hosts.map { "        \($0): {}" }.joined(separator: "\n"))
          admin:
            hosts:
      \(admins.map { "        \($0): {}" }.joined(separator: "\n"))

      """,
      "templates/app/service.yaml": """
      name: app
      hosts: web
      files:
        - {src: app.conf.j2, dest: app/app.conf, format: ini}

      """,
      "templates/app/app.conf.j2": "[app]\nhost = {{ inventory_hostname }}\n",
      "templates/admin/service.yaml": """
      name: admin
      hosts: admin
      files:
        - {src: admin.conf.j2, dest: admin/admin.conf, format: ini}

      """,
      "templates/admin/admin.conf.j2": "[admin]\nhost = {{ inventory_hostname }}\n",
    ]
  }

  @Test func runsOfAlikeHostsShareOneRowAndEveryFileIsWritten() throws {
    let root = try TemporaryDirectory.make("summary")
    defer { try? FileManager.default.removeItem(at: root) }
    try writeFiles(Self.repository(), under: root)
    try shell("git init -q && git add -A && git commit -q -m estate", in: root)
    let result = try KilnProcess.run(["render", "--env", "prod", "--out", "out"], in: root)
    #expect(result.exitCode == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    #expect(
      rows.first == "Rendered env prod from the working tree: 50 hosts, 2 services, 52 files → out")
    #expect(rows.contains("host admin app files"))
    #expect(rows.contains("web01 … web09 (9 hosts) - 1 1"))
    #expect(rows.contains("web10 1 1 2"))
    #expect(rows.contains("web11 … web19 (9 hosts) - 1 1"))
    #expect(rows.contains("web21 … web50 (30 hosts) - 1 1"))
    #expect(rows.contains("total 2 50 52"))
    #expect(rows.count < 12)
    let written = files(under: root.appendingPathComponent("out"))
    #expect(written.count == 53)
    #expect(written["web37/app/app.conf"] == Data("[app]\nhost = web37\n".utf8))
  }
}
