package dev.latchkey.apikey;

/**
 * Published (in the changing transaction) whenever a key's {@code expires_at} changes after its creation: a roll
 * that shortens the old key's life, a change of expiration. Expiry reminders start over for the key.
 *
 * @param apiKeyId the key's database id
 */
public record KeyExpiryChanged(long apiKeyId) {
}
