/// The KilnImport module; its API lands with the issue that owns it.
public enum KilnImportModule {}
