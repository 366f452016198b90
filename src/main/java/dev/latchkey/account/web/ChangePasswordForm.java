package dev.latchkey.account.web;

/** Settings → Account → Change password. Never sent back into the page: a refused password is typed again. */
record ChangePasswordForm(String currentPassword, String newPassword, String confirmation) {

	static ChangePasswordForm empty() {
		return new ChangePasswordForm("", "", "");
	}

}
