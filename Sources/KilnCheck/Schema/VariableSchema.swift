import KilnDiagnostics
import KilnGit
import KilnModel
import KilnYAML

/// A `schema.yaml`: per variable its type, allowed values, range, pattern, whether it is
/// required, deprecated (with its replacement) or secret.
///
///     variables:
///       mariadb_max_connections: {type: int, min: 1, max: 100000}
///       rabbitmq_queue_type: {type: string, enum: [classic, quorum]}
///       old_name: {deprecated: new_name}
struct VariableSchema: Sendable {
  /// One variable's rules.
  struct Entry: Sendable {
    var name: String
    var location: SourceLocation
    var type: SchemaType?
    var allowed: [YAMLNode] = []
    var minimum: Double?
    var maximum: Double?
    var pattern: String?
    var required = false
    var replacement: String?
    var isDeprecated = false
    var secret = false
  }

  /// The schema file's path.
  var path: String
  /// The service it belongs to; nil for the repository-wide schema.
  var service: String?
  var entries: [Entry]

  static let keys = [
    "type", "enum", "min", "max", "pattern", "required", "deprecated", "secret", "description",
  ]

  /// Every schema of the repository (repository-wide first, then per service by name) and the
  /// findings of the malformed ones.
  static func loadAll(_ repository: KilnRepository) -> (schemas: [VariableSchema], [Diagnostic]) {
    var places: [(path: String, service: String?)] = [("schema.yaml", nil)]
    for service in repository.services.sorted(by: { $0.name < $1.name }) {
      places.append(("\(service.directory)/\(service.schema ?? "schema.yaml")", service.name))
    }
    var schemas: [VariableSchema] = []
    var problems: [Diagnostic] = []
    for place in places {
      guard let bytes = try? repository.source.readFile(place.path) else { continue }
      do {
        let document = try YAMLParser.parse(bytes: bytes, file: place.path)
        let (entries, found) = SchemaReader.entries(document.root, file: place.path)
        schemas.append(VariableSchema(path: place.path, service: place.service, entries: entries))
        problems += found
      } catch {
        var diagnostic = error.diagnostic
        diagnostic.id = CheckID.schemaInvalid
        diagnostic.message = "schema \(place.path) is not valid YAML: \(diagnostic.message)"
        problems.append(diagnostic)
      }
    }
    return (schemas, problems)
  }
}

/// The types a schema may name.
enum SchemaType: String, Sendable, CaseIterable {
  case string, int, float, number, bool, list, map, ip, any
}
