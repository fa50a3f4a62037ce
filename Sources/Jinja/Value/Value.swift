/// A template-visible value with Python/Jinja2 semantics.
public enum Value: Sendable {
  /// A missing variable or attribute; any use other than tests, `default` or truthiness is an error.
  case undefined(Undefined)
  /// Python's `None`.
  case none
  /// A boolean (`True`/`False`).
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A floating-point number.
  case float(Double)
  /// A string.
  case string(String)
  /// A Python list or tuple (Ansible prints tuples as lists).
  case list([Value])
  /// An insertion-ordered dict whose keys are values.
  case map(ValueMap)
  /// A callable: macros, globals such as `range()`, `lookup()`, `caller`.
  case callable(Callable)
  /// A lazily computed mapping, e.g. Ansible's `hostvars`.
  case object(any DynamicObject)
}

extension Value {
  /// Creates a string value.
  public init(_ string: String) { self = .string(string) }

  /// Creates an undefined value named by the expression text that produced it.
  public static func undefined(_ name: String, hint: String? = nil) -> Value {
    .undefined(Undefined(name: name, hint: hint))
  }

  /// Whether the value is undefined.
  public var isUndefined: Bool {
    if case .undefined = self { return true }
    return false
  }

  /// Whether the value is `None`.
  public var isNone: Bool {
    if case .none = self { return true }
    return false
  }

  /// Python truthiness (`bool(value)`); undefined is falsy.
  public var isTruthy: Bool {
    switch self {
    case .undefined, .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .string(let s): return !s.isEmpty
    case .list(let l): return !l.isEmpty
    case .map(let m): return m.count > 0
    case .callable: return true
    case .object(let o): return !((try? o.keys())?.isEmpty ?? true)
    }
  }

  /// The Python type name of the value, as Python error messages show it.
  public var typeName: String {
    switch self {
    case .undefined: return "Undefined"
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "str"
    case .list: return "list"
    case .map: return "dict"
    case .callable: return "function"
    case .object(let o): return o.typeName
    }
  }

  /// The string payload, when the value is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The integer payload, when the value is an int or a bool (as Python treats bools).
  public var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  /// The numeric payload as a double, when the value is an int, bool or float.
  public var doubleValue: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return d
    default: return nil
    }
  }
}
