/// The KilnExecutor module; its API lands with the issue that owns it.
public enum KilnExecutorModule {}
