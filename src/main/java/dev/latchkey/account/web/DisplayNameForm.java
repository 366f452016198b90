package dev.latchkey.account.web;

/** Settings → Account: the user's name as others see it. The rules are the service's. */
record DisplayNameForm(String displayName) {
}
