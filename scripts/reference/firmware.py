"""Firmware documents as Kiln renders them (Sources/KilnFirmware), for the reference renderer.

Each host that runs the `firmware` service and selects a hardware-class profile with
`firmware_profile` gets `firmware/bios.json` (the Redfish BIOS settings PATCH body),
`firmware/raid.json` (Ironic's `target_raid_config`, only with logical disks) and
`firmware/kayobe.yml` (kayobe's `bios_config` and `raid_config`). Profiles live in
`templates/firmware/profiles/<name>.yaml`; `extends:` merges a profile over its parent's, and the
host's `firmware_bios_attributes`, `firmware_bios_apply_time` and `firmware_raid_logical_disks`
merge over the selected profile (see shared notes' FIRMWARE-FORMAT.md §1-3).

Only the rendering is ported: the KLN5xx checks (registries, Ironic's schema, RAID capacity)
are Kiln's; an estate Kiln renders passes them. A profile that does not exist or an `extends:`
cycle stops the render, as in Kiln.
"""

import json
import os

import kiln_yaml

SERVICE = "firmware"
PROFILES = os.path.join("templates", "firmware", "profiles")
DEFAULT_APPLY_TIME = "OnReset"
IRONIC_FIELDS = [
    "raid_level", "size_gb", "volume_name", "is_root_volume", "share_physical_disks",
    "disk_type", "interface_type", "number_of_physical_disks", "controller", "physical_disks",
]
UNDEFINED = object()


class Settings:
    """A profile's settings, or one layer of them (a profile file, a host's variables)."""

    def __init__(self, name=None):
        self.name = name
        self.vendor = self.model = self.apply_time = None
        self.attributes = {}
        self.disks = {}

    def applying(self, layer):
        """These settings with `layer` on top: scalars replace, attributes merge key by key,
        logical disks handle by handle and field by field, `None` removes
        (FirmwareProfile.applying)."""
        result = Settings(self.name)
        result.vendor = layer.vendor or self.vendor
        result.model = layer.model or self.model
        result.apply_time = layer.apply_time or self.apply_time
        result.attributes = merged(self.attributes, layer.attributes)
        result.disks = dict(self.disks)
        for handle, fields in layer.disks.items():
            if fields is None:
                result.disks.pop(handle, None)
            elif handle in result.disks:
                result.disks[handle] = merged(result.disks[handle], fields)
            else:
                result.disks[handle] = {k: v for k, v in fields.items() if v is not None}
        return result


def merged(base, changes):
    """`base` with `changes` applied: existing keys keep their place, new keys append, `None`
    removes."""
    result = dict(base)
    for key, value in changes.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def mapping(value):
    """A mapping read from YAML or a variable (None reads as empty), keys as strings."""
    return {str(key): item for key, item in (value or {}).items()}


def profile_layer(document):
    """The settings one profile file writes (ProfileReader.swift), and its `extends:`."""
    layer = Settings()
    document = mapping(document)
    layer.vendor, layer.model = document.get("vendor"), document.get("model")
    bios, raid = mapping(document.get("bios")), mapping(document.get("raid"))
    layer.apply_time = bios.get("apply_time")
    layer.attributes = mapping(bios.get("attributes"))
    for handle, fields in mapping(raid.get("logical_disks")).items():
        layer.disks[handle] = None if fields is None else mapping(fields)
    return layer, document.get("extends")


class Catalog:
    """Every profile of a repository, `extends:` chains resolved on first use, and the
    documents rendered so far by profile and host overrides."""

    def __init__(self, repository, load):
        self.layers, self.resolved, self.documents = {}, {}, {}
        directory = os.path.join(repository, PROFILES)
        names = sorted(os.listdir(directory)) if os.path.isdir(directory) else []
        for file in names:
            stem, extension = os.path.splitext(file)
            path = os.path.join(directory, file)
            if extension in (".yaml", ".yml") and not os.path.isdir(path):
                self.layers[stem] = profile_layer(load(path))

    def profile(self, name):
        """The profile `name` merged over its `extends:` chain."""
        if name not in self.resolved:
            chain, current = [], name
            while current is not None:
                if current not in self.layers:
                    raise SystemExit(f"firmware profile {current!r} does not exist")
                if current in chain:
                    raise SystemExit(f"firmware profiles extend in a cycle: {chain}")
                chain.append(current)
                current = self.layers[current][1]
            profile = Settings(name)
            profile.apply_time = DEFAULT_APPLY_TIME
            for member in reversed(chain):
                profile = profile.applying(self.layers[member][0])
            self.resolved[name] = profile
        return self.resolved[name]


def host_layer(variable):
    """The selected profile's name (None without one) and the layer of the host's `firmware_*`
    variables (HostFirmwareVariables.swift); `variable(name)` gives an evaluated variable or
    UNDEFINED."""
    name = variable("firmware_profile")
    if name is UNDEFINED or not name:
        return None, None
    layer = Settings()
    apply_time = variable("firmware_bios_apply_time")
    if apply_time is not UNDEFINED:
        layer.apply_time = apply_time
    attributes = variable("firmware_bios_attributes")
    if attributes is not UNDEFINED:
        layer.attributes = {k: v for k, v in (attributes or {}).items() if isinstance(k, str)}
    disks = variable("firmware_raid_logical_disks")
    if disks is not UNDEFINED:
        for handle, fields in (disks or {}).items():
            if isinstance(handle, str):
                layer.disks[handle] = None if fields is None else {
                    k: v for k, v in fields.items() if isinstance(k, str)}
    return name, layer


def json_document(value):
    """Kiln's JSON writer: 2-space indentation, UTF-8 kept, final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def documents(settings):
    """bios.json, the kayobe.yml header's profile part and body, and raid.json (None without
    logical disks) of resolved `settings` (FirmwareDocuments.swift)."""
    attributes = {key: settings.attributes[key] for key in sorted(settings.attributes)}
    disks = [{field: disk[field] for field in IRONIC_FIELDS if field in disk}
             for disk in settings.disks.values()]
    bios = {"Attributes": attributes,
            "@Redfish.SettingsApplyTime": {"ApplyTime": settings.apply_time}}
    identity = " ".join(part for part in (settings.vendor, settings.model) if part)
    profile = f"firmware profile {settings.name} ({identity}).\n"
    kayobe = kiln_yaml.dump({"bios_config": attributes, "raid_config": disks})
    raid = json_document({"logical_disks": disks}) if disks else None
    return json_document(bios), profile, kayobe, raid


def host_files(host, variable, catalog):
    """[(path, text)] of `host`'s firmware files: none without a profile, raid.json only with
    logical disks. Hosts with the same profile and overrides share the documents (as in Kiln)."""
    name, layer = host_layer(variable)
    if name is None:
        return []
    key = repr((name, layer.apply_time, layer.attributes, layer.disks))
    if key not in catalog.documents:
        catalog.documents[key] = documents(catalog.profile(name).applying(layer))
    bios, profile, kayobe, raid = catalog.documents[key]
    files = [("firmware/bios.json", bios),
             ("firmware/kayobe.yml",
              f"# kayobe BIOS and RAID variables of {host}: {profile}{kayobe}")]
    if raid is not None:
        files.append(("firmware/raid.json", raid))
    return files
