package dev.latchkey.operator;

/** A tenant to create and its first admin, as asked for; checked by {@link OperatorService#create}. */
public record NewTenant(String name, String adminEmail, String adminName) {
}
