package dev.latchkey.tenant;

/** The tenant every read and change is scoped to. */
public record TenantId(long value) implements java.io.Serializable {
}
