package dev.latchkey.account.web;

/** The new password, twice. The rules are checked by the service, which knows the account's email. */
record ResetPasswordForm(String password, String confirmation) {
}
