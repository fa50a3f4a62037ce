/// The differential corpus: hand-written cases plus chains of realistic fragments.
enum KollaMergeCorpus {
  /// Every case.
  static var all: [KollaMergeCase] { singles + edges + malformed + bytes + chains }

  /// Each fragment alone, with and without whitespace around `=`.
  static var singles: [KollaMergeCase] {
    KollaFragments.all.flatMap { name, text in
      [KollaMergeCase("single \(name)", [text]),
       KollaMergeCase("single \(name) no-ws", [text], whitespace: false)]
    }
  }

  /// Every ordered pair of distinct fragments, and a few three-source chains.
  static var chains: [KollaMergeCase] {
    let fragments = KollaFragments.all
    var cases: [KollaMergeCase] = []
    for (i, first) in fragments.enumerated() {
      for (j, second) in fragments.enumerated() where i != j && (i + j) % 3 == 0 {
        cases.append(KollaMergeCase("pair \(first.0)+\(second.0)", [first.1, second.1]))
      }
    }
    let k = KollaFragments.self
    cases.append(KollaMergeCase("chain nova 3", [k.novaBase, k.novaOverride, k.novaHostOverride]))
    cases.append(KollaMergeCase("chain galera 3", [k.galeraBase, k.galeraOverride, k.quoted]))
    cases.append(KollaMergeCase("chain keystone 3", [k.keystoneAuth, k.novaBase, k.multiValue]))
    cases.append(KollaMergeCase("chain orphan 3", [k.novaBase, k.orphanTop, k.emptyValues]))
    return cases
  }

  /// Edge cases of the parser and writer.
  static let edges: [KollaMergeCase] = [
    KollaMergeCase("empty source", [""]),
    KollaMergeCase("no sources", []),
    KollaMergeCase("only comments", ["# a\n; b\n#\n"]),
    KollaMergeCase("only blank lines", ["\n\n   \n\t\n"]),
    KollaMergeCase("empty section", ["[empty]\n"]),
    KollaMergeCase("empty section twice", ["[empty]\n[other]\na=1\n[empty]\n"]),
    KollaMergeCase("section repeated in one source", ["[a]\nx=1\n[b]\ny=2\n[a]\nz=3\nx=4\n"]),
    KollaMergeCase("key repeated across sources", ["[a]\nx=1\nx=2\n", "[a]\nx=3\n"]),
    KollaMergeCase("key repeated in later source", ["[a]\nx=1\n", "[a]\nx=2\nx=3\n"]),
    KollaMergeCase("position kept on replace", ["[a]\nx=1\ny=2\nz=3\n", "[a]\nz=9\nx=8\nw=7\n"]),
    KollaMergeCase("section order first seen", ["[b]\nk=1\n", "[a]\nk=2\n[b]\nk=3\n"]),
    KollaMergeCase("case sensitive sections", ["[DEFAULT]\na=1\n[default]\na=2\n"]),
    KollaMergeCase("case sensitive keys", ["[s]\nKey=1\nkey=2\n"]),
    KollaMergeCase("section name verbatim", ["[ spaced name ]\na=1\n"]),
    KollaMergeCase("section name with brackets", ["[a[b]c]\nk=v\n"]),
    KollaMergeCase("orphan only", ["a=1\nb=2\n"]),
    KollaMergeCase("orphan in second source", ["[s]\na=1\n", "top=1\n[s]\nb=2\n"]),
    KollaMergeCase("orphan in both sources", ["a=1\n[s]\nb=2\n", "a=3\nc=4\n"]),
    KollaMergeCase("orphan sentinel header", ["x=1\n[TEMPORARY_ORPHAN_VARIABLE_SECTION]\ny=2\n"]),
    KollaMergeCase("colon before equals", ["[s]\nurl: http://a=b\n"]),
    KollaMergeCase("equals before colon", ["[s]\nurl = http://a:80\n"]),
    KollaMergeCase("multiple equals", ["[s]\na = b = c\n"]),
    KollaMergeCase("key with spaces", ["[s]\nmy key  =  my value  \n"]),
    KollaMergeCase("value only spaces", ["[s]\nk =     \n"]),
    KollaMergeCase("empty then continuation", ["[s]\nk =\n  more\n"]),
    KollaMergeCase("quoted continuation", ["[s]\nk = \"a\"\n  \"b\"\n"]),
    KollaMergeCase("quote on continuation kept", ["[s]\nk = a\n  'b'\n"]),
    KollaMergeCase("single quote char", ["[s]\nk = '\n"]),
    KollaMergeCase("two quote chars", ["[s]\nk = ''\nj = \"\"\n"]),
    KollaMergeCase("nested quotes", ["[s]\nk = \"'x'\"\n"]),
    KollaMergeCase("continuation ended by blank", ["[s]\nk = a\n  b\n\nj = c\n"]),
    KollaMergeCase("continuation then comment", ["[s]\nk = a\n  b\n# c\nj = d\n"]),
    KollaMergeCase("indented comment is continuation", ["[s]\nk = a\n  # not a comment\n"]),
    KollaMergeCase("repeated multi-line key", ["[s]\nk = a\n  b\nk = c\n  d\n"]),
    KollaMergeCase("trailing whitespace stripped", ["[s]   \nk = v   \t\n"]),
    KollaMergeCase("crlf line endings", ["[s]\r\nk = v\r\nj = w\r\n"]),
    KollaMergeCase("cr line endings", ["[s]\rk = v\r"]),
    KollaMergeCase("no final newline", ["[s]\nk = v"]),
    KollaMergeCase("unicode values", ["[s]\nname = café ☕\nkey\u{00E9} = x\n"]),
    KollaMergeCase("unicode whitespace stripped", ["[s]\nk =\u{00A0}v\u{00A0}\n"]),
    KollaMergeCase("form feed before key", ["[s]\n\u{000C}k = v\n"]),
    KollaMergeCase("combining vs precomposed keys", ["[s]\ne\u{0301} = 1\n\u{00E9} = 2\n"]),
    KollaMergeCase("hash in value", ["[s]\npassword = abc#def\n"]),
    KollaMergeCase("semicolon in value", ["[s]\nopts = a;b;c\n"]),
    KollaMergeCase("url values", ["[s]\nconnection = mysql+pymysql://u:p@h/db?charset=utf8\n"]),
    KollaMergeCase("long key indentation", ["[s]\nvery_long_option_name = a\n  b\n  c\n"]),
    KollaMergeCase("no-ws continuation", ["[s]\nkey = a\n  b\n"], whitespace: false),
    KollaMergeCase("no-ws empty", ["[s]\nkey =\n"], whitespace: false),
    KollaMergeCase("comment after section header line", ["[s]\n#[t]\nk=v\n"]),
    KollaMergeCase("section header indented is continuation", ["[s]\nk = v\n [t]\n"]),
    KollaMergeCase("three sources replace", ["[s]\nk=1\n", "[s]\nk=2\n", "[s]\nk=3\n"]),
    KollaMergeCase("three sources add", ["[a]\nk=1\n", "[b]\nk=2\n", "[c]\nk=3\n"]),
    KollaMergeCase("later empty replaces", ["[s]\nk = v\n", "[s]\nk =\n"]),
    KollaMergeCase("later value replaces empty", ["[s]\nk =\n", "[s]\nk = v\n"]),
    KollaMergeCase("galera wsrep override", [
      "[mysqld]\nwsrep_provider_options = gcache.size=1G\n",
      "[mysqld]\nwsrep_provider_options = \"gcache.size=4G; gcs.fc_limit=128\"\n",
    ]),
    KollaMergeCase("nova pci multi override", [
      KollaFragments.multiValue, "[pci]\npassthrough_whitelist = []\n",
    ]),
    KollaMergeCase("tab-only separator", ["[s]\nk\t=\tv\n"]),
    KollaMergeCase("key is a number", ["[s]\n1 = one\n"]),
    KollaMergeCase("value with brackets", ["[s]\nk = [a, b]\n"]),
    KollaMergeCase("dash and dot keys", ["[s]\nlog-bin = x\noslo.policy = y\n"]),
  ]

  /// Malformed sources: kolla and Kiln must both fail.
  static let malformed: [KollaMergeCase] = [
    KollaMergeCase("bare key", ["[mysqld]\nskip-name-resolve\n"]),
    KollaMergeCase("empty key equals", ["[s]\n= value\n"]),
    KollaMergeCase("empty key colon", ["[s]\n  \n: value\n"]),
    KollaMergeCase("continuation first line", ["  indented = x\n"]),
    KollaMergeCase("continuation after section", ["[s]\n  k = v\n"]),
    KollaMergeCase("continuation after blank", ["[s]\nk = v\n\n  more\n"]),
    KollaMergeCase("continuation after comment", ["[s]\nk = v\n# c\n  more\n"]),
    KollaMergeCase("unterminated section", ["[s\nk = v\n"]),
    KollaMergeCase("empty section name", ["[]\nk = v\n"]),
    KollaMergeCase("comment after section", ["[s] # comment\n"]),
    KollaMergeCase("error in second source", ["[s]\nk = v\n", "[s]\nbroken\n"]),
    KollaMergeCase("error in third source", ["[s]\nk=1\n", "[s]\nk=2\n", "[\n"]),
  ]

  /// Byte-level cases: encodings.
  static let bytes: [KollaMergeCase] = [
    KollaMergeCase("invalid utf-8", bytes: [[0x5B, 0x73, 0x5D, 0x0A, 0x6B, 0x3D, 0xFF, 0x0A]]),
    KollaMergeCase("utf-8 bom", bytes: [[0xEF, 0xBB, 0xBF] + Array("[s]\nk=v\n".utf8)]),
    KollaMergeCase("bom before key", bytes: [[0xEF, 0xBB, 0xBF] + Array("k=v\n".utf8)]),
    KollaMergeCase("nul in value", bytes: [Array("[s]\nk=a".utf8) + [0] + Array("b\n".utf8)]),
  ]
}
