package dev.latchkey.shared;

public record UserId(long value) implements java.io.Serializable {
}
