"""YAML as Kiln reads and writes it, for the reference renderer.

Reading: Kiln resolves plain scalars with the YAML 1.2 core schema (Sources/KilnYAML/
ScalarResolver.swift), so `yes`, `on`, `0644` and `2026-11-25` stay strings or decimals where
PyYAML's YAML 1.1 resolvers would read booleans, octals and dates; `add_core_schema()` gives a
PyYAML loader class the same resolution.

Writing: `dump()` is Kiln's block writer (Sources/KilnYAML/YAMLWriter.swift and
ScalarStyleChooser.swift) for plain data (None, bool, int, float, str, list, dict): 2-space
indentation, mappings in a sequence start on the dash's line, strings written plain unless a
YAML 1.2 or YAML 1.1 (PyYAML, Ansible) reader would read them as something else, multi-line
strings as literal blocks, the rest double-quoted.

Merge tags: `add_merge_tags()` teaches a PyYAML loader class Kiln's !append, !prepend, !remove,
!replace and !unset tags (design §2): each tagged node loads as a `Tagged` holding the tag's name
and the node's value (a list, a map or a scalar string), for the caller's merge to apply.
PyYAML is imported only when a loader is extended, so importing this module needs no PyYAML.
"""

import functools
import hashlib
import os
import re

CORE_SCHEMA = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]
CORE_PATTERNS = [(tag, re.compile(pattern)) for tag, pattern, _ in CORE_SCHEMA]
INT64 = range(-2**63, 2**63)

PLAIN_START_INDICATORS = set(" -?:,[]{}#&*!|>'\"%@`")


def add_core_schema(loader_class):
    """Replaces the implicit resolvers of PyYAML `loader_class` with YAML 1.2 core schema ones
    and makes integers read as Kiln reads them (`0o17`, `0x1F`, decimals; too large: a string)."""
    loader_class.yaml_implicit_resolvers = {}
    for tag, pattern, first in CORE_SCHEMA:
        loader_class.add_implicit_resolver(tag, re.compile(pattern), first)
    loader_class.add_constructor("tag:yaml.org,2002:int", construct_core_int)


def core_int(text):
    """The value of a core schema integer's text, or None when it does not fit 64 bits (Kiln
    then reads the text as a string)."""
    if text.startswith("0o"):
        value = int(text[2:], 8)
    elif text.startswith("0x"):
        value = int(text[2:], 16)
    else:
        value = int(text)
    return value if value in INT64 else None


def construct_core_int(loader, node):
    """A core schema integer; text that does not fit 64 bits stays a string, as in Kiln."""
    text = loader.construct_scalar(node)
    value = core_int(text)
    return text if value is None else value


def core_value_is_string(text):
    """Whether Kiln's YAML 1.2 core schema reads the plain scalar `text` as a string."""
    for tag, pattern in CORE_PATTERNS:
        if pattern.fullmatch(text):
            return tag.endswith(":int") and core_int(text) is None
    return True


class ByteCursor:
    """A read position in a text, for the YAML 1.1 matchers (YAML11Resolution.swift)."""

    def __init__(self, text):
        self.text, self.index = text, 0

    def at_end(self):
        """Whether every character has been read."""
        return self.index == len(self.text)

    def skip(self, literal):
        """Skips `literal` if the text continues with it."""
        if self.text.startswith(literal, self.index):
            self.index += len(literal)
            return True
        return False

    def skip_sign(self):
        """Skips one `+` or `-`."""
        if not self.skip("+"):
            self.skip("-")

    def skip_all(self, characters):
        """Skips every character from `characters`; returns how many."""
        start = self.index
        while self.index < len(self.text) and self.text[self.index] in characters:
            self.index += 1
        return self.index - start

    def skip_sexagesimal(self):
        """Skips `:` + one or two digits groups; False when there is none or one is bad."""
        groups = 0
        while self.skip(":"):
            if not 1 <= self.skip_all("0123456789") <= 2:
                return False
            groups += 1
        return groups > 0


def yaml11_integer(text):
    """`0b…`, `0…` octal, decimal, `0x…` and sexagesimal `1:30`, with `_` separators."""
    cursor = ByteCursor(text)
    cursor.skip_sign()
    if cursor.skip("0b"):
        return cursor.skip_all("01_") > 0 and cursor.at_end()
    if cursor.skip("0x"):
        return cursor.skip_all("0123456789abcdefABCDEF_") > 0 and cursor.at_end()
    if cursor.skip_all("0123456789_") == 0:
        return False
    return cursor.at_end() or (cursor.skip_sexagesimal() and cursor.at_end())


def yaml11_float(text):
    """Decimals with a point, `.5`, sexagesimal floats, `.inf` and `.nan`."""
    cursor = ByteCursor(text)
    cursor.skip_sign()
    if any(cursor.skip(word) for word in (".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN")):
        return cursor.at_end()
    integer_digits = cursor.skip_all("0123456789_")
    if integer_digits > 0:
        cursor.skip_sexagesimal()
    if not cursor.skip("."):
        return False
    fraction_digits = cursor.skip_all("0123456789_")
    if integer_digits == 0 and fraction_digits == 0:
        return False
    if cursor.skip("e") or cursor.skip("E"):
        cursor.skip_sign()
        if cursor.skip_all("0123456789") == 0:
            return False
    return cursor.at_end()


TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])")


def yaml11_non_string(text):
    """Whether a YAML 1.1 reader (PyYAML, so Ansible) may read plain `text` as a non-string."""
    if not text or text in ("=", "<<"):
        return True
    if len(text.encode()) <= 3 and text.lower() in ("yes", "y", "on", "no", "n", "off"):
        return True
    if text[0] in "0123456789+-.":
        return (yaml11_integer(text) or yaml11_float(text)
                or TIMESTAMP.match(text) is not None)
    return False


def needs_escape(character):
    """Whether a character cannot appear as is in YAML text (libyaml's printable set, minus
    NEL's fellow line breaks LS and PS and the byte order mark)."""
    code = ord(character)
    if code in (0x09, 0x0A) or 0x20 <= code <= 0x7E:
        return False
    if 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD:
        return code in (0xFEFF, 0x2028, 0x2029)
    return not 0x10000 <= code <= 0x10FFFF


@functools.lru_cache(maxsize=65536)
def plain_safe(text):
    """Whether `text` may be written unquoted and read back as the same string (remembered:
    the same keys and values recur host after host)."""
    if (not text or text[0] in PLAIN_START_INDICATORS or text[-1] in " :"
            or not core_value_is_string(text) or yaml11_non_string(text)
            or text.startswith(("---", "..."))):
        return False
    previous = " "
    for character in text:
        if ord(character) < 0x20 or character == "\x7f":
            return False
        if (character == "#" and previous == " ") or (character == " " and previous == ":"):
            return False
        previous = character
    return text.isascii() or not any(needs_escape(c) for c in text)


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def double_quoted(text):
    """`text` as a double-quoted scalar with YAML escapes."""
    out = ['"']
    for character in text:
        code = ord(character)
        if character in ESCAPES:
            out.append(ESCAPES[character])
        elif not needs_escape(character):
            out.append(character)
        elif code <= 0xFF:
            out.append(f"\\x{code:02X}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\U{code:08X}")
    return "".join(out) + '"'


def literal_block(text):
    """(header, lines) of a literal block reproducing multi-line `text`, or None."""
    if "\n" not in text:
        return None
    lines = text.split("\n")
    trailing = 0
    while lines and lines[-1] == "":
        lines.pop()
        trailing += 1
    first = next((line for line in lines if line), None)
    if first is None or first[0] in " \t":
        return None
    for line in lines:
        if line and not line.strip(" \t"):
            return None
        if "\r" in line or any(needs_escape(c) for c in line):
            return None
    header = "|-" if trailing == 0 else "|" if trailing == 1 else "|+"
    return header, lines + [""] * max(0, trailing - 1)


def scalar_text(value):
    """A non-string scalar as Kiln writes it (Swift's spelling of the number)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    return str(value)


def dump(value):
    """`value` (plain data, mappings as dicts in order) as Kiln's block-style YAML."""
    out = []
    if isinstance(value, dict) and value:
        write_mapping(value, 0, False, out)
    elif isinstance(value, list) and value:
        write_sequence(value, 0, False, out)
    else:
        write_after_indicator(value, 0, out)
    return "".join(out)


def write_nested(value, indent, in_sequence, out):
    """Writes a value that follows `key:` or `-` on the current line (column `indent`)."""
    if isinstance(value, dict) and value:
        out.append(" " if in_sequence else "\n")
        write_mapping(value, indent + 2, in_sequence, out)
    elif isinstance(value, list) and value:
        out.append(" " if in_sequence else "\n")
        write_sequence(value, indent + 2, in_sequence, out)
    else:
        write_after_indicator(value, indent, out)


def write_after_indicator(value, indent, out):
    """Writes a scalar or an empty collection on the current line, then its block lines."""
    block = []
    if isinstance(value, dict):
        text = "{}"
    elif isinstance(value, list):
        text = "[]"
    elif isinstance(value, str):
        if plain_safe(value):
            text = value
        elif literal_block(value):
            text, block = literal_block(value)
        else:
            text = double_quoted(value)
    else:
        text = scalar_text(value)
    at_line_start = not out or out[-1].endswith("\n")
    out.append(("" if at_line_start else " ") + text + "\n")
    pad = " " * (indent + 2)
    out.extend("\n" if not line else pad + line + "\n" for line in block)


def write_mapping(mapping, indent, first_on_current_line, out):
    """Writes `key: value` lines at column `indent`."""
    pad = " " * indent
    for index, (key, value) in enumerate(mapping.items()):
        if index > 0 or not first_on_current_line:
            out.append(pad)
        key = str(key)
        out.append((key if plain_safe(key) else double_quoted(key)) + ":")
        write_nested(value, indent, False, out)


def write_sequence(items, indent, first_on_current_line, out):
    """Writes `- item` lines at column `indent`."""
    pad = " " * indent
    for index, item in enumerate(items):
        if index > 0 or not first_on_current_line:
            out.append(pad)
        out.append("-")
        write_nested(item, indent, True, out)


MERGE_TAGS = ("append", "prepend", "remove", "replace", "unset")


class Tagged:
    """A value with one of Kiln's merge tags (!append, !prepend, !remove, !replace, !unset)."""

    def __init__(self, tag, value):
        self.tag, self.value = tag, value


def construct_tagged(tag):
    """A PyYAML constructor that loads a node (sequence, mapping or scalar) as `Tagged(tag, …)`."""
    import yaml

    def build(loader, node):
        if isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        elif isinstance(node, yaml.MappingNode):
            value = loader.construct_mapping(node, deep=True)
        else:
            value = loader.construct_scalar(node)
        return Tagged(tag, value)
    return build


def add_merge_tags(loader_class):
    """Adds a constructor for each of Kiln's merge tags to `loader_class`; returns the class."""
    for tag in MERGE_TAGS:
        loader_class.add_constructor("!" + tag, construct_tagged(tag))
    return loader_class


def secret_placeholder(name, directories):
    """Kiln's `<secret NAME sha256:…>` for `!secret NAME`: the first 12 hex digits of the
    SHA-256 of the most specific `secrets/NAME.age` along the chain (design §9)."""
    for directory in directories:
        path = os.path.join(directory, name + ".age")
        if os.path.exists(path):
            with open(path, "rb") as handle:
                return f"<secret {name} sha256:{hashlib.sha256(handle.read()).hexdigest()[:12]}>"
    raise SystemExit(f"secret {name!r} not found in {directories}")
