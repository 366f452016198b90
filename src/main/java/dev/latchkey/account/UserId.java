package dev.latchkey.account;

public record UserId(long value) implements java.io.Serializable {
}
