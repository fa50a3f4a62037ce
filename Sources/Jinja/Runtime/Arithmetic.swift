import Foundation

/// Python arithmetic on values; failures are `OperationError`s that the caller locates.
enum Arithmetic {
  static func add(_ left: Value, _ right: Value) throws -> Value {
    switch (left, right) {
    case (.string(let a), .string(let b)): return .string(a + b)
    case (.list(let a), .list(let b)): return .list(a + b)
    default: return try numeric("+", left, right, { $0.addingReportingOverflow($1) }, +)
    }
  }

  static func subtract(_ left: Value, _ right: Value) throws -> Value {
    try numeric("-", left, right, { $0.subtractingReportingOverflow($1) }, -)
  }

  static func multiply(_ left: Value, _ right: Value) throws -> Value {
    switch (left, right) {
    case (.string(let s), _) where right.intValue != nil && !isFloat(right):
      return .string(String(repeating: s, count: max(0, right.intValue ?? 0)))
    case (_, .string(let s)) where left.intValue != nil && !isFloat(left):
      return .string(String(repeating: s, count: max(0, left.intValue ?? 0)))
    case (.list(let items), _) where right.intValue != nil:
      return .list(repeated(items, right.intValue ?? 0))
    case (_, .list(let items)) where left.intValue != nil:
      return .list(repeated(items, left.intValue ?? 0))
    default:
      return try numeric("*", left, right, { $0.multipliedReportingOverflow(by: $1) }, *)
    }
  }

  private static func isFloat(_ value: Value) -> Bool {
    if case .float = value { return true }
    return false
  }

  private static func repeated(_ items: [Value], _ count: Int) -> [Value] {
    guard count > 0 else { return [] }
    var result: [Value] = []
    result.reserveCapacity(items.count * count)
    for _ in 0..<count { result.append(contentsOf: items) }
    return result
  }

  static func divide(_ left: Value, _ right: Value) throws -> Value {
    guard let a = left.doubleValue, let b = right.doubleValue else {
      throw unsupported("/", left, right)
    }
    guard b != 0 else { throw OperationError.zeroDivision("division by zero") }
    return .float(a / b)
  }

  static func floorDivide(_ left: Value, _ right: Value) throws -> Value {
    if let a = left.intValue, let b = right.intValue, !isFloat(left), !isFloat(right) {
      guard b != 0 else { throw OperationError.zeroDivision("integer division or modulo by zero") }
      if a == Int.min && b == -1 { throw OperationError.overflow }
      let quotient = a / b
      return .int((a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient)
    }
    guard let a = left.doubleValue, let b = right.doubleValue else {
      throw unsupported("//", left, right)
    }
    guard b != 0 else { throw OperationError.zeroDivision("float floor division by zero") }
    return .float((a / b).rounded(.down))
  }

  static func modulo(_ left: Value, _ right: Value) throws -> Value {
    if case .string(let format) = left { return .string(try percentFormat(format, right)) }
    if let a = left.intValue, let b = right.intValue, !isFloat(left), !isFloat(right) {
      guard b != 0 else { throw OperationError.zeroDivision("integer modulo by zero") }
      if b == -1 { return .int(0) }
      let remainder = a % b
      return .int((remainder != 0 && (remainder < 0) != (b < 0)) ? remainder + b : remainder)
    }
    guard let a = left.doubleValue, let b = right.doubleValue else {
      throw unsupported("%", left, right)
    }
    guard b != 0 else { throw OperationError.zeroDivision("float modulo by zero") }
    var remainder = fmod(a, b)
    if remainder != 0 && (remainder < 0) != (b < 0) { remainder += b }
    return .float(remainder)
  }

  private static func percentFormat(_ format: String, _ right: Value) throws -> String {
    do {
      switch right {
      case .list(let items):
        return try PercentFormat.format(format, positional: items, mapping: nil)
      case .map(let map): return try PercentFormat.format(format, positional: [right], mapping: map)
      default: return try PercentFormat.format(format, positional: [right], mapping: nil)
      }
    } catch {
      throw OperationError.type(error.message)
    }
  }

  static func power(_ left: Value, _ right: Value) throws -> Value {
    if let a = left.intValue, let b = right.intValue, !isFloat(left), !isFloat(right) {
      if b < 0 {
        guard a != 0 else {
          throw OperationError.zeroDivision("0.0 cannot be raised to a negative power")
        }
        return .float(pow(Double(a), Double(b)))
      }
      var result = 1
      var base = a
      var exponent = b
      while exponent > 0 {
        if exponent & 1 == 1 {
          let (product, overflow) = result.multipliedReportingOverflow(by: base)
          if overflow { throw OperationError.overflow }
          result = product
        }
        exponent >>= 1
        if exponent > 0 {
          let (square, overflow) = base.multipliedReportingOverflow(by: base)
          if overflow { throw OperationError.overflow }
          base = square
        }
      }
      return .int(result)
    }
    guard let a = left.doubleValue, let b = right.doubleValue else {
      throw unsupported("** or pow()", left, right)
    }
    return .float(pow(a, b))
  }

  static func negate(_ value: Value) throws -> Value {
    switch value {
    case .int(let i):
      if i == Int.min { throw OperationError.overflow }
      return .int(-i)
    case .bool(let b): return .int(b ? -1 : 0)
    case .float(let d): return .float(-d)
    default: throw OperationError.type("bad operand type for unary -: '\(value.typeName)'")
    }
  }

  static func positive(_ value: Value) throws -> Value {
    switch value {
    case .int, .float: return value
    case .bool(let b): return .int(b ? 1 : 0)
    default: throw OperationError.type("bad operand type for unary +: '\(value.typeName)'")
    }
  }

  private static func numeric(
    _ symbol: String, _ left: Value, _ right: Value,
    _ integer: (Int, Int) -> (partialValue: Int, overflow: Bool),
    _ floating: (Double, Double) -> Double
  ) throws -> Value {
    if let a = left.intValue, let b = right.intValue, !isFloat(left), !isFloat(right) {
      let (result, overflow) = integer(a, b)
      if overflow { throw OperationError.overflow }
      return .int(result)
    }
    guard let a = left.doubleValue, let b = right.doubleValue else {
      throw unsupported(symbol, left, right)
    }
    return .float(floating(a, b))
  }

  static func unsupported(_ symbol: String, _ left: Value, _ right: Value) -> OperationError {
    if case .string = left, symbol == "+" {
      return .type("can only concatenate str (not \"\(right.typeName)\") to str")
    }
    return .type(
      "unsupported operand type(s) for \(symbol): '\(left.typeName)' and '\(right.typeName)'")
  }
}

/// A failed value operation, located by the compiled node that performed it.
enum OperationError: Error {
  case type(String)
  case zeroDivision(String)
  case overflow
  case value(String)

  var message: String {
    switch self {
    case .type(let message), .zeroDivision(let message), .value(let message): return message
    case .overflow: return "integer overflow (the result does not fit in 64 bits)"
    }
  }

  var kind: JinjaError.Kind {
    switch self {
    case .type: return .type
    default: return .runtime
    }
  }
}
