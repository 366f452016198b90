/**
 * One emailed-link machinery for every feature that mails a single-use link (password reset, invitation):
 * {@link dev.latchkey.link.EmailLinks} is its whole API.
 */
package dev.latchkey.link;
