"""Kiln's YAML merge tags for PyYAML, shared by the Python reference scripts.

`add_merge_tags(Loader)` teaches a PyYAML loader class Kiln's !append, !prepend, !remove,
!replace and !unset tags (design §2): each tagged node loads as a `Tagged` holding the tag's name
and the node's value (a list, a map or a scalar string), for the caller's merge to apply.

PyYAML is imported only when a loader is extended, so importing this module needs no PyYAML.
"""

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
