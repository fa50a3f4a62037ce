/// Finds references to Ansible facts in Jinja expressions: `ansible_facts`, `ansible_<fact>`
/// (`ansible_default_ipv4`, `ansible_hostname`, …) and `hostvars[h]['ansible_…']`. Kiln gathers
/// no facts, so a value that needs one cannot be imported as is. Connection variables and
/// Ansible's magic variables (`ansible_host`, `ansible_play_hosts`, …) are not facts.
public enum FactReferences {
  /// `ansible_` names that are connection settings or magic variables, not gathered facts.
  static let notFacts: Set<String> = [
    "ansible_host", "ansible_port", "ansible_user", "ansible_connection", "ansible_password",
    "ansible_ssh_host", "ansible_ssh_port", "ansible_ssh_user", "ansible_ssh_pass",
    "ansible_ssh_private_key_file", "ansible_ssh_common_args", "ansible_ssh_extra_args",
    "ansible_ssh_pipelining", "ansible_ssh_executable", "ansible_sftp_extra_args",
    "ansible_scp_extra_args", "ansible_private_key_file", "ansible_become",
    "ansible_become_method", "ansible_become_user", "ansible_become_password",
    "ansible_become_pass", "ansible_become_exe", "ansible_become_flags", "ansible_shell_type",
    "ansible_shell_executable", "ansible_python_interpreter", "ansible_timeout",
    "ansible_play_hosts", "ansible_play_hosts_all", "ansible_play_batch", "ansible_play_name",
    "ansible_play_role_names", "ansible_role_names", "ansible_dependent_role_names",
    "ansible_parent_role_names", "ansible_parent_role_paths", "ansible_check_mode",
    "ansible_diff_mode", "ansible_forks", "ansible_inventory_sources", "ansible_limit",
    "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity", "ansible_version",
    "ansible_loop", "ansible_loop_var", "ansible_index_var", "ansible_search_path",
    "ansible_config_file", "ansible_playbook_python", "ansible_collection_name",
    "ansible_role_name", "ansible_failed_task", "ansible_failed_result",
  ]

  /// The fact names `text` uses inside `{{ … }}` or `{% … %}`, in order, each once; a bare
  /// `ansible_` is a fact name built at run time (`'ansible_' ~ interface`).
  public static func facts(in text: String) -> [String] {
    var found: [String] = []
    for expression in jinjaExpressions(in: text) {
      for name in identifiers(in: expression)
      where name.hasPrefix("ansible_") && !notFacts.contains(name) && !found.contains(name) {
        found.append(name)
      }
    }
    return found
  }

  /// The insides of every `{{ … }}` and `{% … %}` (an unclosed one runs to the end).
  static func jinjaExpressions(in text: String) -> [Substring] {
    var expressions: [Substring] = []
    var rest = Substring(text)
    while let open = firstOpening(in: rest) {
      let body = rest[rest.index(open, offsetBy: 2)...]
      let closer = rest[open...].hasPrefix("{{") ? "}}" : "%}"
      if let close = firstIndex(of: closer, in: body) {
        expressions.append(body[..<close])
        rest = body[close...].dropFirst(2)
      } else {
        expressions.append(body)
        break
      }
    }
    return expressions
  }

  private static func firstOpening(in text: Substring) -> Substring.Index? {
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      if text[index] == "{", next < text.endIndex, text[next] == "{" || text[next] == "%" {
        return index
      }
      index = next
    }
    return nil
  }

  private static func firstIndex(of needle: String, in text: Substring) -> Substring.Index? {
    var index = text.startIndex
    while index < text.endIndex {
      if text[index...].hasPrefix(needle) { return index }
      index = text.index(after: index)
    }
    return nil
  }

  /// Every identifier-shaped word (also inside quotes, for `hostvars[h]['ansible_…']`).
  private static func identifiers(in expression: Substring) -> [String] {
    var words: [String] = []
    var word = ""
    for character in expression {
      if character.isLetter || character.isNumber || character == "_" {
        word.append(character)
      } else {
        if !word.isEmpty { words.append(word) }
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }
}
