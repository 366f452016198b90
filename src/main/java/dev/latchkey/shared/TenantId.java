package dev.latchkey.shared;

/** The tenant every read and change is scoped to. */
public record TenantId(long value) implements java.io.Serializable {
}
