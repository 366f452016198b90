/**
 * Ids that every feature uses (the tenant, the user, the actor of a change), so that {@code tenant},
 * {@code account}, {@code audit} and {@code apikey} can share them without importing each other.
 */
package dev.latchkey.shared;
